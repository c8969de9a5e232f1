// @vitest-environment happy-dom
/**
 * The optional layer "X government accounts not in the dataset": the annotator marks an account X's page calls
 * government only when the layer is on and neither the dataset nor a custom list has it; the page signals ask for a
 * re-annotation when such a mark is given or taken back; the card says X's line only and copies its report, with a
 * selected-text fallback when the clipboard refuses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { ObservationStore, type Observation } from '../../src/core/identity';
import { PageSignals } from '../../src/content/page-signals';
import { encodeBatch } from '../../src/contract/page-world';
import { XGovernmentBadge, XGovernmentCard, suggestionReport } from '../../src/ui/XGovernment';
import { CustomLayerIndex } from '../../src/core/custom-layers';
import { fixtureIndex, loadFixture, startAnnotator } from './x-fixture';
import type { Annotator } from '../../src/content/annotator';

let current: { annotator: Annotator } | null = null;
afterEach(() => {
  current?.annotator.stop();
  current = null;
});

const obs = (id: string, handle: string, verification: Observation['verification'], label = ''): Observation => ({ id, handle, verification, label });

function marks(): string[] {
  return [...document.querySelectorAll('attache-badge[data-attache-signal="x-government"]')].map(
    (h) => `${h.getAttribute('data-attache-placement')} @${h.getAttribute('data-attache-handle')} ${h.getAttribute('data-attache-x-id')}`,
  );
}

describe('the x-government layer in the annotator', () => {
  function start(store: ObservationStore, on: boolean, custom: CustomLayerIndex | null = null) {
    loadFixture('home.html');
    current = startAnnotator({
      identity: () => store,
      layerEnabled: (id) => (id === 'x-government' ? on : true),
      custom: () => custom,
    });
    return current.annotator;
  }

  it('off (the default): no mark, whatever X says', () => {
    const store = new ObservationStore();
    store.add(obs('9000000000000000002', 'newsfan_42', 'government', 'Government of Nowhere'));
    start(store, false);
    expect(marks()).toEqual([]);
  });

  it('on: marks the account X calls government, and only that one; counted under its layer', () => {
    const store = new ObservationStore();
    store.add(obs('9000000000000000002', 'newsfan_42', 'government'));
    store.add(obs('9000000000000000003', 'mapsandmore', 'business'));
    const annotator = start(store, true);
    const found = marks();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.includes('@newsfan_42 9000000000000000002'))).toBe(true);
    expect(annotator.counts()['x-government']).toBe(1);
    // No dataset wording on the host: no account, no warning.
    const host = document.querySelector('attache-badge[data-attache-signal]')!;
    expect(host.hasAttribute('data-attache-account')).toBe(false);
    expect(host.hasAttribute('data-attache-warning')).toBe(false);
    expect(host.getAttribute('data-attache-layer')).toMatch(/^x-government/);
  });

  it('never for a dataset account (by handle or by id) nor for one on a custom list', () => {
    const store = new ObservationStore();
    // MFA_China is in the fixture index: X's government check there is the official badge's On X line, not a mark.
    store.add(obs('1183694592433983489', 'MFA_China', 'government'));
    store.add(obs('9000000000000000002', 'newsfan_42', 'government'));
    const custom = new CustomLayerIndex([
      { id: 'mine', name: 'Mine', colour: '#336699', enabled: true, entries: [{ handle: 'newsfan_42', label: 'Watched' }] },
    ] as never);
    start(store, true, custom);
    expect(marks()).toEqual([]);
    expect(document.querySelector('attache-badge[data-attache-handle="mfa_china"]')?.hasAttribute('data-attache-account')).toBe(true);
  });

  it('taken back in place when X no longer marks the account as government', () => {
    const store = new ObservationStore();
    store.add(obs('9000000000000000002', 'newsfan_42', 'government'));
    const annotator = start(store, true);
    expect(marks().length).toBeGreaterThan(0);
    store.add(obs('9000000000000000002', 'newsfan_42', 'none'));
    annotator.refresh();
    expect(marks()).toEqual([]);
  });
});

describe('page signals for the layer', () => {
  it('a government mark outside the dataset asks for a re-annotation only when the predicate says it matters', () => {
    let refreshed = 0;
    let on = false;
    const signals = new PageSignals(document, fixtureIndex(), () => refreshed++, undefined, (o, previous) =>
      (o.verification === 'government' || previous?.verification === 'government') && on,
    );
    expect(signals.receive(encodeBatch([['9000000000000000002', 'newsfan_42', 'g', '']]))).toBe(false);
    on = true;
    expect(signals.receive(encodeBatch([['9000000000000000003', 'mapsandmore', 'g', '']]))).toBe(true);
    // Taken back: matters too.
    expect(signals.receive(encodeBatch([['9000000000000000003', 'mapsandmore', 'n', '']]))).toBe(true);
    // Nothing changed, or nothing about government: no work.
    expect(signals.receive(encodeBatch([['9000000000000000003', 'mapsandmore', 'n', '']]))).toBe(false);
    expect(signals.receive(encodeBatch([['9000000000000000004', 'someone', 'b', '']]))).toBe(false);
    expect(refreshed).toBe(2);
  });
});

describe('the marker and its card', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  function mount(node: preact.ComponentChild): HTMLElement {
    root = document.createElement('div');
    document.body.append(root);
    render(node, root);
    return root;
  }
  const observed = obs('9000000000000000002', 'Gov_Nowhere', 'government', 'Government of Nowhere <b>');
  const input = { handle: 'gov_nowhere', observed, page: 'https://x.com/home', date: '2026-12-04' };

  it('the marker: its accessible name says X\'s line and nothing more', () => {
    const el = mount(<XGovernmentBadge />);
    const button = el.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('X marks this account as government');
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');
    expect(button.className).toContain('x-signal');
    expect(button.className).not.toMatch(/cat-/);
  });

  it('the report: handle, X id, X\'s type and label, page and date, in plain text', () => {
    expect(suggestionReport(input)).toBe(
      [
        'Attaché: suggestion for the dataset',
        'Handle: @Gov_Nowhere',
        'X id: 9000000000000000002',
        'X verification type: government',
        'X label: Government of Nowhere <b>',
        'Page: https://x.com/home',
        'Date: 2026-12-04',
        'Seen: X marks this account as government; it is in neither the dataset nor a custom list.',
        'Public source (https) for the entry:',
      ].join('\n'),
    );
  });

  it('the card: X\'s line as its title, the handle, X\'s label as text; copies the report and says so', async () => {
    const copied: string[] = [];
    const el = mount(<XGovernmentCard {...input} autoFocus onClose={() => undefined} copy={async (text) => void copied.push(text)} />);
    expect(el.querySelector('h2')?.textContent).toBe('X marks this account as government');
    expect(el.querySelector('.handle')?.textContent).toBe('@Gov_Nowhere');
    expect(el.querySelector('.x-label span')?.textContent).toBe('Government of Nowhere <b>');
    expect(el.querySelector('.x-label b')).toBeNull();
    expect(el.querySelector('[role="status"]')?.textContent).toBe('');
    el.querySelector<HTMLButtonElement>('button.copy')!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(copied).toEqual([suggestionReport(input)]);
    expect(el.querySelector('[role="status"]')?.textContent).toMatch(/copied/i);
    expect(el.querySelector('textarea')).toBeNull();
  });

  it('where the clipboard refuses: the report shown selected, with a note saying how to copy it', async () => {
    const el = mount(
      <XGovernmentCard {...input} autoFocus onClose={() => undefined} copy={() => Promise.reject(new Error('NotAllowedError'))} />,
    );
    el.querySelector<HTMLButtonElement>('button.copy')!.click();
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    const area = el.querySelector('textarea')!;
    expect(area.value).toBe(suggestionReport(input));
    expect(area.readOnly).toBe(true);
    expect(document.activeElement === area || el.contains(document.activeElement)).toBe(true);
    expect(el.querySelector('[role="status"]')?.textContent).toMatch(/Ctrl\+C/);
  });
});
