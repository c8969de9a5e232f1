/** A place on X's pages where an account appears. One module per placement, registered in ./registry.ts. */

export const PLACEMENT_NAMES = [
  'tweet-author',
  'retweeter',
  'quote-author',
  'reply-to',
  'mention',
  'bio-mention',
  'profile',
  'user-cell',
  'hover-card',
  'notification',
] as const;
export type PlacementName = (typeof PLACEMENT_NAMES)[number];

export interface Candidate {
  placement: PlacementName;
  /** The element that is one instance of this placement (a post, a header); one badge per account per instance. */
  instance: Element;
  /** Distinguishes several accounts within one instance (e.g. several mentions); '' when there is one. */
  slot: string;
  /** Handle as read from a link target, the URL or a test id: never from display text. */
  handle: string;
  /** The badge host is inserted right after this element. */
  after: Element;
  /**
   * The display name shown with the account, where the placement shows one. Never used to identify an account:
   * only to tell whether a non-official account's name imitates an official one (lookalike warnings).
   */
  displayName?: string;
}

export interface PageContext {
  /** `location.pathname` at the time of the scan. */
  pathname: string;
}

export interface Placement {
  name: PlacementName;
  /** Selector of this placement's instances: the annotator finds them around and inside changed nodes. */
  instanceSelector: string;
  /**
   * Optional: cheap selectors of which every instance matches one or lies inside one. The annotator skips the
   * instance search below a changed node when neither the node's ancestors nor its subtree match any of them (a
   * descendant combinator in `instanceSelector` costs an ancestor walk per candidate element; most changes are posts,
   * which hold no bios). Each is one selector, not a list: Chromium searches a list far slower than its parts.
   */
  instanceScope?: readonly string[];
  /** The account(s) shown by one instance right now; [] when it cannot be read (yet). */
  read(instance: Element, page: PageContext): Candidate[];
}
