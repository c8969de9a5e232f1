// Dataset scale, Node side (V8, like Chromium): what the content script does at start-up with its embedded
// dataset — evaluating the compiled index as the build writes it (an object literal, compiled from source: see
// scripts/lib/inline-dataset.mjs), `new DatasetIndex(...)`, a first lookup, and the lookalike matcher with a first
// check — timed and weighed for the bundled dataset and for synthetic indexes of 10k / 100k / 1M accounts. Run by run.mjs as
//   node --expose-gc --import tsx scripts/bench/dataset-scale.ts [--quick]
// and prints one JSON object. Figures are relative to the bundled dataset measured in the same process.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Script } from 'node:vm';
import { DATASET_JSON, jsonExpression } from '../lib/inline-dataset.mjs';
import { packIndex, type CompiledDataset, type CompiledIndex, type SummaryRow } from '../../src/core/compiled';
import { DatasetIndex } from '../../src/core/lookup';
import { LookalikeIndex } from '../../src/core/lookalike';

const quick = process.argv.includes('--quick');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** The JSON the build wrote next to a generated dataset module (scripts/lib/vite-dataset-plugin.ts). */
function generatedJson(kind: 'index' | 'details'): string {
  try {
    return readFileSync(DATASET_JSON[kind], 'utf8');
  } catch {
    throw new Error(`${DATASET_JSON[kind]} is missing; run the build first`);
  }
}

/**
 * The source the content script evaluates for an index: the build's object literal; for the layout before the
 * index and details were split, JSON.parse of one string literal, as the build wrote it then.
 */
function sourceOf(json: string, layout: 'literal' | 'json-parse'): string {
  return layout === 'literal' ? jsonExpression(json) : `JSON.parse(${JSON.stringify(json)})`;
}

/** The handle of synthetic account `i`. */
function syntheticHandle(i: number): string {
  return `Acct${i.toString(36)}_${(i * 7919) % 9973}`;
}

/** A synthetic index shaped like the real one: rows, handles, X ids, and details of the real average length. */
function syntheticJson(n: number, detailChars: number, withDetails: boolean): string {
  const rows: SummaryRow[] = [];
  const former: [string, number][] = [];
  const xIds: [string, number][] = [];
  const details: string[] = [];
  const filler = 'x'.repeat(Math.max(0, detailChars - 60));
  for (let i = 0; i < n; i++) {
    const handle = syntheticHandle(i);
    if (i % 3 === 0) former.push([`old_${handle.toLowerCase()}`, i]);
    xIds.push([String(1000000000 + i * 17), i]);
    rows.push([`acct-${i}`, handle, `Synthetic Account ${i}`, i % 3, i % 16, 'US', i % 7 === 0 ? 1 : 0, i % 7 === 0 ? 1 : 0]);
    if (withDetails) details.push(JSON.stringify({ account: { id: `acct-${i}`, handle, note: filler }, notices: [], file: 'accounts/x.yaml' }));
  }
  const index = packIndex({ version: 'synthetic', released: '2026-01-01' }, rows, former, xIds);
  const compiled: CompiledIndex | CompiledDataset = withDetails ? { ...index, details } : index;
  return JSON.stringify(compiled);
}

interface Sample { parseMs: number; indexMs: number; lookupMs: number; matcherMs: number; totalMs: number; heapBytes: number; coldMs: number; coldMatcherMs: number }

let held: unknown = null;

/**
 * Evaluating the index's source + index + first lookup + matcher, timed (median of `reps`), and the heap they keep
 * alive (after GC). Each repetition compiles the source anew (a comment of its own: V8 would otherwise reuse the
 * compiled script).
 */
