/**
 * Maintainer toolkit for the Attaché dataset: `npm run dataset -- <command>`. See dataset/README.md.
 *
 *   validate [--dir dataset]
 *   import congress <dir> [--accept-renames] [--dry-run]
 *   import state-media <matrix.csv> --accounts <newsmap.json> [--accept-renames] [--dry-run]
 *   import wikidata <results.json> [--file accounts/x.yaml] [--accept-renames] [--dry-run]
 *   import csv <file.csv> [--file accounts/x.yaml] [--accept-renames] [--dry-run]
 *   import embassies|mfa-twitter|world-leaders|twiplomacy|russia-2022 <downloaded file> --date YYYY-MM-DD
 *   import-all --sources <dir>
 *   check-stale [--years N] [--json]
 *   stats [--json]
*   ids-seen <session-log.json> [--json]
 *   diff <git-ref> [--flat]
 *   release [--bump patch|minor|major] [--since <git-ref>] [--date YYYY-MM-DD]
 */
import { parseArgs } from 'node:util';
import { validateDir } from './dataset/validate';
import { congressSpec, importCongress } from './dataset/import-congress';
import { runImport } from './dataset/run-import';
import { importStateMedia, stateMediaSpec } from './dataset/import-state-media';
import { importWikidata, wikidataSpec, WIKIDATA_FILE } from './dataset/import-wikidata';
import { csvSpec, importCsv } from './dataset/import-csv';
import { importAll, LIST_IMPORTERS, runListImport } from './dataset/import-lists';
import { checkStale, formatStale } from './dataset/check-stale';
import { computeStats, formatStats } from './dataset/stats';
import { formatIdsSeen, idsSeen } from './dataset/ids-seen';
import { readFileSync as readIdsLog } from 'node:fs';
import { diffSnapshots, snapshotFromDir, snapshotFromGit } from './dataset/diff';
import { release } from './dataset/release';
import { formatProblem } from '../src/core/dataset-files';
import { loadDataset } from './lib/load-dataset';

