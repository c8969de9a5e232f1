// Benchmark control (scripts/bench): a content script, in its isolated world like Attaché's, that spins for
// BUSY_MS on every mutation batch and then changes a style and reads a layout property (one forced synchronous
// layout per batch). It publishes what it did on <html>, so the bench can check that the DevTools Protocol figures
// count isolated-world script time (ScriptDuration grows by about busyMs) and that the trace sees its forced layouts.
const BUSY_MS = 2;
let busy = 0;
let batches = 0;
new MutationObserver(() => {
  const t0 = performance.now();
  while (performance.now() - t0 < BUSY_MS) { /* spin */ }
  busy += performance.now() - t0;
  batches++;
  // One forced synchronous layout: dirty the layout, then read geometry.
  document.body.style.paddingBottom = `${batches % 2}px`;
  void document.body.offsetHeight;
  document.documentElement.setAttribute('data-bench-control', JSON.stringify({ busyMs: busy, batches }));
}).observe(document.documentElement, { childList: true, subtree: true });
document.documentElement.setAttribute('data-bench-control', JSON.stringify({ busyMs: 0, batches: 0 }));
