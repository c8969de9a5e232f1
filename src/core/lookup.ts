/**
 * O(1) lookups in the packed index (compiled format 8) by handle or numeric X id, read in place. Pure: no DOM, no
 * browser APIs.
 */
import { CATEGORIES, KINDS, NOTICE_TYPES } from './schema';
import { accountLayers } from './layers';
import { CODE_WIDTH, COMPILED_FORMAT, FLAG_FORMER, SECTION, confidenceOf, X_ID_PATTERN, handleHash, type AccountDetails, type CompiledIndex, type IndexMeta } from './compiled';
import type { LookalikeAccounts, LookalikeOrders } from './lookalike';
import { PackedSections, TextColumn, decodeUtf8, packedProblem } from './packed';
import type { AccountSummary, Match } from './summary';

export class DatasetIndex {
  readonly version: string;
  readonly released: string;
  readonly size: number;
  /** Every handle (current ones, then former ones), for the hash table built at compile time; read in place. */
  private readonly keys: TextColumn;
  private readonly table: Uint32Array;
  private readonly formerOf: Uint32Array;
  private readonly xIds: TextColumn;
  private readonly xIdTable: Uint32Array;
  private readonly rows: TextColumn;
  private readonly codes: Uint8Array;
  private readonly sections: PackedSections;
  /** Summaries are decoded on first use, one by one: start-up does not grow with the dataset's size. */
  private readonly summaries = new Map<number, AccountSummary>();
  private readonly detailCache = new Map<number, AccountDetails>();

  /**
   * `compiled`: the packed index (format 8), as the build writes it (`INDEX_FILE`) or `packIndex` returns it; read in
   * place, never copied. Anything else (an index of an older format, say) is refused with the reason.
   * `details` (one JSON string per account) is optional: the content script has the index only and gets details
   * from the background when a card opens; tests and Node tools pass them in.
   */
  constructor(
    compiled: CompiledIndex | ArrayBuffer,
    private readonly detailStrings?: readonly string[],
  ) {
    // By tag, not instanceof: in a Firefox content script a fetched ArrayBuffer, and a Uint8Array made over it, belong
    // to another compartment and fail instanceof (measured in Firefox ESR 153).
    const tag = Object.prototype.toString.call(compiled);
    const bytes = tag === '[object ArrayBuffer]' ? new Uint8Array(compiled as ArrayBuffer) : tag === '[object Uint8Array]' ? (compiled as Uint8Array) : null;
    if (!bytes) {
      const format = (compiled as { format?: unknown } | null)?.format;
      throw new Error(
        `DatasetIndex: the compiled index is ${typeof format === 'number' ? `an object of format ${format}` : 'not a packed index'}; ` +
          `this code reads the packed index of format ${COMPILED_FORMAT} only: rebuild the extension (npm run build)`,
      );
    }
    const problem = packedProblem(bytes, COMPILED_FORMAT);
    if (problem) throw new Error(`DatasetIndex: ${problem}`);
    const s = (this.sections = new PackedSections(bytes));
    const meta = JSON.parse(decodeUtf8(s.u8(SECTION.META))) as IndexMeta;
    this.version = meta.version;
    this.released = meta.released;
    this.size = meta.accounts;
    this.keys = new TextColumn(s.u8(SECTION.KEYS), s.u32(SECTION.KEY_STARTS));
    this.table = s.u32(SECTION.TABLE);
    this.formerOf = s.u32(SECTION.FORMER_OF);
    this.xIds = new TextColumn(s.u8(SECTION.X_IDS), s.u32(SECTION.X_ID_STARTS));
    this.xIdTable = s.u32(SECTION.X_ID_TABLE);
    this.rows = new TextColumn(s.u8(SECTION.ROWS), s.u32(SECTION.ROW_STARTS));
    this.codes = s.u8(SECTION.CODES);
    if (this.keys.length !== this.size + this.formerOf.length || this.rows.length !== this.size || this.codes.length !== this.size * CODE_WIDTH) {
      throw new Error('DatasetIndex: the compiled index is inconsistent (its columns disagree on the number of accounts)');
    }
  }

