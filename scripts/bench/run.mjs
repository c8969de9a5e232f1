#!/usr/bin/env node
// `npm run bench`: Attaché in headless Chromium on a synthetic, X-like infinite timeline, side by side with no
// extension and with a naive reference annotator; plus dataset scale and the content script's size.
// `npm run bench` (about six minutes on two CPUs): 5 rounds at 1,000 posts, 1 at 10,000, 3 traced, 2 profiled, then
// start-up in Chromium with the bundled, a 10k and a 100k index. `npm run bench -- --full` (about eleven and a half):
// 7, 3, 5 and 3, and a 1M index too, for the figures in docs/performance.md.
// `npm run bench:ci` (--quick): tiny sizes, one round, checks for breakage only (never for timings).
// Options: --quick, --full, --rounds N, --sizes 1000,10000, --variants none,attache, --no-trace, --trace-rounds N,
// --profile-rounds N (sampled CPU profiles: the time in each extension's own code), --no-save, --no-x-traffic (the
// page fetches no GraphQL responses; see x-traffic.mjs), --scale-sizes 1000000 (the synthetic index sizes of the
// start-up measurements),
// --baseline DIR (another build of the extension, e.g. of an earlier commit, run interleaved as the variant
// `baseline`: the fair before/after on a machine whose speed drifts between runs; never saved as the results). Writes scripts/bench/results/.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { QUIET_ARGS, findChromium, launchWithExtension } from '../../tests/e2e/browser.mjs';
import { CONTENT_SECURITY_POLICY } from '../../tests/fixtures/x/index.mjs';
import { datasetAccounts, timelinePage } from './timeline.mjs';
import { analyseTrace, startTracing } from './trace.mjs';
import { extensionTimeMs, startProfiling } from './profile.mjs';
import { BUDGET, markdown, median, summarise } from './report.mjs';
import { PACKED_INDEX } from '../lib/inline-dataset.mjs';
import { GRAPHQL_PATH, NO_PAGE_WORLD, NO_PAGE_WORLD_DIST, PAGE_POSTS, datasetIds, pageWorldReport, scriptTimeMs, serveGraphql } from './x-traffic.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
process.chdir(ROOT);

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const QUICK = flag('--quick');
const FULL = flag('--full') && !QUICK;
/** Rounds by default (a few minutes), with --full (the figures in docs/performance.md) and with --quick (breakage only). */
const DEFAULTS = QUICK ? { rounds: 1, large: 1, trace: 1, profile: 0 } : FULL ? { rounds: 7, large: 3, trace: 5, profile: 3 } : { rounds: 5, large: 1, trace: 3, profile: 2 };
const ROUNDS = Number(option('--rounds', DEFAULTS.rounds));
/**
 * Page shapes and sizes: `1000` is 1,000 posts in timer batches (10 every 32 ms); `raf1000` is 1,000 posts, 10 per
 * animation frame inserted from requestAnimationFrame callbacks, the page reading layout after each insert, 40 cells
 * mounted (X's virtualised list on a fast scroll).
 */
