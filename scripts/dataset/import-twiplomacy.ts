/**
 * `import twiplomacy <README.md>`: the PRC diplomatic accounts in the tables of the README of
 * centre-for-humanities-computing/china-twiplomacy-2020-2022 (tweets collected November 2019 - April 2022). No
 * licence file: the rows are leads, every entry is `low` (post accounts `unverified`), and the file is never copied.
 *
 * The "Diplomacy" tables are read (the same handle in several tables counts once); the "Media" tables are skipped —
 * state media comes from the State Media Matrix import and stays as it is — and so are tables of other accounts
 * (foreign influencers). Descriptions map to categories: embassy, consulate, mission, ministry (the MFA and its
 * departments), agency (the State Council Information Office); a person ("CHEN Xu, Ambassador, ...") is a diplomat,
 * spokesperson or official. The list is 2019-2022: a person's role is written into the note ("Listed in 2019-2022
 * as ..."), never as a current role, and "former" roles get no dates because the descriptions give none. A personal-
 * looking description on a handle that does not name the person (@ChinaAmbUN) is taken as the post's account.
 * Entries already in the dataset (dataset/accounts/cn.yaml) are merged into, not duplicated.
 */
import { readFileSync } from 'node:fs';
import { HANDLE_PATTERN, type Account, type Source } from '../../src/core/schema';
import { SkipLog, slug, snapshotDate, type ListImport } from './import-common';
import type { AccountRecord, ImporterSpec } from './store';

export const TWIPLOMACY_URL = 'https://github.com/centre-for-humanities-computing/china-twiplomacy-2020-2022';
export const TWIPLOMACY_FILE = 'accounts/twiplomacy.yaml';
const ID_PREFIX = 'twiplomacy-';
const PRC = "the People's Republic of China";

export const twiplomacySpec: ImporterSpec = {
  name: 'import twiplomacy',
  ownsEntry: (id) => id.startsWith(ID_PREFIX),
  ownsSource: (s) => s.url === TWIPLOMACY_URL,
  sortedFiles: [TWIPLOMACY_FILE],
  reportStale: true,
};

export interface TableRow {
  table: string;
  handle: string;
  description: string;
  created?: string;
  suspended: boolean;
}

