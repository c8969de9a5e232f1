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

/** Blocks whose links are never on the line: the author's (name, handle, time), the text's mentions, the avatar. */
const OTHER_BLOCKS = [X.tweetUserName, X.tweetText, X.avatarContainer];
const OTHER_LINKS = OTHER_BLOCKS.join(', ');
/**
 * The links that may be on the line: leaving the others out in the selector spares a round trip per link between
 * the page and the content script. Where an engine reads `:not()` with complex selectors more loosely (a test DOM),
 * the checks below decide.
 */
const CANDIDATE_LINKS = `${X.link}:not(${OTHER_BLOCKS.map((block) => `${block} a`).join(', ')})`;

/** The line lies after the author block and before the post's text (or its action bar, for media-only posts). */
function lineBounds(article: Element): { userName: Element; end: Element } | null {
  const userName = authorUserName(article);
  if (!userName) return null;
  for (const el of article.querySelectorAll(`${X.tweetText}, ${X.actionBar}`)) {
    if (!inQuotedCard(el, article) && el.closest(X.tweet) === article) return { userName, end: el };
  }
  return null;
}

export const replyTo: Placement = {
  name: 'reply-to',
  instanceSelector: X.tweet,
  read(article) {
    const out: Candidate[] = [];
    // Located only when a link could be on the line: most posts reply to no one.
    let bounds: { userName: Element; end: Element } | null | undefined;
    for (const { link, handle } of profileLinks(article, CANDIDATE_LINKS)) {
      if (link.closest(OTHER_LINKS) || link.querySelector(X.socialContext)) continue;
      if (link.closest(X.tweet) !== article || inQuotedCard(link, article)) continue;
      if (bounds === undefined) bounds = lineBounds(article);
      if (!bounds) return [];
      if (!(bounds.userName.compareDocumentPosition(link) & FOLLOWS) || !(link.compareDocumentPosition(bounds.end) & FOLLOWS)) continue;
      const block = link.closest(X.textBlock);
      if (!block || !article.contains(block)) continue;
      const slot = handle.toLowerCase();
      if (out.some((c) => c.slot === slot)) continue;
      out.push({ placement: 'reply-to', instance: article, slot, handle, after: outermostSoleWrapper(link, block) });
    }
    return out;
  },
};
