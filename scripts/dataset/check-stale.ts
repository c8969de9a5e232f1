/**
 * `check-stale [--years N]`: a review queue of entries that may be out of date — whose newest dated source is older
 * than N years (default 3), that cite no dated source at all, or whose roles have all ended (a former office holder:
 * is the account still theirs, and still worth a badge?).
 */
import { comparePartialDates, type Account, type Dataset } from '../../src/core/schema';

export interface StaleEntry {
  id: string;
  handle: string;
  name: string;
  category: string;
  country: string;
  confidence?: string;
  file?: string;
  /** Newest source date (partial dates allowed), when any source is dated. */
  newestSource?: string;
  /** Latest end date among ended roles. */
  roleEnded?: string;
}

export interface StaleReport {
  today: string;
  years: number;
  /** Sources dated before this day are old. */
  cutoff: string;
  old: StaleEntry[];
  undated: StaleEntry[];
  ended: StaleEntry[];
}

/** The newest of an entry's source dates, or undefined when none is dated. */
export function newestSourceDate(account: Pick<Account, 'sources'>): string | undefined {
  let newest: string | undefined;
  for (const s of account.sources) if (s.date && (!newest || comparePartialDates(s.date, newest) > 0)) newest = s.date;
  return newest;
}

/** The date the entry's roles ended, when it has roles and every one of them has ended by `today`. */
export function rolesEnded(account: Pick<Account, 'roles'>, today: string): string | undefined {
  const roles = account.roles ?? [];
  if (!roles.length) return undefined;
  if (roles.some((r) => !r.to || comparePartialDates(r.to, today) >= 0)) return undefined;
  return roles.map((r) => r.to!).sort(comparePartialDates).at(-1);
}

/** `today` minus `years` whole years, as YYYY-MM-DD. */
export function cutoffDate(today: string, years: number): string {
  const [y, m = '01', d = '01'] = today.split('-');
  const whole = Math.floor(years);
  const date = new Date(Date.UTC(Number(y) - whole, Number(m) - 1, Number(d)));
  date.setUTCDate(date.getUTCDate() - Math.round((years - whole) * 365));
  return date.toISOString().slice(0, 10);
}

export function checkStale(dataset: Dataset, options: { years: number; today?: string; origins?: Map<string, { file: string }> }): StaleReport {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const cutoff = cutoffDate(today, options.years);
  const report: StaleReport = { today, years: options.years, cutoff, old: [], undated: [], ended: [] };
  for (const a of dataset.accounts) {
    const newest = newestSourceDate(a);
    const base: StaleEntry = {
      id: a.id,
      handle: a.handle,
      name: a.name,
      category: a.category,
      country: a.country,
      ...(a.confidence ? { confidence: a.confidence } : {}),
      ...(options.origins?.get(a.id) ? { file: options.origins.get(a.id)!.file } : {}),
      ...(newest ? { newestSource: newest } : {}),
    };
    // A partial date counts from its first day ("2021" is older than a cutoff of 2021-06-01).
    if (!newest) report.undated.push(base);
    else if (comparePartialDates(newest, cutoff) < 0) report.old.push(base);
    const ended = rolesEnded(a, today);
    if (ended) report.ended.push({ ...base, roleEnded: ended });
  }
  const byDate = (key: 'newestSource' | 'roleEnded') => (x: StaleEntry, y: StaleEntry) => comparePartialDates(x[key] ?? '', y[key] ?? '') || x.id.localeCompare(y.id);
  report.old.sort(byDate('newestSource'));
  report.ended.sort(byDate('roleEnded'));
  report.undated.sort((x, y) => x.id.localeCompare(y.id));
  return report;
}

export function formatStale(r: StaleReport, limit = Infinity): string {
  const line = (e: StaleEntry, extra: string) =>
    `  ${extra.padEnd(10)} ${e.id} @${e.handle} — ${e.name} [${e.category}, ${e.country}${e.confidence ? `, ${e.confidence}` : ''}]${e.file ? ` (${e.file})` : ''}`;
  const out = [
    `Entries to review as of ${r.today} (sources older than ${r.years} year${r.years === 1 ? '' : 's'}, i.e. before ${r.cutoff}):`,
    `  ${r.old.length} with an old newest source, ${r.undated.length} with no dated source, ${r.ended.length} whose roles have all ended`,
  ];
  const section = (title: string, items: StaleEntry[], extra: (e: StaleEntry) => string) => {
    if (!items.length) return;
    const byYear = new Map<string, number>();
    for (const e of items) byYear.set(extra(e).slice(0, 4), (byYear.get(extra(e).slice(0, 4)) ?? 0) + 1);
    out.push('', `${title} (${items.length}${byYear.size > 1 ? `; by year: ${[...byYear].map(([y, n]) => `${y} ${n}`).join(', ')}` : ''}):`);
    for (const e of items.slice(0, limit)) out.push(line(e, extra(e)));
    if (items.length > limit) out.push(`  ... and ${items.length - limit} more (see --json)`);
  };
  section('Newest source older than the cutoff (oldest first)', r.old, (e) => e.newestSource ?? '');
  section('Roles ended (former office holders)', r.ended, (e) => e.roleEnded ?? '');
  section('No dated source', r.undated, () => '');
  return out.join('\n');
}
