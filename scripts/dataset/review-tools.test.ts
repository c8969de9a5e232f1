import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDataset } from '../../src/core/dataset-files';
import { checkStale, cutoffDate, formatStale, newestSourceDate, rolesEnded } from './check-stale';
import { diffSnapshots, snapshotFromFiles } from './diff';
import { importAll, IMPORT_SEQUENCE } from './import-lists';
import { originSummary } from './release';
import { namesPlace, namesState, otherStatesNamed, stateName } from './state-names';
import { computeStats, formatStats, TARGETS } from './stats';
import { collect, HAND_CN, tempDataset, tempDir, TEST_META, TESTDATA } from './test-helpers';

const account = (id: string, fields: Record<string, string>, sources = '    - { url: "https://example.org/x", title: X, publisher: P, date: "2025-01" }\n', roles = '') =>
  `- id: ${id}\n${Object.entries(fields).map(([k, v]) => `  ${k}: ${v}\n`).join('')}${roles}  sources:\n${sources}`;

const ACCOUNTS = [
  account('e1', { handle: 'E1', name: 'E1', kind: 'institution', category: 'embassy', country: 'FR', confidence: 'low', xId: '"1"' }),
  account('e2', { handle: 'E2', name: 'E2', kind: 'institution', category: 'consulate', country: 'DE', confidence: 'unverified' }),
  account('m1', { handle: 'M1', name: 'M1', kind: 'institution', category: 'ministry', country: 'FR', confidence: 'low' }),
  account('g1', { handle: 'G1', name: 'G1', kind: 'institution', category: 'government-office', country: 'BR', confidence: 'unverified' }),
  account('l1', { handle: 'L1', name: 'L1', kind: 'person', category: 'legislator', country: 'US' }, '    - { url: "https://example.org/l", title: L, publisher: P, date: "2019-05-01" }\n'),
  account('u1', { handle: 'U1', name: 'U1', kind: 'institution', category: 'igo', country: 'UN', confidence: 'high' }, '    - { url: "https://example.org/u", title: U, publisher: P }\n'),
  account(
    'p1',
    { handle: 'P1', name: 'P1', kind: 'person', category: 'head-of-state', country: 'BR', confidence: 'high' },
    '    - { url: "https://example.org/p", title: P, publisher: P, date: "2014" }\n    - { url: "https://example.org/p2", title: P2, publisher: P, date: "2016-03" }\n',
    '  roles:\n    - { title: President, from: "2011", to: "2016-08-31" }\n',
  ),
].join('');

const parsed = () => {
  const p = parseDataset([
    { path: 'meta.yaml', text: TEST_META },
    { path: 'accounts/x.yaml', text: ACCOUNTS },
  ]);
  if (!p.dataset) throw new Error(JSON.stringify(p.problems));
  return p;
};

describe('stats: the coverage figures of issue 18', () => {
  it('counts accounts outside legislator, diplomatic accounts and countries per category, with targets and without unverified', () => {
    const p = parsed();
    const s = computeStats(p.dataset!, p.origins);
    expect(s.coverage.nonLegislator).toEqual({ value: 6, withoutUnverified: 4, target: TARGETS.nonLegislator, met: false });
    expect(s.coverage.diplomatic).toMatchObject({ value: 2, withoutUnverified: 1, target: 1200 });
    expect(s.coverage.ministryCountries).toMatchObject({ value: 1, target: 120 });
    expect(s.coverage.leaderCountries).toMatchObject({ value: 1, withoutUnverified: 1 }); // BR, twice
    // UN is not a country.
    expect(s.coverage.countries).toMatchObject({ value: 4, withoutUnverified: 3 });
    expect(s.countriesByCategory).toMatchObject({ embassy: 1, igo: 0, 'head-of-state': 1 });
    expect(s.shareWithXId).toBeCloseTo(1 / 7);
    expect(s.shareByConfidence).toEqual({ high: 2 / 7, low: 2 / 7, unverified: 2 / 7, unrated: 1 / 7 });
    expect(s.byOrigin).toEqual({ 'hand-curated': 7 });
    const text = formatStats(s);
    expect(text).toMatch(/accounts outside legislator +6 +target +2500 +short by 2494 +\(4 without unverified\)/);
    expect(text).toMatch(/countries in all \(EU, UN, INT not counted\) +4/);
    expect(text).toMatch(/share with numeric X id 14\.3%; by confidence: high 28\.6%, low 28\.6%, unverified 28\.6%, unrated 14\.3%/);
  });
});