const unescape = (s: string) => s.trim().replace(/\\([_*\\`|])/g, '$1').replace(/^_(.*)_$/, '$1').trim();

/** Rows of every markdown table whose header starts with "@handle", with the heading above the table. */
export function parseTables(markdown: string): TableRow[] {
  const rows: TableRow[] = [];
  let heading = '';
  let inTable = false;
  let createdCol = -1;
  for (const line of markdown.split('\n')) {
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) {
      heading = h[1]!.trim();
      inTable = false;
      continue;
    }
    if (!line.trim().startsWith('|')) {
      inTable = false;
      continue;
    }
    const cells = line.trim().replace(/^\|/, '').replace(/\|\s*$/, '').split('|').map((c) => unescape(c));
    if (!inTable) {
      if (/^@handle$/i.test(cells[0] ?? '')) {
        inTable = true;
        createdCol = cells.findIndex((c) => /date created/i.test(c));
      }
      continue;
    }
    if (/^-+$/.test((cells[0] ?? '').replace(/\s/g, ''))) continue;
    const m = /^@([A-Za-z0-9_]+)\s*(\(suspended\))?$/i.exec(cells[0] ?? '');
    if (!m) continue;
    rows.push({ table: heading, handle: m[1]!, description: cells[1] ?? '', created: createdCol >= 0 ? cells[createdCol] : undefined, suspended: !!m[2] });
  }
  return rows;
}

/** "P.R.C." -> "People's Republic of China", "U.K." -> "United Kingdom", ... */
export function expand(text: string): string {
  return text
    .replace(/\bthe P\.R\.C\./g, PRC)
    .replace(/\bP\.R\.C\./g, "People's Republic of China")
    .replace(/\bU\.K\./g, 'United Kingdom')
    .replace(/\bU\.S\.?(?=$|[\s,.])/g, 'United States')
    .replace(/\bU\.N\./g, 'United Nations')
    .replace(/\bE\.U\./g, 'European Union')
    .replace(/\bC\.P\.C\./g, 'Communist Party of China')
    .replace(/\bMFA\b/g, 'Ministry of Foreign Affairs')
    .replace(/\bPermant\b/g, 'Permanent')
    .replace(/\s+/g, ' ')
    .trim();
}

type Category = Account['category'];

export interface Mapped {
  kind: Account['kind'];
  category: Category;
  name: string;
  note?: string;
  postAccount?: boolean;
}

const letters = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

/** Maps a description to kind, category and name, or returns null when it is not understood. */
export function mapDescription(handle: string, description: string): Mapped | null {
  const d = description.trim();
  let m: RegExpExecArray | null;
  if ((m = /^Embassy of the P\.R\.C\. in (.+)$/.exec(d))) return { kind: 'institution', category: 'embassy', name: `Embassy of ${PRC} in ${expand(m[1]!)}` };
  if ((m = /^Consulate General of the P\.R\.C\. in (.+)$/.exec(d))) return { kind: 'institution', category: 'consulate', name: `Consulate General of ${PRC} in ${expand(m[1]!)}` };
  if ((m = /^Spokesperson of (?:the )?Mission of the P\.R\.C\. to (.+)$/.exec(d))) {
    return { kind: 'institution', category: 'mission', name: `Mission of ${PRC} to ${expand(m[1]!)}: spokesperson's account`, note: "The mission's spokesperson account (no holder named)." };
  }
  if ((m = /^Mission of the P\.R\.C\. to (.+)$/.exec(d))) return { kind: 'institution', category: 'mission', name: `Mission of ${PRC} to ${expand(m[1]!)}` };
  if (/^Ministry of Foreign Affairs\b/.test(d)) return { kind: 'institution', category: 'ministry', name: `Ministry of Foreign Affairs of ${PRC}` };
  if ((m = /^(Department of [^,]+), MFA\b/.exec(d))) return { kind: 'institution', category: 'ministry', name: `${m[1]}, Ministry of Foreign Affairs of ${PRC}` };
  if (/^State Council Information Office\b/.test(d)) return { kind: 'institution', category: 'agency', name: `State Council Information Office of ${PRC}` };

  // A person: "FAMILY Given, role ..." (the family name in capitals).
  m = /^([A-ZÀ-Ý][A-ZÀ-Ý'-]+) ([\p{L}'-]+), (.+)$/u.exec(d);
  if (!m) return null;
  const family = m[1]!;
  const given = m[2]!;
  const role = expand(m[3]!);
  const person = `${family[0]}${family.slice(1).toLowerCase()} ${given}`;
  const former = /\bformer\b/i.test(role);
  const category: Category = /ambassador|permanent representative|consul general|charg[ée]/i.test(role) ? 'diplomat' : /spokesperson/i.test(role) ? 'spokesperson' : 'official';
  const h = handle.toLowerCase();
  // The handle names the person by a name ("AmbQinGang", "xuejianosaka") or by initials in capitals ("SpokespersonHZM").
  const initials = `${family[0]}${given[0]}`.toUpperCase();
  const namesPerson =
    [family, given, ...given.split('-')].map(letters).some((w) => w.length >= 3 && h.includes(w)) || (/[A-Z]{2,}$/.exec(handle)?.[0] ?? '').startsWith(initials);
  const looksInstitutional = /amb|mission|spox|spokes|consul|cg|emb|un\b|_un|un_|eu/i.test(handle);
  if (!namesPerson && looksInstitutional) {
    const postCategory: Category = /United Nations|European Union|Permanent Representative|Mission/i.test(role) ? 'mission' : /consul/i.test(role) ? 'consulate' : /embassy|ambassador/i.test(role) ? 'embassy' : 'ministry';
    return {
      kind: 'institution',
      category: postCategory,
      name: role.replace(/^(?:Spokesperson, )?/, '').replace(/^[a-z]/, (c) => c.toUpperCase()),
      note: `Listed in 2019-2022 for ${person} (${role}); the handle does not name the holder, so it is taken as the post's account.`,
      postAccount: true,
    };
  }
  return {
    kind: 'person',
    category,
    name: person,
    note: former
      ? `Listed in 2019-2022 as "${role}"; the list gives no dates for the former role.`
      : `Listed in 2019-2022 as ${role}; the list gives no dates, so the role is not stated as current.`,
  };
}

export function importTwiplomacy(path: string, options: { date?: string; commit?: string } = {}): ListImport {
  const { date, commit } = snapshotDate('twiplomacy', path, options.date, options.commit);
  const rows = parseTables(readFileSync(path, 'utf8'));
  const skipped = new SkipLog();
  const records: AccountRecord[] = [];
  const seen = new Map<string, TableRow>();
  let repeats = 0;
  const title = `China twiplomacy 2020-2022 (research dataset README)${commit ? ` (commit ${commit.slice(0, 8)})` : ''}`;
  for (const row of rows) {
    const where = `@${row.handle} (${row.table.replace(/\s*\(.*$/, '')})`;
    if (/:\s*Media\b/i.test(row.table)) {
      if (!seen.has(row.handle.toLowerCase())) skipped.add('media account: state media stays as it is (imported from the State Media Matrix)', where);
      seen.set(row.handle.toLowerCase(), row);
      continue;
    }
    if (!/:\s*Diplomacy\b/i.test(row.table)) {
      skipped.add('not a table of PRC diplomatic accounts', where);
      continue;
    }
    const key = row.handle.toLowerCase();
    if (seen.has(key)) {
      repeats++;
      if (seen.get(key)!.description !== row.description) skipped.add('listed again with another description (the first is kept)', where);
      continue;
    }
    seen.set(key, row);
    if (row.suspended) {
      skipped.add('marked "(suspended)" in the source', where);
      continue;
    }
    if (!HANDLE_PATTERN.test(row.handle)) {
      skipped.add('not a valid X handle', where);
      continue;
    }
    const mapped = mapDescription(row.handle, row.description);
    if (!mapped) {
      skipped.add('description not understood', `${where}: "${row.description}"`);
      continue;
    }
    const created = row.created && /^\d{4}\.\d{2}$/.test(row.created) ? row.created.replace('.', '-') : undefined;
    const source: Source = {
      url: TWIPLOMACY_URL,
      title,
      publisher: 'Centre for Humanities Computing, Aarhus University',
      date,
      supports: `Lists @${row.handle} as "${row.description}"${created ? `, account created ${created}` : ''} (tweets collected November 2019 - April 2022).`,
    };
    records.push({
      id: `${ID_PREFIX}${slug(row.handle)}`,
      handle: row.handle,
      fields: { name: mapped.name, kind: mapped.kind, category: mapped.category, country: 'CN' },
      initialFields: { confidence: mapped.postAccount ? 'unverified' : 'low', ...(mapped.note ? { note: mapped.note } : {}) },
      sources: [source],
      file: TWIPLOMACY_FILE,
    });
  }
  const notes = [`${seen.size} handles in the tables (${repeats} repeated rows of later periods counted once); ${records.length} diplomatic accounts to merge; README of ${date}`];
  return { records, notes, skipped };
}
