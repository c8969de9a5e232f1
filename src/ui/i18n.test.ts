import { describe, expect, it } from 'vitest';
import { countryName, formatPartialDate, uiDirection } from './i18n';

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
