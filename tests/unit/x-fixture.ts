/**
 * Helpers for DOM tests on the fixture pages (tests/fixtures/x) under happy-dom: load a page into the test's
 * document at its x.com URL, an index of the fixture's official accounts, and a renderer that records what it is
 * asked to create.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotator, HOST_TAG, type Annotation, type BadgeRenderer } from '../../src/content/annotator';
import type { Candidate } from '../../src/content/placements/types';
import { compileDataset, confidenceFlags, packIndex, type SummaryRow } from '../../src/core/compiled';
import { loadDataset } from '../../scripts/lib/load-dataset';
import { DatasetIndex } from '../../src/core/lookup';
import { CATEGORIES, KINDS } from '../../src/core/schema';

const FIXTURES = join(__dirname, '..', 'fixtures', 'x');

export interface ExpectedEntry {
  placement: string;
  handle: string;
  where?: string;
}
export interface ExpectedPage {
  url: string;
  total: number;
  counts: Record<string, number>;
  official: ExpectedEntry[];
  lookalikes: ExpectedEntry[];
}
export interface Expected {
  official: string[];
  lookalikes: Record<string, string>;
  viewer: string;
  pages: Record<string, ExpectedPage>;
}

export const expected: Expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));

/** Replaces the test document with a fixture page (its scripts removed) and moves the URL to the page's. */
export function loadFixture(file: string): ExpectedPage {
  const page = expected.pages[file];
  if (!page) throw new Error(`no fixture ${file}`);
  const html = readFileSync(join(FIXTURES, 'pages', file), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of parsed.querySelectorAll('script, template')) script.remove();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(page.url);
  const root = document.documentElement;
  for (const name of root.getAttributeNames()) root.removeAttribute(name);
  for (const attr of parsed.documentElement.attributes) root.setAttribute(attr.name, attr.value);
  root.innerHTML = parsed.documentElement.innerHTML;
  return page;
}

/** The fixture's official accounts, as a compiled dataset (independent of the real, growing dataset). */
export const FIXTURE_ACCOUNTS: [id: string, handle: string, name: string, kind: string, category: string, country: string, former?: string][] = [
  ['liu-xiaoming', 'AmbLiuXiaoMing', 'Liu Xiaoming', 'person', 'diplomat', 'CN'],
  ['chinese-embassy-uk', 'ChineseEmbinUK', 'Chinese Embassy in UK', 'institution', 'embassy', 'CN'],
  ['mfa-china-spokesperson', 'MFA_China', 'Spokesperson发言人办公室', 'institution', 'spokesperson', 'CN'],
  ['rt', 'RT_com', 'RT', 'outlet', 'state-media', 'RU', 'RT_old_handle'],
  ['us-state-department', 'StateDept', 'Department of State', 'institution', 'ministry', 'US'],
  // world.html: four continents and international organisations (ids as in the bundled dataset)
  ['in-mea-spokesperson', 'MEAIndia', 'Official Spokesperson, Ministry of External Affairs of India', 'institution', 'ministry', 'IN'],
  ['lula-da-silva', 'lulaoficial', 'Luiz Inácio Lula da Silva', 'person', 'head-of-state', 'BR'],
  ['ke-state-house', 'StateHouseKenya', 'State House Kenya (Office of the President)', 'institution', 'government-office', 'KE'],
  ['de-embassy-us', 'GermanyinUSA', 'Embassy of Germany in the United States', 'institution', 'embassy', 'DE'],
  ['un', 'UN', 'United Nations', 'institution', 'igo', 'UN'],
  ['who', 'WHO', 'World Health Organization', 'institution', 'igo', 'UN'],
  ['nato', 'NATO', 'NATO (North Atlantic Treaty Organization)', 'institution', 'igo', 'INT'],
  ['wl2014-presidencyza', 'PresidencyZA', 'Institutional account of the President of South Africa', 'institution', 'government-office', 'ZA'],
];

/** `unverified`: handles whose entries are given confidence "unverified". */
export function fixtureIndex(unverified: readonly string[] = []): DatasetIndex {
  const rows: SummaryRow[] = [];
  const former: [string, number][] = [];
  FIXTURE_ACCOUNTS.forEach(([id, handle, name, kind, category, country, formerHandle], i) => {
    if (formerHandle) former.push([formerHandle, i]);
    const flags = unverified.includes(handle) ? confidenceFlags('unverified') : 0;
    rows.push([id, handle, name, KINDS.indexOf(kind as never), CATEGORIES.indexOf(category as never), country, 0, 0, flags]);
  });
  return new DatasetIndex(packIndex({ version: '0.0.0-test', released: '2024-01-01' }, rows, former));
}

/** The bundled dataset (dataset/), compiled as the build does, with its details. */
export function bundledIndex(dir = 'dataset'): DatasetIndex {
  const parsed = loadDataset(dir);
  if (!parsed.dataset) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  const compiled = compileDataset(parsed.dataset, parsed.origins);
  return new DatasetIndex(compiled.index, compiled.details);
}

/** A renderer without UI: a bare host element per annotation, and a log of created/destroyed hosts. */
export class RecordingRenderer implements BadgeRenderer {
  created = 0;
  destroyed = 0;
  readonly live = new Set<HTMLElement>();
  create(_annotation: Annotation, _candidate: Candidate): HTMLElement {
    this.created++;
    const host = document.createElement(HOST_TAG);
    this.live.add(host);
    return host;
  }
  destroy(host: HTMLElement): void {
    this.destroyed++;
    this.live.delete(host);
  }
}

export function startAnnotator(options: Partial<ConstructorParameters<typeof Annotator>[0]> = {}) {
  const renderer = new RecordingRenderer();
  const annotator = new Annotator({ index: fixtureIndex(), renderer, onError: (e) => { throw e; }, ...options });
  annotator.start();
  annotator.flush();
  return { annotator, renderer };
}

export interface Found {
  placement: string;
  handle: string;
  warning?: string;
  resembles?: string;
}

/** Badge hosts in the document as `placement @handle` strings, sorted. */
export function badgeList(selector = `${HOST_TAG}:not([data-attache-warning])`): string[] {
  return [...document.querySelectorAll(selector)]
    .map((h) => `${h.getAttribute('data-attache-placement')} @${h.getAttribute('data-attache-handle')}`)
    .sort();
}

export function warningList(): string[] {
  return [...document.querySelectorAll(`${HOST_TAG}[data-attache-warning="lookalike"]`)]
    .map((h) => `${h.getAttribute('data-attache-placement')} @${h.getAttribute('data-attache-handle')} ~@${h.getAttribute('data-attache-resembles')}`)
    .sort();
}

export function asList(entries: ExpectedEntry[], placements?: ReadonlySet<string>): string[] {
  return entries
    .filter((e) => !placements || placements.has(e.placement))
    .map((e) => `${e.placement} @${e.handle.toLowerCase()}`)
    .sort();
}
