/**
 * Parses the dataset's YAML files into validated objects, reporting every problem with file, line and column.
 * Pure: callers (the build plugin, the Node maintainer tools, tests) read the files and pass their text in.
 */
import * as v from 'valibot';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { Account, DatasetMeta, Notice, type Dataset } from './schema';
import { checkRules } from './validate-rules';

export interface DatasetFile {
  /** Path relative to the dataset folder, with forward slashes: `meta.yaml`, `accounts/cn.yaml`, `notices/x.yaml`. */
  path: string;
  text: string;
}

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type FileKind = 'meta' | 'accounts' | 'notices';

export function fileKind(path: string): FileKind | null {
  if (path === 'meta.yaml') return 'meta';
  if (/^accounts\/[^/]+\.ya?ml$/.test(path)) return 'accounts';
  if (/^notices\/[^/]+\.ya?ml$/.test(path)) return 'notices';
  return null;
}

interface Located<T> {
  value: T;
  file: string;
  /** Where in the file the entry lives, for cross-file problems. */
  at: (path: (string | number)[]) => { line: number; column: number };
}

export interface ParsedDataset {
  dataset: Dataset | null;
  problems: Problem[];
  /** For each account and notice id: the file it comes from (for "suggest a correction" and diff tools). */
  origins: Map<string, { file: string; line: number }>;
}