describe('check-stale', () => {
  it('finds the newest source date and whether every role has ended', () => {
    const p = parsed().dataset!;
    const p1 = p.accounts.find((a) => a.id === 'p1')!;
    expect(newestSourceDate(p1)).toBe('2016-03');
    expect(rolesEnded(p1, '2026-01-01')).toBe('2016-08-31');
    expect(rolesEnded({ roles: [{ title: 'A', to: '2016' }, { title: 'B', from: '2017' }] }, '2026-01-01')).toBeUndefined();
    expect(rolesEnded({ roles: [{ title: 'Senator', to: '2027-01-03' }] }, '2026-01-01')).toBeUndefined();
    expect(cutoffDate('2026-12-03', 3)).toBe('2023-12-03');
  });

  it('lists entries whose newest source is older than N years, undated ones and former office holders', () => {
    const p = parsed();
    const r = checkStale(p.dataset!, { years: 3, today: '2026-12-03', origins: p.origins });
    expect(r.cutoff).toBe('2023-12-03');
    expect(r.old.map((e) => e.id)).toEqual(['p1', 'l1']);
    expect(r.undated.map((e) => e.id)).toEqual(['u1']);
    expect(r.ended).toEqual([expect.objectContaining({ id: 'p1', roleEnded: '2016-08-31', file: 'accounts/x.yaml' })]);
    expect(checkStale(p.dataset!, { years: 10, today: '2026-12-03' }).old.map((e) => e.id)).toEqual(['p1']);
    const text = formatStale(r);
    expect(text).toMatch(/2 with an old newest source, 1 with no dated source, 1 whose roles have all ended/);
    expect(text).toMatch(/2016-03 +p1 @P1 — P1 \[head-of-state, BR, high\] \(accounts\/x\.yaml\)/);
  });
});

describe('diff grouped by country and category, and the changelog by source', () => {
  it('groups added accounts by country, then category', () => {
    const before = snapshotFromFiles([{ path: 'accounts/x.yaml', text: '' }]);
    const after = snapshotFromFiles([{ path: 'accounts/x.yaml', text: ACCOUNTS }]);
    const text = diffSnapshots(before, after, Infinity, { grouped: true }).lines.join('\n');
    expect(text).toMatch(/Accounts added \(7\):\n {2}by country: BR 2, DE 1, FR 2, UN 1, US 1\n {2}BR · government-office \(1\):\n {4}g1 @G1/);
    expect(text).toMatch(/ {2}FR · embassy \(1\):\n {4}e1 @E1 — E1 \[embassy, FR\]/);
  });

  it('says what came from which source', () => {
    const before = snapshotFromFiles([{ path: 'accounts/x.yaml', text: account('hand', { handle: 'H', name: 'H', kind: 'institution', category: 'embassy', country: 'FR' }) }]);
    const afterText =
      account('hand', { handle: 'H', name: 'H', kind: 'institution', category: 'embassy', country: 'FR' }, '    - { url: "https://example.org/x", title: X, publisher: P, date: "2025-01" }\n    - { url: "https://github.com/jsks/mfa-twitter", title: L, publisher: P }\n') +
      account('doe-q1', { handle: 'D', name: 'D', kind: 'institution', category: 'embassy', country: 'FR' }) +
      account('doe-q2', { handle: 'D2', name: 'D2', kind: 'institution', category: 'embassy', country: 'FR' }) +
      account('new-hand', { handle: 'N', name: 'N', kind: 'institution', category: 'embassy', country: 'FR' });
    const lines = originSummary(before, snapshotFromFiles([{ path: 'accounts/x.yaml', text: afterText }]));
    expect(lines).toEqual([
      'Accounts added, by origin (hand-curated = not from an importer): embassies 2, hand-curated 1.',
      'Sources added to accounts that already existed, by list: mfa-twitter 1.',
    ]);
  });
});

