import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LookalikeIndex, cleanDisplayText, editDistance, foldDisplayText, handleSkeleton, isProbeOf, nameSkeleton, nameSkeletonUnicode, withinOneEdit, compareKeys, compareKeysFromEnd, lookalikeOrders, orderBlock, Order,
} from './lookalike';
import type { AccountSummary } from './summary';

function summary(index: number, handle: string, name: string, kind: AccountSummary['kind'] = 'institution'): AccountSummary {
  return {
    index, id: handle.toLowerCase(), handle, name, kind, category: 'ministry', country: 'XX', noticeCount: 0, noticeTypes: [],
    former: false, confidence: 'unrated', layers: ['officials-ministries'],
  };
}

const ACCOUNTS = [
  summary(0, 'AmbLiuXiaoMing', 'Liu Xiaoming', 'person'),
  summary(1, 'mfa_russia', 'МИД России 🇷🇺'),
  summary(2, 'SpokespersonCHN', 'Spokesperson发言人办公室'),
  summary(3, 'StateDept', 'Department of State'),
  summary(4, 'RT_com', 'RT', 'outlet'),
  summary(5, 'ChineseEmbinUK', 'Chinese Embassy in UK'),
  summary(6, 'RepAmata', 'Aumua Amata Coleman Radewagen', 'person'),
];
const index = new LookalikeIndex(ACCOUNTS, (h) => h === 'ambliuxiaoming_old');
const resembles = (handle: string, displayName?: string) => {
  const hit = index.check({ handle, displayName });
  return hit ? `${hit.resembles.handle}:${hit.reason}` : null;
};

describe('skeletons', () => {
  it('folds case, underscores and confusable handle characters', () => {
    expect(handleSkeleton('AmbLiuXiaoMlng')).toBe(handleSkeleton('AmbLiuXiaoMing'));
    expect(handleSkeleton('Spokesperson_CHN')).toBe(handleSkeleton('SpokespersonCHN'));
    expect(handleSkeleton('StateDept')).toBe(handleSkeleton('5tateDept'.replace('5', 'S')));
    expect(handleSkeleton('m0scow')).toBe(handleSkeleton('moscow'));
    expect(handleSkeleton('rnfa_russia')).toBe(handleSkeleton('mfa_russia'));
    expect(handleSkeleton('vvho')).toBe(handleSkeleton('who'));
  });

  it('the one-pass handle skeleton is the chain of replacements it stands for', () => {
    const chain = (h: string) => h.toLowerCase().replace(/_/g, '').replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/[il1]/g, 'l').replace(/0/g, 'o');
    // Mostly the characters the rules act on, so that runs like `r_n`, `rnn`, `vvv` and `Rn` come up often.
    const tricky = fc.string({ unit: fc.constantFrom('r', 'n', 'R', 'N', 'v', 'V', 'w', 'i', 'I', 'l', 'L', '1', '0', 'o', 'O', '_', 'm', 'a', 'İ', 'é') });
    fc.assert(fc.property(tricky, (h) => {
      expect(handleSkeleton(h)).toBe(chain(h));
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (h) => {
      expect(handleSkeleton(h)).toBe(chain(h));
    }));
  });

  it('removes invisible characters and maps Cyrillic/Greek/fullwidth lookalikes in display names', () => {
    expect(cleanDisplayText('@St\u200Bate\u200DDept')).toBe('@StateDept');
    expect(cleanDisplayText('\u202E@StateDept\u202C')).toBe('@StateDept');
    expect(cleanDisplayText('@Stаtе Dept'.replace(' ', ''))).toBe('@StateDept'); // Cyrillic а, е
    expect(cleanDisplayText('＠ＳｔａｔｅＤｅｐｔ')).toBe('@StateDept');
    expect(nameSkeleton('Liu Xiaomíng')).toBe(nameSkeleton('LIU  XIAOMING'));
  });

  it('the printable-ASCII shortcut gives what the full folding gives', () => {
    expect(cleanDisplayText('Embassy | UK')).toBe('Embassy l UK');
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }), (text) => {
        expect(cleanDisplayText(text)).toBe(foldDisplayText(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }), (text) => {
        expect(nameSkeleton(text)).toBe(nameSkeletonUnicode(text));
      }),
      { numRuns: 2000 },
    );
    expect(nameSkeleton('Embassy of Ukraine | Україна')).toBe(nameSkeletonUnicode('Embassy of Ukraine | Україна'));
    // Outside printable ASCII the full folding runs (a tab, a Cyrillic letter).
    expect(cleanDisplayText('St\tate')).toBe(foldDisplayText('St\tate'));
    expect(cleanDisplayText('Stаte')).toBe('State');
  });

  it('editDistance is the optimal string alignment distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'xyz', 1)).toBe(2);
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => editDistance(a, b) === editDistance(b, a)),
    );
  });
});

