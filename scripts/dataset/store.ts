/**
 * The merge engine shared by the importers. It edits the dataset's account files as YAML documents (comments,
 * blank lines, quoting and hand-written fields survive), merges proposed records into them and reports what it did.
 *
 * Ownership: an importer owns the entries whose id it generates (`ownsEntry`) and, inside any entry, the sources and
 * roles its predicates recognise. In entries it owns it updates the fields it sets; in other (hand-written) entries
 * it only fills in missing identifiers (xId, wikidata, typology) and adds its sources, and reports any disagreement as
 * a conflict. It never removes an entry, a notice or a field it does not own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { Account, Role, Source } from '../../src/core/schema';

/** Field order of an account entry, as in src/core/schema.ts; new keys are inserted in this order. */
export const ACCOUNT_KEY_ORDER = [
  'id', 'handle', 'xId', 'formerHandles', 'name', 'names', 'kind', 'category', 'country', 'typology', 'roles',
  'confidence', 'wikidata', 'note', 'sources',
] as const;
const SOURCE_KEY_ORDER = ['url', 'title', 'publisher', 'date', 'supports'];
const ROLE_KEY_ORDER = ['title', 'from', 'to'];
/** Keys whose values are written double-quoted (dates and 64-bit ids must never be read back as numbers). */
const QUOTED_KEYS = new Set(['xId', 'from', 'to', 'date', 'asOf', 'released']);

export const YAML_OUTPUT = { lineWidth: 0, flowCollectionPadding: false } as const;

/** What an importer proposes for one X account. */
export interface AccountRecord {
  /** Id for a new entry (and the entry it owns). */
  id: string;
  handle: string;
  xId?: string;
  /** Fields the importer sets (besides handle and xId), e.g. name, kind, category, country, typology, wikidata. */
  fields: Partial<Omit<Account, 'id' | 'handle' | 'xId' | 'roles' | 'sources' | 'formerHandles'>>;
  /**
   * Fields set only when the entry is created, or when an entry the importer owns lacks them (e.g. `confidence`,
   * `note`): a maintainer who reviews the entry and changes them keeps the change on every re-import.
   */
  initialFields?: Partial<Pick<Account, 'confidence' | 'note'>>;
  /** Roles the importer owns in this entry (replaced on each import); undefined leaves roles alone. */
  roles?: Role[];
  sources: Source[];
  /** Account file (relative to the dataset folder) for a new entry. */
  file: string;
  /**
   * Only merge into an entry that already exists (matched by X id or handle), never add one: for rows that a source
   * alone does not support (a 2014 leader's personal account). `reason` is reported when nothing matches; `accept`
   * may refuse a match (returning why), e.g. when the entry names another person.
   */
  mergeOnly?: { reason: string; accept?: (entry: Record<string, unknown>) => string | null };
}

export interface ImporterSpec {
  name: string;
  /** Entries the importer created and owns (by id). */
  ownsEntry: (id: string) => boolean;
  /** Sources it manages (replaced on each import). */
  ownsSource: (source: Source) => boolean;
  /** Roles it manages in entries it owns. */
  ownsRole?: (role: Role) => boolean;
  /** Files kept sorted by id (files the importer generates). */
  sortedFiles?: string[];
  /** Report owned entries that the source no longer lists. */
  reportStale?: boolean;
}

export interface MergeOptions {
  acceptRenames?: boolean;
}

export interface MergeReport {
  added: string[];
  updated: { id: string; changes: string[] }[];
  unchanged: string[];
  conflicts: string[];
  renames: string[];
  stale: string[];
  /** Merge-only records that matched no entry (or whose match was refused), with the reason. */
  notMerged: string[];
}

interface Entry {
  id: string;
  file: string;
  node: YAMLMap;
}

const lower = (s: string) => s.toLowerCase();

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

function toJs(node: unknown): unknown {
  if (node === undefined || node === null) return undefined;
  if (isScalar(node)) return typeof node.value === 'bigint' ? node.value.toString() : node.value;
  if (isMap(node) || isSeq(node)) return JSON.parse(stable(node.toJSON()));
  return node;
}

