import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { validateDir } from './validate';
import { tempDataset } from './test-helpers';

const GOOD = `- id: emb
  handle: EmbExample
  name: Embassy Example
  kind: institution
  category: embassy
  country: CN
  sources:
    - { url: "https://example.org/emb", title: Embassy, publisher: Example Org }
`;
const BAD = GOOD.replace('country: CN', 'country: China').replace('kind: institution', 'kind: person') + GOOD.replace('id: emb', 'id: emb2').replace('https://example.org', 'http://example.org');

function cli(...args: string[]) {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  return spawnSync(tsx, [join(process.cwd(), 'scripts', 'dataset.ts'), ...args], { encoding: 'utf8' });
}

describe('validate', () => {
  it('lists every problem with the dataset path, line and column, and a count', () => {
    const dir = tempDataset({ 'accounts/cn.yaml': BAD });
    const result = validateDir(dir);
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toMatch(new RegExp(`^${dir}/accounts/cn\\.yaml:6:12: \\[0\\]\\.country: must be an ISO`, 'm'));
    expect(result.lines.join('\n')).toMatch(/accounts\/cn\.yaml:\d+:\d+: \[1\]\.sources\[0\]\.url: must be an https:\/\/ URL/);
    expect(result.lines.at(-1)).toMatch(/^2 problem\(s\) in .*nothing was changed/);
  });

  it('exits non-zero from the command line, and stats --json prints one JSON object', () => {
    const bad = cli('validate', '--dir', tempDataset({ 'accounts/cn.yaml': BAD }));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/problem\(s\)/);
    const good = tempDataset({ 'accounts/cn.yaml': GOOD });
    expect(cli('validate', '--dir', good).status).toBe(0);
    const stats = cli('stats', '--json', '--dir', good);
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ accounts: 1, sourced: 1, withXId: 0, notices: 0 });
  }, 20000);
});
