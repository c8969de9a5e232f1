import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { expand, importTwiplomacy, mapDescription, parseTables, twiplomacySpec } from './import-twiplomacy';
import { embassyHost, importRussia2022, parseHandleList, russia2022Spec } from './import-russia-2022';
import { runImport } from './run-import';
import { collect, HAND_CN, HAND_RU, read, tempDataset, TESTDATA } from './test-helpers';
import { readFileSync } from 'node:fs';

const TWIPLOMACY = join(TESTDATA, 'twiplomacy', 'README.md');
const RUSSIA = join(TESTDATA, 'russia-2022', 'README.md');

describe('import twiplomacy', () => {
  const { records, skipped, notes } = importTwiplomacy(TWIPLOMACY, { date: '2022-07-30' });
  const get = (handle: string) => records.find((r) => r.handle === handle);

  it('reads the handle tables (escaped underscores, "(suspended)", italic headers) and nothing else', () => {
    const rows = parseTables(readFileSync(TWIPLOMACY, 'utf8'));
    expect(rows.find((r) => r.handle === 'CHN_UN_NY')).toMatchObject({ table: 'Table 2a: Diplomacy (01.11.19-30.04.22)', description: 'Spokesperson of Mission of the P.R.C. to the U.N.' });
    expect(rows.find((r) => r.handle === 'GeneralkonsulDu')?.suspended).toBe(true);
    expect(rows.filter((r) => r.table.startsWith('Table 2c'))).toHaveLength(2);
    expect(expand('Embassy of the P.R.C. in London, U.K.')).toBe("Embassy of the People's Republic of China in London, United Kingdom");
    expect(notes[0]).toMatch(/2 repeated rows of later periods counted once/);
  });

  it('maps descriptions to categories; people get their role in a note, never as a current role', () => {
    expect(get('AmbassadeChine')?.fields).toMatchObject({ kind: 'institution', category: 'embassy', country: 'CN', name: "Embassy of the People's Republic of China in Paris, France" });
    expect(get('CCGBelfast')?.fields.category).toBe('consulate');
    expect(get('ChinaEUMission')?.fields).toMatchObject({ category: 'mission', name: "Mission of the People's Republic of China to the European Union" });
    expect(get('CHN_UN_NY')?.fields).toMatchObject({ kind: 'institution', category: 'mission' });
    expect(get('DIOC_MFA_China')?.fields.category).toBe('ministry');
    expect(get('chinascio')?.fields.category).toBe('agency');
    expect(get('AmbQinGang')).toMatchObject({ fields: { kind: 'person', category: 'diplomat', name: 'Qin Gang' }, initialFields: { confidence: 'low', note: expect.stringMatching(/^Listed in 2019-2022 as Chinese Ambassador to the United States; .*not stated as current/) } });
    expect(get('AmbQinGang')?.roles).toBeUndefined();
    expect(get('AmbCuiTiankai')?.initialFields?.note).toMatch(/"former Chinese Ambassador to the United States"; the list gives no dates/);
    expect(get('Cao_Li_CHN')?.fields.category).toBe('official');
    expect(get('zlj517')?.fields).toMatchObject({ kind: 'person', category: 'spokesperson' });
    expect(get('SpokespersonHZM')?.fields.kind).toBe('person'); // initials HZ name the person
    // A person's description on a handle that names no one: the post's account, unverified.
    expect(get('ChinaAmbUN')).toMatchObject({ fields: { kind: 'institution', category: 'mission' }, initialFields: { confidence: 'unverified' } });
    expect(mapDescription('x', 'Something else entirely')).toBeNull();
  });

  it('skips media (state media stays as it is), other tables and suspended accounts, with reasons', () => {
    expect(skipped.counts()).toEqual({
      'media account: state media stays as it is (imported from the State Media Matrix)': 2,
      'marked "(suspended)" in the source': 1,
      'not a table of PRC diplomatic accounts': 1,
    });
    expect(records.some((r) => r.handle === 'CGTNOfficial' || r.handle === 'AndyBxxx' || r.handle === 'GeneralkonsulDu')).toBe(false);
  });

  it('merges into hand-written entries (as in cn.yaml) instead of duplicating them', () => {
    const dataset = tempDataset({ 'accounts/cn.yaml': HAND_CN });
    const { report, ok } = runImport(twiplomacySpec, records, notes, { dir: dataset, log: collect().log });
    expect(ok).toBe(true);
    const merged = [...report.updated.map((u) => u.id), ...report.unchanged].sort();
    expect(merged).toEqual(['cn-embassy-gb', 'cn-mfa-spokesperson-office', 'hua-chunying', 'zhao-lijian']);
    // cn-embassy-gb already cites the README: its source is not added twice.
    expect(report.unchanged).toContain('cn-embassy-gb');
    const generated = read(dataset, 'accounts/twiplomacy.yaml');
    expect(generated).not.toMatch(/handle: (ChineseEmbinUK|MFA_China|SpokespersonCHN|zlj517)\n/);
    expect(generated).toMatch(/- id: twiplomacy-ambqingang\n {2}handle: AmbQinGang\n {2}name: Qin Gang\n {2}kind: person\n {2}category: diplomat\n/);
  });
});

