import { describe, expect, it } from 'vitest';
import { formatProblem, parseDataset } from './dataset-files';
import { countIndependentSources, independentSources, sourceHost } from './validate-rules';

const META = `version: 1.0.0\nreleased: "2026-01-01"\nlicence: CC-BY-4.0\nattribution: []\n`;

const ACCOUNTS = `- id: amb
  handle: AmbExample
  name: Ambassador Example
  kind: person
  category: diplomat
  country: CN
  sources:
    - { url: "https://example.org/amb", title: Profile, publisher: Example Org }
- id: emb
  handle: EmbExample
  name: Embassy Example
  kind: institution
  category: embassy
  country: CN
  sources:
    - { url: "https://example.org/emb", title: Embassy, publisher: Example Org }
`;

/** A contested notice that satisfies every rule; tests break one thing at a time. */
const GOOD_NOTICE = `- id: n1
  accounts: [amb]
  type: disputed-activity
  date: "2020-09-09"
  title: Something happened
  summary: Outlets reported it; the embassy denied it.
  statements:
    - by: Outlet A
      capacity: reporting-outlet
      date: "2020-09-09"
      text: Reported it.
      source: https://www.outlet-a.example/story
    - by: The embassy
      capacity: account-holder
      date: "2020-09-10"
      text: Denied it.
      source: https://outlet-b.example/denial
  status: { value: disputed, asOf: "2020-09-11" }
  sources:
    - { url: "https://www.outlet-a.example/story", title: Story, publisher: Outlet A }
    - { url: "https://outlet-b.example/denial", title: Denial, publisher: Outlet B }
`;

function check(accounts: string, notice = GOOD_NOTICE) {
  const parsed = parseDataset([
    { path: 'meta.yaml', text: META },
    { path: 'accounts/cn.yaml', text: accounts },
    { path: 'notices/n1.yaml', text: notice },
  ]);
  return parsed.problems.map(formatProblem);
}

