/**
 * Every X selector Attaché depends on, in one table. X's hashed class names change often; these hooks are test ids,
 * roles and link shapes that have been stable for years (see the DOM reference). Each entry is tested against the
 * fixtures in tests/fixtures/x, and the hook check reports the ones that stop matching.
 */
export const X = {
  /** A post (also quoted and nested ones). */
  tweet: 'article[data-testid="tweet"]',
  /** Name + @handle block of a post author (also inside a quoted card). */
  tweetUserName: '[data-testid="User-Name"]',
  /** Avatar container of a post author; carries `UserAvatar-Container-<handle>` below it. */
  tweetAvatar: '[data-testid="Tweet-User-Avatar"]',
  /** Any avatar container; the handle is in the test id. */
  avatarContainer: '[data-testid^="UserAvatar-Container-"]',
  /** A quoted post inside a post: no anchors inside. */
  quotedCard: 'div[role="link"][tabindex="0"]',
  /** The profile page's header name block (no hyphen): display name and `@handle` as text. */
  profileUserName: '[data-testid="UserName"]',
  /** The main column, where the profile header lives. */
  primaryColumn: '[data-testid="primaryColumn"]',
  /** Popups (hover cards, menus) mount under #layers. */
  layers: '#layers',
  /** The viewer's own profile link in the navigation bar. */
  viewerProfileLink: 'a[data-testid="AppTabBar_Profile_Link"]',
} as const;

export type SelectorName = keyof typeof X;
