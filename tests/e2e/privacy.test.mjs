// Privacy: during a whole browsing session on the fixtures (every page, cards, popup, options, switches), the only
// requests are the pages the test itself opens, and Attaché's reads of its own package's files (chrome-extension://
// addresses, which the browser serves from the installed extension: no network). Attaché makes no request of its own
// to any network.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startBrowser, waitForAttache, openExtensionPage } from './harness.mjs';
import { routes } from '../fixtures/x/index.mjs';

describe('privacy', () => {
  let session;
  const requests = [];
  const navigations = new Set();
  before(async () => {
    session = await startBrowser();
    const record = (request) => requests.push({ url: request.url(), type: request.resourceType(), frame: safeFrameUrl(request) });
    session.context.on('request', record);
    for (const worker of session.context.serviceWorkers()) worker.on('request', record);
    session.context.on('serviceworker', (worker) => worker.on?.('request', record));
  });
  after(async () => {
    await session?.close();
  });

  it('makes no network requests of its own while browsing, opening cards and using its pages', async () => {
    const page = await session.context.newPage();
    for (const route of routes) {
      navigations.add(route.url);
      await page.goto(route.url);
      await waitForAttache(page);
      const badge = page.locator('attache-badge button').first();
      if (await badge.count()) {
        await badge.click();
        await page.locator('attache-card').waitFor();
        await page.keyboard.press('Escape');
      }
    }
    const popup = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
    await popup.locator('#attache-enabled').click();
    await popup.locator('#attache-enabled').click();
    const options = await openExtensionPage(session.context, session.extensionId, 'src/options/index.html');
    await options.getByRole('switch').first().waitFor();
    await page.waitForTimeout(500);

    const foreign = requests.filter((r) => {
      if (r.url.startsWith(`chrome-extension://${session.extensionId}/`)) return false; // its own files, not network
      // The packed index, at the per-session address Chrome gives it (use_dynamic_url), from the package too.
      if (ownDynamicUrl(r.url)) return false;
      if (r.type === 'document' && navigations.has(r.url.replace(/\/$/, ''))) return false; // pages the test opened
      return true;
    });
    assert.deepEqual(foreign, [], 'requests not made by the test itself');
    assert.ok(requests.length >= routes.length, 'requests were being recorded');
    // The content script read the packed index on every X page, from the package: the recorder sees those reads.
    assert.ok(requests.filter((r) => ownDynamicUrl(r.url)).length >= routes.length, 'the packed index was read from the package');
  });

  it('the recorder does see requests made from an X page (control)', async () => {
    const page = await session.context.newPage();
    await page.goto('https://x.com/home');
    const before = requests.length;
    await page.evaluate(() => fetch('https://x.com/i/api/graphql/control/HomeTimeline').catch(() => undefined));
    await page.waitForTimeout(200);
    assert.ok(requests.slice(before).some((r) => r.url.includes('/control/HomeTimeline')));
    await page.close();
  });

  it('a page cannot switch Attaché off by forging its shutdown signal', async () => {
    const page = await session.context.newPage();
    await page.goto('https://x.com/AmbLiuXiaoMing');
    await waitForAttache(page);
    await page.waitForSelector('attache-badge');
    const before = await page.$$eval('attache-badge', (b) => b.length);
    await page.evaluate(() => document.documentElement.dispatchEvent(new CustomEvent('attache:shutdown')));
    await page.waitForTimeout(300);
    assert.equal(await page.$$eval('attache-badge', (b) => b.length), before);
    // And it still follows the page afterwards.
    await page.evaluate(() => document.querySelector('[data-testid="cellInnerDiv"]')?.remove());
    await page.waitForTimeout(200);
    assert.ok((await page.$$eval('attache-badge', (b) => b.length)) > 0);
    await page.close();
  });

  it('the content script has one network API call, a fetch of its own package\'s file, and no other', () => {
    const manifest = JSON.parse(readFileSync('dist/chrome/manifest.json', 'utf8'));
    for (const file of manifest.content_scripts.filter((c) => c.world !== 'MAIN').flatMap((c) => c.js)) {
      const code = readFileSync(join('dist/chrome', file), 'utf8');
      // src/platform/own-file.ts: the address comes from runtime.getURL and is checked to be the package's.
      assert.equal(code.split('fetch(').length - 1, 1, `${file}: one fetch( call`);
      assert.ok(code.includes('is not in the package') && code.includes('getURL('), `${file}: the fetch is readOwnFile's`);
      for (const api of ['XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource', 'importScripts', 'eval(', 'new Function']) {
        assert.ok(!code.includes(api), `${file} mentions ${api}`);
      }
    }
  });

  it('an X page cannot load the packed index at the extension\'s fixed address', async () => {
    const page = await session.context.newPage();
    await page.goto('https://x.com/home');
    await waitForAttache(page);
    const result = await page.evaluate((url) => fetch(url).then((r) => `status ${r.status}`, (e) => `refused: ${e.name}`), `chrome-extension://${session.extensionId}/data/index.bin`);
    assert.match(result, /^refused/);
    await page.close();
  });

  it('the page-world reader only wraps X\'s fetch and XMLHttpRequest: it opens, sends and evaluates nothing itself', () => {
    const manifest = JSON.parse(readFileSync('dist/chrome/manifest.json', 'utf8'));
    const main = manifest.content_scripts.filter((c) => c.world === 'MAIN').flatMap((c) => c.js);
    assert.equal(main.length, 1, 'one page-world script');
    const code = readFileSync(join('dist/chrome', main[0]), 'utf8');
    // The original fetch is only ever applied to X's own arguments (`.apply(this, args)`), never called with ours.
    assert.ok(!/fetch\(/.test(code), 'no fetch( call of its own');
    for (const api of ['new XMLHttpRequest', '.send(', 'sendBeacon', 'WebSocket', 'EventSource', 'importScripts', 'eval(', 'new Function', 'chrome.', 'browser.', 'localStorage', 'indexedDB']) {
      assert.ok(!code.includes(api), `${main[0]} mentions ${api}`);
    }
  });

  it('the manifest asks for storage only, on X only, and exposes only the packed index, to X only', () => {
    for (const target of readdirSync('dist')) {
      const manifest = JSON.parse(readFileSync(join('dist', target, 'manifest.json'), 'utf8'));
      assert.deepEqual(manifest.permissions, ['storage'], target);
      assert.equal(manifest.host_permissions, undefined, target);
      assert.equal(manifest.optional_permissions, undefined, target);
      const matches = manifest.content_scripts.flatMap((c) => c.matches);
      assert.deepEqual(new Set(matches), new Set(['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*', 'https://mobile.x.com/*']));
      assert.equal(manifest.web_accessible_resources.length, 1, target);
      const [war] = manifest.web_accessible_resources;
      assert.deepEqual(war.resources, ['data/index.bin'], target);
      assert.deepEqual(new Set(war.matches), new Set(matches), target);
      // Chrome: loadable only at an address that changes every session, so no page can probe a fixed one.
      if (target === 'chrome') assert.equal(war.use_dynamic_url, true);
      assert.match(manifest.content_security_policy.extension_pages, /script-src 'self'; object-src 'none'/);
    }
  });
});

/** The packed index at a per-session extension address: chrome-extension://<uuid>/data/index.bin. */
function ownDynamicUrl(url) {
  return /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/data\/index\.bin$/.test(url);
}

function safeFrameUrl(request) {
  try {
    return request.frame()?.url() ?? '';
  } catch {
    return '';
  }
}
