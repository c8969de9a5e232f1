/**
 * O(1) lookups in the compiled dataset by handle or numeric X id. Pure: no DOM, no browser APIs.
 */
import { CATEGORIES, KINDS, NOTICE_TYPES, type Account, type Notice } from './schema';
import { accountLayers, type LayerId } from './layers';
import type { AccountDetails, CompiledIndex } from './compiled';

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
  /** Summaries are decoded on first use, one by one: start-up does not grow with the dataset's size. */
  private readonly summaries: (AccountSummary | undefined)[];
  private readonly detailCache = new Map<number, AccountDetails>();

  /**
   * `details` (one JSON string per account) is optional: the content script has the index only and gets details
   * from the background when a card opens; tests and Node tools pass them in.
   */
  constructor(
    private readonly compiled: CompiledIndex,
    private readonly detailStrings?: readonly string[],
  ) {
    this.version = compiled.version;
    this.released = compiled.released;
    this.summaries = new Array(compiled.summaries.length);
  }

  get size(): number {
    return this.compiled.summaries.length;
  }

  private summary(index: number): AccountSummary | undefined {
    const cached = this.summaries[index];
    if (cached) return cached;
    const row = this.compiled.summaries[index];
    if (!row) return undefined;
    const [id, handle, name, kind, category, country, noticeCount, mask] = row;
    const noticeTypes = NOTICE_TYPES.filter((_, bit) => (mask & (1 << bit)) !== 0);
    const cat = CATEGORIES[category] ?? 'official';
    const summary: AccountSummary = {
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
    this.summaries[index] = summary;
    return summary;
  }

  /** Case-insensitive. Own-property check: a handle such as "constructor" must not hit Object.prototype. */
  byHandle(handle: string): Match | null {
    const key = handle.toLowerCase();
    if (!Object.hasOwn(this.compiled.handles, key)) return null;
    const value = this.compiled.handles[key]!;
    const index = value < 0 ? -value - 1 : value;
    const account = this.summary(index);
    return account ? { account, via: value < 0 ? 'former-handle' : 'handle' } : null;
  }

  byXId(xId: string): Match | null {
    if (!Object.hasOwn(this.compiled.xIds, xId)) return null;
    const account = this.summary(this.compiled.xIds[xId]!);
    return account ? { account, via: 'x-id' } : null;
  }

  /** Full entry with notices, decoded from JSON on first use (null when this index was built without details). */
  details(index: number): AccountDetails | null {
    const cached = this.detailCache.get(index);
    if (cached) return cached;
    const raw = this.detailStrings?.[index];
    if (raw === undefined) return null;
    const decoded = parseDetails(raw);
    if (decoded) this.detailCache.set(index, decoded);
    return decoded;
  }

  allSummaries(): readonly AccountSummary[] {
    for (let i = 0; i < this.compiled.summaries.length; i++) this.summary(i);
    return this.summaries as AccountSummary[];
  }
}

export function parseDetails(raw: string): AccountDetails | null {
  try {
    return JSON.parse(raw) as AccountDetails;
  } catch {
    return null;
  }
}
