/**
 * `reply-to`: each linked account in "Replying to @a and @b". The line has no test id: it is a text block with
 * profile links that sits after the author block and before the post text (or, for media-only posts, before the
 * action bar). "and N others" is not linked.
 */
import { X } from '../selectors';
import { outermostSoleWrapper } from './anchor';
import { authorUserName, inQuotedCard, profileLinks } from './read';
import type { Candidate, Placement } from './types';

const FOLLOWS = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without a global Node in tests

export const replyTo: Placement = {
  name: 'reply-to',
  instanceSelector: X.tweet,
  read(article) {
    const userName = authorUserName(article);
    if (!userName) return [];
    let end: Element | null = null;
    for (const el of article.querySelectorAll(`${X.tweetText}, ${X.actionBar}`)) {
      if (!inQuotedCard(el, article) && el.closest(X.tweet) === article) {
        end = el;
        break;
      }
    }
    if (!end) return [];
    const out: Candidate[] = [];
    for (const { link, handle } of profileLinks(article)) {
      if (link.closest(X.tweet) !== article || inQuotedCard(link, article)) continue;
      if (link.closest(`${X.tweetUserName}, ${X.tweetText}, ${X.avatarContainer}`) || link.querySelector(X.socialContext)) continue;
      if (!(userName.compareDocumentPosition(link) & FOLLOWS) || !(link.compareDocumentPosition(end) & FOLLOWS)) continue;
      const block = link.closest(X.textBlock);
      if (!block || !article.contains(block)) continue;
      const slot = handle.toLowerCase();
      if (out.some((c) => c.slot === slot)) continue;
      out.push({ placement: 'reply-to', instance: article, slot, handle, after: outermostSoleWrapper(link, block) });
    }
    return out;
  },
};
