// The naive reference annotator: what an annotator looks like without a queue, a scheduler or any bookkeeping.
// After every mutation it rescans the whole document with querySelectorAll and inserts a badge after each official
// account that does not have one yet. It does the same job as Attaché on the benchmark's timeline: the five
// placements the timeline shows (post author, reposter, quoted author, "Replying to", mentions), each with a small
// visible badge (a styled span: light DOM, no shadow root, no card), so the two differ in how they work, not in what
// they show. It knows only this timeline's markup (no React re-renders, no recycled cells, no other pages).
// Loaded as the content script of an extension of its own by scripts/bench/run.mjs (an isolated world, like
// Attaché's), which fills in the list of official handles below.
(() => {
  const OFFICIAL = new Set(__OFFICIAL__);
  const PROFILE = /^\/([A-Za-z0-9_]{1,20})$/;
  const AT = /^@([A-Za-z0-9_]{1,20})$/;
  const CSS = '.bench-naive-badge{display:inline-block;margin-inline-start:.3em;padding:.1em .45em;border:1px solid #cfd9de;'
    + 'border-radius:.45em;background:#f7f9f9;color:#0f1419;font:500 .8em/1.2 system-ui,sans-serif;white-space:nowrap}';
  // The `naive-shadow` variant (--variants ...,naive-shadow): the same annotator, but each badge is a host with a
  // shadow root adopting one shared sheet, holding a button, as Attaché's badges are: what that form costs on its own.
  const SHADOW = __SHADOW__;
  const SHADOW_CSS = ':host{display:inline-block;margin-inline-start:.3em;font-size:.8em;line-height:1}'
    + 'button{all:unset;display:inline-flex;padding:.1em .45em;border:1px solid #cfd9de;border-radius:.45em;background:#f7f9f9;'
    + 'color:#0f1419;font:500 1em/1.2 system-ui,sans-serif;white-space:nowrap;cursor:pointer}';
  let sheet = null;
  const shadowBadge = (span) => {
    const root = span.attachShadow({ mode: 'open' });
    if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(SHADOW_CSS); }
    root.adoptedStyleSheets = [sheet];
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Official';
    root.append(button);
  };
  const handleOf = (a) => PROFILE.exec(a?.getAttribute('href') ?? '')?.[1]?.toLowerCase() ?? null;
  const mark = (el, placement, handle) => {
    if (!el || !handle || !OFFICIAL.has(handle)) return;
    if (el.nextElementSibling?.classList.contains('bench-naive-badge')) return;
    const span = document.createElement('span');
    span.className = 'bench-naive-badge';
    span.setAttribute('data-placement', placement);
    span.setAttribute('data-handle', handle);
    if (SHADOW) shadowBadge(span);
    else span.textContent = 'Official';
    el.after(span);
  };
  const scan = () => {
    for (const article of document.querySelectorAll('article[data-testid="tweet"]')) {
      const quoted = article.querySelector('div[role="link"][tabindex="0"]');
      const outside = (el) => !quoted || !quoted.contains(el);
      // Post author: the first name link of the first author block outside the quoted post.
      const author = [...article.querySelectorAll('[data-testid="User-Name"]')].find(outside);
      const nameLink = author && [...author.querySelectorAll('a[href]')].find((a) => handleOf(a));
      mark(nameLink, 'tweet-author', handleOf(nameLink));
      // Reposter: the link around "... reposted".
      const repost = article.querySelector('[data-testid="socialContext"]')?.closest('a[href]');
      mark(repost, 'retweeter', handleOf(repost));
      // "Replying to @x": profile links in a text block that says so.
      for (const a of article.querySelectorAll('div[dir] a[href]')) {
        if (!outside(a) || a.closest('[data-testid="User-Name"], [data-testid="tweetText"]')) continue;
        if (!a.closest('div[dir]').textContent.startsWith('Replying to')) continue;
        mark(a, 'reply-to', handleOf(a));
      }
      // Mentions in the post's own text.
      for (const a of article.querySelectorAll('[data-testid="tweetText"] a[href]')) if (outside(a)) mark(a, 'mention', handleOf(a));
      // Quoted author: the "@handle" line of the quoted post.
      const line = quoted?.querySelector('[data-testid="User-Name"] div[tabindex="-1"]');
      const at = AT.exec(line?.textContent.trim() ?? '')?.[1]?.toLowerCase();
      mark(line, 'quote-author', at);
    }
  };
  const start = () => {
    document.documentElement.setAttribute('data-bench-naive', '');
    if (!SHADOW) {
      const style = document.createElement('style');
      style.textContent = CSS;
      document.head.append(style);
    }
    new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
    scan();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
//# sourceURL=attache-bench-naive.js
