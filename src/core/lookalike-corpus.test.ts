/**
 * Lookalike decisions on a fixed corpus, pinned by a snapshot: every rule's edge (confusables, affixes, digits, one
 * edit, display handles and names) applied to sixty-odd accounts taken from the dataset. A change to how the matcher
 * is written must leave every decision as it was; a deliberate change to a rule shows up here as a reviewed diff.
 * The accounts are written out below, so that growing the dataset does not change the snapshot.
 */
import { describe, expect, it } from 'vitest';
import { LookalikeIndex, lookalikeKeys, lookalikeOrders, type OrderView } from './lookalike';
import { DatasetIndex } from './lookup';
import type { AccountSummary } from './summary';
import { packIndex, type SummaryRow } from './compiled';
import { bundledIndex } from '../../tests/unit/x-fixture';

const ACCOUNTS: [string, string, AccountSummary['kind']][] = [
  ['AmbLiuXiaoMing', 'Liu Xiaoming', 'person'], ['mfa_russia', 'МИД России 🇷🇺', 'institution'],
  ['SpokespersonCHN', 'Spokesperson发言人办公室', 'institution'], ['StateDept', 'Department of State', 'institution'],
  ['RT_com', 'RT', 'outlet'], ['ChineseEmbinUK', 'Chinese Embassy in UK', 'institution'],
  ['airnewsalerts', 'All India Radio', 'outlet'], ['AlArabiya_KSA', 'Al Arabiya', 'outlet'],
  ['aps_officiel', 'Agence de presse sénégalaise', 'outlet'], ['bna_ar', 'Bahrain News Agency', 'outlet'],
  ['ChinaDaily', 'China Daily', 'outlet'], ['CongressmanRaja', 'Raja Krishnamoorthi', 'person'],
  ['FarsNews_Agency', 'Fars News Agency', 'outlet'], ['Ilhan', 'Ilhan Omar', 'person'],
  ['JoaquinCastrotx', 'Joaquin Castro', 'person'], ['MarioDB', 'Mario Diaz-Balart', 'person'],
  ['MFA_China', "Spokesperson's Office, Ministry of Foreign Affairs of the People's Republic of China", 'institution'],
  ['notimex', 'Notimex', 'outlet'], ['PeterWelch', 'Peter Welch', 'person'], ['Rep_Stansbury', 'Melanie A. Stansbury', 'person'],
  ['RepAndreCarson', 'André Carson', 'person'], ['RepAuchincloss', 'Jake Auchincloss', 'person'],
  ['RepBethVanDuyne', 'Beth Van Duyne', 'person'], ['repbrecheen', 'Josh Brecheen', 'person'],
  ['RepBynum', 'Janelle S. Bynum', 'person'], ['RepCiscomani', 'Juan Ciscomani', 'person'],
  ['RepDannyDavis', 'Danny K. Davis', 'person'], ['RepDean', 'Madeleine Dean', 'person'], ['RepDinaTitus', 'Dina Titus', 'person'],
  ['RepEliCrane', 'Elijah Crane', 'person'], ['repfields', 'Cleo Fields', 'person'], ['repgabeevans', 'Gabe Evans', 'person'],
  ['RepGraceMeng', 'Grace Meng', 'person'], ['RepHageman', 'Harriet M. Hageman', 'person'], ['RepHuffman', 'Jared Huffman', 'person'],
  ['RepJayapal', 'Pramila Jayapal', 'person'], ['RepJimmyGomez', 'Jimmy Gomez', 'person'], ['RepJohnnyO', 'Johnny Olszewski, Jr.', 'person'],
  ['RepKClark', 'Katherine M. Clark', 'person'], ['RepLaHood', 'Darin LaHood', 'person'], ['RepLoisFrankel', 'Lois Frankel', 'person'],
  ['RepMalliotakis', 'Nicole Malliotakis', 'person'], ['RepMaxineWaters', 'Maxine Waters', 'person'],
  ['RepMenendez', 'Robert Menendez', 'person'], ['RepMikeLawler', 'Michael Lawler', 'person'], ['RepMoulton', 'Seth Moulton', 'person'],
  ['RepPatFallon', 'Pat Fallon', 'person'], ['RepRashida', 'Rashida Tlaib', 'person'], ['RepRobertGarcia', 'Robert Garcia', 'person'],
  ['RepRWilliams', 'Roger Williams', 'person'], ['RepScottPeters', 'Scott H. Peters', 'person'],
  ['RepStephenLynch', 'Stephen F. Lynch', 'person'], ['RepTeresaLF', 'Teresa Leger Fernandez', 'person'],
  ['RepTomEmmer', 'Tom Emmer', 'person'], ['RepVeasey', 'Marc A. Veasey', 'person'], ['RepYoungKim', 'Young Kim', 'person'],
  ['RT_Doc', 'RT Documentary', 'outlet'], ['SenAngusKing', 'Angus S. King, Jr.', 'person'], ['SenatorLankford', 'James Lankford', 'person'],
  ['SenBillCassidy', 'Bill Cassidy', 'person'], ['SenHawleyPress', 'Josh Hawley', 'person'], ['SenKatieBritt', 'Katie Boyd Britt', 'person'],
  ['SenRickScott', 'Rick Scott', 'person'], ['SenWarren', 'Elizabeth Warren', 'person'], ['tasnimnews_en', 'Tasnim News Agency', 'outlet'],
  ['TVN', 'Televisión Nacional de Chile', 'outlet'], ['uza_ru', 'Uzbekistan National News Agency', 'outlet'],
  ['WarrenDavidson', 'Warren Davidson', 'person'],
];

