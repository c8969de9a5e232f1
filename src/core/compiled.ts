/**
 * The compact runtime form of the dataset, compiled at build time and embedded in the content script.
 * Summaries (enough for a badge) are decoded once at start-up; full details are kept as JSON strings and decoded
 * only when a card is opened for that account.
 */
import { CATEGORIES, CONFIDENCE, KINDS, NOTICE_TYPES, type Account, type Dataset, type Notice } from './schema';
import { Order, lookalikeKeys, lookalikeOrders } from './lookalike';
import { X_ID_PATTERN } from './x-id';

export const COMPILED_FORMAT = 7;

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
/** Base-36 digits per account in `codes`. */
export const CODE_WIDTH = 6;

/**
 * The compact index, as a few long strings rather than an object with a key per handle: parsing it costs little
 * more than copying it, whatever the dataset's size, and lookups are built from it in one pass at start-up.
 * Columns are in account order and joined by "\n" (no field contains a newline: `packIndex` folds them).
 */
export interface CompiledIndex {
  format: typeof COMPILED_FORMAT;
  version: string;
  released: string;
  /**
   * Every handle, lower case: first the current handle of each account (in account order), then the former handles.
   */
  handles: string;
  /** For each former handle (in the order it follows the current ones): the index of its account. */
  formerOf: string;
  /**
   * An open-addressing hash table over `handles`, built here so the content script does not build one at start-up:
   * slots of SLOT_WIDTH base-36 digits holding (position in `handles`) + 1, or 0 for empty; FNV-1a hashing, linear
   * probing, a power-of-two size at most two-thirds full.
   */
  table: string;
  /** Numeric X id of each account (decimal), in account order; an empty line where the dataset has none. */
  xIdColumn: string;
  /**
   * An open-addressing hash table over the numeric X ids, built like `table` (FNV-1a, linear probing, SLOT_WIDTH
   * base-36 digits per slot) but holding (account index) + 1: an id lookup reads the column in place, no map is built.
   */
  xIdTable: string;
  ids: string;
  /** Handles as the account writes them. */
  displayHandles: string;
  names: string;
  countries: string;
  /** CODE_WIDTH base-36 digits per account: kind, category, notice count (at most 35), notice-type mask (two), flags. */
  codes: string;
  /**
   * The lookalike matcher's keys, "handle skeleton\tname skeleton" per account (see `lookalikeKeys`): folding names
   * (Unicode normalisation, confusables) is done here, once, rather than on every page.
   */
  lookalike: string;
  /**
   * The lookalike matcher's orders (see `lookalikeOrders`), so that pages sort nothing: account positions, `width`
   * base-36 digits each, by handle key, by handle key read backwards, and (the accounts with a name key) by name key.
   */
  lookalikeOrders: { width: number; byKey: string; byKeyFromEnd: string; byName: string };
}

export interface CompiledDataset extends CompiledIndex {
  /**
   * JSON of AccountDetails, one per account, decoded on a hit. The extension ships these apart from the index
   * (`splitCompiled`): the content script carries the index only and asks the background for an entry when a card
   * opens.
   */
  details: string[];
}

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

export const SLOT_WIDTH = 5;

/** FNV-1a over UTF-16 code units (handles are ASCII): the hash both the build and the lookup use. */
export function handleHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** `keys[i]` null: no key at that position (an account without a numeric id). */
function buildTable(keys: readonly (string | null)[]): string {
  const count = keys.reduce((n, key) => (key === null ? n : n + 1), 0);
  let size = 8;
  while (size * 2 < count * 3) size *= 2;
  const slots = new Array<number>(size).fill(0);
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
  return slots.map((v) => v.toString(36).padStart(SLOT_WIDTH, '0')).join('');
}

export { X_ID_PATTERN } from './x-id';

/** Packs summary rows (plus former handles and numeric ids) into the compact index. */
export function packIndex(
  meta: { version: string; released: string },
  rows: readonly SummaryRow[],
  formerHandles: readonly (readonly [string, number])[] = [],
  xIds: readonly (readonly [string, number])[] = [],
): CompiledIndex {
  const code = (n: number, width: number) => Math.max(0, Math.min(36 ** width - 1, n)).toString(36).padStart(width, '0');
  const keys = [...rows.map((r) => r[1].toLowerCase()), ...formerHandles.map(([h]) => h.toLowerCase())];
  const lookalike = rows.map((r) => lookalikeKeys(r[1], oneLine(r[2]), KINDS[r[3]] ?? 'institution'));
  const orders = lookalikeOrders(rows.length, (i) => lookalike[i]!);
  const width = Order.widthFor(rows.length);
  const packOrder = (positions: number[]) => Order.pack(positions, width);
  const idOf = new Array<string | null>(rows.length).fill(null);
  for (const [id, i] of xIds) if (X_ID_PATTERN.test(id) && i >= 0 && i < rows.length && idOf[i] === null) idOf[i] = id;
  return {
    format: COMPILED_FORMAT,
    version: meta.version,
    released: meta.released,
    handles: keys.join('\n'),
    formerOf: formerHandles.map(([, i]) => i).join(','),
    table: buildTable(keys),
    xIdColumn: idOf.map((id) => id ?? '').join('\n'),
    xIdTable: buildTable(idOf),
    ids: rows.map((r) => r[0]).join('\n'),
    displayHandles: rows.map((r) => r[1]).join('\n'),
    names: rows.map((r) => oneLine(r[2])).join('\n'),
    countries: rows.map((r) => r[5]).join('\n'),
    codes: rows.map((r) => code(r[3], 1) + code(r[4], 1) + code(r[6], 1) + code(r[7], 2) + code(r[8] ?? 0, 1)).join(''),
    lookalike: lookalike.map((keys) => `${keys.handle}\t${keys.name}`).join('\n'),
    lookalikeOrders: { width, byKey: packOrder(orders.byKey), byKeyFromEnd: packOrder(orders.byKeyFromEnd), byName: packOrder(orders.byName) },
  };
}

/** The index (for the content script, popup and options) and the details (for the background), separately. */
export function splitCompiled(compiled: CompiledDataset): { index: CompiledIndex; details: string[] } {
  const { details, ...index } = compiled;
  return { index, details };
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
  return { ...packIndex(dataset.meta, rows, former, xIds), details };
}
