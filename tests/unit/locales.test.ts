/**
 * Every translation in public/_locales must match the English source: same keys, identical placeholders objects,
 * the same $PLACEHOLDER$ tokens in each message, and no empty messages. A key added to English and not yet
 * translated fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> };
type Messages = Record<string, Entry>;

const LOCALES_DIR = resolve('public/_locales');
const SOURCE = 'en';

function load(lang: string): Messages {
  const text = readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8');
  return JSON.parse(text) as Messages;
}

/** The named placeholder tokens of a message, sorted, with duplicates kept so a dropped repeat is noticed. */
function tokens(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!).sort();
}

const locales = readdirSync(LOCALES_DIR)
  .filter((name) => name !== SOURCE && statSync(join(LOCALES_DIR, name)).isDirectory())
  .sort();

describe('English source', () => {
  it('is valid JSON with a non-empty message for every key', () => {
    const en = load(SOURCE);
    for (const [key, entry] of Object.entries(en)) {
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it('defines every placeholder its messages use, with $1..$9 content', () => {
    for (const [key, entry] of Object.entries(load(SOURCE))) {
      const defined = Object.keys(entry.placeholders ?? {});
      for (const name of tokens(entry.message)) expect(defined, `${key}: $${name}$`).toContain(name.toLowerCase());
      for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
        expect(placeholder.content, `${key}.${name}`).toMatch(/^\$[1-9]$/);
      }
    }
  });
});

describe('translations', () => {
  it('include the shipped locales', () => {
    expect(locales).toEqual(expect.arrayContaining(['ar', 'es', 'fr', 'ru', 'zh_CN']));
  });
});

describe.each(locales)('locale %s', (lang) => {
  it('is valid JSON', () => {
    expect(() => load(lang)).not.toThrow();
  });

  it('has exactly the English keys', () => {
    const en = load(SOURCE);
    const messages = load(lang);
    const missing = Object.keys(en).filter((key) => !(key in messages));
    const extra = Object.keys(messages).filter((key) => !(key in en));
    expect(missing, 'missing keys').toEqual([]);
    expect(extra, 'keys not in English').toEqual([]);
  });

  it('has a non-empty message for every key', () => {
    for (const [key, entry] of Object.entries(load(lang))) {
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it('copies every placeholders object unchanged', () => {
    const messages = load(lang);
    for (const [key, entry] of Object.entries(load(SOURCE))) {
      if (!messages[key]) continue; // reported by the key test
      expect(messages[key].placeholders, key).toEqual(entry.placeholders);
    }
  });

  it('uses the same $PLACEHOLDER$ tokens in each message', () => {
    const messages = load(lang);
    for (const [key, entry] of Object.entries(load(SOURCE))) {
      if (!messages[key]) continue;
      expect(tokens(messages[key].message), key).toEqual(tokens(entry.message));
    }
  });

  it('keeps the extension description within the 132-character store limit', () => {
    const description = load(lang).extDescription?.message ?? '';
    expect(description.length).toBeLessThanOrEqual(132);
  });
});
