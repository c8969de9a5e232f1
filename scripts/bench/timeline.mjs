// The synthetic X-like infinite timeline the benchmark scrolls through.
//
// Post markup comes from the offline fixtures' generators (tests/fixtures/x/render.mjs), rendered once per post
// shape with placeholder accounts; the page fills the placeholders from a seeded generator, so any post i is the
// same in every run and every variant, and the page never has to hold 10,000 posts of HTML.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  ACCOUNTS, NONCE, homeHeader, page, postArticle, sidebar, sidebarBox, timeline, userCell,
} from '../../tests/fixtures/x/render.mjs';

/** Official accounts of the bundled dataset: current handles and names, sorted by handle (stable across runs). */
export function datasetAccounts(dir = 'dataset/accounts') {
  const out = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    for (const entry of parse(readFileSync(join(dir, file), 'utf8')) ?? []) {
      if (entry?.handle && entry?.name) out.push({ handle: String(entry.handle), name: String(entry.name) });
    }
  }
  return out.sort((a, b) => a.handle.localeCompare(b.handle));
}

const PLACEHOLDERS = {
  A: 'NA', // author, author name
  R: 'NR', // reposter
  Q: 'NQ', // quoted author
  P: null, // replied-to account (no name shown)
  M0: null, // mentions in the text
  M1: null,
};
for (const [h, n] of Object.entries(PLACEHOLDERS)) {
  ACCOUNTS[`{{${h}}}`] = { name: n ? `{{${n}}}` : h, color: '#a0aec0', initials: '?' };
}

/** One template per post shape: repost line, reply line, quoted post, 0-2 mentions, promoted. */
function templates() {
  const out = {};
  const time = { iso: '{{TI}}', label: '{{TL}}' };
  for (const social of [0, 1]) for (const reply of [0, 1]) for (const quote of [0, 1]) for (const mentions of [0, 1, 2]) {
    for (const promoted of [0, 1]) {
      const text = ['{{W0}} '];
      if (mentions >= 1) text.push({ mention: '{{M0}}' }, ' {{W1}} ');
      if (mentions >= 2) text.push({ mention: '{{M1}}' }, ' {{W2}}');
      text.push(' ', { hashtag: 'bench' });
      const html = postArticle({
        author: '{{A}}', statusId: '{{S}}', time, text, lang: 'en', promoted: Boolean(promoted),
        social: social ? { type: 'repost', by: '{{R}}' } : null,
        replyTo: reply ? ['{{P}}'] : null,
        quote: quote ? { author: '{{Q}}', time, text: ['{{W3}} ', { mention: '{{M0}}' }, ' {{W1}}'] } : null,
        stats: ['{{C0}}', '{{C1}}', '{{C2}}', '{{C3}}'],
      });
      out[`${social}${reply}${quote}${mentions}${promoted}`] = html;
    }
  }
  return out;
}