describe('validate rules', () => {
  it('accept a dataset that follows them', () => {
    expect(check(ACCOUNTS)).toEqual([]);
  });

  it('require two independent sources for a disputed-activity notice', () => {
    const one = GOOD_NOTICE.replace(/    - \{ url: "https:\/\/outlet-b[^\n]*\n/, '').replace('source: https://outlet-b.example/denial', 'source: https://www.outlet-a.example/story');
    const problems = check(ACCOUNTS, one);
    expect(problems).toEqual([expect.stringMatching(/^notices\/n1\.yaml:20:5: a disputed-activity notice needs at least two independent sources .*found 1: Outlet A \(outlet-a\.example\)\. Add a report/)]);
  });

  it('count two copies of one wire story, or two pages of one site, as one source', () => {
    const wire = GOOD_NOTICE.replace('publisher: Outlet A }', 'publisher: Outlet A / Associated Press }').replace('publisher: Outlet B }', 'publisher: Associated Press }');
    expect(check(ACCOUNTS, wire).join('\n')).toMatch(/notices\/n1\.yaml:20:5: a disputed-activity notice needs at least two independent sources/);
    const sameSite = GOOD_NOTICE.replaceAll('https://outlet-b.example/denial', 'https://m.outlet-a.example/denial');
    expect(check(ACCOUNTS, sameSite).join('\n')).toMatch(/found 1/);
  });

  it('require statements from more than one side, one of them first-hand, for security incidents too', () => {
    const onlyReporting = GOOD_NOTICE.replace('type: disputed-activity', 'type: security-incident').replace('capacity: account-holder', 'capacity: third-party');
    const problems = check(ACCOUNTS, onlyReporting);
    expect(problems).toEqual([expect.stringMatching(/^notices\/n1\.yaml:8:5: a security-incident notice must give more than one side: .*\(have: reporting-outlet, third-party\)\. If a side did not comment, record that/)]);
    const none = GOOD_NOTICE.replace(/  statements:\n[\s\S]*?  status:/, '  statements: []\n  status:');
    expect(check(ACCOUNTS, none).join('\n')).toMatch(/notices\/n1\.yaml:7:15: .*have: none/);
  });

  it('do not apply the contested-notice rules to other notice types', () => {
    const label = GOOD_NOTICE.replace('type: disputed-activity', 'type: label-history').replace(/  statements:\n[\s\S]*?  status:/, '  statements: []\n  status:');
    expect(check(ACCOUNTS, label)).toEqual([]);
  });

  it('require statement sources to be listed among the notice sources', () => {
    const unlisted = GOOD_NOTICE.replace('source: https://outlet-b.example/denial', 'source: https://elsewhere.example/x');
    expect(check(ACCOUNTS, unlisted)).toEqual([expect.stringMatching(/^notices\/n1\.yaml:17:15: statements\[1\]\.source is not among the notice's sources: add it/)]);
  });

  it('reject a status assessed before the event and statements dated before it', () => {
    const early = GOOD_NOTICE.replace('asOf: "2020-09-11"', 'asOf: "2020-09-01"').replace('date: "2020-09-10"', 'date: "2020-08-30"');
    const problems = check(ACCOUNTS, early);
    expect(problems).toContainEqual(expect.stringMatching(/^notices\/n1\.yaml:18:36: status\.asOf \(2020-09-01\) is before the notice date/));
    expect(problems).toContainEqual(expect.stringMatching(/^notices\/n1\.yaml:15:13: statements\[1\]\.date \(2020-08-30\) is before the notice date/));
    // Partial dates compare by their precision: "2020-09" is not before "2020-09-09".
    expect(check(ACCOUNTS, GOOD_NOTICE.replace('asOf: "2020-09-11"', 'asOf: "2020-09"'))).toEqual([]);
  });

  it('reject an account listed twice in a notice', () => {
    expect(check(ACCOUNTS, GOOD_NOTICE.replace('accounts: [amb]', 'accounts: [amb, emb, amb]'))).toEqual([
      expect.stringMatching(/^notices\/n1\.yaml:2:24: account "amb" is listed twice/),
    ]);
  });

  it('reject duplicate source URLs in an entry', () => {
    const dup = ACCOUNTS.replace(
      '    - { url: "https://example.org/amb", title: Profile, publisher: Example Org }\n',
      '    - { url: "https://example.org/amb", title: Profile, publisher: Example Org }\n    - { url: "https://www.example.org/amb/#top", title: Same, publisher: Example Org }\n',
    );
    expect(check(dup)).toEqual([expect.stringMatching(/^accounts\/cn\.yaml:9:14: sources\[1\]: the same URL is already sources\[0\]/)]);
  });

  it('keep kind and category consistent', () => {
    const wrong = ACCOUNTS.replace('kind: person', 'kind: institution').replace('kind: institution\n  category: embassy', 'kind: person\n  category: embassy');
    const problems = check(wrong);
    expect(problems).toContainEqual(expect.stringMatching(/^accounts\/cn\.yaml:4:9: category "diplomat" is for people's accounts, but kind is "institution": set kind: person/));
    expect(problems).toContainEqual(expect.stringMatching(/^accounts\/cn\.yaml:12:9: category "embassy" is for institutional accounts, but kind is "person"/));
    const media = ACCOUNTS.replace('category: embassy', 'category: state-media');
    expect(check(media)).toEqual([expect.stringMatching(/^accounts\/cn\.yaml:12:9: category "state-media" is for outlets/)]);
  });

  it('allow a typology only on state media', () => {
    const typed = ACCOUNTS.replace('category: embassy\n', 'category: embassy\n  typology: SC\n');
    expect(check(typed)).toEqual([expect.stringMatching(/^accounts\/cn\.yaml:14:13: typology is the State Media Monitor code .*remove typology, or set category: state-media/)]);
  });

  it('report every problem at once and keep the dataset from building', () => {
    const notice = GOOD_NOTICE.replace('asOf: "2020-09-11"', 'asOf: "2020-09-01"').replace('accounts: [amb]', 'accounts: [amb, amb]');
    const parsed = parseDataset([
      { path: 'meta.yaml', text: META },
      { path: 'accounts/cn.yaml', text: ACCOUNTS.replace('category: embassy\n', 'category: embassy\n  typology: SC\n') },
      { path: 'notices/n1.yaml', text: notice },
    ]);
    expect(parsed.dataset).toBeNull();
    expect(parsed.problems).toHaveLength(3);
  });
});

describe('source independence', () => {
  const s = (url: string, publisher: string) => ({ url, publisher, title: 't' });
  it('normalises hosts', () => {
    expect(sourceHost('https://www.bbc.co.uk/news/1')).toBe('bbc.co.uk');
    expect(sourceHost('https://amp.example.com/x')).toBe('example.com');
  });
  it('treats shared publishers and shared sites as dependent', () => {
    expect(independentSources(s('https://a.example/1', 'A'), s('https://b.example/1', 'B'))).toBe(true);
    expect(independentSources(s('https://a.example/1', 'ABC News / Associated Press'), s('https://b.example/1', 'Taipei Times / Associated Press'))).toBe(false);
    expect(countIndependentSources([s('https://a.example/1', 'A'), s('https://a.example/2', 'A'), s('https://c.example/', 'C')])).toBe(2);
  });
});

describe('parseDataset without cascades', () => {
  it('does not call notice accounts dangling when an account file has a YAML syntax error', () => {
    const problems = check(ACCOUNTS.replace('  name: Ambassador Example', '  name: "unclosed'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith('accounts/cn.yaml:') && /YAML syntax/.test(p))).toBe(true);
  });
});
