// End to end: every placement on every fixture page, and the dynamic cases of spa.html, in headless Chromium with
// the built extension and the real bundled dataset. Expected sets come from expected.json, restricted to the
// accounts the dataset holds (it grows; the fixture's accounts may join it at any time).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startBrowser, waitForAttache, badges, warnings } from './harness.mjs';
import { expected } from '../fixtures/x/index.mjs';

const fixture = expected();
const LOOKALIKE_PLACEMENTS = new Set(['tweet-author', 'user-cell', 'hover-card', 'profile']);

/** Current and former handles of the accounts in dataset/ (lower case). */
function datasetHandles() {
  const handles = new Set();
  const dir = join('dataset', 'accounts');
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const doc = parse(readFileSync(join(dir, file), 'utf8'));
    const accounts = Array.isArray(doc) ? doc : doc?.accounts ?? [];
    for (const a of accounts) {
      if (a?.handle) handles.add(String(a.handle).toLowerCase());
      for (const f of a?.formerHandles ?? []) handles.add(String(f).toLowerCase());
    }
  }
  return handles;
}
const IN_DATASET = datasetHandles();
const key = (placement, handle) => `${placement} @${handle.toLowerCase()}`;

function expectedOfficial(file) {
  return fixture.pages[file].official.filter((e) => IN_DATASET.has(e.handle.toLowerCase())).map((e) => key(e.placement, e.handle)).sort();
}
function expectedWarnings(file) {
  return fixture.pages[file].lookalikes
    .filter((e) => LOOKALIKE_PLACEMENTS.has(e.placement) && IN_DATASET.has(fixture.lookalikes[e.handle].toLowerCase()))
    .map((e) => `${key(e.placement, e.handle)} ~@${fixture.lookalikes[e.handle].toLowerCase()}`)
    .sort();
}
const officialNow = async (page) => (await badges(page)).map((b) => key(b.placement, b.handle)).sort();
const warningsNow = async (page) => (await warnings(page)).map((w) => `${key(w.placement, w.handle)} ~@${w.resembles}`).sort();

/** Waits until the page's badges stop changing (two equal readings 150 ms apart). */
async function settled(page) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = JSON.stringify([await officialNow(page), await warningsNow(page)]);
    if (now === last) return;
    last = now;
    await page.waitForTimeout(150);
  }
}

