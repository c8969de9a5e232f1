// Entries of low or unverified confidence in the real browser: their badge and card say "unverified" in words, the
// card's "Why am I seeing this?" names the source list and its date, and the popup's switch removes their badges
// from the open X tab live (and brings them back).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { startBrowser, waitForAttache, openExtensionPage } from './harness.mjs';

const SHOTS = 'test-results';
// An embassy the bundled dataset knows only from the Database of embassies export (confidence: unverified), put in
// place of an embassy whose entry is of high confidence on the fixture home timelines.
const HANDLE = 'sknhcuk';
const page = (file) => readFileSync(`tests/fixtures/x/pages/${file}`, 'utf8').replaceAll('ChineseEmbinUK', HANDLE);
const extraPages = { 'https://x.com/home?unverified=light': page('home.html'), 'https://x.com/home?unverified=dark': page('home-dark.html') };
const marked = `attache-badge[data-attache-handle="${HANDLE}"]`;

describe('unverified entries', () => {
  let session;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await startBrowser({ extraPages });
  });
  after(async () => {
    await session?.close();
  });

  for (const theme of ['light', 'dark']) {
    it(`marks the badge and the card in words (${theme})`, async () => {
      const tab = await session.context.newPage();
      await tab.goto(`https://x.com/home?unverified=${theme}`);
      await waitForAttache(tab);
      await tab.waitForSelector(marked);
      const badge = tab.locator(marked).first();
      assert.equal(await badge.locator('.unverified-mark').textContent(), 'unverified');
      assert.match(await badge.locator('button').getAttribute('aria-label'), /unverified entry/);
      // A high-confidence entry on the same page has no mark.
      assert.equal(await tab.locator('attache-badge[data-attache-handle="ambliuxiaoming"] .unverified-mark').count(), 0);
      await badge.locator('button').click();
      const card = tab.locator('attache-card');
      await card.waitFor();
      assert.match(await card.locator('.unverified-note').textContent(), /^unverified\s+Unverified entry/);
      await card.locator('summary', { hasText: 'Why am I seeing this?' }).click();
      assert.match(await card.locator('.why-sources').textContent(), /Database of embassies \(Wikidata export\), Nov 16, 2022/);
      assert.equal(await card.locator('.why-confidence').textContent(), 'Confidence of this entry: unverified.');
      await tab.keyboard.press('Escape');
      const author = tab.locator(`${marked}[data-attache-placement="tweet-author"]`).first();
      const box = (await author.count()) ? await author.boundingBox() : await badge.boundingBox();
      await tab.screenshot({ path: `${SHOTS}/unverified-badge-${theme}.png`, clip: { x: Math.max(0, box.x - 240), y: Math.max(0, box.y - 20), width: 480, height: box.height + 40 } });
      await badge.locator('button').click();
      await card.waitFor();
      await card.locator('summary', { hasText: 'Why am I seeing this?' }).click();
      await card.screenshot({ path: `${SHOTS}/unverified-card-${theme}.png` });
      await tab.close();
    });
  }

  it('the popup switch removes their badges from the open tab live, and brings them back', async () => {
    const tab = await session.context.newPage();
    await tab.goto('https://x.com/home?unverified=light');
    await waitForAttache(tab);
    await tab.waitForSelector(marked);
    const before = await tab.locator('attache-badge').count();
    const mine = await tab.locator(marked).count();
    assert.ok(mine > 0 && before > mine);
    const popup = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
    const toggle = popup.locator('#attache-show-unverified');
    await popup.waitForSelector('#attache-show-unverified[aria-checked="true"]');
    await toggle.click();
    await popup.waitForSelector('#attache-show-unverified[aria-checked="false"]');
    await tab.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, marked);
    assert.equal(await tab.locator('attache-badge').count(), before - mine, 'only the unverified entry loses its badges');
    await popup.screenshot({ path: `${SHOTS}/unverified-popup-off.png` });
    await toggle.click();
    await tab.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, marked);
    assert.equal(await tab.locator('attache-badge').count(), before);
    await popup.close();
    await tab.close();
  });
});
