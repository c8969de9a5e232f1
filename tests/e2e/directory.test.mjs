// The dataset directory in Chromium and Firefox ESR (drivers.mjs): search and filters, keyboard only (arrows, Enter,
// Escape), a listbox a screen reader can follow (options, live count), the entry's card, links from the popup and
// options, and a virtualised list (a few dozen rows drawn for the whole dataset). Its axe-core checks (light and
// dark) are with the other extension pages' in extension-pages.test.mjs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, launch, part, count } from './drivers.mjs';

const PAGE = 'src/directory/index.html';
const CARD = ['.card-host', '[role="dialog"]'];

const results = (page) => page.evaluate(() => Number(document.querySelector('[data-attache-results]')?.dataset.attacheResults));
const active = (page) => page.evaluate(() => document.activeElement?.getAttribute('role'));
const activeDescendant = (page) => page.evaluate(() => document.querySelector('[role="listbox"]').getAttribute('aria-activedescendant'));
const summaries = (page) =>
  page.evaluate(() => [...(document.querySelector('.card-host')?.shadowRoot?.querySelectorAll('summary') ?? [])].map((s) => s.textContent));

for (const name of BROWSERS) {
  describe(`dataset directory in ${name}`, () => {
    let session;
    before(async () => {
      session = await launch(name);
    });
    after(async () => {
      await session?.close();
    });

    it('is linked from the popup and the options page', async () => {
      for (const path of ['src/popup/index.html', 'src/options/index.html']) {
        const page = await session.extensionPage(path);
        await page.waitFor('#attache-directory-link');
        const link = await part(page, '#attache-directory-link');
        assert.match(link.attributes.href, /src\/directory\/index\.html$/, path);
        await page.close();
      }
    });

    it('searches, filters and opens an entry with the keyboard only; draws only the visible rows', async () => {
      const page = await session.extensionPage(PAGE);
      await page.waitFor('[role="listbox"] [role="option"]');
      const total = await results(page);
      assert.ok(total > 1000, `the whole dataset is listed: ${total}`);
      assert.ok((await count(page, '[role="option"]')) < 60, 'virtualised: only the visible rows are drawn');
      assert.match((await part(page, '[role="status"]')).text, new RegExp(`${total} of ${total} entries`));

      await page.fill('#directory-search', '@ChineseEmbinUK');
      await page.waitUntil(() => Number(document.querySelector('[data-attache-results]').dataset.attacheResults) < 5);
      assert.equal((await part(page, '[role="option"]')).attributes['data-attache-account'], 'cn-embassy-gb');

      await page.fill('#directory-search', '');
      await page.waitUntil((n) => Number(document.querySelector('[data-attache-results]').dataset.attacheResults) === n, total);
      await page.select('#filter-country', 'CN');
      await page.select('#filter-confidence', 'high');
      const filtered = await results(page);
      assert.ok(filtered > 0 && filtered < total, `filtered: ${filtered} of ${total}`);
      await page.select('#filter-category', 'embassy');
      assert.ok((await results(page)) <= filtered);
      const rows = await page.evaluate(() => [...document.querySelectorAll('[role="option"] .row-meta')].map((r) => r.textContent));
      assert.ok(rows.length > 0);
      for (const row of rows) assert.match(row, /Embassy · China/);

      // Keyboard: from the search field into the list, down one, Enter opens the card, Escape closes it.
      await page.focus('#directory-search');
      await page.press('ArrowDown');
      assert.equal(await active(page), 'listbox');
      const firstId = await activeDescendant(page);
      await page.press('ArrowDown');
      const secondId = await activeDescendant(page);
      if ((await results(page)) > 1) assert.notEqual(secondId, firstId);
      assert.equal((await part(page, `#${secondId}`)).attributes['aria-selected'], 'true');
      await page.press('Enter');
      await page.waitUntil(([h, i]) => !!document.querySelector(h)?.shadowRoot?.querySelector(i), CARD);
      const titles = await summaries(page);
      assert.ok(titles.some((t) => t.includes('Suggest a correction')), titles.join(' | '));
      assert.ok(titles.some((t) => t.includes('Sources for this entry')), titles.join(' | '));
      await page.press('Escape');
      await page.waitUntil(([h, i]) => !document.querySelector(h)?.shadowRoot?.querySelector(i), CARD);
      assert.equal(await active(page), 'listbox');
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });
  });
}
