/** The store listing (store/): one listing per UI language, each with a short description the stores accept. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const locales = readdirSync('public/_locales').sort();

/** The line after the "short description" heading of a listing. */
function shortDescription(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /132/.test(l));
  return (lines[at + 1] ?? '').trim();
}

describe('store listing', () => {
  it('has a listing for every UI language (a control: English is one)', () => {
    expect(locales).toContain('en');
    expect(locales.filter((l) => !existsSync(`store/listing/${l}.md`))).toEqual([]);
  });

  it.each(locales)('%s: a short description of at most 132 characters and a long description', (locale) => {
    const text = readFileSync(`store/listing/${locale}.md`, 'utf8');
    const short = shortDescription(text);
    expect(short.length).toBeGreaterThan(20);
    expect([...short].length).toBeLessThanOrEqual(132);
    expect(text.length).toBeGreaterThan(800);
  });

  it('names the permissions the manifest asks for, and no other', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { permissions: string[]; content_scripts: { matches: string[] }[] };
    const text = readFileSync('store/permissions.md', 'utf8');
    for (const permission of manifest.permissions) expect(text).toContain(`\`${permission}\``);
    for (const match of manifest.content_scripts.flatMap((c) => c.matches)) expect(text).toContain(match);
  });
});
