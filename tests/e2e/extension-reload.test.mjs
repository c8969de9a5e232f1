// Extension update or reload while an X tab stays open: the old content script loses its extension context and
// stops cleanly (its badges go, nothing throws into the page, nothing is left behind). Chromium does not inject the
// reloaded extension into tabs that are already open, and in this headless setting a reloaded command-line extension
// does not come back at all, so a fresh copy on a later load is covered by the shutdown-signal tests instead.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, waitForAttache, openExtensionPage } from './harness.mjs';

describe('extension reload with X open', () => {
  let session;
  before(async () => {
    session = await startBrowser();
  });
  after(async () => {
    await session?.close();
  });

  it('stops the orphaned content script cleanly', async () => {
    const page = await session.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('https://x.com/AmbLiuXiaoMing?spa=1');
    await waitForAttache(page);
    await page.waitForSelector('attache-badge');
    const before = await page.$$eval('attache-badge', (b) => b.length);

    // Reload the extension from its own options page, as an update would.
    const options = await openExtensionPage(session.context, session.extensionId, 'src/options/index.html');
    await options.evaluate(() => {
      setTimeout(() => chrome.runtime.reload(), 50);
    }).catch(() => undefined);
    await page.waitForTimeout(1500);

    // The orphaned copy notices at the next in-app navigation and takes its badges down.
    await page.evaluate(() => window.__fixture.navigate('/ChineseEmbinUK'));
    await page.waitForFunction(() => document.querySelectorAll('attache-badge').length === 0, null, { timeout: 10_000 });
    assert.deepEqual(errors, [], 'nothing thrown into the page');

    // Nothing of the old copy reacts any more: new posts get no badge, and no stray host or card appears.
    await page.evaluate(() => window.__fixture.appendPosts(5, ['AmbLiuXiaoMing']));
    await page.waitForTimeout(500);
    assert.equal(await page.$$eval('attache-badge, attache-card, attache-notice', (b) => b.length), 0);
    assert.ok(before > 0);
    await page.close();
  });
});