function orderKeys<T extends object>(value: T, order: readonly string[]): T {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return Object.fromEntries(entries) as T;
}

export class AccountStore {
  readonly docs = new Map<string, Document>();
  private readonly original = new Map<string, string>();
  /** For pairs whose value was replaced: where the original value ended (to keep comments that followed it). */
  private readonly replacedValueEnd = new WeakMap<Pair, number>();
  /** Files to rewrite whole (new files, and sorted files whose order changed). */
  private readonly rewrite = new Set<string>();
  private readonly byId = new Map<string, Entry>();
  private readonly byHandle = new Map<string, string>();
  private readonly byXId = new Map<string, string>();

  constructor(readonly dir: string) {
    const accountsDir = join(dir, 'accounts');
    const names = existsSync(accountsDir) ? readdirSync(accountsDir).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
    for (const name of names) {
      const file = `accounts/${name}`;
      const text = readFileSync(join(dir, file), 'utf8');
      const doc = parseDocument(text, { intAsBigInt: true });
      if (doc.errors.length) throw new Error(`${join(dir, file)}: ${doc.errors[0]!.message.split('\n')[0]} (run validate first)`);
      this.docs.set(file, doc);
      this.original.set(file, text);
      if (isSeq(doc.contents)) for (const item of doc.contents.items) if (isMap(item)) this.index(file, item);
    }
  }

