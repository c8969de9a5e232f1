/**
 * Finds the user objects in one parsed response of X's GraphQL API and reads, for each, the four things Attaché
 * relies on (docs/identity.md): `rest_id`, the handle (`core.screen_name`, formerly `legacy.screen_name`), the
 * verification type (`verification.verified_type`, formerly `legacy.verified_type`) and the affiliation label
 * (`affiliates_highlighted_label.label.description`).
 *
 * Read only, bounded: at most MAX_DEPTH levels and MAX_NODES objects or arrays per response, at most MAX_USERS
 * users. Getters are never invoked on anything but plain data (the input comes from JSON.parse or from X's own
 * parsed response), and every property read is guarded: nothing here throws.
 */
import { X_ID_PATTERN } from '../core/x-id';
import { MAX_BATCH, MAX_LABEL, type VerificationCode, type WireRecord } from '../contract/page-world';

export const MAX_DEPTH = 40;
export const MAX_NODES = 60_000;
export const MAX_USERS = MAX_BATCH;

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(bag: Bag, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(bag, key) ? bag[key] : undefined;
}

function child(bag: unknown, key: string): unknown {
  return isBag(bag) ? own(bag, key) : undefined;
}

function verificationOf(user: Bag): VerificationCode {
  const type = child(own(user, 'verification'), 'verified_type') ?? child(own(user, 'legacy'), 'verified_type') ?? own(user, 'verified_type');
  return type === 'Government' ? 'g' : type === 'Business' ? 'b' : 'n';
}

function labelOf(user: Bag): string {
  const text = child(child(own(user, 'affiliates_highlighted_label'), 'label'), 'description');
  if (typeof text !== 'string') return '';
  const clean = text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/gu, ' ').trim();
  return clean.length > MAX_LABEL ? '' : clean;
}

/** One user object as X sends it, or null when it does not have the documented shape. */
export function readUser(value: Bag): WireRecord | null {
  if (own(value, '__typename') !== 'User') return null;
  const id = own(value, 'rest_id');
  if (typeof id !== 'string' || !X_ID_PATTERN.test(id)) return null;
  const handle = child(own(value, 'core'), 'screen_name') ?? child(own(value, 'legacy'), 'screen_name');
  if (typeof handle !== 'string' || !HANDLE.test(handle)) return null;
  return [id, handle, verificationOf(value), labelOf(value)];
}

export interface ExtractStats {
  nodes: number;
  users: number;
  /** The walk stopped at a bound (depth, nodes or users). */
  truncated: boolean;
}

/** Every user in a parsed response, first occurrence of each id. */
export function extractUsers(root: unknown): { users: WireRecord[]; stats: ExtractStats } {
  const users: WireRecord[] = [];
  const seen = new Set<string>();
  const stats: ExtractStats = { nodes: 0, users: 0, truncated: false };
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (++stats.nodes > MAX_NODES || depth > MAX_DEPTH) {
      stats.truncated = true;
      if (stats.nodes > MAX_NODES) break;
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], depth + 1]);
      continue;
    }
    const bag = value as Bag;
    const user = readUser(bag);
    if (user && !seen.has(user[0])) {
      seen.add(user[0]);
      users.push(user);
      if (users.length >= MAX_USERS) {
        stats.truncated = true;
        break;
      }
    }
    for (const key of Object.keys(bag)) {
      const next = bag[key];
      if (typeof next === 'object' && next !== null) stack.push([next, depth + 1]);
    }
  }
  stats.users = users.length;
  return { users, stats };
}

/** X's GraphQL API, where its web client gets timelines, profiles and user lists. */
export function isGraphqlUrl(url: string): boolean {
  return (
    /^https:\/\/(?:x|twitter|mobile\.x|mobile\.twitter)\.com\/i\/api\/graphql\//.test(url) ||
    /^https:\/\/api\.(?:x|twitter)\.com\/graphql\//.test(url) ||
    /^\/i\/api\/graphql\//.test(url)
  );
}