describe('LookalikeIndex', () => {
  it.each([
    ['AmbLiuXiaoMlng', 'AmbLiuXiaoMing:confusable'],
    ['AmbLiuXia0Ming', 'AmbLiuXiaoMing:confusable'],
    ['Amb_LiuXiaoMing', 'AmbLiuXiaoMing:confusable'],
    ['mfa_russia_info', 'mfa_russia:affix'],
    ['mfarussia_official', 'mfa_russia:affix'],
    ['the_mfa_russia', 'mfa_russia:affix'],
    ['mfa_russia2024', 'mfa_russia:affix'],
    ['StateDeptNews', 'StateDept:affix'],
    ['RealStateDept', 'StateDept:affix'],
    ['Spokesperson_CN', 'SpokespersonCHN:edit'],
    ['SpokespersonCHNN', 'SpokespersonCHN:edit'],
    ['SpokesprsonCHN', 'SpokespersonCHN:edit'],
    ['SpokespresonCHN', 'SpokespersonCHN:edit'],
    ['ChineseEmbinUK1', 'ChineseEmbinUK:affix'],
    ['ChineseEmbinUK_2024', 'ChineseEmbinUK:affix'],
    ['ChineseEmbinUSK', 'ChineseEmbinUK:edit'],
    ['rtcom', 'RT_com:confusable'],
  ])('@%s resembles %s', (handle, expected) => {
    expect(resembles(handle)).toBe(expected);
  });

  it.each([
    ['AmbLiuXiaoMing'], // itself
    ['ambliuxiaoming'], // case only
    ['ambliuxiaoming_old'], // in the dataset as a former handle
    ['jane_reader'],
    ['rt'], // too short
    ['rt_news'], // short official handles take no affixes
    ['rte'], // one edit from a short handle
    ['StateDpt_news'], // an edit and an affix: too far
    ['mfa_ukraine'],
    ['RepAmata'], // itself
  ])('@%s is not a lookalike', (handle) => {
    expect(resembles(handle)).toBeNull();
  });

  it('flags a display name that shows an official handle, also behind invisible or confusable characters', () => {
    expect(resembles('fakeaccount_9', '@StateDept')).toBe('StateDept:display-handle');
    expect(resembles('fakeaccount_9', '@State\u200BDept')).toBe('StateDept:display-handle');
    expect(resembles('fakeaccount_9', '\u202E@StateDept')).toBe('StateDept:display-handle');
    expect(resembles('fakeaccount_9', 'Official ＠ｓｔａｔｅｄｅｐｔ account')).toBe('StateDept:display-handle');
    expect(resembles('fakeaccount_9', '@5tateDept')).toBeNull();
    expect(resembles('StateDept', '@StateDept')).toBeNull();
    expect(resembles('fan_of_rt', '@RT_com')).toBe('RT_com:display-handle');
  });

  it("flags an institution's exact name, and a person's name only with a handle that borrows from the original", () => {
    expect(resembles('news_bot_77', 'Department of State')).toBe('StateDept:display-name');
    expect(resembles('news_bot_77', 'Dеpartment  of Stаte')).toBe('StateDept:display-name');
    expect(resembles('news_bot_77', 'Department of State fans')).toBeNull();
    expect(resembles('someone', 'Liu Xiaoming')).toBeNull(); // a namesake
    expect(resembles('xiaoming_liu', 'Liu Xiaoming')).toBe('AmbLiuXiaoMing:display-name');
    expect(resembles('news_bot_77', 'RT')).toBeNull(); // too short to be distinctive
    expect(resembles('someone', 'Spokesperson发言人办公室')).toBe('SpokespersonCHN:display-name');
  });

  it('never flags an account that is in the dataset', () => {
    for (const a of ACCOUNTS) expect(index.check({ handle: a.handle, displayName: '@StateDept' })).toBeNull();
  });

  it('handles arbitrary input without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 60 }), (handle, name) => {
        index.check({ handle, displayName: name });
      }),
    );
  });

  it('does not flag genuine outlets that the false-positive measurement found one edit or one name apart', () => {
    const outlets = new LookalikeIndex([
      summary(0, 'TVBrasil', 'TV Brasil', 'outlet'),
      summary(1, 'irnanews', 'IRNA News Agency', 'outlet'),
      summary(2, 'AJArabic', 'Al Jazeera Arabic', 'outlet'),
      summary(3, 'tvrussia1', 'Россия 1', 'outlet'),
      summary(4, 'RT_Doc', 'RT Documentary', 'outlet'),
      summary(5, 'mediacorpCh5', 'Channel 5', 'outlet'),
    ]);
    for (const [handle, name] of [
      ['MTVBrasil', 'MTV Brasil'], ['gmanews', 'GMA News TV'], ['mlanews', 'Modern Language Association'],
      ['aa_arabic', 'Anadolu Agency'], ['tvrussia', 'Smotrim.ru'], ['rt_documentary', 'RT Documentary'],
      ['channel5_tv', 'Channel 5'],
    ]) {
      expect(outlets.check({ handle: handle!, displayName: name }), handle).toBeNull();
    }
    expect(outlets.check({ handle: 'TVBrasil_official' })?.reason).toBe('affix');
  });
});

