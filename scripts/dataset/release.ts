/**
 * `release`: bumps the dataset version in meta.yaml (keeping its comments) and prepends a dated entry, written
 * from the diff since the previous release, to dataset/CHANGELOG.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { isValidPartialDate } from '../../src/core/schema';
import { diffSnapshots, snapshotFromDir, snapshotFromGit, type Snapshot } from './diff';
import { HAND_CURATED, entryOrigin, sourceOrigins } from './origins';
import { validateDir } from './validate';

export function bumpVersion(version: string, bump: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`release: meta.yaml version "${version}" is not x.y.z`);
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  throw new Error(`release: --bump must be major, minor or patch, not "${bump}"`);
}

/** The last commit that changed the version line of meta.yaml: where the previous release was made. */
export function previousReleaseRef(dir: string, cwd = process.cwd()): string {
  const out = execFileSync('git', ['log', '-1', '--format=%H', '-G', '^version:', '--', join(dir, 'meta.yaml')], { cwd, encoding: 'utf8' }).trim();
  if (!out) throw new Error('release: no earlier version of meta.yaml in git; pass --since <git-ref>');
  return out;
}

/**
 * What came from which source: accounts added since the previous release by the importer that created them, and
 * sources added to accounts that already existed, by the list they cite.
 */
export function originSummary(before: Snapshot, after: Snapshot): string[] {
  const added = new Map<string, number>();
  const corroborated = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const a of after.accounts.values()) {
    const old = before.accounts.get(a.id);
    const sources = ((a.sources as { url: string; publisher: string; supports?: string }[] | undefined) ?? []);
    if (!old) {
      bump(added, entryOrigin(a.id));
      continue;
    }
    const oldUrls = new Set(((old.sources as { url: string }[] | undefined) ?? []).map((s) => s.url));
    const lists = new Set(sources.filter((s) => !oldUrls.has(s.url)).flatMap((s) => sourceOrigins(s)));
    for (const l of lists) if (l !== entryOrigin(a.id)) bump(corroborated, l);
  }
  const fmt = (m: Map<string, number>) => [...m].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
  const lines: string[] = [];
  if (added.size) lines.push(`Accounts added, by origin (${HAND_CURATED} = not from an importer): ${fmt(added)}.`);
  if (corroborated.size) lines.push(`Sources added to accounts that already existed, by list: ${fmt(corroborated)}.`);
  return lines;
}

export function release(options: { dir: string; bump: string; since?: string; date?: string; cwd?: string; log: (line: string) => void }): boolean {
  const { log } = options;
  const cwd = options.cwd ?? process.cwd();
  const dir = options.dir;
  const abs = resolve(cwd, dir);
  const check = validateDir(abs);
  if (!check.ok) {
    log(`release: the dataset does not validate; fix it first:\n${check.lines.join('\n')}`);
    return false;
  }
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  if (!isValidPartialDate(date) || date.length !== 10) throw new Error(`release: --date ${date} is not YYYY-MM-DD`);
  const since = options.since ?? previousReleaseRef(dir, cwd);
  const beforeSnap = snapshotFromGit(since, dir, cwd);
  const afterSnap = snapshotFromDir(abs);
  const diff = diffSnapshots(beforeSnap, afterSnap, 40, { grouped: true });
  const origins = originSummary(beforeSnap, afterSnap);

  const metaPath = join(abs, 'meta.yaml');
  const meta = parseDocument(readFileSync(metaPath, 'utf8'));
  const old = String(meta.get('version'));
  const version = bumpVersion(old, options.bump);
  meta.set('version', version);
  const released = meta.createNode(date);
  (released as { type?: string }).type = 'QUOTE_DOUBLE';
  meta.set('released', released);
  writeFileSync(metaPath, meta.toString({ lineWidth: 0 }));

  const changelogPath = join(abs, 'CHANGELOG.md');
  const header = '# Dataset changelog\n\nWritten by `npm run dataset -- release` from `npm run dataset -- diff`; edit the summary line by hand if useful.\n';
  const previous = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8').replace(header, '').replace(/^\n+/, '') : '';
  const body = diff.lines.filter((l) => !/^Dataset version/.test(l)).join('\n').replace(/^\n+/, '');
  const entry =
    `## ${version} — ${date}\n\nChanges since ${since.slice(0, 12)} (version ${old}):\n\n` +
    (origins.length ? `${origins.map((l) => `- ${l}`).join('\n')}\n\n` : '') +
    `\`\`\`text\n${body}\n\`\`\`\n`;
  writeFileSync(changelogPath, `${header}\n${entry}${previous ? `\n${previous}` : ''}`);
  log(`Dataset ${old} -> ${version} (${date}); wrote ${join(dir, 'meta.yaml')} and ${join(dir, 'CHANGELOG.md')}.`);
  log('Review both, run validate, then commit them together with the data.');
  return true;
}
