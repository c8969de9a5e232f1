/**
 * Lookalike detection: is a handle that is NOT in the dataset a near-miss of one that is, or does its display name
 * imitate an official account? Pure: no DOM, no browser APIs.
 *
 * Impersonators copy an official display name and pick a similar handle (`mfa_russia_info` for `mfa_russia`,
 * `Spokesperson_CN` for `SpokespersonCHN`, `AmbLiuXiaoMlng` for `AmbLiuXiaoMing`), or set their display name to
 * `@StateDept`. False positives hurt trust, so every rule is narrow, and `scripts/lookalike-fp.ts` measures them
 * against thousands of genuine accounts.
 *
 * The index is built once from the dataset summaries. A lookup costs a few Map reads: the handle's key, the keys
 * left after stripping affixes, and its single-deletion neighbourhood (symmetric-delete matching), each verified
 * with an exact edit distance.
 */
import type { AccountSummary } from './summary';

export type LookalikeReason =
  /** Same skeleton: confusable characters (0/o, 1/l/I, rn/m, vv/w) or only underscores differ. */
  | 'confusable'
  /** One character inserted, removed, replaced, or two neighbours swapped (after confusables). */
  | 'edit'
  /** The official handle plus an affix such as official/news/info/fan/real/the/hq, or trailing digits. */
  | 'affix'
  /** The display name shows an official handle (`@StateDept`). */
  | 'display-handle'
  /** The display name is an official account's name. */
  | 'display-name';

export interface Lookalike {
  resembles: AccountSummary;
  reason: LookalikeReason;
}

// ------------------------------------------------------------------ skeletons

/**
 * Confusable characters, after UTS #39 (confusables.txt), reduced to what matters for X handles and display names:
 * Cyrillic and Greek letters that render like Latin ones. Display names are NFKC-normalised first, which already
 * folds fullwidth, mathematical and other compatibility forms (`ＳｔａｔｅＤｅｐｔ`, `𝐒𝐭𝐚𝐭𝐞`) to ASCII.
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  А: 'a', а: 'a', В: 'b', Е: 'e', е: 'e', Ё: 'e', ё: 'e', З: '3', К: 'k', к: 'k', М: 'm', м: 'm', Н: 'h', һ: 'h',
  О: 'o', о: 'o', Р: 'p', р: 'p', С: 'c', с: 'c', Т: 't', т: 't', У: 'y', у: 'y', Х: 'x', х: 'x', І: 'i', і: 'i',
  Ї: 'i', ї: 'i', Ј: 'j', ј: 'j', Ѕ: 's', ѕ: 's', Ԁ: 'd', ԁ: 'd', Ԛ: 'q', ԛ: 'q', Ԝ: 'w', ԝ: 'w', Ӏ: 'l', ӏ: 'l',
  Ь: 'b', ь: 'b', п: 'n', г: 'r', Ү: 'y', ү: 'y', Ғ: 'f',
  // Greek
  Α: 'a', α: 'a', Β: 'b', β: 'b', Ε: 'e', ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', ι: 'i', Κ: 'k', κ: 'k', Μ: 'm', Ν: 'n',
  ν: 'v', Ο: 'o', ο: 'o', Ρ: 'p', ρ: 'p', Τ: 't', τ: 't', Υ: 'y', υ: 'u', Χ: 'x', χ: 'x', Ϲ: 'c', ϲ: 'c', ϳ: 'j',
  // Latin and symbols that NFKC keeps
  ı: 'i', ɩ: 'i', ɪ: 'i', ʟ: 'l', ɡ: 'g', ɑ: 'a', ǀ: 'l', '|': 'l', ꓲ: 'i', ꓳ: 'o', ꓴ: 'u', ꓢ: 's',
};

/**
 * The folded form of a handle. Handles are case-insensitive on X and may be displayed in any case, so an uppercase
 * `I` and a lowercase `l` (and the digit `1`) are one class; so are `0` and `o`. Multi-letter confusables from UTS #39:
 * `rn` -> `m`, `vv` -> `w`. Underscores are dropped: `Spokesperson_CN` and `SpokespersonCN` share a skeleton.
 */
