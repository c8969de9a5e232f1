/**
 * `import csv <file.csv>`: hand-curated lists in a generic column layout (documented in dataset/README.md).
 * The CSV is the maintainer's own data: for a row that matches an entry (by id, X id or handle) it sets every
 * non-empty cell and adds roles and sources that are not there yet; it never removes anything.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import * as v from 'valibot';
import { Account, type Role, type Source } from '../../src/core/schema';
import type { ImportResult } from './import-congress';
import type { AccountRecord, ImporterSpec } from './store';

export const CSV_COLUMNS = [
  'id', 'handle', 'xId', 'name', 'kind', 'category', 'country', 'typology', 'confidence', 'wikidata', 'note',
  'role_title', 'role_from', 'role_to',
  'source_url', 'source_title', 'source_publisher', 'source_date', 'source_supports',
] as const;
/** Up to this many sources per row: source_*, source2_*, source3_* ... */
const MAX_SOURCES = 5;

export const csvSpec: ImporterSpec = {
  name: 'import csv',
  ownsEntry: () => true,
  ownsSource: () => false,
  ownsRole: () => false,
};

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export function importCsv(path: string, options: { file?: string } = {}): ImportResult {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const errors: string[] = parsed.errors.map((e) => `${path}:${(e.row ?? 0) + 2}: ${e.message}`);
  const known = new Set<string>(CSV_COLUMNS);
  for (let n = 2; n <= MAX_SOURCES; n++) for (const f of ['url', 'title', 'publisher', 'date', 'supports']) known.add(`source${n}_${f}`);
  const unknown = (parsed.meta.fields ?? []).filter((f) => !known.has(f));
  if (unknown.length) errors.push(`${path}:1: unknown column(s) ${unknown.join(', ')}; the layout is in dataset/README.md`);

  const records: AccountRecord[] = [];
  parsed.data.forEach((row, i) => {
    const line = i + 2;
    const cell = (name: string) => row[name]?.trim() || undefined;
    const sources: Source[] = [];
    for (let n = 1; n <= MAX_SOURCES; n++) {
      const p = n === 1 ? 'source_' : `source${n}_`;
      const url = cell(`${p}url`);
      if (!url) continue;
      sources.push({ url, title: cell(`${p}title`) ?? '', publisher: cell(`${p}publisher`) ?? '', date: cell(`${p}date`), supports: cell(`${p}supports`) });
    }
    const roles: Role[] = [];
    if (cell('role_title')) roles.push({ title: cell('role_title')!, from: cell('role_from'), to: cell('role_to') });
    const handle = cell('handle')?.replace(/^@/, '') ?? '';
    const country = cell('country')?.toUpperCase() ?? '';
    const candidate = {
      id: cell('id') ?? slug(`${country}-${handle}`),
      handle,
      xId: cell('xId'),
      name: cell('name'),
      kind: cell('kind'),
      category: cell('category'),
      country,
      typology: cell('typology'),
      confidence: cell('confidence'),
      wikidata: cell('wikidata'),
      note: cell('note'),
      roles: roles.length ? roles : undefined,
      sources,
    };
    const clean = Object.fromEntries(Object.entries(candidate).filter(([, x]) => x !== undefined)) as Record<string, unknown>;
    for (const s of sources) for (const k of Object.keys(s) as (keyof Source)[]) if (s[k] === undefined) delete s[k];
    for (const r of roles) for (const k of Object.keys(r) as (keyof Role)[]) if (r[k] === undefined) delete r[k];
    const result = v.safeParse(Account, clean);
    if (!result.success) {
      for (const issue of result.issues) {
        const where = (issue.path ?? []).map((p) => String(p.key)).join('.');
        errors.push(`${path}:${line}: ${where ? `${where}: ` : ''}${issue.message}`);
      }
      return;
    }
    const a = result.output;
    records.push({
      id: a.id,
      handle: a.handle,
      ...(a.xId ? { xId: a.xId } : {}),
      fields: Object.fromEntries(
        Object.entries({ name: a.name, kind: a.kind, category: a.category, country: a.country, typology: a.typology, confidence: a.confidence, wikidata: a.wikidata, note: a.note }).filter(([, x]) => x !== undefined),
      ),
      roles: a.roles,
      sources: a.sources,
      file: options.file ?? `accounts/${a.country.toLowerCase()}.yaml`,
    });
  });
  if (errors.length) throw new Error(`import csv: ${errors.length} problem(s); nothing was imported:\n${errors.join('\n')}`);
  return { records, notes: [`${parsed.data.length} rows; ${records.length} accounts`] };
}
