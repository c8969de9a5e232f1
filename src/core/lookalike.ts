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
import type { AccountSummary } from './lookup';

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

// A probe is a key with at most one character deleted: (key, d) is `key` without its character d, or the whole key
// when d < 0. The one-edit rule looks probes up by a hash computed in place, so that neither building the index nor a
// check makes a string per deletion, and confirms every candidate the hash gives (see `isProbeOf`).

/** The character at `k` of the probe (key, d). */
function probeChar(key: string, d: number, k: number): number {
  return key.charCodeAt(d < 0 || k < d ? k : k + 1);
}

/** FNV-1a over the probe's characters: equal probes give equal hashes; a collision costs a confirmation, no match. */
export function probeHash(key: string, d: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < key.length; k++) {
    if (k === d) continue;
    h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  }
  return h;
}

/** Whether the probe (key, d) equals `official` or `official` with one character deleted. */
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

/** How many leading characters `head` reads. Probes shorter than this are never made (MIN_EDIT is larger). */
const HEAD_LENGTH = 4;

/**
 * The first HEAD_LENGTH characters of a string, as one small integer (seven bits each: two heads that differ only
 * above seven bits share a number, which costs a lookup, never a match).
 */
function head(s: string): number {
  return probeHead(s, -1);
}

/** `head` of the probe (key, d), read in place. */
function probeHead(key: string, d: number): number {
  return (
    ((probeChar(key, d, 0) & 0x7f) << 21) | ((probeChar(key, d, 1) & 0x7f) << 14) | ((probeChar(key, d, 2) & 0x7f) << 7) |
    (probeChar(key, d, 3) & 0x7f)
  );
}

/** A handle with 1 to 4 digits at the end, and what comes before them. */
const TRAILING_DIGITS = /^(.*[^0-9])[0-9]{1,4}$/;

/** Accounts under one key: most keys have one, held as a number (no array per key while the index is built). */
type Indices = number | number[];

function push<K>(map: Map<K, Indices>, key: K, value: number): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, value);
  else if (typeof held === 'number') {
    if (held !== value) map.set(key, [held, value]);
  } else if (!held.includes(value)) held.push(value);
}

const NO_INDICES: readonly number[] = [];
function each(held: Indices | undefined): readonly number[] {
  return held === undefined ? NO_INDICES : typeof held === 'number' ? [held] : held;
}

/** What the matcher indexes of an account: its handle skeleton, and its name skeleton when that is distinctive. */
export interface LookalikeKeys {
  handle: string;
  /** Empty when the name is too short to count as an imitation. */
  name: string;
}

/** An account's keys. The build compiles them into the index (`CompiledIndex.lookalike`), so pages do not fold names. */
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
  keys(i: number): LookalikeKeys;
  summary(i: number): AccountSummary;
}

