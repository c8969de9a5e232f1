// The demo's identity cases (npm start: scripts/demo.mjs, scripts/demo/) in Chromium, on the demo build: a page of
// fictional accounts that says so, whose GraphQL timeline the page fetches itself; matched by id, rename, recycled
// handle and (with the optional layer switched on in the popup) the X government marker, each as docs/identity.md
// specifies. Guards the demo against rot: the pictures in docs/images come from this page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { openExtensionPage, startBrowser, waitForAttache } from './harness.mjs';
import { DEMO_IDENTITY_URL, demoGraphql, demoIdentityPage } from '../../scripts/demo/identity-page.mjs';

describe('the demo\'s identity page (demo build, fictional accounts)', () => {
  let session;
  before(async () => {
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-variant.ts', 'demo', 'chrome'], { encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    session = await startBrowser({ dist: 'dist/demo-chrome', extraPages: { [DEMO_IDENTITY_URL]: demoIdentityPage() } });
    await session.context.route('**/i/api/graphql/**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(demoGraphql()) }));
  });
  after(async () => {
    await session?.close();
  });

  it('says it is a demo of fictional accounts, and shows each case as specified', async () => {
    const popup = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
    // Enabled once the popup has read the settings.
    const toggle = popup.locator('button[role="switch"][data-attache-layer="x-government"]:not([disabled])');
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-checked'), 'false');
    await toggle.click();
    await popup.waitForSelector('button[role="switch"][data-attache-layer="x-government"][aria-checked="true"]');
    await popup.close();

    const page = await session.context.newPage();
    await page.goto(DEMO_IDENTITY_URL);
    await waitForAttache(page);
    assert.match(await page.locator('[data-attache-demo-banner]').textContent(), /demo cases: fictional accounts/i);
    await page.waitForSelector('attache-badge[data-attache-handle="attachedemooff"][data-attache-identity="id"][data-attache-account="attache-demo-office"]');
    await page.waitForSelector('attache-badge[data-attache-handle="attachedemoemb2"][data-attache-identity="renamed"][data-attache-account="attache-demo-embassy"]');
    await page.waitForSelector('attache-badge[data-attache-handle="attachedemomin"][data-attache-warning="recycled"][data-attache-listed="attache-demo-ministry"]');
    await page.waitForSelector('attache-badge[data-attache-handle="attachedemogov"][data-attache-signal="x-government"]');
    assert.equal(await page.locator('attache-badge[data-attache-handle="attachedemomin"][data-attache-account]').count(), 0, 'no official badge on the recycled handle');
    assert.equal(await page.locator('attache-badge[data-attache-handle="attachedemogov"][data-attache-account]').count(), 0, 'no official badge from X\'s data alone');

    await page.locator('attache-badge[data-attache-handle="attachedemoemb2"] button').first().click();
    assert.match(await page.locator('attache-card .identity-line').textContent(), /Now @AttacheDemoEmb2, listed as @AttacheDemoEmb/);
    await page.keyboard.press('Escape');
    await page.locator('attache-badge[data-attache-handle="attachedemogov"] button').first().click();
    assert.equal(await page.locator('attache-card h2').textContent(), 'X marks this account as government');
    await page.close();
  });
});
