import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './schema';
import { CATEGORY_LAYER, LAYER_IDS, accountLayers, badgeLayers, isBadgeVisible } from './layers';

describe('layers', () => {
  it('puts every category in exactly one built-in layer', () => {
    for (const category of CATEGORIES) expect(LAYER_IDS).toContain(CATEGORY_LAYER[category]);
  });

  it('adds notice layers for disputed activity and security incidents only', () => {
    expect(accountLayers('diplomat', ['disputed-activity'])).toEqual(['diplomats-embassies', 'notices-disputed']);
    expect(accountLayers('state-media', ['security-incident', 'label-history'])).toEqual(['state-media', 'notices-security']);
    expect(accountLayers('legislator', [])).toEqual(['legislators']);
  });

  it('shows a badge when any content layer is on, and mention placements only with the mentions layer', () => {
    const on = (...ids: string[]) => (layer: string) => ids.includes(layer);
    const liu = accountLayers('diplomat', ['disputed-activity']);
    expect(isBadgeVisible(liu, 'tweet-author', on('notices-disputed'))).toBe(true);
    expect(isBadgeVisible(liu, 'tweet-author', on('legislators'))).toBe(false);
    expect(isBadgeVisible(liu, 'mention', on('diplomats-embassies'))).toBe(false);
    expect(isBadgeVisible(liu, 'mention', on('diplomats-embassies', 'mentions'))).toBe(true);
    expect(badgeLayers(liu, 'bio-mention')).toEqual(['diplomats-embassies', 'notices-disputed', 'mentions']);
    expect(badgeLayers(['lookalikes'], 'tweet-author')).toEqual(['lookalikes']);
  });
});
