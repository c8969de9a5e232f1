/**
 * The channel from Attaché's page-world reader (src/page-world, which runs in x.com's own JavaScript world) to the
 * content script (the isolated world, which renders). See docs/identity.md.
 *
 * Everything on it is untrusted: any script of the page can dispatch these events. A batch is one string (a JSON
 * array of four-item tuples of primitives), validated here with the project's schema library; whatever fails is
 * dropped whole. What passes can only confirm or contradict a dataset entry (src/core/identity.ts).
 */
import * as v from 'valibot';
import { X_ID_PATTERN } from '../core/x-id';
import type { Observation, XVerification } from '../core/identity';

/** Page world -> isolated world: `detail` is the batch string. */
export const USERS_EVENT = 'attache:x-users';
/** Isolated world -> page world (no detail): send everything you hold again (the content script starts later). */
export const RESEND_EVENT = 'attache:x-users-resend';

/** At most this many accounts per batch, and this many characters per batch string. */
export const MAX_BATCH = 500;
export const MAX_BATCH_CHARS = 200_000;
export const MAX_LABEL = 80;

/** Verification type on the wire: g(overnment), b(usiness), n(one). */
const CODES = { g: 'government', b: 'business', n: 'none' } as const satisfies Record<string, XVerification>;
export type VerificationCode = keyof typeof CODES;

export type WireRecord = [id: string, handle: string, verification: VerificationCode, label: string];

const Handle = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_]{1,15}$/));
const Label = v.pipe(
  v.string(),
  v.maxLength(MAX_LABEL),
  // Text as X shows it, one line: no control characters, no bidi overrides (the card renders it as text anyway).
  v.regex(/^[^\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]*$/u),
);
const Record = v.strictTuple([v.pipe(v.string(), v.regex(X_ID_PATTERN)), Handle, v.picklist(['g', 'b', 'n']), Label]);
const Batch = v.pipe(v.array(v.unknown()), v.maxLength(MAX_BATCH));

export function encodeBatch(records: readonly WireRecord[]): string {
  return JSON.stringify(records.slice(0, MAX_BATCH));
}

/**
 * Reads one event's detail. Records that fail validation are dropped one by one and counted; a detail that is not a
 * string, too long, not JSON or not an array is rejected whole.
 */
export function decodeBatch(detail: unknown): { observations: Observation[]; rejected: number } {
  if (typeof detail !== 'string' || detail.length > MAX_BATCH_CHARS) return { observations: [], rejected: 1 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return { observations: [], rejected: 1 };
  }
  const batch = v.safeParse(Batch, parsed);
  if (!batch.success) return { observations: [], rejected: 1 };
  const observations: Observation[] = [];
  let rejected = 0;
  for (const item of batch.output) {
    const record = v.safeParse(Record, item);
    if (!record.success) {
      rejected++;
      continue;
    }
    const [id, handle, code, label] = record.output;
    observations.push({ id, handle, verification: CODES[code], label: label.trim() });
  }
  return { observations, rejected };
}