export function handleSkeleton(handle: string): string {
  // One pass (this runs for every handle a page shows): `rn` and `vv` are read after underscores are gone, left to
  // right, as a chain of global replacements would; `l` is already its own class.
  let s = handle.toLowerCase();
  if (s.includes('_')) s = s.replaceAll('_', '');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x72 /* r */ && s.charCodeAt(i + 1) === 0x6e /* n */) {
      out += 'm';
      i++;
    } else if (c === 0x76 /* v */ && s.charCodeAt(i + 1) === 0x76) {
      out += 'w';
      i++;
    } else if (c === 0x69 /* i */ || c === 0x31 /* 1 */) out += 'l';
    else if (c === 0x30 /* 0 */) out += 'o';
    else out += s[i];
  }
  return out;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Invisible characters an impersonator can slip into a display name: zero-width, bidi controls, fillers. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/gu;

/** Display text with compatibility forms folded, invisible characters removed and confusables mapped to Latin. */
export function cleanDisplayText(text: string): string {
  return PRINTABLE_ASCII.test(text) ? cleanAscii(text) : foldDisplayText(text);
}

/**
 * cleanDisplayText for printable ASCII, which is already in its folded form (NFKC, NFD and NFC leave it as it is; it
 * holds no invisible or combining characters): only `|` has a confusable. Most display names take this path.
 */
function cleanAscii(text: string): string {
  return text.includes('|') ? text.replaceAll('|', 'l') : text;
}

/** cleanDisplayText for any text (exported for the test that pins the ASCII shortcut to it). */
export function foldDisplayText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').replace(INVISIBLE, '')) out += CONFUSABLES[ch] ?? ch;
  // Accents are not a difference a reader notices at a glance (`Liu Xiaomíng`).
  return out.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** The comparable form of a display name: cleaned, then letters and digits only, folded like a handle. */
export function nameSkeleton(name: string): string {
  // In ASCII, letters and digits are a-z and 0-9: the Unicode classes cost more to match.
  const letters = PRINTABLE_ASCII.test(name)
    ? cleanAscii(name).toLowerCase().replace(/[^a-z0-9]/g, '')
    : foldDisplayText(name).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return handleSkeleton(letters);
}

/** nameSkeleton without the ASCII shortcut (for the test that pins the shortcut to it). */
export function nameSkeletonUnicode(name: string): string {
  return handleSkeleton(foldDisplayText(name).toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
}

// ------------------------------------------------------------------ edit distance

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** Whether `a` and `b` are at most one edit apart: `editDistance(a, b, 1) <= 1`, in one pass and no allocation. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  // The first difference is at i: what follows must line up after one insertion, deletion, replacement or swap.
  if (la > lb) return sameFrom(a, i + 1, b, i);
  if (lb > la) return sameFrom(a, i, b, i + 1);
  if (sameFrom(a, i + 1, b, i + 1)) return true;
  return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameFrom(a, i + 2, b, i + 2);
}

/** Whether `a` from `i` equals `b` from `j`, to their ends. */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/** The character at `k` of `key` without its character `d` (the whole key when d < 0). */
function probeChar(key: string, d: number, k: number): number {
  return key.charCodeAt(d < 0 || k < d ? k : k + 1);
}

/** Whether `key` without its character `d` (the whole key when d < 0) is `official` or `official` less one character. */
export function isProbeOf(key: string, d: number, official: string): boolean {
  const length = d < 0 ? key.length : key.length - 1;
  if (official.length === length) {
    for (let k = 0; k < length; k++) if (probeChar(key, d, k) !== official.charCodeAt(k)) return false;
    return true;
  }
  if (official.length !== length + 1) return false;
  // The official key with one character deleted: the probe follows it, skipping one character once.
  let skipped = false;
  for (let k = 0, o = 0; k < length; o++) {
    if (probeChar(key, d, k) === official.charCodeAt(o)) k++;
    else if (skipped) return false;
    else skipped = true;
  }
  return true;
}

