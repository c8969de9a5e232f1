/** A place on X's pages where an account appears. One module per placement, registered in ./registry.ts. */
import type { Candidate, PlacementName } from '../../contract/badges';

export { PLACEMENT_NAMES, type Candidate, type PlacementName } from '../../contract/badges';

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
