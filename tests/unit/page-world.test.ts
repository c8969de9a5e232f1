import { describe, expect, it } from 'vitest';
import { extractUsers, isGraphqlUrl, MAX_DEPTH, MAX_NODES } from '../../src/page-world/extract';
import { decodeBatch, encodeBatch, MAX_BATCH } from '../../src/contract/page-world';
// @ts-expect-error: a plain ES module of fixtures
import { FIXTURES, IDS, MALFORMED } from '../fixtures/page-world/index.mjs';

describe('the page-world reader on X-shaped responses', () => {
  it('reads id, handle, verification and label from the current and the legacy shapes', () => {
    expect(extractUsers(FIXTURES.confirmed).users).toEqual([
      [IDS.MFA_China, 'MFA_China', 'g', ''],
      [IDS.StateDept, 'StateDept', 'g', ''],
    ]);
    expect(extractUsers(FIXTURES.disagreement).users[0]).toEqual([IDS.RT_com, 'RT_com', 'g', 'Russia state-affiliated media']);
    expect(extractUsers(FIXTURES.recycled).users).toEqual([['1700000000000000001', 'StateDept', 'n', 'Parody']]);
  });

  it('reads nothing from missing or changed shapes', () => {
    expect(extractUsers(FIXTURES.missing).users).toEqual([]);
    expect(extractUsers(FIXTURES.changed).users).toEqual([]);
    expect(extractUsers(null).users).toEqual([]);
    expect(extractUsers('text').users).toEqual([]);
  });

  it('drops hostile values: wrong types, bad ids and handles, prototype keys, over-long or bidi-laden labels', () => {
    const { users } = extractUsers(FIXTURES.hostile);
    expect(users).toEqual([['126', 'okhandle', 'g', ''], ['127', 'bidi', 'g', 'Gov ernment']]);
  });

  it('is bounded in depth and in nodes', () => {
    let deep: unknown = { __typename: 'User', rest_id: '5', core: { screen_name: 'deep' } };
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = { next: deep };
    const d = extractUsers(deep);
    expect(d.users).toEqual([]);
    expect(d.stats.truncated).toBe(true);
    const wide = { items: Array.from({ length: MAX_NODES + 10 }, () => ({ a: 1 })) };
    const w = extractUsers(wide);
    expect(w.stats.truncated).toBe(true);
    expect(w.stats.nodes).toBeLessThanOrEqual(MAX_NODES + 1);
  });

  it('recognises X GraphQL addresses only', () => {
    expect(isGraphqlUrl('https://x.com/i/api/graphql/abc/HomeTimeline?variables=1')).toBe(true);
    expect(isGraphqlUrl('/i/api/graphql/abc/UserByScreenName')).toBe(true);
    expect(isGraphqlUrl('https://api.x.com/graphql/abc/UserByRestId')).toBe(true);
    expect(isGraphqlUrl('https://evil.example/i/api/graphql/abc')).toBe(false);
    expect(isGraphqlUrl('https://x.com/i/api/1.1/jot')).toBe(false);
  });
});

describe('the channel: validated, primitives only', () => {
  it('round-trips what the reader sends', () => {
    const { users } = extractUsers(FIXTURES.confirmed);
    expect(decodeBatch(encodeBatch(users))).toEqual({
      observations: [
        { id: IDS.MFA_China, handle: 'MFA_China', verification: 'government', label: '' },
        { id: IDS.StateDept, handle: 'StateDept', verification: 'government', label: '' },
      ],
      rejected: 0,
    });
  });

  it('refuses anything else: non-strings, malformed JSON, objects, bad records (one by one), oversize batches', () => {
    expect(decodeBatch({ id: '1' }).observations).toEqual([]);
    expect(decodeBatch(MALFORMED)).toEqual({ observations: [], rejected: 1 });
    expect(decodeBatch('{"a":1}')).toEqual({ observations: [], rejected: 1 });
    const mixed = JSON.stringify([
      ['1', 'ok', 'g', ''],
      ['01', 'bad', 'g', ''],
      ['2', 'bad handle', 'g', ''],
      ['3', 'ok3', 'x', ''],
      ['4', 'ok4', 'n', 'a\u0000b'],
      ['5', 'ok5', 'n', '', 'extra'],
      { 0: '6', 1: 'ok6', 2: 'n', 3: '' },
    ]);
    expect(decodeBatch(mixed)).toEqual({ observations: [{ id: '1', handle: 'ok', verification: 'government', label: '' }], rejected: 6 });
    const big = JSON.stringify(Array.from({ length: MAX_BATCH + 1 }, (_, i) => [String(i + 1), 'h', 'n', '']));
    expect(decodeBatch(big).observations).toEqual([]);
  });
});