/**
 * Where the one edit between `key` and `official` is, as the first deletion from `key` (-1: none, then 0, 1, ...) that
 * leaves `official` or `official` less one character. Of several accounts one edit away, the rule reports the one
 * whose edit comes first. Every key one edit from `official` has one: a replacement or a swap deletes on both sides,
 * an insertion on the key's side, a deletion on the official's.
 */
function editPosition(key: string, official: string): number {
  for (let d = -1; d < key.length; d++) if (isProbeOf(key, d, official)) return d;
  return key.length;
}

// ------------------------------------------------------------------ sorted keys
// The matcher looks keys up by binary search in orders of the accounts sorted by key, which the build compiles into
// the index (`SECTION.BY_KEY`...): a page sorts nothing and builds no table, whatever the dataset's size.

/** The order of handle and name keys: by length, then by characters. Equal keys keep account order. */
export function compareKeys(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of handle keys read backwards: by length, then by characters from the last one. */
export function compareKeysFromEnd(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = a.length - 1; i >= 0; i--) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Account positions in an order, as the build writes them: fixed-width base-36 numbers in one string, read in place
 * (a search reads a few dozen of them: decoding them all up front would cost more than every search of a page).
 */
export class Order {
  readonly length: number;
  constructor(
    readonly packed: string,
    readonly width: number,
  ) {
    this.length = width > 0 ? Math.floor(packed.length / width) : 0;
  }

  /** The position of the j-th account in this order. */
  at(j: number): number {
    let value = 0;
    for (let k = j * this.width, end = k + this.width; k < end; k++) {
      const c = this.packed.charCodeAt(k);
      value = value * 36 + (c <= 57 ? c - 48 : c - 87);
    }
    return value;
  }

  /** Positions written as this class reads them, each `width` base-36 digits. */
  static pack(positions: readonly number[], width: number): string {
    return positions.map((i) => i.toString(36).padStart(width, '0')).join('');
  }

  /** Base-36 digits for the positions of `size` accounts. */
  static widthFor(size: number): number {
    return Math.max(1, Math.max(0, size - 1).toString(36).length);
  }
}

/** Account positions in an order, however stored: `Order` (sorted here), or words of the packed index. */
export interface OrderView {
  readonly length: number;
  /** The position of the j-th account in this order. */
  at(j: number): number;
}

/** The three orders the matcher searches (see `lookalikeOrders`). */
export interface LookalikeOrders {
  /** Every account, by handle key (`compareKeys`). */
  byKey: OrderView;
  /** Every account, by handle key read backwards (`compareKeysFromEnd`). */
  byKeyFromEnd: OrderView;
  /** The accounts with a name key, by name key (`compareKeys`). */
  byName: OrderView;
}

/** The orders, sorted here (the build compiles them; tests and tools with summaries sort at construction). */
export function lookalikeOrders(size: number, keys: (i: number) => LookalikeKeys): { byKey: number[]; byKeyFromEnd: number[]; byName: number[] } {
  const all = Array.from({ length: size }, (_, i) => ({ i, ...keys(i) }));
  const sorted = (items: typeof all, compare: (a: string, b: string) => number, of: (x: (typeof all)[number]) => string) =>
    [...items].sort((x, y) => compare(of(x), of(y)) || x.i - y.i).map((x) => x.i);
  return {
    byKey: sorted(all, compareKeys, (x) => x.handle),
    byKeyFromEnd: sorted(all, compareKeysFromEnd, (x) => x.handle),
    byName: sorted(
      all.filter((x) => x.name !== ''),
      compareKeys,
      (x) => x.name,
    ),
  };
}

/**
 * The block of `order` whose keys have `length` characters and hold `part` at their start (or, `fromEnd`, at their
 * end), as [first, end): binary search, O(log n). Most blocks are empty, found so with one search.
 */
export function orderBlock(
  order: OrderView,
  keyOf: (i: number) => string,
  length: number,
  part: string,
  fromEnd: boolean,
  lengths: Map<number, readonly [number, number]>,
): [number, number] {
  // The keys of this length, found once per order and length and remembered in `lengths`: a search reads a few keys
  // of one length instead of the whole order.
  let [lo, hi] = lengthSegment(order, keyOf, length, lengths);
  const last = hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePart(keyOf(order.at(mid)), length, part, fromEnd) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo === last || comparePart(keyOf(order.at(lo)), length, part, fromEnd) !== 0) return EMPTY;
  let end = lo + 1;
  hi = last;
  while (end < hi) {
    const mid = (end + hi) >>> 1;
    if (comparePart(keyOf(order.at(mid)), length, part, fromEnd) === 0) end = mid + 1;
    else hi = mid;
  }
  return [lo, end];
}
const EMPTY: [number, number] = [0, 0];