const USAGE = `usage: npm run dataset -- <command> [options]

  validate [--dir dataset]                 check schema, cross-file rules and sources; exit 1 on any problem
  import congress <dir>                    merge US Congress official accounts (unitedstates/congress-legislators)
  import state-media <matrix.csv> --accounts <newsmap.json>
                                           merge SC/CaPu outlets of the ASD State Media Matrix matched to X accounts
  import wikidata <results.json>           merge SPARQL JSON results of the queries in the sources README
  import csv <file.csv>                    merge a hand-curated CSV (layout in dataset/README.md)
  import embassies <database_of_embassies.csv>   embassies, consulates, missions (Wikidata export, CC0)
  import mfa-twitter <accounts.csv>        foreign ministries with numeric ids (jsks/mfa-twitter, 2020-2021)
  import world-leaders <world-leaders-social-media.csv>   2014 leaders' institutional accounts (unverified)
  import twiplomacy <README.md>            PRC diplomatic accounts (china-twiplomacy-2020-2022)
  import russia-2022 <README.md>           Russian government and embassy accounts (2022)
      import options: --dir dataset, --accept-renames, --dry-run, --file accounts/<name>.yaml, --date YYYY-MM-DD
  import-all --sources <dir>               every list importer in order, with fixed dates (dataset/README.md)
  stats [--json]                           coverage figures and targets, counts by category, country, source
  ids-seen <log.json> [--json]             X ids seen in an exported session log for dataset accounts (to add after review)
  diff <git-ref> [--flat]                  review what changed since a git ref, grouped by country and category
  check-stale [--years N] [--json]         entries whose newest source is older than N years (default 3) or whose role ended
  release [--bump patch|minor|major] [--since <git-ref>]
                                           bump dataset/meta.yaml and prepend a dated entry to dataset/CHANGELOG.md
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string', default: 'dataset' },
      json: { type: 'boolean', default: false },
      accounts: { type: 'string' },
      file: { type: 'string' },
      date: { type: 'string' },
      bump: { type: 'string', default: 'minor' },
      since: { type: 'string' },
      sources: { type: 'string' },
      years: { type: 'string', default: '3' },
      commit: { type: 'string' },
      flat: { type: 'boolean', default: false },
      'accept-renames': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const dir = values.dir!;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'validate': {
      const result = validateDir(dir);
      const out = result.ok ? process.stdout : process.stderr;
      out.write(result.lines.join('\n') + '\n');
      return result.ok ? 0 : 1;
    }
    case 'import': {
      const [source, input] = rest;
      if (!source || !input) throw new Error('usage: import <congress|state-media|wikidata|csv> <path> [options]');
      const opts = { dir, acceptRenames: values['accept-renames'], dryRun: values['dry-run'] };
      let run: ReturnType<typeof runImport>;
      if (source === 'congress') {
        const { records, notes } = importCongress(input, { date: values.date });
        run = runImport(congressSpec, records, notes, opts);
      } else if (source === 'state-media') {
        if (!values.accounts) throw new Error('import state-media needs --accounts <newsmap.json> (handles and ids are never taken from the matrix)');
        const { records, notes, unmatched } = importStateMedia(input, values.accounts, { date: values.date });
        run = runImport(stateMediaSpec, records, notes, opts);
        if (unmatched.length) {
          process.stdout.write(`\nOutlets not matched to an X account (${unmatched.length}; review, then add by hand or via Wikidata):\n`);
          process.stdout.write(unmatched.map((u) => `  ${u}`).join('\n') + '\n');
        }
      } else if (source === 'wikidata') {
        const file = values.file ?? WIKIDATA_FILE;
        const { records, notes } = importWikidata(input, { date: values.date, file });
        run = runImport(wikidataSpec(file), records, notes, opts);
      } else if (source === 'csv') {
        const { records, notes } = importCsv(input, { file: values.file });
        run = runImport(csvSpec, records, notes, opts);
      } else if (LIST_IMPORTERS[source]) {
        run = runListImport(source, input, { ...opts, date: values.date, commit: values.commit });
      } else {
        throw new Error(`unknown importer "${source}" (congress, state-media, wikidata, csv, ${Object.keys(LIST_IMPORTERS).join(', ')})`);
      }
      return run.ok ? 0 : 1;
    }
    case 'import-all': {
      if (!values.sources) throw new Error('usage: import-all --sources <dir>   (the downloaded lists; layout in dataset/README.md)');
      return importAll(values.sources, { dir, acceptRenames: values['accept-renames'], dryRun: values['dry-run'] }).ok ? 0 : 1;
    }
    case 'check-stale': {
      const parsed = loadDataset(dir);
      if (!parsed.dataset) {
        process.stderr.write(parsed.problems.map(formatProblem).join('\n') + '\ncheck-stale: the dataset does not validate; run validate and fix it first\n');
        return 1;
      }
      const years = Number(values.years);
      if (!Number.isFinite(years) || years < 0) throw new Error(`check-stale: --years ${values.years} is not a number of years`);
      const report = checkStale(parsed.dataset, { years, today: values.date, origins: parsed.origins });
      process.stdout.write(values.json ? JSON.stringify(report) + '\n' : formatStale(report) + '\n');
      return 0;
    }
    case 'stats': {
      const parsed = loadDataset(dir);
      if (!parsed.dataset) {
        process.stderr.write(parsed.problems.map(formatProblem).join('\n') + '\nstats: the dataset does not validate; run validate and fix it first\n');
        return 1;
      }
      const stats = computeStats(parsed.dataset, parsed.origins);
      process.stdout.write(values.json ? JSON.stringify(stats) + '\n' : formatStats(stats) + '\n');
      return 0;
    }
    case 'ids-seen': {
      const [logFile] = rest;
      if (!logFile) throw new Error('usage: ids-seen <session-log.json>   (the session log exported as JSON from Options)');
      const parsed = loadDataset(dir);
      if (!parsed.dataset) {
        process.stderr.write(parsed.problems.map(formatProblem).join('\n') + '\nids-seen: the dataset does not validate; run validate and fix it first\n');
        return 1;
      }
      const rows = idsSeen(parsed.dataset, JSON.parse(readIdsLog(logFile, 'utf8')));
      process.stdout.write(values.json ? JSON.stringify(rows) + '\n' : formatIdsSeen(rows) + '\n');
      return 0;
    }
    case 'diff': {
      const [ref] = rest;
      if (!ref) throw new Error('usage: diff <git-ref>   (e.g. diff HEAD~1, diff main, diff v1.0.0)');
      const result = diffSnapshots(snapshotFromGit(ref, dir), snapshotFromDir(dir), Infinity, { grouped: !values.flat });
      process.stdout.write(`Changes in ${dir}/ since ${ref} (working tree):\n${result.lines.join('\n')}\n`);
      return 0;
    }
    case 'release':
      return release({ dir, bump: values.bump!, since: values.since, date: values.date, log: (l) => process.stdout.write(l + '\n') }) ? 0 : 1;
    default:
      process.stderr.write(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