const summaries: AccountSummary[] = ACCOUNTS.map(([handle, name, kind], index) => ({
  index, id: handle.toLowerCase(), handle, name, kind, category: 'ministry', country: 'XX', noticeCount: 0, noticeTypes: [],
  former: false, confidence: 'unrated', layers: ['officials-ministries'],
}));

const at = (s: string, i: number, put: string, cut = 0) => s.slice(0, i) + put + s.slice(i + cut);

/** What impersonators and ordinary readers do to a handle and a name: each rule's near side and far side. */
function variants(handle: string, name: string, other: string): [string, string | undefined][] {
  const mid = handle.length >> 1;
  const swapped = handle.length > 3 ? at(handle, mid, handle[mid + 1]! + handle[mid]!, 2) : handle;
  return [
    [handle, undefined], [handle.toUpperCase(), '@' + other], [handle.replace(/o/i, '0'), undefined],
    [handle.replace(/l/, 'I').replace(/i/, '1'), undefined], [handle.replace(/m/i, 'rn').replace(/w/i, 'vv'), undefined],
    [at(handle, mid, '_'), undefined], [at(handle, mid, 'x'), undefined], [at(handle, mid, '', 1), undefined],
    [at(handle, mid, 'q', 1), undefined], [swapped, undefined], [at(handle, 1, '', 1), undefined], [at(handle, 2, 'x'), undefined],
    [at(handle, 2, 'q', 1), undefined], [at(handle, 3, '', 1), undefined], [at(handle, 1, handle[2]! + handle[1]!, 2), undefined],
    [at(handle, 3, 'x'), undefined], [at(handle, 4, '', 1), undefined], [at(handle, 4, 'q', 1), undefined], [at(handle, 5, 'x'), undefined],
    [handle.length > 4 ? at(handle, 3, handle[4]! + handle[3]!, 2) : handle, undefined], [at(handle, 0, 'k', 1), undefined], [at(handle, handle.length - 1, 'z', 1), undefined],
    [handle + '_official', undefined], [`the${handle}`, undefined], [`real_${handle}_news`, undefined], [`${handle}2`, undefined],
    [`${handle}2024`, undefined], [`${handle}_1`, undefined], [`${handle}12345`, undefined], [`${handle.slice(0, 3)}_fan`, undefined],
    ['reader_' + handle.length, '@' + handle], ['reader_x', `＠${handle.toUpperCase()}`], ['someone_else', `@${handle.slice(0, -1)}`],
    ['someone_else', name], [`${handle.slice(0, 6)}_info`, name], ['someone_else', name.toUpperCase().normalize('NFD')],
    ['someone_else', at(name, name.length >> 1, '\u200b')], ['someone_else', name.slice(0, -2)], [handle, name],
  ];
}

describe('lookalike decisions on a fixed corpus', () => {
  it('are what they were', () => {
    const index = new LookalikeIndex(summaries, (h) => h === 'ambliuxiaoming_old');
    const decisions: string[] = [];
    ACCOUNTS.forEach(([handle, name], i) => {
      const other = ACCOUNTS[(i * 7 + 3) % ACCOUNTS.length]![0];
      for (const [h, display] of variants(handle, name, other)) {
        const hit = index.check({ handle: h, displayName: display });
        decisions.push(`${h} | ${display ?? ''} -> ${hit ? `${hit.resembles.handle} ${hit.reason}` : '-'}`);
      }
    });
    // Accounts nobody imitates.
    for (let n = 0; n < 40; n++) {
      const handle = `reader_${(n * 7919).toString(36)}`;
      const hit = index.check({ handle, displayName: `Reader ${n}` });
      decisions.push(`${handle} -> ${hit ? `${hit.resembles.handle} ${hit.reason}` : '-'}`);
    }
    const flagged = decisions.filter((d) => !d.endsWith('-> -')).length;
    // The corpus exercises both outcomes broadly, and every reason.
    expect(flagged).toBeGreaterThan(decisions.length / 3);
    expect(decisions.length - flagged).toBeGreaterThan(decisions.length / 5);
    for (const reason of ['confusable', 'edit', 'affix', 'display-handle', 'display-name']) {
      expect(decisions.some((d) => d.endsWith(` ${reason}`)), reason).toBe(true);
    }
    expect(decisions).toMatchSnapshot();
  });
});

