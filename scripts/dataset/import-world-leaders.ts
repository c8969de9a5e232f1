/**
 * `import world-leaders <world-leaders-social-media.csv>`: the 2014 list of heads of state and government on social
 * media of pablobarbera/world-leaders-isq (Barberá & Zeitzoff, "The New Public Address System", ISQ; accounts as of
 * 1 January 2014). No licence file: the rows are leads, and every imported entry is at most `unverified`.
 *
 * Institutional accounts (`Twitter_institution`) become `government-office` institutions. Personal accounts are of
 * 2014 leaders, most of whom have left office, and the list gives no end dates: they are only merged into an
 * existing hand-curated entry for the same person (same X id or handle, and a matching name), which gets the numeric
 * id and this source; otherwise they are skipped. Known wrong rows are caught by rules where a rule can catch them
 * (a handle that names another state and not its own: Uzbekistan -> Uruguay's presidency, Pakistan -> Oman's portal;
 * service and portal accounts: Canada -> Service Canada) and by a short list where none can (a party's account).
 */
import { readFileSync } from 'node:fs';
import countries from 'i18n-iso-countries';
import Papa from 'papaparse';
import { HANDLE_PATTERN, X_ID_PATTERN, type Source } from '../../src/core/schema';
import { countryCodeForName } from './countries';
import { SkipLog, slug, snapshotDate, type ListImport } from './import-common';
import { namesState, otherStatesNamed, stateName } from './state-names';
import type { AccountRecord, ImporterSpec } from './store';

export const WORLD_LEADERS_URL = 'https://github.com/pablobarbera/world-leaders-isq';
export const WORLD_LEADERS_FILE = 'accounts/world-leaders-2014.yaml';
const ID_PREFIX = 'wl2014-';

export const worldLeadersSpec: ImporterSpec = {
  name: 'import world-leaders',
  ownsEntry: (id) => id.startsWith(ID_PREFIX),
  ownsSource: (s) => s.url === WORLD_LEADERS_URL,
  sortedFiles: [WORLD_LEADERS_FILE],
  reportStale: true,
};

/** Rows no rule can catch, with the reason (checked by handle, case-insensitively). */
export const KNOWN_WRONG: Record<string, string> = {
  vmro_dpmne: "a political party's account (VMRO-DPMNE), not the government's",
  uriminzok: "the account of Uriminzokkiri, a propaganda website, not of a government office",
  hukoomiqatar: "the account of Hukoomi, Qatar's e-government portal, not of a government office",
};

/** Service-delivery and portal accounts are not the office of a head of state or government. */
const SERVICE_OR_PORTAL = /service|portal|(?:^|_)e-?gov/i;
/** A ministry's account ("MindeGobierno": Ministerio de Gobierno) is not the office of the head either. */
const MINISTRY = /^min(?:isterio|istry|istere)?_?(?:de|of|du)(?![a-z]*(?:pres|prim))/i;

interface Row {
  iso3c?: string;
  State?: string;
  Name?: string;
  Type?: string;
  Twitter_personal?: string;
  Twitter_institution?: string;
  Twitter_personal_id?: string;
  Twitter_institution_id?: string;
}

const cell = (v: string | undefined) => {
  const t = (v ?? '').trim();
  return t === 'NA' ? '' : t;
};

/** Name words for comparing a row's leader with a dataset entry ("Barack Obama" ~ "Barack Hussein Obama"). */
export function nameWords(name: string): Set<string> {
  return new Set(
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 3 && !['sheikh', 'prince', 'king', 'sultan', 'cardinal', 'bin', 'the', 'al'].includes(w)),
  );
}

/** Why a handle of this row is wrong, or null. */
export function wrongRowReason(handle: string, iso: string, institutional: boolean): string | null {
  const known = KNOWN_WRONG[handle.toLowerCase()];
  if (known) return `known wrong row: ${known}`;
  if (institutional) {
    const others = otherStatesNamed(handle, iso);
    if (others.length && !namesState(handle, iso)) return `the handle names another state (${others.map((o) => stateName(o).replace(/^the /, '')).join(', ')}), not ${stateName(iso)}`;
  }
  if (SERVICE_OR_PORTAL.test(handle)) return 'a public-service or portal account, not the office of the head of state or government';
  if (MINISTRY.test(handle)) return "a ministry's account, not the office of the head of state or government";
  return null;
}

