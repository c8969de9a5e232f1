/**
 * `import mfa-twitter <accounts.csv>`: foreign-ministry accounts with numeric X ids from a downloaded copy of
 * `refs/accounts.csv` of jsks/mfa-twitter ("Ministries of foreign affairs on Twitter", 2020-2021). The repository has
 * no licence file, so its rows are taken as facts to cite (with the repository URL and the file's date), and the
 * file is never copied into this repository.
 *
 * Mapping (see docs/dataset-sources.md): `mfa` -> the ministry (`ministry`, institution, `low`); `spokesperson` ->
 * the ministry's spokesperson account (institution; the list names no holder); `mfa/news` -> skipped (a news or
 * public-diplomacy feed, not the ministry's own account); `foreign_minister` -> merged only into an existing entry
 * (the list gives no name, and a role it shows as open in 2021 cannot be stated as current). Country names are read
 * with typo correction ("Saudia Arabia", "Ecaudor"), reported. Handles may have changed since: the ids are what stays,
 * and the merge engine matches on them first.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { HANDLE_PATTERN, isValidPartialDate, X_ID_PATTERN, type Source } from '../../src/core/schema';
import { closestCountry, countryCodeForName } from './countries';
import { editDistance, SkipLog, snapshotDate, type ListImport } from './import-common';
import { stateName } from './state-names';
import type { AccountRecord, ImporterSpec } from './store';

export const MFA_TWITTER_URL = 'https://github.com/jsks/mfa-twitter';
export const MFA_TWITTER_FILE = 'accounts/mfa-twitter.yaml';
const ID_PREFIX = 'mfatw-';

export const mfaTwitterSpec: ImporterSpec = {
  name: 'import mfa-twitter',
  ownsEntry: (id) => id.startsWith(ID_PREFIX),
  ownsSource: (s) => s.url === MFA_TWITTER_URL,
  sortedFiles: [MFA_TWITTER_FILE],
  reportStale: true,
};

interface Row {
  user_id?: string;
  screen_name?: string;
  country?: string;
  valid_from?: string;
  valid_to?: string;
  account_type?: string;
}

/** ISO code for the list's country name, correcting a typo when exactly one country is within two edits. */
export function resolveListCountry(name: string): { code: string; corrected?: string } | null {
  const direct = countryCodeForName(name);
  if (direct) return { code: direct };
  const close = closestCountry(name, editDistance);
  return close ? { code: close.code, corrected: close.name } : null;
}

export function importMfaTwitter(path: string, options: { date?: string; commit?: string } = {}): ListImport {
  const { date, commit } = snapshotDate('mfa-twitter', path, options.date, options.commit);
  // Every cell stays a string, so 19-digit ids keep every digit.
  const parsed = Papa.parse<Row>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, dynamicTyping: false });
  if (parsed.errors.length) {
    const e = parsed.errors[0]!;
    throw new Error(`mfa-twitter CSV: ${e.message}${e.row !== undefined ? ` (row ${e.row + 2})` : ''}`);
  }
  const skipped = new SkipLog();
  const notes: string[] = [];
  const records: AccountRecord[] = [];
  const corrections = new Map<string, string>();
  const title = `Ministries of foreign affairs on Twitter: refs/accounts.csv${commit ? ` (commit ${commit.slice(0, 8)})` : ''}`;
  parsed.data.forEach((row, i) => {
    const handle = (row.screen_name ?? '').trim().replace(/^@/, '');
    const xId = (row.user_id ?? '').trim();
    const type = (row.account_type ?? '').trim();
    const where = `@${handle || '?'} (row ${i + 2}, ${row.country ?? ''}, ${type})`;
    if (!HANDLE_PATTERN.test(handle)) return skipped.add('not a valid X handle', where);
    if (!X_ID_PATTERN.test(xId)) return skipped.add('no valid numeric X id', where);
    const country = resolveListCountry((row.country ?? '').trim());
    if (!country) return skipped.add('unknown country name', where);
    if (country.corrected) corrections.set(row.country!.trim(), country.code);
    const state = stateName(country.code);
    const from = (row.valid_from ?? '').trim();
    const to = (row.valid_to ?? '').trim();
    const dated = [from && isValidPartialDate(from) ? `from ${from}` : '', to && isValidPartialDate(to) ? `to ${to}` : ''].filter(Boolean).join(' ');
    const source = (what: string): Source => ({
      url: MFA_TWITTER_URL,
      title,
      publisher: 'jsks/mfa-twitter (research dataset)',
      date,
      supports: `Lists @${handle} (X id ${xId}) as ${what} (account type ${type}).`,
    });
    const base = { id: `${ID_PREFIX}${xId}`, handle, xId, file: MFA_TWITTER_FILE };
    if (type === 'mfa') {
      records.push({
        ...base,
        fields: { name: `Foreign ministry of ${state}`, kind: 'institution', category: 'ministry', country: country.code },
        initialFields: { confidence: 'low', note: `Foreign-ministry account as listed in 2020-2021; the handle may have changed since (the numeric id identifies the account).` },
        sources: [source(`the foreign ministry's account, ${row.country!.trim()}`)],
      });
    } else if (type === 'spokesperson') {
      if (from || to) {
        records.push({
          ...base,
          fields: { name: `Foreign-ministry spokesperson of ${state}`, kind: 'person', category: 'spokesperson', country: country.code },
          sources: [source(`a foreign-ministry spokesperson of ${row.country!.trim()} ${dated}`)],
          mergeOnly: { reason: 'personal account of a foreign-ministry spokesperson (the list gives no name): needs a hand-curated entry', accept: acceptPerson },
        });
        return;
      }
      records.push({
        ...base,
        fields: { name: `Foreign ministry of ${state}: spokesperson's account`, kind: 'institution', category: 'ministry', country: country.code },
        initialFields: { confidence: 'low', note: "Listed in 2020-2021 as the foreign ministry's spokesperson account, with no holder or dates: taken as the office's account." },
        sources: [source(`the foreign-ministry spokesperson account of ${row.country!.trim()}`)],
      });
    } else if (type === 'foreign_minister') {
      records.push({
        ...base,
        fields: { name: `Foreign minister of ${state}`, kind: 'person', category: 'minister', country: country.code },
        sources: [source(`the account of the foreign minister of ${row.country!.trim()}${dated ? ` ${dated}` : ''}`)],
        mergeOnly: {
          reason: `foreign minister's account (${dated || 'no dates'}; the list gives no name, and a role it shows as open in 2021 cannot be stated as current): needs a hand-curated entry`,
          accept: acceptPerson,
        },
      });
    } else if (type === 'mfa/news') {
      skipped.add("news account (mfa/news): a news or public-diplomacy feed, not the ministry's own account, and the list does not say who runs it", where);
    } else {
      skipped.add(`unknown account type "${type}"`, where);
    }
  });
  if (corrections.size) notes.push(`corrected country names: ${[...corrections].map(([n, c]) => `"${n}" -> ${c}`).join(', ')}`);
  notes.unshift(`${parsed.data.length} rows; ${records.length} accounts to merge (${records.filter((r) => r.mergeOnly).length} only into existing entries); file of ${date}`);
  return { records, notes, skipped };
}

/** A minister's or spokesperson's row only merges into a personal entry (never into an institution's). */
function acceptPerson(entry: Record<string, unknown>): string | null {
  return entry.kind === 'person' ? null : `the entry is a ${String(entry.kind)}, not a person's account`;
}
