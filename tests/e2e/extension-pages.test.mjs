// The popup and the options page: accessible (axe-core, WCAG 2.1 AA) in light and dark colour schemes, keyboard use.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, openExtensionPage } from './harness.mjs';
import { axeViolations, WCAG_AA } from './axe.mjs';

describe('extension pages', () => {
  let session;
  before(async () => {
    session = await startBrowser();
  });
  after(async () => {
    await session?.close();
  });

  for (const scheme of ['light', 'dark']) {
    for (const path of ['src/popup/index.html', 'src/options/index.html']) {
      it(`${path} has no axe violations (${scheme})`, async () => {
        const page = await openExtensionPage(session.context, session.extensionId, path);
        await page.emulateMedia({ colorScheme: scheme });
        await page.getByRole('switch').first().waitFor();
        assert.deepEqual(await axeViolations(page, { rules: WCAG_AA }), []);
        await page.close();
      });
    }
  }

  it('the built messages carry country names, which the browser serves like any message', async () => {
    const page = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
    const got = await page.evaluate(() => ['localeFolder', 'country_CN', 'country_GB', 'countryShort_GB', 'country_INT'].map((k) => chrome.i18n.getMessage(k)));
    assert.deepEqual(got, ['en', 'China', 'United Kingdom', 'UK', '']);
    await page.close();
  });

  it('the axe check does catch violations (control)', async () => {
    const page = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
    await page.getByRole('switch').first().waitFor();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'faint text';
      p.style.cssText = 'color:#ddd;background:#fff';
      document.querySelector('main')?.append(p);
    });
    const found = await axeViolations(page, { rules: WCAG_AA });
    assert.ok(found.some((v) => v.startsWith('color-contrast')), found.join('\n'));
    await page.close();
  });

  it('the popup works from the keyboard alone', async () => {
    const page = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
    const master = page.locator('#attache-enabled');
    await master.waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'attache-enabled');
    await page.keyboard.press('Space');
    await page.waitForSelector('#attache-enabled[aria-checked="false"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#attache-enabled[aria-checked="true"]');
    // Every layer switch is reachable and carries its stable layer id.
    const ids = await page.$$eval('button[role="switch"][data-attache-layer]', (b) => b.map((x) => x.dataset.attacheLayer));
    assert.deepEqual(ids, [
      'heads-of-state-government', 'officials-ministries', 'diplomats-embassies', 'legislators', 'state-media',
      'international-orgs', 'notices-disputed', 'notices-security', 'lookalikes', 'mentions', 'x-government',
    ]);
    // The one layer that is off by default: X's own government mark on accounts outside the dataset.
    assert.equal(await page.getAttribute('button[role="switch"][data-attache-layer="x-government"]', 'aria-checked'), 'false');
    await page.close();
  });
});
