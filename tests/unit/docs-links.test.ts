/**
 * The project's pages link each other: every relative link in README.md, PRIVACY.md, docs/, store/ and
 * dataset/README.md must point at a file of the repository (a moved or renamed page breaks a test, not a reader).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function markdown(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdown(path) : name.endsWith('.md') ? [path] : [];
  });
}

const pages = ['README.md', 'PRIVACY.md', 'dataset/README.md', ...markdown('docs'), ...markdown('store')];

/** Relative link targets of a Markdown text: [text](target) and ![alt](target), without #fragments. */
function links(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    out.push(target.replace(/#.*$/, ''));
  }
  return out;
}

describe('links between the project pages', () => {
  it('finds the pages and their links (a control)', () => {
    expect(pages).toContain('docs/architecture.md');
    expect(links(readFileSync('README.md', 'utf8'))).toContain('docs/architecture.md');
  });

  it.each(pages)('%s: every relative link points at a file', (page) => {
    const broken = links(readFileSync(page, 'utf8')).filter((target) => !existsSync(resolve(dirname(page), decodeURI(target))));
    expect(broken).toEqual([]);
  });
});
