// @vitest-environment happy-dom
/**
 * Badges live in the page's own DOM and hold their words as text ("Diplomat · China", "Not @X · lookalike"). What
 * the placements read must not change with them in place: the profile header's and the quoted card's text blocks
 * are read without Attaché's elements (ownText), and a full pass with the real UI's badges is idempotent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Annotator, type Annotator as AnnotatorType } from '../../src/content/annotator';
import { ownText } from '../../src/content/placements/read';
import { profile } from '../../src/content/placements/profile';
import { quoteAuthor } from '../../src/content/placements/quote-author';
import { X } from '../../src/content/selectors';
import { AttacheUi } from '../../src/ui/hosts';
import { asList, badgeList, expected, fixtureIndex, loadFixture } from './x-fixture';

const index = fixtureIndex();
let annotator: AnnotatorType | null = null;
let ui: AttacheUi | null = null;
afterEach(() => {
  annotator?.stop();
  ui?.stop();
  annotator = null;
  ui = null;
});

function startWithUi(): { annotator: Annotator; ui: AttacheUi } {
  ui = new AttacheUi({ index, details: async () => null, hoverDelayMs: () => 0 });
  ui.start();
  annotator = new Annotator({ index, renderer: ui, onError: (e) => { throw e; } });
  annotator.start();
  annotator.flush();
  return { annotator, ui };
}

/** A badge of the real UI, as the annotator inserts it (for @StateDept: "Ministry · US"), with its words as text. */
function realBadge(): HTMLElement {
  const badgeUi = new AttacheUi({ index, details: async () => null, hoverDelayMs: () => 0 });
  const host = badgeUi.create({ kind: 'official', match: index.byHandle('StateDept')!, custom: [] }, {
    placement: 'mention', instance: document.body, slot: '', handle: 'StateDept', after: document.body,
  });
  expect(host.textContent?.trim()).toBeTruthy();
  return host;
}

const read = (placement: typeof profile, instance: Element) =>
  placement.read(instance, { pathname: location.pathname }).map((c) => ({ handle: c.handle, after: c.after, name: c.displayName }));

describe('ownText', () => {
  it("is an element's text without Attaché's badges, cards and notice lines", () => {
    const row = document.createElement('div');
    row.append('@StateDept', realBadge(), document.createElement('attache-notice'));
    row.querySelector('attache-notice')!.append('notice words');
    expect(row.textContent).not.toBe('@StateDept');
    expect(ownText(row)).toBe('@StateDept');
    const plain = document.createElement('div');
    plain.innerHTML = '<span>Liu <b>Xiaoming</b></span>';
    expect(ownText(plain)).toBe('Liu Xiaoming');
  });
});

describe('placements read the same with badges in the rows they read', () => {
  it('profile: a badge inside the @handle line does not hide it (header confirmed by its text alone)', () => {
    loadFixture('profile-AmbLiuXiaoMing.html');
    const header = document.querySelector(X.profileUserName)!;
    // Without the avatar, only the @handle line confirms the header for the URL.
    for (const el of document.querySelectorAll(X.profilePhotoAvatar)) el.remove();
    const before = read(profile, header);
    expect(before.map((c) => c.handle)).toEqual(['AmbLiuXiaoMing']);
    const handleLine = [...header.querySelectorAll(X.textBlock)].find((el) => el.textContent?.trim().startsWith('@'))!;
    handleLine.append(realBadge());
    expect(read(profile, header)).toEqual(before);
  });

  it('profile: an empty text block holding only a badge is not taken for the name', () => {
    loadFixture('profile-AmbLiuXiaoMing.html');
    const header = document.querySelector(X.profileUserName)!;
    const before = read(profile, header);
    const empty = document.createElement('div');
    empty.setAttribute('dir', 'ltr');
    empty.append(realBadge());
    header.querySelector(X.textBlock)!.before(empty);
    expect(read(profile, header)).toEqual(before);
  });

  it('quote-author: a badge inside the @handle line and an empty block holding a badge change nothing', () => {
    const file = Object.keys(expected.pages).find((f) => expected.pages[f]!.official.some((e) => e.placement === 'quote-author'))!;
    loadFixture(file);
    const cards = [...document.querySelectorAll(X.quotedCardInPost)];
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const before = read(quoteAuthor, card);
      expect(before.length).toBe(1);
      // Handle from the text line only: the avatar's test id goes.
      for (const el of card.querySelectorAll(X.avatarContainer)) el.removeAttribute('data-testid');
      expect(read(quoteAuthor, card)).toEqual(before);
      const userName = card.querySelector(X.tweetUserName)!;
      userName.querySelector(X.quotedHandleText)!.querySelector(X.textBlock)!.append(realBadge());
      const empty = document.createElement('div');
      empty.setAttribute('dir', 'ltr');
      empty.append(realBadge());
      userName.querySelector(X.textBlock)!.before(empty);
      expect(read(quoteAuthor, card)).toEqual(before);
    }
  });

  it.each(Object.keys(expected.pages))('%s: with the real UI, every expected badge, and further passes replace none', (file) => {
    const page = loadFixture(file);
    startWithUi();
    expect(badgeList()).toEqual(asList(page.official));
    const hosts = [...document.querySelectorAll('attache-badge')];
    expect(hosts.every((h) => h.querySelector('button') !== null)).toBe(true);
    annotator!.refresh();
    annotator!.refresh();
    expect([...document.querySelectorAll('attache-badge')]).toEqual(hosts);
  });
});
