// X's own signals in Chromium: the popup's line on whether X's page data arrives (both states), and the optional
// layer "X government accounts not in the dataset" — off by default, switched on in the popup, a quiet marker whose
// name and card say only that X marks the account as government, a report copied on one click; light, dim, dark and
// right-to-left; keyboard and axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { openExtensionPage, startBrowser, waitForAttache } from './harness.mjs';
import { axeViolations, WCAG_AA } from './axe.mjs';
import { FIXTURES, timeline, user } from '../fixtures/page-world/index.mjs';

const SHOTS = 'test-results';
// newsfan_42 is a fictional fixture account (tests/fixtures/x), outside the dataset; its fixture id is fictional too.
const OUTSIDER = { id: '9000000000000000002', handle: 'newsfan_42', verified: 'Government', label: 'Government of Nowhere' };
const RESPONSES = { HomeTimeline: timeline([user(OUTSIDER)]), Confirmed: FIXTURES.confirmed };

describe('X\'s own signals: the popup line and the x-government layer', () => {
  let session;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await startBrowser();
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://x.com' });
  });
  after(async () => {
    await session?.close();
  });

  async function open(url) {
    const page = await session.context.newPage();
    await page.route('**/i/api/graphql/**', (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop();
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(RESPONSES[name] ?? FIXTURES.missing) });
    });
    await page.goto(url);
    await waitForAttache(page);
    await page.waitForSelector('attache-badge');
    return page;
  }

  const xRequest = (page, name) => page.evaluate((n) => fetch(`/i/api/graphql/q1/${n}`).then((r) => r.json()).then(() => true), name);

  async function popupLine(popup, state) {
    await popup.reload();
    const line = popup.locator(`[data-attache-page-world="${state}"]`);
    await line.waitFor({ timeout: 5000 });
    return line.textContent();
  }

  async function setLayer(on) {
    const popup = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
    // Enabled once the popup has read the settings.
    const toggle = popup.locator('button[role="switch"][data-attache-layer="x-government"]:not([disabled])');
    await toggle.waitFor();
    if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
    await popup.waitForSelector(`button[role="switch"][data-attache-layer="x-government"][aria-checked="${on}"]`);
    await popup.close();
  }

  it('the popup says whether X\'s page data arrives: none yet, then seen', async () => {
    const page = await open('https://x.com/home');
    const popup = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
    assert.match(await popupLine(popup, 'none'), /none received in this tab; accounts are matched by handle only/);
    await xRequest(page, 'Confirmed');
    await page.waitForSelector('attache-badge[data-attache-handle="mfa_china"][data-attache-identity="id"]');
    assert.match(await popupLine(popup, 'seen'), /ids seen for 2 accounts/);
    await popup.close();
    await page.close();
  });

  it('off by default: X\'s government check on an account outside the dataset makes no mark', async () => {
    const popup = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
    // Enabled once the popup has read the settings.
    const toggle = popup.locator('button[role="switch"][data-attache-layer="x-government"]:not([disabled])');
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-checked'), 'false');
    assert.equal(await popup.locator('#layer-x-government-label').textContent(), 'X government accounts not in the dataset');
    await popup.close();
    const page = await open('https://x.com/home');
    await xRequest(page, 'HomeTimeline');
    await page.waitForTimeout(400);
    assert.equal(await page.locator('attache-badge[data-attache-signal]').count(), 0);
    assert.equal(await page.locator('attache-badge[data-attache-handle="newsfan_42"]').count(), 0);
    await page.close();
  });

  it('on: a quiet marker, X\'s line only; the card by keyboard; the report copied', async () => {
    const page = await open('https://x.com/home');
    await xRequest(page, 'HomeTimeline');
    await page.waitForTimeout(200);
    assert.equal(await page.locator('attache-badge[data-attache-signal]').count(), 0);
    // Switched on in the popup: the open tab follows live.
    await setLayer(true);
    const marker = page.locator('attache-badge[data-attache-signal="x-government"][data-attache-handle="newsfan_42"]').first();
    await marker.waitFor();
    assert.equal(await marker.getAttribute('data-attache-x-id'), OUTSIDER.id);
    assert.equal(await marker.getAttribute('data-attache-account'), null);
    const button = marker.locator('button');
    assert.equal(await button.getAttribute('aria-label'), 'X marks this account as government');
    assert.equal((await button.textContent()).trim(), 'XX: government');
    // Official badges are unchanged beside it.
    assert.ok((await page.locator('attache-badge[data-attache-account]').count()) > 0);
    assert.deepEqual(await axeViolations(page, { include: ['attache-badge[data-attache-signal]', 'button'], rules: WCAG_AA }), []);

    await marker.scrollIntoViewIfNeeded();
    await button.focus();
    await page.keyboard.press('Enter');
    const card = page.locator('attache-card[data-attache-card="x-government:newsfan_42"]');
    await card.waitFor();
    assert.equal(await card.locator('h2').textContent(), 'X marks this account as government');
    assert.equal(await card.locator('.handle').textContent(), '@newsfan_42');
    assert.match(await card.locator('.x-label').textContent(), /Government of Nowhere/);
    assert.equal(await card.locator('.identity, .facts, .chip').count(), 0, 'no dataset wording on the card');
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await axeViolations(page, { include: ['attache-card', '.card'], rules: WCAG_AA }), []);
    await card.screenshot({ path: `${SHOTS}/x-government-card.png` });

    await card.locator('button.copy').click();
    await card.locator('[data-attache-copy="copied"]').waitFor();
    assert.match(await card.locator('[role="status"]').textContent(), /copied to the clipboard/i);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^Attaché: suggestion for the dataset\n/);
    assert.match(copied, /\nHandle: @newsfan_42\n/);
    assert.match(copied, new RegExp(`\\nX id: ${OUTSIDER.id}\\n`));
    assert.match(copied, /\nX verification type: government\n/);
    assert.match(copied, /\nX label: Government of Nowhere\n/);
    assert.match(copied, /\nPage: https:\/\/x\.com\/home\n/);
    assert.match(copied, /\nDate: \d{4}-\d{2}-\d{2}\n/);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await page.close();
  });

  it('light, dim, dark and right to left: the marker and its card', async () => {
    await setLayer(true);
    for (const [variant, query] of [['light', ''], ['dim', '?theme=dim'], ['dark', '?theme=dark'], ['rtl', '?lang=ar']]) {
      const page = await open(`https://x.com/home${query}`);
      await xRequest(page, 'HomeTimeline');
      const marker = page.locator('attache-badge[data-attache-signal="x-government"]').first();
      await marker.waitFor();
      const theme = await marker.getAttribute('data-attache-theme');
      if (variant === 'dim' || variant === 'dark') assert.equal(theme, variant);
      await marker.scrollIntoViewIfNeeded();
      if (variant === 'rtl') assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      await page.locator('article', { has: marker }).first().screenshot({ path: `${SHOTS}/x-government-marker-${variant}.png` });
      await marker.locator('button').click();
      const card = page.locator('attache-card');
      await card.waitFor();
      await card.screenshot({ path: `${SHOTS}/x-government-card-${variant}.png` });
      await page.close();
    }
    await setLayer(false);
  });
});
