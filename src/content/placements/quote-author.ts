/**
 * `quote-author`: the author of a quoted post. The quoted card has no anchors: the handle comes from the avatar's
 * test id, cross-checked with the `@handle` line (plain text). Nothing here leaks to the outer post.
 */
import { handleFromAtText, handleFromAvatarTestId } from '../../core/handles';
import { X } from '../selectors';
import { displayText, nameContainer, ownText } from './read';
import type { Placement } from './types';

export const quoteAuthor: Placement = {
  name: 'quote-author',
  instanceSelector: X.quotedCardInPost,
  read(card) {
    const userName = card.querySelector(X.tweetUserName);
    if (!userName || userName.closest(X.quotedCard) !== card) return [];
    const avatar = userName.querySelector(X.avatarContainer) ?? card.querySelector(X.avatarContainer);
    const fromAvatar = handleFromAvatarTestId(avatar?.getAttribute('data-testid'));
    let handleLine: Element | null = null;
    let fromText: string | null = null;
    // Text without Attaché's badges (ownText): a badge already in the card holds words of its own.
    for (const el of userName.querySelectorAll(X.quotedHandleText)) {
      const h = handleFromAtText(ownText(el));
      if (h) {
        handleLine = el;
        fromText = h;
        break;
      }
    }
    const handle = fromAvatar ?? fromText;
    if (!handle) return [];
    if (fromAvatar && fromText && fromAvatar.toLowerCase() !== fromText.toLowerCase()) return []; // mid re-render
    // The display name: the first text block that is not the avatar, the @handle line, or the time.
    let nameEl: Element | null = null;
    for (const el of userName.querySelectorAll(X.textBlock)) {
      if ((avatar && avatar.contains(el)) || (handleLine && (handleLine.contains(el) || el.contains(handleLine)))) continue;
      if (el.querySelector('time')) continue;
      const text = ownText(el);
      if (handleFromAtText(text) || !text.trim()) continue;
      nameEl = el;
      break;
    }
    if (!nameEl) return [];
    const after = nameContainer(nameEl, userName, handleLine);
    return [{ placement: 'quote-author', instance: card, slot: '', handle, after, displayName: displayText(nameEl) }];
  },
};
