import { describe, expect, it } from 'vitest';
import { confidenceFlags, packIndex, type SummaryRow } from './compiled';
import { DirectoryIndex, foldQuery } from './directory';
import { DatasetIndex } from './lookup';
import { CATEGORIES, CONFIDENCE } from './schema';

const COUNTRIES = ['CN', 'FR', 'US', 'BR', 'IN', 'NG', 'JP', 'DE', 'RU', 'ZA'];

/** A synthetic index of `n` accounts: countries, categories and confidence levels spread over the accounts. */
function synthetic(n: number): DatasetIndex {
  const rows: SummaryRow[] = Array.from({ length: n }, (_, i) => [
    `id-${i}`,
    `Handle${i}`,
    i % 1000 === 7 ? `Embassy of Zélandia ${i}` : `Account ${i}`,
    0,
    i % CATEGORIES.length,
    COUNTRIES[i % COUNTRIES.length]!,
    0,
    0,
    confidenceFlags(CONFIDENCE[i % 5] /* one in five unrated */),
  ]);
  return new DatasetIndex(packIndex({ version: '1', released: '2026' }, rows).slice().buffer);
}

describe('directory search', () => {
  const n = 100_000;
  const directory = new DirectoryIndex(synthetic(n));
  const naive = (test: (i: number) => boolean) => Array.from({ length: n }, (_, i) => i).filter(test);

  it('finds by name or handle, folded, handle matches at the start first', () => {
    const small = new DirectoryIndex(synthetic(30));
    expect(small.search('@handle2').positions).toEqual([2, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    expect(small.search('ZELANDIA').positions).toEqual([7]);
    expect(small.search('account 1').positions.slice(0, 3)).toEqual([1, 10, 11]);
    expect(foldQuery(' @Élysée ')).toBe('elysee');
  });

  it('filters by country, category, layer and confidence, like a plain filter over every account', () => {
    const s = directory.summaries;
    const { positions } = directory.search('', { country: 'FR', confidence: 'low' });
    expect(positions).toEqual(naive((i) => s[i]!.country === 'FR' && s[i]!.confidence === 'low'));
    const layer = s[0]!.layers[0]!;
    expect(directory.search('', { layer, category: s[0]!.category }).positions).toEqual(
      naive((i) => s[i]!.layers.includes(layer) && s[i]!.category === s[0]!.category),
    );
    expect(directory.search('', { confidence: 'unrated' }).positions.length).toBe(n / 5);
    expect(directory.search('nothing like this').positions).toEqual([]);
  });

  it('at 100,000 accounts: tests only the smallest filter bucket, and only the previous results as the reader types on', () => {
    // A fresh query with no filter tests each account once.
    expect(new DirectoryIndex(synthetic(1000)).search('x').work).toBe(1000);
    directory.search('reset the incremental state to something unrelated', { country: 'US' });
    const byCountry = directory.search('', { country: 'DE' });
    expect(byCountry.work).toBe(n / COUNTRIES.length);
    const both = directory.search('', { country: 'DE', confidence: 'low' });
    // DE (10,000) and low (20,000): the smaller bucket only.
    expect(both.work).toBe(n / COUNTRIES.length);
    let previous = both.positions.length;
    for (const query of ['e', 'em', 'emb', 'embassy', 'embassy of z']) {
      const typed = directory.search(query, { country: 'DE', confidence: 'low' });
      expect(typed.work).toBe(previous);
      previous = typed.positions.length;
    }
    expect(previous).toBe(100);
    expect(previous).toBe(naive((i) => i % 1000 === 7).length);
    // Deleting a character is a new search (it can only find more).
    expect(directory.search('embassy of', { country: 'DE', confidence: 'low' }).work).toBe(n / COUNTRIES.length);
  });

  it('lists each facet\'s values with their counts', () => {
    expect(directory.values('country')).toContainEqual(['FR', n / COUNTRIES.length]);
    expect(directory.values('confidence').map(([v]) => v)).toEqual(['high', 'low', 'medium', 'unrated', 'unverified']);
  });
});
