/**
 * The one schema of Attaché's dataset. Maintainers edit YAML files under `dataset/`; the build, the extension and the
 * Node maintainer tools all validate against these definitions. Pure TypeScript: no DOM, no browser APIs.
 */
import * as v from 'valibot';
import { isCountryCode } from './countries';

/** X handles are 1-15 of A-Za-z0-9_ (very old accounts may be longer; we accept up to 20 when parsing pages). */
export const HANDLE_PATTERN = /^[A-Za-z0-9_]{1,15}$/;
/** Numeric X ids exceed 2^53: always decimal strings, never numbers. */
export const X_ID_PATTERN = /^[1-9][0-9]{0,19}$/;
/** Stable dataset ids: lower-case slugs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Dates may be partial when a source gives only a month or a year: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isValidPartialDate(value: string): boolean {
  const m = PARTIAL_DATE_PATTERN.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** Compares partial dates by their earliest possible day ("2010" < "2010-03"). */
export function comparePartialDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isHttpsUrl(value: string): boolean {
  // Most values that fail fail here, without the cost of a thrown TypeError (the content script asks at start-up).
  if (typeof value !== 'string' || !/^https:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const KINDS = ['person', 'institution', 'outlet'] as const;

export const CATEGORIES = [
  'head-of-state',
  'head-of-government',
  'minister',
  'official',
  'spokesperson',
  'diplomat',
  'embassy',
  'ministry',
  'government-office',
  'agency',
  'military',
  'legislator',
  'igo',
  'igo-official',
  'state-media',
  'state-media-staff',
  // Appended, never inserted: the compiled index stores a category by its position in this list.
  /** A consulate or consulate general (a high commission or embassy is `embassy`). */
  'consulate',
  /** A permanent mission or delegation to an international organisation (UN, EU, NATO, OSCE...). */
  'mission',
] as const;

export const CONFIDENCE = ['high', 'medium', 'low', 'unverified'] as const;

export const NOTICE_TYPES = [
  'disputed-activity',
  'security-incident',
  'label-history',
  'suspension',
  'impersonation',
  'rename',
] as const;

export const NOTICE_STATUSES = ['disputed', 'confirmed', 'unresolved', 'resolved', 'retracted'] as const;

export const STATEMENT_CAPACITIES = ['reporting-outlet', 'account-holder', 'platform', 'third-party'] as const;

/** State Media Monitor typology codes (State-controlled, Captured public, Captured private, ...). */
export const STATE_MEDIA_TYPOLOGIES = ['SC', 'CaPu', 'CaPr', 'ISFM', 'ISF', 'ISM', 'IP'] as const;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max));

export const Handle = v.pipe(
  v.string(),
  v.regex(HANDLE_PATTERN, 'must be 1-15 characters of A-Z, a-z, 0-9 or _ (no @)'),
);

export const XId = v.pipe(
  v.string('must be a quoted decimal string (numeric X ids exceed 2^53 and lose digits as numbers)'),
  v.regex(X_ID_PATTERN, 'must be a decimal string of up to 20 digits'),
);

export const Slug = v.pipe(v.string(), v.regex(SLUG_PATTERN, 'must be a lower-case slug like "liu-xiaoming"'));

export const PartialDate = v.pipe(
  v.string('must be a quoted date string YYYY, YYYY-MM or YYYY-MM-DD'),
  v.check(isValidPartialDate, 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD'),
);

export const HttpsUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check(isHttpsUrl, 'must be an https:// URL'),
);

export const CountryCode = v.pipe(
  v.string(),
  v.check(isCountryCode, 'must be an ISO 3166-1 alpha-2 code (e.g. CN, GB, US), or EU, UN, INT for international bodies'),
);

export const Source = v.strictObject({
  url: HttpsUrl,
  title: text(300),
  publisher: text(120),
  date: v.optional(PartialDate),
  /** What the source supports, in the maintainer's words (optional). */
  supports: v.optional(text(500)),
});
export type Source = v.InferOutput<typeof Source>;

export const Role = v.pipe(
  v.strictObject({
    title: text(200),
    from: v.optional(PartialDate),
    to: v.optional(PartialDate),
  }),
  v.check(
    (r) => !r.from || !r.to || comparePartialDates(r.from, r.to) <= 0,
    '"from" must not be after "to"',
  ),
);
export type Role = v.InferOutput<typeof Role>;

/** Names in other languages, keyed by BCP 47 language tag (e.g. zh, zh-Hans, ar, ru). */
export const LocalisedNames = v.record(
  v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like zh or zh-Hans')),
  text(200),
);

export const Account = v.strictObject({
  id: Slug,
  handle: Handle,
  xId: v.optional(XId),
  formerHandles: v.optional(v.array(Handle)),
  name: text(200),
  names: v.optional(LocalisedNames),
  kind: v.picklist(KINDS),
  category: v.picklist(CATEGORIES),
  country: CountryCode,
  /** For state media: the State Media Monitor typology of the outlet. */
  typology: v.optional(v.picklist(STATE_MEDIA_TYPOLOGIES)),
  roles: v.optional(v.array(Role)),
  confidence: v.optional(v.picklist(CONFIDENCE)),
  /** Wikidata item of the person, institution or outlet (Q-id). */
  wikidata: v.optional(v.pipe(v.string(), v.regex(/^Q[1-9][0-9]*$/, 'must be a Wikidata Q-id like Q123'))),
  note: v.optional(text(1000)),
  sources: v.pipe(v.array(Source), v.minLength(1, 'every account needs at least one source')),
});
export type Account = v.InferOutput<typeof Account>;

export const Statement = v.strictObject({
  by: text(200),
  capacity: v.picklist(STATEMENT_CAPACITIES),
  date: v.optional(PartialDate),
  /** A neutral paraphrase; quote only short phrases. */
  text: text(2000),
  source: v.optional(HttpsUrl),
});
export type Statement = v.InferOutput<typeof Statement>;

export const Notice = v.strictObject({
  id: Slug,
  accounts: v.pipe(v.array(Slug), v.minLength(1, 'a notice concerns at least one account')),
  type: v.picklist(NOTICE_TYPES),
  date: PartialDate,
  title: text(200),
  summary: text(2000),
  statements: v.array(Statement),
  status: v.strictObject({
    value: v.picklist(NOTICE_STATUSES),
    asOf: PartialDate,
  }),
  sources: v.pipe(v.array(Source), v.minLength(1, 'every notice needs at least one source')),
});
export type Notice = v.InferOutput<typeof Notice>;

export const Attribution = v.strictObject({
  name: text(200),
  url: v.optional(HttpsUrl),
  licence: text(100),
  note: v.optional(text(500)),
});

export const DatasetMeta = v.strictObject({
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version like 1.0.0')),
  released: PartialDate,
  licence: text(100),
  attribution: v.array(Attribution),
});
export type DatasetMeta = v.InferOutput<typeof DatasetMeta>;

export const AccountFile = v.array(Account);
export const NoticeFile = v.array(Notice);

export interface Dataset {
  meta: DatasetMeta;
  accounts: Account[];
  notices: Notice[];
}
