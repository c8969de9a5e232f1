/**
 * Which states an X handle names, for the importers' plausibility checks ("does @UKinFrance name the sending
 * state?", "does the presidency handle listed for Uzbekistan name another country?").
 *
 * A state is "named" by one of its tokens: its ISO alpha-2 and alpha-3 codes, its names in the languages handles are
 * written in (from i18n-iso-countries), the distinctive words of those names, and a short list of the abbreviations
 * and demonyms handles use ("uk", "usa", "prc", "swiss", "rusemb"...). Tokens of four letters or more match anywhere
 * in the handle; two- and three-letter codes only where they stand at an edge of the handle, next to a "_", a digit
 * or a change of case, or next to a word such as "in", "emb" or "presidencia" (so "ukinfrance" names the UK, but
 * "guvernul" does not name Guatemala). These are heuristics to flag rows for review, not proof of ownership.
 */
import countries from 'i18n-iso-countries';
import { COUNTRY_CODES } from '../../src/core/countries';

/** Languages whose country names appear in diplomatic handles (whole names; single words of English names only). */
const LANGUAGES = ['en', 'fr', 'es', 'pt', 'de', 'it', 'nl', 'tr', 'id', 'ms', 'sv', 'da', 'nb', 'fi', 'pl', 'ro', 'cs', 'sk', 'hr', 'sr', 'sl', 'hu', 'et', 'lv', 'lt', 'sq', 'is', 'ca', 'az', 'uz', 'vi', 'sw'];

/** Abbreviations, demonyms and local names that are not in the name lists (lower case, letters only). */
const EXTRA_TOKENS: Record<string, string[]> = {
  GB: ['uk', 'brit', 'british', 'britain'],
  US: ['usa', 'america', 'american', 'amerika'],
  AE: ['uae'],
  SA: ['ksa', 'saudi'],
  ZA: ['rsa', 'sa', 'southafrica'],
  KR: ['rok', 'korea'],
  KP: ['dprk'],
  CN: ['prc', 'china', 'chine', 'cina', 'chinese', 'chn'],
  TW: ['roc', 'taipei', 'teco', 'tecro'],
  RU: ['rus', 'russia', 'russian', 'rf', 'ros', 'rusya', 'russa', 'russie', 'rusia', 'rusije'],
  CH: ['swiss', 'suisse', 'schweiz', 'svizzera', 'svizz'],
  NL: ['dutch', 'holland', 'oranda'],
  DE: ['german', 'deutsch', 'ger', 'tyska', 'tysk'],
  FR: ['french', 'francais', 'franz'],
  DK: ['danish', 'dansk'],
  FI: ['finnish', 'suomi'],
  SE: ['swedish', 'svensk', 'szwe'],
  NO: ['norwegian', 'norsk'],
  IE: ['irish'],
  IL: ['israeli'],
  IN: ['indian', 'bharat'],
  AU: ['aus', 'australian', 'aussie'],
  NZ: ['kiwi'],
  CA: ['canadian', 'can'],
  MX: ['mexican', 'mex'],
  BR: ['brazilian', 'bras', 'brasil'],
  ES: ['spanish', 'esp'],
  IT: ['italian'],
  PT: ['portuguese'],
  GR: ['greek', 'hellenic'],
  TR: ['turkish', 'turkiye', 'tc', 'toruko'],
  JP: ['japanese', 'jpn', 'nippon', 'nihon'],
  PL: ['polish', 'polska'],
  CZ: ['czech'],
  UA: ['ukr', 'ukrainian'],
  ID: ['ri', 'indonesian', 'kbri', 'kjri', 'ina'],
  PH: ['phl', 'filipino', 'pinoy', 'phil'],
  VA: ['holysee', 'nunciature', 'vatican', 'apostolic'],
  BA: ['bih'],
  PK: ['pak', 'pakistani'],
  BD: ['bd'],
  EG: ['egyptian'],
  KE: ['kenyan'],
  NG: ['nigerian', 'naija'],
  GH: ['ghanaian'],
  // Local abbreviations that look like another state's code (Crna Gora, Republika Slovenija, Republika Hrvatska ...).
  ME: ['cg', 'crnagora'],
  SI: ['rs'],
  HR: ['rh', 'cro'],
  MD: ['rm', 'rmd'],
  DO: ['rd'],
  BG: ['bul'],
  KW: ['kuw'],
  LB: ['leb'],
  SC: ['sey'],
  // Seen in mission handles (other languages' names and usual abbreviations).
  LK: ['sl', 'srilanka', 'lanka'],
  KN: ['skn'],
  PY: ['par', 'py'],
  PS: ['pal', 'palestinian'],
  ZW: ['zim'],
  MN: ['mgl', 'mongol', 'mong'],
  EC: ['ecu'],
  VE: ['vnez'],
  MG: ['mad'],
  MH: ['rmi'],
  VC: ['svg'],
  TH: ['rte', 'thai'],
  UY: ['uru'],
  SS: ['ssudan'],
  BY: ['bel', 'belarus'],
};

