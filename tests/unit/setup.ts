/**
 * webextension-polyfill throws outside an extension: replace it with an in-memory fake browser (storage with
 * onChanged) plus i18n from our real _locales files.
 */
import { vi, beforeEach } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { getMessage } from './i18n-messages';

Object.assign(fakeBrowser.i18n, {
  getMessage: (key: string, subs?: string | string[]) => getMessage(key, subs),
  getUILanguage: () => 'en',
});

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, subs?: string | string[]) => getMessage(key, subs),
    getUILanguage: () => 'en',
  });
});
