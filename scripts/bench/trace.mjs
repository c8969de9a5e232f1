// Chrome trace capture and the few facts the benchmark reads from it.
//
// Forced synchronous layout: a `Layout` (or style `UpdateLayoutTree`) event that carries a JavaScript stack
// (`args.beginData.stackTrace`). Layout that runs as part of a frame has no stack; layout forced by a script reading
// geometry while the layout is dirty has the stack of that script. The stack's frames name the script's URL, so a
// forced layout is the extension's when a frame is in a chrome-extension:// script (the content script runs in an
// isolated world, but its frames are reported like any other).

export const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'blink.user_timing',
  '__metadata',
];

export async function startTracing(cdp, categories = CATEGORIES) {
  const events = [];
  const onData = ({ value }) => { for (const e of value) events.push(e); };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: categories, excludedCategories: ['*'] },
  });
  return async function stop() {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

function originOf(url) {
  if (!url) return null;
  if (url.startsWith('chrome-extension://')) return 'extension';
  if (url.includes('attache-bench-naive')) return 'naive';
  return 'page';
}

/** Who forced a layout/style recalculation: the first frame with a known origin, extension and naive first. */
function culprit(stack) {
  const origins = stack.map((f) => originOf(f.url)).filter(Boolean);
  if (origins.includes('extension')) return 'extension';
  if (origins.includes('naive')) return 'naive';
  return origins.length ? 'page' : 'unknown';
}

export function analyseTrace(events, { contentScriptUrl } = {}) {
  const forced = { extension: 0, naive: 0, page: 0, unknown: 0 };
  const forcedStyle = { extension: 0, naive: 0, page: 0, unknown: 0 };
  const examples = [];
  let layouts = 0;
  const evaluate = [];
  const evaluateCpu = [];
  for (const e of events) {
    if (e.name === 'Layout' && (e.ph === 'X' || e.ph === 'B')) {
      layouts++;
      const stack = e.args?.beginData?.stackTrace;
      if (stack?.length) {
        const who = culprit(stack);
        forced[who]++;
        if (who === 'extension' && examples.length < 5) {
          examples.push(stack.slice(0, 4).map((f) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^chrome-extension:\/\/[a-p]+/, '')}:${f.lineNumber}:${f.columnNumber}`));
        }
      }
    } else if (e.name === 'UpdateLayoutTree' && (e.ph === 'X' || e.ph === 'B')) {
      const stack = e.args?.beginData?.stackTrace;
      if (stack?.length) forcedStyle[culprit(stack)]++;
    } else if (e.name === 'EvaluateScript' && e.ph === 'X' && contentScriptUrl && e.args?.data?.url?.startsWith('chrome-extension://')
      && e.args.data.url.endsWith(contentScriptUrl)) {
      evaluate.push(e.dur / 1000);
      evaluateCpu.push((e.tdur ?? 0) / 1000);
    }
  }
  // Main-thread task time of the page during the scroll (from the `bench-start` mark): wall time and thread (CPU)
  // time. Thread time does not grow when other processes compete for the CPU, so it is the steadier figure.
  const start = events.find((e) => e.name === 'bench-start')?.ts ?? 0;
  const main = mainThreadOf(events, start);
  const mainThread = main ?? { wall: 0, cpu: 0 };
  return {
    mainThreadTaskMs: mainThread.wall / 1000, mainThreadCpuMs: mainThread.cpu / 1000, layouts, forcedLayouts: forced, forcedStyle,
    extensionForcedExamples: examples, contentScriptEvaluateMs: evaluate, contentScriptEvaluateCpuMs: evaluateCpu, ...startupIdle(events, contentScriptUrl, start),
    cpuByKindMs: main ? cpuByKind(events, main.key, start) : undefined,
  };
}

/**
 * The page's main thread: of the renderer main threads in the trace, the one with the most task time since `start`
 * (other renderers, say the extension's service worker or a blank tab, do little). Tasks nested in a task (a nested
 * message loop) are counted once, with the outer one.
 */
function mainThreadOf(events, start) {
  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const perThread = new Map();
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.ts < start) continue;
    const key = `${e.pid}:${e.tid}`;
    if (threads.get(key) !== 'CrRendererMain') continue;
    const t = perThread.get(key) ?? { key, wall: 0, cpu: 0, end: 0 };
    if (e.ts >= t.end) { t.wall += e.dur; t.cpu += e.tdur ?? 0; t.end = e.ts + e.dur; }
    perThread.set(key, t);
  }
  return [...perThread.values()].sort((a, b) => b.wall - a.wall)[0] ?? null;
}

/** What kind of work a trace event is, by its name (the categories of DevTools' performance panel, roughly). */
export function kindOf(name) {
  if (/GC|[Ss]cavenge|Weakness/.test(name)) return 'gc';
  if (name === 'UpdateLayoutTree') return 'style';
  if (name === 'Layout') return 'layout';
  if (/^(Paint|PrePaint|PaintImage|UpdateLayer|Layerize|Commit|ScrollLayer)$/.test(name)) return 'paint';
  if (name === 'ParseHTML') return 'parse';
  if (/^(FunctionCall|EvaluateScript|RunMicrotasks|TimerFire|FireAnimationFrame|FireIdleCallback|EventDispatch|V8\.|v8\.)/.test(name)) return 'script';
  return 'other';
}

export const KINDS = ['script', 'style', 'layout', 'paint', 'gc', 'parse', 'other'];

/**
 * Thread (CPU) time of the main thread's tasks since `start`, split by the kind of work: each event's own time (its
 * time minus that of the events nested in it) goes to its kind; a task's own time is 'other'. The kinds add up to the
 * tasks' thread time (`mainThreadCpuMs`). Where the extra time an extension adds goes (script, style, layout,
 * painting, garbage collection) is then the difference to the run without it.
 */
export function cpuByKind(events, threadKey, start) {
  const mine = events.filter((e) => e.ph === 'X' && e.ts >= start && `${e.pid}:${e.tid}` === threadKey);
  // Outer events first: earlier start, then longer; a task before an event that has its very bounds.
  mine.sort((a, b) => a.ts - b.ts || b.dur - a.dur || (b.name === 'RunTask') - (a.name === 'RunTask'));
  const out = Object.fromEntries(KINDS.map((k) => [k, 0]));
  const stack = [];
  for (const e of mine) {
    while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    // Only work inside a task counts, as in mainThreadCpuMs; a task inside a task is part of the outer one.
    if (!parent && e.name !== 'RunTask') continue;
    const time = (e.tdur ?? e.dur) / 1000;
    const kind = e.name === 'RunTask' ? 'other' : kindOf(e.name);
    out[kind] += time;
    if (parent) out[parent.kind] -= time;
    stack.push({ end: e.ts + e.dur, kind });
  }
  return out;
}

/**
 * The content script's idle callbacks before the scroll: start-up work deferred until the page is idle (until the
 * fifth round, the lookalike matcher and a second pass over the page with it). An idle callback is the content
 * script's when a `FunctionCall` of its URL runs in it. (The first pass runs in a promise continuation, which the trace records as `RunMicrotasks` without a script,
 * so it cannot be told apart from the page's own microtasks here.)
 */
function startupIdle(events, contentScriptUrl, start) {
  if (!contentScriptUrl) return {};
  const mine = events.filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && e.args?.data?.url?.startsWith('chrome-extension://')
    && e.args.data.url.endsWith(contentScriptUrl));
  let idleUs = 0;
  let idleCpuUs = 0;
  for (const idle of events) {
    if (idle.name !== 'FireIdleCallback' || idle.ph !== 'X' || (start && idle.ts >= start)) continue;
    if (mine.some((c) => c.pid === idle.pid && c.tid === idle.tid && idle.ts <= c.ts && c.ts + c.dur <= idle.ts + idle.dur)) {
      idleUs += idle.dur;
      idleCpuUs += idle.tdur ?? 0;
    }
  }
  // Wall time minus thread time: the main thread waited (say, on a synchronous request to the browser process).
  return { contentScriptIdleMs: idleUs / 1000, contentScriptIdleCpuMs: idleCpuUs / 1000 };
}
