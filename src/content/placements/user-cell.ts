/**
 * `user-cell`: follow lists, Who to follow / You might like, search people, list members. The cell's tag varies
 * (`button`, `div[role=button]`, `li`). The handle comes from the name and `@handle` links, confirmed by the avatar;
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
    if (cell.closest('[data-testid="HoverCard"]')) return [];
    const block = readAccountBlock(cell, X.userCell);
    return block ? [{ placement: 'user-cell', instance: cell, slot: '', ...block }] : [];
  },
};