const SIZES = option('--sizes', QUICK ? '100,raf100' : '1000,raf1000,10000').split(',').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
const postsOf = (size) => Number(String(size).replace(/^raf/, ''));
const isRaf = (size) => String(size).startsWith('raf');
const TRACE = !flag('--no-trace');
const TRACE_ROUNDS = Number(option('--trace-rounds', DEFAULTS.trace));
const PROFILE_ROUNDS = Number(option('--profile-rounds', DEFAULTS.profile));
const BASELINE = option('--baseline', null);
const SCALE = !flag('--no-scale');
const SAVE = SCALE && !flag('--no-save') && !QUICK && !argv.includes('--variants') && !BASELINE;
/** A subset of variants, for profiling work (never saved as the results). */
const VARIANTS = option('--variants', `none,attache,${NO_PAGE_WORLD},naive,control`).split(',');
if (!VARIANTS.includes('none') || !VARIANTS.includes('attache')) throw new Error('--variants must include none and attache');
/** Posts per batch, ms between batches, cells kept mounted, ms to wait after the last batch. */
const SCROLL = { batch: 10, intervalMs: 32, window: 30, settleMs: 600 };
/** 10,000 posts: bigger batches and fewer rounds (a run takes about 25 s) keep the run to a few minutes. */
const RAF_SCROLL = { batch: 10, intervalMs: 0, window: 40, settleMs: 600, shape: 'raf' };
const scrollFor = (size) => (isRaf(size) ? RAF_SCROLL : size >= 10_000 ? { ...SCROLL, batch: 20 } : SCROLL);
const roundsFor = (size) => (postsOf(size) >= 10_000 && !argv.includes('--rounds') ? Math.min(ROUNDS, DEFAULTS.large) : ROUNDS);
const METRICS = ['ScriptDuration', 'TaskDuration', 'LayoutCount', 'RecalcStyleCount', 'LayoutDuration', 'RecalcStyleDuration'];
const STARTED = Date.now();
/** Progress on stderr, each line with the time since the start (m:ss). */
const log = (...a) => console.error(clock(Date.now() - STARTED), ...a);
function clock(ms) {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

// ------------------------------------------------------------------ build

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

function ensureBuild() {
  const manifest = 'dist/chrome/manifest.json';
  const sources = Math.max(...['src', 'dataset', 'public', 'manifest.json', 'vite.config.ts'].map(newest));
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= sources) return false;
  log('dist/chrome is missing or older than the sources: building it (node scripts/build.mjs chrome)');
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'chrome'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('build failed');
  return true;
}

/** Attaché without its page-world reader (x-traffic.mjs): built afresh when it is older than the sources. */
function ensureNoPageWorldBuild() {
  const manifest = `${NO_PAGE_WORLD_DIST}/manifest.json`;
  const sources = Math.max(...['src', 'dataset', 'public', 'manifest.json', 'vite.config.ts'].map(newest));
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= sources) return;
  log(`${NO_PAGE_WORLD_DIST} is missing or older than the sources: building it (scripts/build-variant.ts no-page-world)`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-variant.ts', 'no-page-world', 'chrome'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('build of the no-page-world variant failed');
}

/** Where the build puts the packed index in the package (src/core/compiled.ts, INDEX_FILE). */
const INDEX_FILE = 'data/index.bin';

/**
 * The content script's size, and the packed index's: the content script carries no dataset since compiled format 8
 * (it reads INDEX_FILE from the package), so "without the dataset" is the script itself, and "with" adds the index.
 */
function contentScriptSize() {
  const manifest = JSON.parse(readFileSync('dist/chrome/manifest.json', 'utf8'));
  const file = manifest.content_scripts[0].js[0];
  const code = readFileSync(join('dist/chrome', file));
  const index = readFileSync(join('dist/chrome', INDEX_FILE));
  const gz = (b) => gzipSync(b).length;
  return {
    file,
    rawBytes: code.length + index.length,
    gzipBytes: gz(code) + gz(index),
    datasetFound: true,
    datasetBytes: index.length,
    withoutDatasetRawBytes: code.length,
    withoutDatasetGzipBytes: gz(code),
    indexBytes: index.length,
    indexGzipBytes: gz(index),
  };
}

// ------------------------------------------------------------------ dataset scale (Node side)

function datasetScale() {
  const cases = QUICK ? ['bundled', '10000'] : ['bundled', '10000', '100000', '1000000'];
  const rows = [];
  let detailChars = 0;
  for (const c of cases) {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench/dataset-scale.ts', '--case', c, ...(QUICK ? ['--quick'] : [])], {
      encoding: 'utf8', maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`dataset-scale ${c} failed:\n${r.stderr}`);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1));
    detailChars = out.detailChars;
    rows.push(...out.rows);
  }
  const base = rows.find((r) => r.name === 'bundled');
  for (const r of rows) if (typeof r.coldMs === 'number') { r.coldVsBundled = r.coldMs / base.coldMs; r.warmVsBundled = r.totalMs / base.totalMs; r.heapVsBundled = r.heapBytes / base.heapBytes; }
  return { detailChars, rows };
}

// ------------------------------------------------------------------ dataset scale (in Chromium)

/** Synthetic index sizes whose start-up is measured in Chromium, and page loads per size (after one warm-up). */
const SCALE_SIZES = option('--scale-sizes', null)?.split(',').map(Number) ?? (QUICK ? [10_000] : FULL ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]);
const SCALE_LOADS = QUICK ? 1 : 3;

