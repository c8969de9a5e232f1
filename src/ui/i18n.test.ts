import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { countryMessages } from '../../scripts/lib/vite-locales-plugin';
import fc from 'fast-check';
import { countryName, formatPartialDate, resetI18nCaches, sameLanguage, t, uiDirection } from './i18n';
import { getMessage, loadMessages } from '../../tests/unit/i18n-messages';

describe('UI language helpers', () => {
  it('gives right-to-left for Arabic, Hebrew and Persian UIs, left-to-right for the others', () => {
    expect(uiDirection('ar')).toBe('rtl');
    expect(uiDirection('he-IL')).toBe('rtl');
    expect(uiDirection('fa')).toBe('rtl');
    expect(uiDirection('en-US')).toBe('ltr');
    expect(uiDirection('zh-CN')).toBe('ltr');
    expect(uiDirection('not a tag')).toBe('ltr');
  });

  it('formats dates with only the precision the source gave', () => {
    expect(formatPartialDate('2010', 'en')).toBe('2010');
    expect(formatPartialDate('2010-03', 'en')).toBe('March 2010');
    expect(formatPartialDate('2021-01-31', 'en')).toBe('Jan 31, 2021');
    expect(formatPartialDate('2021-01-31', 'fr')).toBe('31 janv. 2021');
  });

  it('names countries in the UI language, short for badges, and international bodies', () => {
    expect(countryName('GB', 'en')).toBe('United Kingdom');
    expect(countryName('GB', 'en', 'short')).toBe('UK');
    expect(countryName('CN', 'zh-CN')).toBe('中国');
    expect(countryName('INT', 'en')).toBe('International');
  });
});

describe('country names from the built messages', () => {
  afterEach(() => resetI18nCaches());

  /** The browser's i18n API as in a build: the messages of `folder` (with the generated names), a UI language. */
  function browserWith(folder: string, ui: string, names: Record<string, string> = {}) {
    const messages = { ...Object.fromEntries(Object.entries(countryMessages(folder)).map(([k, v]) => [k, v.message])), ...names };
    const asked: string[] = [];
    Object.assign(fakeBrowser.i18n, {
      getMessage: (key: string) => {
        asked.push(key);
        return messages[key] ?? '';
      },
      getUILanguage: () => ui,
    });
    resetI18nCaches();
    return asked;
  }

  it('the build generates long names, short ones where they differ, and its folder, per locale', () => {
    const en = countryMessages('en');
    expect(en.localeFolder!.message).toBe('en');
    expect(en.country_GB!.message).toBe('United Kingdom');
    expect(en.countryShort_GB!.message).toBe('UK');
    expect(en.countryShort_CN).toBeUndefined();
    expect(en.country_XK!.message).toBe('Kosovo');
    expect(en.country_INT).toBeUndefined();
    expect(countryMessages('fr').country_CN!.message).toBe('Chine');
    expect(countryMessages('zh_CN').country_CN!.message).toBe('中国');
    expect(Object.keys(countryMessages('ru')).filter((k) => k.startsWith('country_')).length).toBeGreaterThan(240);
  });

  it('reads names from the messages when they are in the UI language, without Intl', () => {
    const asked = browserWith('fr', 'fr-CA', { country_CN: 'Chine (messages)' });
    expect(countryName('CN')).toBe('Chine (messages)');
    expect(countryName('GB', undefined, 'short')).toBe('R.-U.');
    expect(countryName('CN')).toBe('Chine (messages)');
    expect(asked.filter((k) => k === 'country_CN')).toHaveLength(1); // read once
  });

  it('asks Intl when the messages are not in the UI language, or the build has no names', () => {
    browserWith('en', 'de', { country_CN: 'China (messages)' });
    expect(countryName('CN')).toBe('China');
    expect(countryName('US')).toBe('Vereinigte Staaten');
    Object.assign(fakeBrowser.i18n, { getMessage: () => '', getUILanguage: () => 'en-US' });
    resetI18nCaches();
    expect(countryName('GB', undefined, 'short')).toBe('UK');
    // An explicit other language is Intl's too.
    browserWith('en', 'en', { country_CN: 'China (messages)' });
    expect(countryName('CN', 'zh-CN')).toBe('中国');
    expect(countryName('CN')).toBe('China (messages)');
  });

  it('matches message folders to UI languages like the browser picks them', () => {
    expect(sameLanguage('fr', 'fr-CA')).toBe(true);
    expect(sameLanguage('en', 'en-GB')).toBe(true);
    expect(sameLanguage('zh_CN', 'zh-CN')).toBe(true);
    expect(sameLanguage('zh_CN', 'zh-TW')).toBe(false);
    expect(sameLanguage('en', 'de')).toBe(false);
    expect(sameLanguage('', 'en')).toBe(false);
  });
});

describe('t()', () => {
  afterEach(() => resetI18nCaches());

  it('gives exactly what the i18n API gives, for every message and any substitution text, asking it once per key', () => {
    const asked: string[] = [];
    Object.assign(fakeBrowser.i18n, {
      getMessage: (key: string, subs?: string | string[]) => {
        asked.push(key);
        return getMessage(key, subs);
      },
    });
    resetI18nCaches();
    const keys = Object.keys(loadMessages('en'));
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '$', '1', '$1', '$$', '\uE000', '\uE001', 'ب', '中', '<', '&') });
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.array(text, { minLength: 0, maxLength: 9 }), (key, subs) => {
        expect(t(key, subs)).toBe(getMessage(key, subs) || key);
        if (subs.length === 1) expect(t(key, subs[0])).toBe(getMessage(key, subs[0]) || key);
        expect(t(key)).toBe(getMessage(key) || key);
      }),
      { numRuns: 3000 },
    );
    // Two reads per key at most: one plain, one with markers.
    expect(asked.length).toBeLessThanOrEqual(keys.length * 2);
    expect(t('noSuchMessage', ['x'])).toBe('noSuchMessage');
  });
});
