import { describe, expect, it } from 'vitest';
import { packIndex, type SummaryRow } from './compiled';
import { DatasetIndex } from './lookup';
import { CATEGORIES, KINDS } from './schema';
import { ObservationStore, disagreement, identify, isOfficial, unlistedGovernment, type Observation } from './identity';

const row = (id: string, handle: string, kind: string, category: string): SummaryRow => [
  id, handle, id, KINDS.indexOf(kind as never), CATEGORIES.indexOf(category as never), 'FR', 0, 0,
];
const index = new DatasetIndex(
  packIndex(
    { version: 't', released: '2026-01-01' },
    [
      row('with-id', 'EmbassyA', 'institution', 'embassy'),
      row('no-id', 'MinistryB', 'institution', 'ministry'),
      row('other', 'PersonC', 'person', 'diplomat'),
      row('media', 'MediaD', 'outlet', 'state-media'),
    ],
    [['OldEmbassyA', 0]],
    [['1001', 0], ['1003', 2], ['1004', 3]],
  ),
);
const obs = (id: string, handle: string, verification: Observation['verification'] = 'none', label = ''): Observation => ({ id, handle, verification, label });
const seen = (...list: Observation[]) => {
  const store = new ObservationStore();
  for (const o of list) store.add(o);
  return store;
};

describe('the identity matching table', () => {
  it('entry with an id, same id and handle: matched by X id', () => {
    const id = identify(index, 'embassya', seen(obs('1001', 'EmbassyA')));
    expect(id).toMatchObject({ status: 'id', match: { account: { id: 'with-id' } } });
    expect(isOfficial(id!)).toBe(true);
  });

  it('entry with an id, same id, another handle: renamed (badge on the new handle)', () => {
    const id = identify(index, 'EmbassyA_New', seen(obs('1001', 'EmbassyA_New')));
    expect(id).toMatchObject({ status: 'renamed', handle: 'EmbassyA_New', match: { account: { id: 'with-id', handle: 'EmbassyA' } } });
    expect(isOfficial(id!)).toBe(true);
  });

  it('a former handle shown with the entry id is a rename too', () => {
    expect(identify(index, 'oldembassya', seen(obs('1001', 'OldEmbassyA')))?.status).toBe('renamed');
  });

  it('entry with an id, same handle, another id: recycled, no official badge, the entry named', () => {
    const id = identify(index, 'EmbassyA', seen(obs('999', 'EmbassyA', 'government')));
    expect(id).toMatchObject({ status: 'recycled', match: { account: { id: 'with-id' } }, observed: { id: '999' } });
    expect(isOfficial(id!)).toBe(false);
  });

  it('a former handle now held by another id is recycled as well', () => {
    expect(identify(index, 'OldEmbassyA', seen(obs('5', 'OldEmbassyA')))?.status).toBe('recycled');
  });

  it('entry with an id, no id known yet: pending (badge by handle), upgraded or withdrawn when the id arrives', () => {
    const store = new ObservationStore();
    const before = identify(index, 'EmbassyA', store);
    expect(before).toMatchObject({ status: 'pending', match: { via: 'handle' } });
    expect(isOfficial(before!)).toBe(true);
    expect(identify(index, 'EmbassyA', null)?.status).toBe('pending');
    store.add(obs('1001', 'EmbassyA'));
    expect(identify(index, 'EmbassyA', store)?.status).toBe('id');
    store.add(obs('777', 'EmbassyA'));
    expect(identify(index, 'EmbassyA', store)?.status).toBe('recycled');
  });

  it('entry without an id: by handle only, whatever the page says', () => {
    expect(identify(index, 'MinistryB', null)).toMatchObject({ status: 'handle-only', match: { account: { id: 'no-id' } } });
    expect(identify(index, 'MinistryB', seen(obs('42', 'MinistryB', 'government')))).toMatchObject({
      status: 'handle-only', observed: { id: '42', verification: 'government' },
    });
  });

  it('never matches an account the dataset does not have, whatever the page says', () => {
    expect(identify(index, 'someone', null)).toBeNull();
    expect(identify(index, 'someone', seen(obs('12', 'someone', 'government', 'Government of Nowhere')))).toBeNull();
  });

  it('an id in the dataset wins over a handle listed for another entry', () => {
    // PersonC's account (1003) now uses the handle the dataset lists for MinistryB.
    expect(identify(index, 'MinistryB', seen(obs('1003', 'MinistryB')))).toMatchObject({ status: 'renamed', match: { account: { id: 'other' } } });
  });

  it('has a row for every status', () => {
    const statuses = new Set(
      [
        identify(index, 'EmbassyA', seen(obs('1001', 'EmbassyA'))),
        identify(index, 'X2', seen(obs('1001', 'X2'))),
        identify(index, 'EmbassyA', seen(obs('2', 'EmbassyA'))),
        identify(index, 'EmbassyA', null),
        identify(index, 'MinistryB', null),
      ].map((i) => i?.status),
    );
    expect([...statuses].sort()).toEqual(['handle-only', 'id', 'pending', 'recycled', 'renamed']);
  });
});

