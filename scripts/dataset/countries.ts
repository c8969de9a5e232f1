/**
 * Country names and Wikidata country items -> ISO 3166-1 alpha-2 codes, for the importers.
 * English names come from the runtime's CLDR data (Intl.DisplayNames) plus the aliases the sources use.
 */
import { COUNTRY_CODES } from '../../src/core/countries';

/** Spellings used by the ASD matrix, newsmap (Wikidata labels) and Wikidata that CLDR does not give. */
const ALIASES: Record<string, string> = {
  "people's republic of china": 'CN',
  prc: 'CN',
  'united states of america': 'US',
  usa: 'US',
  'kingdom of the netherlands': 'NL',
  'republic of ireland': 'IE',
  uae: 'AE',
  'state of palestine': 'PS',
  'palestine territories': 'PS',
  palestine: 'PS',
  'czech republic': 'CZ',
  'dr congo': 'CD',
  'democratic republic of the congo': 'CD',
  'republic of the congo': 'CG',
  congo: 'CG',
  'the gambia': 'GM',
  'vatican city': 'VA',
  'holy see': 'VA',
  "cote d'ivoire": 'CI',
  'ivory coast': 'CI',
  'north korea': 'KP',
  "democratic people's republic of korea": 'KP',
  'south korea': 'KR',
  'republic of korea': 'KR',
  russia: 'RU',
  'russian federation': 'RU',
  turkey: 'TR',
  turkiye: 'TR',
  'hong kong': 'HK',
  macao: 'MO',
  macau: 'MO',
  taiwan: 'TW',
  'republic of china': 'TW',
  'cape verde': 'CV',
  eswatini: 'SZ',
  swaziland: 'SZ',
  'east timor': 'TL',
  'timor-leste': 'TL',
  burma: 'MM',
  myanmar: 'MM',
  'north macedonia': 'MK',
  'european union': 'EU',
  'europen union': 'EU',
  'united nations': 'UN',
  kosovo: 'XK',
  'sint maarten': 'SX',
  'united kingdom': 'GB',
  'great britain': 'GB',
  // Spellings of the database-of-embassies export, mfa-twitter and the 2014 world-leaders list.
  'kingdom of denmark': 'DK',
  'federated states of micronesia': 'FM',
  vatican: 'VA',
  'united states': 'US',
  'republic of the gambia': 'GM',
  'congo, republic of the': 'CG',
  'congo, democratic republic of the': 'CD',
  'gambia, the': 'GM',
};

/** Wikidata items of a few countries, for SPARQL results without an ?iso binding (add an ?iso binding for others). */
export const WIKIDATA_COUNTRIES: Record<string, string> = {
  Q30: 'US',
  Q148: 'CN',
  Q159: 'RU',
  Q145: 'GB',
  Q142: 'FR',
  Q183: 'DE',
  Q17: 'JP',
  Q668: 'IN',
};

export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** A looser form for lookups: "&" and "and", "St." and "Saint", and a leading "the" count as the same. */
function lookupKey(name: string): string {
  return normaliseName(name)
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\bst\.?\s/g, 'saint ')
    .replace(/^the /, '')
    .replace(/\s+/g, ' ')
    .trim();
}

let byName: Map<string, string> | null = null;

function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  for (const code of COUNTRY_CODES) {
    if (code.length !== 2) continue;
    try {
      const name = display.of(code);
      if (name && name !== code) byName.set(lookupKey(name), code);
    } catch {
      // not a region the runtime knows
    }
  }
  for (const [name, code] of Object.entries(ALIASES)) byName.set(lookupKey(name), code);
  return byName;
}

/** ISO code for an English country name, or null when unknown (historic states such as "Soviet Union" stay null). */
export function countryCodeForName(name: string): string | null {
  const n = lookupKey(name);
  if (!n) return null;
  return names().get(n) ?? null;
}

/** ISO code for a Wikidata country (entity URI or Q-id), an explicit ISO code, or an English label — in that order of trust. */
export function resolveCountry(input: { iso?: string; item?: string; label?: string }): string | null {
  const iso = input.iso?.trim().toUpperCase();
  if (iso && COUNTRY_CODES.has(iso)) return iso;
  const q = input.item?.match(/Q[1-9][0-9]*$/)?.[0];
  if (q && WIKIDATA_COUNTRIES[q]) return WIKIDATA_COUNTRIES[q];
  return input.label ? countryCodeForName(input.label) : null;
}

/**
 * For a country name with a typo ("Saudia Arabia", "Ecaudor"): the one known name within two edits (an adjacent
 * swap counts as one), or null when there is none or more than one. Names shorter than six letters are not guessed.
 */
export function closestCountry(name: string, distance: (a: string, b: string) => number): { code: string; name: string } | null {
  const n = lookupKey(name);
  if (n.length < 6) return null;
  const found = new Map<string, string>();
  for (const [known, code] of names()) {
    if (Math.abs(known.length - n.length) > 2) continue;
    if (distance(n, known) <= 2) found.set(code, known);
  }
  if (found.size !== 1) return null;
  const [code, known] = [...found][0]!;
  return { code, name: known };
}
