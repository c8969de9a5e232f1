// Identity by numeric X id in Chromium and in Firefox ESR, through the one harness (drivers.mjs): the page-world
// reader (a MAIN-world content script) hears X's GraphQL responses, fetched by the page and served by request
// interception, and the badges follow the id — none yet (by handle), confirmed, recycled (warning, no official
// badge), renamed; the popup's line on X's page data in both states; the x-government layer switched on in the popup.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BROWSERS, launch, waitForAttache } from './drivers.mjs';
import { fixtureHtml } from '../fixtures/x/index.mjs';
import { FIXTURES, timeline, user } from '../fixtures/page-world/index.mjs';

const SHOTS = 'test-results';
const RENAMED_URL = 'https://x.com/renamed';
const renamedHtml = fixtureHtml('home.html').replace(/MFA_China(?![A-Za-z0-9_])/g, 'MFAChinaNew');
const RESPONSES = {
  ...FIXTURES,
  // newsfan_42: a fictional fixture account outside the dataset (fictional id), marked government here.
  outsiderHome: timeline([user({ id: '9000000000000000002', handle: 'newsfan_42', verified: 'Government', label: 'Government of Nowhere' })]),
};

/** X's GraphQL API as the fixtures answer it: `/i/api/graphql/<query id>/<name>` gets RESPONSES[name]. */
function api(url) {
  const m = /^https:\/\/x\.com\/i\/api\/graphql\/[^/]+\/([A-Za-z]+)/.exec(url);
  if (!m) return null;
  return { status: 200, contentType: 'application/json', body: JSON.stringify(RESPONSES[m[1]] ?? FIXTURES.missing) };
}

/** The page's own client asking X's API, by fetch or by XMLHttpRequest. */
function xRequest(page, name, via = 'fetch') {
  return page.evaluate(
    ([name, via]) =>
      via === 'fetch'
        ? fetch(`/i/api/graphql/q1/${name}`).then((r) => r.json()).then(() => 200)
        : new Promise((resolve) => {
            const xhr = new XMLHttpRequest();
            xhr.open('GET', `/i/api/graphql/q1/${name}`);
            xhr.onload = () => resolve(xhr.status);
            xhr.send();
          }),
    [name, via],
  );
}

/** Every host with what identity says about it (the badge's button is read wherever the renderer puts it). */
function identities(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('attache-badge')].map((h) => {
      const button = h.shadowRoot?.querySelector('button') ?? h.querySelector('button');
      return {
        handle: h.getAttribute('data-attache-handle'),
        account: h.getAttribute('data-attache-account'),
        identity: h.getAttribute('data-attache-identity'),
        warning: h.getAttribute('data-attache-warning'),
        signal: h.getAttribute('data-attache-signal'),
        label: button?.textContent ?? null,
        name: button?.getAttribute('aria-label') ?? null,
      };
    }),
  );
}