/** Words that glue a code to the rest of a handle ("usEMBassy", "presidenciaUY"), anywhere in it. */
const GLUE_LONG = [
  'emb', 'embassy', 'amb', 'emba', 'amba', 'embajada', 'embaixada', 'ambassade', 'ambasciata', 'botschaft', 'consulate',
  'consulat', 'consulado', 'consul', 'mission', 'mfa', 'mofa', 'gov', 'govt', 'gob', 'pmo', 'press', 'info',
  'presidencia', 'presidency', 'presidence', 'diplo', 'mae', 'mre',
];
/** Short glue words ("ukINfrance"): they count only next to an edge, a "_", a change of case or a country name. */
const GLUE_SHORT = ['in', 'en', 'cg', 'hc', 'pm', 'to', 'em'];

/** Words too common in names to identify a state on their own. */
const NAME_STOPWORDS = new Set([
  'republic', 'republica', 'republique', 'republik', 'repubblica', 'united', 'kingdom', 'states', 'state', 'islands',
  'island', 'saint', 'sankt', 'santo', 'sao', 'democratic', 'people', 'peoples', 'federal', 'federation', 'and', 'the',
  'of', 'del', 'des', 'de', 'la', 'le', 'und', 'et', 'y', 'e', 'new', 'north', 'south', 'east', 'west', 'central',
  'northern', 'southern', 'western', 'eastern', 'arab', 'emirates', 'equatorial', 'guinea', 'congo', 'korea', 'sudan',
  'samoa', 'virgin', 'american', 'british', 'french', 'great', 'union', 'islamic', 'socialist', 'plurinational',
  'bolivarian', 'principality', 'grand', 'duchy', 'commonwealth', 'territory', 'territories', 'occupied', 'sar', 'china',
  'city', 'herzegovina', 'grenadines', 'nevis', 'barbuda', 'tobago', 'principe', 'caicos', 'miquelon', 'futuna',
  'jan', 'mayen', 'heard', 'mcdonald', 'outlying', 'minor', 'lands', 'antarctic', 'pitcairn', 'cocos', 'keeling',
]);

const letters = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

let tokenIndex: Map<string, Set<string>> | null = null;

/** token -> states it names; a word shared by several states' names is dropped as ambiguous. */
function index(): Map<string, Set<string>> {
  if (tokenIndex) return tokenIndex;
  const map = new Map<string, Set<string>>();
  const add = (token: string, iso: string) => {
    if (token.length < 2) return;
    if (!map.has(token)) map.set(token, new Set());
    map.get(token)!.add(iso);
  };
  const words = new Map<string, Set<string>>();
  for (const iso of COUNTRY_CODES) {
    if (iso.length !== 2 || iso === 'EU' || iso === 'UN') continue;
    add(iso.toLowerCase(), iso);
    const alpha3 = countries.alpha2ToAlpha3(iso);
    if (alpha3) add(alpha3.toLowerCase(), iso);
    for (const lang of LANGUAGES) {
      const names = countries.getName(iso, lang, { select: 'all' }) ?? [];
      for (const name of names) {
        const full = letters(name);
        // Four-letter names only in English ("Peru", "Oman"): in other languages they are too often parts of words.
        if (full.length >= (lang === 'en' ? 4 : 5)) add(full, iso);
        if (lang !== 'en') continue;
        for (const word of name.split(/[^\p{L}]+/u).map(letters)) {
          if (word.length < 4 || NAME_STOPWORDS.has(word)) continue;
          if (!words.has(word)) words.set(word, new Set());
          words.get(word)!.add(iso);
        }
      }
    }
  }
  for (const [word, isos] of words) if (isos.size === 1) add(word, [...isos][0]!);
  for (const [iso, tokens] of Object.entries(EXTRA_TOKENS)) for (const t of tokens) add(t, iso);
  // Codes that are also glue words of handles ("UKRinNLD", "CGJapan" = consulate general) name no state.
  for (const g of GLUE_SHORT) map.delete(g);
  tokenIndex = map;
  return map;
}

