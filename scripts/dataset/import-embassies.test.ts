import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { embassiesSpec, importEmbassies, isAmbassadorHandle, missionType, operatorState, parseEmbassies } from './import-embassies';
import { runImport } from './run-import';
import { collect, read, tempDataset, TESTDATA } from './test-helpers';

const EXPORT_2022 = join(TESTDATA, 'embassies', 'database_of_embassies-2022-11-16.csv');
const EXPORT_2021 = join(TESTDATA, 'embassies', 'database_of_embassies-2021-01-04.csv');

const byHandle = (records: ReturnType<typeof importEmbassies>['records'], handle: string) => records.find((r) => r.handle === handle);

describe('import embassies: reading the export', () => {
  it('reads the header of either generation of the export, whatever the column order', () => {
    const old = importEmbassies(EXPORT_2021);
    expect(old.records.map((r) => r.handle).sort()).toEqual(['UKinFrance', 'australiainjpn']);
    expect(byHandle(old.records, 'UKinFrance')).toMatchObject({ fields: { country: 'GB', category: 'embassy', name: 'Embassy of the United Kingdom in France' } });
    // The date comes from the file name when there is no --date.
    expect(old.records[0]!.sources[0]!.date).toBe('2021-01-04');
    expect(() => parseEmbassies('operator;country;type;QID\nA;B;embassy;Q1\n')).toThrow(/no column "twitter"/);
  });

  it('maps mission types and operators deliberately', () => {
    expect(missionType('British High Commission')).toMatchObject({ category: 'embassy', label: 'High Commission' });
    expect(missionType('consulate general')).toMatchObject({ category: 'consulate', label: 'Consulate General' });
    expect(missionType('de facto embassy')).toMatchObject({ category: 'embassy', label: 'Representative office' });
    expect(missionType('Interests Section')).toMatchObject({ category: 'embassy', label: 'Interests Section' });
    expect(missionType('apostolic nunciature')).toMatchObject({ category: 'embassy', label: 'Apostolic Nunciature' });
    expect(missionType('permanent mission')).toMatchObject({ category: 'mission' });
    expect(missionType('Quebec Government Office')).toBeNull();
    expect(missionType('liaison office')).toBeNull();
    expect(operatorState("Ministry of Foreign Affairs of the People's Republic of China")).toBe('CN');
    expect(operatorState('Ministry of Foreign Affairs and Cooperation of the Republic of Rwanda')).toBe('RW');
    expect(operatorState('Vatican')).toBe('VA');
    expect(operatorState('Turkish Republic of Northern Cyprus')).toBeNull();
  });

  it('tells ambassadors\' handles from embassies\' ("Amb" is "Ambassade" in French and Nordic handles)', () => {
    expect(isAmbassadorHandle('AusAmbIsrael', 'AU')).toBe(true);
    expect(isAmbassadorHandle('EmbajadorSuecia', 'SE')).toBe(true);
    expect(isAmbassadorHandle('AmbCanHaiti', 'CA')).toBe(false);
    expect(isAmbassadorHandle('DKAmbColombia', 'DK')).toBe(false);
    expect(isAmbassadorHandle('AmbassadeChine', 'CN')).toBe(false);
  });
});

