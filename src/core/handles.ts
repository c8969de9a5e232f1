/**
 * Reading X handles from link targets and page URLs. Never from display text: display names are chosen by the
 * account holder and can imitate anyone ("@StateDept").
 */

/** First path segments that are X's own pages, not accounts. */
export const RESERVED_PATHS: ReadonlySet<string> = new Set(
  [
    // X's own pages. Not included: real accounts that share a name with a page (@X, @Twitter, @Safety, @Premium, @grok).
    'home', 'explore', 'notifications', 'messages', 'i', 'settings', 'search', 'compose', 'hashtag', 'login',
    'logout', 'signup', 'tos', 'privacy', 'about', 'account', 'intent', 'share', 'jobs', 'download', 'lists',
    'bookmarks', 'communities', 'premium_sign_up', 'follower_requests', 'topics', 'moments', 'display',
    'keyboard_shortcuts', 'who_to_follow', 'connect_people', 'undefined', 'null',
  ].map((s) => s.toLowerCase()),
);

/** Up to 20 characters when parsing pages: some very old accounts exceed today's limit of 15. */
const PROFILE_PATH = /^\/([A-Za-z0-9_]{1,20})\/?$/;
const X_HOSTS = new Set(['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com', 'www.x.com', 'www.twitter.com']);

/** Hrefs read before, and their handles (bounded). */
const hrefHandles = new Map<string, string | null>();

/**
 * The handle a profile link points to, or null. Accepts a path (`/AmbLiuXiaoMing`) or an absolute URL on X's
 * domains. Rejects X's own pages and any deeper path (`/h/status/1`, `/h/photo`, `/h/following`).
 */
export function handleFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  // Pages repeat the same links (an author's name, handle and avatar; every placement reading a post): remembered.
  const known = hrefHandles.get(href);
  if (known !== undefined) return known;
  const handle = parseHref(href);
  if (hrefHandles.size >= 5000) hrefHandles.clear();
  hrefHandles.set(href, handle);
  return handle;
}

function parseHref(href: string): string | null {
  let path = href;
  if (!href.startsWith('/')) {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return null;
    }
    if (url.protocol !== 'https:' || !X_HOSTS.has(url.hostname)) return null;
    path = url.pathname;
  } else if (href.startsWith('//')) {
    return null;
  } else {
    path = href.replace(/[?#].*$/, '');
  }
  const m = PROFILE_PATH.exec(path);
  if (!m) return null;
  const handle = m[1]!;
  if (RESERVED_PATHS.has(handle.toLowerCase())) return null;
  return handle;
}

/**
 * The account whose profile (or one of its tabs) a page path shows: `/h`, `/h/with_replies`, `/h/media`,
 * `/h/likes`, `/h/highlights`, `/h/articles`, `/h/superfollows`, `/h/affiliates`, `/h/verified_followers`.
 */
const PROFILE_TABS = new Set(['', 'with_replies', 'media', 'likes', 'highlights', 'articles', 'superfollows', 'affiliates']);

export function profileHandleFromPath(pathname: string): string | null {
  const m = /^\/([A-Za-z0-9_]{1,20})(?:\/([a-z_]*))?\/?$/.exec(pathname);
  if (!m) return null;
  const handle = m[1]!;
  if (RESERVED_PATHS.has(handle.toLowerCase())) return null;
  if (!PROFILE_TABS.has(m[2] ?? '')) return null;
  return handle;
}

/** `@handle` text (as in quoted posts and profile headers) -> handle, or null. */
export function handleFromAtText(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = /^\s*@([A-Za-z0-9_]{1,20})\s*$/.exec(text);
  return m ? m[1]! : null;
}

/** `UserAvatar-Container-<handle>` -> handle ("unknown" is the viewer's own switcher avatar). */
export function handleFromAvatarTestId(testId: string | null | undefined): string | null {
  if (!testId) return null;
  const m = /^UserAvatar-Container-([A-Za-z0-9_]{1,20})$/.exec(testId);
  if (!m || m[1] === 'unknown') return null;
  return m[1]!;
}
