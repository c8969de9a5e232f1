// Entries of low or unverified confidence in Chromium and Firefox ESR (drivers.mjs): their badge and card say
// "unverified" in words, the card's "Why am I seeing this?" names the source list and its date, and the popup's switch
// removes their badges from the open X tab live (and brings them back).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { BROWSERS, launch, waitForAttache, part, count, box } from './drivers.mjs';

const SHOTS = 'test-results';
// An embassy the bundled dataset knows only from the Database of embassies export (confidence: unverified), put in
// place of an embassy whose entry is of high confidence on the fixture home timelines.
const HANDLE = 'sknhcuk';
const fixture = (file) => readFileSync(`tests/fixtures/x/pages/${file}`, 'utf8').replaceAll('ChineseEmbinUK', HANDLE);
const pages = { 'https://x.com/home?unverified=light': fixture('home.html'), 'https://x.com/home?unverified=dark': fixture('home-dark.html') };
const marked = `attache-badge[data-attache-handle="${HANDLE}"]`;
const author = `${marked}[data-attache-placement="tweet-author"]`;

/** Clicks the summary of the card's section whose title contains `title`. */
async function openSection(page, title) {
  const point = await page.evaluate((t) => {
    const summary = [...(document.querySelector('attache-card')?.shadowRoot?.querySelectorAll('summary') ?? [])].find((s) => s.textContent.includes(t));
    if (!summary) return null;
    const r = summary.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, title);
  assert.ok(point, `the card has a section "${title}"`);
  await page.clickAt(point.x, point.y);
  await page.waitUntil((t) => [...document.querySelector('attache-card').shadowRoot.querySelectorAll('details')].some((d) => d.open && d.textContent.includes(t)), title);
}

for (const name of BROWSERS) {
  describe(`unverified entries in ${name}`, () => {
    let session;
    before(async () => {
      mkdirSync(SHOTS, { recursive: true });
      session = await launch(name, { pages });
    });
    after(async () => {
      await session?.close();
    });

    for (const theme of ['light', 'dark']) {
      it(`marks the badge and the card in words (${theme})`, async () => {
        const tab = await session.newPage();
        await tab.goto(`https://x.com/home?unverified=${theme}`);
        await waitForAttache(tab);
        await tab.waitFor(author);
        assert.equal((await part(tab, author, '.unverified-mark')).text, 'unverified');
        assert.match((await part(tab, author, 'button')).attributes['aria-label'], /unverified entry/);
        // A high-confidence entry on the same page has a badge without the mark.
        const high = 'attache-badge[data-attache-handle="ambliuxiaoming"]';
        assert.ok((await count(tab, high)) > 0);
        assert.equal(await count(tab, high, '.unverified-mark'), 0);
        await tab.click(author, 'button');
        await tab.waitFor('attache-card');
        await tab.waitUntil(() => !!document.querySelector('attache-card').shadowRoot?.querySelector('.unverified-note'));
        assert.match((await part(tab, 'attache-card', '.unverified-note')).text, /^unverified\s+Unverified entry/);
        await openSection(tab, 'Why am I seeing this?');
        assert.match((await part(tab, 'attache-card', '.why-sources')).text, /Database of embassies \(Wikidata export\), Nov 16, 2022/);
        assert.equal((await part(tab, 'attache-card', '.why-confidence')).text, 'Confidence of this entry: unverified.');
        await tab.press('Escape');
        await tab.waitFor('attache-card', { gone: true });
        const b = await box(tab, author);
        await tab.screenshot(`${SHOTS}/unverified-badge-${name}-${theme}.png`, { x: Math.max(0, b.x - 240), y: Math.max(0, b.y - 20), width: 480, height: b.height + 40 });
        await tab.click(author, 'button');
        await tab.waitFor('attache-card');
        await openSection(tab, 'Why am I seeing this?');
        const c = await box(tab, 'attache-card', '.card');
        await tab.screenshot(`${SHOTS}/unverified-card-${name}-${theme}.png`, c);
        assert.deepEqual(tab.consoleErrors, []);
        await tab.close();
      });
    }

    it('the popup switch removes their badges from the open tab live, and brings them back', async () => {
      const tab = await session.newPage();
      await tab.goto('https://x.com/home?unverified=light');
      await waitForAttache(tab);
      await tab.waitFor(marked);
      const before = await count(tab, 'attache-badge');
      const mine = await count(tab, marked);
      assert.ok(mine > 0 && before > mine);
      const popup = await session.extensionPage('src/popup/index.html');
      const toggle = '#attache-show-unverified';
      // The popup is ready once it has asked the X tab for its counts (a click before that may be lost to the re-render).
      await popup.waitFor('[data-attache-total]');
      await popup.waitFor(`${toggle}[aria-checked="true"]`);
      await popup.click(toggle);
      await popup.waitFor(`${toggle}[aria-checked="false"]`);
      await tab.waitUntil((sel) => document.querySelectorAll(sel).length === 0, marked);
      assert.equal(await count(tab, 'attache-badge'), before - mine, 'only the unverified entry loses its badges');
      await popup.screenshot(`${SHOTS}/unverified-popup-off-${name}.png`);
      await popup.click(toggle);
      await popup.waitFor(`${toggle}[aria-checked="true"]`);
      await tab.waitUntil((sel) => document.querySelectorAll(sel).length > 0, marked);
      assert.equal(await count(tab, 'attache-badge'), before);
      assert.deepEqual(tab.consoleErrors, []);
      assert.deepEqual(popup.consoleErrors, []);
      await popup.close();
      await tab.close();
    });
  });
}
