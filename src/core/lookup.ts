/**
 * O(1) lookups in the compiled dataset by handle or numeric X id. Pure: no DOM, no browser APIs.
 */
import { CATEGORIES, KINDS, NOTICE_TYPES } from './schema';
import { accountLayers } from './layers';
import { CODE_WIDTH, FLAG_FORMER, confidenceOf, SLOT_WIDTH, X_ID_PATTERN, handleHash, type AccountDetails, type CompiledIndex } from './compiled';
import { Order, lookalikeKeys, type LookalikeAccounts, type LookalikeKeys } from './lookalike';
import { Lines } from './lines';
import type { AccountSummary, Match } from './summary';

export class DatasetIndex {
  readonly version: string;
  readonly released: string;
  readonly size: number;
  /** Every handle (current ones, then former ones), for the hash table built at compile time; read in place. */
  private readonly keys: Lines | null;
  private readonly formerOf: number[];
  private readonly slots: number;
  private readonly xIdSlots: number;
  private xIdLines: Lines | null = null;
  private columns: { ids: Lines; handles: Lines; names: Lines; countries: Lines } | null = null;
  /** Summaries are decoded on first use, one by one: start-up does not grow with what accounts hold. */
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
    this.keys = compiled.handles ? new Lines(compiled.handles) : null;
    this.formerOf = compiled.formerOf ? compiled.formerOf.split(',').map(Number) : [];
    this.size = (this.keys?.length ?? 0) - this.formerOf.length;
    this.slots = compiled.table.length / SLOT_WIDTH;
    this.xIdSlots = typeof compiled.xIdTable === 'string' ? compiled.xIdTable.length / SLOT_WIDTH : 0;
    this.summaries = new Array(this.size);
  }

  private summary(index: number): AccountSummary | undefined {
    const cached = this.summaries[index];
    if (cached) return cached;
    if (index < 0 || index >= this.size) return undefined;
    const c = (this.columns ??= {
      ids: new Lines(this.compiled.ids),
      handles: new Lines(this.compiled.displayHandles),
      names: new Lines(this.compiled.names),
      countries: new Lines(this.compiled.countries),
    });
    const code = this.compiled.codes.slice(index * CODE_WIDTH, index * CODE_WIDTH + CODE_WIDTH);
    const mask = parseInt(code.slice(3, 5), 36);
    const flags = parseInt(code[5] ?? '0', 36);
    const noticeTypes = NOTICE_TYPES.filter((_, bit) => (mask & (1 << bit)) !== 0);
    const category = CATEGORIES[parseInt(code[1]!, 36)] ?? 'official';
    const summary: AccountSummary = {
      index,
      id: c.ids.get(index)!,
      handle: c.handles.get(index)!,
      name: c.names.get(index)!,
      kind: KINDS[parseInt(code[0]!, 36)] ?? 'institution',
      category,
      country: c.countries.get(index)!,
      noticeCount: parseInt(code[2]!, 36),
      noticeTypes,
      former: (flags & FLAG_FORMER) !== 0,
      confidence: confidenceOf(flags),
      layers: accountLayers(category, noticeTypes),
    };
    const xId = this.xIdAt(index);
    if (xId) summary.xId = xId;
    this.summaries[index] = summary;
    return summary;
  }

  /** Case-insensitive, O(1): a probe of the hash table compiled with the index. */
  byHandle(handle: string): Match | null {
    const position = this.position(handle.toLowerCase());
    if (position < 0) return null;
    const former = position >= this.size;
    const account = this.summary(former ? this.formerOf[position - this.size]! : position);
    return account ? { account, via: former ? 'former-handle' : 'handle' } : null;
  }

  /** The position of a lower-case handle in `keys` (current handles first, then former ones), or -1. */
  private position(key: string): number {
    const table = this.compiled.table;
    const mask = this.slots - 1;
    for (let slot = handleHash(key) & mask, probes = 0; probes < this.slots; slot = (slot + 1) & mask, probes++) {
      const at = parseInt(table.slice(slot * SLOT_WIDTH, slot * SLOT_WIDTH + SLOT_WIDTH), 36);
      if (at === 0) return -1;
      if (this.keys?.equals(at - 1, key)) return at - 1;
    }
    return -1;
  }

  /** The numeric X id the dataset lists for account `index` ('' or undefined: none). */
  private xIdAt(index: number): string | undefined {
    if (typeof this.compiled.xIdColumn !== 'string') return undefined;
    this.xIdLines ??= new Lines(this.compiled.xIdColumn);
    return this.xIdLines.get(index) || undefined;
  }

  /** O(1): a probe of the id table compiled with the index; the id is compared with the column in place. */
  byXId(xId: string): Match | null {
    if (this.xIdSlots === 0 || !X_ID_PATTERN.test(xId)) return null;
    const table = this.compiled.xIdTable;
    const mask = this.xIdSlots - 1;
    this.xIdLines ??= new Lines(this.compiled.xIdColumn);
    for (let slot = handleHash(xId) & mask, probes = 0; probes < this.xIdSlots; slot = (slot + 1) & mask, probes++) {
      const at = parseInt(table.slice(slot * SLOT_WIDTH, slot * SLOT_WIDTH + SLOT_WIDTH), 36);
      if (at === 0) return null;
      if (this.xIdLines.equals(at - 1, xId)) {
        const account = this.summary(at - 1);
        return account ? { account, via: 'x-id' } : null;
      }
    }
    return null;
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

  /**
   * The accounts for the lookalike matcher, with the keys and orders compiled into the index (an index compiled
   * without them, of an older format, has its keys computed here and its orders sorted by the matcher).
   */
  lookalikeAccounts(): LookalikeAccounts {
    const lines = typeof this.compiled.lookalike === 'string' ? new Lines(this.compiled.lookalike) : null;
    const handleKeys: string[] = new Array(this.size);
    const nameKeys: string[] = new Array(this.size);
    const keysOf = (i: number) => {
      const line = lines?.get(i);
      const tab = line?.indexOf('\t') ?? -1;
      const keys = tab >= 0 ? { handle: line!.slice(0, tab), name: line!.slice(tab + 1) } : computedKeys(this.summary(i)!);
      handleKeys[i] = keys.handle;
      nameKeys[i] = keys.name;
    };
    const orders = this.compiled.lookalikeOrders;
    return {
      size: this.size,
      handle: (i) => this.keys!.get(i)!,
      indexOf: (handle) => {
        const position = this.position(handle);
        return position >= 0 && position < this.size ? position : undefined;
      },
      knows: (handle) => this.position(handle) >= 0,
      handleKey: (i) => {
        if (handleKeys[i] === undefined) keysOf(i);
        return handleKeys[i]!;
      },
      nameKey: (i) => {
        if (nameKeys[i] === undefined) keysOf(i);
        return nameKeys[i]!;
      },
      summary: (i) => this.summary(i)!,
      // Orders of another size than this index (never written by the build) are left out: the matcher sorts.
      orders:
        orders &&
        orders.byKey.length === this.size * orders.width &&
        orders.byKeyFromEnd.length === orders.byKey.length &&
        orders.byName.length <= orders.byKey.length &&
        orders.byName.length % orders.width === 0
          ? () => ({
              byKey: new Order(orders.byKey, orders.width),
              byKeyFromEnd: new Order(orders.byKeyFromEnd, orders.width),
              byName: new Order(orders.byName, orders.width),
            })
          : undefined,
    };
  }

  allSummaries(): readonly AccountSummary[] {
    for (let i = 0; i < this.size; i++) this.summary(i);
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

function computedKeys(account: AccountSummary): LookalikeKeys {
  return lookalikeKeys(account.handle, account.name, account.kind);
}
