import { describe, expect, it } from 'vitest';
import { citedSources } from './source-lists';

describe('citedSources', () => {
  it('names the lists an entry cites with their dates, lists first, each once', () => {
    const cited = citedSources([
      { url: 'https://example.org/page', title: 'Embassy page', publisher: 'Embassy of X', date: '2024-05' },
      {
        url: 'https://www.wikidata.org/wiki/Q123',
        title: 'Embassy (Q123)',
        publisher: 'Wikidata',
        date: '2022-11-16',
        supports: 'Wikidata item of this mission ... as in the Database of Embassies export of 2022-11-16.',
      },
      { url: 'https://github.com/jsks/mfa-twitter', title: 'MFA', publisher: 'jsks/mfa-twitter (research dataset)', date: '2021' },
      { url: 'https://github.com/jsks/mfa-twitter', title: 'MFA again', publisher: 'jsks/mfa-twitter (research dataset)', date: '2021' },
    ]);
    expect(cited).toEqual([
      { name: 'Database of embassies (Wikidata export)', date: '2022-11-16', list: true },
      { name: 'Ministries of foreign affairs on Twitter', date: '2021', list: true },
      { name: 'Embassy of X', date: '2024-05', list: false },
    ]);
  });

  it('does not take a plain Wikidata citation for the embassies export', () => {
    expect(citedSources([{ url: 'https://www.wikidata.org/wiki/Q9', title: 'Q9', publisher: 'Wikidata' }])).toEqual([
      { name: 'Wikidata', date: undefined, list: false },
    ]);
  });
});
