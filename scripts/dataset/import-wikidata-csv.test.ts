import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { categoryForPosition, importWikidata, wikidataSpec, WIKIDATA_FILE } from './import-wikidata';
import { csvSpec, importCsv } from './import-csv';
import { runImport } from './run-import';
import { collect, read, tempDataset, TESTDATA } from './test-helpers';

const WD = (name: string) => join(TESTDATA, 'wikidata', name);
const CSV = (name: string) => join(TESTDATA, 'csv', name);

describe('import wikidata', () => {
  it('maps heads of state and government, with countries from the item, the label or an ?iso binding', () => {
    const { records, notes } = importWikidata(WD('heads.json'), { date: '2026-03-01' });
    expect(records.map((r) => [r.handle, r.fields.category, r.fields.kind, r.fields.country])).toEqual([
      ['TestPresident', 'head-of-state', 'person', 'US'],
      ['TestPremier', 'head-of-government', 'person', 'FR'],
    ]);
    const president = records[0]!;
    expect(president.xId).toBe('1234567890123456789');
    expect(president.roles).toEqual([{ title: 'Head of state of United States' }, { title: 'Head of government of United States' }]);
    expect(president.sources).toEqual([
      { url: 'https://www.wikidata.org/wiki/Q100001', title: 'Test President (Q100001)', publisher: 'Wikidata', date: '2026-03-01', supports: expect.stringContaining('@TestPresident with numeric id 1234567890123456789') },
    ]);
    expect(notes.join('\n')).toMatch(/@TestPresident is both head-of-state and head-of-government/);
    expect(notes.join('\n')).toMatch(/skipped @Firefly, country Freedonia unknown: add an \?iso binding/);
  });

  it('maps institutional kinds, IGOs to UN/INT, and skips rows without a label or a valid handle', () => {
    const { records, notes } = importWikidata(WD('institutions.json'), { date: '2026-03-01' });
    expect(records.map((r) => [r.id, r.fields.category, r.fields.country, r.xId])).toEqual([
      ['wd-testmfa', 'ministry', 'CN', undefined],
      ['wd-testembassy', 'embassy', 'RU', '42'],
      ['wd-testun', 'igo', 'UN', undefined],
    ]);
    const text = notes.join('\n');
    expect(text).toMatch(/ignored X id "not-a-number" of @TestMFA/);
    expect(text).toMatch(/skipped @NoLabel \(Q100012\), no English label/);
    expect(text).toMatch(/skipped "has\.dot", not a valid X handle/);
  });

  it('maps office holders by position and state-owned media by owner', () => {
    const { records } = importWikidata(WD('people-media.json'), { date: '2026-03-01' });
    expect(records.map((r) => [r.handle, r.fields.category, r.fields.kind, r.fields.country])).toEqual([
      ['TestAmbassador', 'diplomat', 'person', 'GB'],
      ['TestStateRadio', 'state-media', 'outlet', 'RU'],
    ]);
    expect(records[0]!.roles).toEqual([{ title: 'Ambassador of Testland to the United Kingdom' }]);
    expect(categoryForPosition('Minister of Foreign Affairs')).toBe('minister');
    expect(categoryForPosition('member of the Bundestag')).toBe('legislator');
  });

  it('merges into a dataset that validates', () => {
    const dataset = tempDataset();
    const out = collect();
    const all = ['heads.json', 'institutions.json', 'people-media.json'].flatMap((f) => importWikidata(WD(f), { date: '2026-03-01' }).records);
    const { ok, report } = runImport(wikidataSpec(WIKIDATA_FILE), all, [], { dir: dataset, log: out.log });
    expect(report.added).toHaveLength(7);
    expect(ok).toBe(true);
    expect(read(dataset, WIKIDATA_FILE)).toContain('xId: "1234567890123456789"');
  });
});

describe('import csv', () => {
  it('reads the documented layout, with defaults for id and file', () => {
    const { records } = importCsv(CSV('accounts.csv'));
    expect(records).toEqual([
      {
        id: 'fr-testembparis',
        handle: 'TestEmbParis',
        xId: '1234567890123456789',
        fields: { name: 'Embassy of Testland in France', kind: 'institution', category: 'embassy', country: 'FR', confidence: 'medium', note: 'Opened its account in 2019, "officially".' },
        roles: undefined,
        sources: [
          { url: 'https://example.org/embassy', title: 'Embassy profile', publisher: 'Example News', date: '2024-05-01', supports: 'Names the account' },
          { url: 'https://example.com/list', title: 'List of embassies', publisher: 'Example List' },
        ],
        file: 'accounts/fr.yaml',
      },
      expect.objectContaining({ id: 'test-envoy', handle: 'TestEnvoy', roles: [{ title: 'Special Envoy for Testing', from: '2023-02' }], file: 'accounts/gb.yaml' }),
    ]);
  });

  it('reports every bad cell with its row and imports nothing', () => {
    let message = '';
    try {
      importCsv(CSV('broken.csv'));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/unknown column\(s\) colour/);
    expect(message).toMatch(/broken\.csv:2: handle: must be 1-15 characters/);
    expect(message).toMatch(/broken\.csv:2: country: must be an ISO 3166-1/);
    expect(message).toMatch(/broken\.csv:2: sources\.0\.url: must be an https/);
    expect(message).toMatch(/broken\.csv:3: sources: every account needs at least one source/);
    expect(message).toMatch(/nothing was imported/);
  });

  it('updates a matching hand-written entry with the cells it sets and adds new sources and roles, removing nothing', () => {
    const hand = `- id: test-envoy
  handle: TestEnvoy
  name: Envoy (old name)
  kind: person
  category: diplomat
  country: GB
  names:
    fr: Envoyé
  roles:
    - title: Ambassador to Testland
      from: "2019"
      to: "2023-01"
  sources:
    - url: https://example.org/old
      title: Old
      publisher: Old News
`;
    const dataset = tempDataset({ 'accounts/gb.yaml': hand });
    const { records } = importCsv(CSV('accounts.csv'));
    const { ok, report } = runImport(csvSpec, records, [], { dir: dataset, log: () => {} });
    expect(ok).toBe(true);
    expect(report.updated).toEqual([{ id: 'test-envoy', changes: ['name: "Envoy (old name)" -> "Test Envoy"', 'confidence set', 'roles', 'sources'] }]);
    const text = read(dataset, 'accounts/gb.yaml');
    for (const kept of ['fr: Envoyé', 'Ambassador to Testland', 'https://example.org/old', 'Special Envoy for Testing', 'https://example.org/envoy']) expect(text).toContain(kept);
    expect(read(dataset, 'accounts/fr.yaml')).toContain('handle: TestEmbParis');
  });
});
