/**
 * UI strings come from `_locales` through the WebExtension i18n API; dataset text is never translated.
 * Country names come from the messages too (the build adds them), else from Intl, like dates, in the UI language.
 */
import browser from 'webextension-polyfill';

/** Messages without substitutions, once read: every badge asks for its category's name (a call into the browser). */
const plainMessages = new Map<string, string>();
/**
 * Messages with substitutions, read once with markers in place of $1..$9 and filled in here: a badge's accessible
 * label is one per account, and each call into the browser's i18n API costs far more than this replace.
 */
const messageTemplates = new Map<string, string>();
/** Stand-ins for $1..$9: private-use characters, which no message contains. */
export const MARKERS: readonly string[] = Array.from({ length: 9 }, (_, i) => String.fromCharCode(0xe000 + i));
const MARKER = /[\uE000-\uE008]/g;

/**
 * Every message of this build in the UI language, with markers for substitutions, handed over whole (see
 * message-catalog.ts): with it, reading a message never calls the browser's i18n API. In Chromium a content script's
 * first call to that API waits for the browser process to send the extension's messages, with the page's main thread
 * blocked meanwhile (8 to 20 ms measured).
 */
let catalog: ReadonlyMap<string, string> | null = null;

/** Reads messages from `messages` (null: from the browser's i18n API again). */
export function useMessageCatalog(messages: ReadonlyMap<string, string> | null): void {
  catalog = messages;
  messagesSpeakUi = null;
  regionNameCache.clear();
  plainMessages.clear();
  messageTemplates.clear();
}

export function t(key: string, substitutions?: string | string[]): string {
  if (substitutions !== undefined) {
    const values = typeof substitutions === 'string' ? [substitutions] : substitutions;
    let template = messageTemplates.get(key);
    if (template === undefined) {
      template = read(key, MARKERS);
      if (!template) return key;
      messageTemplates.set(key, template);
    }
    // One pass over the template: the values are inserted as they are, never scanned for markers themselves.
    return template.replace(MARKER, (marker) => values[marker.charCodeAt(0) - 0xe000] ?? '');
  }
  const known = plainMessages.get(key);
  if (known !== undefined) return known;
  const text = read(key);
  if (!text) return key;
  plainMessages.set(key, text);
  return text;
}

/**
 * A message from the catalogue or the browser, or '' (no such message, or i18n is gone once the extension context is
 * invalidated). With `MARKERS`, substitutions are left as markers; without, they are empty, as the browser does.
 */
function read(key: string, substitutions?: readonly string[]): string {
  if (catalog) {
    // The catalogue holds every message of the build: a key it lacks has none (`countryShort_CN`, say, where the short
    // name is the long one). Asking the API for it would make the very request the catalogue avoids.
    const template = catalog.get(key);
    if (template === undefined) return '';
    return substitutions === MARKERS ? template : template.replace(MARKER, '');
  }
  try {
    return browser.i18n.getMessage(key, substitutions as string[] | undefined) || '';
  } catch {
    return '';
  }
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/**
 * Text direction of the UI language. The i18n API's `@@bidi_dir` is asked first; it answered "ltr" for an Arabic UI
 * in Chromium's content scripts, so the language itself decides too (Intl's text info, then a list).
 */
export function uiDirection(language = uiLanguage()): 'ltr' | 'rtl' {
  // '' when i18n is gone (context invalidated): the language decides.
  if (read('@@bidi_dir') === 'rtl') return 'rtl';
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
    const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
  } catch {
    // not a valid tag: fall through
  }
  return RTL_LANGUAGES.has(language.toLowerCase().split(/[-_]/)[0]!) ? 'rtl' : 'ltr';
}

let cachedLanguage: string | null = null;

/** The browser's UI language (it does not change while a page lives, so it is read once). */
export function uiLanguage(): string {
  if (cachedLanguage) return cachedLanguage;
  try {
    cachedLanguage = browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
  return cachedLanguage;
}

/** `head-of-state` -> `category_head_of_state` */
export function keyFor(prefix: string, value: string): string {
  return `${prefix}_${value.replaceAll('-', '_')}`;
}

const regionNames = new Map<string, Intl.DisplayNames | null>();
/** Names already looked up (Intl.DisplayNames#of costs far more than a map lookup; badges ask for a few names often). */
const regionNameCache = new Map<string, string>();

/** Country (or international body) name in the UI language; `short` gives "US", "UK" for badges. */
export function countryName(code: string, language = uiLanguage(), style: 'long' | 'short' = 'long'): string {
  if (code === 'INT') return t('countryInternational');
  const cacheKey = `${language}|${style}`;
  const known = regionNameCache.get(`${cacheKey}|${code}`);
  if (known !== undefined) return known;
  const name = (language === uiLanguage() ? builtName(code, style) : null) ?? lookUpRegionName(code, language, style, cacheKey);
  regionNameCache.set(`${cacheKey}|${code}`, name);
  return name;
}

let messagesSpeakUi: boolean | null = null;

/**
 * The name the build wrote into the messages (scripts/lib/vite-locales-plugin.ts), when the messages the browser
 * chose are in the UI language: not for a UI language Attaché has no translation for (the browser then gives the
 * English messages, and Intl names countries in the reader's language), nor in a build without them.
 */
function builtName(code: string, style: 'long' | 'short'): string | null {
  messagesSpeakUi ??= sameLanguage(read('localeFolder'), uiLanguage());
  if (!messagesSpeakUi || !/^[A-Z]{2}$/.test(code)) return null;
  return (style === 'short' ? read(`countryShort_${code}`) : '') || read(`country_${code}`) || null;
}

/** Whether messages from the `_locales/<folder>` serve a UI in `language` (`fr` serves `fr-CA`; `zh_CN` not `zh-TW`). */
export function sameLanguage(folder: string, language: string): boolean {
  if (!folder) return false;
  const a = folder.replace('_', '-').toLowerCase();
  const b = language.replace('_', '-').toLowerCase();
  return a === b || (!a.includes('-') && b.split('-')[0] === a);
}

/** Forgets what was read from the i18n API (tests switch languages and messages). */
export function resetI18nCaches(): void {
  cachedLanguage = null;
  messagesSpeakUi = null;
  regionNameCache.clear();
  plainMessages.clear();
  messageTemplates.clear();
}

function lookUpRegionName(code: string, language: string, style: 'long' | 'short', cacheKey: string): string {
  let names = regionNames.get(cacheKey);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'none', style });
    } catch {
      names = null;
    }
    regionNames.set(cacheKey, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Formats YYYY, YYYY-MM or YYYY-MM-DD with only the precision the source gave. */
export function formatPartialDate(value: string, language = uiLanguage()): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (m[2]) options.month = m[3] ? 'short' : 'long';
  if (m[3]) options.day = 'numeric';
  try {
    return new Intl.DateTimeFormat([language, 'en'], options).format(date);
  } catch {
    return value;
  }
}
