/**
 * Custom layers: researchers' own lists of accounts, and the O(1) lookup the content script uses over all of them.
 * No dependencies: parsing lives in ./custom-lists.ts so the content script does not carry a CSV parser.
 */
import type { Account } from './schema';

export interface CustomEntry {
  handle: string;
  xId?: string;
  label: string;
  category?: Account['category'];
  country?: string;
  note?: string;
  sourceUrl?: string;
}

/** A custom layer as stored (entries kept as they were validated). */
export interface CustomLayer {
  id: string;
  name: string;
  /** A CSS colour in #rrggbb form; shown as an accent next to the label, never as the only signal. */
  colour: string;
  enabled: boolean;
  created: string;
  entries: CustomEntry[];
}

export const CUSTOM_LAYER_PREFIX = 'custom:';

export interface CustomMatch {
  layer: Pick<CustomLayer, 'id' | 'name' | 'colour'>;
  entry: CustomEntry;
}

/** Handle (lower case) -> every custom layer entry for it. Built once per change of the custom layers. */
export class CustomLayerIndex {
  private readonly byHandle = new Map<string, CustomMatch[]>();
  private readonly byXId = new Map<string, CustomMatch[]>();

  constructor(layers: readonly CustomLayer[]) {
    for (const layer of layers) {
      if (!layer.enabled) continue;
      const meta = { id: CUSTOM_LAYER_PREFIX + layer.id, name: layer.name, colour: layer.colour };
      for (const entry of layer.entries) {
        const match = { layer: meta, entry };
        const key = entry.handle.toLowerCase();
        const list = this.byHandle.get(key);
        if (list) list.push(match);
        else this.byHandle.set(key, [match]);
        if (entry.xId) {
          const byId = this.byXId.get(entry.xId);
          if (byId) byId.push(match);
          else this.byXId.set(entry.xId, [match]);
        }
      }
    }
  }

  get size(): number {
    return this.byHandle.size;
  }

  lookup(handle: string): readonly CustomMatch[] {
    return this.byHandle.get(handle.toLowerCase()) ?? [];
  }

  lookupXId(xId: string): readonly CustomMatch[] {
    return this.byXId.get(xId) ?? [];
  }
}
