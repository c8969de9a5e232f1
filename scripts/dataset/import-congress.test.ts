import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { congressSpec, importCongress, parseUpstreamYaml, roleTitle, xIdToString } from './import-congress';
import { runImport } from './run-import';
import { collect, read, tempDataset, tempDir, TESTDATA } from './test-helpers';

const FIXTURE = join(TESTDATA, 'congress');

function run(dataset: string, source = FIXTURE, acceptRenames = false) {
  const { records, notes } = importCongress(source);
  const out = collect();
  const result = runImport(congressSpec, records, notes, { dir: dataset, acceptRenames, log: out.log });
  return { ...result, text: out.lines.join('\n') };
}

/** A copy of the fixture whose files a test may edit. */
function fixtureCopy(): string {
  const dir = tempDir('attache-congress-');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('import congress: reading upstream', () => {
  it('keeps a 19-digit twitter_id digit for digit (it exceeds 2^53)', () => {
    const parsed = parseUpstreamYaml<{ social: { twitter_id: unknown } }[]>('- social:\n    twitter_id: 1234567890123456789\n');
    expect(xIdToString(parsed[0]!.social.twitter_id)).toBe('1234567890123456789');
    // The trap: through a JavaScript number the id silently changes.
    expect(String((parse('x: 1234567890123456789') as { x: number }).x)).not.toBe('1234567890123456789');
    expect(() => xIdToString(1234567890123456789)).toThrow(/not an exact integer/);
    const { records } = importCongress(FIXTURE);
    expect(records.find((r) => r.handle === 'SenTestA')?.xId).toBe('1234567890123456789');
  });

  it('writes role titles with chamber, seat and party', () => {
    expect(roleTitle({ type: 'sen', state: 'NY', party: 'Democrat' })).toBe('U.S. Senator for New York (Democrat)');
    expect(roleTitle({ type: 'rep', state: 'CA', district: 12n, party: 'Republican' })).toBe('U.S. Representative for CA-12 (Republican)');
    expect(roleTitle({ type: 'rep', state: 'WY', district: 0 })).toBe("U.S. Representative for Wyoming's at-large district");
    expect(roleTitle({ type: 'rep', state: 'PR', district: 0, party: 'Democrat' })).toBe('U.S. House Resident Commissioner for Puerto Rico (Democrat)');
    expect(roleTitle({ type: 'rep', state: 'GU', district: 0 })).toBe('U.S. House Delegate for Guam');
  });

  it('maps members with a handle to legislator entries with the current term and https sources only', () => {
    const { records, notes } = importCongress(FIXTURE);
    expect(records.map((r) => r.id)).toEqual(['us-congress-t000001', 'us-congress-t000002', 'us-congress-t000003']);
    expect(notes[0]).toMatch(/4 current members; 3 with an official X account \(2 with a numeric id\); 1 without one/);
    const senator = records[0]!;
    expect(senator).toMatchObject({
      handle: 'SenTestA',
      fields: { name: 'Test A. Senator', kind: 'person', category: 'legislator', country: 'US', wikidata: 'Q4115189' },
      roles: [{ title: 'U.S. Senator for New York (Democrat)', from: '2025-01-03', to: '2031-01-03' }],
      file: 'accounts/us-congress.yaml',
    });
    expect(senator.sources).toEqual([
      expect.objectContaining({ url: 'https://github.com/unitedstates/congress-legislators', publisher: 'unitedstates/congress-legislators', date: '2026-01-15', title: expect.stringContaining('commit 01234567') }),
      expect.objectContaining({ url: 'https://www.example-senator.senate.gov', publisher: 'United States Senate' }),
    ]);
    // http:// official site: dropped, only the repository remains.
    expect(records[1]!.sources.map((s) => s.url)).toEqual(['https://github.com/unitedstates/congress-legislators']);
    expect(records[2]!.xId).toBeUndefined();
  });

  it('needs a snapshot date', () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, 'SOURCE.md'), '# no date here\n');
    expect(() => importCongress(dir)).toThrow(/pass --date/);
    expect(importCongress(dir, { date: '2026-02-01' }).records[0]!.sources[0]!.date).toBe('2026-02-01');
  });
});

