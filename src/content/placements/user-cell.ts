/**
 * `user-cell`: follow lists, Who to follow / You might like, search people, list members. The cell's tag varies
 * (a button, a div with the button role, or an li). The handle comes from the name and `@handle` links, confirmed by the avatar;
 * links in the bio are bio mentions, not the cell's account.
 */
import { X } from '../selectors';
import { readAccountBlock } from './account-block';
import type { Placement } from './types';

export const userCell: Placement = {
  name: 'user-cell',
  instanceSelector: X.userCell,
  read(cell) {
    // The account switcher shows the viewer's own accounts as cells inside a hover card.
    if (cell.closest(X.anyHoverCard)) return [];
    const block = readAccountBlock(cell, X.userCell);
    return block ? [{ placement: 'user-cell', instance: cell, slot: '', ...block }] : [];
  },
};
