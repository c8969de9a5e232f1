/**
 * What the card's "Why am I seeing this?" names: the lists and other sources an entry cites, each with its date.
 * The lists the importers read are recognised by their URL and named as the dataset names them (docs/dataset-sources.md);
 * any other source is named by its publisher. Pure.
 */
import type { Source } from './schema';

const LISTS: readonly { name: string; cites: (s: Source) => boolean }[] = [
  {
    name: 'Database of embassies (Wikidata export)',
    cites: (s) => s.url.startsWith('https://www.wikidata.org/wiki/Q') && (s.supports ?? '').includes('Database of Embassies export'),
  },
  { name: 'Ministries of foreign affairs on Twitter', cites: (s) => s.url === 'https://github.com/jsks/mfa-twitter' },
  { name: 'World leaders on social media (2014)', cites: (s) => s.url === 'https://github.com/pablobarbera/world-leaders-isq' },
  { name: 'China twiplomacy 2020-2022', cites: (s) => s.url === 'https://github.com/centre-for-humanities-computing/china-twiplomacy-2020-2022' },
  { name: 'Russian government accounts (2022)', cites: (s) => s.url === 'https://github.com/timothyjgraham/russia_govt_liking_accounts' },
  { name: 'congress-legislators', cites: (s) => s.url.startsWith('https://github.com/unitedstates/congress-legislators') },
  { name: 'State Media Monitor', cites: (s) => s.url.startsWith('https://github.com/ASD-at-GMF/state-media-profiles') },
];

export interface CitedSource {
  /** The list's name, or the source's publisher. */
  name: string;
  /** Partial date as the source gives it, if any. */
  date?: string;
  /** Whether it is one of the lists the importers read. */
  list: boolean;
}

/** The entry's sources as named in the card: lists first, each name and date once, in the entry's order. */
export function citedSources(sources: readonly Source[]): CitedSource[] {
  const seen = new Set<string>();
  const out: CitedSource[] = [];
  for (const source of sources) {
    const list = LISTS.find((l) => l.cites(source));
    const cited: CitedSource = { name: list?.name ?? source.publisher, date: source.date, list: !!list };
    const key = `${cited.name}\u0000${cited.date ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(cited);
  }
  return [...out.filter((c) => c.list), ...out.filter((c) => !c.list)];
}