/** The in-page side: the generator, the scroller, the badge observer. Runs in the page's main world. */
function benchRuntime(config) {
  const { templates, officials, seed, graphql } = config;
  const WORDS = ['trade', 'talks', 'weather', 'maps', 'budget', 'summit', 'rail', 'harbour', 'vote', 'grain', 'energy',
    'statement', 'visit', 'report', 'museum', 'festival', 'science', 'health', 'water', 'bridge'];
  const esc = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const mulberry = (a) => () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (rng, list) => list[Math.floor(rng() * list.length)];
  /** An account: official (from the dataset) with probability p, otherwise a fictional one. */
  const account = (rng, p) => {
    if (rng() < p) {
      const [handle, name] = pick(rng, officials);
      return { handle, name, official: true };
    }
    const n = Math.floor(rng() * 46656 * 36).toString(36);
    return { handle: `bench_${n}`, name: `Reader ${n.toUpperCase()}`, official: false };
  };

  /** Post i: its HTML and the badges Attaché should give it, per placement. */
  function post(i) {
    const rng = mulberry((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
    const social = rng() < 0.15, reply = rng() < 0.2, quote = rng() < 0.12, promoted = rng() < 0.02;
    const r = rng(), mentions = r < 0.6 ? 0 : r < 0.9 ? 1 : 2;
    const A = account(rng, 0.12), R = account(rng, 0.1), Q = account(rng, 0.12), P = account(rng, 0.15);
    const M0 = account(rng, 0.1);
    let M1 = account(rng, 0.1);
    if (M1.handle.toLowerCase() === M0.handle.toLowerCase()) M1 = { handle: `bench_m${i}`, name: '', official: false };
    const minutes = 1 + Math.floor(rng() * 600);
    const v = {
      A: A.handle, NA: esc(A.name), R: R.handle, NR: esc(R.name), Q: Q.handle, NQ: esc(Q.name), P: P.handle,
      M0: M0.handle, M1: M1.handle, S: String(1800000000000000000n + BigInt(i)),
      TI: new Date(Date.UTC(2026, 0, 1) - minutes * 60000).toISOString(), TL: `${minutes}m`,
      W0: `${pick(rng, WORDS)} ${pick(rng, WORDS)} ${pick(rng, WORDS)}`, W1: pick(rng, WORDS), W2: pick(rng, WORDS),
      W3: `${pick(rng, WORDS)} ${pick(rng, WORDS)}`,
      C0: String(Math.floor(rng() * 90)), C1: String(Math.floor(rng() * 400)), C2: String(Math.floor(rng() * 2000)),
      C3: `${(rng() * 90).toFixed(1)}K`,
    };
    const html = templates[`${+social}${+reply}${+quote}${mentions}${+promoted}`].replace(/\{\{(\w+)\}\}/g, (_, k) => v[k]);
    const expected = [];
    const want = (placement, acc) => { if (acc.official) expected.push(`${placement}|${acc.handle.toLowerCase()}`); };
    want('tweet-author', A);
    if (social) want('retweeter', R);
    if (reply) want('reply-to', P);
    if (quote) want('quote-author', Q);
    if (mentions >= 1) want('mention', M0);
    if (mentions >= 2) want('mention', M1);
    // The accounts the post shows, author first, as X's response for it describes them (see x-traffic.mjs).
    const accounts = [A, ...(quote ? [Q] : []), ...(social ? [R] : []), ...(reply ? [P] : []), ...(mentions >= 1 ? [M0] : []), ...(mentions >= 2 ? [M1] : [])];
    return { html, expected, accounts: accounts.map((a) => [a.handle, a.name]) };
  }

  /**
   * X's client fetching pages of its timeline (GraphQL, through the page's own fetch, parsed as X parses it) ahead
   * of rendering their posts, as X does while one scrolls: `graphql.ahead` pages are asked for before the scroll
   * starts, then one more each time a page's first post is inserted, without waiting, so the scroll keeps its pace.
   * `graphql` is { path, pagePosts, ahead }, or null for a page that fetches nothing.
   */
  let fetchedUpTo = 0;
  function fetchPage(total) {
    const start = fetchedUpTo;
    if (!graphql || start >= total) return Promise.resolve();
    const n = Math.min(graphql.pagePosts, total - start);
    const posts = [];
    for (let k = 0; k < n; k++) posts.push(post(start + k).accounts);
    fetchedUpTo = start + n;
    const variables = encodeURIComponent(JSON.stringify({ start, count: n, posts }));
    return fetch(`${graphql.path}?variables=${variables}`).then((r) => r.json()).catch(() => null);
  }

  const cellOf = new WeakMap(); // cell element -> post index
  const insertedAt = [];
  const pageDoneAt = [];
  const insertedFrame = [];
  const expectedKeys = new Set();
  const placed = new Map(); // "i|placement|handle" -> { ms, frames }
  let insertions = 0; // every badge host inserted (re-insertions included)
  let warnings = 0;
  let naiveSpans = 0;
  let frame = 0;
  let ticking = false;
  const nextFrameAt = []; // per post: when the first animation frame after its insertion started
  let waiting = [];
  /** The raf shape counts frames in its own insert callbacks while it inserts (see run). */
  let countByTick = true;
  const tick = () => {
    if (countByTick) frame++;
    const now = performance.now();
    for (const i of waiting) nextFrameAt[i] = now;
    waiting = [];
    if (ticking) requestAnimationFrame(tick);
  };

  const badgeObserver = new MutationObserver((records) => {
    const now = performance.now();
    for (const m of records) for (const node of m.addedNodes) {
      if (node.nodeType !== 1) continue;
      const isHost = node.localName === 'attache-badge';
      const isNaive = !isHost && node.localName === 'span' && node.classList.contains('bench-naive-badge');
      if (!isHost && !isNaive) continue;
      insertions++;
      if (isHost && node.hasAttribute('data-attache-warning')) { warnings++; continue; }
      const c = node.closest('[data-testid="cellInnerDiv"]');
      const i = c ? cellOf.get(c) : undefined;
      if (i === undefined) continue;
      const placement = node.getAttribute(isHost ? 'data-attache-placement' : 'data-placement');
      const handle = isHost ? node.getAttribute('data-attache-handle') : node.getAttribute('data-handle');
      if (isNaive) naiveSpans++;
      const key = `${i}|${placement}|${handle}`;
      if (!placed.has(key)) placed.set(key, { ms: now - insertedAt[i], frames: frame - insertedFrame[i] });
    }
  });

  function list() {
    return document.querySelector('section[role="region"] div[aria-label^="Timeline:"] > div');
  }

  /**
   * Scrolls through `total` posts, `batch` at a time every `intervalMs`, keeping at most `window` cells mounted.
   * `shape: 'raf'` is X's virtualised list as it behaves on a fast scroll: `batch` posts inserted from each
   * requestAnimationFrame callback, the page reading layout after each insert (every cell's height), `window` cells
   * kept; there a badge's latency in frames is 0 when it is painted in the frame its post is.
   */
  async function run({ total, batch, intervalMs, window: keep, settleMs, shape = 'timer' }) {
    const container = list();
    badgeObserver.observe(document.documentElement, { childList: true, subtree: true });
    ticking = true;
    requestAnimationFrame(tick);
    const tpl = document.createElement('template');
    performance.mark('bench-start');
    const wall0 = performance.now();
    const raf = shape === 'raf';
    countByTick = !raf;
    let layoutSum = 0;
    fetchedUpTo = 0;
    if (graphql) await Promise.all(Array.from({ length: graphql.ahead }, () => fetchPage(total)));
    for (let start = 0; start < total; start += batch) {
      if (graphql && start % graphql.pagePosts === 0) void fetchPage(total);
      if (raf) {
        // Inside the frame callback itself: the post must be badged before this frame paints.
        await new Promise((r) => requestAnimationFrame(() => { frame++; r(); }));
      } else await new Promise((r) => setTimeout(r, intervalMs));
      const n = Math.min(batch, total - start);
      let html = '';
      const posts = [];
      for (let k = 0; k < n; k++) {
        const p = post(start + k);
        posts.push(p);
        html += `<div data-testid="cellInnerDiv" style="transform: translateY(0px); position: absolute; width: 100%;"><div class="css-175oi2r"><div class="css-175oi2r">${p.html}</div></div></div>`;
      }
      tpl.innerHTML = html;
      const cells = [...tpl.content.children];
      cells.forEach((c, k) => cellOf.set(c, start + k));
      container.append(...cells);
      const now = performance.now();
      for (let k = 0; k < n; k++) {
        insertedAt[start + k] = now;
        insertedFrame[start + k] = frame;
        waiting.push(start + k);
        for (const key of posts[k].expected) expectedKeys.add(`${start + k}|${key}`);
      }
      // X's list is virtualised: cells far above the viewport are unmounted.
      while (container.children.length > keep) container.firstElementChild.remove();
      if (raf) {
        // The virtualised list measures what it inserted (a forced layout) and positions the cells.
        for (const c of cells) layoutSum += c.getBoundingClientRect().height;
      }
      document.scrollingElement.scrollTop = document.scrollingElement.scrollHeight;
      // The page's own synchronous work after the insertion (removing cells, reading the height, scrolling) ends here:
      // an annotator that works right after the page's task cannot place a badge earlier than this.
      const done = performance.now();
      for (let k = 0; k < n; k++) pageDoneAt[start + k] = done;
    }
    countByTick = true;
    await new Promise((r) => setTimeout(r, settleMs));
    ticking = false;
    badgeObserver.disconnect();
    const wallMs = performance.now() - wall0;
    // Badges placed vs expected, per placement (keys are post|placement|handle).
    const perPlacement = {};
    const row = (p) => (perPlacement[p] ??= { expected: 0, placed: 0, missing: 0, unexpected: 0 });
    const ms = [];
    const frames = [];
    const frameWait = [];
    const afterPage = [];
    for (const key of expectedKeys) {
      const p = key.split('|')[1];
      row(p).expected++;
      const hit = placed.get(key);
      if (hit) {
        row(p).placed++;
        if (p === 'tweet-author') {
          ms.push(hit.ms);
          frames.push(hit.frames);
          const i = Number(key.split('|')[0]);
          frameWait.push(nextFrameAt[i] - insertedAt[i]);
          afterPage.push(hit.ms - (pageDoneAt[i] - insertedAt[i]));
        }
      } else row(p).missing++;
    }
    for (const key of placed.keys()) if (!expectedKeys.has(key)) row(key.split('|')[1]).unexpected++;
    return { wallMs, perPlacement, latencyMs: ms, latencyFrames: frames, frameWaitMs: frameWait, afterPageMs: afterPage, insertions, warnings, naiveSpans, uniquePlaced: placed.size, layoutSum };
  }

  window.__bench = { run, post };
}

/** The whole /home document: X-like chrome (nav, header, sidebar) around an empty virtualised timeline. */
export function timelinePage({ officials, seed = 20260701, graphql = null }) {
  const config = { templates: templates(), officials: officials.map((a) => [a.handle, a.name]), seed, graphql };
  const primary = homeHeader('en')
    + timeline({ id: 'accessible-list-0', heading: 'Your Home Timeline', aria: 'Timeline: Your Home Timeline' }, []);
  const side = sidebar([sidebarBox('Who to follow', [userCell('jane_reader'), userCell('mapsandmore')])]);
  return page({
    title: 'Home / X',
    primary,
    sidebar: side,
    scripts: [`(${benchRuntime.toString()})(${JSON.stringify(config)});`],
    comment: 'Benchmark timeline (scripts/bench).',
  });
}

export { NONCE };