describe('state names in handles', () => {
  it('finds codes at word edges and names anywhere, and not codes inside words', () => {
    expect(namesState('ukinafghanistan', 'GB')).toBe(true);
    expect(namesState('ukinafghanistan', 'AF')).toBe(true);
    expect(namesState('UKRinNLD', 'UA')).toBe(true);
    expect(namesState('usembassykabul', 'US')).toBe(true);
    expect(namesState('BelgiqueTunisie', 'BE')).toBe(true);
    expect(namesState('presidencia_sv', 'PR')).toBe(false);
    expect(otherStatesNamed('UKRinNLD', 'UA')).toEqual(['NL']);
    expect(otherStatesNamed('romania', 'RO')).toEqual([]); // "oman" is inside Romania's own name
    expect(namesPlace('em_viena', 'Vienna')).toBe(false);
    expect(namesPlace('UAEEmbassyMale', 'Malé')).toBe(true);
    expect(stateName('US')).toBe('the United States');
    expect(stateName('TT')).toBe('Trinidad and Tobago');
  });
});

describe('import-all', () => {
  it('runs every importer on a sources folder in order, validates, and changes nothing when re-run', () => {
    const sources = tempDir('attache-sources-');
    const fixtures: Record<string, string> = {
      embassies: join(TESTDATA, 'embassies', 'database_of_embassies-2022-11-16.csv'),
      'mfa-twitter': join(TESTDATA, 'mfa-twitter', 'accounts.csv'),
      'world-leaders': join(TESTDATA, 'world-leaders', 'world-leaders-social-media.csv'),
      twiplomacy: join(TESTDATA, 'twiplomacy', 'README.md'),
      'russia-2022': join(TESTDATA, 'russia-2022', 'README.md'),
    };
    for (const step of IMPORT_SEQUENCE) {
      mkdirSync(join(sources, step.file, '..'), { recursive: true });
      cpSync(fixtures[step.source]!, join(sources, step.file));
    }
    const dataset = tempDataset({ 'accounts/cn.yaml': HAND_CN });
    const out = collect();
    const first = importAll(sources, { dir: dataset, log: out.log });
    expect(first.ok).toBe(true);
    expect(first.results.map((r) => r.source)).toEqual(['embassies', 'mfa-twitter', 'world-leaders', 'twiplomacy', 'russia-2022']);
    expect(out.lines.join('\n')).toMatch(/=== summary ===/);
    const files = readdirSync(join(dataset, 'accounts')).sort();
    expect(files).toEqual(['cn.yaml', 'embassies.yaml', 'mfa-twitter.yaml', 'russia-2022.yaml', 'twiplomacy.yaml', 'world-leaders-2014.yaml']);
    const snapshot = Object.fromEntries(files.map((f) => [f, readFileSync(join(dataset, 'accounts', f), 'utf8')]));
    // The twiplomacy row of the London embassy merges into the hand-written entry of cn.yaml.
    expect(snapshot['twiplomacy.yaml']).not.toMatch(/handle: ChineseEmbinUK\n/);
    const again = importAll(sources, { dir: dataset, log: collect().log });
    expect(again.results.every((r) => r.report.added.length === 0 && r.report.updated.length === 0)).toBe(true);
    for (const f of files) expect(readFileSync(join(dataset, 'accounts', f), 'utf8')).toBe(snapshot[f]);
    expect(() => importAll(tempDir('attache-empty-'), { dir: dataset, log: collect().log })).toThrow(/missing in .*database_of_embassies\.csv/s);
  }, 120_000); // ten imports, each validating the whole dataset: slow on a shared machine, not a timing check
});
