/**
 * Where an account or a source came from: which importer created an entry (by its id prefix) and which list a
 * source cites (by its URL). Used by `stats`, `release` (the CHANGELOG says what came from which source) and docs.
 */
import type { Source } from '../../src/core/schema';

export interface Origin {
  /** Importer name as in `npm run dataset -- import <name>`. */
  name: string;
  idPrefix: string;
  /** Does a source cite this list? */
  cites: (source: Pick<Source, 'url' | 'publisher' | 'supports'>) => boolean;
}

export const ORIGINS: Origin[] = [
  { name: 'congress', idPrefix: 'us-congress-', cites: (s) => s.url.startsWith('https://github.com/unitedstates/congress-legislators') },
  { name: 'state-media', idPrefix: 'state-media-', cites: (s) => s.url.startsWith('https://github.com/ASD-at-GMF/state-media-profiles') },
  {
    name: 'embassies',
    idPrefix: 'doe-',
    cites: (s) => s.url.startsWith('https://www.wikidata.org/wiki/Q') && (s.supports ?? '').includes('Database of Embassies export'),
  },
  { name: 'mfa-twitter', idPrefix: 'mfatw-', cites: (s) => s.url === 'https://github.com/jsks/mfa-twitter' },
  { name: 'world-leaders', idPrefix: 'wl2014-', cites: (s) => s.url === 'https://github.com/pablobarbera/world-leaders-isq' },
  { name: 'twiplomacy', idPrefix: 'twiplomacy-', cites: (s) => s.url === 'https://github.com/centre-for-humanities-computing/china-twiplomacy-2020-2022' },
  { name: 'russia-2022', idPrefix: 'ru2022-', cites: (s) => s.url === 'https://github.com/timothyjgraham/russia_govt_liking_accounts' },
  {
    name: 'wikidata',
    idPrefix: 'wd-',
    cites: (s) => s.publisher === 'Wikidata' && s.url.startsWith('https://www.wikidata.org/wiki/Q') && !(s.supports ?? '').includes('Database of Embassies export'),
  },
];

export const HAND_CURATED = 'hand-curated';

/** The importer that created an entry, or "hand-curated". */
export function entryOrigin(id: string): string {
  return ORIGINS.find((o) => id.startsWith(o.idPrefix))?.name ?? HAND_CURATED;
}

/** The lists a source cites (usually none or one). */
export function sourceOrigins(source: Pick<Source, 'url' | 'publisher' | 'supports'>): string[] {
  return ORIGINS.filter((o) => o.cites(source)).map((o) => o.name);
}