describe('import congress: merging', () => {
  it('adds entries that validate, and a second run changes nothing', () => {
    const dataset = tempDataset();
    const first = run(dataset);
    expect(first.ok).toBe(true);
    expect(first.report.added).toHaveLength(3);
    const text = read(dataset, 'accounts/us-congress.yaml');
    expect(text).toContain('xId: "1234567890123456789"');
    expect(text).toContain('from: "2025-01-03"');
    const second = run(dataset);
    expect(second.report).toMatchObject({ added: [], updated: [], conflicts: [], renames: [] });
    expect(second.report.unchanged).toHaveLength(3);
    expect(read(dataset, 'accounts/us-congress.yaml')).toBe(text);
  });

  it('keeps hand-written fields, roles, sources and comments, and updates only what it owns', () => {
    const dataset = tempDataset();
    run(dataset);
    let text = read(dataset, 'accounts/us-congress.yaml');
    text = text
      .replace('- id: us-congress-t000001\n', '# Checked by hand in 2026.\n- id: us-congress-t000001\n')
      .replace('  name: Test A. Senator\n', '  name: Test A. Senator\n  names:\n    es: Senadora de prueba\n')
      .replace('  wikidata: Q4115189\n', '  confidence: high\n  wikidata: Q4115189\n  note: Also chairs a committee.\n')
      .replace(
        '    - title: U.S. Senator for New York (Democrat)\n',
        '    - title: Chair of the Test Committee\n      from: "2025-02"\n    - title: U.S. Senator for New York (Democrat)\n',
      )
      .replace(
        '      publisher: United States Senate\n',
        '      publisher: United States Senate\n    - url: https://news.example.org/profile\n      title: Profile\n      publisher: Example News\n',
      )
      .replace('U.S. Representative for CA-12 (Republican)', 'U.S. Representative for CA-11 (Republican)')
      .replace('  name: Test B. Representative\n', '  name: Test B. Representative\n  note: >-\n    A folded note written by hand,\n    over two lines.\n  # A comment before the roles.\n');
    writeFileSync(join(dataset, 'accounts/us-congress.yaml'), text);
    const again = run(dataset);
    expect(again.ok).toBe(true);
    expect(again.report.updated).toEqual([{ id: 'us-congress-t000002', changes: ['roles'] }]);
    const after = read(dataset, 'accounts/us-congress.yaml');
    for (const kept of ['# Checked by hand in 2026.', 'es: Senadora de prueba', 'confidence: high', 'note: Also chairs a committee.', 'Chair of the Test Committee', 'https://news.example.org/profile']) {
      expect(after).toContain(kept);
    }
    expect(after).toContain('CA-12 (Republican)');
    // In the updated entry, untouched fields keep their exact text (folding, comments).
    expect(after).toContain('  note: >-\n    A folded note written by hand,\n    over two lines.\n  # A comment before the roles.\n  kind: person\n');
    expect(after).not.toContain('CA-11');
  });

  it('shows a rename (same X id, new handle) and records it only with --accept-renames', () => {
    const dataset = tempDataset();
    run(dataset);
    const source = fixtureCopy();
    const social = join(source, 'legislators-social-media.yaml');
    writeFileSync(social, readFileSync(social, 'utf8').replace('twitter: SenTestA', 'twitter: SenTestRenamed'));
    const shown = run(dataset, source);
    expect(shown.report.renames).toEqual([expect.stringMatching(/us-congress-t000001 .*@SenTestA -> @SenTestRenamed \(same X id 1234567890123456789\) — not applied/)]);
    expect(read(dataset, 'accounts/us-congress.yaml')).not.toContain('SenTestRenamed');
    const applied = run(dataset, source, true);
    expect(applied.report.renames[0]).toMatch(/— applied/);
    const text = read(dataset, 'accounts/us-congress.yaml');
    expect(text).toContain('handle: SenTestRenamed');
    expect(text).toMatch(/formerHandles:\n {4}- SenTestA/);
    expect(applied.ok).toBe(true);
  });

  it('does not take over a hand-curated entry: fills missing ids, adds its source, reports disagreements', () => {
    const hand = `# Hand-curated.
- id: test-senator
  handle: sentesta
  name: Senator Test A
  kind: person
  category: legislator
  country: US
  wikidata: Q1
  sources:
    - url: https://example.org/senator
      title: Profile
      publisher: Example
`;
    const dataset = tempDataset({ 'accounts/us.yaml': hand });
    const result = run(dataset);
    expect(result.report.added.map((a) => a.split(' ')[0])).toEqual(['us-congress-t000002', 'us-congress-t000003']);
    expect(result.report.updated).toEqual([{ id: 'test-senator', changes: ['xId set to "1234567890123456789"', 'sources'] }]);
    expect(result.report.conflicts).toEqual([expect.stringMatching(/test-senator .*wikidata is "Q1" in the dataset but "Q4115189" in the source/)]);
    const text = read(dataset, 'accounts/us.yaml');
    expect(text).toMatch(/^# Hand-curated\.\n- id: test-senator\n {2}handle: sentesta\n {2}xId: "1234567890123456789"\n {2}name: Senator Test A\n/);
    expect(text).toContain('https://github.com/unitedstates/congress-legislators');
    expect(text).not.toContain('roles:');
    expect(result.ok).toBe(true);
  });

  it('reports members who left, and keeps them', () => {
    const dataset = tempDataset();
    run(dataset);
    const source = fixtureCopy();
    const current = join(source, 'legislators-current.yaml');
    writeFileSync(current, readFileSync(current, 'utf8').split('- id:\n    bioguide: T000002')[0]!);
    const result = run(dataset, source);
    expect(result.report.stale).toEqual(['us-congress-t000002', 'us-congress-t000003']);
    expect(read(dataset, 'accounts/us-congress.yaml')).toContain('us-congress-t000002');
    expect(result.text).toMatch(/no longer in the source/);
  });
});
