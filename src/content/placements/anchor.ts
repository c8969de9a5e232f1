/** Where a badge goes next to an account's name. Structure only: no class names, no layout reads. */
import { HOST_TAG } from '../../contract/tags';

/** Element children of `el` other than badge hosts. One number from the DOM in the common case of a single child. */
function elementChildren(el: Element): number {
  const all = el.childElementCount;
  if (all <= 1) return all;
  let n = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (c.localName !== HOST_TAG) n++;
  return n;
}

/**
 * The outermost wrapper of `el` that wraps nothing else, without leaving `stopAt`. X nests a name link in several
 * single-child flex boxes; inserting after the outermost one puts the badge on the name's line, not under it.
 */
export function outermostSoleWrapper(el: Element, stopAt: Element): Element {
  let current = el;
  while (current.parentElement && current.parentElement !== stopAt && elementChildren(current.parentElement) === 1) {
    current = current.parentElement;
  }
  return current;
}
