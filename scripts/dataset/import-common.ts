/** Shared pieces of the list importers (embassies, mfa-twitter, world-leaders, twiplomacy, russia-2022). */
import { basename, dirname } from 'node:path';
import { isValidPartialDate } from '../../src/core/schema';
import { readSnapshot } from './import-congress';
import type { AccountRecord } from './store';

/** Rows an importer did not turn into records, counted by reason, with the first few examples of each. */
export class SkipLog {
  private readonly reasons = new Map<string, string[]>();
  private total = 0;

  constructor(private readonly examples = 5) {}

  add(reason: string, example: string): void {
    this.total++;
    const list = this.reasons.get(reason) ?? [];
    list.push(example);
    this.reasons.set(reason, list);
  }

  get count(): number {
    return this.total;
  }

  /** Reason -> number of rows, most frequent first. */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.reasons].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b)).map(([r, l]) => [r, l.length]));
  }

  lines(): string[] {
    if (!this.total) return ['skipped: none'];
    const out = [`skipped ${this.total} rows, by reason:`];
    for (const [reason, n] of Object.entries(this.counts())) {
      const ex = this.reasons.get(reason)!;
      out.push(`  ${String(n).padStart(4)}  ${reason}`);
      out.push(`        e.g. ${ex.slice(0, this.examples).join('; ')}${ex.length > this.examples ? `; ... (${ex.length - this.examples} more)` : ''}`);
    }
    return out;
  }
}

/** Result of a list importer: the records for the merge engine, notes for the report and the rows it skipped. */
export interface ListImport {
  records: AccountRecord[];
  notes: string[];
  skipped: SkipLog;
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * The snapshot date of a downloaded file: `--date`, else a SOURCE.md next to it (as for the shared sources), else a
 * date in the file name ("database_of_embassies-2022-11-16.csv"). Throws a clear message when there is none.
 */
export function snapshotDate(importer: string, path: string, date?: string, commit?: string): { date: string; commit?: string } {
  const snapshot = readSnapshot(dirname(path));
  const fromName = basename(path).match(/(\d{4}-\d{2}-\d{2})/)?.[1];
  const chosen = date ?? snapshot.date ?? fromName;
  if (!chosen || !isValidPartialDate(chosen) || chosen.length !== 10) {
    throw new Error(`import ${importer}: no snapshot date for ${path}; pass --date YYYY-MM-DD (the date of the upstream file you downloaded)`);
  }
  return { date: chosen, commit: commit ?? snapshot.commit };
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), for country-name typos. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Splits one line of a delimiter-separated file that never quotes (the embassies export replaces ";" in values). */
export function splitPlain(line: string, delimiter: string): string[] {
  return line.replace(/\r$/, '').split(delimiter).map((v) => v.trim());
}
