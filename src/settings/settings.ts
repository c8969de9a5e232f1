/**
 * Typed, defaulted, versioned settings. Stored in storage.sync under one key; every read is validated and migrated,
 * so corrupt or foreign values fall back to defaults (and are reported) instead of breaking the extension.
 * Keys written by a newer version are carried along untouched. Pure: storage access lives in ./store.ts.
 */
import * as v from 'valibot';
import { DEFAULT_LAYERS, LAYER_IDS, type LayerSwitches } from '../core/layers';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 4;

export const PROMINENCE = ['badge', 'badge-hover-card', 'badge-notice-line'] as const;
export type Prominence = (typeof PROMINENCE)[number];

const LayerSwitchesSchema = v.object(
  Object.fromEntries(LAYER_IDS.map((id) => [id, v.boolean()])) as Record<(typeof LAYER_IDS)[number], v.BooleanSchema<undefined>>,
);

export const SettingsSchema = v.object({
  schemaVersion: v.literal(SETTINGS_VERSION),
  /** Master switch for every annotation. */
  enabled: v.boolean(),
  /** Built-in layers on/off. Custom layers carry their own switch (see storage/custom-layers). */
  layers: LayerSwitchesSchema,
  /** How much Attaché shows: badge only; badge + card on hover; badge + card on hover + a notice line under posts. */
  prominence: v.picklist(PROMINENCE),
  /** Delay before a card opens on hover, in milliseconds. */
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(5000)),
  /** Session log for researchers: off by default, kept in storage.local only. */
  sessionLog: v.boolean(),
  /**
   * Entries whose confidence is low or unverified (see isUnverified in core/compiled): on, they are badged with a visible "unverified"
   * mark; off, they are not badged at all.
   */
  showUnverified: v.boolean(),
});
export type Settings = v.InferOutput<typeof SettingsSchema> & { layers: LayerSwitches };

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  schemaVersion: SETTINGS_VERSION,
  enabled: true,
  layers: { ...DEFAULT_LAYERS },
  prominence: 'badge-hover-card',
  hoverDelayMs: 600,
  sessionLog: false,
  showUnverified: true,
} satisfies Settings);

export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, layers: { ...DEFAULT_SETTINGS.layers } };
}

export interface SettingsReadResult {
  settings: Settings;
  /** Set when the stored value was (partly) unusable; says what was reset. */
  problem?: string;
  /** The stored value should be written back (it was migrated or repaired). */
  migrated: boolean;
}

type Raw = Record<string, unknown>;

/**
 * Migrations from version N to N+1, keyed by N. Each takes the raw object of version N and returns version N+1.
 * Never remove one: settings from every earlier version must still migrate.
 */
export const MIGRATIONS: Record<number, (old: Raw) => Raw> = {
  // 0: the pre-release shape `{ enabled }` with no version.
  0: (old) => ({ ...old, schemaVersion: 1, hoverDelayMs: 600 }),
  // 1 -> 2: layers, prominence and the session log switch. A v1 hover delay of 0 meant "never open on hover",
  // which v2 expresses as prominence "badge".
  1: (old) => {
    const { hoverDelayMs, ...rest } = old;
    const delay = typeof hoverDelayMs === 'number' ? hoverDelayMs : 600;
    return {
      ...rest,
      schemaVersion: 2,
      layers: { ...DEFAULT_LAYERS },
      prominence: delay === 0 ? 'badge' : 'badge-hover-card',
      hoverDelayMs: delay === 0 ? 600 : Math.min(5000, Math.max(100, delay)),
      sessionLog: false,
    };
  },
  // 2 -> 3: the switch for low-confidence and unverified entries, on (as they were shown before, now marked).
  2: (old) => ({ ...old, schemaVersion: 3, showUnverified: true }),
  // 3 -> 4: the layer "X government accounts not in the dataset" (X's own signal, src/core/identity.ts), off: it is
  // new, and it is the one place X's page data makes a mark by itself (docs/identity.md says why that is safe).
  // A `layers` value that is not an object is left as it is, for validation to reset (and report).
  3: (old) => {
    const layers = old.layers;
    const usable = !!layers && typeof layers === 'object' && !Array.isArray(layers);
    return { ...old, schemaVersion: 4, layers: usable ? { ...(layers as Raw), 'x-government': false } : layers };
  },
};

const KNOWN_KEYS = new Set(Object.keys(DEFAULT_SETTINGS));

export function readSettings(raw: unknown): SettingsReadResult {
  if (raw === undefined || raw === null) return { settings: defaultSettings(), migrated: false };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: defaultSettings(), migrated: true, problem: 'Stored settings were not readable; defaults restored.' };
  }
  let value: Raw = { ...(raw as Raw) };
  let version = typeof value.schemaVersion === 'number' && Number.isInteger(value.schemaVersion) ? value.schemaVersion : 0;
  const extras = unknownKeys(value);

  if (version > SETTINGS_VERSION) {
    // Written by a newer Attaché: use the options we understand, leave the stored value as it is.
    const { settings, bad } = repair({ ...value, schemaVersion: SETTINGS_VERSION });
    return {
      settings: { ...settings, ...extras },
      migrated: false,
      problem: `Settings come from a newer version of Attaché (${version}); ${bad.length ? 'some options were not understood' : 'only known options are used'}.`,
    };
  }
  const migrated = version !== SETTINGS_VERSION;
  try {
    while (version < SETTINGS_VERSION) {
      value = MIGRATIONS[version]!(value);
      version++;
    }
  } catch {
    return { settings: defaultSettings(), migrated: true, problem: 'Stored settings could not be migrated; defaults restored.' };
  }
  const parsed = v.safeParse(SettingsSchema, value);
  if (parsed.success) return { settings: { ...(parsed.output as Settings), ...extras }, migrated };
  const { settings, bad } = repair(value);
  return {
    settings: { ...settings, ...extras },
    migrated: true,
    problem: bad.length ? `Invalid settings were reset to their defaults: ${bad.join(', ')}.` : undefined,
  };
}

/** Keeps every option that is valid on its own; resets the others (and reports them). */
function repair(value: Raw): { settings: Settings; bad: string[] } {
  const settings = defaultSettings();
  const bad: string[] = [];
  for (const key of KNOWN_KEYS) {
    if (key === 'schemaVersion' || !(key in value)) continue;
    if (key === 'layers') {
      const layers = value.layers;
      if (!layers || typeof layers !== 'object' || Array.isArray(layers)) {
        bad.push('layers');
        continue;
      }
      for (const id of LAYER_IDS) {
        const on = (layers as Raw)[id];
        if (typeof on === 'boolean') settings.layers[id] = on;
        else if (on !== undefined) bad.push(`layers.${id}`);
      }
      continue;
    }
    const candidate = { ...settings, [key]: value[key] };
    if (v.safeParse(SettingsSchema, candidate).success) (settings as Raw)[key] = value[key];
    else bad.push(key);
  }
  return { settings, bad };
}

/** Keys this version does not know (from a newer version or another tool) are kept, never dropped. */
function unknownKeys(value: Raw): Raw {
  const out: Raw = {};
  for (const key of Object.keys(value)) if (!KNOWN_KEYS.has(key)) out[key] = value[key];
  return out;
}

export function layerEnabled(settings: Settings, layer: string): boolean {
  return (settings.layers as Record<string, boolean>)[layer] ?? false;
}
