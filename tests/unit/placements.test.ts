// @vitest-environment happy-dom
/**
 * Every placement on every fixture page: the badges the annotator inserts equal expected.json exactly, per
 * placement and in total, and lookalikes get warnings (never official badges).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LOOKALIKE_PLACEMENTS, type Annotator } from '../../src/content/annotator';
import { PLACEMENT_NAMES } from '../../src/content/placements/types';
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
