/**
 * Every X selector Attaché depends on, in one table. X's hashed class names change often; these hooks are test ids,
 * roles and link shapes that have been stable for years (see the DOM reference). Each entry is tested against the
 * fixtures in tests/fixtures/x (tests/unit/selectors.test.ts pins the number of matches per page).
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
  /** A quoted post, as a placement instance (only inside a post). */
  quotedCardInPost: 'article[data-testid="tweet"] div[role="link"][tabindex="0"]',
  /** The `@handle` line of a quoted card: plain text in a focusable-by-script div. */
  quotedHandleText: 'div[tabindex="-1"]',
  /** "... reposted" and "Pinned": a link to the reposter wraps it; "Pinned" has no link. */
  socialContext: '[data-testid="socialContext"]',
  /** Post text; mentions are profile links inside. */
  tweetText: '[data-testid="tweetText"]',
  /** A text block with a direction: "Replying to" lines, bios, notification lines. */
  textBlock: 'div[dir]',
  /** The profile page's header name block (no hyphen): display name and `@handle` as text. */
  profileUserName: '[data-testid="UserName"]',
  /** The profile page's bio. */
  profileBio: '[data-testid="UserDescription"]',
  /** The profile avatar: `/<handle>/photo` link around the avatar container. */
  profilePhotoAvatar: 'a[href$="/photo"] [data-testid^="UserAvatar-Container-"]',
  /** User cells: follow lists, Who to follow, search people, list members (button, div[role=button] or li). */
  userCell: '[data-testid="UserCell"]',
  /** Bio of a user cell or hover card: the auto-direction text block. */
  cellBio: 'div[dir="auto"]',
  /** Bio-mention instances: profile bio, user-cell bio, hover-card bio. */
  bios: '[data-testid="UserDescription"], [data-testid="UserCell"] div[dir="auto"], #layers [data-testid="HoverCard"] div[dir="auto"]',
  /** Any hover card, also the account switcher's (the viewer's own accounts as user cells). */
  anyHoverCard: '[data-testid="HoverCard"]',
  /** A post's action bar (reply, repost, like...): the end of its header area in media-only posts. */
  actionBar: '[role="group"]',
  /** The hover card; popups mount under #layers. Its contents are swapped per hover. */
  hoverCard: '#layers [data-testid="HoverCard"]',
  /** Grouped notifications ("X liked your post"); mention/reply notifications are normal posts. */
  notification: 'article[data-testid="notification"]',
  /** The main column, where the profile header lives. */
  primaryColumn: '[data-testid="primaryColumn"]',
  /** Popups (hover cards, menus) mount under #layers. */
  layers: '#layers',
  /** The viewer's own profile link in the navigation bar. */
  viewerProfileLink: 'a[data-testid="AppTabBar_Profile_Link"]',
  /** X's application root: its absence means this is not (yet) X's app page, so no hook is expected. */
  reactRoot: '#react-root',
  /** A post's own permalink (its time stamp). */
  statusLink: 'a[href*="/status/"]',
  /** Any link with a target (profile links are filtered by their href). */
  link: 'a[href]',
} as const;

export type SelectorName = keyof typeof X;
