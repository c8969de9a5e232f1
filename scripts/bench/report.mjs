// Turns the benchmark's runs into medians, ratios to the no-extension baseline of the same round, the budget, and
// a markdown report.
import { KINDS } from './trace.mjs';

export const BUDGET = {
  extraMainThreadPct: 10, // extra main-thread time vs no extension, 1,000-post scroll
  naiveFactor: 5, // at least this many times less extra time than the naive annotator
  latencyP95Ms: 16, // badge latency p95 (one frame)
  startupBundledMs: 10,
  startup100kMs: 100,
  forcedLayouts: 0,
  contentScriptGzipKB: 40, // excluding dataset bytes
};

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const KEYS = ['ScriptDuration', 'TaskDuration', 'LayoutCount', 'RecalcStyleCount', 'LayoutDuration', 'RecalcStyleDuration', 'JSHeapUsedSize', 'JSHeapUsedSizeReady', 'StartupScript', 'StartupTask'];

export function summarise(result) {
  const sizes = {};
  const breakage = [];
  for (const size of result.settings.sizes) {
    const runs = result.runs.filter((r) => r.size === size);
    const rounds = [...new Set(runs.map((r) => r.round))];
    const by = (variant, round) => runs.find((r) => r.variant === variant && r.round === round);
    const variants = {};
    for (const variant of ['none', 'attache', 'naive', 'naive-shadow', 'control', 'baseline']) {
      const mine = runs.filter((r) => r.variant === variant);
      if (!mine.length) continue;
      const v = { runs: mine.length, median: {}, ratio: {}, extra: {} };
      for (const k of KEYS) {
        v.median[k] = median(mine.map((r) => r.metrics[k]));
        v.ratio[k] = median(rounds.map((round) => by(variant, round)?.metrics[k] / by('none', round)?.metrics[k]));
        v.extra[k] = median(rounds.map((round) => by(variant, round)?.metrics[k] - by('none', round)?.metrics[k]));
      }
      const taskRatios = rounds.map((round) => by(variant, round)?.metrics.TaskDuration / by('none', round)?.metrics.TaskDuration).filter(Number.isFinite);
      v.taskRatioRange = [Math.min(...taskRatios), Math.max(...taskRatios)];
      v.latency = mine[0].latency.n ? {
        p50: median(mine.map((r) => r.latency.p50)),
        p95: median(mine.map((r) => r.latency.p95)),
        max: Math.max(...mine.map((r) => r.latency.max)),
        firstFrameShare: median(mine.map((r) => r.framesToBadge.firstFrameShare)),
        sameFrameShare: median(mine.map((r) => r.framesToBadge.sameFrameShare)),
        framesP95: median(mine.map((r) => r.framesToBadge.p95)),
        frameWaitP50: median(mine.map((r) => r.frameWait.p50)),
        frameWaitP95: median(mine.map((r) => r.frameWait.p95)),
        afterPageP50: median(mine.map((r) => r.afterPage?.p50)),
        afterPageP95: median(mine.map((r) => r.afterPage?.p95)),
      } : null;
      const placements = {};
      for (const r of mine) for (const [p, c] of Object.entries(r.perPlacement)) {
        const row = (placements[p] ??= { expected: 0, placed: 0, missing: 0, unexpected: 0 });
        for (const k of Object.keys(row)) row[k] += c[k];
      }
      v.placements = placements;
      v.warnings = mine.reduce((s, r) => s + r.warnings, 0);
      v.reinsertions = median(mine.map((r) => r.insertions - r.uniquePlaced - r.warnings));
      v.errors = mine.flatMap((r) => r.errors);
      if (variant === 'control') {
        v.controlCheck = median(rounds.map((round) => {
          const c = by('control', round);
          return (c.metrics.ScriptDuration - by('none', round).metrics.ScriptDuration) / c.control.busyMs;
        }));
        v.controlBusyMs = median(mine.map((r) => r.control.busyMs));
      }
      variants[variant] = v;
    }
    // With --variants, some variants are missing: their figures are NaN (shown as –), never a crash.
    const naiveOverAttache = median(rounds.map((round) => {
      const none = by('none', round)?.metrics.TaskDuration;
      return (by('naive', round)?.metrics.TaskDuration - none) / (by('attache', round)?.metrics.TaskDuration - none);
    }));
    sizes[size] = { variants, naiveOverAttache };
    const a = variants.attache;
    for (const [p, c] of Object.entries(a.placements)) {
      if (c.missing) breakage.push(`${size} posts: ${c.missing} of ${c.expected} expected ${p} badges missing`);
      if (c.unexpected) breakage.push(`${size} posts: ${c.unexpected} unexpected ${p} badges`);
    }
    if (a.warnings) breakage.push(`${size} posts: ${a.warnings} lookalike warnings on fictional accounts`);
    for (const e of new Set(a.errors)) breakage.push(`${size} posts, Attaché: ${e}`);
    for (const [p, c] of Object.entries(variants.naive?.placements ?? {})) {
      if (c.missing || c.unexpected) breakage.push(`${size} posts: the naive reference placed ${c.placed} of ${c.expected} ${p} badges, ${c.unexpected} unexpected (harness problem)`);
    }
  }
  for (const t of result.traced ?? []) {
    for (const e of new Set(t.errors)) if (t.variant === 'attache') breakage.push(`traced run, Attaché: ${e}`);
  }
  for (const r of result.browserScale?.rows ?? []) {
    const who = r.variant === 'baseline' ? 'baseline, ' : '';
    if (r.placed !== r.expected || r.unexpected) breakage.push(`start-up in Chromium, ${who}${r.name} index: ${r.placed} of ${r.expected} badges placed, ${r.unexpected} unexpected`);
    for (const e of r.errors) breakage.push(`start-up in Chromium, ${who}${r.name} index: ${e}`);
  }
  for (const p of result.profiled ?? []) {
    for (const e of new Set(p.errors)) if (p.variant === 'attache') breakage.push(`profiled run, Attaché: ${e}`);
  }
  // Traced runs: main-thread CPU (thread) time, forced layouts, content-script evaluation.
  const traced = {};
  const tr = result.traced ?? [];
  const tRounds = [...new Set(tr.map((t) => t.round))];
  const tBy = (variant, round) => tr.find((t) => t.variant === variant && t.round === round)?.trace;
  for (const variant of [...new Set(tr.map((t) => t.variant))]) {
    const mine = tr.filter((t) => t.variant === variant).map((t) => t.trace);
    traced[variant] = {
      runs: mine.length,
      cpuMs: median(mine.map((t) => t.mainThreadCpuMs)),
      wallMs: median(mine.map((t) => t.mainThreadTaskMs)),
      cpuRatio: median(tRounds.map((r) => tBy(variant, r)?.mainThreadCpuMs / tBy('none', r)?.mainThreadCpuMs)),
      cpuExtra: median(tRounds.map((r) => tBy(variant, r)?.mainThreadCpuMs - tBy('none', r)?.mainThreadCpuMs)),
      layouts: median(mine.map((t) => t.layouts)),
      forcedLayouts: Object.fromEntries(['extension', 'naive', 'page', 'unknown'].map((k) => [k, Math.max(...mine.map((t) => t.forcedLayouts[k]))])),
      forcedStyleByExtension: Math.max(...mine.map((t) => t.forcedStyle.extension)),
      examples: mine.flatMap((t) => t.extensionForcedExamples).slice(0, 3),
      evaluateMs: median(mine.flatMap((t) => t.contentScriptEvaluateMs)),
      startupIdleMs: median(mine.map((t) => t.contentScriptIdleMs)),
      evaluateCpuMs: median(mine.flatMap((t) => t.contentScriptEvaluateCpuMs ?? [])),
      startupIdleCpuMs: median(mine.map((t) => t.contentScriptIdleCpuMs).filter(Number.isFinite)),
      // Thread time by kind of work (script, style, layout...): the median of the runs, and of each round's
      // difference to the no-extension run of that round.
      cpuByKind: Object.fromEntries(KINDS.map((k) => [k, median(mine.map((t) => t.cpuByKindMs?.[k]))])),
      cpuExtraByKind: Object.fromEntries(KINDS.map((k) => [k, median(tRounds.map((r) => tBy(variant, r)?.cpuByKindMs?.[k] - tBy('none', r)?.cpuByKindMs?.[k]))])),
    };
  }
  const cpuNaiveOverAttache = median(tRounds.map((r) => (tBy('naive', r)?.mainThreadCpuMs - tBy('none', r)?.mainThreadCpuMs)
    / (tBy('attache', r)?.mainThreadCpuMs - tBy('none', r)?.mainThreadCpuMs)));

  // Budget
  const first = result.settings.sizes.includes(1000) ? 1000 : result.settings.sizes[0];
  const s = sizes[first].variants;
  const evalMs = traced.attache?.evaluateMs;
  const startupExtra = s.attache.extra.StartupScript;
  const scale = result.datasetScale.rows;
  const k100 = scale.find((r) => r.accounts === 100_000);
  const b100 = result.browserScale?.rows.find((r) => r.accounts === 100_000 && (r.variant ?? 'attache') === 'attache');
  const bundled = scale.find((r) => r.name === 'bundled');
  const allPlaced = Object.values(s.attache.placements).every((c) => c.missing === 0 && c.unexpected === 0);
  const extraPct = (s.attache.ratio.TaskDuration - 1) * 100;
  const forced = traced.attache?.forcedLayouts.extension;
  const cpuPct = (traced.attache?.cpuRatio - 1) * 100;
  const gzKB = result.contentScript.withoutDatasetGzipBytes / 1024;
  const budget = [
    { item: `Extra main-thread time vs no extension (${first} posts; task time, Performance.getMetrics)`, target: `≤ ${BUDGET.extraMainThreadPct}%`, value: `${extraPct.toFixed(1)}%`, pass: extraPct <= BUDGET.extraMainThreadPct },
    ...(traced.attache ? [{ item: `Extra main-thread time vs no extension (${first} posts; thread CPU time, trace)`, target: `≤ ${BUDGET.extraMainThreadPct}%`, value: `${cpuPct.toFixed(1)}%`, pass: cpuPct <= BUDGET.extraMainThreadPct }] : []),
    { item: 'Extra time of the naive annotator ÷ Attaché’s (task time)', target: `≥ ${BUDGET.naiveFactor}×`, value: `${sizes[first].naiveOverAttache.toFixed(1)}×`, pass: sizes[first].naiveOverAttache >= BUDGET.naiveFactor },
    ...(traced.attache ? [{ item: 'Extra time of the naive annotator ÷ Attaché’s (thread CPU time)', target: `≥ ${BUDGET.naiveFactor}×`, value: `${cpuNaiveOverAttache.toFixed(1)}×`, pass: cpuNaiveOverAttache >= BUDGET.naiveFactor }] : []),
    { item: 'Badge latency p95 (post authors)', target: `≤ ${BUDGET.latencyP95Ms} ms`, value: `${s.attache.latency?.p95.toFixed(1)} ms (${f1(s.attache.latency?.afterPageP95)} ms after the page's own work; naive ${f1(s.naive?.latency?.p95)} ms)`, pass: s.attache.latency?.p95 <= BUDGET.latencyP95Ms },
    { item: 'All expected badges placed', target: 'all', value: allPlaced ? 'all' : 'missing or unexpected badges', pass: allPlaced },
    { item: 'Start-up, bundled dataset: content script evaluation (trace, EvaluateScript)', target: `≤ ${BUDGET.startupBundledMs} ms`, value: Number.isFinite(evalMs) ? `${evalMs.toFixed(1)} ms` : 'not traced', pass: evalMs <= BUDGET.startupBundledMs },
    { item: 'Start-up, bundled dataset: extra script time to ready (untraced, page load)', target: `≤ ${BUDGET.startupBundledMs} ms`, value: `${startupExtra.toFixed(1)} ms${Number.isFinite(traced.attache?.startupIdleMs) ? ` (${traced.attache.startupIdleMs.toFixed(1)} ms of it, traced, in work deferred until the page is idle)` : ''}`, pass: startupExtra <= BUDGET.startupBundledMs },
    ...(b100 ? [{ item: 'Start-up, 100k accounts (in Chromium: content script evaluation, thread time, + extra script time to ready; at most)', target: `≤ ${BUDGET.startup100kMs} ms`, value: `${b100.startupMs.toFixed(0)} ms (evaluation ${b100.evaluateCpuMs.toFixed(0)} ms, to ready ${b100.extraScriptToReadyMs.toFixed(0)} ms)`, pass: b100.startupMs <= BUDGET.startup100kMs }] : []),
    ...(k100 ? [{ item: 'Start-up, 100k accounts (evaluating the index + index + lookup + lookalike matcher, cold, Node)', target: `≤ ${BUDGET.startup100kMs} ms`, value: `${k100.coldMs.toFixed(0)} ms`, pass: k100.coldMs <= BUDGET.startup100kMs }] : []),
    { item: 'Forced synchronous layouts caused by the extension', target: '0', value: forced === undefined ? 'not traced' : String(forced), pass: forced === 0 },
    { item: 'Content script, gzipped, without dataset bytes', target: `≤ ${BUDGET.contentScriptGzipKB} kB`, value: `${gzKB.toFixed(1)} kB`, pass: gzKB <= BUDGET.contentScriptGzipKB },
  ];
  const controlCheck = sizes[first].variants.control?.controlCheck;
  // Own code, sampled: per variant, the median and range over the profiled rounds; baseline: after ÷ before per round.
  const profiled = {};
  for (const p of result.profiled ?? []) (profiled[p.variant] ??= []).push(p.extensionMs);
  const ownCode = Object.fromEntries(Object.entries(profiled).map(([variant, ms]) => [variant, { runs: ms.length, median: median(ms), min: Math.min(...ms), max: Math.max(...ms) }]));
  const pRounds = [...new Set((result.profiled ?? []).map((p) => p.round))];
  const pBy = (variant, round) => result.profiled.find((p) => p.variant === variant && p.round === round)?.extensionMs;
  const ownCodeAfterOverBefore = ownCode.baseline ? median(pRounds.map((r) => pBy('attache', r) / pBy('baseline', r)).filter(Number.isFinite)) : undefined;
  return {
    sizes, traced, cpuNaiveOverAttache, budget, breakage, isolatedWorldCounted: controlCheck, bundledNodeColdMs: bundled?.coldMs,
    ownCode, ownCodeAfterOverBefore,
  };
}

