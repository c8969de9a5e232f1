/**
 * The compact runtime form of the dataset, compiled at build time into one binary file of the extension package
 * (`INDEX_FILE`). Summaries (enough for a badge) are decoded from it on an account's first match; full details are
 * kept as JSON strings (in the background) and decoded only when a card is opened for that account.
 */
import { CATEGORIES, CONFIDENCE, KINDS, NOTICE_TYPES, type Account, type Dataset, type Notice } from './schema';
import { lookalikeKeys, lookalikeOrders } from './lookalike';
import { packColumn, packWords, writePacked } from './packed';
import { X_ID_PATTERN } from './x-id';

/** Format 8: the packed binary index (src/core/packed.ts). Format 7 and earlier were objects of strings in the content script's source. */
export const COMPILED_FORMAT = 8;

/**
 * [id, handle, name, kind index, category index, country, notice count, bit mask of notice types, flags]
 * flags: FORMER (every role of the person ended before the dataset's release), and the entry's confidence in the
 * bits above it (see `confidenceFlags`).
 */
export type SummaryRow = [string, string, string, number, number, string, number, number, number?];

export const FLAG_FORMER = 1;
/** Confidence levels as the index stores them: 0 for an entry without one ("unrated"), else 1 + its CONFIDENCE index. */
export const CONFIDENCE_SHIFT = 1;
export const CONFIDENCE_MASK = 0b111 << CONFIDENCE_SHIFT;
export type ConfidenceLevel = Account['confidence'] | 'unrated';

export function confidenceFlags(confidence: Account['confidence']): number {
  return confidence ? (CONFIDENCE.indexOf(confidence) + 1) << CONFIDENCE_SHIFT : 0;
}

/**
 * Entries badged with an "unverified" mark (and not badged at all when the reader turns them off): confidence `low`
 * or `unverified`. Unrated entries (no confidence given; e.g. imported from an official roster) are not marked.
 */
export function isUnverified(confidence: ConfidenceLevel): boolean {
  return confidence === 'low' || confidence === 'unverified';
}

export function confidenceOf(flags: number): NonNullable<ConfidenceLevel> {
  const code = (flags & CONFIDENCE_MASK) >> CONFIDENCE_SHIFT;
  return code === 0 ? 'unrated' : (CONFIDENCE[code - 1] ?? 'unrated');
}
/** Bytes per account in the codes section: kind, category, notice count, notice-type mask (two), flags. */
export const CODE_WIDTH = 6;

/** Where the build writes the packed index in the extension package, and where its pages and scripts read it. */
export const INDEX_FILE = 'data/index.bin';

/**
 * The sections of the packed index (format 8), in file order (src/core/packed.ts writes and reads the container).
 * Text columns are a UTF-8 section and a section of (lines + 1) Uint32 start offsets; tables and orders are Uint32.
 */
export const SECTION = {
  /** UTF-8 JSON of `IndexMeta`. */
  META: 0,
  /** Every handle as the dataset writes it: first the current handle of each account (in account order), then the former handles. */
  KEYS: 1,
  KEY_STARTS: 2,
  /**
   * An open-addressing hash table over the lower-case KEYS: (position in KEYS) + 1 per slot, 0 for empty; FNV-1a
   * (`handleHash`), linear probing, a power-of-two size at most two-thirds full.
   */
  TABLE: 3,
  /** For each former handle (in the order it follows the current ones): the index of its account. */
  FORMER_OF: 4,
  /** Numeric X id of each account (decimal), in account order; an empty line where the dataset has none. */
  X_IDS: 5,
  X_ID_STARTS: 6,
  /** A hash table over X_IDS, built like TABLE, holding (account index) + 1. */
  X_ID_TABLE: 7,
  /** "id\tname\tcountry" per account, decoded on a hit. */
  ROWS: 8,
  ROW_STARTS: 9,
  /** CODE_WIDTH bytes per account. */
  CODES: 10,
  /** The lookalike matcher's keys (see `lookalikeKeys`): handle skeletons, and distinctive name skeletons ('' if none). */
  LOOKALIKE_HANDLES: 11,
  LOOKALIKE_HANDLE_STARTS: 12,
  LOOKALIKE_NAMES: 13,
  LOOKALIKE_NAME_STARTS: 14,
  /** The matcher's orders (see `lookalikeOrders`): account positions by handle key, by handle key read backwards, and (the accounts with a name key) by name key. */
  BY_KEY: 15,
  BY_KEY_FROM_END: 16,
  BY_NAME: 17,
} as const;
const SECTION_COUNT = 18;

