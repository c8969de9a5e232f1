/**
 * `hover-card`: the card X shows in `#layers` when a name is hovered. Its contents are swapped in place from one
 * account to the next, so the handle is re-read on every pass.
 */
import { X } from '../selectors';
import { readAccountBlock } from './account-block';
import type { Placement } from './types';

export const hoverCard: Placement = {
  name: 'hover-card',
  instanceSelector: X.hoverCard,
  read(card) {
    // The account switcher is a HoverCard of user cells (the viewer's own accounts).
    if (card.querySelector(X.userCell)) return [];
    const block = readAccountBlock(card, X.hoverCard);
    return block ? [{ placement: 'hover-card', instance: card, slot: '', ...block }] : [];
  },
};