function locator(doc: Document, lines: LineCounter) {
  return (path: (string | number)[]) => {
    // Walk down as far as the path exists: a missing key is reported at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const pos = lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  };
}

function issuePath(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

function describePath(path: (string | number)[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`))
    .join('');
}

function parseYaml(file: DatasetFile, problems: Problem[]) {
  const lines = new LineCounter();
  // intAsBigInt: an unquoted 64-bit X id must never pass through a JavaScript number and silently lose digits.
  const doc = parseDocument(file.text.replace(/^\uFEFF/, ''), { lineCounter: lines, intAsBigInt: true, uniqueKeys: true });
  for (const error of doc.errors) {
    const pos = lines.linePos(error.pos[0]);
    problems.push({ file: file.path, line: pos.line, column: pos.col, message: `YAML syntax: ${error.message.split('\n')[0]}` });
  }
  if (doc.errors.length > 0) return null;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // e.g. an alias bomb ("billion laughs"): refuse the file rather than expand it.
    problems.push({ file: file.path, line: 1, column: 1, message: `YAML could not be read: ${(error as Error).message}` });
    return null;
  }
  return { doc, at: locator(doc, lines), value };
}

function validate<S extends v.GenericSchema>(
  schema: S,
  file: DatasetFile,
  parsed: { value: unknown; at: (p: (string | number)[]) => { line: number; column: number } },
  problems: Problem[],
  /** Where `parsed.value` sits in the file, for messages. */
  prefix: (string | number)[] = [],
): v.InferOutput<S> | null {
  const result = v.safeParse(schema, parsed.value);
  if (result.success) return result.output;
  for (const issue of result.issues) {
    const path = issuePath(issue);
    const { line, column } = parsed.at(path);
    const full = [...prefix, ...path];
    const where = full.length ? `${describePath(full)}: ` : '';
    problems.push({ file: file.path, line, column, message: `${where}${humanMessage(issue)}` });
  }
  return null;
}

function humanMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.path?.length) {
    const key = issue.path[issue.path.length - 1]?.key;
    return `unknown field "${String(key)}" (check its spelling against the schema in src/core/schema.ts)`;
  }
  if (issue.type === 'picklist' && 'expected' in issue) {
    return `must be one of ${String(issue.expected).replaceAll('"', '')}, got ${issue.received}`;
  }
  if (issue.type === 'string' && issue.received && /^\d+n?$/.test(String(issue.received))) {
    return issue.message;
  }
  return issue.message;
}

export function parseDataset(files: DatasetFile[]): ParsedDataset {
  const problems: Problem[] = [];
  const origins = new Map<string, { file: string; line: number }>();
  let meta: Dataset['meta'] | null = null;
  const accounts: Located<Account>[] = [];
  const notices: Located<Notice>[] = [];
  const brokenAccountIds = new Set<string>();
  let accountsIncomplete = false;

  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  for (const file of sorted) {
    const kind = fileKind(file.path);
    if (!kind) {
      problems.push({ file: file.path, line: 1, column: 1, message: 'unexpected file: the dataset holds meta.yaml, accounts/*.yaml and notices/*.yaml' });
      continue;
    }
    const parsed = parseYaml(file, problems);
    if (!parsed) {
      // Its accounts are unknown: do not report notices pointing at them as dangling.
      if (kind === 'accounts') accountsIncomplete = true;
      continue;
    }
    if (kind === 'meta') {
      meta = validate(DatasetMeta, file, parsed, problems) ?? meta;
    } else {
      if (parsed.value == null) continue;
      if (!Array.isArray(parsed.value)) {
        problems.push({ file: file.path, line: 1, column: 1, message: `must be a YAML list of ${kind} (each entry starting with "- id:")` });
        continue;
      }
      // Entry by entry, so one broken entry does not hide the others (or cascade into "unknown account" errors).
      const schema = kind === 'accounts' ? Account : Notice;
      const target: Located<unknown>[] = kind === 'accounts' ? accounts : notices;
      parsed.value.forEach((item: unknown, i: number) => {
        const at = (p: (string | number)[]) => parsed.at([i, ...p]);
        const value = validate(schema, file, { value: item, at }, problems, [i]);
        if (value) target.push({ value, file: file.path, at });
        else if (kind === 'accounts' && item && typeof (item as { id?: unknown }).id === 'string') {
          brokenAccountIds.add((item as { id: string }).id); // already reported; do not cascade
        }
      });
    }
  }
  if (!files.some((f) => f.path === 'meta.yaml')) {
    problems.push({ file: 'meta.yaml', line: 1, column: 1, message: 'missing: the dataset needs a meta.yaml with version, released, licence and attribution' });
  }

  const report = (entry: Located<unknown>, path: (string | number)[], message: string) => {
    const { line, column } = entry.at(path);
    problems.push({ file: entry.file, line, column, message });
  };

  // Ids and handles are unique across all files, case-insensitively, former handles included.
  const ids = new Map<string, Located<unknown>>();
  const handles = new Map<string, { entry: Located<Account>; id: string }>();
  const xIds = new Map<string, Located<Account>>();
  const claim = (entry: Located<Account>, handle: string, path: (string | number)[]) => {
    const key = handle.toLowerCase();
    const other = handles.get(key);
    if (other) {
      report(entry, path, `handle @${handle} is already used by account "${other.id}" (${other.entry.file}:${other.entry.at([]).line}); a handle belongs to one account`);
    } else {
      handles.set(key, { entry, id: entry.value.id });
    }
  };
  for (const entry of [...accounts, ...notices]) {
    const id = (entry.value as { id: string }).id;
    const other = ids.get(id);
    if (other) {
      report(entry, ['id'], `id "${id}" is already used in ${other.file}:${other.at([]).line}; ids must be unique`);
    } else {
      ids.set(id, entry);
      origins.set(id, { file: entry.file, line: entry.at([]).line });
    }
  }
  for (const entry of accounts) {
    claim(entry, entry.value.handle, ['handle']);
    entry.value.formerHandles?.forEach((h, i) => claim(entry, h, ['formerHandles', i]));
    if (entry.value.xId) {
      const other = xIds.get(entry.value.xId);
      if (other) report(entry, ['xId'], `X id ${entry.value.xId} is already used by account "${other.value.id}"; one X account is one entry`);
      else xIds.set(entry.value.xId, entry);
    }
  }
  const accountIds = new Set(accounts.map((a) => a.value.id));
  for (const entry of notices) {
    entry.value.accounts.forEach((id, i) => {
      if (!accountIds.has(id) && !brokenAccountIds.has(id) && !accountsIncomplete) report(entry, ['accounts', i], `notice refers to account "${id}", which is not in the dataset`);
    });
  }

  // Cross-entry rules (independent sources, both sides of a dispute, kind/category consistency, ...).
  problems.push(...checkRules(accounts, notices));

  const dataset =
    problems.length === 0 && meta
      ? { meta, accounts: accounts.map((a) => a.value), notices: notices.map((n) => n.value) }
      : null;
  return { dataset, problems, origins };
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
