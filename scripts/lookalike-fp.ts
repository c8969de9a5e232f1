/**
 * Lookalike false positives: runs the lookalike matcher over every genuine account handle in the shared sources
 * (US Congress social media, newsmap media accounts with their organisation names as display names, the State Media
 * Matrix's X column) against the current dataset, and lists every handle it would flag.
 *
 *   npx tsx scripts/lookalike-fp.ts [sources-dir] [--json]
 *
 * Accounts that are themselves in the dataset are skipped (the matcher never flags them); the rest are genuine
 * accounts of someone else, so every flag is a false positive.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { compileDataset } from '../src/core/compiled';
import { handleFromHref } from '../src/core/handles';
import { LookalikeIndex } from '../src/core/lookalike';
import { DatasetIndex } from '../src/core/lookup';
import { loadDataset } from './lib/load-dataset';

interface Genuine {
  handle: string;
  displayName?: string;
  source: string;
}

function readSources(dir: string): Genuine[] {
  const out: Genuine[] = [];
  const congress = join(dir, 'us-congress-legislators', 'legislators-social-media.yaml');
  if (existsSync(congress)) {
    const rows = parseYaml(readFileSync(congress, 'utf8')) as { social?: { twitter?: string } }[];
    for (const row of rows) if (row.social?.twitter) out.push({ handle: String(row.social.twitter), source: 'congress' });
  }
  const newsmap = join(dir, 'newsmap-media-twitter-wikidata', 'newsmap_metadata.json');
  if (existsSync(newsmap)) {
    const records = JSON.parse(readFileSync(newsmap, 'utf8')) as Record<string, { company_name?: string }>;
    for (const [handle, record] of Object.entries(records)) {
      out.push({ handle, displayName: record.company_name, source: 'newsmap' });
    }
  }
  const matrix = join(dir, 'state-media-profiles-asd', 'State_Media_Matrix.csv');
  if (existsSync(matrix)) {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(matrix, 'utf8'), { header: true, skipEmptyLines: true });
    for (const row of parsed.data) {
      const link = (row['Twitter Link'] ?? '').trim().replace('://www.twitter.com/', '://twitter.com/');
      const handle = handleFromHref(link);
      if (handle) out.push({ handle, displayName: row['Main assets'] || undefined, source: 'state-media-matrix' });
    }
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const sourcesDir = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/sources');
  const parsed = loadDataset('dataset');
  if (!parsed.dataset) {
    console.error(`The dataset has ${parsed.problems.length} problems: run "npm run dataset -- validate".`);
    process.exit(2);
  }
  const index = new DatasetIndex(compileDataset(parsed.dataset).index);
  const started = performance.now();
  const matcher = new LookalikeIndex(index.lookalikeAccounts());
  const built = performance.now() - started;

  const seen = new Set<string>();
  const genuine: Genuine[] = [];
  for (const g of readSources(sourcesDir)) {
    const key = `${g.handle.toLowerCase()}|${g.displayName ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    genuine.push(g);
  }
  const inDataset = genuine.filter((g) => index.byHandle(g.handle));
  const checked = genuine.filter((g) => !index.byHandle(g.handle));
  const t0 = performance.now();
  const flagged = checked
    .map((g) => ({ ...g, hit: matcher.check({ handle: g.handle, displayName: g.displayName }) }))
    .filter((g) => g.hit);
  const perLookup = (performance.now() - t0) / Math.max(1, checked.length);
  const handles = new Set(checked.map((g) => g.handle.toLowerCase()));
  const flaggedHandles = new Set(flagged.map((g) => g.handle.toLowerCase()));
  const summary = {
    dataset: { version: index.version, accounts: index.size },
    genuineHandles: new Set(genuine.map((g) => g.handle.toLowerCase())).size,
    inDataset: new Set(inDataset.map((g) => g.handle.toLowerCase())).size,
    checkedHandles: handles.size,
    flaggedHandles: flaggedHandles.size,
    rate: handles.size ? flaggedHandles.size / handles.size : 0,
    indexBuildMs: Math.round(built * 10) / 10,
    microsPerLookup: Math.round(perLookup * 1000 * 10) / 10,
    flagged: flagged.map((g) => ({
      handle: g.handle,
      displayName: g.displayName ?? null,
      source: g.source,
      resembles: g.hit!.resembles.handle,
      reason: g.hit!.reason,
    })),
  };
  if (json) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  console.log(`Dataset ${summary.dataset.version}: ${summary.dataset.accounts} accounts (lookalike index built in ${summary.indexBuildMs} ms)`);
  console.log(`Genuine handles in the sources: ${summary.genuineHandles}; in the dataset (never flagged): ${summary.inDataset}`);
  console.log(`Checked: ${summary.checkedHandles}; flagged: ${summary.flaggedHandles} (${(summary.rate * 100).toFixed(2)}%), ${summary.microsPerLookup} µs per lookup`);
  for (const f of summary.flagged) {
    console.log(`  @${f.handle}${f.displayName ? ` "${f.displayName}"` : ''} (${f.source}) -> @${f.resembles} [${f.reason}]`);
  }
}

main();
