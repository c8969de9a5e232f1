/**
 * The message catalogue: every message of this build in the browser's UI language, read once by the background and
 * kept in storage.local, so that content scripts never call the i18n API on X's pages.
 *
 * Why: in Chromium, a content script's first `i18n.getMessage` sends a synchronous request to the browser process for
 * the extension's messages, and the page's main thread is blocked until they arrive. Traced on the benchmark's page,
 * the idle callback that made that first read ran 16 to 29 ms by the wall clock for 8 ms of CPU time. Reading the
 * catalogue from storage is asynchronous, alongside the settings, so nothing waits.
 *
 * The catalogue holds each message with markers in place of its substitutions (see `MARKERS`), as `t()` reads them.
 * It is used only when it comes from this very build (`id`) and this UI language; otherwise a page reads messages from
 * the i18n API as before and asks the background to write the catalogue again for the next page.
 */
import browser from 'webextension-polyfill';
import { describe } from '../settings/store';
import { MARKERS, uiLanguage, useMessageCatalog } from './i18n';

export const MESSAGE_CATALOG_KEY = 'messageCatalog';
/** Content script -> background: the catalogue in storage is missing or stale, write it again. */
export const WRITE_MESSAGE_CATALOG = 'attache:write-message-catalog';

/** Predefined messages the UI reads besides the build's own (the text direction of the UI language). */
const PREDEFINED = ['@@bidi_dir'] as const;

export interface StoredCatalog {
  /** The build's message id (`__ATTACHE_MESSAGES_ID__`). */
  id: string;
  /** The UI language the messages were read in. */
  language: string;
  messages: Record<string, string>;
}

/** Reads every key with markers for its substitutions; keys with no message (the API gives '') are left out. */
export function buildCatalog(
  keys: readonly string[],
  getMessage: (key: string, substitutions: string[]) => string,
  id: string,
  language: string,
): StoredCatalog {
  const messages: Record<string, string> = {};
  for (const key of [...keys, ...PREDEFINED]) {
    const text = getMessage(key, [...MARKERS]);
    if (text) messages[key] = text;
  }
  return { id, language, messages };
}

export type CatalogReading = { catalog: Map<string, string> } | { catalog: null; problem: string };

/** The stored value as a catalogue, if it is one of this build in this language; why not otherwise. */
export function readCatalog(value: unknown, id: string, language: string): CatalogReading {
  if (value === undefined) return { catalog: null, problem: 'none stored' };
  const stored = value as Partial<StoredCatalog> | null;
  if (!stored || typeof stored !== 'object' || typeof stored.messages !== 'object' || !stored.messages) {
    return { catalog: null, problem: 'not a message catalogue' };
  }
  if (stored.id !== id) return { catalog: null, problem: 'written by another build' };
  if (stored.language !== language) return { catalog: null, problem: `written for another UI language (${String(stored.language)})` };
  const catalog = new Map<string, string>();
  for (const [key, text] of Object.entries(stored.messages)) {
    if (typeof text !== 'string' || !text) return { catalog: null, problem: `message ${key} is not text` };
    catalog.set(key, text);
  }
  return { catalog };
}

/**
 * Content script, at start-up: uses the stored catalogue when it is valid; otherwise keeps reading from the i18n API
 * and asks the background for a new catalogue. Never throws.
 */
export async function loadMessageCatalog(): Promise<string | null> {
  let reading: CatalogReading;
  try {
    const stored = await browser.storage.local.get(MESSAGE_CATALOG_KEY);
    reading = readCatalog(stored[MESSAGE_CATALOG_KEY], __ATTACHE_MESSAGES_ID__, uiLanguage());
  } catch (error) {
    reading = { catalog: null, problem: describe(error) };
  }
  if (reading.catalog) {
    useMessageCatalog(reading.catalog);
    return null;
  }
  browser.runtime.sendMessage({ type: WRITE_MESSAGE_CATALOG }).catch(() => undefined);
  return reading.problem;
}

/** Background: writes the catalogue of this build and UI language, unless it is already stored. */
export async function writeMessageCatalog(): Promise<void> {
  const language = uiLanguage();
  const stored = await browser.storage.local.get(MESSAGE_CATALOG_KEY);
  if (readCatalog(stored[MESSAGE_CATALOG_KEY], __ATTACHE_MESSAGES_ID__, language).catalog) return;
  const catalog = buildCatalog(__ATTACHE_MESSAGE_KEYS__, (key, subs) => browser.i18n.getMessage(key, subs), __ATTACHE_MESSAGES_ID__, language);
  await browser.storage.local.set({ [MESSAGE_CATALOG_KEY]: catalog });
}
