import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDataset, type DatasetFile } from './dataset-files';
import { COMPILED_FORMAT, compileDataset, packIndex, splitCompiled, type SummaryRow } from './compiled';
import { PACKED_MAGIC } from './packed';
import { DatasetIndex } from './lookup';

const META = `version: 1.0.0\nreleased: "2026-01-01"\nlicence: CC-BY-4.0\nattribution: []\n`;

const ACCOUNT = `
- id: liu-xiaoming
  handle: AmbLiuXiaoMing
  xId: "1183279873016430592"
  formerHandles: [OldLiuHandle]
  name: Liu Xiaoming
  kind: person
  category: diplomat
  country: CN
  roles:
    - title: Ambassador
      from: "2010-03"
      to: "2021-01-31"
  sources:
    - url: https://example.org/a
      title: A source
      publisher: Example
`;

const NOTICE = `
- id: n1
  accounts: [liu-xiaoming]
  type: label-history
  date: "2020-09-09"
  title: T
  summary: S
  statements: []
  status: { value: disputed, asOf: "2020-09-11" }
  sources:
    - url: https://example.org/b
      title: B
      publisher: Example
`;

function files(extra: Partial<Record<string, string>> = {}): DatasetFile[] {
  const all: Record<string, string> = { 'meta.yaml': META, 'accounts/cn.yaml': ACCOUNT, 'notices/n.yaml': NOTICE, ...extra };
  return Object.entries(all)
    .filter(([, text]) => text !== undefined)
    .map(([path, text]) => ({ path, text: text! }));
}

describe('parseDataset', () => {
  it('accepts a valid dataset', () => {
    const parsed = parseDataset(files());
    expect(parsed.problems).toEqual([]);
    expect(parsed.dataset?.accounts[0]?.handle).toBe('AmbLiuXiaoMing');
    expect(parsed.origins.get('liu-xiaoming')).toEqual({ file: 'accounts/cn.yaml', line: 2 });
  });

  it('reports every problem with file, line and column', () => {
    const broken = ACCOUNT.replace('country: CN', 'country: China').replace('https://example.org/a', 'http://example.org/a');
    const parsed = parseDataset(files({ 'accounts/cn.yaml': broken }));
    expect(parsed.dataset).toBeNull();
    const messages = parsed.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^accounts\/cn\.yaml:9:12 \[0\]\.country: must be an ISO 3166-1/));
    expect(messages).toContainEqual(expect.stringMatching(/^accounts\/cn\.yaml:15:12 \[0\]\.sources\[0\]\.url: must be an https/));
    // One broken entry does not cascade into other errors.
    expect(messages).toHaveLength(2);
  });

  it('never lets an unquoted 64-bit id lose digits', () => {
    const parsed = parseDataset(files({ 'accounts/cn.yaml': ACCOUNT.replace('"1183279873016430592"', '1183279873016430592') }));
    expect(parsed.dataset).toBeNull();
    expect(parsed.problems[0]?.message).toMatch(/quoted decimal string/);
  });

  it('rejects unknown fields, duplicate handles, dangling notice accounts and reversed dates', () => {
    const second = `\n- id: other\n  handle: amblIUxiaoming\n  name: Other\n  kind: institution\n  category: embassy\n  country: GB\n  colour: red\n  sources:\n    - { url: "https://example.org/c", title: C, publisher: P }\n`;
    const reversed = ACCOUNT.replace('to: "2021-01-31"', 'to: "2009-01-31"');
    const dangling = NOTICE.replace('[liu-xiaoming]', '[nobody]');
    const parsed = parseDataset(files({ 'accounts/cn.yaml': reversed + second, 'notices/n.yaml': dangling }));
    const text = parsed.problems.map((p) => p.message).join('\n');
    expect(text).toMatch(/unknown field "colour"/);
    expect(text).toMatch(/"from" must not be after "to"/);
    expect(text).toMatch(/refers to account "nobody"/);
    const dup = parseDataset(files({ 'accounts/cn.yaml': ACCOUNT + second.replace('  colour: red\n', '') }));
    expect(dup.problems.map((p) => p.message).join('\n')).toMatch(/handle @amblIUxiaoming is already used by account "liu-xiaoming"/);
  });

  it('reports YAML syntax errors with their position', () => {
    const parsed = parseDataset(files({ 'accounts/cn.yaml': '- id: a\n  handle: [unclosed\n' }));
    expect(parsed.problems[0]).toMatchObject({ file: 'accounts/cn.yaml', line: expect.any(Number) });
    expect(parsed.problems[0]?.message).toMatch(/^YAML syntax/);
  });
});

