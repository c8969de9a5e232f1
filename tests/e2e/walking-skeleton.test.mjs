// End to end: the built extension in headless Chromium on offline X-like pages served at x.com URLs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startBrowser, waitForAttache, badges, openExtensionPage } from './harness.mjs';
import { expected } from '../fixtures/x/index.mjs';

const IMPLEMENTED = new Set([
  'tweet-author', 'retweeter', 'quote-author', 'reply-to', 'mention', 'bio-mention', 'profile', 'user-cell', 'hover-card', 'notification',
]);
/** Accounts the seed dataset is guaranteed to hold; later datasets add more. */
const SEEDED = new Set(['ambliuxiaoming', 'chineseembinuk']);
const fixture = expected();
const NOT_OFFICIAL = ['jane_reader', 'newsfan_42', 'mapsandmore', 'viewer_me', 'ambliuxiaomlng', 'fakeaccount_9'];
const SHOTS = 'test-results';

function expectedFor(url) {
  const page = Object.values(fixture.pages).find((p) => p.url === url);
  assert.ok(page, `fixture ${url} is described in expected.json`);
  return page.official
    .filter((o) => IMPLEMENTED.has(o.placement) && SEEDED.has(o.handle.toLowerCase()))
    .map((o) => `${o.placement} @${o.handle.toLowerCase()}`)
    .sort();
}

function seeded(list) {
  return list
    .filter((b) => SEEDED.has(b.handle))
    .map((b) => `${b.placement} @${b.handle}`)
    .sort();
}

