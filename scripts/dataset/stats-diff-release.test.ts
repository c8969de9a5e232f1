import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDataset } from '../../src/core/dataset-files';
import { computeStats } from './stats';
import { diffSnapshots, snapshotFromFiles, snapshotFromGit } from './diff';
import { bumpVersion, release } from './release';
import { tempDataset, TEST_META } from './test-helpers';

const ACCOUNTS = `- id: amb
  handle: AmbExample
  xId: "1234567890123456789"
  name: Ambassador Example
  kind: person
  category: diplomat
  country: CN
  confidence: high
  roles:
    - title: Ambassador to Testland
      from: "2020"
  sources:
    - { url: "https://example.org/amb", title: Profile, publisher: Example Org }
    - { url: "https://news.example/amb", title: Story, publisher: Example News }
- id: radio
  handle: StateRadio
  name: State Radio
  kind: outlet
  category: state-media
  country: RU
  typology: SC
  sources:
    - { url: "https://example.org/radio", title: Radio, publisher: Example Org }
`;
const NOTICE = `- id: n1
  accounts: [amb]
  type: label-history
  date: "2020-08-06"
  title: Labelled
  summary: Labelled.
  statements: []
  status: { value: confirmed, asOf: "2020-08-07" }
  sources:
    - { url: "https://example.org/n1", title: N1, publisher: Example Org }
`;

describe('stats', () => {
  it('counts accounts, sources, ids and notices with breakdowns', () => {
    const parsed = parseDataset([
      { path: 'meta.yaml', text: TEST_META },
      { path: 'accounts/x.yaml', text: ACCOUNTS },
      { path: 'notices/n1.yaml', text: NOTICE },
    ]);
    const stats = computeStats(parsed.dataset!, parsed.origins);
    expect(stats).toMatchObject({
      accounts: 2,
      sourced: 2,
      withXId: 1,
      notices: 1,
      accountsWithNotices: 1,
      byCategory: { diplomat: 1, 'state-media': 1 },
      byCountry: { CN: 1, RU: 1 },
      byTypology: { SC: 1 },
      bySourcePublisher: { 'Example Org': 2, 'Example News': 1 },
      byFile: { 'accounts/x.yaml': 2 },
      noticesByType: { 'label-history': 1 },
      noticesByStatus: { confirmed: 1 },
      byConfidence: { high: 1, unrated: 1 },
    });
    expect(JSON.parse(JSON.stringify(stats))).toEqual(stats);
  });
});

describe('diff', () => {
  const before = snapshotFromFiles([
    { path: 'meta.yaml', text: TEST_META },
    { path: 'accounts/x.yaml', text: ACCOUNTS },
    { path: 'notices/n1.yaml', text: NOTICE },
  ]);

  it('reports added and removed accounts, renames by id and by X id, role, field and notice changes', () => {
    const changed = ACCOUNTS.replace('handle: StateRadio', 'handle: StateRadioNew')
      .replace('      from: "2020"\n', '      from: "2020"\n      to: "2024-05"\n')
      .replace('confidence: high', 'confidence: medium')
      .replace('- id: amb', '- id: amb-renumbered');
    const added = `- id: extra\n  handle: Extra\n  name: Extra\n  kind: institution\n  category: embassy\n  country: GB\n  sources:\n    - { url: "https://example.org/e", title: E, publisher: P }\n`;
    const after = snapshotFromFiles([
      { path: 'meta.yaml', text: TEST_META.replace('1.0.0', '1.1.0') },
      { path: 'accounts/x.yaml', text: changed },
      { path: 'accounts/gb.yaml', text: added },
      { path: 'notices/n1.yaml', text: NOTICE.replace('value: confirmed, asOf: "2020-08-07"', 'value: resolved, asOf: "2023-04-21"') },
    ]);
    const { lines, counts } = diffSnapshots(before, after);
    const text = lines.join('\n');
    expect(counts).toMatchObject({ added: 1, removed: 0, renamed: 2, noticesChanged: 1 });
    expect(text).toMatch(/Dataset version 1\.0\.0 -> 1\.1\.0/);
    expect(text).toMatch(/extra @Extra — Extra \[embassy, GB\] \(accounts\/gb\.yaml\)/);
    expect(text).toMatch(/amb @AmbExample is now amb-renumbered @AmbExample \(same X id 1234567890123456789\)/);
    expect(text).toMatch(/radio: @StateRadio -> @StateRadioNew/);
    expect(text).toMatch(/n1: status confirmed \(2020-08-07\) -> resolved \(2023-04-21\)/);
    const roles = diffSnapshots(before, snapshotFromFiles([{ path: 'accounts/x.yaml', text: ACCOUNTS.replace('      from: "2020"\n', '      from: "2020"\n      to: "2024-05"\n').replace('confidence: high', 'confidence: medium') }]));
    const rolesText = roles.lines.join('\n');
    expect(rolesText).toMatch(/amb @AmbExample: confidence: "high" -> "medium"; role \+ Ambassador to Testland \(2020 – 2024-05\); role - Ambassador to Testland \(2020 – present\)/);
    expect(rolesText).toMatch(/Notices removed \(1\)/);
  });

  it('reads a dataset as it was at a git ref, and release writes the version and a changelog entry', () => {
    const repo = tempDataset();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });
    // The temp folder is the repository; the dataset lives in its "dataset" subfolder.
    execFileSync('mkdir', ['-p', join(repo, 'dataset/accounts'), join(repo, 'dataset/notices')]);
    writeFileSync(join(repo, 'dataset/meta.yaml'), `# Comment kept.\n${TEST_META}`);
    writeFileSync(join(repo, 'dataset/accounts/x.yaml'), ACCOUNTS);
    git('init', '-q');
    git('add', 'dataset');
    git('commit', '-q', '-m', 'first');
    writeFileSync(join(repo, 'dataset/accounts/x.yaml'), ACCOUNTS.replace('handle: StateRadio', 'handle: StateRadio2'));
    const snap = snapshotFromGit('HEAD', 'dataset', repo);
    expect(snap.accounts.get('radio')?.handle).toBe('StateRadio');
    expect(snap.accounts.get('amb')?.xId).toBe('1234567890123456789');
    expect(() => snapshotFromGit('no-such-ref', 'dataset', repo)).toThrow(/not a git commit/);

    const log: string[] = [];
    expect(release({ dir: 'dataset', bump: 'minor', date: '2026-12-01', cwd: repo, log: (l) => log.push(l) })).toBe(true);
    const meta = readFileSync(join(repo, 'dataset/meta.yaml'), 'utf8');
    expect(meta).toMatch(/^# Comment kept\.\nversion: 1\.1\.0\nreleased: "2026-12-01"\n/);
    const changelog = readFileSync(join(repo, 'dataset/CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/## 1\.1\.0 — 2026-12-01/);
    expect(changelog).toMatch(/radio: @StateRadio -> @StateRadio2/);
    expect(log.join('\n')).toMatch(/1\.0\.0 -> 1\.1\.0/);
  });

  it('bumps versions', () => {
    expect(bumpVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(bumpVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(bumpVersion('1.2.3', 'major')).toBe('2.0.0');
    expect(() => bumpVersion('1.2.3', 'huge')).toThrow(/--bump/);
  });
});
