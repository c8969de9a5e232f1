/**
 * `import wikidata <results.json>`: SPARQL JSON results (`results.bindings[]`, each value `{type, value}`) of the
 * queries in the shared sources README: heads of state and government (?role), institutional accounts (?kind),
 * office holders (?position), state-owned media (?owner). A maintainer with internet runs the query and saves the
 * JSON; this command merges it. See dataset/README.md for the bindings it reads.
 */
import { readFileSync } from 'node:fs';
import { CATEGORIES, HANDLE_PATTERN, isValidPartialDate, X_ID_PATTERN, type Account, type Role } from '../../src/core/schema';
import { resolveCountry } from './countries';
import type { ImportResult } from './import-congress';
import type { AccountRecord, ImporterSpec } from './store';

export const WIKIDATA_FILE = 'accounts/wikidata.yaml';
const ID_PREFIX = 'wd-';

type Category = Account['category'];
type Kind = Account['kind'];

/** ?role values (query 1) and ?kind values (query 2) -> category and kind. */
export const ROLE_MAP: Record<string, { category: Category; kind: Kind }> = {
  head_of_state: { category: 'head-of-state', kind: 'person' },
  head_of_government: { category: 'head-of-government', kind: 'person' },
  head_of_state_office: { category: 'head-of-state', kind: 'institution' },
  head_of_government_office: { category: 'head-of-government', kind: 'institution' },
  minister_office: { category: 'minister', kind: 'institution' },
  ministry: { category: 'ministry', kind: 'institution' },
  government_agency: { category: 'agency', kind: 'institution' },
  embassy: { category: 'embassy', kind: 'institution' },
  consulate: { category: 'embassy', kind: 'institution' },
  intergovernmental_organization: { category: 'igo', kind: 'institution' },
};

/** Wikidata items of international bodies with their own country code. */
const INTERNATIONAL_ITEMS: Record<string, string> = { Q1065: 'UN', Q458: 'EU' };