describe('keys in sorted orders', () => {
  const keyArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), minLength: 0, maxLength: 6 });

  it('find by binary search exactly the keys of a length holding a part at their start or end', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, keyArb), { maxLength: 40 }), keyArb, fc.boolean(), (accounts, part, fromEnd) => {
        const orders = lookalikeOrders(accounts.length, (i) => ({ handle: accounts[i]![0], name: accounts[i]![1] }));
        const positions = fromEnd ? orders.byKeyFromEnd : orders.byKey;
        const width = Order.widthFor(accounts.length);
        const order = new Order(Order.pack(positions, width), width);
        const remembered = new Map<number, readonly [number, number]>();
        for (let length = part.length; length <= part.length + 2; length++) {
          const expected = accounts.flatMap(([key], i) => (key.length === length && (fromEnd ? key.endsWith(part) : key.startsWith(part)) ? [i] : []));
          // With the keys of each length found afresh, and remembered across searches of one order.
          for (const lengths of [new Map<number, readonly [number, number]>(), remembered]) {
            const [first, end] = orderBlock(order, (i) => accounts[i]![0], length, part, fromEnd, lengths);
            expect(positions.slice(first, end).sort((a, b) => a - b)).toEqual(expected);
          }
          found += expected.length;
        }
      }),
      { numRuns: 3000 },
    );
    expect(found).toBeGreaterThan(1000);
  });

  it('keep dataset order among equal keys, and leave accounts without a name key out of the order by name', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, keyArb), { maxLength: 40 }), (accounts) => {
        const orders = lookalikeOrders(accounts.length, (i) => ({ handle: accounts[i]![0], name: accounts[i]![1] }));
        for (const [order, keyOf] of [
          [orders.byKey, (i: number) => accounts[i]![0]],
          [orders.byKeyFromEnd, (i: number) => accounts[i]![0]],
          [orders.byName, (i: number) => accounts[i]![1]],
        ] as const) {
          for (let j = 1; j < order.length; j++) {
            if (keyOf(order[j]!) === keyOf(order[j - 1]!)) expect(order[j]!).toBeGreaterThan(order[j - 1]!);
          }
        }
        expect(orders.byName.map((i) => accounts[i]![1])).not.toContain('');
        expect(orders.byName.length).toBe(accounts.filter(([, name]) => name !== '').length);
      }),
      { numRuns: 1000 },
    );
  });

  it('read positions in place as they were packed, at every width', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2_000_000 }), { maxLength: 50 }), (positions) => {
        const width = Order.widthFor(Math.max(0, ...positions) + 1);
        const order = new Order(Order.pack(positions, width), width);
        expect(order.length).toBe(positions.length);
        expect(Array.from({ length: order.length }, (_, j) => order.at(j))).toEqual(positions);
      }),
    );
    expect(Order.widthFor(619)).toBe(2);
    expect(Order.widthFor(100_000)).toBe(4);
  });

  it('order keys by length first, then from the start or from the end', () => {
    expect(['bb', 'a', 'ab', 'ba'].sort(compareKeys)).toEqual(['a', 'ab', 'ba', 'bb']);
    expect(['bb', 'a', 'ab', 'ba'].sort(compareKeysFromEnd)).toEqual(['a', 'ba', 'ab', 'bb']);
  });
});