for (const browserName of BROWSERS) {
  describe(`identity by X id in ${browserName}`, () => {
    let session;
    before(async () => {
      mkdirSync(SHOTS, { recursive: true });
      session = await launch(browserName, { pages: { [RENAMED_URL]: renamedHtml }, api });
    });
    after(async () => {
      await session?.close();
    });

    async function open(url) {
      const page = await session.newPage();
      await page.goto(url);
      await waitForAttache(page);
      await page.waitFor('attache-badge');
      return page;
    }

    const has = (page, selector) => page.waitFor(selector);

    it('no page data: by handle (pending, handle only); the popup says none arrived; then confirmed by id, and it says so', async () => {
      const page = await open('https://x.com/home');
      const all = await identities(page);
      const mfa = all.filter((b) => b.handle === 'mfa_china');
      assert.ok(mfa.length > 0 && mfa.every((b) => b.identity === 'pending' && b.account === 'cn-mfa-spokesperson-office'), JSON.stringify(mfa));
      assert.ok(all.filter((b) => b.handle === 'chineseembinuk').every((b) => b.identity === 'handle-only'));
      assert.equal(all.filter((b) => b.warning === 'recycled').length, 0);

      const popup = await session.extensionPage('src/popup/index.html');
      await popup.waitFor('[data-attache-page-world="none"]');
      assert.match(await popup.evaluate(() => document.querySelector('[data-attache-page-world]').textContent), /none received/);

      assert.equal(await xRequest(page, 'confirmed'), 200);
      await has(page, 'attache-badge[data-attache-handle="mfa_china"][data-attache-identity="id"]');
      await has(page, 'attache-badge[data-attache-handle="statedept"][data-attache-identity="id"]');
      // The popup polls the tab every second.
      await popup.waitFor('[data-attache-page-world="seen"]', { timeout: 5000 });
      assert.match(await popup.evaluate(() => document.querySelector('[data-attache-page-world]').textContent), /ids seen for 2 accounts/);
      assert.deepEqual(popup.consoleErrors, []);
      await popup.close();
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });

    it('recycled handle (XMLHttpRequest): the official badge is withdrawn in place for a warning naming the entry', async () => {
      const page = await open('https://x.com/home');
      assert.ok((await identities(page)).some((b) => b.handle === 'statedept' && b.account === 'us-state-department'));
      assert.equal(await xRequest(page, 'recycled', 'xhr'), 200);
      await has(page, 'attache-badge[data-attache-warning="recycled"][data-attache-handle="statedept"]');
      const statedept = (await identities(page)).filter((b) => b.handle === 'statedept');
      assert.ok(statedept.length > 0 && statedept.every((b) => b.warning === 'recycled' && b.account === null), JSON.stringify(statedept));
      assert.match(statedept[0].label, /@StateDept · different account/i);
      assert.match(statedept[0].name, /Department of State/);
      await page.screenshot(`${SHOTS}/identity-recycled-${browserName}.png`);
      await page.close();
    });

    it('rename: the entry\'s id under a new handle gets the badge, matched by id', async () => {
      const page = await open(RENAMED_URL);
      assert.equal((await identities(page)).filter((b) => b.handle === 'mfachinanew').length, 0, 'no badge for an unknown handle by itself');
      await xRequest(page, 'renamed');
      await has(page, 'attache-badge[data-attache-handle="mfachinanew"][data-attache-identity="renamed"]');
      const renamed = (await identities(page)).filter((b) => b.handle === 'mfachinanew');
      assert.ok(renamed.length > 0 && renamed.every((b) => b.account === 'cn-mfa-spokesperson-office'));
      await page.click('attache-badge[data-attache-handle="mfachinanew"]', 'button');
      await page.waitUntil(() => {
        const card = document.querySelector('attache-card');
        return /Now @MFAChinaNew, listed as @MFA_China/.test(card?.shadowRoot?.querySelector('.identity-line')?.textContent ?? card?.querySelector('.identity-line')?.textContent ?? '');
      });
      await page.close();
    });

    it('the x-government layer: off by default, on from the popup, a quiet marker and its card', async () => {
      const page = await open('https://x.com/home');
      await xRequest(page, 'outsiderHome');
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
      assert.equal((await identities(page)).filter((b) => b.signal).length, 0, 'off by default');
      const popup = await session.extensionPage('src/popup/index.html');
      const toggle = 'button[role="switch"][data-attache-layer="x-government"]';
      await popup.waitFor('[data-attache-total]');
      await popup.waitFor(`${toggle}[aria-checked="false"]`);
      await popup.click(toggle);
      await popup.waitFor(`${toggle}[aria-checked="true"]`);
      await has(page, 'attache-badge[data-attache-signal="x-government"][data-attache-handle="newsfan_42"]');
      const marks = (await identities(page)).filter((b) => b.signal);
      assert.ok(marks.every((b) => b.handle === 'newsfan_42' && b.account === null && b.name === 'X marks this account as government'), JSON.stringify(marks));
      await page.click('attache-badge[data-attache-signal="x-government"]', 'button');
      await page.waitUntil(() => {
        const card = document.querySelector('attache-card[data-attache-card="x-government:newsfan_42"]');
        const root = card?.shadowRoot ?? card;
        return root?.querySelector('h2')?.textContent === 'X marks this account as government' && /Government of Nowhere/.test(root.querySelector('.x-label')?.textContent ?? '');
      });
      // Copied, or (where the clipboard is refused) the report shown for copying by hand: either way it is said.
      await page.evaluate(() => {
        const card = document.querySelector('attache-card');
        (card.shadowRoot ?? card).querySelector('button.copy').click();
      });
      await page.waitUntil(() => {
        const card = document.querySelector('attache-card');
        const root = card?.shadowRoot ?? card;
        const state = root?.querySelector('[data-attache-copy]')?.getAttribute('data-attache-copy');
        return state === 'copied' || (state === 'manual' && /X id: 9000000000000000002/.test(root.querySelector('textarea')?.value ?? ''));
      });
      await page.screenshot(`${SHOTS}/x-government-${browserName}.png`);
      await popup.click(toggle);
      await popup.waitFor(`${toggle}[aria-checked="false"]`);
      await page.waitFor('attache-badge[data-attache-signal]', { gone: true });
      await popup.close();
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });
  });
}