/** The block of `order` holding the keys of `length` characters (orders are by length first), remembered in `lengths`. */
function lengthSegment(order: OrderView, keyOf: (i: number) => string, length: number, lengths: Map<number, readonly [number, number]>): readonly [number, number] {
  let segment = lengths.get(length);
  if (!segment) {
    const firstWith = (atLeast: number): number => {
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (keyOf(order.at(mid)).length < atLeast) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    segment = [firstWith(length), firstWith(length + 1)];
    lengths.set(length, segment);
  }
  return segment;
}

/** `key` against the keys of `length` characters holding `part` at their start or end, in the order's terms. */
function comparePart(key: string, length: number, part: string, fromEnd: boolean): number {
  if (key.length !== length) return key.length - length;
  if (fromEnd) {
    for (let t = part.length - 1, k = length - 1; t >= 0; t--, k--) {
      const d = key.charCodeAt(k) - part.charCodeAt(t);
      if (d !== 0) return d;
    }
    return 0;
  }
  for (let t = 0; t < part.length; t++) {
    const d = key.charCodeAt(t) - part.charCodeAt(t);
    if (d !== 0) return d;
  }
  return 0;
}

// ------------------------------------------------------------------ rules

/** Affixes impersonators add (in skeleton form: no underscores, i/l folded). Longest first. */
const AFFIXES = [
  'official', 'updates', 'update', 'account', 'english', 'support', 'archive', 'parody', 'media', 'press', 'daily',
  'info', 'news', 'fans', 'real', 'team', 'page', 'the', 'fan', 'hq', 'tv', 'my', 'its', 'not',
].map(handleSkeleton);

/** Whether a skeleton starts or ends with an affix: one test rules out most handles before strippedCores' loop. */
const AFFIX_AT_EDGE = new RegExp(`^(?:${AFFIXES.join('|')})|(?:${AFFIXES.join('|')})$`);

/** Shortest skeleton that may be matched at all; shorter handles (`rt`, `un`) collide with too many names. */
const MIN_EXACT = 4;
/** Shortest official skeleton for the affix rule. */
const MIN_FUZZY = 6;
/**
 * Shortest skeleton for the one-edit rule. Shorter handles are dense: `gmanews`/`mlanews`/`irnanews`, `aa_arabic`/
 * `AJArabic` are different, genuine outlets one edit apart (measured with scripts/lookalike-fp.ts).
 */
const MIN_EDIT = 9;
/** Shortest name skeleton that counts as an imitation on its own (institutions, outlets): "Channel 5" is not. */
const MIN_NAME = 12;
const MIN_PERSON_NAME = 8;
/** Names in scripts without spaces are dense: a shorter minimum. */
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A handle with 1 to 4 digits at the end, and what comes before them. */
const TRAILING_DIGITS = /^(.*[^0-9])[0-9]{1,4}$/;

/** What the matcher indexes of an account: its handle skeleton, and its name skeleton when that is distinctive. */
export interface LookalikeKeys {
  handle: string;
  /** Empty when the name is too short to count as an imitation. */
  name: string;
}

/** An account's keys. The build compiles them into the index (`SECTION.LOOKALIKE_HANDLES`, `LOOKALIKE_NAMES`), so pages do not fold names. */
export function lookalikeKeys(handle: string, name: string, kind: AccountSummary['kind']): LookalikeKeys {
  const nameKey = nameSkeleton(name);
  // A person's name needs a borrowed handle as well (see byDisplayName), so it may be shorter.
  const minName = kind === 'person' ? MIN_PERSON_NAME : MIN_NAME;
  const distinctive = nameKey.length >= minName || (DENSE_SCRIPT.test(name) && nameKey.length >= 3);
  return { handle: handleSkeleton(handle), name: distinctive ? nameKey : '' };
}

/** The accounts a matcher is built from, by position: keys up front, summaries decoded for a hit only. */
export interface LookalikeAccounts {
  readonly size: number;
  /** The current handle, lower case. */
  handle(i: number): string;
  /** The position of the account whose current handle this is (lower case), if any. */
  indexOf(handle: string): number | undefined;
  /**
   * Whether a handle (lower case) is any account's, current or former: a dataset's own lookup, so that a check asks
   * once. Without it, current handles (`indexOf`) and the matcher's `isOfficial`.
   */
  knows?(handle: string): boolean;
  /** The account's handle key (`LookalikeKeys.handle`). */
  handleKey(i: number): string;
  /** The account's name key (`LookalikeKeys.name`; empty when its name is not distinctive). */
  nameKey(i: number): string;
  summary(i: number): AccountSummary;
  /** The orders compiled with the index; the matcher sorts the accounts itself without them. */
  orders?(): LookalikeOrders;
}

/** Summaries as LookalikeAccounts, their keys computed here (tests, tools). */
export function summariesAsLookalikeAccounts(accounts: readonly AccountSummary[]): LookalikeAccounts {
  const keys = accounts.map((a) => lookalikeKeys(a.handle, a.name, a.kind));
  const positions = new Map<string, number>();
  accounts.forEach((a, i) => {
    if (!positions.has(a.handle.toLowerCase())) positions.set(a.handle.toLowerCase(), i);
  });
  return {
    size: accounts.length,
    handle: (i) => accounts[i]!.handle.toLowerCase(),
    indexOf: (handle) => positions.get(handle),
    handleKey: (i) => keys[i]!.handle,
    nameKey: (i) => keys[i]!.name,
    summary: (i) => accounts[i]!,
  };
}

/** Whether `a` and `b` share a run of at least `n` characters. */
function sharesRun(a: string, b: string, n: number): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i + n <= b.length; i++) if (a.includes(b.slice(i, i + n))) return true;
  return false;
}

