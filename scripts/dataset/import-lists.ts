/**
 * The list importers by name, and `import-all`: the whole import sequence from one folder of downloaded files, with
 * fixed snapshot dates, so that re-running it gives the same files (deterministic and idempotent).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { embassiesSpec, importEmbassies } from './import-embassies';
import type { ListImport } from './import-common';
import { importMfaTwitter, mfaTwitterSpec } from './import-mfa-twitter';
import { importRussia2022, russia2022Spec } from './import-russia-2022';
import { importTwiplomacy, twiplomacySpec } from './import-twiplomacy';
import { importWorldLeaders, worldLeadersSpec } from './import-world-leaders';
import { runImport, type RunImportOptions } from './run-import';
import type { ImporterSpec, MergeReport } from './store';

export interface ListImporter {
  spec: ImporterSpec;
  run: (path: string, options: { date?: string; commit?: string }) => ListImport;
}

export const LIST_IMPORTERS: Record<string, ListImporter> = {
  embassies: { spec: embassiesSpec, run: importEmbassies },
  'mfa-twitter': { spec: mfaTwitterSpec, run: importMfaTwitter },
  'world-leaders': { spec: worldLeadersSpec, run: importWorldLeaders },
  twiplomacy: { spec: twiplomacySpec, run: importTwiplomacy },
  'russia-2022': { spec: russia2022Spec, run: importRussia2022 },
};

/** One step of `import-all`: which importer, which file in the sources folder, and the upstream snapshot. */
export interface ImportStep {
  source: keyof typeof LIST_IMPORTERS;
  /** Path inside the `--sources` folder. */
  file: string;
  /** The source's date as cited (see docs/dataset-sources.md for why each date). */
  date: string;
  /** Upstream commit of the downloaded file. */
  commit: string;
  /** Where the maintainer downloads the file from (repository and path at that commit). */
  upstream: string;
}

/**
 * The import sequence. Order matters only for which importer creates an entry found in two lists (the first one;
 * the later ones add their source to it): Wikidata's embassies first, then the ministries, the 2014 leaders, and the
 * two single-country lists. Hand-curated files are read first by every step, so their entries are merged into.
 */
export const IMPORT_SEQUENCE: ImportStep[] = [
  {
    source: 'embassies',
    file: 'database-of-embassies/database_of_embassies.csv',
    date: '2022-11-16',
    commit: 'b1987a62f9412564fa33c5e9193a65319bc504a3',
    upstream: 'database-of-embassies/database-of-embassies, database_of_embassies.csv',
  },
  {
    source: 'mfa-twitter',
    file: 'mfa-twitter/accounts.csv',
    date: '2021-09-23',
    commit: '9370fabbe24616870dda6926e5d85d56ded4e5d8',
    upstream: 'jsks/mfa-twitter, refs/accounts.csv',
  },
  {
    source: 'world-leaders',
    file: 'world-leaders-isq/world-leaders-social-media.csv',
    date: '2014-01-01',
    commit: '71a11af0c686ffcf2581d62b3a4e0fb98b583a6f',
    upstream: 'pablobarbera/world-leaders-isq, data/world-leaders-social-media.csv',
  },
  {
    source: 'twiplomacy',
    file: 'china-twiplomacy-2020-2022/README.md',
    date: '2022-07-30',
    commit: '0441baf02c787f7ab7189a92991631c62cc23a45',
    upstream: 'centre-for-humanities-computing/china-twiplomacy-2020-2022, README.md',
  },
  {
    source: 'russia-2022',
    file: 'russia_govt_liking_accounts/README.md',
    date: '2022-03-30',
    commit: '78cbb0752e5135f361a30dc8e9356e7b2f69a108',
    upstream: 'timothyjgraham/russia_govt_liking_accounts, README.md',
  },
];

export interface ListRunResult {
  source: string;
  ok: boolean;
  report: MergeReport;
  skipped: Record<string, number>;
  records: number;
}

/** Runs one list importer through the merge engine; prints its notes, skipped rows and merge report. */
export function runListImport(source: string, path: string, opts: RunImportOptions & { date?: string; commit?: string }): ListRunResult {
  const importer = LIST_IMPORTERS[source];
  if (!importer) throw new Error(`unknown importer "${source}" (${Object.keys(LIST_IMPORTERS).join(', ')})`);
  const { records, notes, skipped } = importer.run(path, { date: opts.date, commit: opts.commit });
  const { report, ok } = runImport(importer.spec, records, [...notes, ...skipped.lines()], opts);
  return { source, ok, report, skipped: skipped.counts(), records: records.length };
}

/** `import-all --sources <dir>`: every step of IMPORT_SEQUENCE, stopping at the first that does not validate. */
export function importAll(sourcesDir: string, opts: RunImportOptions): { ok: boolean; results: ListRunResult[] } {
  const log = opts.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const missing = IMPORT_SEQUENCE.filter((s) => !existsSync(join(sourcesDir, s.file)));
  if (missing.length) {
    throw new Error(
      `import-all: missing in ${sourcesDir}:\n${missing.map((s) => `  ${s.file}   (${s.upstream}, commit ${s.commit})`).join('\n')}\n` +
        'Download each file at the commit given (see dataset/README.md, "Importing the lists").',
    );
  }
  const results: ListRunResult[] = [];
  for (const step of IMPORT_SEQUENCE) {
    log(`\n=== import ${step.source} ${step.file} --date ${step.date} ===`);
    const result = runListImport(step.source, join(sourcesDir, step.file), { ...opts, date: step.date, commit: step.commit });
    results.push(result);
    if (!result.ok) return { ok: false, results };
  }
  log('\n=== summary ===');
  for (const r of results) {
    const skippedRows = Object.values(r.skipped).reduce((a, b) => a + b, 0);
    log(
      `${r.source.padEnd(14)} ${String(r.records).padStart(4)} records: ${r.report.added.length} added, ${r.report.updated.length} updated, ` +
        `${r.report.unchanged.length} unchanged, ${r.report.conflicts.length} conflicts, ${r.report.notMerged.length} not merged; ${skippedRows} rows skipped`,
    );
  }
  return { ok: true, results };
}
