/**
 * Typed, defaulted, versioned settings. Stored in storage.sync under one key; every read is validated and migrated,
 * so corrupt or foreign values fall back to defaults (and are reported) instead of breaking the extension.
 * Pure: the storage access lives in ./store.ts.
 */
import * as v from 'valibot';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export const SettingsV1 = v.object({
  schemaVersion: v.literal(1),
  /** Master switch for every annotation. */
  enabled: v.boolean(),
  /** Delay before a card opens on hover, in milliseconds; 0 turns hover-opening off. */
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5000)),
});
export type Settings = v.InferOutput<typeof SettingsV1>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  schemaVersion: 1,
  enabled: true,
  hoverDelayMs: 600,
}) as Settings;

export interface SettingsReadResult {
  settings: Settings;
  /** Set when the stored value was unusable and defaults (or part of them) were used instead. */
  problem?: string;
  /** The stored value needed migrating: write `settings` back. */
  migrated: boolean;
}

/** Migrations from version N to N+1, keyed by N. Each takes the raw object of version N. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 0: the pre-release shape `{ enabled: boolean }` with no version field.
  0: (old) => ({ ...old, schemaVersion: 1, hoverDelayMs: DEFAULT_SETTINGS.hoverDelayMs }),
};

export function readSettings(raw: unknown): SettingsReadResult {
  if (raw === undefined || raw === null) return { settings: { ...DEFAULT_SETTINGS }, migrated: false };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: { ...DEFAULT_SETTINGS }, migrated: true, problem: 'Stored settings were not an object; defaults restored.' };
  }
  let value = { ...(raw as Record<string, unknown>) };
  let version = typeof value.schemaVersion === 'number' ? value.schemaVersion : 0;
  if (version > SETTINGS_VERSION) {
    // Written by a newer Attaché: use what we understand, keep the rest untouched in storage.
    const parsed = v.safeParse(SettingsV1, { ...DEFAULT_SETTINGS, ...pickKnown(value), schemaVersion: 1 });
    return parsed.success
      ? { settings: parsed.output, migrated: false, problem: `Settings come from a newer version (${version}); only known options are used.` }
      : { settings: { ...DEFAULT_SETTINGS }, migrated: false, problem: 'Settings from a newer version could not be read; defaults used.' };
  }
  const migrated = version !== SETTINGS_VERSION;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    value = step(value);
    version++;
  }
  const parsed = v.safeParse(SettingsV1, value);
  if (parsed.success) return { settings: { ...parsed.output, ...unknownKeys(value) } as Settings, migrated };
  // Keep every field that is individually valid; reset the others.
  const repaired: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const bad: string[] = [];
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const candidate = { ...DEFAULT_SETTINGS, [key]: value[key] };
    if (key in value && v.safeParse(SettingsV1, candidate).success) repaired[key] = value[key];
    else if (key in value) bad.push(key);
  }
  return {
    settings: repaired as Settings,
    migrated: true,
    problem: bad.length ? `Invalid settings were reset to defaults: ${bad.join(', ')}.` : undefined,
  };
}

function pickKnown(value: Record<string, unknown>): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in value) out[key] = value[key];
  return out as Partial<Settings>;
}

/** Keys this version does not know (written by a newer version or another tool) are carried along, never dropped. */
function unknownKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (!(key in DEFAULT_SETTINGS)) out[key] = value[key];
  return out;
}
