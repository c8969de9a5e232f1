// @vitest-environment happy-dom
/**
 * Badge hosts, in the page's DOM: the markup is rendered once per distinct look and copied; clones still open and
 * close their card, report it with aria-expanded, and open on hover (official accounts) after the reader's delay.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { AttacheUi } from './hosts';
import { Badge, badgeShape } from './Badge';
import type { Annotation } from '../content/annotator';
import type { Candidate } from '../content/placements/types';
import { bundledIndex, fixtureIndex } from '../../tests/unit/x-fixture';

const index = fixtureIndex();

function candidate(handle: string): Candidate {
  const instance = document.createElement('article');
  const after = document.createElement('a');
  instance.append(after);
  document.body.append(instance);
  return { placement: 'tweet-author', instance, slot: '', handle, after };
}

function official(handle: string): Annotation {
  return { kind: 'official', match: index.byHandle(handle)!, custom: [] };
}

function mount(ui: AttacheUi, annotation: Annotation, handle: string): HTMLElement {
  const c = candidate(handle);
  const host = ui.create(annotation, c);
  c.after.after(host);
  return host;
}

const button = (host: HTMLElement) => host.querySelector('button')!;

let ui: AttacheUi | null = null;
afterEach(() => {
  ui?.stop();
  ui = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('badge hosts', () => {
  it('are light DOM: no shadow root, the button is the only child', () => {
    ui = new AttacheUi({ index, details: async () => null, hoverDelayMs: () => 0 });
    const host = mount(ui, official('StateDept'), 'StateDept');
    expect(host.shadowRoot).toBeNull();
    expect(host.children.length).toBe(1);
    expect(host.firstElementChild?.localName).toBe('button');
    expect(host.getAttribute('data-attache-theme')).toBe('light');
  });

  it('copies a badge for every appearance: same content, separate nodes', () => {
    const details = vi.fn(async () => null);
    ui = new AttacheUi({ index, details, hoverDelayMs: () => 0 });
    const a = mount(ui, official('StateDept'), 'StateDept');
    const b = mount(ui, official('StateDept'), 'StateDept');
    const other = mount(ui, official('RT_com'), 'RT_com');
    expect(button(a)).not.toBe(button(b));
    expect(button(a).outerHTML).toBe(button(b).outerHTML);
    expect(button(a).getAttribute('aria-label')).toContain('Department of State');
    expect(button(other).outerHTML).not.toBe(button(a).outerHTML);
    expect(button(a).getAttribute('aria-expanded')).toBe('false');
    // No card was asked for: details are fetched only when a card opens.
    expect(details).not.toHaveBeenCalled();
  });

  it('badges of one shape share a render, yet each carries exactly the markup its own render would have', () => {
    const bundled = bundledIndex();
    ui = new AttacheUi({ index: bundled, details: async () => null, hoverDelayMs: () => 0 });
    const accounts = bundled.allSummaries();
    const shapes = new Set(accounts.map(badgeShape));
    // Hundreds of accounts, a few dozen shapes: most badges here are copies of another account's render.
    expect(shapes.size * 5).toBeLessThan(accounts.length);
    for (const account of accounts) {
      const host = mount(ui, { kind: 'official', match: bundled.byHandle(account.handle)!, custom: [] }, account.handle);
      const box = document.createElement('div');
      render(<Badge account={account} />, box);
      expect(button(host).outerHTML, account.handle).toBe(box.innerHTML);
    }
  });

  it('a cloned badge opens its card on click and closes it on the next, with aria-expanded following', async () => {
    ui = new AttacheUi({ index, details: async () => null, hoverDelayMs: () => 0 });
    const lookalike: Annotation = { kind: 'lookalike', resembles: index.byHandle('StateDept')!.account, reason: 'confusable' };
    mount(ui, lookalike, 'StateDeqt');
    const host = mount(ui, lookalike, 'StateDeqt');
    button(host).click();
    await Promise.resolve();
    expect(ui.openCardHost?.getAttribute('data-attache-card')).toBe('us-state-department');
    expect(button(host).getAttribute('aria-expanded')).toBe('true');
    button(host).click();
    await Promise.resolve();
    expect(ui.openCardHost).toBeNull();
    expect(button(host).getAttribute('aria-expanded')).toBe('false');
  });

  it('hovering an official badge with a mouse asks for its card after the delay; a touch does not', async () => {
    vi.useFakeTimers();
    const details = vi.fn(async () => null);
    ui = new AttacheUi({ index, details, hoverDelayMs: () => 300 });
    const host = mount(ui, official('AmbLiuXiaoMing'), 'AmbLiuXiaoMing');
    const account = index.byHandle('AmbLiuXiaoMing')!.account;
    // A pointer arriving: over (on the button, bubbling), then enter on the host, as a browser sends them.
    button(host).dispatchEvent(new PointerEvent('pointerover', { pointerType: 'touch', bubbles: true, composed: true }));
    host.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'touch' }));
    vi.advanceTimersByTime(1000);
    expect(details).not.toHaveBeenCalled();
    host.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
    vi.advanceTimersByTime(299);
    expect(details).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(details).toHaveBeenCalledWith(account.index);
    // Leaving before the delay cancels.
    details.mockClear();
    host.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
    host.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
    vi.advanceTimersByTime(1000);
    expect(details).not.toHaveBeenCalled();
  });

  it('a mouse\'s first pointerover starts the delay by itself (Firefox sends no pointerenter with it), and once', async () => {
    vi.useFakeTimers();
    const details = vi.fn(async () => null);
    ui = new AttacheUi({ index, details, hoverDelayMs: () => 300 });
    const first = mount(ui, official('AmbLiuXiaoMing'), 'AmbLiuXiaoMing');
    const account = index.byHandle('AmbLiuXiaoMing')!.account;
    // Firefox: the pointerover that arms the badge, and no pointerenter.
    button(first).dispatchEvent(new PointerEvent('pointerover', { pointerType: 'mouse', bubbles: true, composed: true }));
    vi.advanceTimersByTime(299);
    expect(details).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(details).toHaveBeenCalledWith(account.index);
    // Chromium: the same pointerover, then a pointerenter. One delay, one request for the card.
    ui.stop();
    details.mockClear();
    ui = new AttacheUi({ index, details, hoverDelayMs: () => 300 });
    const second = mount(ui, official('AmbLiuXiaoMing'), 'AmbLiuXiaoMing');
    button(second).dispatchEvent(new PointerEvent('pointerover', { pointerType: 'mouse', bubbles: true, composed: true }));
    second.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
    vi.advanceTimersByTime(1000);
    expect(details).toHaveBeenCalledTimes(1);
  });
});
