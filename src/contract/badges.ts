/**
 * The contract between the DOM layer (src/content), which finds accounts on X's pages, and the UI (src/ui), which
 * renders badges for them: what a badge is for and where it goes. Neither side imports the other; both import this.
 */
import type { CustomMatch } from '../core/custom-layers';
import type { Identity, Observation } from '../core/identity';
import type { LookalikeReason } from '../core/lookalike';
import type { AccountSummary, Match } from '../core/summary';

/** A place on X's pages where an account appears. One module per placement under src/content/placements. */
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

/**
 * What a badge says: an official account from the dataset, a researcher's own list, a lookalike warning, or a warning
 * that a dataset handle now belongs to another account (X's own data says so: src/core/identity.ts).
 * `identity` is how the official account was matched (absent where no identity was worked out: tests, old callers).
 * `x-government` (an optional layer, off by default): X's page marks as government an account that neither the
 * dataset nor a custom list has; the marker says that and nothing more (docs/identity.md).
 */
export type Annotation =
  | { kind: 'official'; match: Match; custom: readonly CustomMatch[]; identity?: Identity }
  | { kind: 'recycled'; identity: Identity }
  | { kind: 'custom'; handle: string; matches: readonly CustomMatch[] }
  | { kind: 'lookalike'; resembles: AccountSummary; reason: LookalikeReason }
  | { kind: 'x-government'; handle: string; observed: Observation };

export interface BadgeRenderer {
  /** Creates a badge host for an annotation (the host is inserted, and its data-attache-* set, by the annotator). */
  create(annotation: Annotation, candidate: Candidate): HTMLElement;
  /** Releases whatever the renderer holds for a host that is going away. */
  destroy(host: HTMLElement): void;
}
