/**
 * `import state-media <matrix.csv> --accounts <newsmap.json>`: state-controlled (SC) and captured public (CaPu)
 * outlets of the ASD State Media Matrix (State Media Monitor typology), matched to X accounts with numeric ids from
 * the newsmap file (Wikidata-derived handle/id/Q-id triples).
 *
 * The matrix's own Twitter column is never used: about a quarter of it is wrong. Matching is deliberately
 * conservative: the outlet's asset name (or the company name when the row is the company itself) must equal the
 * newsmap organisation's English Wikidata label after normalisation, and the countries must agree. Everything else
 * is listed as unmatched for a maintainer to review.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Papa from 'papaparse';
import { HANDLE_PATTERN, isValidPartialDate, type Source } from '../../src/core/schema';
import { countryCodeForName } from './countries';
import { readSnapshot, xIdToString, type ImportResult } from './import-congress';
import type { AccountRecord, ImporterSpec } from './store';

export const ASD_REPO_URL = 'https://github.com/ASD-at-GMF/state-media-profiles';
export const ASD_PUBLISHER = 'Alliance for Securing Democracy (GMF); typology by State Media Monitor';
export const STATE_MEDIA_FILE = 'accounts/state-media.yaml';
const ID_PREFIX = 'state-media-';
const IMPORTED_TYPOLOGIES = new Set(['SC', 'CaPu']);
const TYPOLOGY_NAMES: Record<string, string> = { SC: 'state-controlled', CaPu: 'captured public / state-managed' };

export const stateMediaSpec: ImporterSpec = {
  name: 'import state-media',
  ownsEntry: (id) => id.startsWith(ID_PREFIX),
  ownsSource: (s) => s.url.startsWith(ASD_REPO_URL) || (s.publisher === 'Wikidata' && s.url.startsWith('https://www.wikidata.org/wiki/Q')),
  sortedFiles: [STATE_MEDIA_FILE],
  reportStale: true,
};

export interface MatrixRow {
  Country: string;
  'Media company': string;
  'Main assets': string;
  Typology: string;
  Status?: string;
  Notes?: string;
}

export interface NewsmapEntry {
  handle: string;
  xId: string;
  qid: string;
  name: string;
  country: string | null;
}

/** Normalised name for matching: no accents, case, punctuation or leading "the"; letters of every script kept. */
export function normaliseOutletName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The names an outlet row may go by: "News agency: Agencia Venezolana de Noticias (AVN)" -> full, without the
 * "News agency:" prefix, without the parenthesis, and the parenthesised short name. */
export function outletNames(raw: string): Set<string> {
  const names = new Set<string>();
  const base = raw.replace(/\*+/g, '').trim();
  const unprefixed = base.replace(/^[\p{L} ]{2,24}:\s*/u, '');
  for (const form of [base, unprefixed]) {
    names.add(normaliseOutletName(form));
    const m = /^(.*?)\s*\(([^()]*)\)?\s*$/.exec(form);
    if (m) {
      names.add(normaliseOutletName(m[1]!));
      if (m[2]!.trim().length >= 2) names.add(normaliseOutletName(m[2]!));
    }
  }
  names.delete('');
  return names;
}

export function parseMatrix(text: string): MatrixRow[] {
  const parsed = Papa.parse<MatrixRow>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) {
    const e = parsed.errors[0]!;
    throw new Error(`matrix CSV: ${e.message}${e.row !== undefined ? ` (row ${e.row + 2})` : ''}`);
  }
  return parsed.data;
}

/** Reads newsmap_metadata.json ({handle: {wikidata_id, company_name, twitter_ID, country}}), keeping ids exact. */
export function parseNewsmap(text: string): NewsmapEntry[] {
  // Upstream writes twitter_ID as a JSON number; quote it before JSON.parse so 64-bit ids keep every digit.
  const safe = text.replace(/("twitter_ID"\s*:\s*)(\d+)/g, '$1"$2"');
  const raw = JSON.parse(safe) as Record<string, { wikidata_id?: string; company_name?: string; twitter_ID?: string; country?: string }>;
  const out: NewsmapEntry[] = [];
  for (const [handle, v] of Object.entries(raw)) {
    const qid = v.wikidata_id?.match(/Q[1-9][0-9]*$/)?.[0];
    const xId = xIdToString(v.twitter_ID);
    if (!qid || !xId || !v.company_name) continue;
    out.push({ handle, xId, qid, name: v.company_name, country: v.country ? countryCodeForName(v.country) : null });
  }
  return out;
}