export interface Hit {
  iso: string;
  token: string;
  start: number;
  end: number;
}

/** Positions in the handle where a word may start or end: the edges, "_", digits and changes of case. */
function boundaries(handle: string): Set<number> {
  const b = new Set<number>([0, handle.length]);
  for (let i = 1; i < handle.length; i++) {
    const prev = handle[i - 1]!;
    const cur = handle[i]!;
    const next = handle[i + 1];
    const isUpper = (c: string | undefined) => !!c && c >= 'A' && c <= 'Z';
    const isLower = (c: string | undefined) => !!c && c >= 'a' && c <= 'z';
    const isOther = (c: string) => !/[A-Za-z]/.test(c);
    if (isOther(prev) || isOther(cur)) b.add(i);
    else if (isLower(prev) && isUpper(cur)) b.add(i);
    else if (isUpper(prev) && isUpper(cur) && isLower(next)) b.add(i);
    else if (isUpper(prev) && isLower(cur) && isUpper(handle[i - 2])) b.add(i); // "UKRin": "UKR" | "in" as well as "UK" | "Rin"
  }
  return b;
}

/** Every state token found in a handle. */
export function stateHits(handle: string): Hit[] {
  const lower = handle.toLowerCase();
  const bounds = boundaries(handle);
  const positions = (word: string) => {
    const out: number[] = [];
    for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) out.push(i);
    return out;
  };
  const hits: Hit[] = [];
  const short: { token: string; isos: Set<string>; start: number; end: number }[] = [];
  for (const [token, isos] of index()) {
    for (const i of positions(token)) {
      if (token.length >= 4) for (const iso of isos) hits.push({ iso, token, start: i, end: i + token.length });
      else short.push({ token, isos, start: i, end: i + token.length });
    }
  }
  const longStarts = new Set(hits.map((h) => h.start));
  const longEnds = new Set(hits.map((h) => h.end));
  const glueEnds = new Set<number>();
  const glueStarts = new Set<number>();
  for (const g of GLUE_LONG) for (const i of positions(g)) glueEnds.add(i + g.length), glueStarts.add(i);
  for (const g of GLUE_SHORT) {
    for (const i of positions(g)) {
      const end = i + g.length;
      if (g === 'in' || bounds.has(end) || longStarts.has(end)) glueStarts.add(i); // "uk|in|nz", "BE|in|NL"
      if (bounds.has(i) || longEnds.has(i)) glueEnds.add(end);
    }
  }
  // A two- or three-letter code must stand at an edge, a "_" or a change of case on one side at least, and on the
  // other side too or next to a glue word.
  for (const s of short) {
    const strongStart = bounds.has(s.start);
    const strongEnd = bounds.has(s.end);
    if (!strongStart && !strongEnd) continue;
    if (!(strongStart || glueEnds.has(s.start)) || !(strongEnd || glueStarts.has(s.end))) continue;
    for (const iso of s.isos) hits.push({ iso, token: s.token, start: s.start, end: s.end });
  }
  return hits;
}

