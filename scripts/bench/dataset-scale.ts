// Dataset scale, Node side (V8, like Chromium): what the content script does at start-up with the packed index
// (compiled format 8, src/core/packed.ts) — reading the file's bytes (a fetch from the package, in the browser),
// `new DatasetIndex(...)`, a first lookup, and the lookalike matcher with a first check — timed and weighed for the
// bundled dataset and for synthetic indexes of 10k / 100k / 1M accounts. Run by run.mjs as
//   node --expose-gc --import tsx scripts/bench/dataset-scale.ts --case NAME [--quick]
// and prints one JSON object. Figures are relative to the bundled dataset measured in the same process.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DATASET_JSON, PACKED_INDEX } from '../lib/inline-dataset.mjs';
import { packIndex, type SummaryRow } from '../../src/core/compiled';
import { DatasetIndex } from '../../src/core/lookup';
import { LookalikeIndex } from '../../src/core/lookalike';

const quick = process.argv.includes('--quick');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** What the build wrote (scripts/lib/vite-dataset-plugin.ts): the packed index, or the details' JSON. */
function generated(kind: 'index' | 'details'): Buffer {
  const file = kind === 'index' ? PACKED_INDEX : DATASET_JSON.details;
  try {
    return readFileSync(file);
  } catch {
    throw new Error(`${file} is missing; run the build first`);
  }
}

/** The handle of synthetic account `i`. */
function syntheticHandle(i: number): string {
  return `Acct${i.toString(36)}_${(i * 7919) % 9973}`;
}

/** A synthetic packed index shaped like the real one: rows, former handles and X ids. */
function syntheticIndex(n: number): Uint8Array {
  const rows: SummaryRow[] = [];
  const former: [string, number][] = [];
  const xIds: [string, number][] = [];
  for (let i = 0; i < n; i++) {
    const handle = syntheticHandle(i);
    if (i % 3 === 0) former.push([`old_${handle.toLowerCase()}`, i]);
    xIds.push([String(1000000000 + i * 17), i]);
    rows.push([`acct-${i}`, handle, `Synthetic Account ${i}`, i % 3, i % 16, 'US', i % 7 === 0 ? 1 : 0, i % 7 === 0 ? 1 : 0]);
  }
  return packIndex({ version: 'synthetic', released: '2026-01-01' }, rows, former, xIds);
}

interface Sample { parseMs: number; indexMs: number; lookupMs: number; matcherMs: number; totalMs: number; heapBytes: number; coldMs: number; coldMatcherMs: number }

let held: unknown = null;

/**
 * Reading the file + index + first lookup + matcher, timed (median of `reps`), and the heap they keep alive (after
 * GC). Each repetition reads the file anew, into a buffer of its own (as a fetch gives).
 */
function measure(file: string, probe: string, reps: number): Sample {
  const samples: Omit<Sample, 'heapBytes' | 'coldMs' | 'coldMatcherMs'>[] = [];
  let heapBytes = 0;
  for (let r = 0; r < reps; r++) {
    held = null;
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const bytes = readFileSync(file);
    const t1 = performance.now();
    const index = new DatasetIndex(bytes);
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

const bundledIndex = new DatasetIndex(generated('index'));
const bundledDetails = JSON.parse(generated('details').toString('utf8')) as string[];
const accounts = bundledIndex.size;
const bundledHandles = bundledIndex.allSummaries().map((a) => a.handle);
const detailChars = Math.round(bundledDetails.reduce((s, d) => s + d.length, 0) / accounts);
const probe = bundledHandles[Math.floor(accounts / 2)]!;

// `--emit N FILE`: write a synthetic packed index of N accounts to FILE and stop; run.mjs puts it in a copy of the
// extension in place of data/index.bin to time start-up in Chromium.
const emit = process.argv.indexOf('--emit');
if (emit >= 0) {
  const n = Number(process.argv[emit + 1]);
  writeFileSync(process.argv[emit + 2]!, syntheticIndex(n));
  // A few of its accounts, spread over the index, for a page to show (and the extension to badge).
  const picks = [0, Math.floor(n / 5), Math.floor(n / 3), Math.floor(n / 2), n - 1];
  console.log(JSON.stringify({ accounts: n, officials: picks.map((i) => ({ handle: syntheticHandle(i), name: `Synthetic Account ${i}` })) }));
  process.exit(0);
}

// One case per process (run.mjs starts a fresh process for each), so the first repetition is a cold start.
const only = process.argv[process.argv.indexOf('--case') + 1] ?? 'bundled';
const rows: Record<string, unknown>[] = [];
if (only === 'bundled') {
  rows.push({ name: 'bundled', accounts, layout: 'packed (as built)', fileBytes: generated('index').length, ...measure(PACKED_INDEX, probe, quick ? 3 : 15) });
} else {
  const n = Number(only.split(':')[0]);
  const synthProbe = syntheticHandle(Math.floor(n / 2));
  const reps = quick ? 2 : n >= 1_000_000 ? 3 : n >= 100_000 ? 5 : 9;
  const name = n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
  const file = `${PACKED_INDEX}.synthetic-${n}-${process.pid}`;
  const bytes = syntheticIndex(n);
  writeFileSync(file, bytes);
  try {
    rows.push({ name, accounts: n, layout: 'packed (as built)', fileBytes: bytes.length, ...measure(file, synthProbe, reps) });
  } finally {
    rmSync(file, { force: true });
  }
}
console.log(JSON.stringify({ detailChars, rows }));
