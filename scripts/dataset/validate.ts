/** `validate`: the schema, the cross-file checks and the rules of src/core, with every problem at once. */
import { join } from 'node:path';
import { formatProblem } from '../../src/core/dataset-files';
import { loadDataset } from '../lib/load-dataset';

export interface ValidateResult {
  ok: boolean;
  lines: string[];
}

export function validateDir(dir: string): ValidateResult {
  const parsed = loadDataset(dir);
  if (parsed.dataset && parsed.problems.length === 0) {
    const { accounts, notices } = parsed.dataset;
    return { ok: true, lines: [`${dir}: valid (${accounts.length} accounts, ${notices.length} notices)`] };
  }
  const lines = parsed.problems.map((p) => formatProblem({ ...p, file: join(dir, p.file).split('\\').join('/') }));
  lines.push(`${parsed.problems.length} problem(s) in ${dir}; nothing was changed. Fix them and run validate again.`);
  return { ok: false, lines };
}
