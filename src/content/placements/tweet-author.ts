/** `tweet-author`: the author of a post (not of the post it quotes). */
import { handleFromAvatarTestId, handleFromHref } from '../../core/handles';
import { X } from '../selectors';
import { outermostSoleWrapper } from './anchor';
import { authorUserName, displayText } from './read';
import type { Candidate, Placement } from './types';

export const tweetAuthor: Placement = {
  name: 'tweet-author',
  instanceSelector: X.tweet,
  read(article) {
    const userName = authorUserName(article);
    if (!userName) return [];
    // Display-name link first (the badge goes after it), then any profile link in the block.
    let nameLink: Element | null = null;
    let handle: string | null = null;
    for (const a of userName.querySelectorAll(X.link)) {
      const h = handleFromHref(a.getAttribute('href'));
      if (h) {
        nameLink ??= a;
        handle ??= h;
        if (a.getAttribute('tabindex') !== '-1') {
          nameLink = a;
          break;
        }
      }
    }
    if (!handle || !nameLink) return [];
    // Cross-check with the avatar when it is there: a mismatch means React is halfway through a re-render.
    const avatar = article.querySelector(`${X.tweetAvatar} ${X.avatarContainer}`);
    const avatarHandle = handleFromAvatarTestId(avatar?.getAttribute('data-testid'));
    if (avatarHandle && avatarHandle.toLowerCase() !== handle.toLowerCase()) return [];
    const after = outermostSoleWrapper(nameLink, userName);
    const candidate: Candidate = {
      placement: 'tweet-author', instance: article, slot: '', handle, after, displayName: displayText(nameLink),
    };
    return [candidate];
  },
};