export interface LookalikeQuery {
  handle: string;
  /** The display name shown next to the handle, when the placement shows one. */
  displayName?: string | null;
}

export class LookalikeIndex {
  private readonly accounts: LookalikeAccounts;
  private readonly orders: LookalikeOrders;
  /** Per order, where the keys of each length are (see `orderBlock`). */
  private readonly lengths = { byKey: new Map<number, readonly [number, number]>(), byKeyFromEnd: new Map<number, readonly [number, number]>(), byName: new Map<number, readonly [number, number]>() };
  private readonly cache = new Map<string, Lookalike | null>();
  private readonly handleKey = (i: number): string => this.accounts.handleKey(i);
  private readonly nameKey = (i: number): string => this.accounts.nameKey(i);

  /**
   * Building costs nothing that grows with the dataset when the orders come compiled with it (a page's case): keys
   * are read where they are, by binary search.
   * @param accounts a dataset's accounts: `DatasetIndex.lookalikeAccounts()` (keys and orders compiled at build
   *   time), or summaries (keys computed and sorted here).
   * @param isOfficial also true for former handles and anything else the dataset knows, where `accounts` cannot tell
   *   (summaries): an account that is itself in the dataset is never flagged. `DatasetIndex.lookalikeAccounts()`
   *   knows its former handles itself.
   */
  constructor(
    accounts: LookalikeAccounts | readonly AccountSummary[],
    private readonly isOfficial: (handle: string) => boolean = () => false,
  ) {
    this.accounts = isSummaryList(accounts) ? summariesAsLookalikeAccounts(accounts) : accounts;
    this.orders = this.accounts.orders?.() ?? sortedOrders(this.accounts);
  }

  /** The official account a non-official handle (and display name) imitates, or null. */
  check({ handle, displayName }: LookalikeQuery): Lookalike | null {
    const cacheKey = `${handle}\u0000${displayName ?? ''}`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const result = this.compute(handle, displayName ?? '');
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(cacheKey, result);
    return result;
  }

