/**
 * Researchers' own lists ("custom layers"): parsing CSV or JSON files into validated entries, reporting every
 * problem with its row and column before anything is saved, and an O(1) lookup over all custom layers.
 * Pure: the options page reads the file and stores the result.
 */
import Papa from 'papaparse';
import * as v from 'valibot';
import { Account, CATEGORIES, CountryCode, Handle, HttpsUrl, XId } from './schema';
import type { CustomEntry } from './custom-layers';

export type { CustomEntry } from './custom-layers';

/** The documented CSV header. Only `handle` and `label` are required; column order is free. */
export const CSV_COLUMNS = ['handle', 'x_id', 'label', 'category', 'country', 'note', 'source_url'] as const;
export const MAX_ROWS = 200_000;
export const MAX_FILE_BYTES = 30 * 1024 * 1024;


export interface ImportProblem {
  /** 1-based row in the file (for CSV: the header is row 1); 0 for the file as a whole. */
  row: number;
  column: string;
  message: string;
}

export interface ParsedList {
  entries: CustomEntry[];
  problems: ImportProblem[];
  /** Rows skipped because the same handle came earlier in the file. */
  duplicates: number;
}

const short = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, `must be at most ${max} characters`));

const EntrySchema = v.object({
  handle: v.pipe(v.string(), v.trim(), v.transform((h) => h.replace(/^@/, '')), Handle),
  xId: v.optional(XId),
  label: v.pipe(short(60), v.minLength(1, 'must not be empty: the label is what the badge shows')),
  category: v.optional(v.picklist(CATEGORIES, `must be one of ${CATEGORIES.join(', ')}`)),
  country: v.optional(CountryCode),
  note: v.optional(short(500)),
  sourceUrl: v.optional(HttpsUrl),
});

const FIELD_TO_COLUMN: Record<string, string> = { xId: 'x_id', sourceUrl: 'source_url' };

function validateEntry(raw: Record<string, unknown>, row: number, problems: ImportProblem[], columnOf = (f: string) => FIELD_TO_COLUMN[f] ?? f) {
  // Empty optional cells are absent, not invalid.
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '' && key !== 'handle' && key !== 'label') continue;
    clean[key] = typeof value === 'string' ? value.trim() : value;
  }
  const result = v.safeParse(EntrySchema, clean);
  if (result.success) return result.output as CustomEntry;
  for (const issue of result.issues) {
    const field = String(issue.path?.[0]?.key ?? '');
    const got = clean[field];
    const message = got === undefined ? (field === 'handle' || field === 'label' ? 'is required' : issue.message) : issue.message;
    problems.push({ row, column: columnOf(field), message });
  }
  return null;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseCsvList(text: string): ParsedList {
  const problems: ImportProblem[] = [];
  if (text.length > MAX_FILE_BYTES) {
    return { entries: [], duplicates: 0, problems: [{ row: 0, column: '', message: `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` }] };
  }
  const parsed = Papa.parse<string[]>(stripBom(text), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  for (const error of parsed.errors) {
    problems.push({ row: (error.row ?? 0) + 1, column: '', message: `CSV: ${error.message}` });
  }
  if (rows.length === 0) return { entries: [], duplicates: 0, problems: [{ row: 0, column: '', message: 'the file is empty' }] };
  const header = rows[0]!.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const known = new Set<string>(CSV_COLUMNS);
  header.forEach((name, i) => {
    if (!known.has(name)) problems.push({ row: 1, column: name || `#${i + 1}`, message: `unknown column; the columns are ${CSV_COLUMNS.join(', ')}` });
  });
  for (const required of ['handle', 'label']) {
    if (!header.includes(required)) problems.push({ row: 1, column: required, message: 'missing column (required)' });
  }
  if (problems.some((p) => p.row === 1)) return { entries: [], duplicates: 0, problems };
  if (rows.length - 1 > MAX_ROWS) {
    return { entries: [], duplicates: 0, problems: [{ row: 0, column: '', message: `more than ${MAX_ROWS} rows` }] };
  }
  const index = Object.fromEntries(header.map((name, i) => [name, i]));
  const get = (row: string[], column: string) => (index[column] === undefined ? undefined : row[index[column]!]);
  const candidates: { row: number; raw: Record<string, unknown> }[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length !== header.length) {
      problems.push({ row: r + 1, column: '', message: `has ${row.length} cells, the header has ${header.length}` });
      continue;
    }
    candidates.push({
      row: r + 1,
      raw: {
        handle: get(row, 'handle'),
        xId: get(row, 'x_id'),
        label: get(row, 'label'),
        category: get(row, 'category'),
        country: get(row, 'country')?.toUpperCase(),
        note: get(row, 'note'),
        sourceUrl: get(row, 'source_url'),
      },
    });
  }
  return collect(candidates, problems);
}

/** JSON: an array of accounts in the dataset's account shape (the same schema the dataset uses). */
export function parseJsonList(text: string): ParsedList {
  const problems: ImportProblem[] = [];
  if (text.length > MAX_FILE_BYTES) {
    return { entries: [], duplicates: 0, problems: [{ row: 0, column: '', message: `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch (error) {
    return { entries: [], duplicates: 0, problems: [{ row: 0, column: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(data)) {
    return { entries: [], duplicates: 0, problems: [{ row: 0, column: '', message: 'must be a JSON array of accounts' }] };
  }
  if (data.length > MAX_ROWS) return { entries: [], duplicates: 0, problems: [{ row: 0, column: '', message: `more than ${MAX_ROWS} entries` }] };
  const candidates: { row: number; raw: Record<string, unknown> }[] = [];
  data.forEach((item, i) => {
    const row = i + 1;
    const result = v.safeParse(Account, item);
    if (!result.success) {
      for (const issue of result.issues) {
        const column = (issue.path ?? []).map((p) => String(p.key)).join('.') || '(entry)';
        problems.push({ row, column, message: issue.message });
      }
      return;
    }
    const account = result.output;
    candidates.push({
      row,
      raw: {
        handle: account.handle,
        xId: account.xId,
        label: account.name.slice(0, 60),
        category: account.category,
        country: account.country,
        note: account.note,
        sourceUrl: account.sources[0]?.url,
      },
    });
  });
  return collect(candidates, problems);
}

export function parseCustomList(fileName: string, text: string): ParsedList {
  return /\.json$/i.test(fileName) || /^\s*[[{]/.test(text) ? parseJsonList(text) : parseCsvList(text);
}

function collect(candidates: { row: number; raw: Record<string, unknown> }[], problems: ImportProblem[]): ParsedList {
  const entries: CustomEntry[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const { row, raw } of candidates) {
    const entry = validateEntry(raw, row, problems);
    if (!entry) continue;
    const key = entry.handle.toLowerCase();
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    entries.push(entry);
  }
  problems.sort((a, b) => a.row - b.row);
  return { entries, problems, duplicates };
}

export function toCsv(entries: readonly CustomEntry[]): string {
  return Papa.unparse({
    fields: [...CSV_COLUMNS],
    data: entries.map((e) => [e.handle, e.xId ?? '', e.label, e.category ?? '', e.country ?? '', e.note ?? '', e.sourceUrl ?? '']),
  });
}