describe('placements in Chromium', () => {
  let session;
  before(async () => {
    session = await startBrowser();
  });
  after(async () => {
    await session?.close();
  });

  assert.ok(IN_DATASET.has('ambliuxiaoming'), 'the dataset has the fixture accounts this suite relies on');

  for (const [file, page] of Object.entries(fixture.pages)) {
    it(`${file}: exactly the expected badges and lookalike warnings`, async () => {
      const tab = await session.context.newPage();
      await tab.goto(page.url);
      await waitForAttache(tab);
      await settled(tab);
      assert.deepEqual(await officialNow(tab), expectedOfficial(file));
      assert.deepEqual(await warningsNow(tab), expectedWarnings(file));
      for (const w of await warnings(tab)) {
        assert.equal(w.layer, 'lookalikes');
        assert.equal(w.label, `Not @${fixture.lookalikes[Object.keys(fixture.lookalikes).find((h) => h.toLowerCase() === w.handle)]} · lookalike`);
      }
      await tab.close();
    });
  }

  it('hostile display names are text: no markup from a name becomes an element', async () => {
    const tab = await session.context.newPage();
    await tab.goto('https://x.com/search?q=embassy&src=typed_query&f=user');
    await waitForAttache(tab);
    await settled(tab);
    assert.equal(await tab.$$eval('[data-testid="UserCell"] img[src="x"], [data-testid="UserCell"] b', (els) => els.length), 0);
    await tab.close();
  });

  it('a lookalike warning opens a card that names the real account and links to it', async () => {
    const tab = await session.context.newPage();
    await tab.goto('https://x.com/home');
    await waitForAttache(tab);
    await tab.locator('attache-badge[data-attache-handle="ambliuxiaomlng"] button').click();
    const card = tab.locator('attache-card');
    await card.waitFor();
    const text = await card.locator('.card').innerText();
    assert.match(text, /This is not @AmbLiuXiaoMing; it resembles it/);
    assert.equal(await card.locator('a').getAttribute('href'), 'https://x.com/AmbLiuXiaoMing');
    await tab.close();
  });

  it('bios that arrive inside user cells already scanned get their mention badges', async () => {
    // A scoped search (a bio block inside a new wrapper, in a cell read before) must still see the cell around it.
    const tab = await session.context.newPage();
    await tab.goto('https://x.com/search?q=embassy&src=typed_query&f=user');
    await waitForAttache(tab);
    await settled(tab);
    const bioBadges = async () => (await officialNow(tab)).filter((b) => b.startsWith('bio-mention '));
    const before = await bioBadges();
    assert.ok(before.length > 1, 'the page has bio mentions');
    const moved = await tab.evaluate(() => {
      const bios = [...document.querySelectorAll('[data-testid="UserCell"] div[dir="auto"]')].filter((el) => el.querySelector('a[href^="/"]') && !el.closest('a'));
      window.__bios = bios.map((bio) => ({ bio, parent: bio.parentElement, next: bio.nextSibling }));
      for (const bio of bios) bio.remove();
      return bios.length;
    });
    assert.ok(moved > 1);
    await settled(tab);
    assert.deepEqual(await bioBadges(), []);
    await tab.evaluate(() => {
      const [first, ...rest] = window.__bios;
      first.parent.insertBefore(first.bio, first.next);
      for (const { bio, parent, next } of rest) {
        const wrapper = document.createElement('div');
        wrapper.append(bio);
        parent.insertBefore(wrapper, next);
      }
    });
    await settled(tab);
    assert.deepEqual(await bioBadges(), before);
    await tab.close();
  });

  describe('dynamic cases (spa.html)', () => {
    let tab;
    before(async () => {
      tab = await session.context.newPage();
      await tab.goto('https://x.com/AmbLiuXiaoMing?spa=1');
      await waitForAttache(tab);
      await settled(tab);
    });
    after(async () => tab?.close());

    const inCell = (i) => tab.evaluate((n) => [...window.__fixture.cells()[n].querySelectorAll('attache-badge')]
      .map((h) => `${h.getAttribute('data-attache-placement')} @${h.getAttribute('data-attache-handle')}${h.hasAttribute('data-attache-warning') ? ' (warning)' : ''}`), i);

    it('starts with the expected set', async () => {
      assert.deepEqual(await officialNow(tab), expectedOfficial('spa.html'));
    });

    it('in-place recycling: a cell reused for another author swaps its badge', async () => {
      assert.deepEqual(await inCell(0), ['tweet-author @ambliuxiaoming']);
      await tab.evaluate(() => window.__fixture.recycleCell(0, 'jane_reader'));
      await settled(tab);
      assert.deepEqual(await inCell(0), []);
      await tab.evaluate(() => window.__fixture.recycleCell(0, 'RT_com'));
      await settled(tab);
      assert.deepEqual(await inCell(0), ['tweet-author @rt_com']);
      await tab.evaluate(() => window.__fixture.recycleCell(0, 'AmbLiuXiaoMlng'));
      await settled(tab);
      assert.deepEqual(await inCell(0), ['tweet-author @ambliuxiaomlng (warning)']);
    });

    it('pushState navigation with the reused header: one profile badge, for the new account, and back', async () => {
      await tab.evaluate(() => window.__fixture.navigate('/ChineseEmbinUK'));
      await settled(tab);
      const profiles = async () => (await badges(tab)).filter((b) => b.placement === 'profile').map((b) => b.handle);
      assert.deepEqual(await profiles(), ['chineseembinuk']);
      const authors = (await badges(tab)).filter((b) => b.placement === 'tweet-author').map((b) => b.handle);
      assert.deepEqual(authors, ['chineseembinuk', 'chineseembinuk', 'chineseembinuk']);
      assert.deepEqual((await badges(tab)).filter((b) => b.placement === 'bio-mention').map((b) => b.handle).sort(), ['mfa_china', 'mfa_china']);
      await tab.evaluate(() => window.__fixture.navigate('/jane_reader'));
      await settled(tab);
      assert.deepEqual(await profiles(), []);
      await tab.evaluate(() => window.__fixture.navigate('/fakeaccount_9'));
      await settled(tab);
      assert.deepEqual(await profiles(), []);
      assert.deepEqual((await warnings(tab)).filter((w) => w.placement === 'profile').map((w) => `${w.handle}~${w.resembles}`), ['fakeaccount_9~statedept']);
      await tab.goBack();
      await settled(tab);
      assert.equal(new URL(tab.url()).pathname, '/jane_reader');
      assert.deepEqual(await profiles(), []);
      await tab.goBack();
      await settled(tab);
      assert.deepEqual(await profiles(), ['chineseembinuk']);
    });

    it('hover card: shown, swapped in place to another account, hidden', async () => {
      const inCard = () => tab.$$eval('#layers attache-badge', (hs) => hs.map((h) => `${h.getAttribute('data-attache-placement')} @${h.getAttribute('data-attache-handle')}`).sort());
      await tab.evaluate(() => window.__fixture.showHoverCard('AmbLiuXiaoMing'));
      await settled(tab);
      assert.deepEqual(await inCard(), ['bio-mention @chineseembinuk', 'hover-card @ambliuxiaoming']);
      await tab.evaluate(() => window.__fixture.showHoverCard('MFA_China'));
      await settled(tab);
      assert.deepEqual(await inCard(), ['hover-card @mfa_china']);
      await tab.evaluate(() => window.__fixture.showHoverCard('embassy_zw'));
      await settled(tab);
      assert.deepEqual(await inCard(), ['hover-card @embassy_zw']);
      await tab.evaluate(() => window.__fixture.hideHoverCard());
      await settled(tab);
      assert.deepEqual(await inCard(), []);
    });

    it('cells removed and inserted: badges follow, nothing duplicated', async () => {
      const count = await tab.evaluate(() => window.__fixture.cells().length);
      const before = (await badges(tab)).filter((b) => b.placement === 'tweet-author').length;
      await tab.evaluate(() => window.__fixture.removeCell(0));
      await settled(tab);
      const afterRemove = (await badges(tab)).filter((b) => b.placement === 'tweet-author').length;
      assert.ok(afterRemove <= before);
      await tab.evaluate(() => window.__fixture.appendPosts(6, ['ChineseEmbinUK', 'jane_reader', 'RT_com', 'MFA_China', 'newsfan_42', 'StateDept']));
      await settled(tab);
      assert.equal(await tab.evaluate(() => window.__fixture.cells().length), count - 1 + 6);
      const cells = await tab.evaluate(() => window.__fixture.cells().length);
      const last6 = [];
      for (let i = cells - 6; i < cells; i++) last6.push(await inCell(i));
      assert.deepEqual(last6, [['tweet-author @chineseembinuk'], [], ['tweet-author @rt_com'], ['tweet-author @mfa_china'], [], ['tweet-author @statedept']]);
      const all = await tab.$$eval('attache-badge', (hs) => hs.map((h) => h.parentElement));
      assert.equal(new Set(all).size <= all.length, true);
    });
  });
});
