/** `stats [--json]`: what the dataset covers, with the coverage figures and targets of issue 18 ("Dataset v2"). */
import { INTERNATIONAL_CODES } from '../../src/core/countries';
import { isHttpsUrl, type Account, type Dataset } from '../../src/core/schema';
import { entryOrigin, sourceOrigins } from './origins';

/** Categories counted as diplomatic accounts. */
export const DIPLOMATIC_CATEGORIES = ['diplomat', 'embassy', 'consulate', 'mission', 'spokesperson'] as const;
export const MINISTRY_CATEGORIES = ['ministry', 'minister'] as const;
export const LEADER_CATEGORIES = ['head-of-state', 'head-of-government', 'government-office'] as const;

/** Coverage targets of the dataset's second version (issue 18, item 1). */
export const TARGETS = {
  nonLegislator: 2500,
  diplomatic: 1200,
  ministryCountries: 120,
  leaderCountries: 150,
  countries: 150,
} as const;

export interface Figure {
  value: number;
  /** The same figure without `unverified` entries. */
  withoutUnverified: number;
  target: number;
  met: boolean;
}

export interface DatasetStats {
  version: string;
  accounts: number;
  /** Accounts with at least one https source. */
  sourced: number;
  withXId: number;
  withWikidata: number;
  withRoles: number;
  notices: number;
  accountsWithNotices: number;
  byCategory: Record<string, number>;
  byKind: Record<string, number>;
  byCountry: Record<string, number>;
  byConfidence: Record<string, number>;
  byTypology: Record<string, number>;
  /** Accounts citing each source publisher (an account counts once per publisher). */
  bySourcePublisher: Record<string, number>;
  byFile: Record<string, number>;
  noticesByType: Record<string, number>;
  noticesByStatus: Record<string, number>;
  /** Distinct states (ISO codes; EU, UN and INT not counted) with at least one account of the category. */
  countriesByCategory: Record<string, number>;
  /** Share of accounts with a numeric X id, 0-1. */
  shareWithXId: number;
  /** Share of accounts by confidence, 0-1 (unset counts as "unrated"). */
  shareByConfidence: Record<string, number>;
  /** Accounts by the importer that created them ("hand-curated" for the rest). */
  byOrigin: Record<string, number>;
  /** Accounts citing each imported list. */
  byListCited: Record<string, number>;
  /** The coverage figures of issue 18 with their targets. */
  coverage: {
    nonLegislator: Figure;
    diplomatic: Figure;
    ministryCountries: Figure;
    leaderCountries: Figure;
    countries: Figure;
  };
}

