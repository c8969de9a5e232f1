/** Settings in storage.sync, read through the validating reader and observed live. */
import browser from 'webextension-polyfill';
import { readSettings, SETTINGS_KEY, SETTINGS_VERSION, type Settings, type SettingsReadResult } from './settings';

export async function loadSettings(): Promise<SettingsReadResult> {
  let stored: Record<string, unknown>;
  try {
    stored = await browser.storage.sync.get(SETTINGS_KEY);
  } catch (error) {
    return { ...readSettings(undefined), problem: `Settings could not be read (${String(error)}); defaults used.` };
  }
  const result = readSettings(stored[SETTINGS_KEY]);
  if (result.migrated) {
    // Best effort: a failed write leaves the stored value as it was.
    await browser.storage.sync.set({ [SETTINGS_KEY]: result.settings }).catch(() => undefined);
  }
  return result;
}

/** Applies a change on top of the stored settings (keeping keys from newer versions). Throws on failure. */
export async function updateSettings(change: Partial<Omit<Settings, 'schemaVersion'>>): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  const raw = stored[SETTINGS_KEY] as Record<string, unknown> | undefined;
  const fromNewerVersion =
    !!raw && typeof raw === 'object' && typeof raw.schemaVersion === 'number' && raw.schemaVersion > SETTINGS_VERSION;
  // Settings written by a newer version keep their version and shape; we only change the keys we own.
  const next = (fromNewerVersion ? { ...raw, ...change } : { ...readSettings(raw).settings, ...change }) as Settings;
  await browser.storage.sync.set({ [SETTINGS_KEY]: next });
  return next;
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'sync' || !(SETTINGS_KEY in changes)) return;
    listener(readSettings(changes[SETTINGS_KEY]!.newValue).settings);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
