/**
 * `notification`: the actors of a grouped notification ("X and Y liked your post"): profile links in the text line,
 * not the row of avatars above it. Mention and reply notifications are rendered as posts (other placements).
 */
import { X } from '../selectors';
import { outermostSoleWrapper } from './anchor';
import { profileLinks } from './read';
import type { Candidate, Placement } from './types';

export const notification: Placement = {
  name: 'notification',
  instanceSelector: X.notification,
  read(item) {
    const out: Candidate[] = [];
    for (const { link, handle } of profileLinks(item)) {
      if (link.closest(X.avatarContainer) || link.closest(X.tweet) || link.closest(X.notification) !== item) continue;
      const line = link.closest(X.textBlock);
      if (!line || !item.contains(line)) continue;
      const slot = handle.toLowerCase();
      if (out.some((c) => c.slot === slot)) continue;
      out.push({ placement: 'notification', instance: item, slot, handle, after: outermostSoleWrapper(link, line) });
    }
    return out;
  },
};