describe('walking skeleton in Chromium', () => {
  let session;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await startBrowser();
  });
  after(async () => {
    await session?.close();
  });

  it('badges @AmbLiuXiaoMing on his profile header and on every post he authors, and nothing else', async () => {
    const page = await session.context.newPage();
    await page.goto('https://x.com/AmbLiuXiaoMing');
    await waitForAttache(page);
    await page.waitForSelector('attache-badge[data-attache-placement="profile"]');
    const found = await badges(page);
    assert.deepEqual(seeded(found), expectedFor('https://x.com/AmbLiuXiaoMing'));
    const profile = found.find((b) => b.placement === 'profile');
    assert.deepEqual(
      { handle: profile.handle, account: profile.account, label: profile.label?.replace(/\s*\d+$/, '') },
      { handle: 'ambliuxiaoming', account: 'liu-xiaoming', label: 'Diplomat · China' },
    );
    assert.match(profile.ariaLabel, /Liu Xiaoming, Diplomat, China\. 1 notice\./);
    for (const b of found) assert.ok(!NOT_OFFICIAL.includes(b.handle), `no badge for @${b.handle}`);
    await page.close();
  });

  it('badges authors on the home timeline, not quoted authors, lookalikes, or the viewer', async () => {
    const page = await session.context.newPage();
    await page.goto('https://x.com/home');
    await waitForAttache(page);
    await page.waitForSelector('attache-badge');
    const found = await badges(page);
    assert.deepEqual(seeded(found), expectedFor('https://x.com/home'));
    for (const b of found) assert.ok(!NOT_OFFICIAL.includes(b.handle), `no badge for @${b.handle}`);
    // The quoted post's author must not leak to the post that quotes it.
    const quoteArticle = await page.$$eval('article[data-testid="tweet"]', (articles) =>
      articles
        .filter((a) => a.querySelector('div[role="link"][tabindex="0"]'))
        // The quoted author has its own quote-author badge inside the card; no other badge may name them.
        .map((a) => [...a.querySelectorAll('attache-badge:not([data-attache-placement="quote-author"])')].map((h) => h.getAttribute('data-attache-handle'))),
    );
    for (const hosts of quoteArticle) assert.ok(!hosts.includes('ambliuxiaoming') || false, 'quoted author not badged as author');
    await page.close();
  });

  it('opens the context card from the keyboard with the notice, both sides and sources; Escape returns focus', async () => {
    const page = await session.context.newPage();
    await page.goto('https://x.com/AmbLiuXiaoMing');
    await waitForAttache(page);
    const badge = page.locator('attache-badge[data-attache-placement="profile"] button');
    await badge.focus();
    await page.keyboard.press('Enter');
    const card = page.locator('attache-card[data-attache-card="liu-xiaoming"]');
    await card.waitFor();
    const text = await card.locator('.card').innerText();
    for (const expectedText of [
      'Liu Xiaoming',
      '@AmbLiuXiaoMing',
      'Diplomat',
      'China',
      'Ambassador of the People\'s Republic of China to the United Kingdom',
      'March 2010 – Jan 31, 2021',
      'Account liked a pornographic clip; the embassy said the account had been attacked',
      'Disputed as of Sep 11, 2020',
      'Chinese Embassy in the UK (spokesperson)',
      '(Account holder)',
      '(Platform)',
      '(Reporting)',
      'A good anvil does not fear the hammer.',
      'Chinese embassy calls for Twitter inquiry after porn clip liked',
    ]) {
      assert.ok(text.includes(expectedText), `card shows "${expectedText}"`);
    }
    const links = await card.locator('.notice a').evaluateAll((as) => as.map((a) => ({ href: a.href, target: a.target, rel: a.rel })));
    assert.ok(links.length >= 4, 'notice sources are links');
    for (const link of links) {
      assert.ok(link.href.startsWith('https://'), link.href);
      assert.equal(link.target, '_blank');
      assert.equal(link.rel, 'noopener noreferrer');
    }
    assert.equal(await badge.getAttribute('aria-expanded'), 'true');
    // Focus is inside the card.
    assert.equal(await page.evaluate(() => document.activeElement?.localName), 'attache-card');
    await card.screenshot({ path: `${SHOTS}/card-light.png` });
    await page.screenshot({ path: `${SHOTS}/profile-with-card.png` });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.closest('attache-badge')?.getAttribute('data-attache-placement')), 'profile');
    assert.equal(await badge.getAttribute('aria-expanded'), 'false');
    await page.close();
  });

  it('clicking a badge inside a post opens the card and not the post; an outside click closes it', async () => {
    const page = await session.context.newPage();
    await page.goto('https://x.com/AmbLiuXiaoMing');
    await waitForAttache(page);
    const url = page.url();
    const badge = page.locator('article attache-badge[data-attache-placement="tweet-author"] button').first();
    await badge.click();
    await page.locator('attache-card').waitFor();
    await page.waitForTimeout(300);
    assert.equal(page.url(), url, 'the post underneath did not open');
    // Keys typed in the card never reach the page's shortcuts.
    const seen = await page.evaluate(() => {
      window.__keys = [];
      document.addEventListener('keydown', (e) => window.__keys.push(e.key));
      return true;
    });
    assert.ok(seen);
    await page.keyboard.press('j');
    assert.deepEqual(await page.evaluate(() => window.__keys), []);
    await page.mouse.click(5, 890);
    await page.locator('attache-card').waitFor({ state: 'detached' });
    // A click on the post itself (not the badge) still opens it: the fixture's handler works.
    const opened = page.waitForRequest(/\/status\/\d+$/);
    await page.locator('article [data-testid="tweetText"]').first().click();
    await opened;
    await page.close();
  });

  it('a badge contains events from the very first one, even a click that comes with no pointer or focus before it', async () => {
    const page = await session.context.newPage();
    await page.goto('https://x.com/AmbLiuXiaoMing');
    await waitForAttache(page);
    const url = page.url();
    await page.waitForSelector('article attache-badge[data-attache-placement="tweet-author"]');
    // The page listens for everything a badge contains, in the bubble phase, as X's handlers do.
    await page.evaluate(() => {
      window.__heard = [];
      for (const type of ['click', 'auxclick', 'dblclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress']) {
        document.addEventListener(type, (e) => {
          if (e.target?.localName === 'attache-badge') window.__heard.push(type);
        });
      }
    });
    const badges = page.locator('article attache-badge[data-attache-placement="tweet-author"] button');
    assert.ok((await badges.count()) >= 3, 'three untouched badges to try');
    // 1. A click alone, as an assistive technology may send it: no pointer entered the badge, nothing focused it.
    await badges.nth(0).evaluate((b) => b.click());
    await page.locator('attache-card').waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('attache-card').getAttribute('data-attache-card')), 'liu-xiaoming');
    await page.keyboard.press('Escape');
    await page.locator('attache-card').waitFor({ state: 'detached' });
    // 2. Keys on a badge reached by focus alone.
    await badges.nth(1).evaluate((b) => b.focus());
    for (const key of ['j', 'l', 'Enter']) await page.keyboard.press(key);
    await page.locator('attache-card').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('attache-card').waitFor({ state: 'detached' });
    // 3. A real mouse: right button, middle button, double click.
    await badges.nth(2).click({ button: 'right' });
    await badges.nth(2).click({ button: 'middle' });
    await badges.nth(2).dblclick();
    await page.waitForTimeout(200);
    assert.deepEqual(await page.evaluate(() => window.__heard), []);
    assert.equal(page.url(), url, 'no post opened');
    await page.close();
  });

  it('the popup switch removes and restores badges in open X tabs live, without duplicates', async () => {
    const page = await session.context.newPage();
    await page.goto('https://x.com/AmbLiuXiaoMing');
    await waitForAttache(page);
    await page.waitForSelector('attache-badge');
    const before = (await badges(page)).length;
    assert.ok(before >= 4);
    const popup = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
    const toggle = popup.locator('#attache-enabled');
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-checked'), 'true');
    assert.match(await popup.locator('body').innerText(), /Dataset \d+\.\d+\.\d+ · \d+ accounts/);
    await toggle.click();
    await page.waitForFunction(() => document.querySelectorAll('attache-badge').length === 0);
    assert.equal(await toggle.getAttribute('aria-checked'), 'false');
    await toggle.click();
    await page.waitForFunction((n) => document.querySelectorAll('attache-badge').length === n, before);
    await page.waitForTimeout(300);
    assert.equal((await badges(page)).length, before, 'no duplicates after switching back on');
    // The setting persists for pages opened later.
    await toggle.click();
    const later = await session.context.newPage();
    await later.goto('https://x.com/home');
    await waitForAttache(later);
    await later.waitForTimeout(500);
    assert.equal((await badges(later)).length, 0);
    await toggle.click();
    await later.waitForSelector('attache-badge');
    await Promise.all([page.close(), later.close(), popup.close()]);
  });
});
