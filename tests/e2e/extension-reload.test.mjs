// Extension update or reload while an X tab stays open, in Chromium and Firefox ESR (drivers.mjs). The browsers
// differ, and each way is tested:
// - Chromium keeps the old content script running without its extension and injects no new copy into open tabs (in
//   this headless setting a reloaded command-line extension does not come back at all): the old copy must notice,
//   take its badges down and stop, throwing nothing into the page. A fresh copy on a later load is covered by the
//   shutdown-signal tests.
// - Firefox unloads the old copy silently (its nodes stay in the page) and injects the reloaded add-on's copy into
//   the open tab: the page must end up with exactly one copy's badges, working cards, and badges on new posts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, launch, waitForAttache, count, pageStats } from './drivers.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const name of BROWSERS) {
  describe(`extension reload with X open in ${name}`, () => {
    let session;
    before(async () => {
      session = await launch(name);
    });
    after(async () => {
      await session?.close();
    });

    it(name === 'chromium' ? 'stops the orphaned content script cleanly' : 'replaces the old copy\'s badges with the new copy\'s, once', async () => {
      const page = await session.newPage();
      await page.goto('https://x.com/AmbLiuXiaoMing?spa=1');
      await waitForAttache(page);
      await page.waitFor('attache-badge[data-attache-placement="profile"]');
      await sleep(300);
      const before = await count(page, 'attache-badge');
      assert.ok(before > 1);
      // Mark the old copy's badges (an attribute the extension never reads) to tell them from a new copy's.
      await page.evaluate(() => document.querySelectorAll('attache-badge').forEach((b) => b.setAttribute('data-test-old', '')));

      // Reload the extension from its own options page, as an update would.
      const options = await session.extensionPage('src/options/index.html');
      await options.evaluate(() => {
        setTimeout(() => (globalThis.browser ?? chrome).runtime.reload(), 50);
      }).catch(() => undefined);
      await sleep(1500);

      if (name === 'chromium') {
        // The orphaned copy notices at the next in-app navigation and takes its badges down.
        await page.evaluate(() => window.__fixture.navigate('/ChineseEmbinUK'));
        await page.waitUntil(() => document.querySelectorAll('attache-badge').length === 0);
        assert.deepEqual(page.consoleErrors, [], 'nothing thrown into the page');
        // Nothing of the old copy reacts any more: new posts get no badge, and no stray host or card appears.
        await page.evaluate(() => window.__fixture.appendPosts(5, ['AmbLiuXiaoMing']));
        await sleep(500);
        assert.equal(await count(page, 'attache-badge, attache-card, attache-notice'), 0);
      } else {
        // The new copy takes the old copy's badges down and draws its own: the same ones, once.
        await page.waitUntil(() => !document.querySelector('[data-test-old]') && !!document.querySelector('attache-badge[data-attache-placement="profile"]'));
        await sleep(500);
        assert.equal(await count(page, 'attache-badge[data-attache-placement="profile"]'), 1);
        assert.equal(await count(page, 'attache-badge'), before);
        // It works: a card opens, new posts get badges, and the popup hears from exactly one copy in the tab.
        await page.click('attache-badge[data-attache-placement="profile"]', 'button');
        await page.waitFor('attache-card[data-attache-card="liu-xiaoming"]');
        assert.equal(await count(page, 'attache-card'), 1);
        // The card takes the focus once drawn; Escape then closes it.
        await page.waitUntil(() => document.activeElement?.localName === 'attache-card');
        await page.press('Escape');
        await page.waitFor('attache-card', { gone: true });
        await page.evaluate(() => window.__fixture.appendPosts(5, ['AmbLiuXiaoMing']));
        await page.waitUntil((n) => document.querySelectorAll('attache-badge').length >= n + 5, before);
        const popup = await session.extensionPage('src/popup/index.html');
        const stats = await pageStats(popup);
        assert.equal(stats.error, undefined, stats.error);
        // Its count is of accounts (and lookalike warnings), not of badges.
        const accounts = await page.evaluate(() =>
          new Set([...document.querySelectorAll('attache-badge')].map((h) =>
            h.hasAttribute('data-attache-warning') ? `${h.getAttribute('data-attache-warning')}:${h.getAttribute('data-attache-handle')}` : h.getAttribute('data-attache-account'),
          )).size,
        );
        assert.equal(stats.total, accounts);
        await popup.close();
        assert.deepEqual(page.consoleErrors, [], 'nothing thrown into the page');
      }
      await page.close();
    });
  });
}
