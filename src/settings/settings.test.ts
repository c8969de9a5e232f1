import { describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { DEFAULT_SETTINGS, MIGRATIONS, SETTINGS_VERSION, readSettings } from './settings';
import { loadSettings, replaceSettings, updateSettings } from './store';

describe('readSettings', () => {
  it('gives defaults when nothing is stored', () => {
    expect(readSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, migrated: false });
  });

  it('has a migration from every earlier version', () => {
    for (let version = 0; version < SETTINGS_VERSION; version++) expect(MIGRATIONS[version]).toBeTypeOf('function');
  });

  it('migrates version 0 (pre-release { enabled })', () => {
    const { settings, migrated, problem } = readSettings({ enabled: false });
    expect(migrated).toBe(true);
    expect(problem).toBeUndefined();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
  });

  it('migrates version 1, turning "hover delay 0" into badge-only prominence', () => {
    expect(readSettings({ schemaVersion: 1, enabled: true, hoverDelayMs: 0 }).settings).toMatchObject({
      schemaVersion: SETTINGS_VERSION,
      prominence: 'badge',
      hoverDelayMs: 600,
      sessionLog: false,
    });
    expect(readSettings({ schemaVersion: 1, enabled: false, hoverDelayMs: 900 }).settings).toMatchObject({
      enabled: false,
      prominence: 'badge-hover-card',
      hoverDelayMs: 900,
    });
  });

  it('migrates version 2, adding the unverified-entries switch turned on', () => {
    const v2 = { schemaVersion: 2, enabled: true, layers: { ...DEFAULT_SETTINGS.layers, legislators: false }, prominence: 'badge', hoverDelayMs: 700, sessionLog: true };
    const { settings, migrated, problem } = readSettings(v2);
    expect(migrated).toBe(true);
    expect(problem).toBeUndefined();
    expect(settings).toEqual({ ...v2, schemaVersion: SETTINGS_VERSION, layers: { ...v2.layers, 'x-government': false }, showUnverified: true });
    expect(DEFAULT_SETTINGS.showUnverified).toBe(true);
    expect(readSettings({ ...DEFAULT_SETTINGS, showUnverified: 'no' }).problem).toMatch(/showUnverified/);
  });

  it('migrates version 3, adding the layer "X government accounts not in the dataset" switched off', () => {
    const { 'x-government': _new, ...v3Layers } = { ...DEFAULT_SETTINGS.layers, legislators: false, lookalikes: false };
    const v3 = { schemaVersion: 3, enabled: true, layers: v3Layers, prominence: 'badge-notice-line', hoverDelayMs: 900, sessionLog: true, showUnverified: false };
    const { settings, migrated, problem } = readSettings(v3);
    expect(migrated).toBe(true);
    expect(problem).toBeUndefined();
    expect(settings).toEqual({ ...v3, schemaVersion: 4, layers: { ...v3Layers, 'x-government': false } });
    expect(settings.layers.legislators).toBe(false);
    expect(DEFAULT_SETTINGS.layers['x-government']).toBe(false);
    // A v3 value whose layers are unusable: reset to the defaults and reported, never spread into something odd.
    const broken = readSettings({ ...v3, layers: 'all' });
    expect(broken.settings.layers).toEqual(DEFAULT_SETTINGS.layers);
    expect(broken.problem).toMatch(/layers/);
  });

  it('keeps valid options and resets invalid ones, saying which', () => {
    const result = readSettings({
      ...DEFAULT_SETTINGS,
      enabled: 'yes',
      hoverDelayMs: 800,
      layers: { ...DEFAULT_SETTINGS.layers, legislators: false, mentions: 'no' },
    });
    expect(result.settings.enabled).toBe(true);
    expect(result.settings.hoverDelayMs).toBe(800);
    expect(result.settings.layers.legislators).toBe(false);
    expect(result.settings.layers.mentions).toBe(true);
    expect(result.problem).toMatch(/enabled/);
    expect(result.problem).toMatch(/layers\.mentions/);
  });

  it.each([[42], ['settings'], [[1, 2]], [true]])('falls back to defaults for a foreign value %j', (raw) => {
    const result = readSettings(raw);
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.problem).toBeTruthy();
  });

  it('preserves unknown keys and reads settings from a newer version without downgrading them', () => {
    const newer = { ...DEFAULT_SETTINGS, schemaVersion: 9, enabled: false, futureOption: { a: 1 } };
    const result = readSettings(newer);
    expect(result.migrated).toBe(false);
    expect(result.settings.enabled).toBe(false);
    expect((result.settings as unknown as Record<string, unknown>).futureOption).toEqual({ a: 1 });
    expect(result.problem).toMatch(/newer version/);
  });
});

describe('settings storage', () => {
  it('writes migrated settings back and keeps keys from other versions on update', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: true, extra: 'kept' } });
    const loaded = await loadSettings();
    expect(loaded.settings.schemaVersion).toBe(SETTINGS_VERSION);
    const stored = (await fakeBrowser.storage.sync.get('settings')).settings as Record<string, unknown>;
    expect(stored).toMatchObject({ schemaVersion: SETTINGS_VERSION, extra: 'kept' });
    await updateSettings({ layers: { ...loaded.settings.layers, 'state-media': false } });
    const after = (await fakeBrowser.storage.sync.get('settings')).settings as Record<string, unknown>;
    expect(after).toMatchObject({ extra: 'kept', layers: { 'state-media': false, legislators: true } });
  });

  it('never rewrites a newer version down to ours', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, schemaVersion: 7, newThing: 1 } });
    await updateSettings({ enabled: false });
    const stored = (await fakeBrowser.storage.sync.get('settings')).settings as Record<string, unknown>;
    expect(stored).toMatchObject({ schemaVersion: 7, newThing: 1, enabled: false });
  });

  it('surfaces a failed write and leaves the stored settings as they were', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, enabled: true } });
    const original = fakeBrowser.storage.sync.set;
    fakeBrowser.storage.sync.set = () => Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    try {
      await expect(updateSettings({ enabled: false })).rejects.toThrow(/not saved: QUOTA_BYTES_PER_ITEM/);
    } finally {
      fakeBrowser.storage.sync.set = original;
    }
    expect(((await fakeBrowser.storage.sync.get('settings')).settings as Record<string, unknown>).enabled).toBe(true);
  });

  it('refuses to import invalid settings and changes nothing', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    await expect(replaceSettings({ ...DEFAULT_SETTINGS, prominence: 'shout' })).rejects.toThrow(/prominence/);
    expect(((await fakeBrowser.storage.sync.get('settings')).settings as Record<string, unknown>).enabled).toBe(false);
  });
});
