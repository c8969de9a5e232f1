// @vitest-environment happy-dom
/**
 * Every placement on every fixture page: the badges the annotator inserts equal expected.json exactly, per
 * placement and in total, and lookalikes get warnings (never official badges).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LOOKALIKE_PLACEMENTS, type Annotator } from '../../src/content/annotator';
import { PLACEMENT_NAMES } from '../../src/content/placements/types';
import { displayText, walkedText } from '../../src/content/placements/read';
import { asList, badgeList, expected, loadFixture, startAnnotator, warningList } from './x-fixture';

let current: Annotator | null = null;
afterEach(() => {
  current?.stop();
  current = null;
});

const PAGES = Object.keys(expected.pages);

describe.each(PAGES)('%s', (file) => {
  it('has exactly the expected official badges', () => {
    const page = loadFixture(file);
    current = startAnnotator().annotator;
    expect(badgeList()).toEqual(asList(page.official));
  });

  it.each(PLACEMENT_NAMES)('placement %s matches expected.json', (placement) => {
    const page = loadFixture(file);
    current = startAnnotator().annotator;
    const only = new Set([placement]);
    expect(badgeList(`attache-badge[data-attache-placement="${placement}"]:not([data-attache-warning])`)).toEqual(asList(page.official, only));
  });

  it('warns about exactly the lookalikes in tweet-author, user-cell, hover-card and profile placements', () => {
    const page = loadFixture(file);
    current = startAnnotator().annotator;
    const want = page.lookalikes
      .filter((e) => LOOKALIKE_PLACEMENTS.has(e.placement))
      .map((e) => `${e.placement} @${e.handle.toLowerCase()} ~@${expected.lookalikes[e.handle]!.toLowerCase()}`)
      .sort();
    expect(warningList()).toEqual(want);
  });

  it('is idempotent: another full pass adds nothing', () => {
    loadFixture(file);
    const { annotator, renderer } = startAnnotator();
    current = annotator;
    const before = renderer.created;
    annotator.refresh();
    annotator.refresh();
    expect(renderer.created).toBe(before);
    expect(document.querySelectorAll('attache-badge').length).toBe(before);
  });
});

describe('hooks every badge host carries', () => {
  it('placement, handle, account and layers on official badges; warning, resembles and layer on warnings', () => {
    loadFixture('home.html');
    current = startAnnotator().annotator;
    for (const host of document.querySelectorAll('attache-badge:not([data-attache-warning])')) {
      expect(host.getAttribute('data-attache-placement')).toMatch(/^[a-z-]+$/);
      expect(host.getAttribute('data-attache-handle')).toBe(host.getAttribute('data-attache-handle')!.toLowerCase());
      expect(host.getAttribute('data-attache-account')).toBeTruthy();
      expect(host.getAttribute('data-attache-layer')).toBeTruthy();
    }
    const warnings = [...document.querySelectorAll('attache-badge[data-attache-warning="lookalike"]')];
    expect(warnings.length).toBeGreaterThan(0);
    for (const host of warnings) {
      expect(host.getAttribute('data-attache-layer')).toBe('lookalikes');
      expect(host.hasAttribute('data-attache-account')).toBe(false);
      expect(host.getAttribute('data-attache-resembles')).toMatch(/^[a-z0-9_]+$/);
    }
    const mention = document.querySelector('attache-badge[data-attache-placement="mention"]');
    expect(mention?.getAttribute('data-attache-layer')).toBe('diplomats-embassies mentions');
  });
});

describe('reading helpers', () => {
  it.each(PAGES)("%s: displayText's shortcut gives the walked text for every element, badges in place or not", (file) => {
    loadFixture(file);
    const check = () => {
      let compared = 0;
      for (const el of document.body.querySelectorAll('*')) {
        expect(displayText(el), el.outerHTML.slice(0, 120)).toBe(walkedText(el));
        compared++;
      }
      return compared;
    };
    expect(check()).toBeGreaterThan(100);
    // With badges inserted (hosts next to names), and a display name holding an emoji image and an icon.
    const { annotator } = startAnnotator();
    // An emoji image in one name and an icon with a title in another, each without the other.
    const [first, second] = document.querySelectorAll('[data-testid="User-Name"] a, [data-testid="UserName"] span, [data-testid="UserCell"] a');
    if (first && second) {
      const img = document.createElement('img');
      img.setAttribute('alt', '🇨🇳');
      first.append(img);
      const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      icon.append(Object.assign(document.createElementNS('http://www.w3.org/2000/svg', 'title'), { textContent: 'Verified' }));
      second.append(icon);
      expect(walkedText(second)).not.toContain('Verified');
    }
    expect(check()).toBeGreaterThan(100);
    annotator.stop();
  });
});
