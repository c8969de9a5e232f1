/**
 * `import embassies <database_of_embassies.csv>`: embassies, high commissions, consulates and permanent missions
 * with an X handle from a downloaded export of database-of-embassies/database-of-embassies (a Wikidata export,
 * semicolon-separated). The facts are Wikidata's (CC0): each entry cites the mission's Wikidata item with the
 * export's date. The repository itself is GPL-3.0, so its file is read from the maintainer's copy, never vendored.
 *
 * Traps handled (see docs/dataset-sources.md): the column order differs between exports (the header is read); the
 * `country` column is sometimes the operator's own country for a mission abroad (the host then comes from the
 * jurisdiction, else the city); one arbitrary handle per mission and ended handles are not filtered upstream (all
 * entries are `low`); handles that do not name the sending state, ambassadors' post accounts and handles shared by
 * several missions are `unverified` with a note; generic handles ("EmbassyTokyo") and non-state operators are skipped.
 */
import { readFileSync } from 'node:fs';
import { HANDLE_PATTERN, type Account, type Source } from '../../src/core/schema';
import { countryCodeForName } from './countries';
import { SkipLog, snapshotDate, splitPlain, type ListImport } from './import-common';
import { glueSpans, isStrongHit, isTerritory, namesPlace, namesState, stateHits, stateName } from './state-names';
import type { AccountRecord, ImporterSpec } from './store';

export const EMBASSIES_FILE = 'accounts/embassies.yaml';
export const EMBASSIES_REPO_URL = 'https://github.com/database-of-embassies/database-of-embassies';
const ID_PREFIX = 'doe-';
/** Marks the sources this importer owns (a Wikidata item cited "as exported by the Database of Embassies"). */
const SOURCE_MARK = 'Database of Embassies export';

export const embassiesSpec: ImporterSpec = {
  name: 'import embassies',
  ownsEntry: (id) => id.startsWith(ID_PREFIX),
  ownsSource: (s) => s.publisher === 'Wikidata' && s.url.startsWith('https://www.wikidata.org/wiki/Q') && (s.supports ?? '').includes(SOURCE_MARK),
  sortedFiles: [EMBASSIES_FILE],
  reportStale: true,
};

type Category = Account['category'];

/** How a Wikidata mission type maps to a category and a name ("Consulate General of X in Y"). */
export interface MissionType {
  category: Extract<Category, 'embassy' | 'consulate' | 'mission'>;
  label: string;
  /** Named after the host city rather than the host state. */
  byCity: boolean;
  note?: string;
}

/** Maps the export's `type` (Wikidata's English label of the mission's class) to a category, or null to skip it. */
export function missionType(raw: string): MissionType | null {
  const t = raw.trim().toLowerCase();
  if (/liaison|trade office|government office|tourism|cultural/.test(t)) return null;
  if (/assistant high commission/.test(t)) return { category: 'consulate', label: 'Assistant High Commission', byCity: true };
  if (/high commission/.test(t)) return { category: 'embassy', label: 'High Commission', byCity: false };
  if (/permanent mission|permanent delegation/.test(t)) return { category: 'mission', label: 'Permanent Mission', byCity: true };
  if (/de facto consulate/.test(t)) return { category: 'consulate', label: 'Representative office', byCity: true, note: 'Wikidata types it as a de facto consulate.' };
  if (/honorary consul/.test(t)) return { category: 'consulate', label: 'Honorary Consulate', byCity: true };
  if (/consulate general|consulate-general/.test(t)) return { category: 'consulate', label: 'Consulate General', byCity: true };
  if (/consular office|consular agency/.test(t)) return { category: 'consulate', label: 'Consular office', byCity: true };
  if (/consul/.test(t)) return { category: 'consulate', label: 'Consulate', byCity: true };
  if (/de facto embassy|representative office/.test(t)) return { category: 'embassy', label: 'Representative office', byCity: false, note: 'Wikidata types it as a de facto embassy or representative office.' };
  if (/interests section/.test(t)) return { category: 'embassy', label: 'Interests Section', byCity: false, note: 'Wikidata types it as an interests section.' };
  if (/apostolic nunciature/.test(t)) return { category: 'embassy', label: 'Apostolic Nunciature', byCity: false, note: "The Holy See's diplomatic mission (an apostolic nunciature)." };
  if (/apostolic delegation/.test(t)) return { category: 'embassy', label: 'Apostolic Delegation', byCity: false, note: 'An apostolic delegation of the Holy See (not a full diplomatic mission).' };
  if (/embassy|diplomatic mission/.test(t)) return { category: 'embassy', label: t.includes('diplomatic mission') ? 'Diplomatic mission' : 'Embassy', byCity: false };
  return null;
}

