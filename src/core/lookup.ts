/**
 * O(1) lookups in the compiled dataset by handle or numeric X id. Pure: no DOM, no browser APIs.
 */
import { CATEGORIES, KINDS, NOTICE_TYPES, type Account, type Notice } from './schema';
import { accountLayers, type LayerId } from './layers';
import type { AccountDetails, CompiledDataset } from './compiled';

export interface AccountSummary {
  index: number;
  id: string;
  handle: string;
  name: string;
  kind: Account['kind'];
  category: Account['category'];
  country: string;
  noticeCount: number;
  noticeTypes: Notice['type'][];
  /** Built-in layers this account belongs to (category layer first, then notice layers). */
  layers: LayerId[];
}

export interface Match {
  account: AccountSummary;
  /** How the account was recognised: its current handle, a former handle, or its numeric X id. */
  via: 'handle' | 'former-handle' | 'x-id';
}

export class DatasetIndex {
  readonly version: string;
  readonly released: string;
  private readonly summaries: AccountSummary[];
  private readonly detailCache = new Map<number, AccountDetails>();

  constructor(private readonly compiled: CompiledDataset) {
    this.version = compiled.version;
    this.released = compiled.released;
    this.summaries = compiled.summaries.map(([id, handle, name, kind, category, country, noticeCount, mask], index) => {
      const noticeTypes = NOTICE_TYPES.filter((_, bit) => (mask & (1 << bit)) !== 0);
      const cat = CATEGORIES[category] ?? 'official';
      return {
        index,
        id,
        handle,
        name,
        kind: KINDS[kind] ?? 'institution',
        category: cat,
        country,
        noticeCount,
        noticeTypes,
        layers: accountLayers(cat, noticeTypes),
      };
    });
  }

  get size(): number {
    return this.summaries.length;
  }

  /** Case-insensitive. Own-property check: a handle such as "constructor" must not hit Object.prototype. */
  byHandle(handle: string): Match | null {
    const key = handle.toLowerCase();
    if (!Object.hasOwn(this.compiled.handles, key)) return null;
    const value = this.compiled.handles[key]!;
    const index = value < 0 ? -value - 1 : value;
    const account = this.summaries[index];
    return account ? { account, via: value < 0 ? 'former-handle' : 'handle' } : null;
  }

  byXId(xId: string): Match | null {
    if (!Object.hasOwn(this.compiled.xIds, xId)) return null;
    const account = this.summaries[this.compiled.xIds[xId]!];
    return account ? { account, via: 'x-id' } : null;
  }

  /** Full entry with notices, decoded from JSON on first use. */
  details(index: number): AccountDetails | null {
    const cached = this.detailCache.get(index);
    if (cached) return cached;
    const raw = this.compiled.details[index];
    if (raw === undefined) return null;
    const decoded = JSON.parse(raw) as AccountDetails;
    this.detailCache.set(index, decoded);
    return decoded;
  }

  allSummaries(): readonly AccountSummary[] {
    return this.summaries;
  }
}