  private isInDataset(lower: string): boolean {
    return (this.accounts.knows ? this.accounts.knows(lower) : this.accounts.indexOf(lower) !== undefined) || this.isOfficial(lower);
  }

  private compute(handle: string, displayName: string): Lookalike | null {
    const lower = handle.toLowerCase();
    if (this.isInDataset(lower)) return null;
    const key = handleSkeleton(lower);
    return this.byHandle(lower, key) ?? this.byDisplayName(lower, key, displayName);
  }

  /** The first account, in dataset order, whose handle key is `key`, other than the handle `own`. */
  private withKey(key: string, reason: LookalikeReason, own: string): Lookalike | null {
    const order = this.orders.byKey;
    const [first, end] = orderBlock(order, this.handleKey, key.length, key, false, this.lengths.byKey);
    for (let j = first; j < end; j++) {
      const i = order.at(j);
      if (this.accounts.handle(i) !== own) return { resembles: this.accounts.summary(i), reason };
    }
    return null;
  }

  /**
   * The handle rules, in order: same skeleton, then an official skeleton under affixes, then one edit away. Every
   * candidate is judged on its own, so the order of the lookups (and a candidate met twice) decides nothing but which
   * of several hits is reported; it is the order of the rules above and, within a rule, of the keys tried.
   */
  private byHandle(lower: string, key: string): Lookalike | null {
    if (key.length < MIN_EXACT) return null;
    const exact = this.withKey(key, 'confusable', lower);
    if (exact) return exact;
    // Affixes: the official skeleton with something an impersonator adds in front or behind.
    // Trailing digits are read from the handle itself: the skeleton folds 0 and 1 into letters.
    const digits = TRAILING_DIGITS.exec(lower);
    const trimmed = digits ? handleSkeleton(digits[1]!) : null;
    const cores = trimmed === null ? strippedCores(key) : [trimmed, ...strippedCores(key), ...strippedCores(trimmed)];
    for (const core of cores) {
      if (core.length < MIN_FUZZY) continue;
      const hit = this.withKey(core, 'affix', lower);
      if (hit) return hit;
    }
    return this.oneEdit(lower, key);
  }

  /**
   * One edit away. Of `n` characters, the two keys share their first `n - 1 - tail` characters or their last `tail`
   * ones: an edit at `p` leaves `p` shared in front and at least `n - 2 - p` behind (a swap touches two). So the
   * candidates are two blocks per length, found by binary search in the orders by key and by key read backwards.
   */
  private oneEdit(lower: string, key: string): Lookalike | null {
    const n = key.length;
    if (n + 1 < MIN_EDIT) return null;
    const front = key.slice(0, Math.ceil((n - 1) / 2));
    const back = key.slice(front.length + 1);
    let best: number | undefined;
    let bestAt = 0;
    for (let length = Math.max(n - 1, MIN_EDIT); length <= n + 1; length++) {
      for (let side = 0; side < 2; side++) {
        const fromEnd = side === 1;
        const order = fromEnd ? this.orders.byKeyFromEnd : this.orders.byKey;
        const [first, end] = orderBlock(order, this.handleKey, length, fromEnd ? back : front, fromEnd, fromEnd ? this.lengths.byKeyFromEnd : this.lengths.byKey);
        // An account in both blocks is judged twice, the same way.
        for (let j = first; j < end; j++) {
          const i = order.at(j);
          const official = this.handleKey(i);
          // An edit at the very start is how genuine outlets are named apart (`MTVBrasil`/`TVBrasil`,
          // `tvrussia`/`OTV_Russia`); impersonators change the middle or the end.
          if (official.charCodeAt(0) !== key.charCodeAt(0) || !withinOneEdit(key, official) || digitsOnlyDifference(key, official)) continue;
          const handle = this.accounts.handle(i);
          if (handle === lower || sameBesidesTrailingDigits(lower, handle)) continue;
          const at = editPosition(key, official);
          if (best === undefined || at < bestAt || (at === bestAt && i < best)) {
            best = i;
            bestAt = at;
          }
        }
      }
    }
    return best === undefined ? null : { resembles: this.accounts.summary(best), reason: 'edit' };
  }

