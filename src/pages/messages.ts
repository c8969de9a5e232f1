/** Messages between extension pages and the content script. Validated on receipt: pages can be old or new. */
export const PAGE_STATS = 'attache:page-stats';

export interface PageStats {
  /** Distinct accounts currently badged on the page, per layer id (built-in and custom). */
  counts: Record<string, number>;
  total: number;
  /** Hooks of X's layout that were expected but not found after the page settled. */
  missingHooks: string[];
  /** Errors caught in the content script since the page loaded. */
  errors: number;
  /** What the page-world reader delivered: accounts described, records refused (absent from older scripts). */
  pageWorld?: { seen: number; rejected: number };
}

export function isPageStats(value: unknown): value is PageStats {
  const v = value as PageStats | null;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.total === 'number' &&
    !!v.counts &&
    typeof v.counts === 'object' &&
    Array.isArray(v.missingHooks) &&
    typeof v.errors === 'number'
  );
}

/** Content script -> background: the full entry of one account (the content script carries only the index). */
export const ACCOUNT_DETAILS = 'attache:account-details';

export interface AccountDetailsRequest {
  type: typeof ACCOUNT_DETAILS;
  index: number;
  version: string;
}

export interface AccountDetailsReply {
  version: string;
  /** JSON of AccountDetails, or null when the index is out of range or the versions differ. */
  json: string | null;
}
