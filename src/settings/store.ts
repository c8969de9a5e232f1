/** Settings in storage.sync, read through the validating reader and observed live. */
import browser from 'webextension-polyfill';
import { readSettings, SETTINGS_KEY, SETTINGS_VERSION, type Settings, type SettingsReadResult } from './settings';

export type SettingsChange = Partial<Omit<Settings, 'schemaVersion'>>;

export async function loadSettings(): Promise<SettingsReadResult> {
  let stored: Record<string, unknown>;
  try {
    stored = await browser.storage.sync.get(SETTINGS_KEY);
  } catch (error) {
    return { ...readSettings(undefined), problem: `Settings could not be read (${describe(error)}); defaults are used.` };
  }
  const result = readSettings(stored[SETTINGS_KEY]);
  if (result.migrated) {
    // Best effort: if the write fails, the stored value stays as it was and is migrated again next time.
    await browser.storage.sync.set({ [SETTINGS_KEY]: result.settings }).catch(() => undefined);
  }
  return result;
}

/**
 * Applies a change on top of the stored settings, keeping keys from newer versions. Throws (with a readable
 * message) if storage refuses the write, e.g. over quota; the stored settings are then unchanged.
 */
export async function updateSettings(change: SettingsChange): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  const raw = stored[SETTINGS_KEY] as Record<string, unknown> | undefined;
  const fromNewerVersion =
    !!raw && typeof raw === 'object' && typeof raw.schemaVersion === 'number' && raw.schemaVersion > SETTINGS_VERSION;
  const current = readSettings(raw).settings;
  const next = { ...current, ...change, layers: { ...current.layers, ...(change.layers ?? {}) } } as Settings;
  // Settings written by a newer version keep their version and shape; only the keys we own change.
  const toStore = fromNewerVersion ? { ...raw, ...change, layers: { ...(raw!.layers as object), ...(change.layers ?? {}) } } : next;
  try {
    await browser.storage.sync.set({ [SETTINGS_KEY]: toStore });
  } catch (error) {
    throw new Error(`Settings were not saved: ${describe(error)}`);
  }
  return next;
}

/** Replaces all settings (import, reset). The value is validated first; an invalid one changes nothing. */
export async function replaceSettings(value: unknown): Promise<SettingsReadResult> {
  const result = readSettings(value);
  if (result.problem && value !== undefined) throw new Error(result.problem);
  try {
    await browser.storage.sync.set({ [SETTINGS_KEY]: result.settings });
  } catch (error) {
    throw new Error(`Settings were not saved: ${describe(error)}`);
  }
  return result;
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'sync' || !(SETTINGS_KEY in changes)) return;
    listener(readSettings(changes[SETTINGS_KEY]!.newValue).settings);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
