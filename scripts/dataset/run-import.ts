/** Runs an importer's records through the merge engine, writes the files and validates the result. */
import { AccountStore, formatReport, type AccountRecord, type ImporterSpec, type MergeReport } from './store';
import { validateDir } from './validate';

export interface RunImportOptions {
  dir: string;
  acceptRenames?: boolean;
  dryRun?: boolean;
  log?: (line: string) => void;
}

export function runImport(spec: ImporterSpec, records: AccountRecord[], notes: string[], options: RunImportOptions): { report: MergeReport; ok: boolean } {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const store = new AccountStore(options.dir);
  const report = store.merge(spec, records, { acceptRenames: options.acceptRenames });
  for (const note of notes) log(note);
  log(formatReport(spec.name, report));
  if (options.dryRun) {
    const files = store.changedFiles().map((f) => f.file);
    log(`\n--dry-run: would write ${files.length ? files.join(', ') : 'nothing'}`);
    return { report, ok: true };
  }
  const written = store.write();
  log(`\nwrote ${written.length ? written.map((f) => `${options.dir}/${f}`).join(', ') : 'nothing (no changes)'}`);
  const result = validateDir(options.dir);
  log(result.ok ? result.lines.join('\n') : `The dataset does not validate after this import; fix these before committing:\n${result.lines.join('\n')}`);
  return { report, ok: result.ok };
}
