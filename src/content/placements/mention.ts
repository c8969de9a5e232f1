/** `mention`: `@handle` links in a post's text (hashtags, cashtags and t.co links are not profile links). */
import { X } from '../selectors';
import { outermostSoleWrapper } from './anchor';
import { profileLinks } from './read';
import type { Candidate, Placement } from './types';

export const mention: Placement = {
  name: 'mention',
  instanceSelector: X.tweetText,
  read(text) {
    // A quoted card's text has no links on X; if it ever does, those mentions belong to the quoted post.
    if (text.closest(X.quotedCard)) return [];
    const out: Candidate[] = [];
    for (const { link, handle } of profileLinks(text)) {
      const slot = handle.toLowerCase();
      if (out.some((c) => c.slot === slot)) continue;
      out.push({ placement: 'mention', instance: text, slot, handle, after: outermostSoleWrapper(link, text) });
    }
    return out;
  },
};
