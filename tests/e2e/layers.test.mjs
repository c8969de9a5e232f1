// Researchers' features in the real browser: layer switches in the popup change open X tabs live; a custom CSV
// list is imported through the options page and annotated; the session log exports what was shown.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowser, waitForAttache, openExtensionPage } from './harness.mjs';

const MENTION_PLACEMENTS = new Set(['mention', 'bio-mention', 'reply-to']);

/** Every badge host on the page: placement, handle and layers. */
function hosts(page) {
  return page.$$eval('attache-badge', (list) =>
    list.map((h) => ({
      key: `${h.getAttribute('data-attache-placement')} @${h.getAttribute('data-attache-handle')}`,
      layers: (h.getAttribute('data-attache-layer') ?? '').split(' ').filter(Boolean),
      placement: h.getAttribute('data-attache-placement'),
    })),
  );
}

/** The same rule as src/core/layers.ts, written out independently: what should remain with `off` switched off. */
function visibleWith(all, off) {
  return all.filter((h) => {
    if (MENTION_PLACEMENTS.has(h.placement) && off.has('mentions')) return false;
    return h.layers.some((l) => l !== 'mentions' && !off.has(l));
  });
}

const keys = (list) => list.map((h) => h.key).sort();

describe('layers, custom lists and the session log', () => {
  let session;
  let xTab;
  before(async () => {
    session = await startBrowser();
    xTab = await session.context.newPage();
    await xTab.goto('https://x.com/home');
    await waitForAttache(xTab);
    await xTab.waitForSelector('attache-badge');
    await xTab.waitForTimeout(300);
  });
  after(async () => {
    await session?.close();
  });

  it('each layer switch in the popup removes and restores exactly its badges in the open X tab', async () => {
    const all = await hosts(xTab);
    const present = new Set(all.flatMap((h) => h.layers));
    assert.ok(present.size >= 5, `several layers on the page: ${[...present].join(', ')}`);
    const popup = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
    await popup.locator('#attache-enabled').waitFor();
    // The popup counts distinct accounts per layer on the page.
    await popup.waitForSelector('[data-attache-total]');
    const total = Number(await popup.locator('[data-attache-total]').getAttribute('data-attache-total'));
    assert.ok(total > 0);
    for (const layer of present) {
      const toggle = popup.locator(`button[role="switch"][data-attache-layer="${layer}"]`);
      await toggle.click();
      await popup.waitForSelector(`button[role="switch"][data-attache-layer="${layer}"][aria-checked="false"]`);
      const want = keys(visibleWith(all, new Set([layer])));
      await xTab.waitForFunction((n) => document.querySelectorAll('attache-badge').length === n, want.length);
      assert.deepEqual(keys(await hosts(xTab)), want, `with ${layer} off`);
      await toggle.click();
      await xTab.waitForFunction((n) => document.querySelectorAll('attache-badge').length === n, all.length);
      assert.deepEqual(keys(await hosts(xTab)), keys(all), `with ${layer} back on`);
    }
    await popup.close();
  });

  it('imports a custom CSV list through the options page and annotates its accounts with the custom label', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attache-csv-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'handle,label,country\njane_reader,Researcher pick,GB\nnot a handle,Bad,XX\n');
    const good = join(dir, 'my-list.csv');
    writeFileSync(good, 'handle,label,country,note,source_url\njane_reader,Researcher pick,GB,Met at a conference,https://example.org/jane\nmapsandmore,Cartography,,,\n');

    const options = await openExtensionPage(session.context, session.extensionId, 'src/options/index.html');
    await options.locator('#custom-file').setInputFiles(broken);
    const alert = options.locator('[data-attache-import-preview] [role="alert"]');
    await alert.waitFor();
    const problems = await alert.innerText();
    assert.match(problems, /Row 3, column handle/);
    assert.match(problems, /Row 3, column country/);
    assert.equal(await options.locator('button.primary').count(), 0, 'nothing can be saved from a file with problems');

    await options.locator('#custom-file').setInputFiles(good);
    await options.getByText('Preview: 2 accounts').waitFor();
    await options.locator('#layer-name').fill('Conference contacts');
    await options.locator('button.primary').click();
    await options.getByText('Saved “Conference contacts” with 2 accounts.').waitFor();

    const badge = xTab.locator('attache-badge[data-attache-handle="jane_reader"][data-attache-placement="tweet-author"]').first();
    await badge.waitFor();
    assert.equal((await badge.locator('button').innerText()).trim(), 'Researcher pick');
    assert.match(await badge.getAttribute('data-attache-layer'), /^custom:conference-contacts-/);
    await badge.locator('button').click();
    const card = xTab.locator('attache-card');
    await card.waitFor();
    const text = await card.locator('.card').innerText();
    assert.match(text, /From your list “Conference contacts”/i);
    assert.match(text, /Met at a conference/);
    await xTab.keyboard.press('Escape');

    // Disabling the list in the popup removes its badges live.
    const popup = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
    const toggle = popup.locator('button[role="switch"][data-attache-layer^="custom:"]');
    await toggle.click();
    await badge.waitFor({ state: 'detached' });
    await toggle.click();
    await badge.waitFor();
    await Promise.all([popup.close(), options.close()]);
  });

  it('records a session log that exports exactly what was shown', async () => {
    const options = await openExtensionPage(session.context, session.extensionId, 'src/options/index.html');
    const logSwitch = options.locator('#session-log');
    await logSwitch.click();
    await options.waitForSelector('#session-log[aria-checked="true"]');
    const page = await session.context.newPage();
    await page.goto('https://x.com/AmbLiuXiaoMing');
    await waitForAttache(page);
    await page.waitForSelector('attache-badge');
    await page.waitForTimeout(300);
    const shown = await page.$$eval('attache-badge:not([data-attache-warning])', (list) =>
      list.map((h) => `${h.getAttribute('data-attache-placement')} @${h.getAttribute('data-attache-handle')}`),
    );
    await options.waitForFunction(() => Number(document.querySelector('[data-attache-log-count]')?.getAttribute('data-attache-log-count')) > 0, null, { timeout: 10_000 });
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export CSV' }).last().click()]);
    const csv = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
    assert.equal(csv[0], 'time,path,placement,handle,account,layers,dataset,post');
    const rows = csv.slice(1).map((line) => line.slice(1, -1).split('","'));
    const logged = rows.filter((r) => r[1] === '/AmbLiuXiaoMing').map((r) => `${r[2]} @${r[3]}`);
    // Repeated renders of one post are logged once: posts by the same account appear once each, by post id.
    assert.deepEqual([...new Set(logged)].sort(), [...new Set(shown)].sort());
    const profileRow = rows.find((r) => r[1] === '/AmbLiuXiaoMing' && r[2] === 'profile');
    assert.equal(profileRow[4], 'liu-xiaoming');
    assert.match(profileRow[5], /diplomats-embassies/);
    await logSwitch.click();
    await Promise.all([page.close(), options.close()]);
  });
});
