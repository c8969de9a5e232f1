/**
 * The badge's sheet (badge.css, in the page's DOM) carries the theme tokens of theme.css (the cards' shadow roots)
 * under its own prefix: the two stay in step, every token the badge uses is defined, and every rule is scoped to
 * Attaché's element with the id-weight prefix that keeps page rules of ordinary specificity out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(join(__dirname, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const badge = read('badge.css');
const theme = read('theme.css');

/** `--name: value` declarations of the first rule whose selector is exactly `selector`. */
function tokens(css: string, selector: string, prefix: string): Map<string, string> {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`no rule ${selector}`);
  const body = css.slice(at, css.indexOf('}', at));
  const out = new Map<string, string>();
  for (const m of body.matchAll(/--([a-z-]+):\s*([^;]+);/g)) out.set(m[1]!.replace(prefix, ''), m[2]!.trim());
  return out;
}

describe('badge.css', () => {
  it.each([
    ['light', ':host', 'attache-badge:not(#_)'],
    ['dim', ":host([data-attache-theme='dim'])", "attache-badge:not(#_)[data-attache-theme='dim']"],
    ['dark', ":host([data-attache-theme='dark'])", "attache-badge:not(#_)[data-attache-theme='dark']"],
  ])('%s: its tokens are theme.css\'s', (_name, themeSelector, badgeSelector) => {
    const mine = tokens(badge, badgeSelector, 'attache-');
    const theirs = tokens(theme, themeSelector, '');
    expect(mine.size).toBeGreaterThan(8);
    for (const [name, value] of mine) expect(theirs.get(name), name).toBe(value);
  });

  it('defines every token it uses, under its own prefix', () => {
    const defined = new Set([...badge.matchAll(/(--[a-z-]+):/g)].map((m) => m[1]));
    const used = new Set([...badge.matchAll(/var\((--[a-z-]+)/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(8);
    for (const name of used) {
      expect(name!.startsWith('--attache-'), name).toBe(true);
      expect(defined.has(name), name).toBe(true);
    }
  });

  it('scopes every rule to attache-badge with the id-weight prefix', () => {
    const selectors = [...badge.replace(/@media[^{]*\{/g, '').matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((m) => m[1]!.split(','));
    expect(selectors.length).toBeGreaterThan(20);
    for (const s of selectors) expect(s.trim(), s).toMatch(/^attache-badge:not\(#_\)/);
  });
});
