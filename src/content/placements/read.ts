/** Structural helpers shared by the placements. Structure only: no class names, no UI words, no layout reads. */
import { handleFromAtText, handleFromAvatarTestId, handleFromHref } from '../../core/handles';
import { X } from '../selectors';
import { CARD_TAG, HOST_TAG, NOTICE_TAG } from '../../contract/tags';

/** Whether `el` is inside `container` and not in a nested instance of the same kind (`closest(selector) === container`). */
export function ownedBy(el: Element, container: Element, selector: string): boolean {
  return el.closest(selector) === container;
}

/** Whether `el` is inside a quoted card that lies within `article`. */
export function inQuotedCard(el: Element, article: Element): boolean {
  const quoted = el.closest(X.quotedCard);
  return quoted !== null && article.contains(quoted) && quoted !== article;
}

/** A post's own text (not a quoted post's): where a notice line under the post goes. */
export function postText(article: Element): Element | null {
  for (const el of article.querySelectorAll(X.tweetText)) {
    if (!el.closest(X.quotedCard)) return el;
  }
  return null;
}

/** The author block of a post: the first `User-Name` that is not inside a quoted card (nor a nested post). */
export function authorUserName(article: Element): Element | null {
  for (const el of article.querySelectorAll(X.tweetUserName)) {
    if (!inQuotedCard(el, article) && el.closest(X.tweet) === article) return el;
  }
  return null;
}

/** Profile links (`/handle`) under `root` (among the links `selector` matches), with their handles, in document order. */
export function profileLinks(root: Element, selector: string = X.link): { link: Element; handle: string }[] {
  const out: { link: Element; handle: string }[] = [];
  for (const link of root.querySelectorAll(selector)) {
    const handle = handleFromHref(link.getAttribute('href'));
    if (handle) out.push({ link, handle });
  }
  return out;
}

/** The handle in the first `UserAvatar-Container-<handle>` under `root` (not the viewer's `unknown`). */
export function avatarHandle(root: Element): string | null {
  for (const el of root.querySelectorAll(X.avatarContainer)) {
    const handle = handleFromAvatarTestId(el.getAttribute('data-testid'));
    if (handle) return handle;
  }
  return null;
}

/** Text of a display-name element, for the lookalike name check only. Emoji images count by their alt text. */
export function displayText(el: Element | null): string | undefined {
  if (!el) return undefined;
  // Without emoji images or icons inside, the text is the element's text: one read instead of a walk over its nodes
  // (each node handed to a content script costs a lookup in its world's wrapper table). Attaché's badges are walked
  // past: they hold text of their own.
  if (!el.querySelector(NOT_PLAIN_TEXT)) return el.textContent?.trim() || undefined;
  return walkedText(el);
}

/** displayText by walking the nodes (exported for the test that pins the shortcut to it). */
export function walkedText(el: Element): string | undefined {
  let text = '';
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) text += c.nodeValue ?? '';
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (e.localName === 'img') text += e.getAttribute('alt') ?? '';
        else if (e.localName !== 'svg' && !e.localName.startsWith('attache-')) walk(e);
      }
    }
  };
  walk(el);
  return text.trim() || undefined;
}

/**
 * An element's text without Attaché's own: a badge lives in the page's DOM and holds its words ("Diplomat · China",
 * "Not @X · lookalike") as text, which a row's `textContent` would include. One search when the element holds no
 * badge (nearly always); a walk that skips Attaché's elements when it does.
 */
export function ownText(el: Element): string {
  if (!el.querySelector(OWN_NODES)) return el.textContent ?? '';
  let text = '';
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) text += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !(c as Element).localName.startsWith('attache-')) walk(c);
    }
  };
  walk(el);
  return text;
}

const OWN_NODES = `${HOST_TAG}, ${CARD_TAG}, ${NOTICE_TAG}`;

/** What the walk reads otherwise than as text: emoji images, icons, and Attaché's own elements. */
const NOT_PLAIN_TEXT = `img, svg, ${HOST_TAG}, ${CARD_TAG}, ${NOTICE_TAG}`;

/** `@handle` text of a block, or null. */
export { handleFromAtText };

/**
 * A name link or block's position in its row: climb from `el` while the parent wraps nothing else, staying inside
 * `stopAt` and never reaching an element that also holds `sibling` (the `@handle` line next to the name).
 */
export function nameContainer(el: Element, stopAt: Element, sibling: Element | null): Element {
  let current = el;
  while (current.parentElement && current.parentElement !== stopAt && !(sibling && current.parentElement.contains(sibling))) {
    current = current.parentElement;
  }
  return current;
}

export function sameHandle(a: string | null, b: string | null): boolean {
  return !a || !b || a.toLowerCase() === b.toLowerCase();
}
