// @vitest-environment happy-dom
/**
 * The selector table, pinned: how many elements each X selector matches on each fixture page. A change in
 * selectors.ts or in the fixtures that alters a count must be a deliberate one (update the table with it).
 */
import { describe, expect, it } from 'vitest';
import { X, type SelectorName } from '../../src/content/selectors';
import { expected, loadFixture } from './x-fixture';

const COLUMNS: SelectorName[] = ['tweet', 'tweetUserName', 'tweetAvatar', 'avatarContainer', 'quotedCard', 'quotedCardInPost', 'quotedHandleText', 'socialContext', 'tweetText', 'textBlock', 'profileUserName', 'profileBio', 'profilePhotoAvatar', 'userCell', 'cellBio', 'bios', 'anyHoverCard', 'actionBar', 'hoverCard', 'notification', 'primaryColumn', 'layers', 'viewerProfileLink', 'reactRoot', 'statusLink', 'link'];

const COUNTS: Record<string, number[]> = {
  'profile-AmbLiuXiaoMing.html': [4, 4, 4, 8, 0, 0, 0, 2, 4, 61, 1, 1, 1, 2, 8, 3, 0, 4, 0, 0, 1, 1, 1, 1, 8, 49],
  'home.html': [11, 12, 11, 16, 1, 1, 1, 2, 12, 112, 0, 0, 0, 2, 14, 2, 0, 11, 0, 0, 1, 1, 1, 1, 20, 78],
  'home-dim.html': [11, 12, 11, 16, 1, 1, 1, 2, 12, 112, 0, 0, 0, 2, 14, 2, 0, 11, 0, 0, 1, 1, 1, 1, 20, 78],
  'home-dark.html': [11, 12, 11, 16, 1, 1, 1, 2, 12, 112, 0, 0, 0, 2, 14, 2, 0, 11, 0, 0, 1, 1, 1, 1, 20, 78],
  'home-ar.html': [11, 12, 11, 16, 1, 1, 1, 2, 12, 112, 0, 0, 0, 2, 15, 2, 0, 11, 0, 0, 1, 1, 1, 1, 20, 78],
  'home-zh.html': [11, 12, 11, 16, 1, 1, 1, 2, 12, 112, 0, 0, 0, 2, 14, 2, 0, 11, 0, 0, 1, 1, 1, 1, 20, 78],
  'search-people.html': [0, 0, 0, 11, 0, 0, 0, 0, 0, 54, 0, 0, 0, 9, 10, 10, 1, 0, 1, 0, 1, 1, 1, 1, 0, 48],
  'profile-fakeaccount_9.html': [4, 4, 4, 8, 0, 0, 0, 2, 4, 65, 1, 1, 1, 2, 8, 3, 0, 4, 0, 0, 1, 1, 1, 1, 8, 47],
  'home-hovercard.html': [11, 12, 11, 17, 1, 1, 1, 2, 12, 116, 0, 0, 0, 2, 15, 3, 1, 11, 1, 0, 1, 1, 1, 1, 20, 84],
  'followers.html': [0, 0, 0, 9, 0, 0, 0, 0, 0, 47, 0, 0, 0, 8, 8, 8, 0, 0, 0, 0, 1, 1, 1, 1, 0, 37],
  'notifications.html': [2, 2, 2, 11, 0, 0, 0, 0, 2, 45, 0, 0, 0, 2, 6, 2, 0, 2, 0, 3, 1, 1, 1, 1, 4, 39],
  'world.html': [7, 8, 7, 11, 1, 1, 1, 1, 8, 88, 0, 0, 0, 2, 10, 2, 0, 7, 0, 0, 1, 1, 1, 1, 14, 61],
  'world-dark.html': [7, 8, 7, 11, 1, 1, 1, 1, 8, 88, 0, 0, 0, 2, 10, 2, 0, 7, 0, 0, 1, 1, 1, 1, 14, 61],
  'spa.html': [3, 3, 3, 7, 0, 0, 0, 0, 3, 52, 1, 1, 1, 2, 7, 3, 0, 3, 0, 0, 1, 1, 1, 1, 6, 43],
};

describe('selector table', () => {
  it('has a column for every selector and a row for every fixture page', () => {
    expect([...COLUMNS].sort()).toEqual(Object.keys(X).sort());
    expect(Object.keys(COUNTS).sort()).toEqual(Object.keys(expected.pages).sort());
  });

  it.each(Object.keys(COUNTS))('%s: every selector matches the pinned number of elements', (file) => {
    loadFixture(file);
    const actual = Object.fromEntries(COLUMNS.map((name) => [name, document.querySelectorAll(X[name]).length]));
    const want = Object.fromEntries(COLUMNS.map((name, i) => [name, COUNTS[file]![i]]));
    expect(actual).toEqual(want);
  });

  it('the hooks every page relies on match somewhere', () => {
    const hooks: SelectorName[] = ['tweet', 'userCell', 'profileUserName', 'hoverCard', 'notification', 'quotedCardInPost', 'socialContext'];
    for (const hook of hooks) {
      const i = COLUMNS.indexOf(hook);
      expect(Object.values(COUNTS).some((row) => row[i]! > 0), hook).toBe(true);
    }
  });
});
