/**
 * Identity by numeric X id: what a handle seen on the page means once X's own data (the page-world reader, see
 * docs/identity.md) says which account holds it. Pure: no DOM, no browser APIs.
 *
 * The page's data is untrusted input. It can confirm an entry, move an entry's badge to the handle the entry's
 * account uses now, or withdraw a badge; it never makes a badge for an account the dataset does not have, and never
 * changes what the dataset says.
 */
import type { Account } from './schema';
import type { AccountSummary, Match } from './summary';

/** X's verification type as its API reports it (`verified_type`), folded to what Attaché shows. */
export const X_VERIFICATION = ['government', 'business', 'none'] as const;
export type XVerification = (typeof X_VERIFICATION)[number];

/** What X's page says about one account: primitives only (see src/contract/page-world.ts). */
export interface Observation {
  /** Numeric X id, decimal. */
  id: string;
  /** The handle X shows for the account now. */
  handle: string;
  verification: XVerification;
  /** Affiliation label text as X shows it ("Government of X"), or ''. */
  label: string;
}

/**
 * How a handle on the page was matched to a dataset entry.
 * - `id`: the page says the handle's account has the entry's id, and it is the entry's listed handle.
 * - `renamed`: the entry's account (by id) uses another handle now than the dataset lists.
 * - `recycled`: the entry's listed handle now belongs to an account with another id: no official badge.
 * - `pending`: the entry has an id, the page has not said yet which account holds the handle: badge by handle.
 * - `handle-only`: the entry has no id: badge by handle.
 */
export type IdentityStatus = 'id' | 'renamed' | 'recycled' | 'pending' | 'handle-only';

export interface Identity {
  status: IdentityStatus;
  /** The dataset entry (for `recycled`: the entry whose handle was taken, named in the warning). */
  match: Match;
  /** The handle as the page shows it now. */
  handle: string;
  /** What the page said about the account holding `handle`, when it said anything. */
  observed?: Observation;
}

/** Where the page's observations are kept (the isolated world's store, see ObservationStore). */
export interface Observations {
  byHandle(handle: string): Observation | undefined;
}

export interface IdentityIndex {
  byHandle(handle: string): Match | null;
  byXId(xId: string): Match | null;
}

/**
 * The matching table. `handle` is read from the page's links (never from display text); `seen` holds what X's own
 * responses said. Returns null when the handle is not a dataset account's (whatever the page says about it).
 */
export function identify(index: IdentityIndex, handle: string, seen: Observations | null): Identity | null {
  const byHandle = index.byHandle(handle);
  const observed = seen?.byHandle(handle);
  if (observed) {
    const byId = index.byXId(observed.id);
    if (byId) {
      const listed = byId.account.handle.toLowerCase() === handle.toLowerCase();
      return { status: listed ? 'id' : 'renamed', match: byId, handle, observed };
    }
    if (!byHandle) return null;
    // The entry lists an id, and the account holding its handle now has another one.
    if (byHandle.account.xId) return { status: 'recycled', match: byHandle, handle, observed };
    return { status: 'handle-only', match: byHandle, handle, observed };
  }
  if (!byHandle) return null;
  return { status: byHandle.account.xId ? 'pending' : 'handle-only', match: byHandle, handle };
}

/**
 * The optional layer "X government accounts not in the dataset": what X's page says about a handle the dataset does
 * not have, when X marks that account as government. The only case where X's data alone makes a mark, and that mark
 * claims nothing beyond X's own (docs/identity.md): callers check first that no dataset entry (by handle or by the
 * observed id) and no custom list has the account. Returns null otherwise.
 */
export function unlistedGovernment(index: IdentityIndex, handle: string, seen: Observations | null): Observation | null {
  const observed = seen?.byHandle(handle);
  if (!observed || observed.verification !== 'government') return null;
  if (index.byHandle(handle) || index.byXId(observed.id)) return null;
  return observed;
}

/** Whether the identity earns the official badge (everything but a recycled handle). */
export function isOfficial(identity: Identity): boolean {
  return identity.status !== 'recycled';
}

/** Dataset categories whose institutions X marks with its grey (government) check. */
const GOVERNMENT_INSTITUTIONS: ReadonlySet<Account['category']> = new Set([
  'ministry',
  'government-office',
  'agency',
  'military',
  'embassy',
  'consulate',
  'mission',
]);

/** Categories for which a government check on X is expected or plausible (people in office included). */
const GOVERNMENT_CATEGORIES: ReadonlySet<Account['category']> = new Set([
  ...GOVERNMENT_INSTITUTIONS,
  'head-of-state',
  'head-of-government',
  'minister',
  'official',
  'spokesperson',
  'diplomat',
  'legislator',
]);

/**
 * When X's verification and the dataset disagree:
 * - `x-government-not-listed`: X marks the account as government, the dataset lists it as something else (state
 *   media, an international organisation...);
 * - `listed-government-not-on-x`: the dataset lists a government institution that X shows without its check.
 */
export type Disagreement = 'x-government-not-listed' | 'listed-government-not-on-x';

export function disagreement(account: Pick<AccountSummary, 'kind' | 'category'>, observed: Observation): Disagreement | null {
  if (observed.verification === 'government') {
    return GOVERNMENT_CATEGORIES.has(account.category) ? null : 'x-government-not-listed';
  }
  if (account.kind === 'institution' && GOVERNMENT_INSTITUTIONS.has(account.category)) return 'listed-government-not-on-x';
  return null;
}

/**
 * The isolated world's store of observations, bounded: at most `limit` accounts (the oldest are forgotten first).
 * Keyed by id; the handle map follows the latest handle seen for each id, so a rename moves the handle.
 */
export class ObservationStore implements Observations {
  private readonly byId = new Map<string, Observation>();
  private readonly handles = new Map<string, string>();

  constructor(private readonly limit = 5000) {}

  get size(): number {
    return this.byId.size;
  }

  byHandle(handle: string): Observation | undefined {
    const id = this.handles.get(handle.toLowerCase());
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Records one observation; returns whether anything changed (a new id, handle, verification or label). */
  add(next: Observation): boolean {
    const before = this.byId.get(next.id);
    const key = next.handle.toLowerCase();
    if (
      before &&
      before.handle === next.handle &&
      before.verification === next.verification &&
      before.label === next.label &&
      this.handles.get(key) === next.id
    ) {
      return false;
    }
    if (before && before.handle.toLowerCase() !== key && this.handles.get(before.handle.toLowerCase()) === next.id) {
      this.handles.delete(before.handle.toLowerCase());
    }
    this.byId.delete(next.id);
    this.byId.set(next.id, next);
    this.handles.set(key, next.id);
    while (this.byId.size > this.limit) {
      const oldest = this.byId.keys().next().value as string;
      const dropped = this.byId.get(oldest)!;
      this.byId.delete(oldest);
      if (this.handles.get(dropped.handle.toLowerCase()) === oldest) this.handles.delete(dropped.handle.toLowerCase());
    }
    return true;
  }
}
