/**
 * `profile`: the header of `/<handle>` and its tabs. The header shows the handle as text with no link, and React
 * reuses it from one profile to the next, so the handle comes from the URL and is confirmed by the header itself.
 */
import { handleFromAtText, handleFromAvatarTestId, profileHandleFromPath } from '../../core/handles';
import { X } from '../selectors';
import { outermostSoleWrapper } from './anchor';
import type { Placement } from './types';

export const profile: Placement = {
  name: 'profile',
  instanceSelector: X.profileUserName,
  read(header, page) {
    const handle = profileHandleFromPath(page.pathname);
    if (!handle) return [];
    const lower = handle.toLowerCase();
    // Confirm from the header: the `@handle` text. A display name may itself look like a handle ("@StateDept"),
    // so accept the header when ANY @-text matches the URL and take the LAST @-text otherwise.
    const atTexts: string[] = [];
    for (const el of header.querySelectorAll('span, div[dir]')) {
      if (el.childElementCount === 0) {
        const h = handleFromAtText(el.textContent);
        if (h) atTexts.push(h.toLowerCase());
      }
    }
    const confirmedByText = atTexts.includes(lower);
    // The avatar next to the header (`/h/photo` link with `UserAvatar-Container-h`), when present.
    const column = header.closest(X.primaryColumn) ?? header.ownerDocument;
    let avatarHandle: string | null = null;
    for (const el of column.querySelectorAll(`a[href$="/photo"] ${X.avatarContainer}`)) {
      avatarHandle = handleFromAvatarTestId(el.getAttribute('data-testid'));
      if (avatarHandle) break;
    }
    if (avatarHandle && avatarHandle.toLowerCase() !== lower) return []; // header not yet re-rendered for this URL
    if (!confirmedByText && !avatarHandle) return [];
    if (atTexts.length > 0 && !confirmedByText) return [];
    // The badge goes after the display name: the first text block that is not an @handle.
    let nameEl: Element | null = null;
    for (const el of header.querySelectorAll('div[dir]')) {
      if (!handleFromAtText(el.textContent)) {
        nameEl = el;
        break;
      }
    }
    if (!nameEl) return [];
    const nameRow = outermostSoleWrapper(nameEl, header);
    return [{ placement: 'profile', instance: header, slot: '', handle, after: nameRow }];
  },
};