/** What the packed index says of itself, and what the extension's pages show without reading the rest. */
export interface IndexMeta {
  format: typeof COMPILED_FORMAT;
  version: string;
  released: string;
  accounts: number;
}

/**
 * The compact index: one binary file (format 8), read in place with typed-array views and decoded only for the
 * accounts a page meets. The content script fetches it from the extension's own package (`INDEX_FILE`) instead of
 * carrying it in its source, which V8 would have to compile at every page load.
 */
export type CompiledIndex = Uint8Array;

export interface CompiledDataset {
  index: CompiledIndex;
  meta: IndexMeta;
  /**
   * JSON of AccountDetails, one per account, decoded on a hit. The extension ships these apart from the index
   * (`splitCompiled`): the content script reads the index only and asks the background for an entry when a card
   * opens.
   */
  details: string[];
}

const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, ' ');

/** FNV-1a over UTF-16 code units (handles are ASCII): the hash both the build and the lookup use. */
export function handleHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** `keys[i]` null: no key at that position (an account without a numeric id). Keys are lower case. */
function buildTable(keys: readonly (string | null)[]): Uint32Array {
  const count = keys.reduce((n, key) => (key === null ? n : n + 1), 0);
  let size = 8;
  while (size * 2 < count * 3) size *= 2;
  const slots = new Uint32Array(size);
  keys.forEach((key, position) => {
    if (key === null) return;
    let slot = handleHash(key) & (size - 1);
    while (slots[slot] !== 0) {
      // A key seen before (a former handle equal to a current one): the first, current, entry wins.
      if (keys[slots[slot]! - 1] === key) return;
      slot = (slot + 1) & (size - 1);
    }
    slots[slot] = position + 1;
  });
  return slots;
}

export { X_ID_PATTERN } from './x-id';

const ASCII = /^[\x00-\x7f]*$/;