describe('import embassies: the traps', () => {
  const { records, skipped, notes } = importEmbassies(EXPORT_2022);

  it('uses the operator as the sending state and finds the host when the country column is the operator\'s own', () => {
    // Australia;Australia;Tokyo;Japan: the jurisdiction gives the host.
    expect(byHandle(records, 'australiainjpn')).toMatchObject({ fields: { country: 'AU', name: 'Embassy of Australia in Japan', wikidata: 'Q11668251' } });
    // Australia;Australia;Tel Aviv;Iraq|Israel: two jurisdictions, so the mission is named after its city.
    expect(byHandle(records, 'AusAmbIsrael')?.fields.name).toBe('Embassy of Australia in Tel Aviv');
    expect(byHandle(records, 'ChinaEmbGermany')?.fields.country).toBe('CN');
    expect(byHandle(records, 'BelgiumDenmark')?.fields.name).toBe('Embassy of Belgium in Denmark');
    expect(byHandle(records, 'RusEmbBih')?.fields.name).toBe('Embassy of the Russian Federation in Bosnia and Herzegovina');
    // Accredited to a state other than the one it stands in.
    expect(byHandle(records, 'PLinSyria')?.fields.name).toBe('Embassy of Poland to Syria, in Beirut, Lebanon');
    expect(byHandle(records, 'UKRinVAT')?.fields.name).toBe('Embassy of Ukraine to the Holy See, in Rome, Italy');
  });

  it('maps high commissions, consulates, a de facto embassy, an interests section and the Holy See\'s nunciature', () => {
    expect(byHandle(records, 'UKinCanada')?.fields).toMatchObject({ category: 'embassy', name: 'High Commission of the United Kingdom in Canada' });
    expect(byHandle(records, 'UKinNewYork')?.fields).toMatchObject({ category: 'consulate', name: 'Consulate General of the United Kingdom in New York City, United States' });
    expect(byHandle(records, 'ausofficeTPE')?.fields).toMatchObject({ category: 'embassy', name: 'Representative office of Australia in Taiwan', country: 'AU' });
    expect(byHandle(records, 'EmbaCubaUS')?.fields).toMatchObject({ category: 'embassy', name: 'Interests Section of Cuba in the United States' });
    expect(byHandle(records, 'NunciatureKyiv')?.fields).toMatchObject({ category: 'embassy', country: 'VA', name: 'Apostolic Nunciature in Ukraine' });
  });

  it('is low, and unverified with a note for an ambassador\'s handle, a handle not naming the sending state or one shared by two missions', () => {
    expect(byHandle(records, 'UKinFrance')?.initialFields).toEqual({ confidence: 'low' });
    expect(byHandle(records, 'AusAmbIsrael')?.initialFields).toMatchObject({ confidence: 'unverified', note: expect.stringMatching(/ambassador's post account/) });
    expect(byHandle(records, 'ja_embassy')?.initialFields).toMatchObject({ confidence: 'unverified', note: expect.stringMatching(/does not name the sending state \(Ethiopia\)/) });
    // Saudi Arabia's "SOM" handle, listed for a mission in Singapore.
    expect(byHandle(records, 'KSAembassySOM')?.initialFields).toMatchObject({ confidence: 'unverified', note: expect.stringMatching(/names Somalia, not the host/) });
    const shared = records.filter((r) => r.handle === 'USA_China_Talk');
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ id: 'doe-q12057126', initialFields: { confidence: 'unverified', note: expect.stringMatching(/2 missions of the same state/) } });
  });

  it('skips generic handles, non-state operators, other types, handles shared by two states, malformed lines — and says why', () => {
    const counts = skipped.counts();
    expect(counts).toMatchObject({
      'generic handle: names only the mission type and the host or city, not the sending state': 2, // EmbassyJp, munichconsulat
      'operator is not a state with an ISO 3166 code': 1,
      'the same handle on missions of different states': 2,
      'the same handle on several missions of one state (kept once, on the embassy)': 1,
      'type is not an embassy, consulate or permanent mission ("Quebec Government Office")': 1,
      'malformed line (wrong number of fields)': 1,
      "the handle looks like a foreign ministry's, not a mission's": 1, // MOFAkr_eng as a consulate general in Guangzhou
    });
    expect(skipped.lines().join('\n')).toMatch(/e\.g\. @EmbassyJp \(Q30403250: Algeria in Meguro-ku\)/);
    expect(records.some((r) => r.handle === 'NordicHouseXX' || r.handle === 'KKTCAnkara')).toBe(false);
    expect(notes[0]).toMatch(/^26 missions in the export, 24 with an X handle; 16 accounts to merge \(11 low, 5 unverified\)/);
  });

  it('cites the Wikidata item with the export date', () => {
    expect(byHandle(records, 'UKinFrance')).toMatchObject({
      id: 'doe-q18794353',
      sources: [
        {
          url: 'https://www.wikidata.org/wiki/Q18794353',
          publisher: 'Wikidata',
          date: '2022-11-16',
          supports: expect.stringMatching(/X username @UKinFrance \(P2002\), as in the Database of Embassies export of 2022-11-16/),
        },
      ],
    });
    expect(() => importEmbassies(join(TESTDATA, 'csv', 'accounts.csv'))).toThrow(/no snapshot date/);
  });
});

describe('import embassies: merging', () => {
  it('adds entries that validate, keeps a hand-written entry matched by handle, and a second run changes nothing', () => {
    const hand = `- id: gb-embassy-fr
  handle: UKinFrance
  name: British Embassy Paris
  kind: institution
  category: embassy
  country: GB
  confidence: medium
  sources:
    - url: https://example.org/uk-in-france
      title: The embassy on X
      publisher: Example
`;
    const dataset = tempDataset({ 'accounts/gb.yaml': hand });
    const first = importEmbassies(EXPORT_2022);
    const out = collect();
    const { report, ok } = runImport(embassiesSpec, first.records, first.notes, { dir: dataset, log: out.log });
    expect(ok).toBe(true);
    expect(report.added).toHaveLength(15);
    expect(report.updated).toEqual([{ id: 'gb-embassy-fr', changes: ['wikidata set to "Q18794353"', 'sources'] }]);
    const gb = read(dataset, 'accounts/gb.yaml');
    expect(gb).toContain('name: British Embassy Paris');
    expect(gb).toContain('confidence: medium');
    const generated = read(dataset, 'accounts/embassies.yaml');
    expect(generated).toMatch(/- id: doe-q105839616\n {2}handle: AusAmbIsrael\n {2}name: Embassy of Australia in Tel Aviv\n {2}kind: institution\n {2}category: embassy\n {2}country: AU\n {2}confidence: unverified\n/);
    // A maintainer who checks an entry and raises its confidence keeps it on the next import.
    writeFileSync(join(dataset, 'accounts/embassies.yaml'), generated.replace(/(handle: AusAmbIsrael[\s\S]*?)confidence: unverified/, '$1confidence: medium'));
    const again = runImport(embassiesSpec, importEmbassies(EXPORT_2022).records, [], { dir: dataset, log: collect().log });
    expect(again.report.added).toHaveLength(0);
    expect(again.report.updated).toHaveLength(0);
    expect(read(dataset, 'accounts/embassies.yaml')).toMatch(/handle: AusAmbIsrael[\s\S]*?confidence: medium/);
  });
});
