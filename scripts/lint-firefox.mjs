#!/usr/bin/env node
// Lints dist/firefox with Mozilla's web-ext (offline). Fails on any error; prints warnings, each of which docs/security.md
// explains (Preact's runtime contains an innerHTML assignment for dangerouslySetInnerHTML, which Attaché never uses).
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--self-hosted', '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  console.error('web-ext lint did not produce a report');
  process.exit(1);
}
const { errors, warnings } = report.summary;
for (const w of report.warnings) console.log(`warning ${w.code} in ${w.file}: ${w.message}`);
for (const e of report.errors) console.error(`ERROR ${e.code} in ${e.file ?? 'manifest'}: ${e.message}`);
const expected = report.warnings.every((w) => w.code === 'UNSAFE_VAR_ASSIGNMENT');
console.log(`web-ext lint dist/firefox: ${errors} errors, ${warnings} warnings`);
if (errors > 0 || !expected) {
  if (!expected) console.error('A new kind of warning appeared: fix it or explain it in docs/security.md.');
  process.exit(1);
}
