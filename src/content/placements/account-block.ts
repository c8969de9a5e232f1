/** The account shown by a user cell or a hover card: avatar, name link, `@handle` link, bio. */
import { X } from '../selectors';
import { outermostSoleWrapper } from './anchor';
import { avatarHandle, displayText, profileLinks } from './read';

export interface AccountBlock {
  handle: string;
  after: Element;
  displayName?: string;
}

export function readAccountBlock(root: Element, rootSelector: string): AccountBlock | null {
  let nameLink: Element | null = null;
  let handle: string | null = null;
  for (const { link, handle: h } of profileLinks(root)) {
    if (link.closest(rootSelector) !== root || link.closest(X.avatarContainer)) continue;
    const bio = link.closest(X.cellBio);
    if (bio && root.contains(bio) && !bio.closest(X.link)) continue; // a bio mention
    if (handle && h.toLowerCase() !== handle.toLowerCase()) return null; // two accounts: not an account block
    handle ??= h;
    if (!nameLink && link.getAttribute('tabindex') !== '-1') nameLink = link;
  }
  const fromAvatar = avatarHandle(root);
  if (!handle || !nameLink) return null;
  if (fromAvatar && fromAvatar.toLowerCase() !== handle.toLowerCase()) return null; // halfway through a re-render
  return { handle, after: outermostSoleWrapper(nameLink, root), displayName: displayText(nameLink) };
}
