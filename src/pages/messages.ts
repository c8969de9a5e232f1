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
