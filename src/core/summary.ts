/**
 * What the content script knows of a dataset account before its card opens: the summary decoded from the compiled
 * index on first match, and how the account was recognised. Types only, shared by the index, the lookalike matcher
 * and the UI.
 */
import type { Account, Notice } from './schema';
import type { LayerId } from './layers';

export interface AccountSummary {
  index: number;
  id: string;
  handle: string;
  name: string;
  kind: Account['kind'];
  category: Account['category'];
  country: string;
  noticeCount: number;
  noticeTypes: Notice['type'][];
  /** A person whose roles have all ended (a former head of state, say). */
  former: boolean;
  /** The entry's confidence; "unrated" when the entry gives none. */
  confidence: 'high' | 'medium' | 'low' | 'unverified' | 'unrated';
  /** Built-in layers this account belongs to (category layer first, then notice layers). */
  layers: LayerId[];
  /** The numeric X id the dataset lists (decimal string), when it lists one. */
  xId?: string;
}

export interface Match {
  account: AccountSummary;
  /** How the account was recognised: its current handle, a former handle, or its numeric X id. */
  via: 'handle' | 'former-handle' | 'x-id';
}
