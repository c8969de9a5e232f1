// The card in the real browser: keyboard-only flow, placement near the viewport's edges, X's three themes followed
// live, right-to-left pages, and axe-core (WCAG 2.1 AA) on the open card in every theme.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startBrowser, waitForAttache } from './harness.mjs';
import { axeViolations, WCAG_AA } from './axe.mjs';

const SHOTS = 'test-results';
const THEMES = { light: 'rgb(255, 255, 255)', dim: 'rgb(21, 32, 43)', dark: 'rgb(0, 0, 0)' };

describe('context card', () => {
  let session;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await startBrowser();
  });
  after(async () => {
    await session?.close();
  });

  async function openProfile(url = 'https://x.com/AmbLiuXiaoMing') {
    const page = await session.context.newPage();
    await page.goto(url);
    await waitForAttache(page);
    await page.waitForSelector('attache-badge');
    return page;
  }

  it('keyboard only: Tab reaches the badge, Enter opens, Tab walks the links inside, Escape returns focus', async () => {
    const page = await openProfile();
    // Tab from the top of the page until the profile badge has focus (X's own controls come first).
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.closest('attache-badge')?.getAttribute('data-attache-placement') === 'profile');
    }
    assert.ok(reached, 'the profile badge is reachable with Tab');
    await page.keyboard.press('Enter');
    const card = page.locator('attache-card');
    await card.waitFor();
    await page.waitForFunction(() => document.activeElement?.localName === 'attache-card');
    const focusables = await card.evaluate(
      (host) => [...host.shadowRoot.querySelectorAll('a[href], button, summary, textarea')].filter((el) => el.checkVisibility()).length,
    );
    const visited = [];
    for (let i = 0; i < Math.min(focusables, 14); i++) {
      await page.keyboard.press('Tab');
      visited.push(
        await card.evaluate((host) => {
          const el = host.shadowRoot.activeElement;
          return el ? `${el.localName}${el.getAttribute('href') ? ' ' + el.getAttribute('href') : ''}` : 'outside';
        }),
      );
    }
    assert.ok(visited.filter((v) => v.startsWith('a https://')).length >= 3, `links reached by Tab: ${visited.join(', ')}`);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.closest('attache-badge')?.getAttribute('data-attache-placement')), 'profile');
    // Tabbing past the card's last control closes it and returns to the badge: it never lingers behind the focus.
    await page.keyboard.press('Enter');
    await card.waitFor();
    await page.waitForFunction(() => document.activeElement?.localName === 'attache-card');
    for (let i = 0; i < focusables + 1; i++) await page.keyboard.press('Tab');
    await card.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.closest('attache-badge')?.getAttribute('data-attache-placement')), 'profile');
    await page.close();
  });

  it('a mouse resting on a badge opens its card after the delay, and leaving both closes it', async () => {
    const page = await openProfile();
    const badge = page.locator('article attache-badge[data-attache-placement="tweet-author"] button').first();
    await badge.hover();
    const card = page.locator('attache-card');
    // The default delay is 600 ms: not yet at 300, open well before 2,000.
    await page.waitForTimeout(300);
    assert.equal(await card.count(), 0, 'no card before the delay');
    await card.waitFor({ timeout: 2000 });
    assert.equal(await card.getAttribute('data-attache-card'), 'liu-xiaoming');
    assert.equal(await badge.getAttribute('aria-expanded'), 'true');
    await page.mouse.move(5, 890);
    await card.waitFor({ state: 'detached', timeout: 2000 });
    assert.equal(await badge.getAttribute('aria-expanded'), 'false');
    await page.close();
  });

  it('stays inside the viewport near its edges and flips above when there is no room below', async () => {
    const page = await openProfile('https://x.com/home');
    await page.setViewportSize({ width: 640, height: 700 });
    const badge = page.locator('article attache-badge[data-attache-account="liu-xiaoming"] button').first();
    // Give the page room above the post, then bring the badge to the bottom edge of the viewport.
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      document.querySelector('[data-testid="primaryColumn"]').prepend(spacer);
    });
    await badge.evaluate((b) => {
      const rect = b.getBoundingClientRect();
      window.scrollBy(0, rect.bottom - window.innerHeight + 4);
    });
    await badge.click();
    const card = page.locator('attache-card');
    await card.waitFor();
    const box = await card.locator('.card').boundingBox();
    const view = page.viewportSize();
    assert.equal(await card.getAttribute('data-attache-side'), 'above');
    assert.ok(box.y >= 0 && box.y + box.height <= view.height + 1, `vertical: ${JSON.stringify(box)}`);
    assert.ok(box.x >= 0 && box.x + box.width <= view.width + 1, `horizontal: ${JSON.stringify(box)}`);
    await page.waitForTimeout(200); // the opening animation, for a clear screenshot
    await page.screenshot({ path: `${SHOTS}/card-near-bottom-edge.png` });
    await page.close();
  });

  it('follows X\'s theme live and passes axe-core with the card open in light, dim and lights-out', async () => {
    const page = await openProfile();
    await page.locator('attache-badge[data-attache-placement="profile"] button').click();
    const card = page.locator('attache-card');
    await card.waitFor();
    await page.waitForTimeout(200);
    for (const [theme, colour] of Object.entries(THEMES)) {
      await page.evaluate((c) => {
        document.body.style.backgroundColor = c;
      }, colour);
      await page.waitForFunction((t) => document.querySelector('attache-card')?.getAttribute('data-attache-theme') === t, theme);
      const badgeTheme = await page.getAttribute('attache-badge[data-attache-placement="profile"]', 'data-attache-theme');
      assert.equal(badgeTheme, theme);
      const background = await card.locator('.card').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(background, colour, `card background follows the ${theme} theme`);
      const violations = await axeViolations(page, { include: ['attache-card', '.card'], rules: WCAG_AA });
      assert.deepEqual(violations, [], `${theme}: ${violations.join('\n')}`);
      const badgeViolations = await axeViolations(page, { include: 'attache-badge[data-attache-placement="profile"] button', rules: WCAG_AA });
      assert.deepEqual(badgeViolations, [], `${theme} badge: ${badgeViolations.join('\n')}`);
      await card.screenshot({ path: `${SHOTS}/card-${theme}.png` });
    }
    await page.close();
  });

  it('on a right-to-left X page the badge sits after the name, isolated, and the card stays on screen', async () => {
    const page = await openProfile('https://x.com/home?lang=ar');
    const badge = page.locator('article attache-badge[data-attache-account="liu-xiaoming"] button').first();
    const hostStyle = await page.locator('article attache-badge').first().evaluate((h) => getComputedStyle(h).unicodeBidi);
    assert.equal(hostStyle, 'isolate');
    await badge.click();
    const card = page.locator('attache-card');
    await card.waitFor();
    const box = await card.locator('.card').boundingBox();
    const view = page.viewportSize();
    assert.ok(box.x >= 0 && box.x + box.width <= view.width + 1);
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${SHOTS}/rtl-card.png` });
    await page.close();
  });
});