/**
 * A copy of the built extension `dist` with a synthetic index of `n` accounts in place of the bundled one, and a few
 * of its accounts for the page to show. A build of this format (a packed index, INDEX_FILE) gets the file
 * dataset-scale.ts --emit writes; a build of an earlier format (an index embedded in the content script, say a
 * --baseline of before format 8) gets its own tools' synthetic index in its script, from its own checkout (the
 * build's directory is `<checkout>/dist/chrome`).
 */
async function scaledExtension(n, dist = 'dist/chrome') {
  const dir = mkdtempSync(join(tmpdir(), `attache-bench-scale-${n}-`));
  cpSync(dist, dir, { recursive: true });
  const packed = existsSync(join(dist, INDEX_FILE));
  const checkout = packed ? ROOT : resolve(dist, '../..');
  const outFile = join(tmpdir(), `attache-bench-index-${n}-${process.pid}${packed ? '.bin' : '.json'}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/dataset-scale.ts', '--emit', String(n), outFile], { encoding: 'utf8', cwd: checkout });
  if (r.status !== 0) throw new Error(`dataset-scale --emit ${n} failed in ${checkout}:\n${r.stderr}`);
  const { officials } = JSON.parse(r.stdout.trim().split('\n').at(-1));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const file = join(dir, manifest.content_scripts[0].js[0]);
  if (packed) {
    cpSync(outFile, join(dir, INDEX_FILE));
    rmSync(outFile);
    return { dir, officials, scriptBytes: statSync(file).size, indexBytes: statSync(join(dir, INDEX_FILE)).size };
  }
  // The earlier format: the index as an object literal in the content script (that checkout's inline-dataset.mjs).
  const { bundledIndexExpression, jsonExpression } = await import(pathToFileURL(join(checkout, 'scripts/lib/inline-dataset.mjs')).href);
  const code = readFileSync(file, 'utf8');
  const here = process.cwd();
  process.chdir(checkout);
  const bundled = bundledIndexExpression();
  process.chdir(here);
  const at = code.indexOf(bundled);
  if (at < 0) throw new Error(`${file}: no dataset index to replace (rebuild ${dist})`);
  const synthetic = jsonExpression(readFileSync(outFile, 'utf8'));
  rmSync(outFile);
  writeFileSync(file, code.slice(0, at) + synthetic + code.slice(at + bundled.length));
  return { dir, officials, scriptBytes: code.length - bundled.length + synthetic.length, indexBytes: 0 };
}

/**
 * One page load, traced until ready: the content script's evaluation (compile + top-level run), the page's script
 * time at ready (ScriptDuration, which leaves compilation out), the JS heap after a GC; then a short scroll, whose
 * badges show that the extension read the index it holds.
 */
async function startupLoad(session, contentScriptFile) {
  const page = await session.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const stop = await startTracing(cdp);
  // A content script of format 7 with a 1M-account index takes tens of seconds to compile on a loaded machine.
  await page.goto('https://x.com/home', { waitUntil: 'load', timeout: 180_000 });
  if (contentScriptFile) await page.waitForSelector('html[data-attache-ready]', { state: 'attached', timeout: 180_000 });
  // When Attaché was ready (its index read), in ms since the navigation began (the poll's delay included).
  const readyAtMs = contentScriptFile ? await page.evaluate(() => performance.now()) : undefined;
  await page.waitForTimeout(400);
  const { ScriptDuration } = await metricsOf(cdp);
  const events = await stop();
  await cdp.send('HeapProfiler.collectGarbage');
  const { JSHeapUsedSize } = await metricsOf(cdp);
  const trace = contentScriptFile ? analyseTrace(events, { contentScriptUrl: contentScriptFile }) : null;
  const inPage = contentScriptFile ? await page.evaluate((o) => window.__bench.run(o), { total: 60, batch: 10, intervalMs: 32, window: 30, settleMs: 300 }) : null;
  await page.close();
  const placements = Object.values(inPage?.perPlacement ?? {});
  return {
    scriptMs: ScriptDuration * 1000, heapBytes: JSHeapUsedSize, errors, readyAtMs,
    evaluateMs: trace?.contentScriptEvaluateMs[0], evaluateCpuMs: trace?.contentScriptEvaluateCpuMs[0],
    expected: placements.reduce((a, c) => a + c.expected, 0), placed: placements.reduce((a, c) => a + c.placed, 0),
    unexpected: placements.reduce((a, c) => a + c.unexpected, 0),
  };
}

/**
 * Start-up in Chromium with the bundled index and with synthetic ones (see scaledExtension), against no extension;
 * with --baseline, the baseline build too, alternating with this one at each size.
 */
async function browserDatasetScale(officials, contentScriptFile) {
  const measureLoads = async (session, file) => {
    await startupLoad(session, file);
    const loads = [];
    for (let k = 0; k < SCALE_LOADS; k++) loads.push(await startupLoad(session, file));
    return loads;
  };
  const plain = await launchPlain();
  let baseline;
  try {
    await serve(plain.context, timelinePage({ officials }));
    baseline = await measureLoads(plain, null);
  } finally {
    await plain.close();
  }
  const baseScript = median(baseline.map((l) => l.scriptMs));
  const baseHeap = median(baseline.map((l) => l.heapBytes));
  const builds = [{ variant: 'attache', dist: 'dist/chrome' }, ...(BASELINE ? [{ variant: 'baseline', dist: BASELINE }] : [])];
  const rows = [];
  for (const [k, n] of [0, ...SCALE_SIZES].entries()) {
    for (const { variant, dist } of k % 2 === 0 ? builds : [...builds].reverse()) {
      const scaled = n ? await scaledExtension(n, dist) : null;
      const script = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')).content_scripts[0].js[0];
      const session = await launchWithExtension({ dist: scaled?.dir ?? dist });
      try {
        await serve(session.context, timelinePage({ officials: scaled?.officials ?? officials }));
        const loads = await measureLoads(session, script);
        const row = {
          variant,
          name: n ? (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`) : 'bundled',
          accounts: n || officials.length,
          scriptBytes: scaled?.scriptBytes ?? statSync(join(dist, script)).size,
          indexBytes: scaled?.indexBytes ?? (existsSync(join(dist, INDEX_FILE)) ? statSync(join(dist, INDEX_FILE)).size : 0),
          loads: loads.length,
          evaluateMs: median(loads.map((l) => l.evaluateMs)),
          evaluateCpuMs: median(loads.map((l) => l.evaluateCpuMs)),
          extraScriptToReadyMs: median(loads.map((l) => l.scriptMs)) - baseScript,
          extraHeapBytes: median(loads.map((l) => l.heapBytes)) - baseHeap,
          readyAtMs: median(loads.map((l) => l.readyAtMs)),
          placed: loads.reduce((a, l) => a + l.placed, 0),
          expected: loads.reduce((a, l) => a + l.expected, 0),
          unexpected: loads.reduce((a, l) => a + l.unexpected, 0),
          errors: [...new Set(loads.flatMap((l) => l.errors))],
        };
        // At most: the evaluation's thread time and the script time to ready both hold the top-level run.
        row.startupMs = row.evaluateCpuMs + row.extraScriptToReadyMs;
        rows.push(row);
        log(`  start-up in Chromium, ${variant}, ${row.name} index: evaluation ${row.evaluateCpuMs.toFixed(1)} ms of thread time (${row.evaluateMs.toFixed(1)} ms wall), `
          + `extra script to ready ${row.extraScriptToReadyMs.toFixed(1)} ms, ready at ${row.readyAtMs.toFixed(0)} ms, badges ${row.placed}/${row.expected}`);
      } finally {
        await session.close();
        if (scaled) rmSync(scaled.dir, { recursive: true, force: true });
      }
    }
  }
  return { loads: SCALE_LOADS, rows };
}

