/**
 * Annotation layers: which categories and notice types belong to which layer, defined once. Layer ids are stable:
 * they appear in settings, in the DOM (`data-attache-layer`) and on the popup's and options' controls.
 */
import type { Account, Notice } from './schema';

export const LAYER_IDS = [
  'heads-of-state-government',
  'officials-ministries',
  'diplomats-embassies',
  'legislators',
  'state-media',
  'international-orgs',
  'notices-disputed',
  'notices-security',
  'lookalikes',
  'mentions',
  // X's own signal, off by default: accounts X marks as government that neither the dataset nor a custom list has.
  'x-government',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** Layers that say WHAT an account is (a badge shows when any of its content layers is on). */
export const CATEGORY_LAYER: Record<Account['category'], LayerId> = {
  'head-of-state': 'heads-of-state-government',
  'head-of-government': 'heads-of-state-government',
  minister: 'officials-ministries',
  official: 'officials-ministries',
  spokesperson: 'officials-ministries',
  ministry: 'officials-ministries',
  'government-office': 'officials-ministries',
  agency: 'officials-ministries',
  military: 'officials-ministries',
  diplomat: 'diplomats-embassies',
  embassy: 'diplomats-embassies',
  consulate: 'diplomats-embassies',
  mission: 'diplomats-embassies',
  legislator: 'legislators',
  'state-media': 'state-media',
  'state-media-staff': 'state-media',
  igo: 'international-orgs',
  'igo-official': 'international-orgs',
};

export const NOTICE_LAYER: Partial<Record<Notice['type'], LayerId>> = {
  'disputed-activity': 'notices-disputed',
  'security-incident': 'notices-security',
};

/**
 * Layers that say WHERE a badge is shown. They gate: a badge in a mention placement shows only while `mentions`
 * is on, whatever its content layers.
 */
export const MENTION_PLACEMENTS: ReadonlySet<string> = new Set(['mention', 'bio-mention', 'reply-to']);

export type LayerSwitches = Record<LayerId, boolean>;

export const DEFAULT_LAYERS: LayerSwitches = Object.freeze({
  'heads-of-state-government': true,
  'officials-ministries': true,
  'diplomats-embassies': true,
  legislators: true,
  'state-media': true,
  'international-orgs': true,
  'notices-disputed': true,
  'notices-security': true,
  lookalikes: true,
  mentions: true,
  'x-government': false,
});

/** The content layers of an official account: its category's layer plus one per type of notice it has. */
export function accountLayers(category: Account['category'], noticeTypes: readonly Notice['type'][]): LayerId[] {
  const layers: LayerId[] = [CATEGORY_LAYER[category]];
  for (const type of noticeTypes) {
    const layer = NOTICE_LAYER[type];
    if (layer && !layers.includes(layer)) layers.push(layer);
  }
  return layers;
}

/**
 * The layers a badge belongs to (for `data-attache-layer`) and whether it shows under the given switches.
 * `contentLayers` are an account's layers (or ['lookalikes'] for a warning, or a custom layer's id).
 */
export function badgeLayers(contentLayers: readonly string[], placement: string): string[] {
  return MENTION_PLACEMENTS.has(placement) ? [...contentLayers, 'mentions'] : [...contentLayers];
}

export function isBadgeVisible(
  contentLayers: readonly string[],
  placement: string,
  enabled: (layer: string) => boolean,
): boolean {
  if (MENTION_PLACEMENTS.has(placement) && !enabled('mentions')) return false;
  return contentLayers.some(enabled);
}