function measure(source: string, probe: string, reps: number): Sample {
  const samples: Omit<Sample, 'heapBytes' | 'coldMs' | 'coldMatcherMs'>[] = [];
  let heapBytes = 0;
  for (let r = 0; r < reps; r++) {
    held = null;
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const compiled = new Script(`${source}\n//${r}`).runInThisContext() as CompiledIndex;
    const t1 = performance.now();
    const index = new DatasetIndex(compiled);
    const t2 = performance.now();
    const hit = index.byHandle(probe);
    index.byHandle('certainly_not_there');
    const t3 = performance.now();
    if (!hit) throw new Error(`probe ${probe} not found`);
    // The lookalike matcher, as the content script builds it with its first pass, and a first check.
    const matcher = new LookalikeIndex(index.lookalikeAccounts());
    matcher.check({ handle: 'certainly_not_there_either', displayName: 'Certainly Not There' });
    const t4 = performance.now();
    held = [index, matcher];
    if (r === 0) {
      gc();
      heapBytes = process.memoryUsage().heapUsed - heap0;
    }
    samples.push({ parseMs: t1 - t0, indexMs: t2 - t1, lookupMs: t3 - t2, matcherMs: t4 - t3, totalMs: t4 - t0 });
  }
  held = null;
  const coldMs = samples[0]!.totalMs;
  const warm = samples.length > 1 ? samples.slice(1) : samples;
  const med = (k: keyof Omit<Sample, 'heapBytes' | 'coldMs' | 'coldMatcherMs'>) => warm.map((s) => s[k]).sort((a, b) => a - b)[Math.floor(warm.length / 2)]!;
  return { coldMs, coldMatcherMs: samples[0]!.matcherMs, parseMs: med('parseMs'), indexMs: med('indexMs'), lookupMs: med('lookupMs'), matcherMs: med('matcherMs'), totalMs: med('totalMs'), heapBytes };
}

const bundled = generatedJson('index');
const bundledCompiled = JSON.parse(bundled) as CompiledIndex;
const bundledDetails = JSON.parse(generatedJson('details')) as string[];
const bundledHandles = bundledCompiled.displayHandles.split('\n');
const accounts = bundledHandles.length;
const detailChars = Math.round(bundledDetails.reduce((s, d) => s + d.length, 0) / accounts);
const probe = bundledHandles[Math.floor(accounts / 2)]!;
// V8's longest string (Node 20 / Chromium): 2^29 - 24 UTF-16 units.
const MAX_STRING = 2 ** 29 - 24;

// `--emit N FILE`: write a synthetic index of N accounts (index only, as built) to FILE and stop; run.mjs embeds it
// in a copy of the content script to time start-up in Chromium.
const emit = process.argv.indexOf('--emit');
if (emit >= 0) {
  const n = Number(process.argv[emit + 1]);
  writeFileSync(process.argv[emit + 2]!, syntheticJson(n, detailChars, false));
  // A few of its accounts, spread over the index, for a page to show (and the extension to badge).
  const picks = [0, Math.floor(n / 5), Math.floor(n / 3), Math.floor(n / 2), n - 1];
  console.log(JSON.stringify({ accounts: n, officials: picks.map((i) => ({ handle: syntheticHandle(i), name: `Synthetic Account ${i}` })) }));
  process.exit(0);
}

// One case per process (run.mjs starts a fresh process for each), so the first repetition is a cold start.
const only = process.argv[process.argv.indexOf('--case') + 1] ?? 'bundled';
const rows: Record<string, unknown>[] = [];
if (only === 'bundled') {
  rows.push({ name: 'bundled', accounts, layout: 'as built', jsonBytes: bundled.length, ...measure(sourceOf(bundled, 'literal'), probe, quick ? 3 : 15) });
} else {
  const [size, layout] = only.split(':') as [string, 'inline' | 'lean'];
  const n = Number(size);
  const synthProbe = syntheticHandle(Math.floor(n / 2));
  const reps = quick ? 2 : n >= 1_000_000 ? 3 : n >= 100_000 ? 5 : 9;
  const name = n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
  if (layout === 'inline') {
    // As built before: full entries (JSON strings) travelled inside the same JSON as the index.
    const estimated = Math.round(n * (detailChars + 160));
    if (estimated < MAX_STRING * 0.9) {
      const json = syntheticJson(n, detailChars, true);
      rows.push({ name, accounts: n, layout: 'details inline (before)', jsonBytes: json.length, ...measure(sourceOf(json, 'json-parse'), synthProbe, reps) });
    } else {
      rows.push({
        name, accounts: n, layout: 'details inline (before)', jsonBytes: estimated,
        impossible: `about ${Math.round(estimated / 1e6)} MB of JSON, longer than V8's longest string (${Math.round(MAX_STRING / 1e6)} M characters)`,
      });
    }
  } else {
    const json = syntheticJson(n, detailChars, false);
    rows.push({ name, accounts: n, layout: 'index only (as built)', jsonBytes: json.length, ...measure(sourceOf(json, 'literal'), synthProbe, reps) });
  }
}
console.log(JSON.stringify({ detailChars, rows }));
