/**
 * Resolves messages from public/_locales/<lang>/messages.json with the WebExtension substitution rules
 * (named placeholders whose content is $1..$9), for tests that run outside a browser.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const cache = new Map<string, Messages>();

export function loadMessages(lang = 'en'): Messages {
  let messages = cache.get(lang);
  if (!messages) {
    messages = JSON.parse(readFileSync(resolve('public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
    cache.set(lang, messages);
  }
  return messages;
}

export function getMessage(key: string, substitutions?: string | string[], lang = 'en'): string {
  if (key === '@@bidi_dir') return lang === 'ar' ? 'rtl' : 'ltr';
  if (key === '@@ui_locale') return lang;
  const entry = loadMessages(lang)[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$(\d)|\$\$/g, (whole, name: string | undefined, digit: string | undefined) => {
    if (whole === '$$') return '$';
    if (digit) return subs[Number(digit) - 1] ?? '';
    const placeholder = entry.placeholders?.[name!.toLowerCase()];
    if (!placeholder) return whole;
    return placeholder.content.replace(/\$(\d)/g, (_m, d: string) => subs[Number(d) - 1] ?? '');
  });
}