  private byDisplayName(lower: string, key: string, displayName: string): Lookalike | null {
    if (!displayName) return null;
    const cleaned = cleanDisplayText(displayName);
    // "@StateDept" (also with confusables, zero-width characters, fullwidth forms) shown by another account.
    if (cleaned.includes('@') || cleaned.includes('＠')) for (const m of cleaned.matchAll(/[@＠]\s*([A-Za-z0-9_]{1,20})/g)) {
      const shown = m[1]!.toLowerCase();
      if (shown === lower) continue;
      const direct = this.accounts.indexOf(shown);
      if (direct !== undefined) return { resembles: this.accounts.summary(direct), reason: 'display-handle' };
      const key = handleSkeleton(shown);
      if (key.length >= MIN_EXACT) {
        const hit = this.withKey(key, 'display-handle', lower);
        if (hit) return hit;
      }
    }
    const name = nameSkeleton(displayName);
    if (!name) return null;
    const order = this.orders.byName;
    const [first, end] = orderBlock(order, this.nameKey, name.length, name, false, this.lengths.byName);
    for (let j = first; j < end; j++) {
      const i = order.at(j);
      const account = this.accounts.summary(i);
      const borrows = sharesRun(key, this.handleKey(i), 5);
      // People share names: a person's name counts only with a handle that also borrows from the official one.
      if (account.kind === 'person' && !borrows && !sharesRun(key, name, 5)) continue;
      // Outlets and institutions have sibling accounts under the same name and a related handle (`RT_Doc` and
      // `rt_documentary`, both "RT Documentary"); the handle rules have already judged those.
      if (account.kind !== 'person' && borrows) continue;
      return { resembles: account, reason: 'display-name' };
    }
    return null;
  }
}

function isSummaryList(accounts: LookalikeAccounts | readonly AccountSummary[]): accounts is readonly AccountSummary[] {
  return Array.isArray(accounts);
}

function sortedOrders(accounts: LookalikeAccounts): LookalikeOrders {
  const { byKey, byKeyFromEnd, byName } = lookalikeOrders(accounts.size, (i) => ({ handle: accounts.handleKey(i), name: accounts.nameKey(i) }));
  const width = Order.widthFor(accounts.size);
  const order = (positions: number[]) => new Order(Order.pack(positions, width), width);
  return { byKey: order(byKey), byKeyFromEnd: order(byKeyFromEnd), byName: order(byName) };
}

/**
 * Skeleton cores left after removing up to two affixes (`themfarussiainfo` -> `mfarussia`), nearest first. Most
 * handles have no affix at either edge: one test, and they are done.
 */
function strippedCores(key: string): string[] {
  if (!AFFIX_AT_EDGE.test(key)) return [];
  const out: string[] = [];
  const strip = (s: string, depth: number) => {
    for (const affix of AFFIXES) {
      if (s.length <= affix.length) continue;
      if (s.startsWith(affix)) keep(s.slice(affix.length), depth);
      if (s.endsWith(affix)) keep(s.slice(0, -affix.length), depth);
    }
  };
  const keep = (core: string, depth: number) => {
    out.push(core);
    if (depth === 0) strip(core, 1);
  };
  strip(key, 0);
  return out;
}

/**
 * `wsbtv2` vs `wsbtv3`: genuine sibling accounts are numbered, so one digit replaced by another is not a lookalike.
 * (A digit added at the end is, and is caught by the affix rule: `fakeaccount_9`.)
 */
/** `tvrussia` and `tvrussia1`: numbered sibling accounts (read on the raw handles: skeletons fold 1 and 0). */
function sameBesidesTrailingDigits(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/_?[0-9]+$/, '');
  return a !== b && strip(a) === strip(b) && strip(a).length > 0;
}

function digitsOnlyDifference(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(/\d/.test(a[i]!) && /\d/.test(b[i]!))) return false;
  return true;
}