function slug(handle: string): string {
  return handle.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

interface Outlet {
  country: string;
  iso: string | null;
  company: string;
  asset: string;
  typology: string;
}

export function importStateMedia(matrixPath: string, newsmapPath: string, options: { date?: string } = {}): ImportResult & { unmatched: string[] } {
  const snapshot = readSnapshot(dirname(matrixPath));
  const date = options.date ?? snapshot.date;
  if (!date || !isValidPartialDate(date)) {
    throw new Error(`import state-media: no snapshot date in the SOURCE.md next to ${matrixPath}; pass --date YYYY-MM-DD`);
  }
  const rows = parseMatrix(readFileSync(matrixPath, 'utf8'));
  const newsmap = parseNewsmap(readFileSync(newsmapPath, 'utf8'));

  // Outlets: SC/CaPu rows, one per (country, company, asset) — the matrix has one row per web domain.
  const outlets = new Map<string, Outlet>();
  const typologiesSeen = new Map<string, Set<string>>();
  const notes: string[] = [];
  let defunct = 0;
  for (const row of rows) {
    const typology = (row.Typology ?? '').trim();
    const key = [row.Country, row['Media company'], row['Main assets']].map((s) => (s ?? '').trim()).join(' | ');
    if (!typologiesSeen.has(key)) typologiesSeen.set(key, new Set());
    typologiesSeen.get(key)!.add(typology);
    if (!IMPORTED_TYPOLOGIES.has(typology)) continue;
    if (/not functional/i.test(`${row.Status ?? ''} ${row.Notes ?? ''}`)) {
      defunct++;
      continue;
    }
    if (!outlets.has(key)) {
      const country = (row.Country ?? '').trim();
      outlets.set(key, { country, iso: countryCodeForName(country), company: (row['Media company'] ?? '').trim(), asset: (row['Main assets'] ?? '').trim(), typology });
    }
  }

  const index = new Map<string, NewsmapEntry[]>();
  for (const e of newsmap) {
    if (!e.country || /^Q[1-9][0-9]*$/.test(e.name)) continue; // no country or no English label: cannot match safely
    const k = `${e.country}|${normaliseOutletName(e.name)}`;
    index.set(k, [...(index.get(k) ?? []), e]);
  }

  const byHandle = new Map<string, { entry: NewsmapEntry; outlets: Outlet[] }>();
  const unmatched: string[] = [];
  let matchedOutlets = 0;
  for (const [key, outlet] of outlets) {
    if (typologiesSeen.get(key)!.size > 1) {
      notes.push(`skipped ${key}: the matrix gives it several typologies (${[...typologiesSeen.get(key)!].join(', ')})`);
      continue;
    }
    if (!outlet.iso) {
      unmatched.push(`${key} [${outlet.typology}] — unknown country name "${outlet.country}"`);
      continue;
    }
    const names = outletNames(outlet.asset);
    const companyNames = outletNames(outlet.company);
    // The company's own name only when the row is the company itself (asset = company), never for a subsidiary.
    if ([...names].some((n) => companyNames.has(n))) for (const n of companyNames) names.add(n);
    const hits = new Map<string, NewsmapEntry>();
    for (const n of names) for (const e of index.get(`${outlet.iso}|${n}`) ?? []) hits.set(e.handle, e);
    if (!hits.size) {
      unmatched.push(`${key} [${outlet.typology}]`);
      continue;
    }
    matchedOutlets++;
    for (const e of hits.values()) {
      const slot = byHandle.get(e.handle.toLowerCase()) ?? { entry: e, outlets: [] };
      slot.outlets.push(outlet);
      byHandle.set(e.handle.toLowerCase(), slot);
    }
  }

  const records: AccountRecord[] = [];
  const repoTitle = `State Media Profiles: State_Media_Matrix.csv${snapshot.commit ? ` (commit ${snapshot.commit.slice(0, 8)})` : ''}`;
  for (const { entry, outlets: matched } of [...byHandle.values()].sort((a, b) => a.entry.handle.localeCompare(b.entry.handle))) {
    const typologies = new Set(matched.map((o) => o.typology));
    if (typologies.size > 1) {
      notes.push(`skipped @${entry.handle}: matched outlets with different typologies (${[...typologies].join(', ')})`);
      continue;
    }
    if (!HANDLE_PATTERN.test(entry.handle)) {
      notes.push(`skipped "${entry.handle}": not a valid X handle`);
      continue;
    }
    const typology = matched[0]!.typology as 'SC' | 'CaPu';
    const assets = [...new Set(matched.map((o) => `${o.asset} (${o.company})`))];
    const shown = assets.slice(0, 3).join('; ') + (assets.length > 3 ? `; and ${assets.length - 3} more` : '');
    const sources: Source[] = [
      {
        url: ASD_REPO_URL,
        title: repoTitle,
        publisher: ASD_PUBLISHER,
        date,
        supports: `Lists ${shown}, ${matched[0]!.country}, with typology ${typology} (${TYPOLOGY_NAMES[typology]}).`,
      },
      {
        url: `https://www.wikidata.org/wiki/${entry.qid}`,
        title: `${entry.name} (${entry.qid})`,
        publisher: 'Wikidata',
        supports: `X username @${entry.handle} with numeric id ${entry.xId} (as of mid-2023, via the newsmap dataset).`,
      },
    ];
    records.push({
      id: `${ID_PREFIX}${slug(entry.handle)}`,
      handle: entry.handle,
      xId: entry.xId,
      fields: { name: entry.name, kind: 'outlet', category: 'state-media', country: matched[0]!.iso!, typology, wikidata: entry.qid },
      sources,
      file: STATE_MEDIA_FILE,
    });
  }
  notes.unshift(
    `${outlets.size} SC/CaPu outlets in the matrix (${defunct} marked not functional, skipped); ${matchedOutlets} matched to newsmap accounts, ` +
      `${unmatched.length} unmatched; ${records.length} X accounts`,
  );
  return { records, notes, unmatched };
}
