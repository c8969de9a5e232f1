import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { listCustomLayers, loadCustomLayers, newLayerId, removeCustomLayer, saveCustomLayer, updateCustomLayerMeta } from './custom-layers-store';
import { MAX_ENTRIES, SessionRecorder, appendToSessionLog, readSessionLog, sessionLogToCsv, type Encounter } from './session-log';
import type { CustomLayer } from '../core/custom-layers';

const layer = (id: string, n = 3): CustomLayer => ({
  id,
  name: `Layer ${id}`,
  colour: '#225588',
  enabled: true,
  created: '2026-11-29',
  entries: Array.from({ length: n }, (_, i) => ({ handle: `h${i}`, label: `L${i}`, ...(i === 0 ? { xId: '1876543210987654321', country: 'GB' } : {}) })),
});

describe('custom layers in storage.local', () => {
  it('saves, lists, loads, edits and removes layers', async () => {
    await saveCustomLayer(layer('a'));
    await saveCustomLayer(layer('b', 100_000));
    expect((await listCustomLayers()).layers.map((l) => [l.id, l.count])).toEqual([['a', 3], ['b', 100_000]]);
    const loaded = await loadCustomLayers();
    expect(loaded.layers[0]).toEqual(layer('a'));
    expect(loaded.layers[1]?.entries).toHaveLength(100_000);
    await updateCustomLayerMeta('a', { enabled: false, name: 'Renamed' });
    expect((await listCustomLayers()).layers[0]).toMatchObject({ enabled: false, name: 'Renamed' });
    await removeCustomLayer('a');
    expect((await listCustomLayers()).layers.map((l) => l.id)).toEqual(['b']);
    expect(await fakeBrowser.storage.local.get('customLayer:a')).toEqual({});
  });

  it('leaves everything as it was when a write fails (quota)', async () => {
    await saveCustomLayer(layer('a'));
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(saveCustomLayer(layer('b'))).rejects.toThrow(/Not saved \(QUOTA_BYTES quota exceeded\)\. Nothing was changed\./);
    spy.mockRestore();
    expect((await listCustomLayers()).layers.map((l) => l.id)).toEqual(['a']);
  });

  it('ignores and reports a corrupt index instead of failing', async () => {
    await fakeBrowser.storage.local.set({ customLayers: 'garbage' });
    const result = await listCustomLayers();
    expect(result.layers).toEqual([]);
    expect(result.problem).toMatch(/unreadable/);
  });

  it('makes readable, unique layer ids', () => {
    expect(newLayerId('EU Parliament: MEPs!', 0)).toBe('eu-parliament-meps-0');
    expect(newLayerId('***', 35)).toBe('layer-z');
  });
});

describe('session log', () => {
  const base = { path: '/home', placement: 'tweet-author', handle: 'ambliuxiaoming', account: 'liu-xiaoming', layers: ['diplomats-embassies'], dataset: '1.0.0' };

  it('records each encounter once per page view, in batches', async () => {
    const recorder = new SessionRecorder(undefined, 10_000);
    recorder.record({ ...base, post: '1' });
    recorder.record({ ...base, post: '1' });
    recorder.record({ ...base, post: '2' });
    recorder.record({ ...base, path: '/AmbLiuXiaoMing', placement: 'profile' });
    recorder.record({ ...base, path: '/home', post: '1' });
    await recorder.flush();
    const log = await readSessionLog();
    expect(log.entries.map((e) => `${e.path} ${e.placement} ${e.post ?? ''}`)).toEqual([
      '/home tweet-author 1',
      '/home tweet-author 2',
      '/AmbLiuXiaoMing profile ',
      '/home tweet-author 1',
    ]);
    expect(log.entries[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('stops at the cap and says so instead of dropping silently', async () => {
    const errors: string[] = [];
    const full: Encounter[] = Array.from({ length: MAX_ENTRIES - 1 }, (_, i) => ({ ...base, time: 't', post: String(i) }));
    await appendToSessionLog(full);
    const recorder = new SessionRecorder((m) => errors.push(m), 10_000);
    recorder.record({ ...base, post: 'a' });
    recorder.record({ ...base, post: 'b' });
    await recorder.flush();
    expect((await readSessionLog()).entries).toHaveLength(MAX_ENTRIES);
    expect(errors[0]).toMatch(/full/);
  });

  it('exports CSV that spreadsheets cannot execute', () => {
    const csv = sessionLogToCsv([{ ...base, time: '2026-11-29T00:00:00Z', account: '=HYPERLINK("x")', post: '9' }]);
    expect(csv.split('\r\n')[0]).toBe('time,path,placement,handle,account,layers,dataset,post');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
