/**
 * `diff <git-ref>`: a human-readable review of what changed in the dataset since a git ref.
 * Both sides are read leniently (entries with an id), so a ref from before a rule existed still compares.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';

type Entry = Record<string, unknown> & { id: string };

export interface Snapshot {
  version?: string;
  accounts: Map<string, Entry & { file: string }>;
  notices: Map<string, Entry & { file: string }>;
}

function toPlain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

export function snapshotFromFiles(files: { path: string; text: string }[]): Snapshot {
  const snap: Snapshot = { accounts: new Map(), notices: new Map() };
  for (const { path, text } of files) {
    let value: unknown;
    try {
      value = toPlain(parse(text, { intAsBigInt: true }));
    } catch {
      continue; // unparsable file at that ref: nothing to compare
    }
    if (path === 'meta.yaml') {
      snap.version = (value as { version?: string } | null)?.version;
      continue;
    }
    const target = path.startsWith('accounts/') ? snap.accounts : path.startsWith('notices/') ? snap.notices : null;
    if (!target || !Array.isArray(value)) continue;
    for (const item of value) {
      if (item && typeof item === 'object' && typeof (item as Entry).id === 'string') target.set((item as Entry).id, { ...(item as Entry), file: path });
    }
  }
  return snap;
}

export function snapshotFromDir(dir: string): Snapshot {
  const files: { path: string; text: string }[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) files.push({ path: relative(dir, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return snapshotFromFiles(files);
}

/** The dataset folder `dir` (relative to `cwd`) as it was at a git ref. */
export function snapshotFromGit(ref: string, dir: string, cwd = process.cwd()): Snapshot {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  let prefix: string;
  try {
    prefix = git('rev-parse', '--show-prefix').trim();
    git('rev-parse', '--verify', `${ref}^{commit}`);
  } catch {
    throw new Error(`diff: "${ref}" is not a git commit, branch or tag here`);
  }
  const base = `${prefix}${dir.replace(/\/+$/, '')}`;
  const paths = git('ls-tree', '-r', '--name-only', ref, '--', `${base}/`).split('\n').filter((p) => /\.ya?ml$/.test(p));
  return snapshotFromFiles(paths.map((p) => ({ path: p.slice(base.length + 1), text: git('show', `${ref}:${p}`) })));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface RoleLike {
  title: string;
  from?: string;
  to?: string;
}
const roleText = (r: RoleLike) => `${r.title}${r.from || r.to ? ` (${r.from ?? '?'} – ${r.to ?? 'present'})` : ''}`;

export interface DiffResult {
  lines: string[];
  counts: { added: number; removed: number; renamed: number; changed: number; noticesAdded: number; noticesRemoved: number; noticesChanged: number };
}

/** A line about an account, with the country and category it is grouped under. */
interface Item {
  text: string;
  country: string;
  category: string;
}

export interface DiffOptions {
  /** Group account lines by country, then category, with counts (the default of the `diff` command). */
  grouped?: boolean;
}

export function diffSnapshots(before: Snapshot, after: Snapshot, limit = Infinity, options: DiffOptions = {}): DiffResult {
  const lines: string[] = [];
  const section = (title: string, raw: (string | Item)[]) => {
    if (!raw.length) return;
    const items = raw.map((i) => (typeof i === 'string' ? { text: i, country: '', category: '' } : i));
    lines.push('', `${title} (${items.length}):`);
    if (!options.grouped || items.every((i) => !i.country)) {
      lines.push(...items.slice(0, limit).map((i) => `  ${i.text}`));
      if (items.length > limit) lines.push(`  ... and ${items.length - limit} more (npm run dataset -- diff <ref> lists them all)`);
      return;
    }
    const groups = new Map<string, Map<string, Item[]>>();
    for (const i of items) {
      const byCat = groups.get(i.country) ?? new Map<string, Item[]>();
      byCat.set(i.category, [...(byCat.get(i.category) ?? []), i]);
      groups.set(i.country, byCat);
    }
    const countries = [...groups.keys()].sort();
    lines.push(`  by country: ${countries.map((c) => `${c} ${[...groups.get(c)!.values()].reduce((n, l) => n + l.length, 0)}`).join(', ')}`);
    let shown = 0;
    for (const c of countries) {
      const byCat = groups.get(c)!;
      for (const cat of [...byCat.keys()].sort()) {
        const list = byCat.get(cat)!;
        lines.push(`  ${c} · ${cat} (${list.length}):`);
        for (const i of list) {
          if (shown++ < limit) lines.push(`    ${i.text}`);
        }
      }
    }
    if (items.length > limit) lines.push(`  ... and ${items.length - limit} more (npm run dataset -- diff <ref> lists them all)`);
  };
  const describe = (a: Entry & { file: string }) => `${a.id} @${String(a.handle)} — ${String(a.name)} [${String(a.category)}, ${String(a.country)}] (${a.file})`;
  const item = (a: Entry, text: string): Item => ({ text, country: String(a.country ?? '?'), category: String(a.category ?? '?') });

  const added: Item[] = [];
  const removed: Item[] = [];
  const renamed: Item[] = [];
  const changed: Item[] = [];
  const oldByXId = new Map<string, Entry & { file: string }>();
  for (const a of before.accounts.values()) if (typeof a.xId === 'string') oldByXId.set(a.xId, a);
  const reidentified = new Set<string>();
  for (const a of after.accounts.values()) {
    const old = before.accounts.get(a.id);
    if (old) continue;
    const sameAccount = typeof a.xId === 'string' ? oldByXId.get(a.xId) : undefined;
    if (sameAccount && !after.accounts.has(sameAccount.id)) {
      reidentified.add(sameAccount.id);
      renamed.push(item(a, `${sameAccount.id} @${String(sameAccount.handle)} is now ${a.id} @${String(a.handle)} (same X id ${String(a.xId)})`));
      continue;
    }
    added.push(item(a, describe(a)));
  }
  for (const a of before.accounts.values()) if (!after.accounts.has(a.id) && !reidentified.has(a.id)) removed.push(item(a, describe(a)));

  const fields = ['name', 'xId', 'kind', 'category', 'country', 'typology', 'confidence', 'wikidata', 'note', 'names', 'formerHandles'];
  for (const a of after.accounts.values()) {
    const old = before.accounts.get(a.id);
    if (!old) continue;
    if (String(old.handle).toLowerCase() !== String(a.handle).toLowerCase()) {
      renamed.push(item(a, `${a.id}: @${String(old.handle)} -> @${String(a.handle)}${a.xId && a.xId === old.xId ? ` (same X id ${String(a.xId)})` : ''}`));
    }
    const notes: string[] = [];
    for (const f of fields) {
      if (same(old[f], a[f])) continue;
      if (f === 'note' || f === 'names') notes.push(`${f} changed`);
      else notes.push(`${f}: ${old[f] === undefined ? '(none)' : JSON.stringify(old[f])} -> ${a[f] === undefined ? '(none)' : JSON.stringify(a[f])}`);
    }
    const oldRoles = (old.roles as RoleLike[] | undefined) ?? [];
    const newRoles = (a.roles as RoleLike[] | undefined) ?? [];
    for (const r of newRoles) if (!oldRoles.some((o) => same(o, r))) notes.push(`role + ${roleText(r)}`);
    for (const r of oldRoles) if (!newRoles.some((o) => same(o, r))) notes.push(`role - ${roleText(r)}`);
    const oldSources = new Set(((old.sources as { url: string }[] | undefined) ?? []).map((s) => s.url));
    const newSources = new Set(((a.sources as { url: string }[] | undefined) ?? []).map((s) => s.url));
    const plus = [...newSources].filter((u) => !oldSources.has(u));
    const minus = [...oldSources].filter((u) => !newSources.has(u));
    if (plus.length || minus.length) notes.push(`sources +${plus.length} -${minus.length}${minus.length ? ` (removed: ${minus.join(', ')})` : ''}`);
    else if (!same(old.sources, a.sources)) notes.push('source details changed');
    if (old.file !== a.file) notes.push(`moved ${old.file} -> ${a.file}`);
    if (notes.length) changed.push(item(a, `${a.id} @${String(a.handle)}: ${notes.join('; ')}`));
  }

  const nAdded: string[] = [];
  const nRemoved: string[] = [];
  const nChanged: string[] = [];
  const describeNotice = (n: Entry & { file: string }) => `${n.id} [${String(n.type)}, ${String((n.status as { value?: string } | undefined)?.value)}] on ${((n.accounts as string[] | undefined) ?? []).join(', ')}: ${String(n.title)}`;
  for (const n of after.notices.values()) if (!before.notices.has(n.id)) nAdded.push(describeNotice(n));
  for (const n of before.notices.values()) if (!after.notices.has(n.id)) nRemoved.push(describeNotice(n));
  for (const n of after.notices.values()) {
    const old = before.notices.get(n.id);
    if (!old) continue;
    const notes: string[] = [];
    const os = old.status as { value?: string; asOf?: string } | undefined;
    const ns = n.status as { value?: string; asOf?: string } | undefined;
    if (!same(os, ns)) notes.push(`status ${os?.value} (${os?.asOf}) -> ${ns?.value} (${ns?.asOf})`);
    if (!same(old.accounts, n.accounts)) notes.push(`accounts ${JSON.stringify(old.accounts)} -> ${JSON.stringify(n.accounts)}`);
    const ol = (old.statements as unknown[] | undefined)?.length ?? 0;
    const nl = (n.statements as unknown[] | undefined)?.length ?? 0;
    if (ol !== nl) notes.push(`statements ${ol} -> ${nl}`);
    else if (!same(old.statements, n.statements)) notes.push('statements edited');
    for (const f of ['type', 'date', 'title', 'summary', 'sources']) if (!same(old[f], n[f])) notes.push(`${f} changed`);
    if (notes.length) nChanged.push(`${n.id}: ${notes.join('; ')}`);
  }

  if (before.version !== after.version) lines.push(`Dataset version ${before.version ?? '(none)'} -> ${after.version ?? '(none)'}`);
  lines.push(
    `Accounts: ${before.accounts.size} -> ${after.accounts.size} (${added.length} added, ${removed.length} removed, ${renamed.length} renamed, ${changed.length} changed); ` +
      `notices: ${before.notices.size} -> ${after.notices.size} (${nAdded.length} added, ${nRemoved.length} removed, ${nChanged.length} changed)`,
  );
  section('Accounts added', added);
  section('Accounts removed', removed);
  section('Renames', renamed);
  section('Accounts changed', changed);
  section('Notices added', nAdded);
  section('Notices removed', nRemoved);
  section('Notices changed', nChanged);
  return {
    lines,
    counts: { added: added.length, removed: removed.length, renamed: renamed.length, changed: changed.length, noticesAdded: nAdded.length, noticesRemoved: nRemoved.length, noticesChanged: nChanged.length },
  };
}
