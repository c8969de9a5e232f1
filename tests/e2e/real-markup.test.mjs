// X as it really is: two pages of X's web app saved in November 2025 (tests/fixtures/real, see SOURCE.md there),
// served at their x.com URLs in Chromium and Firefox with a custom layer holding every account on the page.
// The expected placements are read from the markup here, by rules written out independently of src/content:
// authors from avatar containers, reposters from repost lines, quoted authors from quoted blocks, mentions from
// post-text links, user cells, the profile header.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BROWSERS, launch, waitForAttache, pageStats } from './drivers.mjs';

const REAL = new URL('../fixtures/real/', import.meta.url);
export const REAL_PAGES = [
  { file: 'home-timeline-2025-11.html', url: 'https://x.com/home' },
  { file: 'status-page-2025-11.html', url: 'https://x.com/badlogicgames/status/1991612272289161300' },
];
const LAYER_ID = 'real-pages';
/** The hook check waits this long after a load before it looks (src/content/hook-check.ts), plus a margin. */
const HOOK_SETTLE_MS = 6_500;

/**
 * Expected placements, computed in the page from the markup alone (run before or after Attaché: its own elements
 * are skipped). Returns `placement @handle` strings, one per place a badge belongs.
 */
function expectedFromMarkup() {
  const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
  const RESERVED = new Set(['home', 'explore', 'search', 'i', 'notifications', 'messages', 'settings', 'hashtag', 'compose', 'intent']);
  const out = [];
  const add = (placement, handle) => {
    if (handle && HANDLE.test(handle) && !RESERVED.has(handle.toLowerCase())) out.push(`${placement} @${handle.toLowerCase()}`);
  };
  const profileHref = (a) => {
    const m = /^\/([A-Za-z0-9_]{1,15})\/?$/.exec(a.getAttribute('href') ?? '');
    return m ? m[1] : null;
  };
  for (const article of document.querySelectorAll('article[data-testid="tweet"]')) {
    // A quoted post is a focusable div[role=link] inside the post (not a nested article).
    const quoted = [...article.querySelectorAll('div[role="link"][tabindex="0"]')].filter((q) => q.querySelector('[data-testid="User-Name"]'));
    const inQuote = (el) => quoted.some((q) => q.contains(el));
    // Author: the avatar container of the post itself.
    const avatar = [...article.querySelectorAll('[data-testid^="UserAvatar-Container-"]')].find((el) => !inQuote(el));
    if (avatar) add('tweet-author', avatar.getAttribute('data-testid').slice('UserAvatar-Container-'.length));
    // Reposter: the link around the social-context line ("Pinned" has no link).
    const context = article.querySelector('[data-testid="socialContext"]');
    const reposter = context?.closest('a[href]');
    if (reposter) add('retweeter', profileHref(reposter));
    // Quoted author: the "@handle" text in the quoted block's name line.
    for (const q of quoted) {
      const text = q.querySelector('[data-testid="User-Name"]').textContent;
      const m = /@([A-Za-z0-9_]{1,15})/.exec(text);
      if (m) add('quote-author', m[1]);
    }
    // Mentions: profile links whose text is "@handle" in the post text (quoted texts have no links).
    for (const a of article.querySelectorAll('[data-testid="tweetText"] a[href]')) {
      const handle = profileHref(a);
      if (handle && a.textContent.trim().toLowerCase() === `@${handle.toLowerCase()}`) add('mention', handle);
    }
  }
  // User cells: Who to follow, follow lists; the handle is the avatar container's.
  for (const cell of document.querySelectorAll('[data-testid="UserCell"]')) {
    const avatar = cell.querySelector('[data-testid^="UserAvatar-Container-"]');
    if (avatar) add('user-cell', avatar.getAttribute('data-testid').slice('UserAvatar-Container-'.length));
  }
  // The profile header: its owner is named by the JSON-LD profile schema.
  const header = document.querySelector('[data-testid="UserName"]');
  const schema = document.querySelector('script[data-testid="UserProfileSchema-test"]');
  if (header && schema) {
    try {
      add('profile', JSON.parse(schema.textContent).mainEntity?.additionalName);
    } catch {
      // an unreadable schema names no one
    }
  }
  return out.sort();
}

function found() {
  return [...document.querySelectorAll('attache-badge')].map((h) => `${h.getAttribute('data-attache-placement')} @${h.getAttribute('data-attache-handle')}`).sort();
}

/** The page with every post test id renamed, as if X had changed its markup. */
function drifted(html) {
  return html.replaceAll('data-testid="tweet"', 'data-testid="post-v2"');
}

async function settle(page) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = JSON.stringify(await page.evaluate(found));
    if (now === last && now !== '[]') return;
    last = now;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const html = Object.fromEntries(REAL_PAGES.map((p) => [p.file, readFileSync(new URL(p.file, REAL), 'utf8')]));