describe('import russia-2022', () => {
  const { records, skipped } = importRussia2022(RUSSIA, { date: '2022-03-30' });
  const get = (handle: string) => records.find((r) => r.handle === handle);

  it('reads only the numbered list of handles (the id file of liking users is never read)', () => {
    const handles = parseHandleList(readFileSync(RUSSIA, 'utf8'));
    expect(handles).toHaveLength(17);
    expect(handles.every((h) => !/^\d+$/.test(h))).toBe(true);
  });

  it('names the host of an embassy only when the handle names it unambiguously', () => {
    expect(embassyHost('rusembusa')).toEqual({ host: 'US', suffix: undefined });
    expect(embassyHost('rusemb_pl')).toEqual({ host: 'PL', suffix: undefined });
    expect(embassyHost('rusembjakarta')).toEqual({ host: 'ID', suffix: undefined });
    expect(embassyHost('rusembghanaeng')).toEqual({ host: 'GH', suffix: 'English-language account' });
    expect(embassyHost('rusembindia_ru')).toEqual({ host: 'IN', suffix: 'Russian-language account' });
    expect(embassyHost('rusembusapress')).toEqual({ host: 'US', suffix: 'press account' });
    for (const h of ['rusembassyj', 'rusembbah', 'ambrusslo']) expect(embassyHost(h)).toEqual({});
    expect(embassyHost('kremlinrussia')).toBeNull();
    expect(get('rusembusa')?.fields).toMatchObject({ category: 'embassy', country: 'RU', name: 'Embassy of the Russian Federation in the United States' });
    expect(get('ambrusslo')).toMatchObject({ fields: { name: 'Embassy of the Russian Federation' }, initialFields: { note: expect.stringMatching(/does not name the host/) } });
  });

  it('maps the other handles to their category and skips what it cannot support', () => {
    expect(get('mid_rf')?.fields.category).toBe('ministry');
    expect(get('kremlinrussia')?.fields.category).toBe('government-office');
    expect(get('russiaun')?.fields.category).toBe('mission');
    expect(get('natomission_ru')?.fields.category).toBe('mission');
    expect(records.every((r) => r.initialFields?.confidence === 'low' && r.sources[0]!.url === 'https://github.com/timothyjgraham/russia_govt_liking_accounts')).toBe(true);
    expect(skipped.counts()).toEqual({
      'the Federation Council, a chamber of parliament: not a government office, ministry or mission': 1,
      'who runs the account is not stated by the source: needs a second source': 1,
      'not a handle this importer knows how to map (add it to FIXED in import-russia-2022.ts)': 1,
    });
  });

  it('merges into hand-written entries (as in ru.yaml)', () => {
    const dataset = tempDataset({ 'accounts/ru.yaml': HAND_RU });
    const { report, ok } = runImport(russia2022Spec, records, [], { dir: dataset, log: collect().log });
    expect(ok).toBe(true);
    expect(report.updated).toEqual([{ id: 'ru-embassy-gb', changes: ['sources'] }]);
    expect(read(dataset, 'accounts/russia-2022.yaml')).not.toMatch(/handle: russianembassy/i);
  });
});