/** Operators written as a ministry ("Ministry of Foreign Affairs of the People's Republic of China") -> the state. */
export function operatorState(label: string): string | null {
  const direct = countryCodeForName(label);
  if (direct) return direct;
  const m = /^ministry of foreign affairs(?: and [\w ]+?)? of (?:the )?(.+)$/i.exec(label.trim());
  if (!m) return null;
  return countryCodeForName(m[1]!) ?? countryCodeForName(m[1]!.replace(/^republic of (?:the )?/i, ''));
}

/** Words of a mission handle that carry no identity ("EmbassyTokyo" is only these plus a place). */
const MISSION_WORDS = /embassy|embajada|embaixada|ambassade|ambasciata|ambasada|botschaft|consulate|consulado|consulat|konsulat|consul|mission|emb|amb|cg|hc|the|of|in|en|em|at|to|and|official|_|\d/gi;

/**
 * A handle that does not name the sending state and is made only of mission words and the host or its city
 * ("EmbassyTokyo", "EmbassyJp"): it could be any state's mission.
 */
export function isGenericHandle(handle: string, sender: string, host: string | undefined, city: string | undefined): boolean {
  if (namesState(handle, sender)) return false;
  let rest = handle.toLowerCase();
  const placeWords = [
    ...(city ? city.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').split(/[^a-z]+/) : []),
    ...stateHits(handle).filter((h) => h.iso === host).map((h) => h.token),
  ].filter((w) => w.length >= 2);
  for (const w of placeWords.sort((a, b) => b.length - a.length)) rest = rest.split(w).join('');
  rest = rest.replace(MISSION_WORDS, '');
  return rest.length < 2;
}

/** A foreign ministry's handle given to a mission (@MOFAkr_eng as a consulate general in Guangzhou). */
export const MINISTRY_HANDLE = /mfa|mofa|minrex|mrree|cancilleria|foreignministry/i;

/** States whose handles use "Amb" for "Ambassador" (in French, Spanish or Nordic handles it means the embassy). */
const ENGLISH_AMB = new Set(['AU', 'GB', 'US', 'NZ', 'IE', 'CA', 'IN', 'ZA', 'SG', 'JM', 'MT', 'PK', 'NG', 'KE', 'GH']);

/** Does the handle look like the ambassador's (post) account rather than the mission's? */
export function isAmbassadorHandle(handle: string, sender: string): boolean {
  if (/ambassador|ambassadeur|embajador|embaixador|ambasciatore|botschafter|ambasador(?!a)/i.test(handle)) return true;
  if (!ENGLISH_AMB.has(sender)) return false;
  // "AusAmbDili": the sending state, then "Amb" as a word of its own.
  return stateHits(handle).some((h) => h.iso === sender && /^Amb(?=[A-Z_0-9]|$)/.test(handle.slice(h.end)));
}

export interface EmbassyRow {
  operator: string;
  operatorQID?: string;
  jurisdictions?: string;
  country: string;
  city?: string;
  twitter: string;
  type: string;
  QID: string;
  line: number;
}

/** Reads an export of any generation: the header names the columns, whatever their order. */
export function parseEmbassies(text: string): { rows: EmbassyRow[]; malformed: number[] } {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const header = splitPlain(lines[0] ?? '', ';');
  while (header.length && header[header.length - 1] === '') header.pop();
  const col = (name: string) => header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  const required = ['operator', 'country', 'twitter', 'type', 'QID'];
  const missing = required.filter((n) => col(n) < 0);
  if (missing.length) throw new Error(`embassies export: no column ${missing.map((m) => `"${m}"`).join(', ')} in the header (${header.join(';')})`);
  const at = Object.fromEntries(['operator', 'operatorQID', 'jurisdictions', 'country', 'city', 'twitter', 'type', 'QID'].map((n) => [n, col(n)]));
  const rows: EmbassyRow[] = [];
  const malformed: number[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const cells = splitPlain(line, ';');
    if (cells.length < header.length || cells.slice(header.length).some((c) => c !== '')) {
      malformed.push(i + 2);
      return;
    }
    const get = (name: string) => (at[name]! >= 0 ? cells[at[name]!] : undefined) || undefined;
    rows.push({
      operator: get('operator') ?? '',
      operatorQID: get('operatorQID'),
      jurisdictions: get('jurisdictions'),
      country: get('country') ?? '',
      city: get('city'),
      twitter: (get('twitter') ?? '').replace(/^@/, ''),
      type: get('type') ?? '',
      QID: get('QID')?.match(/Q[1-9][0-9]*$/)?.[0] ?? '',
      line: i + 2,
    });
  });
  return { rows, malformed };
}