  private summary(index: number): AccountSummary | undefined {
    const cached = this.summaries.get(index);
    if (cached) return cached;
    if (!(index >= 0 && index < this.size)) return undefined;
    const [id = '', name = '', country = ''] = this.rows.get(index)!.split('\t');
    const at = index * CODE_WIDTH;
    const codes = this.codes;
    const mask = codes[at + 3]! | (codes[at + 4]! << 8);
    const flags = codes[at + 5]!;
    const noticeTypes = NOTICE_TYPES.filter((_, bit) => (mask & (1 << bit)) !== 0);
    const category = CATEGORIES[codes[at + 1]!] ?? 'official';
    const summary: AccountSummary = {
      index,
      id,
      handle: this.keys.get(index)!,
      name,
      kind: KINDS[codes[at]!] ?? 'institution',
      category,
      country,
      noticeCount: codes[at + 2]!,
      noticeTypes,
      former: (flags & FLAG_FORMER) !== 0,
      confidence: confidenceOf(flags),
      layers: accountLayers(category, noticeTypes),
    };
    const xId = this.xIds.get(index);
    if (xId) summary.xId = xId;
    this.summaries.set(index, summary);
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
    const table = this.table;
    const mask = table.length - 1;
    for (let slot = handleHash(key) & mask, probes = 0; probes < table.length; slot = (slot + 1) & mask, probes++) {
      const at = table[slot]!;
      if (at === 0) return -1;
      if (this.keys.equals(at - 1, key, true)) return at - 1;
    }
    return -1;
  }

  /** O(1): a probe of the id table compiled with the index; the id is compared with the column in place. */
  byXId(xId: string): Match | null {
    const table = this.xIdTable;
    if (table.length === 0 || !X_ID_PATTERN.test(xId)) return null;
    const mask = table.length - 1;
    for (let slot = handleHash(xId) & mask, probes = 0; probes < table.length; slot = (slot + 1) & mask, probes++) {
      const at = table[slot]!;
      if (at === 0) return null;
      if (this.xIds.equals(at - 1, xId)) {
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
   * The accounts for the lookalike matcher, with the keys and orders compiled into the index: a key is decoded when
   * the matcher's search reads it, and remembered.
   */
  lookalikeAccounts(): LookalikeAccounts {
    const s = this.sections;
    const handleKeys = new TextColumn(s.u8(SECTION.LOOKALIKE_HANDLES), s.u32(SECTION.LOOKALIKE_HANDLE_STARTS));
    const nameKeys = new TextColumn(s.u8(SECTION.LOOKALIKE_NAMES), s.u32(SECTION.LOOKALIKE_NAME_STARTS));
    const read = (column: TextColumn, cache: Map<number, string>) => (i: number): string => {
      let key = cache.get(i);
      if (key === undefined) cache.set(i, (key = column.get(i) ?? ''));
      return key;
    };
    const orders: LookalikeOrders = {
      byKey: new WordOrder(s.u32(SECTION.BY_KEY)),
      byKeyFromEnd: new WordOrder(s.u32(SECTION.BY_KEY_FROM_END)),
      byName: new WordOrder(s.u32(SECTION.BY_NAME)),
    };
    return {
      size: this.size,
      handle: (i) => this.keys.get(i)!.toLowerCase(),
      indexOf: (handle) => {
        const position = this.position(handle);
        return position >= 0 && position < this.size ? position : undefined;
      },
      knows: (handle) => this.position(handle) >= 0,
      handleKey: read(handleKeys, new Map()),
      nameKey: read(nameKeys, new Map()),
      summary: (i) => this.summary(i)!,
      orders: () => orders,
    };
  }

  /** Every account's summary, decoded (the directory page lists them all; pages on X never call this). */
  allSummaries(): readonly AccountSummary[] {
    return Array.from({ length: this.size }, (_, i) => this.summary(i)!);
  }
}

export function parseDetails(raw: string): AccountDetails | null {
  try {
    return JSON.parse(raw) as AccountDetails;
  } catch {
    return null;
  }
}

/** An order of the matcher (`LookalikeOrders`) as a view on the index's words. */
class WordOrder {
  readonly length: number;
  constructor(private readonly words: Uint32Array) {
    this.length = words.length;
  }
  at(j: number): number {
    return this.words[j]!;
  }
}
