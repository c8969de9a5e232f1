// The naive reference annotator: what an annotator looks like without a queue, a scheduler or any bookkeeping.
// After every mutation it rescans the whole document with querySelectorAll and inserts a span after each official
// post author that does not have one yet. It handles post authors only (Attaché handles ten placements).
// Injected into the main world by scripts/bench/run.mjs, which fills in the list of official handles below.
(() => {
  const OFFICIAL = new Set(__OFFICIAL__);
  const PROFILE = /^\/([A-Za-z0-9_]{1,20})$/;
  const scan = () => {
    for (const block of document.querySelectorAll('article[data-testid="tweet"] [data-testid="User-Name"]')) {
      const link = [...block.querySelectorAll('a[href]')].find((a) => PROFILE.test(a.getAttribute('href')));
      if (!link) continue;
      const handle = link.getAttribute('href').slice(1).toLowerCase();
      if (!OFFICIAL.has(handle)) continue;
      if (link.nextElementSibling?.classList.contains('bench-naive-badge')) continue;
      const span = document.createElement('span');
      span.className = 'bench-naive-badge';
      span.setAttribute('data-handle', handle);
      span.textContent = 'Official';
      link.after(span);
    }
  };
  const start = () => {
    new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
    scan();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
//# sourceURL=attache-bench-naive.js