describe('compiled index', () => {
  const parsed = parseDataset(files());
  // As the extension reads it: the file's bytes in an ArrayBuffer of their own (a fetch's), the details apart.
  const { index: compiledIndex, details } = splitCompiled(compileDataset(parsed.dataset!, parsed.origins));
  const index = new DatasetIndex(compiledIndex.slice().buffer, details);

  it('finds accounts by handle case-insensitively, by former handle and by numeric id', () => {
    expect(index.byHandle('amblIUXIAOMING')).toMatchObject({ via: 'handle', account: { id: 'liu-xiaoming', noticeCount: 1 } });
    expect(index.byHandle('oldliuhandle')).toMatchObject({ via: 'former-handle', account: { id: 'liu-xiaoming' } });
    expect(index.byXId('1183279873016430592')).toMatchObject({ via: 'x-id' });
    expect(index.byXId('1183279873016430593')).toBeNull();
    expect(index.byHandle('jane_reader')).toBeNull();
  });

  it('carries each entry\'s confidence, with "unrated" for an entry that gives none', () => {
    expect(index.byHandle('AmbLiuXiaoMing')?.account.confidence).toBe('unrated');
    for (const confidence of ['high', 'medium', 'low', 'unverified'] as const) {
      const dataset = { ...parsed.dataset!, accounts: parsed.dataset!.accounts.map((a) => ({ ...a, confidence })) };
      const compiled = compileDataset(dataset);
      const account = new DatasetIndex(compiled.index).byHandle('AmbLiuXiaoMing')!.account;
      // Former (every role ended before the release) and the confidence share the flag digit.
      expect(account).toMatchObject({ confidence, former: true });
    }
  });

  it('is not fooled by Object.prototype names', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(index.byHandle(name)).toBeNull();
  });

  it('decodes details only on demand, with notices and the source file', () => {
    const details = index.details(index.byHandle('AmbLiuXiaoMing')!.account.index)!;
    expect(details.account.roles?.[0]?.title).toBe('Ambassador');
    expect(details.notices.map((n) => n.id)).toEqual(['n1']);
    expect(details.file).toBe('accounts/cn.yaml');
  });
});

describe('the bundled dataset', () => {
  const dir = 'dataset';
  const read = (sub: string) =>
    readdirSync(join(dir, sub)).map((name) => ({ path: `${sub}/${name}`, text: readFileSync(join(dir, sub, name), 'utf8') }));
  const parsed = parseDataset([{ path: 'meta.yaml', text: readFileSync(join(dir, 'meta.yaml'), 'utf8') }, ...read('accounts'), ...read('notices')]);

  it('is valid', () => {
    expect(parsed.problems).toEqual([]);
  });

  it('holds the 2020 notice on @AmbLiuXiaoMing with both sides and several sources', () => {
    const compiled = compileDataset(parsed.dataset!, parsed.origins);
    const index = new DatasetIndex(compiled.index, compiled.details);
    const match = index.byHandle('AmbLiuXiaoMing')!;
    const notice = index.details(match.account.index)!.notices[0]!;
    expect(notice).toMatchObject({ type: 'disputed-activity', date: '2020-09-09', status: { value: 'disputed' } });
    const capacities = new Set(notice.statements.map((s) => s.capacity));
    expect(capacities).toEqual(new Set(['reporting-outlet', 'account-holder', 'platform']));
    expect(notice.sources.length).toBeGreaterThanOrEqual(2);
    expect(index.byHandle('chineseembinuk')?.account.category).toBe('embassy');
  });
});