/** Category of a person from the label of the position they hold (query 3). */
export function categoryForPosition(label: string): Category {
  const l = label.toLowerCase();
  if (/ambassador|envoy|consul|chargé|charge d'affaires/.test(l)) return 'diplomat';
  if (/spokes/.test(l)) return 'spokesperson';
  if (/member of|parliament|senator|deputy|representative|legislat|congress|assembly/.test(l)) return 'legislator';
  if (/minister|secretary of state/.test(l)) return 'minister';
  return 'official';
}

export const wikidataSpec = (file: string): ImporterSpec => ({
  name: 'import wikidata',
  ownsEntry: (id) => id.startsWith(ID_PREFIX),
  ownsSource: (s) => s.publisher === 'Wikidata' && s.url.startsWith('https://www.wikidata.org/wiki/Q'),
  sortedFiles: [file],
});

interface Binding {
  [name: string]: { type: string; value: string } | undefined;
}

const qidOf = (uri?: string) => uri?.match(/Q[1-9][0-9]*$/)?.[0];

function slug(handle: string): string {
  return handle.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export function importWikidata(path: string, options: { date?: string; file?: string } = {}): ImportResult {
  const file = options.file ?? WIKIDATA_FILE;
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  if (!isValidPartialDate(date)) throw new Error(`import wikidata: --date ${date} is not a date YYYY-MM-DD`);
  // Numeric ids come as string literals in SPARQL JSON, so JSON.parse keeps every digit.
  const json = JSON.parse(readFileSync(path, 'utf8')) as { results?: { bindings?: Binding[] } };
  const bindings = json.results?.bindings;
  if (!Array.isArray(bindings)) throw new Error(`${path}: not SPARQL JSON results (expected results.bindings[])`);

  const notes: string[] = [];
  const byHandle = new Map<string, AccountRecord & { what: Set<string> }>();
  bindings.forEach((b, i) => {
    const row = `${path} result ${i + 1}`;
    const v = (name: string) => b[name]?.value?.trim() || undefined;
    const handle = v('handle')?.replace(/^@/, '');
    const qid = qidOf(v('item'));
    const label = v('itemLabel');
    if (!handle || !qid) return void notes.push(`${row}: skipped, no ?handle or ?item`);
    if (!HANDLE_PATTERN.test(handle)) return void notes.push(`${row}: skipped "${handle}", not a valid X handle`);
    if (!label || label === qid) return void notes.push(`${row}: skipped @${handle} (${qid}), no English label`);
    const xidRaw = v('xid');
    const xId = xidRaw && X_ID_PATTERN.test(xidRaw) ? xidRaw : undefined;
    if (xidRaw && !xId) notes.push(`${row}: ignored X id "${xidRaw}" of @${handle}, not a decimal id`);

    let mapped: { category: Category; kind: Kind } | undefined;
    let roleTitle: string | undefined;
    const explicit = v('category');
    if (explicit && (CATEGORIES as readonly string[]).includes(explicit)) mapped = { category: explicit as Category, kind: (v('accountKind') as Kind) ?? 'institution' };
    else if (v('role') && ROLE_MAP[v('role')!]) {
      mapped = ROLE_MAP[v('role')!];
      const countryLabel = v('countryLabel');
      roleTitle = `${v('role') === 'head_of_state' ? 'Head of state' : 'Head of government'}${countryLabel ? ` of ${countryLabel}` : ''}`;
    } else if (v('kind') && ROLE_MAP[v('kind')!]) mapped = ROLE_MAP[v('kind')!];
    else if (v('owner')) mapped = { category: 'state-media', kind: 'outlet' };
    else if (v('positionLabel')) {
      mapped = { category: categoryForPosition(v('positionLabel')!), kind: 'person' };
      roleTitle = v('positionLabel');
    }
    if (!mapped) return void notes.push(`${row}: skipped @${handle}, no ?role, ?kind, ?position or ?owner binding it understands`);

    const countryQ = qidOf(v('country'));
    let country =
      mapped.category === 'igo'
        ? (INTERNATIONAL_ITEMS[qid] ?? 'INT')
        : resolveCountry({ iso: v('iso'), item: v('country'), label: v('countryLabel') });
    if (!country && countryQ && INTERNATIONAL_ITEMS[countryQ]) country = INTERNATIONAL_ITEMS[countryQ]!;
    if (!country) {
      return void notes.push(`${row}: skipped @${handle}, country ${v('countryLabel') ?? v('country') ?? '(none)'} unknown: add an ?iso binding (wdt:P297) to the query`);
    }

    const key = handle.toLowerCase();
    const existing = byHandle.get(key);
    const what = roleTitle ?? mapped.category.replace(/-/g, ' ');
    if (existing) {
      if (existing.xId && xId && existing.xId !== xId) notes.push(`${row}: @${handle} has two X ids (${existing.xId}, ${xId}); kept the first`);
      if (existing.fields.category !== mapped.category) notes.push(`${row}: @${handle} is both ${existing.fields.category} and ${mapped.category}; kept ${existing.fields.category}`);
      if (roleTitle && !existing.roles?.some((r) => r.title === roleTitle)) existing.roles = [...(existing.roles ?? []), { title: roleTitle }];
      existing.what.add(what);
      return;
    }
    const roles: Role[] | undefined = roleTitle ? [{ title: roleTitle }] : undefined;
    byHandle.set(key, {
      id: `${ID_PREFIX}${slug(handle)}`,
      handle,
      ...(xId ? { xId } : {}),
      fields: { name: label, kind: mapped.kind, category: mapped.category, country, wikidata: qid },
      roles,
      sources: [],
      file,
      what: new Set([what]),
    });
  });

  const records: AccountRecord[] = [];
  for (const rec of byHandle.values()) {
    const { what, ...record } = rec;
    record.sources = [
      {
        url: `https://www.wikidata.org/wiki/${record.fields.wikidata}`,
        title: `${record.fields.name} (${record.fields.wikidata})`,
        publisher: 'Wikidata',
        date,
        supports: `X username @${record.handle}${record.xId ? ` with numeric id ${record.xId}` : ''} (P2002); ${[...what].join('; ')}.`,
      },
    ];
    records.push(record);
  }
  notes.unshift(`${bindings.length} results; ${records.length} X accounts`);
  return { records, notes };
}
