/**
 * `npm run dataset -- ids-seen <session-log.json>`: the numeric X ids observed in an exported session log (X's own
 * page data, see docs/identity.md) for dataset handles, set against what the dataset lists. For maintainers to add
 * after review: nothing is written.
 */
import type { Dataset } from '../../src/core/schema';

export interface SeenEncounter {
  handle?: unknown;
  account?: unknown;
  xId?: unknown;
  identity?: unknown;
  time?: unknown;
}

export interface IdSeen {
  account: string;
  handle: string;
  observed: string;
  listed: string | null;
  /** new: the dataset has no id (a candidate to add); same: it agrees; differs: review (renamed or recycled). */
  verdict: 'new' | 'same' | 'differs';
  times: number;
  lastSeen: string;
}

const ID = /^[1-9][0-9]{0,19}$/;

export function idsSeen(dataset: Dataset, log: unknown): IdSeen[] {
  const entries: SeenEncounter[] = Array.isArray(log) ? log : Array.isArray((log as { entries?: unknown })?.entries) ? (log as { entries: SeenEncounter[] }).entries : [];
  const byId = new Map(dataset.accounts.map((a) => [a.id, a]));
  const out = new Map<string, IdSeen>();
  for (const e of entries) {
    if (!e || typeof e.account !== 'string' || typeof e.xId !== 'string' || !ID.test(e.xId) || typeof e.handle !== 'string') continue;
    const account = byId.get(e.account);
    if (!account) continue;
    const key = `${account.id}|${e.handle.toLowerCase()}|${e.xId}`;
    const time = typeof e.time === 'string' ? e.time : '';
    const known = out.get(key);
    if (known) {
      known.times++;
      if (time > known.lastSeen) known.lastSeen = time;
      continue;
    }
    const listed = account.xId ?? null;
    out.set(key, {
      account: account.id,
      handle: e.handle,
      observed: e.xId,
      listed,
      verdict: listed === null ? 'new' : listed === e.xId ? 'same' : 'differs',
      times: 1,
      lastSeen: time,
    });
  }
  const order = { new: 0, differs: 1, same: 2 } as const;
  return [...out.values()].sort((a, b) => order[a.verdict] - order[b.verdict] || a.account.localeCompare(b.account));
}

export function formatIdsSeen(rows: readonly IdSeen[]): string {
  if (rows.length === 0) return 'No X ids observed for dataset accounts in this log (record with the session log on, then export it as JSON).';
  return rows
    .map((r) =>
      r.verdict === 'new' ? `new      ${r.account}: @${r.handle} has X id ${r.observed} (seen ${r.times}x) — add xId: "${r.observed}" after review`
      : r.verdict === 'differs' ? `differs  ${r.account}: lists ${r.listed}, @${r.handle} seen with ${r.observed} (seen ${r.times}x) — renamed or recycled? review`
      : `same     ${r.account}: ${r.observed}`,
    )
    .join('\n');
}
