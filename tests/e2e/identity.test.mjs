// Identity by numeric X id in Chromium: the page-world reader hears X's GraphQL responses (served from the
// page-world fixtures through the page's own fetch and XMLHttpRequest), and badges follow the id: confirmed, renamed,
// recycled (warning, no official badge), upgraded or withdrawn in place when the id arrives late, disagreement with
// X's own verification shown on the card. Without page data, nothing breaks and nothing is labelled wrongly.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { badges, startBrowser, waitForAttache } from './harness.mjs';
import { fixtureHtml } from '../fixtures/x/index.mjs';
import { FIXTURES, MALFORMED } from '../fixtures/page-world/index.mjs';

const SHOTS = 'test-results';
// home.html with MFA_China's handle changed to the new one X would show after a rename.
const RENAMED_URL = 'https://x.com/renamed';
const renamedHtml = fixtureHtml('home.html').replace(/MFA_China(?![A-Za-z0-9_])/g, 'MFAChinaNew');

describe('identity by numeric X id', () => {
  let session;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await startBrowser({ extraPages: { [RENAMED_URL]: renamedHtml } });
  });
  after(async () => {
    await session?.close();
  });

  /** Opens a page whose GraphQL answers come from `responses` (name -> fixture), in order of request. */
  async function open(url, responses = {}) {
    const page = await session.context.newPage();
    await page.route('**/i/api/graphql/**', (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop();
      const body = name === 'Malformed' ? MALFORMED : JSON.stringify(responses[name] ?? FIXTURES.missing);
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    });
    await page.goto(url);
    await waitForAttache(page);
    await page.waitForSelector('attache-badge');
    return page;
  }

  /** X's client asking its API: by fetch or by XMLHttpRequest, as the page's own code would. */
  function xRequest(page, name, via = 'fetch') {
    return page.evaluate(
      ([name, via]) =>
        via === 'fetch'
          ? fetch(`/i/api/graphql/q1/${name}`).then((r) => r.json()).then(() => true)
          : new Promise((resolve) => {
              const xhr = new XMLHttpRequest();
              xhr.open('GET', `/i/api/graphql/q1/${name}`);
              xhr.onload = () => resolve(xhr.status);
              xhr.send();
            }),
      [name, via],
    );
  }

  const identities = (page) =>
    page.$$eval('attache-badge', (hosts) =>
      hosts.map((h) => ({
        handle: h.getAttribute('data-attache-handle'),
        account: h.getAttribute('data-attache-account'),
        identity: h.getAttribute('data-attache-identity'),
        warning: h.getAttribute('data-attache-warning'),
        label: h.querySelector('button')?.textContent ?? null,
      })),
    );

  async function openCard(page, selector) {
    await page.locator(selector).first().locator('button').click();
    const card = page.locator('attache-card');
    await card.waitFor();
    return card;
  }

  it('without page data: badges by handle as before, pending or handle-only, nothing withdrawn', async () => {
    const page = await open('https://x.com/home');
    const all = await identities(page);
    const mfa = all.filter((b) => b.handle === 'mfa_china');
    assert.ok(mfa.length > 0 && mfa.every((b) => b.identity === 'pending' && b.account === 'cn-mfa-spokesperson-office'), JSON.stringify(mfa));
    const embassy = all.filter((b) => b.handle === 'chineseembinuk');
    assert.ok(embassy.length > 0 && embassy.every((b) => b.identity === 'handle-only'));
    assert.equal(all.filter((b) => b.warning === 'recycled').length, 0);
    const card = await openCard(page, 'attache-badge[data-attache-handle="chineseembinuk"]');
    assert.match(await card.locator('.identity-line').textContent(), /handle only/);
    assert.equal(await card.locator('.on-x').count(), 0, 'no On X line without data from X');
    await page.screenshot({ path: `${SHOTS}/identity-no-page-data.png` });
    await page.close();
  });

  it('confirmed by id (fetch): the card says matched by X id and shows X\'s government check', async () => {
    const page = await open('https://x.com/home', { HomeTimeline: FIXTURES.confirmed });
    await xRequest(page, 'HomeTimeline');
    await page.waitForSelector('attache-badge[data-attache-handle="mfa_china"][data-attache-identity="id"]');
    const card = await openCard(page, 'attache-badge[data-attache-handle="mfa_china"]');
    assert.match(await card.locator('.identity-line').textContent(), /Matched by X id/);
    assert.match(await card.locator('.on-x').textContent(), /government check/);
    assert.equal(await card.locator('.on-x-note').count(), 0);
    await card.screenshot({ path: `${SHOTS}/identity-confirmed-card.png` });
    await page.close();
  });

  it('recycled handle (XMLHttpRequest): a warning naming the entry replaces the official badge', async () => {
    const page = await open('https://x.com/home', { HomeTimeline: FIXTURES.recycled });
    assert.ok((await badges(page)).some((b) => b.handle === 'statedept'), 'badged by handle before the id arrives');
    assert.equal(await xRequest(page, 'HomeTimeline', 'xhr'), 200);
    await page.waitForSelector('attache-badge[data-attache-warning="recycled"][data-attache-handle="statedept"]');
    assert.equal((await badges(page)).filter((b) => b.handle === 'statedept').length, 0, 'no official badge on the recycled handle');
    const [warning] = (await identities(page)).filter((b) => b.warning === 'recycled');
    assert.match(warning.label, /@StateDept · different account/i);
    const card = await openCard(page, 'attache-badge[data-attache-warning="recycled"]');
    assert.match(await card.locator('.warning-text').textContent(), /Department of State/);
    await page.locator('attache-badge[data-attache-warning="recycled"]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/identity-recycled.png` });
    await card.screenshot({ path: `${SHOTS}/identity-recycled-card.png` });
    await page.close();
  });

  it('rename: the entry\'s id under a new handle gets the badge, and the card says now @new, listed as @old', async () => {
    const page = await open(RENAMED_URL, { HomeTimeline: FIXTURES.renamed });
    assert.equal((await identities(page)).filter((b) => b.handle === 'mfachinanew').length, 0, 'no badge for an unknown handle by itself');
    await xRequest(page, 'HomeTimeline');
    await page.waitForSelector('attache-badge[data-attache-handle="mfachinanew"][data-attache-identity="renamed"]');
    const renamed = (await identities(page)).filter((b) => b.handle === 'mfachinanew');
    assert.ok(renamed.every((b) => b.account === 'cn-mfa-spokesperson-office'));
    const card = await openCard(page, 'attache-badge[data-attache-handle="mfachinanew"]');
    assert.match(await card.locator('.identity-line').textContent(), /Now @MFAChinaNew, listed as @MFA_China/);
    await card.screenshot({ path: `${SHOTS}/identity-renamed-card.png` });
    await page.close();
  });

  it('late arrival: pending, then upgraded in place, then withdrawn when another id takes the handle', async () => {
    const page = await open('https://x.com/home', { First: FIXTURES.confirmed, Second: FIXTURES.recycled });
    assert.ok((await identities(page)).some((b) => b.handle === 'statedept' && b.identity === 'pending'));
    await xRequest(page, 'First');
    await page.waitForSelector('attache-badge[data-attache-handle="statedept"][data-attache-identity="id"]');
    await xRequest(page, 'Second', 'xhr');
    await page.waitForSelector('attache-badge[data-attache-handle="statedept"][data-attache-warning="recycled"]');
    assert.equal((await badges(page)).filter((b) => b.handle === 'statedept').length, 0);
    await page.close();
  });

  it('disagreement: X\'s government check on state media, and a ministry without one, are noted on the card', async () => {
    const page = await open('https://x.com/home', { HomeTimeline: FIXTURES.disagreement });
    await xRequest(page, 'HomeTimeline');
    await page.waitForSelector('attache-badge[data-attache-handle="rt_com"][data-attache-identity="id"]');
    let card = await openCard(page, 'attache-badge[data-attache-handle="rt_com"]');
    assert.equal(await card.locator('[data-attache-disagreement]').getAttribute('data-attache-disagreement'), 'x-government-not-listed');
    assert.match(await card.locator('.on-x').textContent(), /Russia state-affiliated media/);
    await card.screenshot({ path: `${SHOTS}/identity-disagreement-card.png` });
    await page.keyboard.press('Escape');
    card = await openCard(page, 'attache-badge[data-attache-handle="statedept"]');
    assert.equal(await card.locator('[data-attache-disagreement]').getAttribute('data-attache-disagreement'), 'listed-government-not-on-x');
    await page.close();
  });

  it('hostile, malformed, changed and outsider data: no badge created, none withdrawn, nothing thrown into the page', async () => {
    const page = await open('https://x.com/home', {
      Hostile: FIXTURES.hostile,
      Changed: FIXTURES.changed,
      Outsider: FIXTURES.outsider,
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const before = await identities(page);
    for (const name of ['Hostile', 'Changed', 'Outsider', 'Malformed']) await xRequest(page, name, name === 'Changed' ? 'xhr' : 'fetch').catch(() => null);
    // A page script forging the channel directly.
    await page.evaluate(() => {
      const fire = (detail) => document.documentElement.dispatchEvent(new CustomEvent('attache:x-users', { detail }));
      fire({ not: 'a string' });
      fire('[["9624742"]]');
      // Well-formed, about an account outside the dataset (markup in the label is text): no badge either.
      fire('[["1","someoneelse","g","<b>x</b>"],["2","Bad Handle","g",""]]');
      fire('not json');
    });
    await page.waitForTimeout(300);
    const afterwards = await identities(page);
    assert.deepEqual(afterwards.map((b) => [b.handle, b.account, b.warning]).sort(), before.map((b) => [b.handle, b.account, b.warning]).sort(), 'badges unchanged');
    assert.equal(afterwards.filter((b) => b.handle === 'someoneelse').length, 0);
    assert.equal(afterwards.filter((b) => b.handle === 'somegovernment').length, 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
