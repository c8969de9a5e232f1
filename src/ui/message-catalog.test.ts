import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countryName, resetI18nCaches, t, uiDirection, useMessageCatalog } from './i18n';
import {
  type StoredCatalog, buildCatalog, loadMessageCatalog, MESSAGE_CATALOG_KEY, readCatalog, WRITE_MESSAGE_CATALOG, writeMessageCatalog,
} from './message-catalog';
import { getMessage, loadMessages } from '../../tests/unit/i18n-messages';
import { countryMessages, messageCatalogInfo } from '../../scripts/lib/vite-locales-plugin';

/** The i18n API of a build in `lang` (country names included), counting its calls. */
function countingApi(lang = 'en') {
  const asked: string[] = [];
  const generated = countryMessages(lang);
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, subs?: string | string[]) => {
      asked.push(key);
      return getMessage(key, subs, lang) || generated[key]?.message || '';
    },
    getUILanguage: () => lang,
  });
  return asked;
}

afterEach(() => {
  useMessageCatalog(null);
  resetI18nCaches();
});

describe('the message catalogue', () => {
  const keys = Object.keys(loadMessages('en'));

  it('gives exactly what the i18n API gives, for every message and any substitution text, without calling it', () => {
    const catalogue = buildCatalog(keys, (key, subs) => getMessage(key, subs), 'build', 'en');
    const asked = countingApi();
    useMessageCatalog(readCatalog(catalogue, 'build', 'en').catalog);
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '$', '1', '$1', '$$', '\uE000', 'ب', '<', '&') });
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.array(text, { maxLength: 9 }), (key, subs) => {
        expect(t(key, subs)).toBe(getMessage(key, subs) || key);
        expect(t(key)).toBe(getMessage(key) || key);
      }),
      { numRuns: 2000 },
    );
    expect(uiDirection('en')).toBe('ltr');
    expect(asked).toEqual([]);
  });

  it('carries the text direction, so an Arabic UI is right-to-left without asking the API', () => {
    const catalogue = buildCatalog(Object.keys(loadMessages('ar')), (key, subs) => getMessage(key, subs, 'ar'), 'build', 'ar');
    expect(catalogue.messages['@@bidi_dir']).toBe('rtl');
    const asked = countingApi('en');
    useMessageCatalog(readCatalog(catalogue, 'build', 'ar').catalog);
    // 'en' as the language: only the catalogue can say rtl here.
    expect(uiDirection('en')).toBe('rtl');
    expect(asked).toEqual([]);
  });

  it('serves country names from the catalogue when its messages are in the UI language', () => {
    const messages = { ...Object.fromEntries(keys.map((k) => [k, getMessage(k)])), localeFolder: 'fr', country_CN: 'Chine (catalogue)' };
    const asked = countingApi('fr');
    useMessageCatalog(new Map(Object.entries(messages)));
    expect(countryName('CN')).toBe('Chine (catalogue)');
    expect(asked).toEqual([]);
  });

  it('holds every message: a key it lacks has none, and the API is not asked (a short country name that is the long one)', () => {
    const catalogue = buildCatalog(__ATTACHE_MESSAGE_KEYS__, (key, subs) => getMessage(key, subs) || countryMessages('en')[key]?.message || '', 'build', 'en');
    expect(catalogue.messages.countryShort_CN).toBeUndefined();
    const asked = countingApi();
    useMessageCatalog(readCatalog(catalogue, 'build', 'en').catalog);
    expect(countryName('CN', undefined, 'short')).toBe('China');
    expect(countryName('GB', undefined, 'short')).toBe('UK');
    expect(t('noSuchMessage')).toBe('noSuchMessage');
    expect(asked).toEqual([]);
  });

  it('is used only when it is of this build and this UI language, and every message is text', () => {
    const good = { id: 'b1', language: 'en', messages: { a: 'A \uE000' } };
    expect(readCatalog(good, 'b1', 'en').catalog?.get('a')).toBe('A \uE000');
    const problems = [
      [undefined, 'none stored'],
      [null, 'not a message catalogue'],
      ['text', 'not a message catalogue'],
      [{ id: 'b1', language: 'en' }, 'not a message catalogue'],
      [{ ...good, id: 'b0' }, 'another build'],
      [{ ...good, language: 'fr' }, 'another UI language (fr)'],
      [{ ...good, messages: { a: 3 } }, 'message a is not text'],
      [{ ...good, messages: { a: '' } }, 'message a is not text'],
    ] as const;
    for (const [value, problem] of problems) {
      const reading = readCatalog(value, 'b1', 'en');
      expect(reading.catalog).toBeNull();
      expect('problem' in reading && reading.problem).toContain(problem);
    }
  });
});