describe('packed index format', () => {
  it('round-trips every summary field, former handles, 64-bit ids, and folds newlines in names', () => {
    const index = new DatasetIndex(
      packIndex(
        { version: '9.9.9', released: '2026' },
        [
          ['a-id', 'Alpha_1', 'Line one\nline two', 2, 14, 'RU', 35, 0b101],
          ['b-id', 'beta', 'Beta', 0, 0, 'INT', 0, 0],
        ],
        [['OldAlpha', 0]],
        [['1876543210987654321', 1]],
      ),
    );
    expect(index.size).toBe(2);
    expect(index.byHandle('ALPHA_1')?.account).toMatchObject({
      id: 'a-id', handle: 'Alpha_1', name: 'Line one line two', kind: 'outlet', category: 'state-media', country: 'RU',
      noticeCount: 35, noticeTypes: ['disputed-activity', 'label-history'],
    });
    expect(index.byHandle('oldalpha')?.via).toBe('former-handle');
    expect(index.byXId('1876543210987654321')?.account.id).toBe('b-id');
    expect(index.byHandle('')).toBeNull();
  });

  it('builds a 100,000-account index and finds accounts by handle without touching the others', () => {
    const rows: SummaryRow[] = Array.from({ length: 100_000 }, (_, i) => [`id-${i}`, `H${i}`, `N ${i}`, 0, 6, 'US', 0, 0]);
    const index = new DatasetIndex(packIndex({ version: '1', released: '2026' }, rows).slice().buffer);
    expect(index.byHandle('h99999')?.account.name).toBe('N 99999');
    expect(index.byHandle('h100000')).toBeNull();
  });

  it('compiles numeric X ids as a column and a hash table: O(1) by id, and the id on every summary', () => {
    const rows: SummaryRow[] = Array.from({ length: 50_000 }, (_, i) => [`id-${i}`, `H${i}`, `N ${i}`, 0, 6, 'US', 0, 0]);
    // Every third account has an id; one entry offers a malformed id, which is left out.
    const ids: [string, number][] = rows.flatMap((_, i) => (i % 3 === 0 ? [[String(10_000_000_000 + i), i] as [string, number]] : []));
    ids.push(['0123', 1], ['12a', 2]);
    const index = new DatasetIndex(packIndex({ version: '1', released: '2026' }, rows, [], ids).slice().buffer);
    expect(index.byXId('10000049998')?.account).toMatchObject({ id: 'id-49998', handle: 'H49998', xId: '10000049998' });
    expect(index.byXId('10000000000')?.account.id).toBe('id-0');
    expect(index.byXId('10000049999')).toBeNull();
    expect(index.byXId('0123')).toBeNull();
    expect(index.byXId('12a')).toBeNull();
    expect(index.byXId('')).toBeNull();
    expect(index.byXId('__proto__')).toBeNull();
    expect(index.byHandle('h3')?.account.xId).toBe('10000000003');
    expect(index.byHandle('h1')?.account.xId).toBeUndefined();
    expect(index.byHandle('h2')?.account.xId).toBeUndefined();
    for (let i = 0; i < 50_000; i += 997) {
      const found = index.byXId(String(10_000_000_000 + i));
      if (i % 3 === 0) expect(found?.account.id).toBe(`id-${i}`);
      else expect(found).toBeNull();
    }
  });

  it('finds nothing by id in an index compiled without ids', () => {
    const index = new DatasetIndex(packIndex({ version: '1', released: '2026' }, [['a', 'A', 'A', 0, 0, 'US', 0, 0]]));
    expect(index.byXId('1')).toBeNull();
    expect(index.byHandle('a')?.account.xId).toBeUndefined();
  });

  it('is one binary file read in place: its header names format 8, and its meta the release', () => {
    const packed = packIndex({ version: '2.0', released: '2026-05' }, [['a', 'A', 'A', 0, 0, 'US', 0, 0]]);
    const header = new DataView(packed.buffer, packed.byteOffset);
    expect(header.getUint32(0, true)).toBe(PACKED_MAGIC);
    expect(header.getUint32(4, true)).toBe(COMPILED_FORMAT);
    expect(COMPILED_FORMAT).toBe(8);
    const index = new DatasetIndex(packed);
    expect([index.version, index.released, index.size]).toEqual(['2.0', '2026-05', 1]);
  });

  it('refuses an index of an older format with a clear message', () => {
    // Format 7 was an object of strings (embedded in the content script's source until this format).
    const format7 = { format: 7, version: '1', released: '2026', handles: 'a', formerOf: '', table: '00001000000000000000000000000000000000000', codes: '000000' };
    expect(() => new DatasetIndex(format7 as unknown as Uint8Array)).toThrow(/an object of format 7; this code reads the packed index of format 8 only: rebuild the extension/);
    // A packed file whose header names another format.
    const packed = packIndex({ version: '1', released: '2026' }, [['a', 'A', 'A', 0, 0, 'US', 0, 0]]).slice();
    new DataView(packed.buffer).setUint32(4, 7, true);
    expect(() => new DatasetIndex(packed)).toThrow(/of format 7, and this code reads format 8 only: rebuild the extension/);
    // Not a packed index at all, or cut short.
    expect(() => new DatasetIndex(new TextEncoder().encode('{"format":8}'))).toThrow(/not a packed index/);
    expect(() => new DatasetIndex(new Uint8Array(4))).toThrow(/too short/);
    const cut = packIndex({ version: '1', released: '2026' }, [['a', 'A', 'A', 0, 0, 'US', 0, 0]]).slice(0, 60);
    expect(() => new DatasetIndex(cut)).toThrow(/outside the file|cut short/);
  });

  it('refuses a handle that is not plain ASCII (a lookup compares bytes with the page\'s text)', () => {
    expect(() => packIndex({ version: '1', released: '2026' }, [['a', 'Äb', 'A', 0, 0, 'US', 0, 0]])).toThrow(/not plain ASCII/);
  });

  it('keeps names beyond ASCII, tabs folded, and reads an index handed in at an offset of a larger buffer', () => {
    const packed = packIndex({ version: '1', released: '2026' }, [['a-id', 'A', '中国驻英国大使馆\tEmbassy', 0, 0, 'CN', 0, 0]]);
    const larger = new Uint8Array(packed.byteLength + 3);
    larger.set(packed, 3);
    const index = new DatasetIndex(larger.subarray(3));
    expect(index.byHandle('a')?.account).toMatchObject({ id: 'a-id', name: '中国驻英国大使馆 Embassy', country: 'CN' });
  });
});
