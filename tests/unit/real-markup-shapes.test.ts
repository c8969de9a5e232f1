// @vitest-environment happy-dom
/**
 * The hand-made fixtures (tests/fixtures/x) must have the shapes X's real pages have (tests/fixtures/real, saved in
 * November 2025): quoted posts without links, repost lines, Who-to-follow cells, the profile header. Each shape is
 * checked on a real page and on the fixture that imitates it, with the same function.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (dir: string, file: string) =>
  new DOMParser().parseFromString(readFileSync(join(__dirname, '..', 'fixtures', dir, file), 'utf8'), 'text/html');
const realHome = read('real', 'home-timeline-2025-11.html');
const fixtureHome = read('x/pages', 'home.html');
const fixtureProfile = read('x/pages', 'profile-AmbLiuXiaoMing.html');

/** Quoted posts: a focusable div[role=link] inside the post whose name line has no link and shows `@handle` as text. */
function quotedShapes(doc: Document) {
  return [...doc.querySelectorAll('article[data-testid="tweet"] div[role="link"][tabindex="0"]')]
    .map((q) => q.querySelector('[data-testid="User-Name"]'))
    .filter((n): n is Element => n !== null)
    .map((n) => ({ links: n.querySelectorAll('a').length, handleText: /@[A-Za-z0-9_]{1,15}/.test(n.textContent ?? ''), nestedArticle: !!n.closest('article article') }));
}

/** Repost lines: `a[href="/<reposter>"] > span[data-testid=socialContext]`; "Pinned" is the same test id without a link. */
function socialShapes(doc: Document) {
  return [...doc.querySelectorAll('[data-testid="socialContext"]')].map((el) => {
    const parent = el.parentElement;
    return parent?.localName === 'a' && /^\/[A-Za-z0-9_]{1,15}$/.test(parent.getAttribute('href') ?? '') ? 'repost link' : 'no link';
  });
}

/** Who-to-follow cells: li[role=listitem][tabindex=0], no User-Name inside, follow button `<numeric id>-follow`. */
function cellShapes(doc: Document) {
  return [...doc.querySelectorAll('[data-testid="UserCell"]')].map((cell) => ({
    tag: cell.localName,
    role: cell.getAttribute('role'),
    tabindex: cell.getAttribute('tabindex'),
    userName: cell.querySelector('[data-testid="User-Name"]') !== null,
    follow: [...cell.querySelectorAll('[data-testid$="-follow"]')].every((b) => /^\d+-follow$/.test(b.getAttribute('data-testid')!)),
  }));
}

describe('hand-made fixtures have the shapes of X\'s real pages', () => {
  it('quoted posts: no nested article, no link in the name line, the handle as text', () => {
    const real = quotedShapes(realHome);
    const fixture = quotedShapes(fixtureHome);
    expect(real.length).toBe(9);
    expect(fixture.length).toBeGreaterThan(0);
    for (const shape of [...real, ...fixture]) expect(shape).toEqual({ links: 0, handleText: true, nestedArticle: false });
  });

  it('repost lines are links to the reposter around the social context; Pinned has no link', () => {
    expect(socialShapes(realHome)).toEqual(Array(8).fill('repost link'));
    expect(socialShapes(fixtureHome)).toContain('repost link');
    expect(socialShapes(fixtureProfile)).toEqual(expect.arrayContaining(['repost link', 'no link']));
    const pinned = [...fixtureProfile.querySelectorAll('[data-testid="socialContext"]')].find((el) => el.textContent === 'Pinned');
    expect(pinned?.closest('a')).toBeNull();
  });

  it('Who-to-follow cells are focusable list items without a User-Name block', () => {
    const want = { tag: 'li', role: 'listitem', tabindex: '0', userName: false, follow: true };
    expect(cellShapes(realHome)).toEqual(Array(3).fill(want));
    expect(cellShapes(fixtureHome)).toEqual(Array(2).fill(want));
  });

  it('the profile header shows the handle as text and a JSON-LD block names the owner', () => {
    const header = fixtureProfile.querySelector('[data-testid="UserName"]')!;
    expect(header.querySelector('a[href="/AmbLiuXiaoMing"]')).toBeNull();
    expect(header.textContent).toContain('@AmbLiuXiaoMing');
    const schema = fixtureProfile.querySelector('script[data-testid="UserProfileSchema-test"]');
    expect(JSON.parse(schema!.textContent!).mainEntity.additionalName).toBe('AmbLiuXiaoMing');
  });
});
