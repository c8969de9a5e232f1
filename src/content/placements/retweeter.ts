/**
 * `retweeter`: the "... reposted" line above a post. A link to the reposter wraps `socialContext`; "Pinned" uses the
 * same test id with no link and is skipped. "You reposted" links to the viewer, whom the annotator never badges.
 */
import { handleFromHref } from '../../core/handles';
import { X } from '../selectors';
import { inQuotedCard } from './read';
import type { Placement } from './types';

export const retweeter: Placement = {
  name: 'retweeter',
  instanceSelector: X.tweet,
  read(article) {
    for (const context of article.querySelectorAll(X.socialContext)) {
      if (context.closest(X.tweet) !== article || inQuotedCard(context, article)) continue;
      const link = context.closest(X.link);
      if (!link || !article.contains(link)) continue;
      const handle = handleFromHref(link.getAttribute('href'));
      if (!handle) continue;
      // After the link's own wrapper: that keeps the badge on the line (the wrapper sits in a row).
      const wrapper = link.parentElement;
      const after = wrapper && wrapper !== article && wrapper.childElementCount === 1 ? wrapper : link;
      return [{ placement: 'retweeter', instance: article, slot: '', handle, after }];
    }
    return [];
  },
};
