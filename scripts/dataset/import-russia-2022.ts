/**
 * `import russia-2022 <README.md>`: the 75 Russian government and embassy handles listed in the README of
 * timothyjgraham/russia_govt_liking_accounts (timelines collected on 19 March 2022). No licence file: the handles
 * are leads, every entry is `low`, and the file is never copied. The repository's id file lists the users who LIKED
 * these accounts' posts, not the accounts: it is never read.
 *
 * "rusemb..."-style handles are embassies of Russia; the host country is named only when the rest of the handle is
 * one unambiguous country token ("rusembusa" -> the United States, "rusemb_pl" -> Poland, "rusembjakarta" -> via
 * the capital, Indonesia), optionally followed by a language or "press" suffix. Otherwise the entry is an embassy of
 * Russia whose host the handle does not name. Other handles are mapped by a fixed table (ministries, the Kremlin,
 * missions) or skipped with the reason. Hand-written entries (dataset/accounts/ru.yaml) are merged into.
 */
import { readFileSync } from 'node:fs';
import { HANDLE_PATTERN, type Account, type Source } from '../../src/core/schema';
import { SkipLog, slug, snapshotDate, type ListImport } from './import-common';
import { stateHits, stateName } from './state-names';
import type { AccountRecord, ImporterSpec } from './store';

export const RUSSIA_2022_URL = 'https://github.com/timothyjgraham/russia_govt_liking_accounts';
export const RUSSIA_2022_FILE = 'accounts/russia-2022.yaml';
const ID_PREFIX = 'ru2022-';
const RU = 'the Russian Federation';

export const russia2022Spec: ImporterSpec = {
  name: 'import russia-2022',
  ownsEntry: (id) => id.startsWith(ID_PREFIX),
  ownsSource: (s) => s.url === RUSSIA_2022_URL,
  sortedFiles: [RUSSIA_2022_FILE],
  reportStale: true,
};

type Category = Account['category'];

/** Handles that are not "rusemb..." embassies: what they are, or why they are skipped. */
export const FIXED: Record<string, { category: Category; name: string } | { skip: string }> = {
  mid_rf: { category: 'ministry', name: `Ministry of Foreign Affairs of ${RU} (Russian-language account)` },
  mod_russia: { category: 'ministry', name: `Ministry of Defence of ${RU}` },
  kremlinrussia: { category: 'government-office', name: 'President of Russia (Kremlin)' },
  russiaun: { category: 'mission', name: `Permanent Mission of ${RU} to the United Nations` },
  natomission_ru: { category: 'mission', name: `Mission of ${RU} to NATO` },
  mission_russian: { category: 'mission', name: `Mission of ${RU} (the organisation is not named by the handle)` },
  sovfedinfo: { skip: 'the Federation Council, a chamber of parliament: not a government office, ministry or mission' },
  russia: { skip: 'who runs the account is not stated by the source: needs a second source' },
};

/** Capitals that name a host unambiguously when a handle uses the city ("rusembjakarta"). */
const CAPITALS: Record<string, string> = { jakarta: 'ID', kabul: 'AF', bangkok: 'TH', manila: 'PH', canberra: 'AU', ottawa: 'CA', tokyo: 'JP', beijing: 'CN', nairobi: 'KE' };

const EMBASSY_PREFIX = /^(?:russianembassy|rusembassy|rusemb|embrus|ambrus|emb_rus|embassyofrussia)_?/i;
const SUFFIXES: Record<string, string> = { eng: 'English-language account', en: 'English-language account', _ru: 'Russian-language account', ru: 'Russian-language account', press: 'press account' };

/** The host state a "rusemb..." handle names, and the suffix after it; host undefined when not unambiguous. */
export function embassyHost(handle: string): { host?: string; suffix?: string } | null {
  const m = EMBASSY_PREFIX.exec(handle);
  if (!m) return null;
  const rest = handle.slice(m[0].length).toLowerCase();
  if (!rest) return {};
  for (const [suffix, what] of [['', undefined] as const, ...Object.entries(SUFFIXES)]) {
    if (suffix && !rest.endsWith(suffix)) continue;
    const core = (suffix ? rest.slice(0, -suffix.length) : rest).replace(/^_|_$/g, '');
    if (core.length < 2) continue;
    if (CAPITALS[core]) return { host: CAPITALS[core], suffix: what };
    // The whole rest must be one token naming exactly one state.
    const states = new Set(stateHits(core).filter((h) => h.start === 0 && h.end === core.length).map((h) => h.iso));
    if (states.size === 1) return { host: [...states][0], suffix: what };
  }
  return {};
}

/** Handles of the README's numbered list ("1.\trusembusa") under its "Notes" section. */
export function parseHandleList(markdown: string): string[] {
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^\s*\d+\.\s+@?([A-Za-z0-9_]+)\s*$/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

export function importRussia2022(path: string, options: { date?: string; commit?: string } = {}): ListImport {
  const { date, commit } = snapshotDate('russia-2022', path, options.date, options.commit);
  const handles = parseHandleList(readFileSync(path, 'utf8'));
  const skipped = new SkipLog();
  const records: AccountRecord[] = [];
  const seen = new Set<string>();
  const title = `Pro-Russian 'liking' accounts on Twitter: README, list of 75 Russian government and embassy accounts${commit ? ` (commit ${commit.slice(0, 8)})` : ''}`;
  let unnamedHosts = 0;
  for (const handle of handles) {
    const where = `@${handle}`;
    if (seen.has(handle.toLowerCase())) {
      skipped.add('listed twice', where);
      continue;
    }
    seen.add(handle.toLowerCase());
    if (!HANDLE_PATTERN.test(handle)) {
      skipped.add('not a valid X handle', where);
      continue;
    }
    let category: Category;
    let name: string;
    let note: string | undefined;
    const fixed = FIXED[handle.toLowerCase()];
    const embassy = fixed ? null : embassyHost(handle);
    if (fixed && 'skip' in fixed) {
      skipped.add(fixed.skip, where);
      continue;
    } else if (fixed) {
      ({ category, name } = fixed);
    } else if (embassy) {
      category = 'embassy';
      if (embassy.host) {
        name = `Embassy of ${RU} in ${stateName(embassy.host)}${embassy.suffix ? ` (${embassy.suffix})` : ''}`;
      } else {
        unnamedHosts++;
        name = `Embassy of ${RU}`;
        note = 'The handle does not name the host country unambiguously, and the source does not say it.';
      }
    } else {
      skipped.add('not a handle this importer knows how to map (add it to FIXED in import-russia-2022.ts)', where);
      continue;
    }
    const source: Source = {
      url: RUSSIA_2022_URL,
      title,
      publisher: 'Timothy Graham, russia_govt_liking_accounts (research dataset)',
      date,
      supports: `Lists @${handle} among the 75 Russian government and embassy accounts whose latest posts were collected on 19 March 2022.`,
    };
    records.push({
      id: `${ID_PREFIX}${slug(handle)}`,
      handle,
      fields: { name, kind: 'institution', category, country: 'RU' },
      initialFields: { confidence: 'low', ...(note ? { note } : {}) },
      sources: [source],
      file: RUSSIA_2022_FILE,
    });
  }
  const notes = [`${handles.length} handles listed; ${records.length} accounts to merge (${unnamedHosts} embassies whose host the handle does not name); list of ${date}`];
  return { records, notes, skipped };
}