const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const pct = (r) => (Number.isFinite(r) ? `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)}%` : '–');
const mb = (b) => (Number.isFinite(b) ? (b / 1048576).toFixed(1) : '–');
/** Heap kept by a small index: a difference of two heap readings, below their noise when tiny (or even negative). */
const heapMb = (b) => (Number.isFinite(b) && b < 0.05 * 1048576 ? '< 0.1' : mb(b));
const NAMES = { none: 'no extension', attache: 'Attaché', naive: 'naive annotator', control: 'control (2 ms busy loop)', baseline: 'baseline build (--baseline)', 'naive-shadow': 'naive annotator, shadow-root badges', 'attache-no-page-world': 'Attaché without its page-world reader' };

function duration(seconds) {
  const s = Math.round(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The packed index's file in the package (src/core/compiled.ts, INDEX_FILE). */
const INDEX_NAME = 'data/index.bin';

export function markdown(result) {
  const { summary } = result;
  const out = [];
  out.push(`### Attaché benchmark${result.quick ? ' (quick: breakage check only, timings not meaningful)' : ''}`, '');
  out.push(`Chromium ${result.environment.chromium}, headless, ${result.environment.cpus} CPU(s); Node ${result.environment.node}. `
    + `Medians over ${Object.entries(result.settings.rounds).map(([s, r]) => `${r} rounds (${s} posts)`).join(', ')}; `
    + 'ratios are to the no-extension run of the same round.'
    + (Number.isFinite(result.durationS) ? ` ${result.full ? 'Full run (`--full`)' : result.quick ? 'Quick run' : 'Default run'}: ${duration(result.durationS)}.` : ''), '');
  for (const [size, s] of Object.entries(summary.sizes)) {
    const sc = result.settings.scroll[size];
    out.push(sc.shape === 'raf'
      ? `#### ${Number(size.replace(/^raf/, '')).toLocaleString('en')} posts, ${sc.batch} per animation frame from requestAnimationFrame callbacks, layout read after each insert, ${sc.window} cells mounted (\`${size}\`)`
      : `#### ${Number(size).toLocaleString('en')} posts (batches of ${sc.batch} every ${sc.intervalMs} ms, ${sc.window} cells mounted)`, '');
    out.push('| variant | main-thread task ms | script ms | vs none (task) | layouts | style recalcs | layout ms | style ms | JS heap MB (end) | badge latency p50 / p95 / max ms | after the page’s own work p50 / p95 ms | next frame p50 / p95 ms | badge in first frame | badges placed / expected (5 placements) |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [variant, v] of Object.entries(s.variants)) {
      const all = Object.values(v.placements).reduce((t, c) => ({ placed: t.placed + c.placed, expected: t.expected + c.expected }), { placed: 0, expected: 0 });
      out.push(`| ${NAMES[variant]} | ${f0(v.median.TaskDuration)} | ${f0(v.median.ScriptDuration)} | ${variant === 'none' ? '—' : `${pct(v.ratio.TaskDuration)} (${pct(v.taskRatioRange[0])}…${pct(v.taskRatioRange[1])})`} | `
        + `${f0(v.median.LayoutCount)} | ${f0(v.median.RecalcStyleCount)} | ${f1(v.median.LayoutDuration)} | ${f1(v.median.RecalcStyleDuration)} | ${mb(v.median.JSHeapUsedSize)} | `
        + `${v.latency ? `${f1(v.latency.p50)} / ${f1(v.latency.p95)} / ${f1(v.latency.max)}` : '—'} | ${v.latency ? `${f1(v.latency.afterPageP50)} / ${f1(v.latency.afterPageP95)}` : '—'} | ${v.latency ? `${f1(v.latency.frameWaitP50)} / ${f1(v.latency.frameWaitP95)}` : '—'} | ${v.latency ? `${(v.latency.firstFrameShare * 100).toFixed(1)}%` : '—'} | `
        + `${variant === 'attache' || variant.startsWith('naive') || variant === 'baseline' ? `${all.placed} / ${all.expected}` : '—'} |`);
    }
    out.push('');
    const a = s.variants.attache;
    if (sc.shape === 'raf') {
      out.push('Badge in the frame its post is (raf shape): ' + Object.entries(s.variants).filter(([, v]) => v.latency)
        .map(([variant, v]) => `${NAMES[variant]} ${(v.latency.sameFrameShare * 100).toFixed(1)}% (p95 ${f0(v.latency.framesP95)} frame(s) late, ${f1(v.latency.p95)} ms)`).join('; ')
        + `. Script time vs no extension: ${Object.entries(s.variants).filter(([k]) => k !== 'none').map(([variant, v]) => `${NAMES[variant]} ${v.ratio.ScriptDuration.toFixed(2)}×`).join(', ')}.`, '');
    } else {
      out.push(`Script time vs no extension: ${Object.entries(s.variants).filter(([k]) => k !== 'none').map(([variant, v]) => `${NAMES[variant]} ${v.ratio.ScriptDuration.toFixed(2)}×`).join(', ')}.`, '');
    }
    out.push(`Page load to ready, extra over no extension: script ${f1(a.extra.StartupScript)} ms, task ${f1(a.extra.StartupTask)} ms (includes the content script's evaluation, its first pass and the work it defers until the page is idle).`, '');
    out.push(`Extra main-thread time over no extension (median of per-round differences): Attaché ${f0(a.extra.TaskDuration)} ms `
      + `(script ${f0(a.extra.ScriptDuration)} ms), naive ${f0(s.variants.naive?.extra.TaskDuration)} ms (script ${f0(s.variants.naive?.extra.ScriptDuration)} ms); naive ÷ Attaché = ${f1(s.naiveOverAttache)}×.`, '');
    const b = s.variants.baseline;
    if (b) {
      out.push(`Baseline build, same rounds: extra task time ${f0(b.extra.TaskDuration)} ms (${pct(b.ratio.TaskDuration)}), script ${f0(b.extra.ScriptDuration)} ms, `
        + `latency p95 ${f1(b.latency?.p95)} ms, start-up script to ready ${f1(b.extra.StartupScript)} ms; Attaché (this build): ${f0(a.extra.TaskDuration)} ms (${pct(a.ratio.TaskDuration)}), `
        + `script ${f0(a.extra.ScriptDuration)} ms, latency p95 ${f1(a.latency?.p95)} ms, start-up script to ready ${f1(a.extra.StartupScript)} ms.`
        + (Number.isFinite(summary.traced?.baseline?.evaluateMs) && Number.isFinite(summary.traced?.attache?.evaluateMs)
          ? ` Traced: evaluation ${f1(summary.traced.baseline.evaluateMs)} ms before, ${f1(summary.traced.attache.evaluateMs)} ms after; idle-time work ${f1(summary.traced.baseline.startupIdleMs)} ms`
            + ` (${f1(summary.traced.baseline.startupIdleCpuMs)} ms of thread time) before, ${f1(summary.traced.attache.startupIdleMs)} ms (${f1(summary.traced.attache.startupIdleCpuMs)}) after.`
          : ''), '');
    }
    out.push('Attaché badges per placement, all runs: ' + Object.entries(a.placements).map(([p, c]) => `${p} ${c.placed}/${c.expected}${c.unexpected ? ` (+${c.unexpected} unexpected)` : ''}`).join(', ')
      + `; lookalike warnings on fictional accounts: ${a.warnings}; badge re-insertions per run: ${f0(a.reinsertions)}.`, '');
  }
  const first = Object.keys(summary.sizes)[0];
  const ctl = summary.sizes[first].variants.control;
  if (ctl && !result.quick) {
    out.push(`Control: a content script that spins ${f0(ctl.controlBusyMs)} ms in its isolated world per scroll run adds ${f0(ctl.extra.ScriptDuration)} ms of ScriptDuration `
      + `(ratio ${f1(summary.isolatedWorldCounted)}): isolated-world time ${summary.isolatedWorldCounted > 0.8 ? 'is' : 'is NOT'} counted.`, '');
  }
  if (result.traced?.length) {
    out.push(`#### Traced runs (${result.traced[0].size} posts, ${result.settings.traceRounds} round(s)): main-thread CPU time and forced synchronous layouts`, '');
    out.push('| variant | main-thread task ms (wall) | main-thread CPU ms | vs none (CPU) | layouts | forced layouts: by extension / naive / page | forced style recalcs by extension |');
    out.push('|---|---:|---:|---:|---:|---:|---:|');
    for (const [variant, t] of Object.entries(summary.traced)) {
      out.push(`| ${NAMES[variant]} | ${f0(t.wallMs)} | ${f0(t.cpuMs)} | ${variant === 'none' ? '—' : pct(t.cpuRatio)} | ${f0(t.layouts)} | ${t.forcedLayouts.extension} / ${t.forcedLayouts.naive} / ${t.forcedLayouts.page} | ${t.forcedStyleByExtension} |`);
    }
    out.push('', `Extra CPU time over no extension: Attaché ${f0(summary.traced.attache?.cpuExtra)} ms, naive ${f0(summary.traced.naive?.cpuExtra)} ms; naive ÷ Attaché = ${f1(summary.cpuNaiveOverAttache)}×. `
      + 'Forced layouts are counted per run (maximum over rounds).', '');
    const others = Object.keys(summary.traced).filter((v) => v !== 'none' && Number.isFinite(summary.traced[v].cpuExtraByKind?.script));
    if (summary.traced.none && others.length) {
      out.push('Where the time goes: main-thread thread (CPU) time by kind of work, from the same traces. Each event\'s own time '
        + '(minus the events nested in it) goes to its kind: script (script and the DOM calls it makes, in any world), style '
        + 'recalculation, layout, painting and compositing, garbage collection, HTML parsing, and the rest (the tasks\' own '
        + 'time, intersection observers...). No extension: median of its runs; the others: median over the rounds of the '
        + 'difference to the no-extension run of the same round (medians of parts need not add up to the median of the total).', '');
      out.push(`| kind | ${NAMES.none} | ${others.map((v) => `${NAMES[v]}, extra`).join(' | ')} |`);
      out.push(`|---|---:|${others.map(() => '---:').join('|')}|`);
      const signed = (x) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(0)}` : '–');
      for (const k of KINDS) out.push(`| ${k} | ${f0(summary.traced.none.cpuByKind[k])} | ${others.map((v) => signed(summary.traced[v].cpuExtraByKind[k])).join(' | ')} |`);
      out.push(`| all | ${f0(summary.traced.none.cpuMs)} | ${others.map((v) => signed(summary.traced[v].cpuExtra)).join(' | ')} |`, '');
    }
  }
  if (Object.keys(summary.ownCode ?? {}).length) {
    const rounds = Math.max(...Object.values(summary.ownCode).map((o) => o.runs));
    out.push(`#### Own code, sampled (${result.settings.sizes[0]} posts, ${rounds} round(s))`, '');
    out.push('Time in samples of a CPU profile (every 100 µs) whose stack holds a frame of the extension: its own script and the '
      + 'DOM calls it makes. Steadier than the differences above (no other variant\'s run in it), but inflated by the sampling: '
      + 'compare within one run.', '');
    out.push('| variant | own code ms (median) | min – max |', '|---|---:|---:|');
    for (const [variant, o] of Object.entries(summary.ownCode)) out.push(`| ${NAMES[variant]} | ${f0(o.median)} | ${f0(o.min)} – ${f0(o.max)} |`);
    out.push('');
    if (summary.ownCodeAfterOverBefore !== undefined) out.push(`Attaché ÷ baseline build, median of the rounds: ${summary.ownCodeAfterOverBefore.toFixed(3)}.`, '');
  }
  out.push('#### Start-up and dataset scale', '');
  const evalMs = summary.traced.attache?.evaluateMs;
  if (Number.isFinite(evalMs)) {
    const { startupIdleMs: idle, startupIdleCpuMs: idleCpu, evaluateCpuMs: evalCpu } = summary.traced.attache;
    out.push(`In Chromium (traced), evaluating the content script (compile + top-level run: UI set-up and the start of the packed index's fetch) takes ${f1(evalMs)} ms (median; ${f1(evalCpu)} ms of thread time).`
      + (Number.isFinite(idle) ? ` The work it leaves for when the page is idle takes ${f1(idle)} ms (${f1(idleCpu)} ms of thread time; the rest the main thread waited), included in the extra script time from page load to ready above.` : ''), '');
  }
  if (result.browserScale?.rows.length) {
    out.push(`In Chromium, per index (the bundled one, and synthetic ones in its place in a copy of the built extension; median of ${result.browserScale.loads} page load(s) after one): `
      + 'evaluating the content script (compile + top-level run, traced), the extra script time from page load to ready (against no extension; '
      + 'it leaves compilation out and includes reading the packed index and the first pass over the page), their sum (at most the start-up: both hold the top-level run), '
      + 'when Attaché was ready (its index read; ms after the navigation began, by the wall clock), '
      + 'and the extra JS heap at ready. A short scroll on each checks that the badges of the index\'s own accounts are placed.', '');
    out.push('| build | index | content script MB | packed index MB | evaluation ms, thread (wall) | extra script to ready ms | start-up ms, at most | ready at ms | extra heap MB | badges placed |');
    out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of result.browserScale.rows) {
      out.push(`| ${r.variant ?? 'attache'} | ${r.name} (${r.accounts.toLocaleString('en')}) | ${(r.scriptBytes / 1e6).toFixed(1)} | ${((r.indexBytes ?? 0) / 1e6).toFixed(1)} | ${f1(r.evaluateCpuMs)} (${f1(r.evaluateMs)}) | ${f1(r.extraScriptToReadyMs)} | ${f1(r.startupMs)} | ${f1(r.readyAtMs)} | ${heapMb(r.extraHeapBytes)} | ${r.placed} / ${r.expected} |`);
    }
    out.push('');
  }
  out.push(`Node (same V8): reading the packed index's file + index + first lookup + the lookalike matcher with a first check; cold = first run in a fresh process (the matcher's part in brackets), warm = median of repeats; details average ${result.datasetScale.detailChars} characters per account.`, '');
  out.push('| index | layout | file MB | cold ms (matcher) | warm ms (read + index + matcher) | heap MB | cold vs bundled |');
  out.push('|---|---|---:|---:|---:|---:|---:|');
  for (const r of result.datasetScale.rows) {
    if (r.impossible) { out.push(`| ${r.name} | ${r.layout} | ${((r.fileBytes ?? r.jsonBytes) / 1e6).toFixed(0)} | impossible: ${r.impossible} | | | |`); continue; }
    out.push(`| ${r.name} (${r.accounts.toLocaleString('en')}) | ${r.layout} | ${((r.fileBytes ?? r.jsonBytes) / 1e6).toFixed(1)} | ${f1(r.coldMs)} (${f1(r.coldMatcherMs)}) | ${f1(r.totalMs)} (${f1(r.parseMs)} + ${f1(r.indexMs)} + ${f1(r.matcherMs)}) | ${heapMb(r.heapBytes)} | ${f1(r.coldVsBundled)}× |`);
  }
  out.push('');
  const cs = result.contentScript;
  out.push(`Content script: ${(cs.withoutDatasetRawBytes / 1024).toFixed(1)} kB (${(cs.withoutDatasetGzipBytes / 1024).toFixed(1)} kB gzipped), carrying no dataset; with the packed index it reads (${INDEX_NAME}, ${((cs.indexBytes ?? 0) / 1024).toFixed(1)} kB, ${((cs.indexGzipBytes ?? 0) / 1024).toFixed(1)} kB gzipped) ${(cs.rawBytes / 1024).toFixed(1)} kB (${(cs.gzipBytes / 1024).toFixed(1)} kB gzipped).`, '');
  out.push('#### Budget', '');
  out.push('| item | budget | measured | |');
  out.push('|---|---|---|---|');
  for (const b of summary.budget) out.push(`| ${b.item} | ${b.target} | ${b.value} | ${b.pass ? 'pass' : '**miss**'} |`);
  out.push('');
  if (summary.breakage.length) out.push('Breakage: ' + summary.breakage.join('; '), '');
  return out.join('\n');
}