/** Packs summary rows (plus former handles and numeric ids) into the compact index (format 8). */
export function packIndex(
  meta: { version: string; released: string },
  rows: readonly SummaryRow[],
  formerHandles: readonly (readonly [string, number])[] = [],
  xIds: readonly (readonly [string, number])[] = [],
): CompiledIndex {
  const handles = [...rows.map((r) => r[1]), ...formerHandles.map(([h]) => h)];
  // Lookups compare handles byte by byte with the page's (lower-cased) text: a handle beyond ASCII could never match.
  for (const h of handles) if (!ASCII.test(h) || /[\t\r\n]/.test(h)) throw new Error(`packIndex: the handle ${JSON.stringify(h)} is not plain ASCII`);
  const keys = handles.map((h) => h.toLowerCase());
  const lookalike = rows.map((r) => lookalikeKeys(r[1], oneLine(r[2]), KINDS[r[3]] ?? 'institution'));
  const orders = lookalikeOrders(rows.length, (i) => lookalike[i]!);
  const idOf = new Array<string | null>(rows.length).fill(null);
  for (const [id, i] of xIds) if (X_ID_PATTERN.test(id) && i >= 0 && i < rows.length && idOf[i] === null) idOf[i] = id;
  const byte = (n: number, max = 255) => Math.max(0, Math.min(max, n));
  const codes = new Uint8Array(rows.length * CODE_WIDTH);
  rows.forEach((r, i) => {
    const mask = byte(r[7], 0xffff);
    codes.set([byte(r[3]), byte(r[4]), byte(r[6]), mask & 0xff, mask >> 8, byte(r[8] ?? 0)], i * CODE_WIDTH);
  });
  const column = (lines: readonly string[]) => {
    const c = packColumn(lines);
    return [c.bytes, c.starts] as const;
  };
  const indexMeta: IndexMeta = { format: COMPILED_FORMAT, version: meta.version, released: meta.released, accounts: rows.length };
  const sections: Uint8Array[] = [
    new TextEncoder().encode(JSON.stringify(indexMeta)),
    ...column(handles),
    new Uint8Array(buildTable(keys).buffer),
    packWords(formerHandles.map(([, i]) => i)),
    ...column(idOf.map((id) => id ?? '')),
    new Uint8Array(buildTable(idOf).buffer),
    ...column(rows.map((r) => `${oneLine(r[0])}\t${oneLine(r[2])}\t${oneLine(r[5])}`)),
    codes,
    ...column(lookalike.map((k) => k.handle)),
    ...column(lookalike.map((k) => k.name)),
    packWords(orders.byKey),
    packWords(orders.byKeyFromEnd),
    packWords(orders.byName),
  ];
  if (sections.length !== SECTION_COUNT) throw new Error(`packIndex: ${sections.length} sections, expected ${SECTION_COUNT}`);
  return writePacked(COMPILED_FORMAT, sections);
}

/** The index (for the content script, popup and options) and the details (for the background), separately. */
export function splitCompiled(compiled: CompiledDataset): { index: CompiledIndex; meta: IndexMeta; details: string[] } {
  return { index: compiled.index, meta: compiled.meta, details: compiled.details };
}

export interface AccountDetails {
  account: Account;
  notices: Notice[];
  /** Dataset file the account is defined in, for "suggest a correction". */
  file: string;
}

/** A person whose every role ended before the dataset's release: a former officeholder (badged as such). */
function isFormer(account: Account, released: string): boolean {
  const roles = account.roles ?? [];
  return account.kind === 'person' && roles.length > 0 && roles.every((r) => r.to !== undefined && r.to < released);
}

export function compileDataset(dataset: Dataset, origins?: Map<string, { file: string }>): CompiledDataset {
  const noticesByAccount = new Map<string, Notice[]>();
  for (const notice of [...dataset.notices].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))) {
    for (const id of notice.accounts) {
      const list = noticesByAccount.get(id) ?? [];
      list.push(notice);
      noticesByAccount.set(id, list);
    }
  }
  const accounts = [...dataset.accounts].sort((a, b) => a.id.localeCompare(b.id));
  const rows: SummaryRow[] = [];
  const former: [string, number][] = [];
  const xIds: [string, number][] = [];
  const details: string[] = [];
  accounts.forEach((account, index) => {
    for (const handle of account.formerHandles ?? []) former.push([handle, index]);
    if (account.xId) xIds.push([account.xId, index]);
    const notices = noticesByAccount.get(account.id) ?? [];
    rows.push([
      account.id,
      account.handle,
      account.name,
      KINDS.indexOf(account.kind),
      CATEGORIES.indexOf(account.category),
      account.country,
      notices.length,
      notices.reduce((mask, n) => mask | (1 << NOTICE_TYPES.indexOf(n.type)), 0),
      (isFormer(account, dataset.meta.released) ? FLAG_FORMER : 0) | confidenceFlags(account.confidence),
    ]);
    const entry: AccountDetails = { account, notices, file: origins?.get(account.id)?.file ?? '' };
    details.push(JSON.stringify(entry));
  });
  return {
    index: packIndex(dataset.meta, rows, former, xIds),
    meta: { format: COMPILED_FORMAT, version: dataset.meta.version, released: dataset.meta.released, accounts: rows.length },
    details,
  };
}