function count<T>(items: T[], key: (item: T) => string | string[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    for (const one of Array.isArray(k) ? k : k === undefined ? [] : [k]) out[one] = (out[one] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
}

const isState = (code: string) => !(INTERNATIONAL_CODES as readonly string[]).includes(code);

function countries(accounts: Account[], categories?: readonly string[]): number {
  return new Set(accounts.filter((a) => isState(a.country) && (!categories || categories.includes(a.category))).map((a) => a.country)).size;
}

function figure(accounts: Account[], measure: (list: Account[]) => number, target: number): Figure {
  const value = measure(accounts);
  return { value, withoutUnverified: measure(accounts.filter((a) => a.confidence !== 'unverified')), target, met: value >= target };
}

export function coverage(accounts: Account[]): DatasetStats['coverage'] {
  return {
    nonLegislator: figure(accounts, (l) => l.filter((a) => a.category !== 'legislator').length, TARGETS.nonLegislator),
    diplomatic: figure(accounts, (l) => l.filter((a) => (DIPLOMATIC_CATEGORIES as readonly string[]).includes(a.category)).length, TARGETS.diplomatic),
    ministryCountries: figure(accounts, (l) => countries(l, MINISTRY_CATEGORIES), TARGETS.ministryCountries),
    leaderCountries: figure(accounts, (l) => countries(l, LEADER_CATEGORIES), TARGETS.leaderCountries),
    countries: figure(accounts, (l) => countries(l), TARGETS.countries),
  };
}

export function computeStats(dataset: Dataset, origins?: Map<string, { file: string }>): DatasetStats {
  const { accounts, notices } = dataset;
  const inNotices = new Set(notices.flatMap((n) => n.accounts));
  const byConfidence = count(accounts, (a) => a.confidence ?? 'unrated');
  const categories = [...new Set(accounts.map((a) => a.category))];
  return {
    version: dataset.meta.version,
    accounts: accounts.length,
    sourced: accounts.filter((a) => a.sources.some((s) => isHttpsUrl(s.url))).length,
    withXId: accounts.filter((a) => a.xId).length,
    withWikidata: accounts.filter((a) => a.wikidata).length,
    withRoles: accounts.filter((a) => a.roles?.length).length,
    notices: notices.length,
    accountsWithNotices: accounts.filter((a) => inNotices.has(a.id)).length,
    byCategory: count(accounts, (a) => a.category),
    byKind: count(accounts, (a) => a.kind),
    byCountry: count(accounts, (a) => a.country),
    byConfidence: count(accounts, (a) => a.confidence ?? 'unrated'),
    byTypology: count(accounts, (a) => a.typology),
    bySourcePublisher: count(accounts, (a) => [...new Set(a.sources.map((s) => s.publisher))]),
    byFile: count(accounts, (a) => origins?.get(a.id)?.file),
    noticesByType: count(notices, (n) => n.type),
    noticesByStatus: count(notices, (n) => n.status.value),
    countriesByCategory: Object.fromEntries(
      categories.map((c) => [c, countries(accounts, [c])] as const).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)),
    ),
    shareWithXId: accounts.length ? accounts.filter((a) => a.xId).length / accounts.length : 0,
    shareByConfidence: Object.fromEntries(Object.entries(byConfidence).map(([k, n]) => [k, n / accounts.length])),
    byOrigin: count(accounts, (a) => entryOrigin(a.id)),
    byListCited: count(accounts, (a) => [...new Set(a.sources.flatMap((s) => sourceOrigins(s)))]),
    coverage: coverage(accounts),
  };
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');

export function formatStats(s: DatasetStats): string {
  const c = s.coverage;
  const fig = (label: string, f: Figure) =>
    `  ${label.padEnd(64)} ${String(f.value).padStart(6)}  target ${String(f.target).padStart(5)}  ${f.met ? 'met' : `short by ${f.target - f.value}`}` +
    (f.withoutUnverified !== f.value ? `  (${f.withoutUnverified} without unverified)` : '');
  const lines = [
    `Attaché dataset ${s.version}`,
    '',
    'Coverage (issue 18 targets):',
    fig('accounts outside legislator', c.nonLegislator),
    fig('diplomatic (diplomat, embassy, consulate, mission, spokesperson)', c.diplomatic),
    fig('countries with a ministry or minister', c.ministryCountries),
    fig('countries with head of state/government or its office', c.leaderCountries),
    fig('countries in all (EU, UN, INT not counted)', c.countries),
    '',
    `  accounts          ${s.accounts}`,
    `  sourced (https)   ${s.sourced} (${pct(s.sourced, s.accounts)})`,
    `  with numeric X id ${s.withXId} (${pct(s.withXId, s.accounts)})`,
    `  with Wikidata id  ${s.withWikidata} (${pct(s.withWikidata, s.accounts)})`,
    `  with roles        ${s.withRoles}`,
    `  notices           ${s.notices} (on ${s.accountsWithNotices} accounts)`,
  ];
  const table = (title: string, data: Record<string, number>, limit = 20) => {
    const entries = Object.entries(data);
    if (!entries.length) return;
    lines.push('', `${title}:`);
    for (const [k, n] of entries.slice(0, limit)) lines.push(`  ${k.padEnd(40)} ${String(n).padStart(5)}`);
    if (entries.length > limit) lines.push(`  ... ${entries.length - limit} more (see --json)`);
  };
  const shares = Object.entries(s.shareByConfidence).map(([k, v]) => `${k} ${pct(v, 1)}`).join(', ');
  lines.push(`  share with numeric X id ${pct(s.shareWithXId, 1)}; by confidence: ${shares}`);
  const cats = Object.keys(s.byCategory);
  if (cats.length) {
    lines.push('', 'By category (accounts, countries):');
    for (const k of cats) lines.push(`  ${k.padEnd(40)} ${String(s.byCategory[k]).padStart(5)} ${String(s.countriesByCategory[k] ?? 0).padStart(5)}`);
  }
  table('By origin (importer that created the entry)', s.byOrigin);
  table('By list cited (accounts citing it)', s.byListCited);
  table('By kind', s.byKind);
  table('By country', s.byCountry, 15);
  table('By confidence', s.byConfidence);
  table('By State Media Monitor typology', s.byTypology);
  table('By source publisher (accounts citing it)', s.bySourcePublisher, 15);
  table('By file', s.byFile);
  table('Notices by type', s.noticesByType);
  table('Notices by status', s.noticesByStatus);
  return lines.join('\n');
}
