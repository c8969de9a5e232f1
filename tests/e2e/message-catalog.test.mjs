// The message catalogue: the background writes every message into storage.local; X pages read their words from it
// instead of calling the i18n API (whose first call blocks the page's main thread in Chromium). A stale or corrupt
// catalogue is never used: the page reads from the API as before, and the background writes a good one again.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, waitForAttache, badges, openExtensionPage } from './harness.mjs';

const KEY = 'messageCatalog';

describe('message catalogue', () => {
  let session;
  let extensionPage;
  before(async () => {
    session = await startBrowser();
    extensionPage = await openExtensionPage(session.context, session.extensionId, 'src/popup/index.html');
  });
  after(async () => {
    await session?.close();
  });

  const stored = () => extensionPage.evaluate(async (key) => (await chrome.storage.local.get(key))[key] ?? null, KEY);
  const store = (value) => extensionPage.evaluate(async ([key, v]) => chrome.storage.local.set({ [key]: v }), [KEY, value]);
  async function written() {
    for (let i = 0; i < 100; i++) {
      const catalogue = await stored();
      if (catalogue && catalogue.messages?.category_diplomat === 'Diplomat') return catalogue;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail(`no good catalogue in storage: ${JSON.stringify(await stored())?.slice(0, 200)}`);
  }
  async function profileLabel() {
    const page = await session.context.newPage();
    await page.goto('https://x.com/AmbLiuXiaoMing');
    await waitForAttache(page);
    await page.waitForSelector('attache-badge[data-attache-placement="profile"]');
    const profile = (await badges(page)).find((b) => b.placement === 'profile');
    await page.close();
    return profile.label?.replace(/\s*\d+$/, '');
  }

  it('the background writes every message of the UI language, with markers for substitutions', async () => {
    const catalogue = await written();
    assert.equal(catalogue.language, await extensionPage.evaluate(() => chrome.i18n.getUILanguage()));
    assert.match(catalogue.id, /^[0-9a-f]{16}$/);
    const api = await extensionPage.evaluate(() => ['category_diplomat', 'country_GB', 'countryShort_GB', '@@bidi_dir'].map((k) => chrome.i18n.getMessage(k)));
    assert.deepEqual(['category_diplomat', 'country_GB', 'countryShort_GB', '@@bidi_dir'].map((k) => catalogue.messages[k]), api);
    assert.match(catalogue.messages.badgeAriaLabel, /\uE000/);
  });

  it('X pages take their words from it', async () => {
    const good = await written();
    // The same build and language, one word changed: only a page that reads the catalogue shows it.
    await store({ ...good, messages: { ...good.messages, category_diplomat: 'Envoy' } });
    assert.equal(await profileLabel(), 'Envoy · China');
    await store(good);
    assert.equal(await profileLabel(), 'Diplomat · China');
  });

  for (const [what, bad] of [
    ['of another build', (good) => ({ ...good, id: '0000000000000000', messages: { ...good.messages, category_diplomat: 'Envoy' } })],
    ['for another UI language', (good) => ({ ...good, language: 'fr', messages: { ...good.messages, category_diplomat: 'Envoy' } })],
    ['corrupt', () => 'not a catalogue'],
    ['with a message that is not text', (good) => ({ ...good, messages: { ...good.messages, category_diplomat: 7 } })],
  ]) {
    it(`a catalogue ${what} is not used: the page reads from the i18n API, and a good one is written again`, async () => {
      const good = await written();
      await store(bad(good));
      assert.equal(await profileLabel(), 'Diplomat · China');
      assert.deepEqual(await written(), good);
    });
  }
});
