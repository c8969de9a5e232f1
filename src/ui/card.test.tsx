// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import fc from 'fast-check';
import { Card } from './Card';
import { Badge, badgeText } from './Badge';
import type { AccountDetails } from '../core/compiled';
import { bundledIndex } from '../../tests/unit/x-fixture';

let root: HTMLElement;
function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
});

const noop = () => undefined;

describe('Card with the bundled dataset', () => {
  const index = bundledIndex();
  const match = index.byHandle('AmbLiuXiaoMing')!;
  const details = index.details(match.account.index)!;

  it('marks an unverified entry in words, and says why: its source lists with dates and its confidence', () => {
    const high = mount(<Card details={details} via="handle" placement="profile" datasetVersion={index.version} autoFocus onClose={noop} />);
    expect(high.querySelector('.unverified-note')).toBeNull();
    render(null, root);
    root.remove();
    const weak = index.byHandle('sknhcuk')!;
    expect(weak.account.confidence).toBe('unverified');
    const el = mount(<Card details={index.details(weak.account.index)!} via="handle" placement="reply-to" datasetVersion={index.version} autoFocus onClose={noop} />);
    expect(el.querySelector('.unverified-note')?.textContent).toMatch(/^unverified Unverified entry/);
    expect(el.querySelector('.why-sources')?.textContent).toBe('Sources: Database of embassies (Wikidata export), Nov 16, 2022.');
    expect(el.querySelector('.why-confidence')?.textContent).toBe('Confidence of this entry: unverified.');
    render(null, root);
    root.remove();
    const badge = mount(<Badge account={weak.account} />);
    expect(badge.querySelector('.unverified-mark')?.textContent).toBe('unverified');
    expect(badge.querySelector('button')?.getAttribute('aria-label')).toMatch(/Embassy, unverified entry/);
  });

  it('shows who, role with dates, and the notice with every statement and source as text', () => {
    const el = mount(<Card details={details} via="handle" placement="profile" datasetVersion={index.version} layers={match.account.layers} autoFocus onClose={noop} />);
    const text = el.textContent!;
    expect(text).toContain('Liu Xiaoming');
    expect(text).toContain('@AmbLiuXiaoMing');
    expect(text).toContain('Diplomat');
    expect(text).toContain('China');
    expect(text).toContain('Personal account of an official');
    const notice = details.notices[0]!;
    expect(text).toContain(notice.title);
    expect(text).toContain('Disputed as of Sep 11, 2020');
    for (const statement of notice.statements) {
      expect(text).toContain(statement.by);
      expect(text).toContain(statement.text);
    }
    const links = [...el.querySelectorAll('a')];
    for (const source of [...notice.sources, ...details.account.sources]) {
      const link = links.find((a) => a.getAttribute('href') === new URL(source.url).href);
      expect(link, source.url).toBeTruthy();
      expect(link!.textContent).toContain(source.title);
      expect(link!.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link!.getAttribute('target')).toBe('_blank');
    }
    expect(text).toContain('Layers: Diplomats and embassies, Notices: disputed activity.');
    const report = el.querySelector('textarea')!.value;
    expect(report).toContain(`Dataset version: ${index.version}`);
    expect(report).toContain('Entry id: liu-xiaoming');
    expect(text).toContain('dataset/accounts/cn.yaml');
    expect(el.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby')).toBe('attache-card-title');
  });

  it('lists current roles first', () => {
    const el = mount(<Card details={details} via="handle" placement="profile" datasetVersion="1" autoFocus={false} onClose={noop} />);
    const roles = [...el.querySelectorAll('.roles li')].map((li) => li.textContent);
    expect(roles[0]).toMatch(/Special Representative.*since April 2021/);
    expect(roles[1]).toMatch(/Ambassador.*March 2010 – Jan 31, 2021/);
  });

  it('closes on Escape', () => {
    const reasons: string[] = [];
    const el = mount(<Card details={details} via="handle" placement="profile" datasetVersion="1" autoFocus onClose={(r) => reasons.push(r)} />);
    el.querySelector('[role="dialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(reasons).toEqual(['escape']);
  });

  it('marks a person whose roles have all ended as former', () => {
    const obama = index.byHandle('BarackObama')!.account;
    expect(obama.former).toBe(true);
    expect(badgeText(obama).label).toBe('Head of state (former) · US');
    expect(match.account.former).toBe(false); // Liu Xiaoming still holds a role
    expect(index.byHandle('POTUS')!.account.former).toBe(false); // an institution is never "former"
  });

  it('badge text and label give the full meaning, not colour alone', () => {
    expect(badgeText(match.account)).toEqual({
      label: 'Diplomat · China',
      aria: 'Attaché: Liu Xiaoming, Diplomat, China. 1 notice. Open context card.',
    });
    const el = mount(<Badge account={match.account} />);
    expect(el.querySelector('button')!.getAttribute('aria-haspopup')).toBe('dialog');
    expect(el.textContent).toContain('Diplomat · China');
  });
});

describe('no HTML injection from any dataset string', () => {
  const hostile = fc.oneof(
    fc.constantFrom(
      '<img src=x onerror=alert(1)>',
      '"><script>alert(1)</script>',
      "'); alert(1); //",
      '<a href="javascript:alert(1)">x</a>',
      '\u202Eevil\u202C',
      '<style>*{display:none}</style>',
      '{{constructor.constructor("alert(1)")()}}',
    ),
    fc.string({ minLength: 1, maxLength: 80 }),
  );
  const url = fc.oneof(
    fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://example.org/', 'https://example.org/ok', ' https://x', 'vbscript:x'),
    fc.webUrl({ validSchemes: ['https', 'http', 'ftp'] }),
  );

  it('renders every field as text, and only https links', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, url, (name, title, statement, link) => {
        const details: AccountDetails = {
          file: 'accounts/x.yaml',
          account: {
            id: 'x', handle: 'x', name, kind: 'person', category: 'diplomat', country: 'CN',
            roles: [{ title }], sources: [{ url: link, title, publisher: name }],
          },
          notices: [
            {
              id: 'n', accounts: ['x'], type: 'disputed-activity', date: '2020-01-01', title, summary: statement,
              statements: [{ by: name, capacity: 'platform', text: statement }],
              status: { value: 'disputed', asOf: '2020-01-02' },
              sources: [{ url: link, title, publisher: name }],
            },
          ],
        };
        const el = mount(<Card details={details} via="handle" placement="profile" datasetVersion="1" autoFocus={false} onClose={noop} />);
        expect(el.querySelectorAll('script, img, style, iframe, object').length).toBe(0);
        for (const a of el.querySelectorAll('a')) expect(a.getAttribute('href')!.startsWith('https://')).toBe(true);
        for (const node of el.querySelectorAll('*')) {
          for (const attr of node.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
        }
        expect(el.textContent).toContain(name.trim() ? name.slice(0, 10) : '');
        render(null, root);
        root.remove();
        root = document.createElement('div');
      }),
      { numRuns: 300 },
    );
  });
});
