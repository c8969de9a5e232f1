/** `stats [--json]`: what the dataset covers. */
import { isHttpsUrl, type Dataset } from '../../src/core/schema';

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
}

function count<T>(items: T[], key: (item: T) => string | string[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    for (const one of Array.isArray(k) ? k : k === undefined ? [] : [k]) out[one] = (out[one] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
}

export function computeStats(dataset: Dataset, origins?: Map<string, { file: string }>): DatasetStats {
  const { accounts, notices } = dataset;
  const inNotices = new Set(notices.flatMap((n) => n.accounts));
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
  };
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');

export function formatStats(s: DatasetStats): string {
  const lines = [
    `Attaché dataset ${s.version}`,
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
  table('By category', s.byCategory);
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
