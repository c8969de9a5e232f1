// @vitest-environment happy-dom
/**
 * The annotator on a page React keeps rewriting: layers switched through refresh(), counts for the popup, cells
 * recycled in place, the profile header reused across pushState navigation, hover cards swapped, nodes removed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotator } from '../../src/content/annotator';
import { LAYER_IDS } from '../../src/core/layers';
import { badgeList, fixtureIndex, loadFixture, startAnnotator, warningList, type RecordingRenderer } from './x-fixture';

let current: { annotator: Annotator; renderer: RecordingRenderer } | null = null;
afterEach(() => {
  current?.annotator.stop();
  current = null;
});

function start(options: Parameters<typeof startAnnotator>[0] = {}) {
  current = startAnnotator(options);
  return current;
}

/** Lets the MutationObserver deliver, then drains the queue. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  current!.annotator.flush();
}

function hostsIn(el: Element | null): string[] {
  return [...(el?.querySelectorAll('attache-badge') ?? [])].map((h) => `${h.getAttribute('data-attache-placement')} @${h.getAttribute('data-attache-handle')}`);
}

/** A copy of a cell as React would insert it: without the badges Attaché gave the original. */
function copyOf(cell: Element): Element {
  const copy = cell.cloneNode(true) as Element;
  for (const badge of copy.querySelectorAll('attache-badge')) badge.remove();
  return copy;
}

/** Rewrites a post in place for another author, the way the fixture app (and React) does it. */
function recyclePost(article: Element, handle: string): void {
  const avatar = article.querySelector('[data-testid="Tweet-User-Avatar"] [data-testid^="UserAvatar-Container-"]')!;
  avatar.setAttribute('data-testid', `UserAvatar-Container-${handle}`);
  avatar.querySelector('a')?.setAttribute('href', `/${handle}`);
  const links = article.querySelectorAll('[data-testid="User-Name"] a');
  links[0]!.setAttribute('href', `/${handle}`);
  links[0]!.querySelector('span span')!.textContent = handle;
  links[1]!.setAttribute('href', `/${handle}`);
  links[1]!.querySelector('span')!.textContent = `@${handle}`;
  links[2]?.setAttribute('href', `/${handle}/status/9100000000000000999`);
}

describe('layers', () => {
  it('badges unverified entries unless the reader turns them off, live on refresh()', () => {
    loadFixture('home.html');
    let show = true;
    const { annotator } = start({ index: fixtureIndex(['ChineseEmbinUK']), showUnverified: () => show });
    const all = badgeList();
    expect(all.some((b) => b.endsWith('@chineseembinuk'))).toBe(true);
    show = false;
    annotator.refresh();
    expect(badgeList()).toEqual(all.filter((b) => !b.endsWith('@chineseembinuk')));
    // Off, it is still a dataset entry: never a lookalike warning instead.
    expect(warningList().some((w) => /chineseembinuk/i.test(w))).toBe(false);
    show = true;
    annotator.refresh();
    expect(badgeList()).toEqual(all);
    annotator.stop();
  });

  it('refresh() removes and restores badges as layers are switched, without duplicates', () => {
    loadFixture('home.html');
    const on = new Set<string>(LAYER_IDS);
    const { annotator, renderer } = start({ layerEnabled: (id) => on.has(id) });
    const all = badgeList();
    const warnings = warningList();
    expect(all.length).toBe(11);

    on.delete('mentions');
    annotator.refresh();
    expect(badgeList()).toEqual(all.filter((b) => !/^(mention|reply-to|bio-mention) /.test(b)));

    on.delete('diplomats-embassies');
    annotator.refresh();
    expect(badgeList().some((b) => /@(ambliuxiaoming|chineseembinuk)$/.test(b))).toBe(false);
    expect(badgeList().length).toBeGreaterThan(0);

    on.delete('lookalikes');
    annotator.refresh();
    expect(warningList()).toEqual([]);

    for (const id of LAYER_IDS) on.add(id);
    annotator.refresh();
    annotator.refresh();
    expect(badgeList()).toEqual(all);
    expect(warningList()).toEqual(warnings);
    expect(renderer.live.size).toBe(document.querySelectorAll('attache-badge').length);
  });

  it('tags each host with its layers: category and notice layers, plus mentions in mention placements', () => {
    loadFixture('home.html');
    start();
    const layerOf = (sel: string) => document.querySelector(sel)?.getAttribute('data-attache-layer');
    expect(layerOf('attache-badge[data-attache-placement="tweet-author"][data-attache-handle="rt_com"]')).toBe('state-media');
    expect(layerOf('attache-badge[data-attache-placement="reply-to"][data-attache-handle="chineseembinuk"]')).toBe('diplomats-embassies mentions');
    expect(layerOf('attache-badge[data-attache-warning]')).toBe('lookalikes');
  });

  it('counts() gives distinct accounts per layer and in total, ignoring forged hosts', () => {
    loadFixture('home.html');
    const { annotator } = start();
    const want = {
      total: 7, 'diplomats-embassies': 2, 'officials-ministries': 2, 'state-media': 1, mentions: 2, lookalikes: 2,
    };
    expect(annotator.counts()).toEqual(want);
    const forged = document.createElement('attache-badge');
    forged.setAttribute('data-attache-account', 'forged');
    forged.setAttribute('data-attache-layer', 'state-media');
    document.body.append(forged);
    expect(annotator.counts()).toEqual(want);
    annotator.stop();
    expect(annotator.counts()).toEqual({ total: 0 });
  });
});