// ------------------------------------------------------------------ browsers

const X_URL = /^https:\/\/(?:[a-z]+\.)?(?:x|twitter)\.com\//;

async function serve(context, html) {
  await context.route(X_URL, (route) => {
    const request = route.request();
    if (request.resourceType() === 'document' && new URL(request.url()).pathname === '/home') {
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY },
        body: html,
      });
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
  });
}

/**
 * The naive annotator as an extension of its own: a content script, like Attaché, so that both pay what an isolated
 * world costs per DOM node (a wrapper-table lookup; the page's own world keeps wrappers inline).
 */
async function launchNaive(source) {
  const dir = mkdtempSync(join(tmpdir(), 'attache-bench-naive-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'Attaché bench naive annotator',
    version: '0.0.1',
    description: 'Benchmark reference: rescans the whole page after every mutation.',
    content_scripts: [{ matches: ['https://x.com/*'], js: ['naive.js'], run_at: 'document_idle' }],
  }));
  writeFileSync(join(dir, 'naive.js'), source);
  const session = await launchWithExtension({ dist: dir });
  return { ...session, async close() { await session.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function launchPlain() {
  const dir = mkdtempSync(join(tmpdir(), 'attache-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(), headless: true, viewport: { width: 1280, height: 900 }, args: QUIET_ARGS,
  });
  return { context, async close() { await context.close(); rmSync(dir, { recursive: true, force: true }); } };
}

const metricsOf = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

/** The attribute each variant's content script sets on <html> once it runs (no extension: none). */
const READY_MARK = { attache: 'data-attache-ready', [NO_PAGE_WORLD]: 'data-attache-ready', baseline: 'data-attache-ready', control: 'data-bench-control', naive: 'data-bench-naive', 'naive-shadow': 'data-bench-naive' };

/** One scroll of `size` posts in a fresh tab of the variant's browser; returns DevTools and in-page figures. */
async function runOnce({ variant, browsers, size, trace = false, profile = false }) {
  const session = browsers[variant];
  const page = await session.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.text().includes('[Attaché]')) errors.push(`console.${m.type()}: ${m.text()}`);
  });
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const stopTrace = trace ? await startTracing(cdp) : null;
  await page.goto('https://x.com/home', { waitUntil: 'load' });
  if (READY_MARK[variant]) await page.waitForSelector(`html[${READY_MARK[variant]}]`, { state: 'attached', timeout: 10_000 });
  await page.waitForTimeout(400);
  await cdp.send('HeapProfiler.collectGarbage');
  const ready = await metricsOf(cdp);
  const before = await metricsOf(cdp);
  const scroll = scrollFor(size);
  const stopProfiling = profile ? await startProfiling(cdp) : null;
  const inPage = await page.evaluate((o) => window.__bench.run(o), { total: postsOf(size), ...scroll });
  const profiled = stopProfiling ? await stopProfiling() : null;
  const extensionMs = profiled ? extensionTimeMs(profiled) : undefined;
  // The page-world reader's share of it: samples in its own script (a MAIN-world content script of the extension).
  const pageWorldMs = profiled ? scriptTimeMs(profiled, '/src/page-world/') : undefined;
  const after = await metricsOf(cdp);
  const events = stopTrace ? await stopTrace() : null;
  await cdp.send('HeapProfiler.collectGarbage');
  const end = await metricsOf(cdp);
  const control = variant === 'control' ? JSON.parse(await page.getAttribute('html', 'data-bench-control')) : null;
  await page.close();
  const metrics = Object.fromEntries(METRICS.map((k) => [k, after[k] - before[k]]));
  for (const k of ['ScriptDuration', 'TaskDuration', 'LayoutDuration', 'RecalcStyleDuration']) metrics[k] *= 1000; // s -> ms
  metrics.JSHeapUsedSizeReady = ready.JSHeapUsedSize;
  // Page load to ready (blank timeline): everything the page and the extension ran before the scroll.
  metrics.StartupScript = ready.ScriptDuration * 1000;
  metrics.StartupTask = ready.TaskDuration * 1000;
  metrics.JSHeapUsedSize = end.JSHeapUsedSize;
  const { latencyMs, latencyFrames, frameWaitMs, afterPageMs, ...rest } = inPage;
  return {
    variant, size, metrics, extensionMs, pageWorldMs, ...rest, latency: stats(latencyMs), frameWait: stats(frameWaitMs), afterPage: stats(afterPageMs), framesToBadge: frameStats(latencyFrames), control, errors,
    trace: events ? analyseTrace(events, { contentScriptUrl: browsers.contentScriptFile }) : undefined,
  };
}

