/**
 * Layout drift: after a page settles, check that the hooks Attaché relies on are there. If X changed its markup so
 * that they stop matching, Attaché says so (in the popup) instead of failing silently. Runs once per page view,
 * from a single timer; never on the annotation path.
 */
import { profileHandleFromPath } from '../core/handles';
import { X } from './selectors';

const TIMELINE_PAGES = /^\/(?:home|explore|search|i\/lists\/\d+|[A-Za-z0-9_]{1,20}\/status\/\d+)(?:\/|$)/;
const CELL_PAGES = /^\/[A-Za-z0-9_]{1,20}\/(?:following|followers|verified_followers|followers_you_follow)(?:\/|$)|^\/i\/lists\/\d+\/members/;

/** Which expected hooks are missing on this page now (empty when all is well or nothing is expected). */
export function missingHooks(doc: Document, pathname: string): string[] {
  const root = doc.querySelector(X.reactRoot);
  // Not X's app (or still loading its shell): nothing to expect.
  if (!root || root.childElementCount === 0) return [];
  const missing: string[] = [];
  const has = (selector: string) => doc.querySelector(selector) !== null;
  if (!has(X.primaryColumn)) missing.push(X.primaryColumn);
  if (CELL_PAGES.test(pathname)) {
    if (!has(X.userCell)) missing.push(X.userCell);
  } else if (profileHandleFromPath(pathname)) {
    if (!has(X.profileUserName)) missing.push(X.profileUserName);
  } else if (TIMELINE_PAGES.test(pathname) && !pathname.startsWith('/search')) {
    if (!has(X.tweet)) missing.push(X.tweet);
  }
  return missing;
}

/** Runs the check once the page has had time to settle after a load or a navigation. */
export class HookCheck {
  private timer: ReturnType<typeof setTimeout> | 0 = 0;
  missing: string[] = [];

  constructor(
    private readonly doc: Document,
    private readonly settleMs = 6000,
  ) {}

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.missing = [];
    this.timer = setTimeout(() => {
      this.timer = 0;
      this.missing = missingHooks(this.doc, this.doc.location?.pathname ?? '/');
    }, this.settleMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
  }
}
