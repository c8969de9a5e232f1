import { describe, expect, it } from 'vitest';
import { formatIdsSeen, idsSeen } from './ids-seen';
import type { Dataset } from '../../src/core/schema';

const dataset = {
  meta: { version: '1', released: '2026-01-01' },
  accounts: [
    { id: 'a', handle: 'Alpha', xId: '111' },
    { id: 'b', handle: 'Beta' },
  ],
  notices: [],
} as unknown as Dataset;

describe('ids-seen', () => {
  it('lists new ids for entries without one, differing ids for review, and agreeing ones, from a session log', () => {
    const log = [
      { time: '2026-01-02T00:00:00Z', handle: 'beta', account: 'b', xId: '222', identity: 'handle-only' },
      { time: '2026-01-03T00:00:00Z', handle: 'beta', account: 'b', xId: '222', identity: 'handle-only' },
      { time: '2026-01-02T00:00:00Z', handle: 'alpha', account: 'a', xId: '999', identity: 'recycled' },
      { time: '2026-01-02T00:00:00Z', handle: 'alpha', account: 'a', xId: '111', identity: 'id' },
      { handle: 'alpha', account: 'a' },
      { handle: 'x', account: 'custom:x', xId: '5' },
      { handle: 'beta', account: 'b', xId: '0bad' },
      null,
    ];
    const rows = idsSeen(dataset, { entries: log });
    expect(rows.map((r) => [r.verdict, r.account, r.observed, r.times])).toEqual([
      ['new', 'b', '222', 2],
      ['differs', 'a', '999', 1],
      ['same', 'a', '111', 1],
    ]);
    expect(formatIdsSeen(rows)).toContain('add xId: "222" after review');
    expect(idsSeen(dataset, 'nonsense')).toEqual([]);
  });
});