  private index(file: string, node: YAMLMap) {
    const id = toJs(node.get('id', true));
    if (typeof id !== 'string') return;
    this.byId.set(id, { id, file, node });
    const handle = toJs(node.get('handle', true));
    if (typeof handle === 'string') this.byHandle.set(lower(handle), id);
    const former = toJs(node.get('formerHandles', true));
    if (Array.isArray(former)) for (const h of former) if (typeof h === 'string' && !this.byHandle.has(lower(h))) this.byHandle.set(lower(h), id);
    const xId = toJs(node.get('xId', true));
    if (typeof xId === 'string') this.byXId.set(xId, id);
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  get(id: string): Record<string, unknown> | undefined {
    const entry = this.byId.get(id);
    return entry ? (toJs(entry.node) as Record<string, unknown>) : undefined;
  }

  fileOf(id: string): string | undefined {
    return this.byId.get(id)?.file;
  }

  idForHandle(handle: string): string | undefined {
    return this.byHandle.get(lower(handle));
  }

  idForXId(xId: string): string | undefined {
    return this.byXId.get(xId);
  }

  private docFor(file: string): Document {
    let doc = this.docs.get(file);
    if (!doc) {
      doc = new Document(new YAMLSeq());
      doc.commentBefore = ' Generated and merged by `npm run dataset -- import`; hand edits to other fields are kept. See dataset/README.md.';
      this.docs.set(file, doc);
      this.rewrite.add(file);
    }
    if (!isSeq(doc.contents)) doc.contents = new YAMLSeq() as never;
    return doc;
  }

  private node(doc: Document, value: unknown): Node {
    const node = doc.createNode(value) as Node;
    visit(node, {
      Pair(_, pair) {
        if (isScalar(pair.key) && QUOTED_KEYS.has(String(pair.key.value)) && isScalar(pair.value)) pair.value.type = Scalar.QUOTE_DOUBLE;
      },
    });
    if (isScalar(node) && typeof node.value === 'string' && /^\d+$/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    return node;
  }

  /** Sets a key of an entry, inserting a new key at its place in the schema's field order. */
  private setKey(doc: Document, map: YAMLMap, key: string, value: unknown) {
    const valueNode = this.node(doc, value);
    if (QUOTED_KEYS.has(key) && isScalar(valueNode)) valueNode.type = Scalar.QUOTE_DOUBLE;
    const existing = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (existing) {
      const before = existing.value as Node | null;
      if (before?.range && !this.replacedValueEnd.has(existing)) this.replacedValueEnd.set(existing, before.range[2]);
      existing.value = valueNode;
      return;
    }
    const rank = (k: unknown) => (ACCOUNT_KEY_ORDER as readonly string[]).indexOf(String(k));
    const at = map.items.findIndex((p) => isScalar(p.key) && rank(p.key.value) > rank(key));
    const pair = new Pair(doc.createNode(key), valueNode);
    if (at < 0) map.items.push(pair);
    else map.items.splice(at, 0, pair);
  }

  /** Replaces the items of a list the importer partly owns, keeping other items (and their comments) in place. */
  private mergeList<T extends object>(
    doc: Document,
    map: YAMLMap,
    key: 'sources' | 'roles',
    incoming: T[],
    owns: (item: T) => boolean,
    keyOf: (item: T) => string,
    order: string[],
    mode: 'replace-owned' | 'add-missing',
  ): boolean {
    const seqNode = map.get(key, true);
    const seq = isSeq(seqNode) ? seqNode : undefined;
    const current = (seq ? seq.items : []).map((n) => ({ node: n, value: toJs(n) as T }));
    const wanted = incoming.map((v) => orderKeys(v, order));
    const wantedByKey = new Map(wanted.map((v) => [keyOf(v), v]));
    const items: unknown[] = [];
    const placed = new Set<string>();
    let changed = false;
    for (const item of current) {
      const k = keyOf(item.value);
      const replacement = wantedByKey.get(k);
      if (replacement && !placed.has(k)) {
        placed.add(k);
        if (mode === 'replace-owned' && owns(item.value) && stable(replacement) !== stable(item.value)) {
          items.push(this.node(doc, replacement));
          changed = true;
        } else items.push(item.node);
      } else if (mode === 'replace-owned' && owns(item.value)) {
        changed = true; // an owned item the source no longer gives
      } else items.push(item.node);
    }
    for (const v of wanted) {
      if (placed.has(keyOf(v))) continue;
      items.push(this.node(doc, v));
      changed = true;
    }
    if (!changed) return false;
    const newSeq = new YAMLSeq();
    newSeq.items = items;
    this.setKey(doc, map, key, newSeq);
    return true;
  }

  merge(spec: ImporterSpec, records: AccountRecord[], options: MergeOptions = {}): MergeReport {
    const report: MergeReport = { added: [], updated: [], unchanged: [], conflicts: [], renames: [], stale: [], notMerged: [] };
    const touched = new Set<string>();
    for (const rec of records) {
      let entry = spec.ownsEntry(rec.id) ? this.byId.get(rec.id) : undefined;
      let matchedBy = 'id';
      if (!entry && rec.xId) {
        const id = this.byXId.get(rec.xId);
        if (id) {
          entry = this.byId.get(id);
          matchedBy = 'X id';
        }
      }
      if (!entry) {
        const id = this.byHandle.get(lower(rec.handle));
        if (id) {
          const candidate = this.byId.get(id)!;
          const theirs = toJs(candidate.node.get('xId', true)) as string | undefined;
          const current = toJs(candidate.node.get('handle', true)) as string;
          if (lower(current) !== lower(rec.handle)) {
            report.conflicts.push(`@${rec.handle} (${rec.id}): the dataset lists it as a former handle of "${id}" (now @${current}); the source may be out of date — check by X id`);
            continue;
          }
          if (theirs && rec.xId && theirs !== rec.xId) {
            report.conflicts.push(`@${rec.handle} (${rec.id}): the source gives X id ${rec.xId}, but "${id}" has X id ${theirs} — a reused handle or a wrong id; not merged`);
            continue;
          }
          entry = candidate;
          matchedBy = 'handle';
        }
      }
      if (!entry && rec.mergeOnly) {
        report.notMerged.push(`@${rec.handle} (${rec.id}): ${rec.mergeOnly.reason}`);
        continue;
      }
      if (entry && rec.mergeOnly?.accept) {
        const refusal = rec.mergeOnly.accept(toJs(entry.node) as Record<string, unknown>);
        if (refusal) {
          report.notMerged.push(`@${rec.handle} (${rec.id}): matched "${entry.id}" by ${matchedBy}, not merged: ${refusal}`);
          continue;
        }
      }
      if (!entry) {
        if (rec.xId && this.byXId.has(rec.xId)) continue; // unreachable: matched above
        this.add(spec, rec);
        report.added.push(`${rec.id} @${rec.handle}${rec.xId ? ` (${rec.xId})` : ''} -> ${rec.file}`);
        touched.add(rec.id);
        continue;
      }
      if (touched.has(entry.id)) {
        report.conflicts.push(`@${rec.handle} (${rec.id}): matched "${entry.id}" by ${matchedBy}, which this import already updated from another record; not merged twice`);
        continue;
      }
      touched.add(entry.id);
      this.update(spec, entry, rec, matchedBy, options, report);
    }
    if (spec.reportStale) {
      for (const id of this.byId.keys()) if (spec.ownsEntry(id) && !touched.has(id)) report.stale.push(id);
    }
    for (const file of spec.sortedFiles ?? []) {
      const doc = this.docs.get(file);
      if (doc && isSeq(doc.contents)) {
        const seq = doc.contents;
        const before = [...seq.items];
        seq.items.sort((a, b) => String(toJs(isMap(a) ? a.get('id', true) : '')).localeCompare(String(toJs(isMap(b) ? b.get('id', true) : ''))));
        const originals = seq.items.filter((item) => (item as Node).range);
        const appendedOnly = originals.every((item, i) => before[i] === item);
        if (!appendedOnly || seq.items.some((item, i) => !(item as Node).range && i < originals.length)) {
          this.rewrite.add(file);
          seq.items.forEach((item, i) => {
            if (isMap(item)) item.spaceBefore = i > 0;
          });
        }
      }
    }
    return report;
  }

  private add(spec: ImporterSpec, rec: AccountRecord) {
    const doc = this.docFor(rec.file);
    const value = orderKeys(
      {
        id: rec.id,
        handle: rec.handle,
        xId: rec.xId,
        ...rec.fields,
        ...rec.initialFields,
        roles: rec.roles?.length ? rec.roles.map((r) => orderKeys(r, ROLE_KEY_ORDER)) : undefined,
        sources: rec.sources.map((s) => orderKeys(s, SOURCE_KEY_ORDER)),
      },
      ACCOUNT_KEY_ORDER,
    );
    const node = this.node(doc, value) as YAMLMap;
    const seq = doc.contents as YAMLSeq;
    node.spaceBefore = seq.items.length > 0;
    seq.items.push(node);
    this.index(rec.file, node);
    void spec;
  }

  private update(spec: ImporterSpec, entry: Entry, rec: AccountRecord, matchedBy: string, options: MergeOptions, report: MergeReport) {
    const doc = this.docs.get(entry.file)!;
    const map = entry.node;
    const owned = spec.ownsEntry(entry.id);
    const changes: string[] = [];
    const current = toJs(map) as Record<string, unknown>;
    const label = `${entry.id} (${entry.file})`;

    // Handle: a different handle for the same account is a rename, applied only when confirmed.
    const currentHandle = String(current.handle);
    if (lower(currentHandle) !== lower(rec.handle)) {
      const sameXId = rec.xId && current.xId === rec.xId;
      if (!sameXId && current.xId && rec.xId) {
        report.conflicts.push(`${label}: the source now gives @${rec.handle} with X id ${rec.xId}, but the entry is @${currentHandle} with X id ${String(current.xId)} — a different X account; review by hand`);
        return;
      }
      const holder = this.byHandle.get(lower(rec.handle));
      if (holder && holder !== entry.id) {
        report.conflicts.push(`${label}: renamed @${currentHandle} -> @${rec.handle} in the source, but @${rec.handle} belongs to "${holder}"; review by hand`);
        return;
      } else if (options.acceptRenames) {
        const former = Array.isArray(current.formerHandles) ? (current.formerHandles as string[]) : [];
        this.setKey(doc, map, 'handle', rec.handle);
        if (!former.some((h) => lower(h) === lower(currentHandle))) this.setKey(doc, map, 'formerHandles', [...former, currentHandle]);
        this.byHandle.set(lower(rec.handle), entry.id);
        changes.push(`handle @${currentHandle} -> @${rec.handle} (old handle kept in formerHandles)`);
        report.renames.push(`${label}: @${currentHandle} -> @${rec.handle}${sameXId ? ` (same X id ${rec.xId})` : ''} — applied`);
      } else {
        report.renames.push(`${label}: @${currentHandle} -> @${rec.handle}${sameXId ? ` (same X id ${rec.xId})` : ''} — not applied (entry left as it is); re-run with --accept-renames to record it`);
        return;
      }
    } else if (owned && currentHandle !== rec.handle) {
      this.setKey(doc, map, 'handle', rec.handle);
      changes.push(`handle case @${currentHandle} -> @${rec.handle}`);
    }

    const fields: Record<string, unknown> = { xId: rec.xId, ...rec.fields };
    const fillable = new Set(['xId', 'wikidata', ...(current.category === 'state-media' ? ['typology'] : [])]);
    const conflictKeys = new Set(['xId', 'wikidata', 'country', 'typology']);
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const have = current[key];
      if (stable(have) === stable(value)) continue;
      if (owned && key !== 'xId') {
        this.setKey(doc, map, key, value);
        changes.push(have === undefined ? `${key} set` : `${key}: ${stable(have)} -> ${stable(value)}`);
      } else if (have === undefined && (owned || fillable.has(key))) {
        this.setKey(doc, map, key, value);
        changes.push(`${key} set to ${stable(value)}`);
        if (key === 'xId') this.byXId.set(String(value), entry.id);
      } else if (conflictKeys.has(key)) {
        report.conflicts.push(`${label}: ${key} is ${stable(have)} in the dataset but ${stable(value)} in the source (matched by ${matchedBy}); kept the dataset's value`);
      }
    }

    if (owned) {
      for (const [key, value] of Object.entries(rec.initialFields ?? {})) {
        if (value === undefined || current[key] !== undefined) continue;
        this.setKey(doc, map, key, value);
        changes.push(`${key} set`);
      }
    }

    if (owned && rec.roles && spec.ownsRole) {
      if (this.mergeList(doc, map, 'roles', rec.roles, spec.ownsRole, (r) => `${r.title}|${r.from ?? ''}`, ROLE_KEY_ORDER, 'replace-owned')) changes.push('roles');
    }
    if (this.mergeList(doc, map, 'sources', rec.sources, spec.ownsSource, (s) => s.url, SOURCE_KEY_ORDER, owned ? 'replace-owned' : 'add-missing')) {
      changes.push('sources');
    }
    if (changes.length) report.updated.push({ id: entry.id, changes });
    else report.unchanged.push(entry.id);
  }

  /**
   * The new text of a file. Untouched entries keep their exact text; in a touched entry only the changed fields are
   * re-written; new entries are appended. Generated files whose order changed are re-written whole.
   */
  render(file: string): string {
    const doc = this.docs.get(file)!;
    const original = this.original.get(file);
    if (original === undefined || this.rewrite.has(file) || !isSeq(doc.contents)) return doc.toString(YAML_OUTPUT);
    const replacements: { start: number; end: number; text: string }[] = [];
    const appended: string[] = [];
    for (const item of doc.contents.items) {
      const node = item as Node;
      if (!node.range) {
        appended.push(stringifyEntry(item));
        continue;
      }
      if (!isMap(item)) continue;
      const rebuilt = this.renderEntry(item, original);
      if (rebuilt !== null) replacements.push({ start: node.range[0], end: node.range[1], text: rebuilt });
    }
    let text = original;
    for (const r of replacements.sort((a, b) => b.start - a.start)) text = text.slice(0, r.start) + r.text + text.slice(r.end);
    if (appended.length) {
      if (!text.endsWith('\n')) text += '\n';
      const empty = !isSeq(doc.contents) || doc.contents.items.every((i) => !(i as Node).range);
      text += appended.map((a, i) => (empty && i === 0 ? a : `\n${a}`)).join('');
    }
    return text;
  }

  /** An entry's text with its changed fields re-written, or null when nothing in it changed. */
  private renderEntry(map: YAMLMap, original: string): string | null {
    const fresh = (pair: Pair) => !(pair.key as Node | null)?.range || !(pair.value as Node | null)?.range;
    if (!map.items.some(fresh)) return null;
    const originals = map.items.filter((p) => !!(p.key as Node | null)?.range).sort((a, b) => (a.key as Node).range![0] - (b.key as Node).range![0]);
    const slice = (pair: Pair) => {
      const start = (pair.key as Node).range![0];
      const i = originals.indexOf(pair);
      const end = i + 1 < originals.length ? (originals[i + 1]!.key as Node).range![0] : map.range![1];
      return { start, end };
    };
    const pieces: string[] = [];
    for (const pair of map.items) {
      if (!fresh(pair)) {
        const { start, end } = slice(pair);
        pieces.push(original.slice(start, end).replace(/[ ]+$/, ''));
        continue;
      }
      let text = stringifyEntry(mapOf(pair)).slice(2);
      const valueEnd = this.replacedValueEnd.get(pair);
      if (valueEnd !== undefined && (pair.key as Node | null)?.range) {
        // Keep comment lines that followed the old value.
        const { end } = slice(pair);
        const comments = original.slice(valueEnd, end).split('\n').filter((l) => /^\s*#/.test(l));
        if (comments.length) text += comments.map((c) => `${c}\n`).join('');
      }
      pieces.push(text);
    }
    return pieces.map((p, i) => (i === 0 ? p : `  ${p}`)).map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('');
  }

  /** Files whose text would change. */
  changedFiles(): { file: string; text: string }[] {
    const out: { file: string; text: string }[] = [];
    for (const file of this.docs.keys()) {
      const text = this.render(file);
      if (text !== this.original.get(file)) out.push({ file, text });
    }
    return out;
  }

  write(): string[] {
    const changed = this.changedFiles();
    for (const { file, text } of changed) {
      const path = join(this.dir, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      this.original.set(file, text);
    }
    return changed.map((c) => c.file);
  }
}

function mapOf(pair: Pair): YAMLMap {
  const map = new YAMLMap();
  map.items = [pair];
  return map;
}

/** One sequence item as it appears in a file ("- id: ...\n  ..."), without the comments and blank line before it. */
function stringifyEntry(item: unknown): string {
  const node = item as Node & { commentBefore?: string | null; spaceBefore?: boolean };
  const { commentBefore, spaceBefore } = node;
  node.commentBefore = null;
  node.spaceBefore = false;
  const seq = new YAMLSeq();
  seq.items = [item];
  const text = new Document(seq).toString(YAML_OUTPUT);
  node.commentBefore = commentBefore;
  node.spaceBefore = spaceBefore;
  return text;
}

export function formatReport(name: string, report: MergeReport, verbose = true): string {
  const lines = [
    `${name}: ${report.added.length} added, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ` +
      `${report.conflicts.length} conflicting, ${report.renames.length} renames` +
      (report.stale.length ? `, ${report.stale.length} no longer in the source` : '') +
      (report.notMerged.length ? `, ${report.notMerged.length} not merged` : ''),
  ];
  const section = (title: string, items: string[], limit = Infinity) => {
    if (!items.length) return;
    lines.push(`\n${title} (${items.length}):`);
    for (const item of items.slice(0, limit)) lines.push(`  ${item}`);
    if (items.length > limit) lines.push(`  ... and ${items.length - limit} more`);
  };
  section('Renames (same account, new handle)', report.renames);
  section('Conflicts (not merged or kept as in the dataset; review by hand)', report.conflicts);
  section('No longer in the source (kept; remove or end their roles by hand if they are gone)', report.stale);
  section('Not merged (rows only merged into an existing entry; none matched, or the match was refused)', report.notMerged, verbose ? 50 : 10);
  if (verbose) {
    section('Added', report.added, 50);
    section('Updated', report.updated.map((u) => `${u.id}: ${u.changes.join('; ')}`), 50);
  }
  return lines.join('\n');
}
