/** Every placement Attaché annotates, in one list. */
import { profile } from './profile';
import { tweetAuthor } from './tweet-author';
import type { Placement } from './types';

export const PLACEMENTS: readonly Placement[] = [tweetAuthor, profile];
