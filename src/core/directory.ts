/**
 * The dataset directory's search: by name or handle, filtered by country, category, layer and confidence, over the
 * same summaries the content script decodes from the compiled index. Pure: no DOM.
 *
 * Built once per page in one pass (a folded search key and the summary per account, and the accounts of each
 * country, category, layer and confidence level). A search starts from the smallest bucket its filters allow and
 * tests only those accounts; a query that extends the previous one with the same filters (the reader typing on)
 * tests only the previous results. `work` counts the accounts tested, so tests measure work, not time.
 */
import type { DatasetIndex } from './lookup';
import type { AccountSummary } from './summary';

export interface DirectoryFilters {
  country?: string;
  category?: string;
  layer?: string;
  confidence?: string;
}

export interface DirectoryResult {
  /** Account positions in the index, in directory order (handle matches at the start first, then index order). */
  positions: number[];
  /** Accounts tested by this search. */
  work: number;
}

type Facet = keyof DirectoryFilters;
const FACETS: readonly Facet[] = ['country', 'category', 'layer', 'confidence'];

/** Lower case, accents and case folded, "@" dropped: what the reader types is compared with what the key holds. */
export function foldQuery(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/@/g, '').trim();
}

export class DirectoryIndex {
  readonly size: number;
  readonly summaries: readonly AccountSummary[];
  /** "handle\u0000name" per account, folded. */
  private readonly keys: string[];
  private readonly handles: string[];
  private readonly buckets: Record<Facet, Map<string, number[]>>;
  private last: { query: string; filters: string; positions: number[] } | null = null;

  constructor(index: DatasetIndex) {
    this.summaries = index.allSummaries();
    this.size = this.summaries.length;
    this.keys = new Array(this.size);
    this.handles = new Array(this.size);
    this.buckets = { country: new Map(), category: new Map(), layer: new Map(), confidence: new Map() };
    const add = (facet: Facet, value: string, i: number) => {
      const list = this.buckets[facet].get(value);
      if (list) list.push(i);
      else this.buckets[facet].set(value, [i]);
    };
    this.summaries.forEach((s, i) => {
      this.handles[i] = s.handle.toLowerCase();
      this.keys[i] = `${this.handles[i]}\u0000${foldQuery(s.name)}`;
      add('country', s.country, i);
      add('category', s.category, i);
      add('confidence', s.confidence, i);
      for (const layer of s.layers) add('layer', layer, i);
    });
  }

  /** The values present for a facet, with their counts (for the filter menus). */
  values(facet: Facet): [string, number][] {
    return [...this.buckets[facet]].map(([value, list]) => [value, list.length] as [string, number]).sort((a, b) => a[0].localeCompare(b[0]));
  }

  search(query: string, filters: DirectoryFilters = {}): DirectoryResult {
    const q = foldQuery(query);
    const active = FACETS.filter((f) => filters[f]);
    const filterKey = FACETS.map((f) => filters[f] ?? '').join('\u0000');
    let candidates: readonly number[] | null = null;
    if (this.last && this.last.filters === filterKey && q.startsWith(this.last.query)) {
      // The reader typed on: every match is among the previous results.
      candidates = this.last.positions;
    } else {
      for (const facet of active) {
        const bucket = this.buckets[facet].get(filters[facet]!) ?? [];
        if (!candidates || bucket.length < candidates.length) candidates = bucket;
      }
    }
    let work = 0;
    const atStart: number[] = [];
    const inside: number[] = [];
    const test = (i: number) => {
      work++;
      const s = this.summaries[i]!;
      for (const facet of active) {
        if (facet === 'layer' ? !s.layers.includes(filters.layer as never) : s[facet] !== filters[facet]) return;
      }
      if (!q) return inside.push(i);
      const at = this.keys[i]!.indexOf(q);
      if (at === 0) atStart.push(i);
      else if (at > 0) inside.push(i);
    };
    if (candidates) for (const i of candidates) test(i);
    else for (let i = 0; i < this.size; i++) test(i);
    const positions = atStart.length ? atStart.concat(inside) : inside;
    // Directory order is rebuilt from index order for the next refinement: results stay a subset either way.
    this.last = { query: q, filters: filterKey, positions: positions.slice().sort((a, b) => a - b) };
    return { positions, work };
  }
}