export function importWorldLeaders(path: string, options: { date?: string; commit?: string } = {}): ListImport {
  const { date, commit } = snapshotDate('world-leaders', path, options.date, options.commit);
  const parsed = Papa.parse<Row>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, dynamicTyping: false });
  if (parsed.errors.length) {
    const e = parsed.errors[0]!;
    throw new Error(`world-leaders CSV: ${e.message}${e.row !== undefined ? ` (row ${e.row + 2})` : ''}`);
  }
  const skipped = new SkipLog();
  const records: AccountRecord[] = [];
  const seen = new Set<string>();
  const title = `world-leaders-isq: data/world-leaders-social-media.csv${commit ? ` (commit ${commit.slice(0, 8)})` : ''}`;
  let withoutTwitter = 0;
  for (const row of parsed.data) {
    const state = cell(row.State);
    const iso = countries.alpha3ToAlpha2(cell(row.iso3c)) ?? countryCodeForName(state);
    const leader = cell(row.Name);
    const type = cell(row.Type).replace(new RegExp(` of ${state}$`), '');
    const personal = cell(row.Twitter_personal).replace(/^@/, '');
    const institution = cell(row.Twitter_institution).replace(/^@/, '');
    if (!personal && !institution) {
      withoutTwitter++;
      continue;
    }
    for (const [handle, rawId, institutional] of [
      [institution, cell(row.Twitter_institution_id), true],
      [personal, cell(row.Twitter_personal_id), false],
    ] as const) {
      if (!handle) continue;
      const where = `@${handle} (${state}, ${institutional ? 'institutional' : 'personal'})`;
      if (!iso) {
        skipped.add('unknown country', where);
        continue;
      }
      if (!HANDLE_PATTERN.test(handle)) {
        skipped.add('not a valid X handle', where);
        continue;
      }
      if (seen.has(handle.toLowerCase())) {
        skipped.add('handle listed twice', where);
        continue;
      }
      seen.add(handle.toLowerCase());
      const wrong = wrongRowReason(handle, iso, institutional);
      if (wrong) {
        skipped.add(wrong, where);
        continue;
      }
      const xId = X_ID_PATTERN.test(rawId) ? rawId : undefined;
      const office = `${type} of ${stateName(iso)}`;
      const source: Source = {
        url: WORLD_LEADERS_URL,
        title,
        publisher: 'Barberá and Zeitzoff, world-leaders-isq (research dataset)',
        date,
        supports: institutional
          ? `Lists @${handle}${xId ? ` (X id ${xId})` : ''} as the institutional account of the ${office} (then ${leader}), as of 1 January 2014.`
          : `Lists @${handle}${xId ? ` (X id ${xId})` : ''} as the personal account of ${leader}, ${office}, as of 1 January 2014.`,
      };
      if (institutional) {
        records.push({
          id: `${ID_PREFIX}${slug(handle)}`,
          handle,
          ...(xId ? { xId } : {}),
          fields: { name: `Institutional account of the ${office}`, kind: 'institution', category: 'government-office', country: iso },
          initialFields: {
            confidence: 'unverified',
            note: `Listed in January 2014 as the institutional account of the ${office} (${leader}). The list has known wrong rows and may be out of date: check who runs the account now.`,
          },
          sources: [source],
          file: WORLD_LEADERS_FILE,
        });
      } else {
        const words = nameWords(leader);
        records.push({
          id: `${ID_PREFIX}${slug(handle)}`,
          handle,
          ...(xId ? { xId } : {}),
          fields: { name: leader, kind: 'person', category: /president|king|sultan|captain regent|emir/i.test(type) && !/council|government|governorate/i.test(type) ? 'head-of-state' : 'head-of-government', country: iso },
          sources: [source],
          file: WORLD_LEADERS_FILE,
          mergeOnly: {
            reason: 'personal account of a 2014 leader: needs a second source for the current role',
            accept: (entry) => {
              if (entry.kind !== 'person') return `the entry is a ${String(entry.kind)}, not a person's account`;
              const theirs = nameWords(String(entry.name ?? ''));
              return [...words].some((w) => theirs.has(w)) ? null : `the entry's name "${String(entry.name)}" does not match the list's leader "${leader}"`;
            },
          },
        });
      }
    }
  }
  const notes = [
    `${parsed.data.length} countries; ${withoutTwitter} without an X account; ${records.filter((r) => !r.mergeOnly).length} institutional accounts to merge, ` +
      `${records.filter((r) => r.mergeOnly).length} personal accounts to merge only into existing entries; list as of 2014-01-01 (file of ${date})`,
  ];
  return { records, notes, skipped };
}
