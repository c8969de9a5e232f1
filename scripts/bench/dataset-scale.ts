// Dataset scale, Node side (V8, like Chromium): what the content script does at start-up with its embedded
// dataset — JSON.parse of the compiled index, `new DatasetIndex(...)`, a first lookup, and the lookalike matcher with
// a first check — timed and weighed for the
// bundled dataset and for synthetic indexes of 10k / 100k / 1M accounts. Run by run.mjs as
//   node --expose-gc --import tsx scripts/bench/dataset-scale.ts [--quick]
// and prints one JSON object. Figures are relative to the bundled dataset measured in the same process.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { packIndex, type CompiledDataset, type CompiledIndex, type SummaryRow } from '../../src/core/compiled';
import { DatasetIndex } from '../../src/core/lookup';
import { LookalikeIndex } from '../../src/core/lookalike';

const quick = process.argv.includes('--quick');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** A generated module's JSON: the string literal inside its JSON.parse("..."). */
function embeddedJson(file: string): string {
  const module = readFileSync(file, 'utf8');
  const m = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/s.exec(module);
  if (!m) throw new Error(`${file}: no JSON.parse("...") found; run the build first`);
  return JSON.parse(m[1]!) as string;
}

/** The compiled index as the build embeds it in the content script (details go to the background). */
function bundledJson(): string {
  return embeddedJson('node_modules/.attache/dataset.js');
}

/** A synthetic index shaped like the real one: rows, handles, X ids, and details of the real average length. */
function syntheticJson(n: number, detailChars: number, withDetails: boolean): string {
  const rows: SummaryRow[] = [];
  const former: [string, number][] = [];
  const xIds: [string, number][] = [];
  const details: string[] = [];
  const filler = 'x'.repeat(Math.max(0, detailChars - 60));
  for (let i = 0; i < n; i++) {
    const handle = `Acct${i.toString(36)}_${(i * 7919) % 9973}`;
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

/** Parse + index + first lookup + matcher, timed (median of `reps`), and the heap they keep alive (after GC). */
function measure(json: string, probe: string, reps: number): Sample {
  const samples: Omit<Sample, 'heapBytes' | 'coldMs' | 'coldMatcherMs'>[] = [];
  let heapBytes = 0;
  for (let r = 0; r < reps; r++) {
    held = null;
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    // A fresh copy of the string: JSON.parse may keep slices of its input, which must not count as free.
    const compiled = JSON.parse(r === 0 ? (' ' + json).slice(1) : json) as CompiledIndex;
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

const bundled = bundledJson();
const bundledCompiled = JSON.parse(bundled) as CompiledIndex;
const bundledDetails = JSON.parse(embeddedJson('node_modules/.attache/details.js')) as string[];
const bundledHandles = bundledCompiled.displayHandles.split('\n');
const accounts = bundledHandles.length;
const detailChars = Math.round(bundledDetails.reduce((s, d) => s + d.length, 0) / accounts);
const probe = bundledHandles[Math.floor(accounts / 2)]!;
// V8's longest string (Node 20 / Chromium): 2^29 - 24 UTF-16 units.
const MAX_STRING = 2 ** 29 - 24;

// One case per process (run.mjs starts a fresh process for each), so the first repetition is a cold start.
const only = process.argv[process.argv.indexOf('--case') + 1] ?? 'bundled';
const rows: Record<string, unknown>[] = [];
if (only === 'bundled') {
  rows.push({ name: 'bundled', accounts, layout: 'as built', jsonBytes: bundled.length, ...measure(bundled, probe, quick ? 3 : 15) });
} else {
  const [size, layout] = only.split(':') as [string, 'inline' | 'lean'];
  const n = Number(size);
  const synthProbe = `Acct${Math.floor(n / 2).toString(36)}_${(Math.floor(n / 2) * 7919) % 9973}`;
  const reps = quick ? 2 : n >= 1_000_000 ? 3 : n >= 100_000 ? 5 : 9;
  const name = n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
  if (layout === 'inline') {
    // As built before: full entries (JSON strings) travelled inside the same JSON as the index.
    const estimated = Math.round(n * (detailChars + 160));
    if (estimated < MAX_STRING * 0.9) {
      const json = syntheticJson(n, detailChars, true);
      rows.push({ name, accounts: n, layout: 'details inline (before)', jsonBytes: json.length, ...measure(json, synthProbe, reps) });
    } else {
      rows.push({
        name, accounts: n, layout: 'details inline (before)', jsonBytes: estimated,
        impossible: `about ${Math.round(estimated / 1e6)} MB of JSON, longer than V8's longest string (${Math.round(MAX_STRING / 1e6)} M characters)`,
      });
    }
  } else {
    const json = syntheticJson(n, detailChars, false);
    rows.push({ name, accounts: n, layout: 'index only (as built)', jsonBytes: json.length, ...measure(json, synthProbe, reps) });
  }
}
console.log(JSON.stringify({ detailChars, rows }));