function stats(xs) {
  if (!xs.length) return { n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: s.at(-1) };
}
/** Frames between a post's insertion and its badge: 0 or 1 = the badge is in the first frame that paints the post. */
function frameStats(xs) {
  if (!xs.length) return { n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  return {
    n: xs.length, firstFrameShare: xs.filter((f) => f <= 1).length / xs.length, max: s.at(-1),
    // raf shape: 0 = painted in the frame its post is (the insert ran in that frame's callback).
    sameFrameShare: xs.filter((f) => f === 0).length / xs.length, p95: s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)],
  };
}

// ------------------------------------------------------------------ main

async function main() {
  const built = ensureBuild();
  if (VARIANTS.includes(NO_PAGE_WORLD)) ensureNoPageWorldBuild();
  const size = contentScriptSize();
  const officials = datasetAccounts();
  // The page fetches its users from X's GraphQL API, as X does (x-traffic.mjs): the page-world reader reads them.
  // --no-x-traffic: the page fetches nothing (the bench before issue 19's traffic, for comparisons with older runs).
  const html = timelinePage({ officials, graphql: flag('--no-x-traffic') ? null : { path: GRAPHQL_PATH, pagePosts: PAGE_POSTS, ahead: 3 } });
  const naiveTemplate = readFileSync(join(HERE, 'naive-annotator.js'), 'utf8')
    .replace('__OFFICIAL__', JSON.stringify(officials.map((a) => a.handle.toLowerCase())));
  const naiveSource = naiveTemplate.replace('__SHADOW__', 'false');
  log(`Attaché bench${QUICK ? ' (quick)' : FULL ? ' (full)' : ''}: ${SIZES.map((s) => `${s} posts × ${roundsFor(s)} round(s)`).join(', ')}, `
    + `${TRACE ? TRACE_ROUNDS : 0} traced, ${PROFILE_ROUNDS} profiled; ${officials.length} official accounts, Chromium ${findChromium()}`);

  const allVariants = ['none', 'attache', NO_PAGE_WORLD, 'naive', 'naive-shadow', 'control'].filter((v) => VARIANTS.includes(v)).concat(BASELINE ? ['baseline'] : []);
  // One browser per variant, launched only for the variants that run.
  const launch = {
    none: () => launchPlain(),
    attache: () => launchWithExtension({ dist: 'dist/chrome' }),
    [NO_PAGE_WORLD]: () => launchWithExtension({ dist: NO_PAGE_WORLD_DIST }),
    naive: () => launchNaive(naiveSource),
    'naive-shadow': () => launchNaive(naiveTemplate.replace('__SHADOW__', 'true')),
    control: () => launchWithExtension({ dist: 'scripts/bench/control-extension' }),
    baseline: () => launchWithExtension({ dist: BASELINE }),
  };
  const browsers = { contentScriptFile: size.file };
  for (const variant of allVariants) browsers[variant] = await launch[variant]();
  const sessions = allVariants.map((variant) => browsers[variant]);
  const version = browsers.none.context.browser()?.version() ?? (await (async () => {
    const p = await browsers.none.context.newPage(); const ua = await p.evaluate(() => navigator.userAgent); await p.close();
    return /Chrome\/([\d.]+)/.exec(ua)?.[1] ?? 'unknown';
  })());
  const known = datasetIds();
  const traffic = [];
  for (const b of sessions) {
    await serve(b.context, html);
    traffic.push(await serveGraphql(b.context, known));
  }

  const runs = [];
  try {
    // Warm-up: one short scroll per browser (first-navigation costs are not the extension's).
    for (const variant of allVariants) await runOnce({ variant, browsers, size: Math.min(50, postsOf(SIZES[0])) });
    // The control only checks the measurement: it runs at the first size.
    for (const total of SIZES) {
      const variants = total === SIZES[0] ? allVariants : allVariants.filter((v) => v !== 'control');
      for (let round = 0; round < roundsFor(total); round++) {
        // Interleaved, and the order rotates each round, so drift and warm-up do not favour one variant.
        const order = variants.map((_, i) => variants[(i + round) % variants.length]);
        for (const variant of order) {
          const r = await runOnce({ variant, browsers, size: total });
          r.round = round;
          runs.push(r);
          log(`  ${total}${isRaf(total) ? '' : ' posts'}, round ${round + 1}, ${variant.padEnd(7)} task ${r.metrics.TaskDuration.toFixed(0)} ms, script ${r.metrics.ScriptDuration.toFixed(0)} ms`
            + `, start-up script ${r.metrics.StartupScript.toFixed(1)} ms` + (r.latency.n ? `, latency p95 ${r.latency.p95.toFixed(1)} ms` : '') + (r.errors.length ? `, ${r.errors.length} error(s)` : ''));
        }
      }
    }
    // Traced pass (tracing costs time itself: these runs give layouts and start-up, not the timing figures).
    const traced = [];
    if (TRACE) {
      for (let round = 0; round < TRACE_ROUNDS; round++) {
        const order = allVariants.map((_, i) => allVariants[(i + round) % allVariants.length]);
        for (const variant of order) {
          const r = await runOnce({ variant, browsers, size: SIZES[0], trace: true });
          traced.push({ variant, round, size: SIZES[0], trace: r.trace, perPlacement: r.perPlacement, errors: r.errors });
          log(`  traced ${SIZES[0]} posts, round ${round + 1}, ${variant.padEnd(7)} main-thread CPU ${r.trace.mainThreadCpuMs.toFixed(0)} ms, forced layouts ${JSON.stringify(r.trace.forcedLayouts)}`);
        }
      }
    }
    // Profiled pass: the time in each extension's own code, sampled (see profile.mjs).
    const profiled = [];
    const withCode = allVariants.filter((v) => v !== 'none');
    for (let round = 0; round < PROFILE_ROUNDS; round++) {
      for (const variant of withCode.map((_, i) => withCode[(i + round) % withCode.length])) {
        const r = await runOnce({ variant, browsers, size: SIZES[0], profile: true });
        profiled.push({ variant, round, size: SIZES[0], extensionMs: r.extensionMs, pageWorldMs: r.pageWorldMs, errors: r.errors });
        log(`  profiled ${SIZES[0]} posts, round ${round + 1}, ${variant.padEnd(8)} own code ${r.extensionMs.toFixed(0)} ms (sampled)` + (r.pageWorldMs ? `, page-world reader ${r.pageWorldMs.toFixed(1)} ms` : ""));
      }
    }
    // The scroll's browsers are done: the start-up measurements below load big scripts in browsers of their own.
    for (const b of sessions.splice(0)) await b.close();
    // --no-scale: the scroll only (experiments on the timeline; never saved as the results).
    if (!SCALE) log('  dataset scale skipped (--no-scale)');
    else log(`  dataset scale in Chromium (${SCALE_LOADS} page load(s) per index, after one)`);
    const browserScale = SCALE ? await browserDatasetScale(officials, size.file) : { loads: 0, rows: [] };
    if (SCALE) log('  dataset scale (Node, a fresh process per case)');
    const scale = SCALE ? datasetScale() : { detailChars: 0, rows: [] };
    const result = {
      generated: new Date().toISOString(),
      quick: QUICK,
      full: FULL,
      environment: { chromium: version, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '' },
      settings: { traceRounds: TRACE ? TRACE_ROUNDS : 0, sizes: SIZES, rounds: Object.fromEntries(SIZES.map((s) => [s, roundsFor(s)])), scroll: Object.fromEntries(SIZES.map((s) => [s, scrollFor(s)])), builtFirst: built },
      budget: BUDGET,
      contentScript: size,
      datasetScale: scale,
      browserScale,
      traced,
      profiled,
      runs,
      durationS: (Date.now() - STARTED) / 1000,
    };
    // --out FILE: the raw runs of this run, whatever is saved (a before/after run with --baseline is not).
    if (option('--out', null)) writeFileSync(option('--out', null), JSON.stringify(result) + '\n');
    result.xTraffic = traffic.reduce((a, t) => ({ responses: a.responses + t.stats().responses, bytes: a.bytes + t.stats().bytes }), { responses: 0, bytes: 0 });
    result.summary = summarise(result);
    const pageWorld = pageWorldReport(result);
    result.pageWorld = pageWorld.figures;
    const md = markdown(result) + pageWorld.markdown;
    console.log(md);
    if (SAVE) {
      mkdirSync(join(HERE, 'results'), { recursive: true });
      writeFileSync(join(HERE, 'results', 'latest.json'), JSON.stringify(result, null, 2) + '\n');
      writeFileSync(join(HERE, 'results', 'latest.md'), md);
      log('wrote scripts/bench/results/latest.json and latest.md');
    }
    const broken = result.summary.breakage;
    if (broken.length) {
      console.error(`\nBROKEN:\n  ${broken.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    for (const b of sessions) await b.close();
  }
}

await main();
