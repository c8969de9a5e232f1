import { describe, expect, it } from 'vitest';
import { parseCsvList, parseCustomList, parseJsonList, toCsv } from './custom-lists';
import { CustomLayerIndex, type CustomLayer } from './custom-layers';

const HEADER = 'handle,x_id,label,category,country,note,source_url';

describe('CSV lists', () => {
  it('reads the documented layout, with @ or without, in any column order, BOM and CRLF included', () => {
    const text = '\uFEFFlabel,handle,country\r\nTrade envoy,@SomeEnvoy,GB\r\n"Ministry, press",mfa_press,fr\r\n';
    const parsed = parseCsvList(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toEqual([
      { handle: 'SomeEnvoy', label: 'Trade envoy', country: 'GB' },
      { handle: 'mfa_press', label: 'Ministry, press', country: 'FR' },
    ]);
  });

  it('reports every problem with its row and column', () => {
    const text = [
      HEADER,
      'good_one,,Fine,,,,',
      'bad handle,,Label,,,,',
      'ok2,12x,Label,diplomat,ZZ,,http://example.org',
      'ok3,,,,,,',
      'ok4,,Label,wizard,,,',
      'too,few',
    ].join('\n');
    const parsed = parseCsvList(text);
    expect(parsed.entries.map((e) => e.handle)).toEqual(['good_one']);
    const got = parsed.problems.map((p) => `${p.row}:${p.column}`);
    expect(got).toEqual(['3:handle', '4:x_id', '4:country', '4:source_url', '5:label', '6:category', '7:']);
    expect(parsed.problems.find((p) => p.row === 5)?.message).toMatch(/required|empty/);
  });

  it('rejects unknown or missing columns before reading rows', () => {
    expect(parseCsvList('handle,colour\na,red').problems).toEqual([
      expect.objectContaining({ row: 1, column: 'colour' }),
      expect.objectContaining({ row: 1, column: 'label', message: 'missing column (required)' }),
    ]);
    expect(parseCsvList('').problems[0]?.message).toMatch(/empty/);
  });

  it('keeps the first of duplicate handles and counts the rest', () => {
    const parsed = parseCsvList(`${HEADER}\nA,,one,,,,\na,,two,,,,\n`);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.duplicates).toBe(1);
  });

  it('keeps 64-bit ids exactly', () => {
    const parsed = parseCsvList(`${HEADER}\nbig,1876543210987654321,Big id,,,,\n`);
    expect(parsed.entries[0]?.xId).toBe('1876543210987654321');
  });

  it('parses 100,000 rows and round-trips through export', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `acct_${i},${1000 + i},Label ${i % 7},legislator,US,,https://example.org/${i}`);
    const parsed = parseCsvList([HEADER, ...rows].join('\n'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toHaveLength(100_000);
    const again = parseCsvList(toCsv(parsed.entries));
    expect(again.entries).toEqual(parsed.entries);
    const index = new CustomLayerIndex([{ id: 'big', name: 'Big', colour: '#336699', enabled: true, created: '2026-01-01', entries: parsed.entries }]);
    expect(index.lookup('ACCT_99999')[0]?.entry.label).toBe('Label 4');
    expect(index.lookupXId('1042')[0]?.entry.handle).toBe('acct_42');
  });
});

describe('JSON lists', () => {
  const account = {
    id: 'some-envoy',
    handle: 'SomeEnvoy',
    name: 'Some Envoy',
    kind: 'person',
    category: 'diplomat',
    country: 'GB',
    sources: [{ url: 'https://example.org/s', title: 'S', publisher: 'P' }],
  };

  it('accepts accounts in the dataset shape', () => {
    const parsed = parseJsonList(JSON.stringify([account]));
    expect(parsed.entries).toEqual([
      { handle: 'SomeEnvoy', label: 'Some Envoy', category: 'diplomat', country: 'GB', sourceUrl: 'https://example.org/s' },
    ]);
  });

  it('reports problems per entry and field, and whole-file problems at row 0', () => {
    const parsed = parseJsonList(JSON.stringify([account, { ...account, handle: 'no spaces', sources: [] }]));
    expect(parsed.problems.map((p) => `${p.row}:${p.column}`)).toEqual(['2:handle', '2:sources']);
    expect(parseJsonList('{"a":1}').problems[0]).toMatchObject({ row: 0 });
    expect(parseJsonList('[1,').problems[0]?.message).toMatch(/not valid JSON/);
  });

  it('chooses the parser from the file name or content', () => {
    expect(parseCustomList('list.json', JSON.stringify([account])).entries).toHaveLength(1);
    expect(parseCustomList('list.csv', 'handle,label\na,b').entries).toHaveLength(1);
  });
});

describe('CustomLayerIndex', () => {
  it('only indexes enabled layers and returns every layer an account is in', () => {
    const layer = (id: string, enabled: boolean): CustomLayer => ({
      id, name: id, colour: '#000000', enabled, created: '2026-01-01', entries: [{ handle: 'Shared', label: id }],
    });
    const index = new CustomLayerIndex([layer('a', true), layer('b', true), layer('c', false)]);
    expect(index.lookup('shared').map((m) => m.layer.id)).toEqual(['custom:a', 'custom:b']);
    expect(index.lookup('constructor')).toEqual([]);
  });
});
