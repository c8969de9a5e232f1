/** Every placement Attaché annotates, in one list (tests/unit/placements-registry.test.ts checks it is complete). */
import { bioMention } from './bio-mention';
import { hoverCard } from './hover-card';
import { mention } from './mention';
import { notification } from './notification';
import { profile } from './profile';
import { quoteAuthor } from './quote-author';
import { replyTo } from './reply-to';
import { retweeter } from './retweeter';
import { tweetAuthor } from './tweet-author';
import type { Placement } from './types';
import { userCell } from './user-cell';

export const PLACEMENTS: readonly Placement[] = [
  tweetAuthor,
  retweeter,
  quoteAuthor,
  replyTo,
  mention,
  bioMention,
  profile,
  userCell,
  hoverCard,
  notification,
];