/** Summaries as LookalikeAccounts, their keys computed here (tests, tools). */
export function summariesAsLookalikeAccounts(accounts: readonly AccountSummary[]): LookalikeAccounts {
  return {
    size: accounts.length,
    handle: (i) => accounts[i]!.handle.toLowerCase(),
    keys: (i) => lookalikeKeys(accounts[i]!.handle, accounts[i]!.name, accounts[i]!.kind),
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
  /** lower-case handle of every account in the dataset (current handles) */
  private readonly official = new Map<string, number>();
  private readonly handles: string[] = [];
  private readonly bySkeleton = new Map<string, Indices>();
  /**
   * `probeHash` of the skeleton and of each of its single-deletion variants -> accounts (fuzzy rule, long skeletons
   * only). A hash may hold accounts of colliding probes too: every candidate is confirmed with `isProbeOf`.
   */
  private readonly byDeletion = new Map<number, Indices>();
  /** The head (see `head`) of every key in byDeletion: most probes are ruled out without a lookup. */
  private readonly deletionHeads = new Set<number>();
  private readonly byName = new Map<string, Indices>();
  private readonly skeletons: string[] = [];
  private readonly cache = new Map<string, Lookalike | null>();

  /**
   * @param accounts a dataset's accounts: `DatasetIndex.lookalikeAccounts()` (keys compiled at build time), or
   *   summaries (keys computed here).
   * @param isOfficial also true for former handles and anything else the dataset knows (e.g. `DatasetIndex.byHandle`):
   *   an account that is itself in the dataset is never flagged.
   */
  constructor(
    accounts: LookalikeAccounts | readonly AccountSummary[],
    private readonly isOfficial: (handle: string) => boolean = () => false,
  ) {
    this.accounts = isSummaryList(accounts) ? summariesAsLookalikeAccounts(accounts) : accounts;
    for (let i = 0; i < this.accounts.size; i++) {
      const handle = this.accounts.handle(i);
      this.official.set(handle, i);
      this.handles.push(handle);
      const { handle: key, name } = this.accounts.keys(i);
      this.skeletons.push(key);
      if (key.length >= MIN_EXACT) push(this.bySkeleton, key, i);
      if (key.length >= MIN_EDIT) {
        // The key, and the key without each character (a run of one letter gives one variant).
        for (let d = -1; d < key.length; d++) if (d <= 0 || key[d] !== key[d - 1]) push(this.byDeletion, probeHash(key, d), i);
        // Every probe indexed has one of these heads: the key's own, or its head after deleting one of the
        // characters the head reads.
        for (let d = -1; d < HEAD_LENGTH; d++) this.deletionHeads.add(probeHead(key, d));
      }
      if (name) push(this.byName, name, i);
    }
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
    return this.official.has(lower) || this.isOfficial(lower);
  }

  private compute(handle: string, displayName: string): Lookalike | null {
    const lower = handle.toLowerCase();
    if (this.isInDataset(lower)) return null;
    const key = handleSkeleton(lower);
    return this.byHandle(lower, key) ?? this.byDisplayName(lower, key, displayName);
  }

  private pick(held: Indices | undefined, reason: LookalikeReason, own: string): Lookalike | null {
    for (const i of each(held)) if (this.handles[i] !== own) return { resembles: this.accounts.summary(i), reason };
    return null;
  }

  /**
   * The handle rules, in order: same skeleton, then an official skeleton under affixes, then one edit away. Every
   * candidate is judged on its own, so the order of the lookups (and a candidate met twice) decides nothing but which
   * of several hits is reported; it is the order of the rules above and, within a rule, of the keys tried.
   */
  private byHandle(lower: string, key: string): Lookalike | null {
    if (key.length < MIN_EXACT) return null;
    const exact = this.pick(this.bySkeleton.get(key), 'confusable', lower);
    if (exact) return exact;
    // Affixes: the official skeleton with something an impersonator adds in front or behind.
    // Trailing digits are read from the handle itself: the skeleton folds 0 and 1 into letters.
    const digits = TRAILING_DIGITS.exec(lower);
    const trimmed = digits ? handleSkeleton(digits[1]!) : null;
    const cores = trimmed === null ? strippedCores(key) : [trimmed, ...strippedCores(key), ...strippedCores(trimmed)];
    for (const core of cores) {
      if (core.length < MIN_FUZZY) continue;
      const hit = this.pick(this.bySkeleton.get(core), 'affix', lower);
      if (hit) return hit;
    }
    // One edit away (symmetric deletion: the key or one of its deletions equals an official key or one of its).
    if (key.length + 1 < MIN_EDIT) return null;
    // Probes that keep the key's head (the key itself, and deletions after the head) can only be found when an
    // indexed key has that head too. For most handles none does.
    const headIndexed = this.deletionHeads.has(head(key));
    for (let d = -1; d < key.length; d++) {
      // The key itself, then the key without its character d (a run of one letter is tried once).
      if ((d < 0 || d >= HEAD_LENGTH) && !headIndexed) continue;
      if (d > 0 && key[d] === key[d - 1]) continue;
      const candidates = this.byDeletion.get(probeHash(key, d));
      if (candidates === undefined) continue;
      for (const i of each(candidates)) {
        const official = this.skeletons[i]!;
        if (!isProbeOf(key, d, official)) continue;
        // An edit at the very start is how genuine outlets are named apart (`MTVBrasil`/`TVBrasil`,
        // `tvrussia`/`OTV_Russia`); impersonators change the middle or the end.
        if (key[0] !== official[0]) continue;
        const handle = this.handles[i]!;
        if (handle === lower || sameBesidesTrailingDigits(lower, handle)) continue;
        if (editDistance(key, official, 1) <= 1 && !digitsOnlyDifference(key, official)) {
          return { resembles: this.accounts.summary(i), reason: 'edit' };
        }
      }
    }
    return null;
  }

  private byDisplayName(lower: string, key: string, displayName: string): Lookalike | null {
    if (!displayName) return null;
    const cleaned = cleanDisplayText(displayName);
    // "@StateDept" (also with confusables, zero-width characters, fullwidth forms) shown by another account.
    if (cleaned.includes('@') || cleaned.includes('＠')) for (const m of cleaned.matchAll(/[@＠]\s*([A-Za-z0-9_]{1,20})/g)) {
      const shown = m[1]!.toLowerCase();
      if (shown === lower) continue;
      const direct = this.official.get(shown);
      if (direct !== undefined) return { resembles: this.accounts.summary(direct), reason: 'display-handle' };
      const key = handleSkeleton(shown);
      if (key.length >= MIN_EXACT) {
        const hit = this.pick(this.bySkeleton.get(key), 'display-handle', lower);
        if (hit) return hit;
      }
    }
    const name = nameSkeleton(displayName);
    const indices = this.byName.get(name);
    if (indices === undefined) return null;
    for (const i of each(indices)) {
      const account = this.accounts.summary(i);
      const borrows = sharesRun(key, this.skeletons[i]!, 5);
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
