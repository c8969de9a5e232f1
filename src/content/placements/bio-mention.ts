/** `bio-mention`: `@handle` links in a bio: on a profile, in a user cell, in a hover card. */
import { X } from '../selectors';
import { outermostSoleWrapper } from './anchor';
import { profileLinks } from './read';
import type { Candidate, Placement } from './types';

export const bioMention: Placement = {
  name: 'bio-mention',
  instanceSelector: X.bios,
  instanceScope: [X.profileBio, X.userCell, X.anyHoverCard],
  read(bio) {
    // Only the outermost bio block, never one inside a link (a name), nor the account switcher's cells.
    if (bio.parentElement?.closest(X.bios) || bio.closest(X.link) || bio.closest(X.avatarContainer)) return [];
    const cell = bio.closest(X.userCell);
    if (cell?.closest(X.anyHoverCard)) return [];
    const out: Candidate[] = [];
    for (const { link, handle } of profileLinks(bio)) {
      const slot = handle.toLowerCase();
      if (out.some((c) => c.slot === slot)) continue;
      out.push({ placement: 'bio-mention', instance: bio, slot, handle, after: outermostSoleWrapper(link, bio) });
    }
    return out;
  },
};
