// The extension's own pages in Chromium and Firefox ESR (drivers.mjs): the popup, the options page and the dataset
// directory (with an entry's card open) pass axe-core (WCAG 2.1 AA) in the light and the dark colour scheme, the
// popup works from the keyboard alone, and the built messages reach the i18n API.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BROWSERS, launch } from './drivers.mjs';
import { axeViolations, WCAG_AA } from './axe.mjs';

const SHOTS = 'test-results';
const CARD = ['.card-host', '[role="dialog"]'];

/** Opens an extension page and waits until it has drawn what axe should see. */
const READY = {
  'src/popup/index.html': async (page) => page.waitFor('[role="switch"]'),
  'src/options/index.html': async (page) => page.waitFor('[role="switch"]'),
  // The directory with an unverified entry's card open: the page's richest state.
  'src/directory/index.html': async (page) => {
    await page.waitFor('[role="option"]');
    await page.select('#filter-confidence', 'unverified');
    await page.waitUntil(() => Number(document.querySelector('[data-attache-results]').dataset.attacheResults) > 0);
    await page.click('[role="option"]');
    await page.waitUntil(([h, i]) => !!document.querySelector(h)?.shadowRoot?.querySelector(i), CARD);
  },
};

for (const name of BROWSERS) {
  // prefers-color-scheme is fixed per browser session (Firefox cannot change it over BiDi): one session per scheme.
  for (const scheme of ['light', 'dark']) {
    describe(`extension pages in ${name} (${scheme})`, () => {
      let session;
      before(async () => {
        mkdirSync(SHOTS, { recursive: true });
        session = await launch(name, { colorScheme: scheme });
      });
      after(async () => {
        await session?.close();
      });

      for (const [path, ready] of Object.entries(READY)) {
        it(`${path} has no axe violations`, async () => {
          const page = await session.extensionPage(path);
          await ready(page);
          assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), scheme === 'dark');
          // Text keeps the pages' own font and size (Chromium gives an extension page's body 75% of it by default).
          const fonts = await page.evaluate(() =>
            ['html', 'body', '[role="switch"], [role="option"]'].map((q) => {
              const s = getComputedStyle(document.querySelector(q));
              return `${s.fontSize} ${s.fontFamily}`;
            }),
          );
          assert.equal(fonts[1], fonts[0], `body: ${fonts.join(' | ')}`);
          assert.ok(parseFloat(fonts[2]) >= 13, `controls and rows are at least 13 px: ${fonts[2]}`);
          assert.deepEqual(await axeViolations(page, { rules: WCAG_AA }), []);
          if (path.includes('directory')) await page.screenshot(`${SHOTS}/directory-${name}-${scheme}.png`);
          assert.deepEqual(page.consoleErrors, []);
          await page.close();
        });
      }

      if (scheme === 'dark') return;

      it('the built messages carry country names, which the browser serves like any message', async () => {
        const page = await session.extensionPage('src/popup/index.html');
        const got = await page.evaluate(() =>
          ['localeFolder', 'country_CN', 'country_GB', 'countryShort_GB', 'country_INT'].map((k) => (globalThis.browser ?? chrome).i18n.getMessage(k)),
        );
        assert.deepEqual(got, ['en', 'China', 'United Kingdom', 'UK', '']);
        await page.close();
      });

      it('the axe check does catch violations (control)', async () => {
        const page = await session.extensionPage('src/popup/index.html');
        await page.waitFor('[role="switch"]');
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
        const page = await session.extensionPage('src/popup/index.html');
        await page.waitFor('#attache-enabled');
        await page.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'attache-enabled');
        await page.press('Space');
        await page.waitFor('#attache-enabled[aria-checked="false"]');
        await page.press('Enter');
        await page.waitFor('#attache-enabled[aria-checked="true"]');
        // Every layer switch is reachable and carries its stable layer id.
        const ids = await page.evaluate(() => [...document.querySelectorAll('button[role="switch"][data-attache-layer]')].map((b) => b.dataset.attacheLayer));
        assert.deepEqual(ids, [
          'heads-of-state-government', 'officials-ministries', 'diplomats-embassies', 'legislators', 'state-media',
          'international-orgs', 'notices-disputed', 'notices-security', 'lookalikes', 'mentions', 'x-government',
        ]);
        // The one layer that is off by default: X's own government mark on accounts outside the dataset.
        assert.equal(await page.evaluate(() => document.querySelector('button[role="switch"][data-attache-layer="x-government"]')?.getAttribute('aria-checked')), 'false');
        await page.close();
      });
    });
  }
}