describe('the one-edit rule, compared in place', () => {
  const without = (key: string, d: number) => (d < 0 ? key : key.slice(0, d) + key.slice(d + 1));
  const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'l', 'o', 'é', '中'), minLength: 1, maxLength: 14 });
  const probe = key.chain((k) => fc.tuple(fc.constant(k), fc.integer({ min: -1, max: k.length - 1 })));
  const unit = fc.constantFrom('a', 'b', 'l', 'é');
  /** `k` with one character inserted, deleted, replaced, or two neighbours swapped. */
  const edited = (k: string) =>
    fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: k.length }), unit).map(([op, at, c]) => {
      if (op === 0) return k.slice(0, at) + c + k.slice(at);
      if (at >= k.length) return k;
      if (op === 1) return k.slice(0, at) + k.slice(at + 1);
      if (op === 2) return k.slice(0, at) + c + k.slice(at + 1);
      return at + 1 < k.length ? k.slice(0, at) + k[at + 1] + k[at] + k.slice(at + 2) : k;
    });

  it('one edit apart in one pass: the same answer as the edit distance', () => {
    const pair = fc.tuple(key, key).chain(([a, b]) =>
      // Unrelated keys, and keys made one or two edits apart.
      fc.oneof(fc.constant([a, b] as const), fc.tuple(fc.constant(a), edited(a)), fc.tuple(fc.constant(a), edited(a).chain(edited))),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(withinOneEdit(a, b)).toBe(editDistance(a, b, 1) <= 1);
      }),
      { numRuns: 5000 },
    );
    expect(withinOneEdit('abcd', 'abdc')).toBe(true);
    expect(withinOneEdit('abcd', 'badc')).toBe(false);
    expect(withinOneEdit('abcd', 'abc')).toBe(true);
    expect(withinOneEdit('abcd', 'xabcd')).toBe(true);
    expect(withinOneEdit('abcd', 'axcx')).toBe(false);
  });

  it('find every key one edit from an official key among its deletions (they order the matches reported)', () => {
    let pairs = 0;
    fc.assert(
      fc.property(key.chain((k) => fc.tuple(fc.constant(k), edited(k))), ([k, official]) => {
        if (editDistance(k, official, 1) > 1) return;
        pairs++;
        expect([-1, ...Array.from(k, (_, d) => d)].some((d) => isProbeOf(k, d, official))).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(pairs).toBeGreaterThan(2500);
  });

  it('confirm a candidate exactly: the probe is the official key or one of its single deletions', () => {
    fc.assert(
      fc.property(probe, key, ([k, d], official) => {
        const p = without(k, d);
        const expected = p === official || Array.from(official, (_, i) => without(official, i)).includes(p);
        expect(isProbeOf(k, d, official)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
    // Near misses the generator may rarely produce.
    expect(isProbeOf('abcd', -1, 'abxcd')).toBe(true);
    expect(isProbeOf('abcd', -1, 'xabcd')).toBe(true);
    expect(isProbeOf('abcd', -1, 'abcdx')).toBe(true);
    expect(isProbeOf('abcd', -1, 'axbycd')).toBe(false);
    expect(isProbeOf('abcd', -1, 'abce')).toBe(false);
    expect(isProbeOf('abcd', 1, 'acd')).toBe(true);
    expect(isProbeOf('abcd', 1, 'abd')).toBe(false);
  });
});
