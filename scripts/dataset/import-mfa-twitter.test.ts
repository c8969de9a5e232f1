import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importMfaTwitter, mfaTwitterSpec, resolveListCountry } from './import-mfa-twitter';
import { runImport } from './run-import';
import { collect, read, tempDataset, TESTDATA } from './test-helpers';

const LIST = join(TESTDATA, 'mfa-twitter', 'accounts.csv');

describe('import mfa-twitter', () => {
  const { records, skipped, notes } = importMfaTwitter(LIST, { date: '2021-09-23' });
  const get = (handle: string) => records.find((r) => r.handle === handle);

  it('corrects country-name typos and reports them', () => {
    expect(resolveListCountry('Saudia Arabia')).toEqual({ code: 'SA', corrected: 'saudi arabia' });
    expect(resolveListCountry('Ecaudor')).toEqual({ code: 'EC', corrected: 'ecuador' });
    expect(resolveListCountry('Atlantis')).toBeNull();
    expect(get('KSAmofaEN')?.fields.country).toBe('SA');
    expect(get('CancilleriaEc')?.fields.country).toBe('EC');
    expect(notes.join('\n')).toMatch(/corrected country names: "Saudia Arabia" -> SA, "Ecaudor" -> EC/);
  });

  it('imports ministries with their numeric ids (every digit of 19-digit ids), low, citing the list and its date', () => {
    expect(get('Marocdiplo_EN')).toMatchObject({ id: 'mfatw-1173607963233280000', xId: '1173607963233280000', fields: { category: 'ministry', kind: 'institution', country: 'MA' } });
    expect(get('SweMFA')).toMatchObject({
      fields: { name: 'Foreign ministry of Sweden' },
      initialFields: { confidence: 'low' },
      sources: [{ url: 'https://github.com/jsks/mfa-twitter', date: '2021-09-23', supports: expect.stringContaining('@SweMFA (X id 147512019)') }],
    });
    // Two accounts of one ministry (Serbia's MFA and its news feed): the news feed is skipped.
    expect(get('MFASerbia')).toBeDefined();
    expect(get('SRBDiplomacy')).toBeUndefined();
  });

  it('takes a spokesperson row without dates as the ministry\'s spokesperson account', () => {
    expect(get('ForeignOfficePk')).toMatchObject({ fields: { kind: 'institution', category: 'ministry', country: 'PK' } });
  });

  it('merges foreign ministers only into existing entries, and skips news accounts and unknown countries with the reason', () => {
    for (const h of ['annlinde', 'SecPompeo', 'SecBlinken', 'FMBhutan']) expect(get(h)?.mergeOnly).toBeDefined();
    expect(skipped.counts()).toEqual({
      "news account (mfa/news): a news or public-diplomacy feed, not the ministry's own account, and the list does not say who runs it": 1,
      'unknown country name': 1,
    });
  });

  it('fills the numeric id of a hand-written entry (matched by handle) and adds its source; ministers without an entry are reported', () => {
    const hand = `- id: us-state-department
  handle: StateDept
  name: U.S. Department of State
  kind: institution
  category: ministry
  country: US
  confidence: high
  sources:
    - url: https://example.org/state
      title: State on X
      publisher: Example
- id: antony-blinken
  handle: SecBlinken
  name: Antony Blinken
  kind: person
  category: minister
  country: US
  sources:
    - url: https://example.org/blinken
      title: Blinken on X
      publisher: Example
`;
    const dataset = tempDataset({ 'accounts/us.yaml': hand });
    const out = collect();
    const { report, ok } = runImport(mfaTwitterSpec, records, notes, { dir: dataset, log: out.log });
    expect(ok).toBe(true);
    expect(report.updated.map((u) => u.id).sort()).toEqual(['antony-blinken', 'us-state-department']);
    expect(report.notMerged).toHaveLength(3);
    expect(report.notMerged.join('\n')).toMatch(/@SecPompeo .*needs a hand-curated entry/);
    const us = read(dataset, 'accounts/us.yaml');
    expect(us).toMatch(/handle: StateDept\n {2}xId: "9624742"\n {2}name: U\.S\. Department of State/);
    expect(us).toMatch(/handle: SecBlinken\n {2}xId: "1350150750966603777"/);
    expect(read(dataset, 'accounts/mfa-twitter.yaml')).not.toContain('StateDept');
  });
});
