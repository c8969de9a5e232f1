/**
 * `profile`: the header of `/<handle>` and its tabs. The header shows the handle as text with no link, and React
 * reuses it from one profile to the next, so the handle comes from the URL and is confirmed by the header itself.
 */
import { handleFromAtText, handleFromAvatarTestId, profileHandleFromPath } from '../../core/handles';
import { X } from '../selectors';
import { displayText, ownText } from './read';
import type { Placement } from './types';

export const profile: Placement = {
  name: 'profile',
  instanceSelector: X.profileUserName,
  read(header, page) {
    const handle = profileHandleFromPath(page.pathname);
    if (!handle) return [];
    const lower = handle.toLowerCase();
    // The `@handle` lines of the header. A display name may itself look like a handle ("@StateDept"), so the
    // handle line is the LAST @-text, and the header is confirmed when it matches the URL.
    const blocks = [...header.querySelectorAll(X.textBlock)];
    let handleLine: Element | null = null;
    let lastAt: string | null = null;
    // Text without Attaché's badges (ownText): a badge already in the header holds words of its own.
    for (const el of blocks) {
      const h = handleFromAtText(ownText(el));
      if (h) {
        lastAt = h.toLowerCase();
        if (lastAt === lower) handleLine = el;
      }
    }
    const confirmedByText = handleLine !== null;
    // The avatar next to the header (`/h/photo` link with `UserAvatar-Container-h`), when present.
    const column = header.closest(X.primaryColumn) ?? header.ownerDocument;
    let avatarHandle: string | null = null;
    for (const el of column.querySelectorAll(X.profilePhotoAvatar)) {
      avatarHandle = handleFromAvatarTestId(el.getAttribute('data-testid'));
      if (avatarHandle) break;
    }
    if (avatarHandle && avatarHandle.toLowerCase() !== lower) return []; // header not yet re-rendered for this URL
    if (!confirmedByText && !avatarHandle) return [];
    if (lastAt !== null && lastAt !== lower) return [];
    // The badge goes after the display name: the first text block before the handle line that is not part of it.
    let nameEl: Element | null = null;
    for (const el of blocks) {
      if (handleLine && (el === handleLine || el.contains(handleLine) || handleLine.contains(el))) break;
      const text = ownText(el);
      if (!text.trim()) continue;
      if (!handleLine && handleFromAtText(text)) continue;
      nameEl = el;
      break;
    }
    if (!nameEl) return [];
    // Right after the name, inside its row (X lays the name and its verified mark out in a row): the badge sits on
    // the name's line instead of adding a line to the header.
    return [{ placement: 'profile', instance: header, slot: '', handle, after: nameEl, displayName: displayText(nameEl) }];
  },
};
