// The dataset directory in the real browser: search and filters, keyboard only (arrows, Enter, Escape), a listbox
// a screen reader can follow (options, live count), the entry's card, links from the popup and options, axe-core
// (WCAG 2.1 AA) in light and dark, and a virtualised list (a few dozen rows drawn for the whole dataset).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startBrowser, openExtensionPage } from './harness.mjs';
import { axeViolations, WCAG_AA } from './axe.mjs';

const SHOTS = 'test-results';
const PAGE = 'src/directory/index.html';

describe('dataset directory', () => {
  let session;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await startBrowser();
  });
  after(async () => {
    await session?.close();
  });

  const count = (page) => page.locator('[data-attache-results]').getAttribute('data-attache-results').then(Number);

  it('is linked from the popup and the options page', async () => {
    for (const path of ['src/popup/index.html', 'src/options/index.html']) {
      const page = await openExtensionPage(session.context, session.extensionId, path);
      const href = await page.locator('#attache-directory-link').getAttribute('href');
      assert.match(href, /src\/directory\/index\.html$/, path);
      await page.close();
    }
  });

  it('searches, filters and opens an entry with the keyboard only; draws only the visible rows', async () => {
    const page = await openExtensionPage(session.context, session.extensionId, PAGE);
    await page.waitForSelector('[role="listbox"] [role="option"]');
    const total = await count(page);
    assert.ok(total > 1000, `the whole dataset is listed: ${total}`);
    assert.ok((await page.locator('[role="option"]').count()) < 60, 'virtualised: only the visible rows are drawn');
    assert.match(await page.locator('[role="status"]').textContent(), new RegExp(`${total} of ${total} entries`));

    await page.locator('#directory-search').fill('@ChineseEmbinUK');
    await page.waitForFunction(() => Number(document.querySelector('[data-attache-results]').dataset.attacheResults) < 5);
    assert.equal(await page.locator('[role="option"]').first().getAttribute('data-attache-account'), 'cn-embassy-gb');

    await page.locator('#directory-search').fill('');
    await page.selectOption('#filter-country', 'CN');
    await page.selectOption('#filter-confidence', 'high');
    const filtered = await count(page);
    assert.ok(filtered > 0 && filtered < total);
    await page.selectOption('#filter-category', 'embassy');
    assert.ok((await count(page)) <= filtered);
    for (const row of await page.locator('[role="option"] .row-meta').allTextContents()) assert.match(row, /Embassy · China/);

    // Keyboard: from the search field into the list, down one, Enter opens the card, Escape closes it.
    await page.locator('#directory-search').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'listbox');
    const firstId = await page.locator('[role="listbox"]').getAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowDown');
    const secondId = await page.locator('[role="listbox"]').getAttribute('aria-activedescendant');
    if ((await count(page)) > 1) assert.notEqual(secondId, firstId);
    assert.equal(await page.locator(`#${secondId}`).getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Enter');
    const card = page.locator('.card-host [role="dialog"]');
    await card.waitFor();
    assert.ok(await card.locator('summary', { hasText: 'Suggest a correction' }).count());
    assert.ok(await card.locator('summary', { hasText: 'Sources for this entry' }).count());
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'listbox');
    await page.close();
  });

  for (const scheme of ['light', 'dark']) {
    it(`passes axe-core with an entry open (${scheme})`, async () => {
      const page = await openExtensionPage(session.context, session.extensionId, PAGE);
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForSelector('[role="option"]');
      await page.selectOption('#filter-confidence', 'unverified');
      await page.locator('[role="option"]').first().click();
      await page.locator('.card-host [role="dialog"]').waitFor();
      assert.deepEqual(await axeViolations(page, { rules: WCAG_AA }), []);
      await page.screenshot({ path: `${SHOTS}/directory-${scheme}.png` });
      await page.close();
    });
  }
});