/** Where the long glue words ("consulate", "embassy"...) stand in a handle, as [start, end) spans. */
export function glueSpans(handle: string): [number, number][] {
  const lower = handle.toLowerCase();
  const spans: [number, number][] = [];
  for (const g of GLUE_LONG) for (let i = lower.indexOf(g); i >= 0; i = lower.indexOf(g, i + 1)) spans.push([i, i + g.length]);
  return spans;
}

/** Is a state a territory rather than a state (Hong Kong, the British Indian Ocean Territory...)? */
export function isTerritory(iso: string): boolean {
  return TERRITORIES.has(iso);
}

/** Is this hit strong evidence: a name of four letters or more, or the state's ISO alpha-3 code? */
export function isStrongHit(hit: Hit): boolean {
  return hit.token.length >= 4 || (hit.token.length === 3 && countries.alpha2ToAlpha3(hit.iso)?.toLowerCase() === hit.token);
}

/** Does the handle name this state? */
export function namesState(handle: string, iso: string): boolean {
  return stateHits(handle).some((h) => h.iso === iso);
}

/** ISO codes of territories that are not states (for "names another state" only states count). */
const TERRITORIES = new Set(
  'AI AQ AS AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT'.split(' '),
);

/**
 * States the handle names besides `own`, ignoring any hit that overlaps a hit of `own` (so "Romania" does not name
 * Oman, nor "UKRinNLD" the UK) and any hit inside a longer hit of another state.
 */
export function otherStatesNamed(handle: string, own: string): string[] {
  const hits = stateHits(handle);
  const ownHits = hits.filter((h) => h.iso === own);
  const overlaps = (a: Hit, b: Hit) => a.start < b.end && b.start < a.end;
  const others = hits.filter((h) => h.iso !== own && !TERRITORIES.has(h.iso) && !ownHits.some((o) => overlaps(o, h)));
  const kept = others.filter((h) => !others.some((o) => o !== h && o.iso !== h.iso && o.end - o.start > h.end - h.start && o.start <= h.start && o.end >= h.end));
  return [...new Set(kept.map((h) => h.iso))].sort();
}

const PLACE_STOPWORDS = new Set(['city', 'district', 'municipality', 'ward', 'prefecture', 'subdistrict', 'borough', 'capital', 'colonia', 'county']);

/** Does the handle name a place (a city, "Washington, D.C." -> "washington"; "Oslo municipality" -> "oslo")? */
export function namesPlace(handle: string, place: string | undefined): boolean {
  if (!place) return false;
  const lower = handle.toLowerCase();
  const full = letters(place);
  if (full.length >= 4 && lower.includes(full)) return true;
  return place
    .split(/[^\p{L}]+/u)
    .map(letters)
    .filter((w) => w.length >= 4 && !PLACE_STOPWORDS.has(w))
    .some((w) => lower.includes(w));
}

/** English name of a state for entry names, with "the" where English uses it ("the United Kingdom"). */
export function stateName(iso: string): string {
  const override = DISPLAY[iso];
  if (override) return override;
  const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(iso) ?? iso;
  return name.replace(/ & /g, ' and ').replace(/^St\. /, 'Saint ');
}

const DISPLAY: Record<string, string> = {
  US: 'the United States',
  GB: 'the United Kingdom',
  CD: 'the Democratic Republic of the Congo',
  CG: 'the Republic of the Congo',
  MM: 'Myanmar',
  HK: 'Hong Kong',
  MO: 'Macao',
  PS: 'Palestine',
  VA: 'the Holy See',
  CI: "Côte d'Ivoire",
  CZ: 'the Czech Republic',
  NL: 'the Netherlands',
  PH: 'the Philippines',
  AE: 'the United Arab Emirates',
  DO: 'the Dominican Republic',
  CF: 'the Central African Republic',
  MH: 'the Marshall Islands',
  SB: 'the Solomon Islands',
  KM: 'the Comoros',
  MV: 'the Maldives',
  BS: 'the Bahamas',
  GM: 'the Gambia',
  VC: 'Saint Vincent and the Grenadines',
  FM: 'the Federated States of Micronesia',
  CN: "the People's Republic of China",
  RU: 'the Russian Federation',
  EU: 'the European Union',
  UN: 'the United Nations',
  TR: 'Türkiye',
};
