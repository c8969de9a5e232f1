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
  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const start = events.find((e) => e.name === 'bench-start')?.ts ?? 0;
  const perThread = new Map();
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.ts < start) continue;
    const key = `${e.pid}:${e.tid}`;
    if (threads.get(key) !== 'CrRendererMain') continue;
    const t = perThread.get(key) ?? { wall: 0, cpu: 0, end: 0 };
    if (e.ts >= t.end) { t.wall += e.dur; t.cpu += e.tdur ?? 0; t.end = e.ts + e.dur; }
    perThread.set(key, t);
  }
  const mainThread = [...perThread.values()].sort((a, b) => b.wall - a.wall)[0] ?? { wall: 0, cpu: 0 };
  return {
    mainThreadTaskMs: mainThread.wall / 1000, mainThreadCpuMs: mainThread.cpu / 1000, layouts, forcedLayouts: forced, forcedStyle,
    extensionForcedExamples: examples, contentScriptEvaluateMs: evaluate, contentScriptEvaluateCpuMs: evaluateCpu, ...startupIdle(events, contentScriptUrl, start),
  };
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
