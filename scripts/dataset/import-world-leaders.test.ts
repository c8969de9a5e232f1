import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importWorldLeaders, wrongRowReason, worldLeadersSpec } from './import-world-leaders';
import { runImport } from './run-import';
import { collect, read, tempDataset, TESTDATA } from './test-helpers';

const LIST = join(TESTDATA, 'world-leaders', 'world-leaders-social-media.csv');

describe('import world-leaders', () => {
  const { records, skipped } = importWorldLeaders(LIST, { date: '2014-01-01' });
  const get = (handle: string) => records.find((r) => r.handle === handle);

  it('skips the known wrong rows with a reason, by rules where a rule can catch them', () => {
    expect(wrongRowReason('Scpresidenciauy', 'UZ', true)).toMatch(/names another state \(.*Uruguay\), not Uzbekistan/);
    expect(wrongRowReason('eomanportal', 'PK', true)).toMatch(/names another state \(Oman\), not Pakistan/);
    expect(wrongRowReason('ServiceCanada_E', 'CA', true)).toMatch(/public-service or portal account/);
    expect(wrongRowReason('VMRO_DPMNE', 'MK', true)).toMatch(/political party/);
    // Handles that name their own state, or no state, pass.
    expect(wrongRowReason('PresidenciaPy', 'PY', true)).toBeNull();
    expect(wrongRowReason('VladaCG', 'ME', true)).toBeNull(); // CG is Crna Gora here, not the Congo
    expect(wrongRowReason('Matignon', 'FR', true)).toBeNull();
    for (const h of ['Scpresidenciauy', 'eomanportal', 'ServiceCanada_E', 'VMRO_DPMNE', 'uriminzok', 'HukoomiQatar', 'portalbrasil', 'MindeGobierno']) expect(get(h)).toBeUndefined();
    expect(Object.values(skipped.counts()).reduce((a, b) => a + b, 0)).toBe(8);
  });

  it('imports institutional accounts as unverified government offices with their numeric ids', () => {
    expect(get('WhiteHouse')).toMatchObject({
      id: 'wl2014-whitehouse',
      xId: '30313925',
      fields: { kind: 'institution', category: 'government-office', country: 'US', name: 'Institutional account of the President of the United States' },
      initialFields: { confidence: 'unverified', note: expect.stringMatching(/January 2014.*\(Barack Obama\)/) },
      sources: [{ url: 'https://github.com/pablobarbera/world-leaders-isq', date: '2014-01-01' }],
    });
    expect(get('RegSprecher')?.fields.country).toBe('DE');
    expect(records.filter((r) => !r.mergeOnly).map((r) => r.handle).sort()).toEqual(['CasaRosadaAR', 'Number10gov', 'RegSprecher', 'WhiteHouse']);
  });

  it('merges a personal account only into a hand-curated entry of the same person, and never adds one', () => {
    expect(get('BarackObama')?.mergeOnly?.reason).toBe('personal account of a 2014 leader: needs a second source for the current role');
    const hand = `- id: barack-obama
  handle: BarackObama
  name: Barack Obama
  kind: person
  category: head-of-state
  country: US
  roles:
    - title: President of the United States
      from: "2009-01-20"
      to: "2017-01-20"
  sources:
    - url: https://example.org/obama
      title: Obama on X
      publisher: Example
- id: pope
  handle: Pontifex
  name: Pope (example entry)
  kind: person
  category: head-of-state
  country: VA
  sources:
    - url: https://example.org/pope
      title: The Pope on X
      publisher: Example
`;
    const dataset = tempDataset({ 'accounts/hand.yaml': hand });
    const { records: recs, notes } = importWorldLeaders(LIST, { date: '2014-01-01' });
    const { report, ok } = runImport(worldLeadersSpec, recs, notes, { dir: dataset, log: collect().log });
    expect(ok).toBe(true);
    expect(report.updated).toEqual([{ id: 'barack-obama', changes: ['xId set to "813286"', 'sources'] }]);
    // @pontifex is listed for Cardinal Bertello (President of the Governorate): the name check refuses the match.
    expect(report.notMerged.join('\n')).toMatch(/@pontifex .*matched "pope" by handle, not merged: the entry's name "Pope \(example entry\)" does not match the list's leader "Cardinal Giuseppe Bertello"/);
    expect(report.notMerged.join('\n')).toMatch(/@CFKArgentina .*personal account of a 2014 leader/);
    const text = read(dataset, 'accounts/hand.yaml');
    expect(text).toMatch(/to: "2017-01-20"/);
    expect(text).toContain('Lists @BarackObama (X id 813286) as the personal account of Barack Obama, President of the United States, as of 1 January 2014.');
    expect(read(dataset, 'accounts/world-leaders-2014.yaml')).not.toMatch(/BarackObama|CFKArgentina/);
  });
});
