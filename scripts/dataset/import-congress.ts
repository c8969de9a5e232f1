/**
 * `import congress <dir>`: official office accounts of current members of the US Congress from a copy of
 * unitedstates/congress-legislators (legislators-current.yaml + legislators-social-media.yaml, CC0).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { HANDLE_PATTERN, isHttpsUrl, isValidPartialDate, X_ID_PATTERN, type Role, type Source } from '../../src/core/schema';
import type { AccountRecord, ImporterSpec } from './store';

export const CONGRESS_REPO_URL = 'https://github.com/unitedstates/congress-legislators';
export const CONGRESS_PUBLISHER = 'unitedstates/congress-legislators';
export const CONGRESS_FILE = 'accounts/us-congress.yaml';
const ID_PREFIX = 'us-congress-';

const STATES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan',
  MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada',
  NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota',
  OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina',
  SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
  WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  DC: 'the District of Columbia', PR: 'Puerto Rico', GU: 'Guam', VI: 'the U.S. Virgin Islands',
  AS: 'American Samoa', MP: 'the Northern Mariana Islands',
};
const NON_STATES = new Set(['DC', 'PR', 'GU', 'VI', 'AS', 'MP']);

const ROLE_PREFIXES = ['U.S. Senator for ', 'U.S. Representative for ', 'U.S. House Delegate for ', 'U.S. House Resident Commissioner for '];

export const congressSpec: ImporterSpec = {
  name: 'import congress',
  ownsEntry: (id) => id.startsWith(ID_PREFIX),
  ownsSource: (s) => s.url.startsWith(CONGRESS_REPO_URL) || (/^Official website of /.test(s.title) && /(^|\.)(senate|house)\.gov$/.test(new URL(s.url).hostname)),
  ownsRole: (r) => ROLE_PREFIXES.some((p) => r.title.startsWith(p)),
  sortedFiles: [CONGRESS_FILE],
  reportStale: true,
};

interface Term {
  type?: string;
  start?: string;
  end?: string;
  state?: string;
  district?: number | bigint;
  party?: string;
  url?: string;
}
interface Legislator {
  id?: { bioguide?: string; wikidata?: string };
  name?: { official_full?: string; first?: string; last?: string };
  terms?: Term[];
}
interface SocialEntry {
  id?: { bioguide?: string };
  social?: { twitter?: string; twitter_id?: unknown };
}

/** Reads the upstream YAML keeping every integer exact (twitter_id values exceed 2^53). */
export function parseUpstreamYaml<T>(text: string): T {
  return parse(text, { intAsBigInt: true }) as T;
}

/** A numeric X id as a decimal string, or null; refuses anything that went through a lossy JavaScript number. */
export function xIdToString(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' && X_ID_PATTERN.test(value.trim())) return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new Error(`numeric X id ${String(value)} is not an exact integer; it must be read as a string or BigInt`);
}

export function roleTitle(term: Term): string {
  const state = term.state ?? '';
  const place = STATES[state] ?? state;
  const party = term.party ? ` (${term.party})` : '';
  if (term.type === 'sen') return `U.S. Senator for ${place}${party}`;
  if (state === 'PR') return `U.S. House Resident Commissioner for ${place}${party}`;
  if (NON_STATES.has(state)) return `U.S. House Delegate for ${place}${party}`;
  const district = term.district === undefined ? undefined : Number(term.district);
  const seat = district === 0 ? `${place}'s at-large district` : district !== undefined ? `${state}-${district}` : place;
  return `U.S. Representative for ${seat}${party}`;
}

/** Snapshot date and commit from the SOURCE.md next to the copied files (see ../shared/sources). */
export function readSnapshot(dir: string): { date?: string; commit?: string } {
  const path = join(dir, 'SOURCE.md');
  if (!existsSync(path)) return {};
  const text = readFileSync(path, 'utf8');
  const line = text.split('\n').find((l) => /snapshot/i.test(l)) ?? '';
  return { date: line.match(/\((\d{4}-\d{2}-\d{2})\)/)?.[1], commit: line.match(/`([0-9a-f]{40})`/)?.[1] };
}

export interface ImportResult {
  records: AccountRecord[];
  notes: string[];
}

export function importCongress(dir: string, options: { date?: string } = {}): ImportResult {
  const snapshot = readSnapshot(dir);
  const date = options.date ?? snapshot.date;
  if (!date || !isValidPartialDate(date)) {
    throw new Error(`import congress: no snapshot date found in ${join(dir, 'SOURCE.md')}; pass --date YYYY-MM-DD (the date of the upstream commit you copied)`);
  }
  const legislators = parseUpstreamYaml<Legislator[]>(readFileSync(join(dir, 'legislators-current.yaml'), 'utf8'));
  const social = parseUpstreamYaml<SocialEntry[]>(readFileSync(join(dir, 'legislators-social-media.yaml'), 'utf8'));
  const socialById = new Map<string, SocialEntry['social']>();
  for (const s of social) if (s.id?.bioguide) socialById.set(s.id.bioguide, s.social);

  const records: AccountRecord[] = [];
  const notes: string[] = [];
  let withoutHandle = 0;
  const repoTitle = `congress-legislators: legislators-current.yaml and legislators-social-media.yaml${snapshot.commit ? ` (commit ${snapshot.commit.slice(0, 8)})` : ''}`;
  for (const member of legislators) {
    const bioguide = member.id?.bioguide;
    const term = member.terms?.[member.terms.length - 1];
    if (!bioguide || !term) continue;
    const s = socialById.get(bioguide);
    const name = member.name?.official_full ?? [member.name?.first, member.name?.last].filter(Boolean).join(' ');
    if (!s?.twitter) {
      withoutHandle++;
      continue;
    }
    const handle = String(s.twitter).replace(/^@/, '');
    if (!HANDLE_PATTERN.test(handle)) {
      notes.push(`skipped ${bioguide} ${name}: "${handle}" is not a valid X handle`);
      continue;
    }
    const xId = xIdToString(s.twitter_id);
    const title = roleTitle(term);
    const role: Role = { title };
    if (term.start && isValidPartialDate(term.start)) role.from = term.start;
    if (term.end && isValidPartialDate(term.end)) role.to = term.end;
    const sources: Source[] = [
      {
        url: CONGRESS_REPO_URL,
        title: repoTitle,
        publisher: CONGRESS_PUBLISHER,
        date,
        supports: `Official office account @${handle}${xId ? ` (X id ${xId})` : ''} of ${name} (bioguide ${bioguide}); current term.`,
      },
    ];
    if (term.url && isHttpsUrl(term.url)) {
      sources.push({
        url: term.url,
        title: `Official website of ${name}`,
        publisher: term.type === 'sen' ? 'United States Senate' : 'United States House of Representatives',
      });
    }
    const wikidata = member.id?.wikidata && /^Q[1-9][0-9]*$/.test(member.id.wikidata) ? member.id.wikidata : undefined;
    records.push({
      id: `${ID_PREFIX}${bioguide.toLowerCase()}`,
      handle,
      ...(xId ? { xId } : {}),
      fields: { name, kind: 'person', category: 'legislator', country: 'US', ...(wikidata ? { wikidata } : {}) },
      roles: [role],
      sources,
      file: CONGRESS_FILE,
    });
  }
  notes.unshift(`${legislators.length} current members; ${records.length} with an official X account (${records.filter((r) => r.xId).length} with a numeric id); ${withoutHandle} without one`);
  return { records, notes };
}
