/**
 * Custom layers in storage.local (never sync: lists can hold 100,000 handles). The list of layers is one key;
 * each layer's entries are another, stored as compact rows. A failed write leaves everything as it was and says why.
 */
import browser from 'webextension-polyfill';
import type { CustomEntry, CustomLayer } from '../core/custom-layers';

export const LAYERS_KEY = 'customLayers';
const ENTRIES_PREFIX = 'customLayer:';
const STORE_VERSION = 1;

type Row = [string, string?, string?, string?, string?, string?, string?];
interface StoredMeta {
  id: string;
  name: string;
  colour: string;
  enabled: boolean;
  created: string;
  count: number;
}
interface StoredIndex {
  version: number;
  layers: StoredMeta[];
}

export type CustomLayerMeta = Omit<CustomLayer, 'entries'> & { count: number };

function toRow(e: CustomEntry): Row {
  const row: Row = [e.handle, e.xId ?? '', e.label, e.category ?? '', e.country ?? '', e.note ?? '', e.sourceUrl ?? ''];
  while (row.length > 1 && !row[row.length - 1]) row.pop();
  return row;
}

function fromRow(row: unknown): CustomEntry | null {
  if (!Array.isArray(row) || typeof row[0] !== 'string') return null;
  const [handle, xId, label, category, country, note, sourceUrl] = row as string[];
  const entry: CustomEntry = { handle: handle!, label: label || handle! };
  if (xId) entry.xId = xId;
  if (category) entry.category = category as CustomEntry['category'];
  if (country) entry.country = country;
  if (note) entry.note = note;
  if (sourceUrl) entry.sourceUrl = sourceUrl;
  return entry;
}

function readIndex(raw: unknown): { layers: StoredMeta[]; problem?: string } {
  if (raw === undefined) return { layers: [] };
  const index = raw as Partial<StoredIndex> | null;
  if (!index || typeof index !== 'object' || !Array.isArray(index.layers)) {
    return { layers: [], problem: 'The stored list of custom layers was unreadable and is ignored.' };
  }
  const layers = index.layers.filter(
    (l): l is StoredMeta => !!l && typeof l.id === 'string' && typeof l.name === 'string' && typeof l.enabled === 'boolean',
  );
  return { layers, problem: layers.length < index.layers.length ? 'Some stored custom layers were unreadable and are ignored.' : undefined };
}

export async function listCustomLayers(): Promise<{ layers: CustomLayerMeta[]; problem?: string }> {
  const stored = await browser.storage.local.get(LAYERS_KEY);
  return readIndex(stored[LAYERS_KEY]);
}

/** Every custom layer with its entries (for the content script and export). */
export async function loadCustomLayers(): Promise<{ layers: CustomLayer[]; problem?: string }> {
  const { layers, problem } = await listCustomLayers();
  if (layers.length === 0) return { layers: [], problem };
  const stored = await browser.storage.local.get(layers.map((l) => ENTRIES_PREFIX + l.id));
  return {
    problem,
    layers: layers.map((meta) => {
      const rows = stored[ENTRIES_PREFIX + meta.id];
      const entries = Array.isArray(rows) ? rows.map(fromRow).filter((e): e is CustomEntry => e !== null) : [];
      const { count: _count, ...rest } = meta;
      return { ...rest, entries };
    }),
  };
}

async function writeIndex(layers: StoredMeta[], extra: Record<string, unknown> = {}): Promise<void> {
  const value: StoredIndex = { version: STORE_VERSION, layers };
  try {
    await browser.storage.local.set({ ...extra, [LAYERS_KEY]: value });
  } catch (error) {
    throw new Error(`Not saved (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`);
  }
}

/** Adds a new layer, or replaces the entries of an existing one (same id). */
export async function saveCustomLayer(layer: CustomLayer): Promise<void> {
  const { layers } = await listCustomLayers();
  const meta: StoredMeta = {
    id: layer.id, name: layer.name, colour: layer.colour, enabled: layer.enabled, created: layer.created, count: layer.entries.length,
  };
  const next = layers.some((l) => l.id === layer.id) ? layers.map((l) => (l.id === layer.id ? meta : l)) : [...layers, meta];
  // Entries and index in one write: storage.local.set is all-or-nothing, so a quota error leaves both untouched.
  await writeIndex(next, { [ENTRIES_PREFIX + layer.id]: layer.entries.map(toRow) });
}

export async function updateCustomLayerMeta(id: string, change: Partial<Pick<CustomLayer, 'name' | 'colour' | 'enabled'>>): Promise<void> {
  const { layers } = await listCustomLayers();
  if (!layers.some((l) => l.id === id)) throw new Error('That custom layer no longer exists.');
  await writeIndex(layers.map((l) => (l.id === id ? { ...l, ...change } : l)));
}

export async function removeCustomLayer(id: string): Promise<void> {
  const { layers } = await listCustomLayers();
  await writeIndex(layers.filter((l) => l.id !== id));
  await browser.storage.local.remove(ENTRIES_PREFIX + id).catch(() => undefined);
}

export function onCustomLayersChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && LAYERS_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

export function newLayerId(name: string, now = Date.now()): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 24) || 'layer';
  return `${slug}-${now.toString(36)}`;
}