interface Candidate {
  row: EmbassyRow;
  sender: string;
  host?: string;
  /** States the mission is accredited to (P1001) besides the sender. */
  accredited: string[];
  type: MissionType;
}

export function importEmbassies(path: string, options: { date?: string; commit?: string } = {}): ListImport {
  const { date } = snapshotDate('embassies', path, options.date, options.commit);
  const { rows, malformed } = parseEmbassies(readFileSync(path, 'utf8'));
  const skipped = new SkipLog();
  const notes: string[] = [];
  for (const line of malformed) skipped.add('malformed line (wrong number of fields)', `line ${line}`);
  const withHandle = rows.filter((r) => r.twitter);
  const seenQids = new Set<string>();
  const candidates: Candidate[] = [];
  for (const row of withHandle) {
    const where = `@${row.twitter} (${row.QID || `line ${row.line}`}: ${row.operator} in ${row.city || row.country})`;
    if (!row.QID) {
      skipped.add('no Wikidata item (QID)', where);
      continue;
    }
    if (seenQids.has(row.QID)) {
      skipped.add('the same Wikidata item twice in the export (first row kept)', where);
      continue;
    }
    seenQids.add(row.QID);
    if (!HANDLE_PATTERN.test(row.twitter)) {
      skipped.add('not a valid X handle', where);
      continue;
    }
    const type = missionType(row.type);
    if (!type) {
      skipped.add(`type is not an embassy, consulate or permanent mission ("${row.type}")`, where);
      continue;
    }
    const sender = operatorState(row.operator);
    if (!sender || sender === 'UN' || sender === 'INT') {
      skipped.add('operator is not a state with an ISO 3166 code', where);
      continue;
    }
    // The `country` column is meant to be the host, but for some missions abroad it is the operator's own country:
    // then take the one jurisdiction that is not the operator, else name the mission after its city only.
    if (MINISTRY_HANDLE.test(row.twitter)) {
      skipped.add("the handle looks like a foreign ministry's, not a mission's", where);
      continue;
    }
    const accredited = [...new Set((row.jurisdictions ?? '').split('|').map((j) => countryCodeForName(j)).filter((c): c is string => !!c && c !== sender))];
    let host = countryCodeForName(row.country) ?? undefined;
    if (!host || host === sender) host = accredited.length === 1 ? accredited[0] : undefined;
    if (!host && !row.city) {
      skipped.add('neither a host country nor a city to name the mission by', where);
      continue;
    }
    candidates.push({ row, sender, host, accredited, type });
  }

  // The same handle on several missions: one account cannot be all of them.
  const byHandle = new Map<string, Candidate[]>();
  for (const c of candidates) byHandle.set(c.row.twitter.toLowerCase(), [...(byHandle.get(c.row.twitter.toLowerCase()) ?? []), c]);

  const records: AccountRecord[] = [];
  for (const group of byHandle.values()) {
    const rank = (c: Candidate) => ['embassy', 'mission', 'consulate'].indexOf(c.type.category);
    const sorted = [...group].sort((a, b) => rank(a) - rank(b) || a.row.QID.localeCompare(b.row.QID, 'en', { numeric: true }));
    const first = sorted[0]!;
    const flags: string[] = [];
    if (group.length > 1) {
      const senders = new Set(group.map((c) => c.sender));
      const list = sorted.map((c) => `${c.row.QID} (${c.row.type}, ${c.row.city || c.row.country})`).join(', ');
      if (senders.size > 1) {
        for (const c of group) skipped.add('the same handle on missions of different states', `@${c.row.twitter} (${c.row.QID}: ${c.row.operator})`);
        continue;
      }
      for (const c of sorted.slice(1)) skipped.add('the same handle on several missions of one state (kept once, on the embassy)', `@${c.row.twitter} (${c.row.QID})`);
      flags.push(`Wikidata gives this handle to ${group.length} missions of the same state (${list}); it is kept once, on the first.`);
    }
    const { row, sender, host, accredited, type } = first;
    const where = `@${row.twitter} (${row.QID}: ${row.operator} in ${row.city || row.country})`;
    if (isGenericHandle(row.twitter, sender, host, row.city)) {
      skipped.add('generic handle: names only the mission type and the host or city, not the sending state', where);
      continue;
    }
    const ambassador = isAmbassadorHandle(row.twitter, sender);
    if (ambassador) {
      flags.push("The handle looks like the ambassador's post account (passed from one ambassador to the next) rather than the mission's; Wikidata lists it for the mission.");
    }
    const namesSender = namesState(row.twitter, sender);
    if (!namesSender) flags.push(`The handle does not name the sending state (${stateName(sender)}) as far as an automatic check can tell; check it belongs to this mission.`);
    // A handle naming a third state (not the sender, the host or a state the mission is accredited to), by a name or
    // an alpha-3 code that is not part of a mission word or of a name of those states ("KBRITokyo", "JPConsulateSPb").
    const known = new Set([sender, host, ...accredited]);
    const hits = stateHits(row.twitter);
    const covered = [...hits.filter((h) => known.has(h.iso)).map((h) => [h.start, h.end] as [number, number]), ...glueSpans(row.twitter)];
    const third =
      (host && namesState(row.twitter, host)) || namesPlace(row.twitter, row.city)
        ? []
        : [...new Set(hits.filter((h) => isStrongHit(h) && !known.has(h.iso) && !isTerritory(h.iso) && !covered.some(([a, b]) => h.start < b && a < h.end)).map((h) => h.iso))];
    if (third.length) flags.push(`The handle names ${third.map((t) => stateName(t)).join(', ')}, not the host Wikidata gives; check which mission it is.`);

    const senderName = stateName(sender);
    // An embassy accredited to a state other than the one it stands in (Poland's embassy to Syria, in Beirut; to the
    // Holy See, in Rome) is named after that state.
    const accreditedElsewhere = !type.byCity && host && accredited.length === 1 && !accredited.includes(host) ? accredited[0] : undefined;
    const where2 = accreditedElsewhere ? (row.city ? `${row.city}, ${stateName(host!).replace(/^the /, '')}` : stateName(host!)) : '';
    const place = accreditedElsewhere
      ? `${stateName(accreditedElsewhere)}`
      : type.byCity
        ? row.city
          ? `${row.city}${host ? `, ${stateName(host).replace(/^the /, '')}` : ''}`
          : stateName(host!)
        : host
          ? stateName(host)
          : row.city!;
    const name =
      sender === 'VA' && /Apostolic/.test(type.label)
        ? `${type.label} in ${place}`
        : accreditedElsewhere
          ? `${type.label} of ${senderName} to ${place}, in ${where2}`
          : type.label === 'Representative office'
            ? `Representative office of ${senderName} in ${place}`
            : `${type.label} of ${senderName} in ${place}`;
    const noteParts = [type.note, ...flags].filter(Boolean);
    const confidence: Account['confidence'] = flags.length ? 'unverified' : 'low';
    const source: Source = {
      url: `https://www.wikidata.org/wiki/${row.QID}`,
      title: `${name} (${row.QID})`,
      publisher: 'Wikidata',
      date,
      supports:
        `Wikidata item of this mission (type "${row.type}", operator ${row.operator}, in ${[row.city, row.country].filter(Boolean).join(', ')}) ` +
        `with X username @${row.twitter} (P2002), as in the ${SOURCE_MARK} of ${date}.`,
    };
    records.push({
      id: `${ID_PREFIX}${row.QID.toLowerCase()}`,
      handle: row.twitter,
      fields: { name, kind: 'institution', category: type.category, country: sender, wikidata: row.QID },
      initialFields: { confidence, ...(noteParts.length ? { note: noteParts.join(' ') } : {}) },
      sources: [source],
      file: EMBASSIES_FILE,
    });
  }
  records.sort((a, b) => a.id.localeCompare(b.id));
  const unverified = records.filter((r) => r.initialFields?.confidence === 'unverified').length;
  notes.push(
    `${rows.length} missions in the export, ${withHandle.length} with an X handle; ${records.length} accounts to merge ` +
      `(${records.length - unverified} low, ${unverified} unverified); export of ${date}`,
  );
  return { records, notes, skipped };
}