describe('living with React', () => {
  it('a post recycled in place for another author loses the old badge and gets the right one', async () => {
    loadFixture('home.html');
    start();
    const article = document.querySelector('article[data-testid="tweet"]')!;
    expect(hostsIn(article)).toEqual(['tweet-author @ambliuxiaoming']);
    recyclePost(article, 'jane_reader');
    await settle();
    expect(hostsIn(article)).toEqual([]);
    recyclePost(article, 'ChineseEmbinUK');
    await settle();
    expect(hostsIn(article)).toEqual(['tweet-author @chineseembinuk']);
    recyclePost(article, 'AmbLiuXiaoMlng');
    await settle();
    expect(hostsIn(article).length).toBe(1);
    expect(article.querySelector('attache-badge')?.getAttribute('data-attache-warning')).toBe('lookalike');
  });

  it('pushState navigation with the header reused: exactly one profile badge, for the new account', async () => {
    loadFixture('spa.html');
    start();
    const header = document.querySelector('[data-testid="UserName"]')!;
    expect(hostsIn(header)).toEqual(['profile @ambliuxiaoming']);
    history.pushState({}, '', '/ChineseEmbinUK');
    header.querySelector('div[dir] span span')!.textContent = 'Chinese Embassy in UK';
    const handleLine = [...header.querySelectorAll('div[dir] > span')].find((el) => el.textContent === '@AmbLiuXiaoMing')!;
    handleLine.textContent = '@ChineseEmbinUK';
    const photo = document.querySelector('a[href$="/photo"]')!;
    photo.setAttribute('href', '/ChineseEmbinUK/photo');
    photo.querySelector('[data-testid^="UserAvatar-Container-"]')!.setAttribute('data-testid', 'UserAvatar-Container-ChineseEmbinUK');
    await settle();
    expect(hostsIn(header)).toEqual(['profile @chineseembinuk']);
    expect(document.querySelectorAll('attache-badge[data-attache-placement="profile"]').length).toBe(1);
  });

  it('a profile header not yet re-rendered for the new URL shows no badge', async () => {
    loadFixture('spa.html');
    start();
    history.pushState({}, '', '/StateDept');
    await settle();
    document.body.append(document.createElement('div')); // X always mutates the page as it navigates
    await settle();
    expect(document.querySelectorAll('attache-badge[data-attache-placement="profile"]').length).toBe(0);
  });

  it('a hover card swapped to another account follows it', async () => {
    loadFixture('home-hovercard.html');
    start();
    const card = document.querySelector('#layers [data-testid="HoverCard"]')!;
    expect(hostsIn(card).filter((h) => h.startsWith('hover-card'))).toEqual(['hover-card @ambliuxiaoming']);
    card.querySelector('[data-testid^="UserAvatar-Container-"]')!.setAttribute('data-testid', 'UserAvatar-Container-RT_com');
    for (const a of card.querySelectorAll('a[href="/AmbLiuXiaoMing"]')) a.setAttribute('href', '/RT_com');
    card.querySelector('div[dir="auto"]')!.replaceChildren();
    await settle();
    expect(hostsIn(card)).toEqual(['hover-card @rt_com']);
  });

  it('removed cells release their badges; nothing stays registered for them', async () => {
    loadFixture('home.html');
    const { renderer } = start();
    const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].slice(0, 4);
    const inside = cells.reduce((n, c) => n + c.querySelectorAll('attache-badge').length, 0);
    expect(inside).toBeGreaterThan(3);
    const before = renderer.destroyed;
    for (const c of cells) c.remove();
    await settle();
    expect(renderer.destroyed - before).toBe(inside);
    expect(renderer.live.size).toBe(document.querySelectorAll('attache-badge').length);
    // Re-inserted (React moving a node back): rebuilt exactly once.
    document.querySelector('[data-testid="cellInnerDiv"]')!.before(cells[0]!);
    await settle();
    expect(hostsIn(cells[0]!)).toEqual(['tweet-author @ambliuxiaoming']);
  });

  it('a badge X removes is put back once', async () => {
    loadFixture('home.html');
    start();
    const article = document.querySelector('article[data-testid="tweet"]')!;
    article.querySelector('attache-badge')!.remove();
    await settle();
    expect(hostsIn(article)).toEqual(['tweet-author @ambliuxiaoming']);
  });

  it("never badges the viewer's own account, also when the navigation bar arrives late", async () => {
    loadFixture('home.html');
    const nav = document.querySelector('a[data-testid="AppTabBar_Profile_Link"]')!;
    nav.setAttribute('href', '/AmbLiuXiaoMing');
    const parent = nav.parentElement!;
    nav.remove();
    start();
    expect(badgeList().some((b) => b.endsWith('@ambliuxiaoming'))).toBe(true);
    parent.append(nav);
    await settle();
    await settle();
    expect(badgeList().some((b) => b.endsWith('@ambliuxiaoming'))).toBe(false);
  });

  it("the annotator's own badges do not come back to it as mutation records", async () => {
    loadFixture('home.html');
    let delivered = 0;
    const Native = window.MutationObserver;
    vi.stubGlobal('MutationObserver', class extends Native {
      constructor(callback: MutationCallback) {
        super((records, observer) => {
          delivered += records.length;
          callback(records, observer);
        });
      }
    });
    try {
      start();
    } finally {
      vi.unstubAllGlobals();
    }
    const cell = document.querySelector('[data-testid="cellInnerDiv"]')!;
    cell.before(copyOf(cell));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hostsIn(cell.previousElementSibling)).toEqual(['tweet-author @ambliuxiaoming']);
    // One record: the page's insertion. The badge went in while the annotator was not listening.
    expect(delivered).toBe(1);
  });

  it('changes the page makes between the delivery of its records and the slice that reads them are read too', async () => {
    loadFixture('home.html');
    start();
    const cell = document.querySelector('[data-testid="cellInnerDiv"]')!;
    const [a, b] = [copyOf(cell), copyOf(cell)];
    cell.before(a);
    // Queued after the observer's delivery, which queues the slice after it: b arrives just before the slice runs.
    queueMicrotask(() => cell.before(b));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hostsIn(a)).toEqual(['tweet-author @ambliuxiaoming']);
    expect(hostsIn(b)).toEqual(['tweet-author @ambliuxiaoming']);
  });

  it('stop() removes every badge and start() brings them back once', () => {
    loadFixture('followers.html');
    const { annotator } = start();
    const all = badgeList();
    annotator.stop();
    expect(document.querySelectorAll('attache-badge').length).toBe(0);
    annotator.start();
    annotator.flush();
    expect(badgeList()).toEqual(all);
  });
});
