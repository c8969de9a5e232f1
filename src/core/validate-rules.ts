/**
 * Cross-field and cross-entry rules of the dataset, on top of the per-field schema in ./schema.
 * Pure: the build (through parseDataset) and the maintainer tools run the same rules, so a dataset that passes
 * `npm run dataset -- validate` also builds. Every problem names where it is and says how to fix it.
 */
import type { Account, Notice, Source } from './schema';

export interface RuleEntry<T> {
  value: T;
  /** Path relative to the dataset folder. */
  file: string;
  /** Line and column of a path inside the entry (a missing key is reported at its parent). */
  at: (path: (string | number)[]) => { line: number; column: number };
}

export interface RuleProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Notice types that make a claim about what happened to or on an account: they must show more than one side. */
export const CONTESTED_NOTICE_TYPES: ReadonlySet<Notice['type']> = new Set(['disputed-activity', 'security-incident']);

/** Capacities that speak for the account or the platform (as opposed to reporting on them). */
const FIRST_HAND_CAPACITIES: ReadonlySet<string> = new Set(['account-holder', 'platform']);

const INSTITUTION_CATEGORIES: ReadonlySet<string> = new Set(['embassy', 'consulate', 'mission', 'ministry', 'agency', 'igo']);
const PERSON_CATEGORIES: ReadonlySet<string> = new Set([
  'diplomat',
  'spokesperson',
  'legislator',
  'igo-official',
  'state-media-staff',
]);
const TYPOLOGY_CATEGORIES: ReadonlySet<string> = new Set(['state-media', 'state-media-staff']);

/** Host of a URL without the usual mobile/AMP/www prefixes, for telling publishers apart. */
export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^(?:www\d?|m|amp|mobile)\./, '');
  } catch {
    return url;
  }
}

/** Publisher names as a set of normalised parts: "Taipei Times / Associated Press" -> {taipei times, associated press}. */
function publisherParts(publisher: string): Set<string> {
  return new Set(
    publisher
      .split(/\s*(?:\/|;|\bvia\b|\(|\))\s*/i)
      .map((p) => p.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim())
      .filter((p) => p.length > 0),
  );
}

/** Two sources are independent when they are on different sites and share no publisher (a wire story reprinted twice is one source). */
export function independentSources(a: Source, b: Source): boolean {
  if (sourceHost(a.url) === sourceHost(b.url)) return false;
  const pa = publisherParts(a.publisher);
  for (const p of publisherParts(b.publisher)) if (pa.has(p)) return false;
  return true;
}

/** The size of the largest set of mutually independent sources (greedy; source lists are short). */
export function countIndependentSources(sources: Source[]): number {
  const picked: Source[] = [];
  for (const s of sources) if (picked.every((p) => independentSources(p, s))) picked.push(s);
  return picked.length;
}

function normaliseUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return `${sourceHost(u.href)}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url;
  }
}

export function checkRules(accounts: RuleEntry<Account>[], notices: RuleEntry<Notice>[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const report = (entry: RuleEntry<unknown>, path: (string | number)[], message: string) => {
    const { line, column } = entry.at(path);
    problems.push({ file: entry.file, line, column, message });
  };

  const duplicateSources = (entry: RuleEntry<{ sources: Source[] }>, label: string) => {
    const seen = new Map<string, number>();
    entry.value.sources.forEach((s, i) => {
      const key = normaliseUrl(s.url);
      const first = seen.get(key);
      if (first !== undefined) {
        report(entry, ['sources', i, 'url'], `sources[${i}]: the same URL is already sources[${first}] of this ${label}; remove the duplicate or merge what it supports`);
      } else seen.set(key, i);
    });
  };

  for (const entry of accounts) {
    const a = entry.value;
    if (a.category === 'state-media' && a.kind !== 'outlet') {
      report(entry, ['kind'], `category "state-media" is for outlets, but kind is "${a.kind}": set kind: outlet, or use category state-media-staff for a journalist's account`);
    }
    if (INSTITUTION_CATEGORIES.has(a.category) && a.kind !== 'institution') {
      report(entry, ['kind'], `category "${a.category}" is for institutional accounts, but kind is "${a.kind}": set kind: institution, or choose a category for people (official, diplomat, minister, ...)`);
    }
    if (PERSON_CATEGORIES.has(a.category) && a.kind !== 'person') {
      report(entry, ['kind'], `category "${a.category}" is for people's accounts, but kind is "${a.kind}": set kind: person, or choose an institutional category (embassy, ministry, government-office, ...)`);
    }
    if (a.typology && !TYPOLOGY_CATEGORIES.has(a.category)) {
      report(entry, ['typology'], `typology is the State Media Monitor code of a state-media outlet, but category is "${a.category}": remove typology, or set category: state-media`);
    }
    duplicateSources(entry, 'account');
  }

  for (const entry of notices) {
    const n = entry.value;
    const seenAccounts = new Set<string>();
    n.accounts.forEach((id, i) => {
      if (seenAccounts.has(id)) report(entry, ['accounts', i], `account "${id}" is listed twice in this notice; remove the repeat`);
      seenAccounts.add(id);
    });
    if (n.status.asOf < n.date.slice(0, n.status.asOf.length)) {
      report(entry, ['status', 'asOf'], `status.asOf (${n.status.asOf}) is before the notice date (${n.date}): a status can only be assessed after the event; correct one of the dates`);
    }
    n.statements.forEach((s, i) => {
      if (s.date && s.date < n.date.slice(0, s.date.length)) {
        report(entry, ['statements', i, 'date'], `statements[${i}].date (${s.date}) is before the notice date (${n.date}); correct the date, or move the notice date to when the events began`);
      }
    });
    duplicateSources(entry, 'notice');
    const listed = new Set(n.sources.map((s) => normaliseUrl(s.url)));
    n.statements.forEach((s, i) => {
      if (s.source && !listed.has(normaliseUrl(s.source))) {
        report(entry, ['statements', i, 'source'], `statements[${i}].source is not among the notice's sources: add it to "sources" with its title, publisher and date`);
      }
    });

    if (CONTESTED_NOTICE_TYPES.has(n.type)) {
      const independent = countIndependentSources(n.sources);
      if (independent < 2) {
        const seen = n.sources.map((s) => `${s.publisher} (${sourceHost(s.url)})`).join(', ');
        report(entry, ['sources'], `a ${n.type} notice needs at least two independent sources (different publishers on different sites; a reprinted wire story counts once); found ${independent}: ${seen}. Add a report from another outlet`);
      }
      const capacities = new Set(n.statements.map((s) => s.capacity));
      const firstHand = [...capacities].some((c) => FIRST_HAND_CAPACITIES.has(c));
      if (capacities.size < 2 || !firstHand) {
        const have = capacities.size ? [...capacities].join(', ') : 'none';
        report(entry, ['statements'], `a ${n.type} notice must give more than one side: statements from at least two capacities, one of them account-holder or platform (have: ${have}). If a side did not comment, record that as its statement (e.g. "Declined to comment") with the source that says so`);
      }
    }
  }
  return problems;
}
