import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importStateMedia, normaliseOutletName, outletNames, parseNewsmap, stateMediaSpec } from './import-state-media';
import { runImport } from './run-import';
import { collect, read, tempDataset, TESTDATA } from './test-helpers';

const MATRIX = join(TESTDATA, 'state-media', 'matrix.csv');
const NEWSMAP = join(TESTDATA, 'state-media', 'newsmap.json');

describe('import state-media: matching', () => {
  it('normalises names and derives the names an outlet row goes by', () => {
    expect(normaliseOutletName("The People’s Daily")).toBe('peoples daily');
    expect(normaliseOutletName('Télam')).toBe('telam');
    expect([...outletNames('News agency: Agencia Venezolana de Noticias (AVN)')]).toEqual(
      expect.arrayContaining(['agencia venezolana de noticias', 'avn', 'news agency agencia venezolana de noticias avn']),
    );
    // Other scripts are kept, so "CGTN العربية" does not collapse into "CGTN".
    expect(outletNames('CGTN العربية').has('cgtn')).toBe(false);
  });

  it('reads newsmap ids as exact strings even when upstream writes them as JSON numbers', () => {
    const entries = parseNewsmap('{"a": {"wikidata_id": "http://www.wikidata.org/entity/Q1", "company_name": "A", "twitter_ID": 1234567890123456789, "country": "Russia"}}');
    expect(entries).toEqual([{ handle: 'a', xId: '1234567890123456789', qid: 'Q1', name: 'A', country: 'RU' }]);
  });

  it('imports only SC and CaPu outlets, matched by name and country, never from the matrix Twitter column', () => {
    const { records, unmatched, notes } = importStateMedia(MATRIX, NEWSMAP);
    expect(records.map((r) => r.handle).sort()).toEqual(['CGTNOfficial', 'PDChina', 'PDChinese', 'globaltimesnews', 'nhk', 'tass_agency']);
    // BBC (ISFM) is not imported; the NHK account registered in another country is not matched; nor the CGTN Arabic row.
    expect(records.find((r) => r.handle === 'PDChinese')?.xId).toBe('1234567890123456789');
    const cgtn = records.find((r) => r.handle === 'CGTNOfficial')!;
    expect(cgtn).toMatchObject({
      id: 'state-media-cgtnofficial',
      xId: '1115874631',
      fields: { name: 'CGTN', kind: 'outlet', category: 'state-media', country: 'CN', typology: 'SC', wikidata: 'Q4378607' },
      file: 'accounts/state-media.yaml',
    });
    expect(cgtn.sources).toEqual([
      expect.objectContaining({ url: 'https://github.com/ASD-at-GMF/state-media-profiles', date: '2024-02-07', supports: expect.stringContaining('typology SC (state-controlled)') }),
      expect.objectContaining({ url: 'https://www.wikidata.org/wiki/Q4378607', publisher: 'Wikidata' }),
    ]);
    expect(records.find((r) => r.handle === 'nhk')?.fields.typology).toBe('CaPu');
    // Sputnik News vs "Sputnik": not an exact name match, so left for review rather than guessed.
    expect(unmatched).toEqual([
      'China | China Media Group | CGTN العربية [SC]',
      'Russia | Rossiya Segodnya | Sputnik News [SC]',
      'Testland | Test Media | Test TV [SC] — unknown country name "Testland"',
    ]);
    expect(notes[0]).toMatch(/1 marked not functional, skipped/);
  });
});

describe('import state-media: merging', () => {
  it('adds outlet entries that validate, and enriches a hand-curated entry without taking it over', () => {
    const hand = `- id: cgtn
  handle: CGTNOfficial
  name: CGTN (China Global Television Network)
  kind: outlet
  category: state-media
  country: CN
  confidence: medium
  sources:
    - url: https://example.org/cgtn
      title: About CGTN
      publisher: Example
`;
    const dataset = tempDataset({ 'accounts/cn.yaml': hand });
    const { records, notes } = importStateMedia(MATRIX, NEWSMAP);
    const out = collect();
    const { report, ok } = runImport(stateMediaSpec, records, notes, { dir: dataset, log: out.log });
    expect(ok).toBe(true);
    expect(report.added).toHaveLength(5);
    expect(report.updated).toEqual([{ id: 'cgtn', changes: ['xId set to "1115874631"', 'typology set to "SC"', 'wikidata set to "Q4378607"', 'sources'] }]);
    const cn = read(dataset, 'accounts/cn.yaml');
    expect(cn).toContain('name: CGTN (China Global Television Network)');
    expect(cn).toContain('confidence: medium');
    expect(cn).toMatch(/country: CN\n {2}typology: SC\n {2}confidence: medium\n {2}wikidata: Q4378607\n/);
    const generated = read(dataset, 'accounts/state-media.yaml');
    expect(generated).not.toContain('CGTNOfficial');
    expect(generated).toContain('xId: "1234567890123456789"');
  });
});
