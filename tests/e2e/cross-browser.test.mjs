// The core of the end-to-end suite, run in Chromium and in Firefox ESR through one harness (drivers.mjs): the walking
// skeleton, every placement on every fixture page, the card (open, keyboard, close), a layer switch from the popup,
// and privacy (the extension makes no request of its own).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BROWSERS, launch, waitForAttache, badgeHosts } from './drivers.mjs';
import { expected, routes } from '../fixtures/x/index.mjs';

const fixture = expected();
const LOOKALIKE_PLACEMENTS = new Set(['tweet-author', 'user-cell', 'hover-card', 'profile']);

function datasetHandles() {
  const handles = new Set();
  const dir = join('dataset', 'accounts');
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const doc = parse(readFileSync(join(dir, file), 'utf8'));
    const accounts = Array.isArray(doc) ? doc : doc?.accounts ?? [];
    for (const a of accounts) {
      if (a?.handle) handles.add(String(a.handle).toLowerCase());
      for (const f of a?.formerHandles ?? []) handles.add(String(f).toLowerCase());
    }
  }
  return handles;
}
const IN_DATASET = datasetHandles();
const key = (placement, handle) => `${placement} @${handle.toLowerCase()}`;
const expectedOfficial = (file) =>
  fixture.pages[file].official.filter((e) => IN_DATASET.has(e.handle.toLowerCase())).map((e) => key(e.placement, e.handle)).sort();
const expectedWarnings = (file) =>
  fixture.pages[file].lookalikes
    .filter((e) => LOOKALIKE_PLACEMENTS.has(e.placement) && IN_DATASET.has(fixture.lookalikes[e.handle].toLowerCase()))
    .map((e) => `${key(e.placement, e.handle)} ~@${fixture.lookalikes[e.handle].toLowerCase()}`)
    .sort();

async function readings(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('attache-badge')];
    const k = (h) => `${h.getAttribute('data-attache-placement')} @${h.getAttribute('data-attache-handle')}`;
    return {
      official: all.filter((h) => !h.hasAttribute('data-attache-warning')).map(k).sort(),
      warnings: all.filter((h) => h.hasAttribute('data-attache-warning')).map((h) => `${k(h)} ~@${h.getAttribute('data-attache-resembles')}`).sort(),
    };
  });
}

/** Waits until the page's badges stop changing (two equal readings 150 ms apart). */
export async function settled(page) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = JSON.stringify(await readings(page));
    if (now === last) return;
    last = now;
    await new Promise((r) => setTimeout(r, 150));
  }
}

const cardText = (page) => page.evaluate(() => document.querySelector('attache-card')?.shadowRoot?.querySelector('.card')?.textContent ?? null);