describe('X government accounts not in the dataset (the optional layer)', () => {
  it('an account X marks as government that the dataset does not have: X\'s own observation, nothing more', () => {
    const o = obs('12', 'someone', 'government', 'Government of Nowhere');
    expect(unlistedGovernment(index, 'Someone', seen(o))).toEqual(o);
  });

  it('nothing without a government check, without page data, or for an account the dataset has (by handle or id)', () => {
    expect(unlistedGovernment(index, 'someone', seen(obs('12', 'someone', 'business')))).toBeNull();
    expect(unlistedGovernment(index, 'someone', seen(obs('12', 'someone', 'none')))).toBeNull();
    expect(unlistedGovernment(index, 'someone', null)).toBeNull();
    expect(unlistedGovernment(index, 'someone', seen())).toBeNull();
    // A dataset handle (even held by another id: that is the recycled warning's case, not this layer's).
    expect(unlistedGovernment(index, 'MinistryB', seen(obs('42', 'MinistryB', 'government')))).toBeNull();
    expect(unlistedGovernment(index, 'EmbassyA', seen(obs('999', 'EmbassyA', 'government')))).toBeNull();
    expect(unlistedGovernment(index, 'OldEmbassyA', seen(obs('5', 'OldEmbassyA', 'government')))).toBeNull();
    // A dataset account under a new handle (renamed): the official badge's case.
    expect(unlistedGovernment(index, 'EmbassyA_New', seen(obs('1001', 'EmbassyA_New', 'government')))).toBeNull();
  });

  it('follows the handle X shows now: a government account renamed away leaves no mark on its old handle', () => {
    const store = seen(obs('12', 'someone', 'government'));
    store.add(obs('12', 'someone_new', 'government'));
    expect(unlistedGovernment(index, 'someone', store)).toBeNull();
    expect(unlistedGovernment(index, 'someone_new', store)?.id).toBe('12');
  });
});

describe('disagreement between X and the dataset', () => {
  const account = (kind: string, category: string) => ({ kind, category, former: false }) as never;
  it('X marks as government an account the dataset lists otherwise', () => {
    expect(disagreement(account('outlet', 'state-media'), obs('1', 'a', 'government'))).toBe('x-government-not-listed');
    expect(disagreement(account('institution', 'igo'), obs('1', 'a', 'government'))).toBe('x-government-not-listed');
    expect(disagreement(account('institution', 'ministry'), obs('1', 'a', 'government'))).toBeNull();
    expect(disagreement(account('person', 'head-of-state'), obs('1', 'a', 'government'))).toBeNull();
  });
  it('the dataset lists a government institution X shows without its check', () => {
    expect(disagreement(account('institution', 'ministry'), obs('1', 'a', 'none'))).toBe('listed-government-not-on-x');
    expect(disagreement(account('institution', 'embassy'), obs('1', 'a', 'business'))).toBe('listed-government-not-on-x');
    // People are often shown without one: no note.
    expect(disagreement(account('person', 'diplomat'), obs('1', 'a', 'none'))).toBeNull();
    expect(disagreement(account('outlet', 'state-media'), obs('1', 'a', 'none'))).toBeNull();
  });
});

describe('the observation store', () => {
  it('moves a handle on rename, reports changes only, and stays bounded', () => {
    const store = new ObservationStore(3);
    expect(store.add(obs('1', 'A'))).toBe(true);
    expect(store.add(obs('1', 'A'))).toBe(false);
    expect(store.add(obs('1', 'A', 'government'))).toBe(true);
    expect(store.add(obs('1', 'B'))).toBe(true);
    expect(store.byHandle('a')).toBeUndefined();
    expect(store.byHandle('b')?.id).toBe('1');
    // The handle A taken by another account.
    store.add(obs('2', 'A'));
    expect(store.byHandle('A')?.id).toBe('2');
    store.add(obs('3', 'C'));
    store.add(obs('4', 'D'));
    expect(store.size).toBe(3);
    expect(store.byHandle('b')).toBeUndefined();
    expect(store.byHandle('d')?.id).toBe('4');
  });
  it('a handle that moved to another id is not taken back when the old id is forgotten', () => {
    const store = new ObservationStore(2);
    store.add(obs('1', 'A'));
    store.add(obs('2', 'A'));
    store.add(obs('3', 'C'));
    expect(store.byHandle('a')?.id).toBe('2');
  });
});