describe('the matcher built from the compiled index', () => {
  const index = bundledIndex();
  const summaries = index.allSummaries();
  /**
   * The accounts whose variants the decision tests check: all of them up to 600, else an even spread of 600 (every
   * k-th), so that the tests' time stays flat as the dataset grows; the keys and orders are still checked for all.
   */
  const STRIDE = Math.max(1, Math.ceil(summaries.length / 600));
  const sampled = summaries.map((account, i) => [account, i] as const).filter(([, i]) => i % STRIDE === 0);

  it('has, for every bundled account, the keys the build compiled in: those the account gives now', () => {
    const accounts = index.lookalikeAccounts();
    expect(accounts.size).toBe(summaries.length);
    for (const [i, account] of summaries.entries()) {
      const keys = lookalikeKeys(account.handle, account.name, account.kind);
      expect({ handle: accounts.handleKey(i), name: accounts.nameKey(i) }, account.handle).toEqual(keys);
      expect(accounts.handle(i)).toBe(account.handle.toLowerCase());
      expect(accounts.indexOf(account.handle.toLowerCase())).toBe(i);
    }
    expect(accounts.indexOf('certainly_not_there')).toBeUndefined();
  });

  it('has the orders the build compiled in: those sorting the keys gives now', () => {
    const accounts = index.lookalikeAccounts();
    const sorted = lookalikeOrders(summaries.length, (i) => lookalikeKeys(summaries[i]!.handle, summaries[i]!.name, summaries[i]!.kind));
    expect(accounts.orders).toBeDefined();
    const orders = accounts.orders!();
    const read = (order: OrderView) => Array.from({ length: order.length }, (_, j) => order.at(j));
    expect(read(orders.byKey)).toEqual(sorted.byKey);
    expect(read(orders.byKeyFromEnd)).toEqual(sorted.byKeyFromEnd);
    expect(read(orders.byName)).toEqual(sorted.byName);
    expect(sorted.byName.length).toBeGreaterThan(100);
  });

  it('decides as the matcher built from summaries, on variants of the bundled accounts (all, or an even spread of 600)', () => {
    const isOfficial = (h: string) => index.byHandle(h) !== null;
    const compiled = new LookalikeIndex(index.lookalikeAccounts(), isOfficial);
    const fromSummaries = new LookalikeIndex(summaries, isOfficial);
    let flagged = 0;
    for (const [account, i] of sampled) {
      const other = summaries[(i * 7 + 3) % summaries.length]!.handle;
      for (const [handle, displayName] of variants(account.handle, account.name, other)) {
        const a = compiled.check({ handle, displayName });
        const b = fromSummaries.check({ handle, displayName });
        expect(a && `${a.resembles.id} ${a.reason}`, handle).toBe(b && `${b.resembles.id} ${b.reason}`);
        if (a) flagged++;
      }
    }
    expect(flagged).toBeGreaterThan(sampled.length * 5);
  });

  it('knows the index\'s former handles itself: with no other check, neither they nor current ones are flagged', () => {
    const rows: SummaryRow[] = [
      ['a', 'MinistryOfForeignAffairsX', 'Ministry of Foreign Affairs of Xland', 1, 6, 'US', 0, 0],
      ['b', 'EmbassyOfXlandInYland', 'Embassy of Xland in Yland', 1, 6, 'US', 0, 0],
    ];
    // Former handles one edit, an affix and a confusable away from the current ones.
    const former: [string, number][] = [['MinistryOfForeignAffairX', 0], ['EmbassyOfXlandInYlandHQ', 1], ['EmbassyOfXIandInYIand', 1]];
    const packed = new DatasetIndex(packIndex({ version: 't', released: '2026-01-01' }, rows, former));
    const matcher = new LookalikeIndex(packed.lookalikeAccounts());
    for (const [handle] of [...former, ...rows.map((r) => [r[1]] as const)]) expect(matcher.check({ handle }), handle).toBeNull();
    // The same handles are near misses for a matcher that does not know them.
    const stranger = new LookalikeIndex(packed.allSummaries());
    for (const [handle] of former) expect(stranger.check({ handle }), handle).not.toBeNull();
  });

  it('reads the keys of a name beyond ASCII from the packed index as written', () => {
    const rows: SummaryRow[] = [['a', 'ChinaEmbassyLdn', '中华人民共和国驻英国大使馆', 1, 6, 'CN', 0, 0]];
    const accounts = new DatasetIndex(packIndex({ version: 't', released: '2026-01-01' }, rows)).lookalikeAccounts();
    expect({ handle: accounts.handleKey(0), name: accounts.nameKey(0) }).toEqual(lookalikeKeys(rows[0]![1], rows[0]![2], 'institution'));
  });
});