const DRIFT_URL = 'https://x.com/home?drifted=1';

for (const name of BROWSERS) {
  describe(`real X markup in ${name}`, () => {
    let session;
    let options;
    const expected = {};
    before(async () => {
      const pages = Object.fromEntries(REAL_PAGES.map((p) => [p.url, html[p.file]]));
      pages['https://x.com/home?drifted=1'] = drifted(html['home-timeline-2025-11.html']);
      session = await launch(name, { pages });
      // Expected placements first (no layer yet, so the accounts are not yet known to Attaché).
      for (const p of REAL_PAGES) {
        const page = await session.newPage();
        await page.goto(p.url);
        expected[p.file] = await page.evaluate(expectedFromMarkup);
        await page.close();
      }
      // One custom layer with every account on both pages, written in the store's format.
      const handles = [...new Set(Object.values(expected).flat().map((k) => k.split(' @')[1]))].sort();
      options = await session.extensionPage('src/options/index.html');
      await options.evaluate(async ({ id, handles }) => {
        const api = globalThis.browser ?? globalThis.chrome;
        await api.storage.local.set({
          [`customLayer:${id}`]: handles.map((h) => [h, '', 'Real page account']),
          customLayers: { version: 1, layers: [{ id, name: 'Real pages', colour: '#1d6b45', enabled: true, created: '2025-11-20T00:00:00.000Z', count: handles.length }] },
        });
      }, { id: LAYER_ID, handles });
    });
    after(async () => {
      await session?.close();
    });

    for (const p of REAL_PAGES) {
      it(`${p.file}: every expected placement badged once, nothing else; no console error, no drift warning`, async (t) => {
        assert.ok(expected[p.file].length > 0, 'the page has accounts to badge');
        const page = await session.newPage();
        t.after(() => page.close().catch(() => undefined));
        const t0 = Date.now();
        await page.goto(p.url);
        await waitForAttache(page);
        await settle(page);
        const got = await page.evaluate(found);
        console.log(`# ${name} ${p.file}: ${summary(expected[p.file], got)}`);
        assert.deepEqual(got, expected[p.file]);
        // The hook check runs once the page has settled; on X as it is, it must find every hook.
        await new Promise((r) => setTimeout(r, Math.max(0, HOOK_SETTLE_MS - (Date.now() - t0))));
        const stats = await pageStats(options);
        assert.deepEqual(stats.missingHooks, [], `no layout-drift warning: ${JSON.stringify(stats)}`);
        assert.equal(stats.errors, 0, 'no errors counted by the content script');
        assert.deepEqual(page.consoleErrors, []);
        // The card opens from a badge in each kind of placement on the page, from the keyboard. Control Panel for
        // Twitter was running when the page was saved and hid some posts (class HiddenTweet) and the Who-to-follow
        // module with CSS: undo that. (Unhidden, X's absolutely positioned timeline cells overlap, so no mouse here.)
        await page.evaluate(() => {
          for (const badge of document.querySelectorAll('attache-badge')) {
            for (let e = badge.parentElement; e; e = e.parentElement) if (getComputedStyle(e).display === 'none') e.style.setProperty('display', 'flex', 'important');
          }
        });
        for (const placement of new Set(got.map((k) => k.split(' ')[0]))) {
          const host = `attache-badge[data-attache-placement="${placement}"]`;
          await page.focus(host, 'button');
          await page.press('Enter');
          await page.waitFor('attache-card').catch((error) => {
            throw new Error(`${placement}: no card after a click on its badge (${error.message})`);
          });
          const text = await page.evaluate(() => document.querySelector('attache-card').shadowRoot.textContent);
          assert.ok(text.includes('Real pages'), `${placement}: the card names the custom layer`);
          await page.press('Escape');
          await page.waitFor('attache-card', { gone: true });
        }
        assert.deepEqual(page.consoleErrors, []);
      });
    }

    it('the layout-drift self-check fires on a copy of the home page with the post test ids renamed', async (t) => {
      const page = await session.newPage();
      t.after(() => page.close().catch(() => undefined));
      await page.goto(DRIFT_URL);
      await waitForAttache(page);
      await new Promise((r) => setTimeout(r, HOOK_SETTLE_MS));
      const stats = await pageStats(options);
      assert.deepEqual(stats.missingHooks, ['article[data-testid="tweet"]'], JSON.stringify(stats));
    });
  });
}

function summary(want, got) {
  const count = (list) => list.reduce((m, k) => ((m[k.split(' ')[0]] = (m[k.split(' ')[0]] ?? 0) + 1), m), {});
  const w = count(want);
  const g = count(got);
  return [...new Set([...Object.keys(w), ...Object.keys(g)])].sort().map((k) => `${k} ${w[k] ?? 0}/${g[k] ?? 0}`).join(', ') + ' (expected/found)';
}