for (const name of BROWSERS) {
  describe(`core suite in ${name}`, () => {
    let session;
    before(async () => {
      session = await launch(name);
    });
    after(async () => {
      await session?.close();
    });

    it('walking skeleton: @AmbLiuXiaoMing is badged on his profile header with his account and label', async () => {
      const page = await session.newPage();
      await page.goto('https://x.com/AmbLiuXiaoMing');
      await waitForAttache(page);
      await page.waitFor('attache-badge[data-attache-placement="profile"]');
      const profile = (await badgeHosts(page)).find((b) => b.placement === 'profile');
      assert.equal(profile.handle, 'ambliuxiaoming');
      assert.equal(profile.account, 'liu-xiaoming');
      assert.match(profile.label, /^Diplomat · China/);
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });

    for (const [file, want] of Object.entries(fixture.pages)) {
      it(`every placement: ${file} has exactly the expected badges and lookalike warnings`, async () => {
        const page = await session.newPage();
        await page.goto(want.url);
        await waitForAttache(page);
        await settled(page);
        const found = await readings(page);
        assert.deepEqual(found.official, expectedOfficial(file));
        assert.deepEqual(found.warnings, expectedWarnings(file));
        assert.deepEqual(page.consoleErrors, []);
        await page.close();
      });
    }

    it('the card opens from the keyboard, keeps keys from the page, closes with Escape and returns focus', async () => {
      const page = await session.newPage();
      await page.goto('https://x.com/AmbLiuXiaoMing');
      await waitForAttache(page);
      const host = 'attache-badge[data-attache-placement="profile"]';
      await page.waitFor(host);
      await page.focus(host, 'button');
      await page.press('Enter');
      await page.waitFor('attache-card[data-attache-card="liu-xiaoming"]');
      const text = await cardText(page);
      for (const want of ['Liu Xiaoming', '@AmbLiuXiaoMing', 'Diplomat', 'China', 'Disputed as of Sep 11, 2020']) {
        assert.ok(text.includes(want), `card shows "${want}"`);
      }
      const state = () =>
        page.evaluate((h) => ({
          // A badge's button is in the page's DOM: focus is on it; the card's host stands for its shadow root.
          active: document.activeElement?.closest('attache-badge') ? `attache-badge ${document.activeElement.localName}` : document.activeElement?.localName,
          activePlacement: document.activeElement?.closest('attache-badge')?.getAttribute('data-attache-placement') ?? null,
          expanded: document.querySelector(h).querySelector('button').getAttribute('aria-expanded'),
        }), host);
      assert.deepEqual(await state(), { active: 'attache-card', activePlacement: null, expanded: 'true' });
      await page.evaluate(() => {
        window.__keys = [];
        document.addEventListener('keydown', (e) => window.__keys.push(e.key));
      });
      await page.press('j');
      assert.deepEqual(await page.evaluate(() => window.__keys), [], 'keys typed in the card do not reach the page');
      await page.press('Escape');
      await page.waitFor('attache-card', { gone: true });
      assert.deepEqual(await state(), { active: 'attache-badge button', activePlacement: 'profile', expanded: 'false' });
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });

    it('a click on a badge in a post opens the card, not the post; a click outside closes it', async () => {
      const page = await session.newPage();
      await page.goto('https://x.com/AmbLiuXiaoMing');
      await waitForAttache(page);
      const url = page.url();
      await page.waitFor('article attache-badge[data-attache-placement="tweet-author"]');
      await page.click('article attache-badge[data-attache-placement="tweet-author"]', 'button');
      await page.waitFor('attache-card');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(page.url(), url, 'the post underneath did not open');
      await page.clickAt(5, 890);
      await page.waitFor('attache-card', { gone: true });
      await page.close();
    });

    it('a layer switch in the popup removes and restores its badges in the open X tab', async () => {
      const tab = await session.newPage();
      await tab.goto('https://x.com/home');
      await waitForAttache(tab);
      await settled(tab);
      const all = await badgeHosts(tab);
      // A layer whose switch removes some badges but not all: the diplomats' layer, if the page has one.
      const layer = all.flatMap((h) => h.layers).find((l) => l !== 'mentions' && l !== 'lookalikes');
      assert.ok(layer, 'the home page has badges of a built-in layer');
      const remaining = all.filter((h) => h.layers.some((l) => l !== layer && l !== 'mentions')).length;
      assert.ok(remaining < all.length, `switching ${layer} off removes badges`);
      const popup = await session.extensionPage('src/popup/index.html');
      const toggle = `button[role="switch"][data-attache-layer="${layer}"]`;
      // The popup is ready once it has asked the X tab for its counts (a click before that may be lost to the re-render).
      await popup.waitFor('[data-attache-total]');
      await popup.click(toggle);
      await popup.waitFor(`${toggle}[aria-checked="false"]`);
      await tab.waitUntil(([n]) => document.querySelectorAll('attache-badge').length === n, [remaining]);
      await popup.click(toggle);
      await popup.waitFor(`${toggle}[aria-checked="true"]`);
      await tab.waitUntil(([n]) => document.querySelectorAll('attache-badge').length === n, [all.length]);
      assert.deepEqual(tab.consoleErrors, []);
      assert.deepEqual(popup.consoleErrors, []);
      await popup.close();
      await tab.close();
    });

    it('privacy: browsing every fixture page, opening cards and the popup makes no request but the test\'s own', async () => {
      const page = await session.newPage();
      const opened = new Set();
      for (const route of routes) {
        opened.add(route.url);
        await page.goto(route.url);
        await waitForAttache(page);
        const hasBadge = await page.evaluate(() => !!document.querySelector('attache-badge'));
        if (hasBadge) {
          await page.click('attache-badge', 'button');
          await page.waitFor('attache-card');
          await page.press('Escape');
        }
      }
      const popup = await session.extensionPage('src/popup/index.html');
      await popup.waitFor('#attache-enabled');
      await popup.click('#attache-enabled');
      await popup.click('#attache-enabled');
      await new Promise((r) => setTimeout(r, 500));
      const foreign = [...page.requests, ...popup.requests].filter((r) => {
        if (r.url.startsWith(`${session.extensionOrigin}/`)) return false; // its own files, not network
        // The packed index at Chrome's per-session address for it (use_dynamic_url): a file of the package too.
        if (/^chrome-extension:\/\/[0-9a-f-]{36}\/data\/index\.bin$/.test(r.url)) return false;
        if (r.navigation && opened.has(r.url.replace(/\/$/, ''))) return false; // the pages the test opened
        if (r.url === 'https://x.com/favicon.ico') return false; // the browser's own tab icon (Firefox), not the extension's
        return !/^(?:about|data|blob):/.test(r.url); // Firefox reports data: images as requests; they are not network
      });
      assert.deepEqual(foreign, [], 'requests not made by the test itself');
      assert.ok(page.requests.length >= routes.length, 'requests were being recorded');
      // Control: the recorder does see a request made from an X page.
      const before = page.requests.length;
      await page.evaluate(() => fetch('https://x.com/i/api/graphql/control/HomeTimeline').catch(() => undefined));
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(page.requests.slice(before).some((r) => r.url.includes('/control/HomeTimeline')), 'control request seen');
      await popup.close();
      await page.close();
    });
  });
}