describe('storing and loading the catalogue', () => {
  it('the background writes it once per build and language; a page then reads no message from the API', async () => {
    countingApi();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await writeMessageCatalog();
    await writeMessageCatalog();
    expect(set).toHaveBeenCalledTimes(1);
    const stored = (await fakeBrowser.storage.local.get(MESSAGE_CATALOG_KEY))[MESSAGE_CATALOG_KEY] as StoredCatalog;
    expect(stored.id).toBe(__ATTACHE_MESSAGES_ID__);
    expect(Object.keys(stored.messages)).toEqual(expect.arrayContaining(['badgeAriaLabel', 'country_GB', '@@bidi_dir']));

    const asked = countingApi();
    expect(await loadMessageCatalog()).toBeNull();
    expect(t('badgeAriaLabel', ['A', 'B', 'C', 'D'])).toBe(getMessage('badgeAriaLabel', ['A', 'B', 'C', 'D']));
    expect(countryName('GB', undefined, 'short')).toBe('UK');
    expect(asked).toEqual([]);
  });

  it('rewrites a catalogue of another build or language', async () => {
    countingApi();
    await fakeBrowser.storage.local.set({ [MESSAGE_CATALOG_KEY]: { id: 'old', language: 'en', messages: { a: 'b' } } });
    await writeMessageCatalog();
    const stored = (await fakeBrowser.storage.local.get(MESSAGE_CATALOG_KEY))[MESSAGE_CATALOG_KEY] as StoredCatalog;
    expect(stored.id).toBe(__ATTACHE_MESSAGES_ID__);
    expect(stored.messages.a).toBeUndefined();
  });

  it('a page with no usable catalogue reads from the API as before, and asks the background for a new one', async () => {
    const requests: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      requests.push(message);
    });
    await fakeBrowser.storage.local.set({ [MESSAGE_CATALOG_KEY]: { id: 'old', language: 'en', messages: { badgeNoticeMarker: 'stale' } } });
    const asked = countingApi();
    expect(await loadMessageCatalog()).toBe('written by another build');
    expect(t('badgeNoticeMarker')).toBe(getMessage('badgeNoticeMarker'));
    expect(asked).toEqual(['badgeNoticeMarker']);
    expect(requests).toEqual([{ type: WRITE_MESSAGE_CATALOG }]);
  });

  it('survives storage that cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage is broken'));
    countingApi();
    expect(await loadMessageCatalog()).toBe('storage is broken');
    expect(t('badgeNoticeMarker')).toBe(getMessage('badgeNoticeMarker'));
  });
});

describe('what the build gives the catalogue', () => {
  function localesDir(messages: Record<string, Record<string, string>>): string {
    const dir = mkdtempSync(join(tmpdir(), 'attache-locales-'));
    for (const [locale, entries] of Object.entries(messages)) {
      mkdirSync(join(dir, '_locales', locale), { recursive: true });
      const json = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, { message: v }]));
      writeFileSync(join(dir, '_locales', locale, 'messages.json'), JSON.stringify(json));
    }
    return dir;
  }

  it('lists every key of the default locale as built, generated country names included', () => {
    const { keys } = messageCatalogInfo('public');
    expect(keys).toEqual(expect.arrayContaining([...Object.keys(loadMessages('en')), 'localeFolder', 'country_GB', 'countryShort_GB']));
    expect(__ATTACHE_MESSAGE_KEYS__).toEqual(keys);
  });

  it('changes its id when any locale\'s message changes, and only then', () => {
    const a = messageCatalogInfo(localesDir({ en: { hello: 'Hello' }, fr: { hello: 'Bonjour' } }));
    const same = messageCatalogInfo(localesDir({ en: { hello: 'Hello' }, fr: { hello: 'Bonjour' } }));
    const changed = messageCatalogInfo(localesDir({ en: { hello: 'Hello' }, fr: { hello: 'Salut' } }));
    expect(same.id).toBe(a.id);
    expect(changed.id).not.toBe(a.id);
    expect(a.keys).toContain('hello');
    expect(() => messageCatalogInfo(localesDir({ fr: { hello: 'Bonjour' } }))).toThrow(/no _locales\/en/);
  });
});
