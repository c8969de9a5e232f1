/**
 * Badge and card hosts. A badge is an <attache-badge> element in the page's own DOM holding a copy of its button
 * (rendered by Preact once per look), styled by one sheet the browser injects with the content script (badge.css);
 * a shadow root per badge cost more than the rest of the annotator's work (docs/performance.md, seventh and eighth
 * rounds). Cards and notice lines, one at a time or few, keep an OPEN shadow root each, rendered with Preact.
 * Events are stopped at the host so X's shortcuts (j/k/l/r...) and post links never see them. A badge gets its
 * listeners when the reader first reaches it (see AttacheUi.arm): most badges on a timeline are never touched.
 */
import { render, type VNode } from 'preact';
import type { DatasetIndex } from '../core/lookup';
import type { AccountDetails } from '../core/compiled';

import { Badge, badgeShape, fillBadge } from './Badge';
import { Card } from './Card';
import { LookalikeBadge, LookalikeCard } from './Lookalike';
import { RecycledBadge, RecycledCard } from './Identity';
import { CustomBadge, CustomCard } from './Custom';
import { XGovernmentBadge, XGovernmentCard } from './XGovernment';
import { t, uiDirection, uiLanguage } from './i18n';
import { ThemeWatcher, type Theme } from './theme';
import themeCss from './theme.css?inline';
import noticeLineCss from './notice-line.css?inline';
import cardCss from './card.css?inline';

import type { Annotation, BadgeRenderer, Candidate } from '../contract/badges';
import { HOST_TAG as BADGE_TAG, CARD_TAG, NOTICE_TAG } from '../contract/tags';
import { NoticeLine } from './NoticeLine';

/** Events that must not reach X's handlers (post navigation, keyboard shortcuts). */
const CONTAINED_EVENTS = [
  'click', 'auxclick', 'dblclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'touchstart', 'touchend', 'keydown', 'keyup', 'keypress',
] as const;

/**
 * Passive: `stop` never cancels an event, and stopPropagation works the same in a passive listener; a blocking touch
 * listener on every badge would make the browser wait for the page before it scrolls a touch that starts on one.
 */
const PASSIVE = { passive: true } as const;

function contain(host: HTMLElement): void {
  for (const type of CONTAINED_EVENTS) host.addEventListener(type, stop, PASSIVE);
}

function stop(event: Event): void {
  event.stopPropagation();
}

/**
 * Everything that can be a reader's first contact with a badge: a pointer coming over it, or any contained event (a
 * key reaches a badge only once it has focus, a click or a touch only after the pointer came over it, yet an
 * assistive technology's click may come alone). Heard once per page, in the capture phase at the window, before the
 * badge. `pointerover`, not `pointerenter`: Chromium sends enter events only to elements that listen for them, which
 * a badge does from its `pointerover` on (it is sent just before; an end-to-end test hovers a badge with the mouse).
 */
const FIRST_CONTACT = ['pointerover', ...CONTAINED_EVENTS] as const;
const CAPTURE_PASSIVE = { capture: true, passive: true } as const;

const CSS = { notice: themeCss + '\n' + noticeLineCss, card: themeCss + '\n' + cardCss } as const;
const sharedSheets = new Map<keyof typeof CSS, CSSStyleSheet | null>();

/**
 * One constructed stylesheet per kind, adopted by every shadow root: parsed once and shared, instead of a <style>
 * per badge (hundreds on a long timeline). Where adopting fails (e.g. across Firefox's content-script boundary),
 * a <style> element carries the same rules.
 */
function sharedSheet(kind: keyof typeof CSS): CSSStyleSheet | null {
  if (!sharedSheets.has(kind)) {
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS[kind]);
    } catch {
      sheet = null;
    }
    sharedSheets.set(kind, sheet);
  }
  return sharedSheets.get(kind)!;
}

function attachShadowWithStyles(host: HTMLElement, kind: keyof typeof CSS): ShadowRoot {
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = sharedSheet(kind);
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      return shadow;
    } catch {
      sharedSheets.set(kind, null);
    }
  }
  const style = host.ownerDocument.createElement('style');
  style.textContent = CSS[kind];
  shadow.append(style);
  return shadow;
}

/**
 * What makes two badges look the same: their markup is then one render, copied. Official badges differ only in their
 * words within a shape (see badgeShape), which each copy gets written in.
 */
function templateKey(annotation: Annotation): string {
  if (annotation.kind === 'official') return `o|${badgeShape(annotation.match.account)}`;
  if (annotation.kind === 'lookalike') return `l|${annotation.resembles.index}|${annotation.reason}`;
  if (annotation.kind === 'recycled') return `r|${annotation.identity.match.account.index}|${annotation.identity.handle}`;
  if (annotation.kind === 'x-government') return 'x';
  return `c|${annotation.matches.map((m) => [m.layer.id, m.layer.name, m.layer.colour, m.entry.label].join('\u0000')).join('\u0001')}`;
}

/** The Preact tree of a badge (markup only: its clicks and hovers are heard by the host, see AttacheUi.create). */
function badgeTree(annotation: Annotation) {
  if (annotation.kind === 'lookalike') return <LookalikeBadge resembles={annotation.resembles} reason={annotation.reason} />;
  if (annotation.kind === 'custom') return <CustomBadge matches={annotation.matches} />;
  if (annotation.kind === 'recycled') return <RecycledBadge identity={annotation.identity} />;
  if (annotation.kind === 'x-government') return <XGovernmentBadge />;
  return <Badge account={annotation.match.account} />;
}

interface BadgeState {
  /** The notice line under the post, when the reader chose that prominence. */
  companion?: HTMLElement;
  /** Whether the badge has its own listeners yet (see AttacheUi.arm). */
  armed: boolean;
  annotation: Annotation;
  candidate: Candidate;
  /** The badge's button (the host's only child). */
  button: HTMLElement;
  hoverTimer: ReturnType<typeof setTimeout> | 0;
}

export interface UiOptions {
  index: DatasetIndex;
  /** The full entry of an account (from the background): asked for when a card opens, never before. */
  details: (index: number) => Promise<AccountDetails | null>;
  doc?: Document;
  /** Delay before a card opens on hover; 0 = never on hover. */
  hoverDelayMs: () => number;
  /** Whether posts by accounts with notices get a one-line notice under their text. */
  noticeLine?: () => boolean;
  /**
   * Where a post's notice line goes: the element it follows (the post's own text, not a quoted post's), or null.
   * The DOM layer knows X's markup; the UI asks it. Needed only with `noticeLine`.
   */
  noticeAnchor?: (candidate: Candidate) => Element | null;
}

export class AttacheUi implements BadgeRenderer {
  private readonly doc: Document;
  private readonly badges = new WeakMap<HTMLElement, BadgeState>();
  /** Badge markup per distinct look (see templateKey): a dozen official shapes serve hundreds of accounts. */
  private readonly templates = new Map<string, Element>();
  /** Increases with every opening, so a late answer for an earlier card is ignored. */
  private openTicket = 0;
  private readonly theme: ThemeWatcher;
  private card: { host: HTMLElement; badge: HTMLElement; viaHover: boolean; closeTimer: ReturnType<typeof setTimeout> | 0 } | null = null;
  private readonly onOutsidePointer = (event: Event) => {
    if (!this.card) return;
    const path = event.composedPath();
    if (path.includes(this.card.host) || path.includes(this.card.badge)) return;
    this.closeCard(false);
  };

  /**
   * Gives a badge its listeners on first contact. Listeners added to a node while an event is on its way there are
   * called for that same event (the DOM reads a node's listeners when the event reaches it), so the first click,
   * key or touch is contained and handled like every later one.
   */
  private readonly onFirstContact = (event: Event) => {
    // The target is the badge's button or a node inside it (its icon, its label), rarely the host itself. Most
    // events on a page are elsewhere: an element's name tells that without a walk up the tree.
    const target = event.target as Element | null;
    const name = target?.localName;
    if (name !== 'button' && name !== 'span' && name !== 'svg' && name !== 'path' && name !== BADGE_TAG) return;
    const host = target!.closest(BADGE_TAG) as HTMLElement | null;
    const state = host ? this.badges.get(host) : undefined;
    if (host && state && !state.armed) {
      this.arm(host, state);
      // Firefox decides whether to send enter events before it sends the pointerover that armed the badge: with no
      // pointerenter listener in the page yet, this entry brings none. The pointer has entered: start the delay here.
      if (event.type === 'pointerover' && (event as PointerEvent).pointerType === 'mouse' && state.annotation.kind === 'official') this.hoverStart(host, state);
    }
  };
  private listening: Window | null = null;

  constructor(private readonly options: UiOptions) {
    this.doc = options.doc ?? document;
    this.theme = new ThemeWatcher(this.doc, (theme) => this.applyTheme(theme));
  }

  start(): void {
    this.theme.start();
  }

  /**
   * Work a page's first badge would otherwise pay, done while the page is idle after start-up. It matters when the
   * page has no usable message catalogue (message-catalog.ts; a stale one waits for the background to rewrite it):
   * then the first message read makes the browser hand the extension's messages to the page's process (measured at
   * 5-10 ms in Chromium). With the catalogue the read costs next to nothing.
   */
  warmUp(): void {
    t('badgeNoticeMarker');
  }

  stop(): void {
    this.closeCard(false);
    this.theme.stop();
    if (this.listening) {
      for (const type of FIRST_CONTACT) this.listening.removeEventListener(type, this.onFirstContact, CAPTURE_PASSIVE);
      this.listening = null;
    }
  }

  create(annotation: Annotation, candidate: Candidate): HTMLElement {
    if (!this.listening) {
      this.listening = this.doc.defaultView;
      for (const type of FIRST_CONTACT) this.listening?.addEventListener(type, this.onFirstContact, CAPTURE_PASSIVE);
    }
    const host = this.doc.createElement(BADGE_TAG);
    host.setAttribute('data-attache-theme', this.theme.current);
    const button = this.badgeMarkup(annotation);
    host.append(button);
    this.badges.set(host, { annotation, candidate, button, hoverTimer: 0, armed: false });
    if (annotation.kind === 'official' && annotation.match.account.noticeCount > 0 && candidate.placement === 'tweet-author' && this.options.noticeLine?.()) {
      void this.noticeLine(host, annotation.match.account.index, candidate);
    }
    return host;
  }

  /**
   * A badge's own listeners: containment, its click (Enter and Space click a button), Escape, and hover. Seventeen
   * listeners cost about 12 µs per badge in an extension's isolated world, so a badge gets them when first reached.
   */
  private arm(host: HTMLElement, state: BadgeState): void {
    state.armed = true;
    contain(host);
    host.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.card?.badge === host) this.closeCard(true);
    });
    // The clone carries no listeners: the host hears the button's clicks.
    host.addEventListener('click', (event) => {
      event.preventDefault();
      if (this.card?.badge === host && !this.card.viaHover) this.closeCard(true);
      else void this.openCard(host, false);
    });
    if (state.annotation.kind === 'official') {
      host.addEventListener('pointerenter', (event) => {
        if ((event as PointerEvent).pointerType === 'mouse') this.hoverStart(host, state);
      });
      host.addEventListener('pointerleave', (event) => {
        if ((event as PointerEvent).pointerType === 'mouse') this.hoverEnd(host, state);
      });
    }
  }

  /** A one-line notice under the post's text, for readers who chose that prominence. Opens the same card. */
  private async noticeLine(badge: HTMLElement, index: number, candidate: Candidate): Promise<void> {
    const notice = (await this.options.details(index))?.notices[0];
    const state = this.badges.get(badge);
    if (!notice || !state || !badge.isConnected || state.companion) return;
    const text = this.options.noticeAnchor?.(candidate) ?? null;
    if (!text) return;
    const line = this.doc.createElement(NOTICE_TAG);
    line.setAttribute('data-attache-notice', notice.id);
    line.setAttribute('data-attache-theme', this.theme.current);
    contain(line);
    const shadow = attachShadowWithStyles(line, 'notice');
    render(<NoticeLine notice={notice} onActivate={() => void this.openCard(badge, false)} />, shadow);
    text.after(line);
    state.companion = line;
  }

  destroy(host: HTMLElement): void {
    const state = this.badges.get(host);
    if (!state) return;
    if (state.companion) {
      render(null, state.companion.shadowRoot!);
      state.companion.remove();
    }
    if (state.hoverTimer) clearTimeout(state.hoverTimer);
    if (this.card?.badge === host) this.closeCard(false);
    this.badges.delete(host);
  }

  /** Closes the open card; with `restoreFocus`, focus goes back to its badge. */
  closeCard(restoreFocus: boolean): void {
    const card = this.card;
    if (!card) return;
    this.card = null;
    if (card.closeTimer) clearTimeout(card.closeTimer);
    this.doc.removeEventListener('pointerdown', this.onOutsidePointer, true);
    render(null, card.host.shadowRoot!);
    card.host.remove();
    const state = this.badges.get(card.badge);
    if (state) {
      this.syncExpanded(card.badge, state);
      if (restoreFocus) state.button.focus();
    }
  }

  get openCardHost(): HTMLElement | null {
    return this.card?.host ?? null;
  }

  /**
   * The badge's markup: rendered by Preact once per distinct look and copied for every further appearance (an account
   * can appear hundreds of times on a timeline, and a copy costs a fraction of a render).
   */
  private badgeMarkup(annotation: Annotation): HTMLElement {
    const key = templateKey(annotation);
    let template = this.templates.get(key);
    if (!template) {
      template = this.render(badgeTree(annotation));
      // Custom lists can be renamed and recoloured at will: the cache is bounded.
      if (this.templates.size >= 2000) this.templates.clear();
      this.templates.set(key, template);
    }
    const copy = template.cloneNode(true) as HTMLElement;
    if (annotation.kind === 'official') fillBadge(copy, annotation.match.account);
    return copy;
  }

  private render(markup: VNode): Element {
    const box = this.doc.createElement('div');
    render(markup, box);
    return box.firstElementChild!;
  }

  /** Tells assistive technology whether the badge's card is open. */
  private syncExpanded(host: HTMLElement, state: BadgeState): void {
    state.button.setAttribute('aria-expanded', this.card?.badge === host ? 'true' : 'false');
  }

  private hoverStart(host: HTMLElement, state: BadgeState): void {
    if (this.card?.badge === host) {
      if (this.card.closeTimer) clearTimeout(this.card.closeTimer);
      this.card.closeTimer = 0;
      return;
    }
    const delay = this.options.hoverDelayMs();
    if (delay <= 0 || state.hoverTimer) return;
    state.hoverTimer = setTimeout(() => {
      state.hoverTimer = 0;
      if (host.isConnected && this.card?.badge !== host) void this.openCard(host, true);
    }, delay);
  }

  private hoverEnd(host: HTMLElement, state: BadgeState): void {
    if (state.hoverTimer) clearTimeout(state.hoverTimer);
    state.hoverTimer = 0;
    this.scheduleHoverClose(host);
  }

  private scheduleHoverClose(host: HTMLElement): void {
    const card = this.card;
    if (!card || card.badge !== host || !card.viaHover) return;
    if (card.closeTimer) clearTimeout(card.closeTimer);
    card.closeTimer = setTimeout(() => {
      if (this.card === card) this.closeCard(false);
    }, 400);
  }

  private async openCard(badge: HTMLElement, viaHover: boolean): Promise<void> {
    const state = this.badges.get(badge);
    if (!state) return;
    const annotation = state.annotation;
    const ticket = ++this.openTicket;
    const details = annotation.kind === 'official' ? await this.options.details(annotation.match.account.index) : null;
    // Another card was asked for meanwhile, or the badge went away: this opening is stale.
    if (ticket !== this.openTicket || !badge.isConnected || !this.badges.has(badge)) return;
    if (annotation.kind === 'official' && !details) return;
    this.closeCard(false);
    const host = this.doc.createElement(CARD_TAG);
    host.setAttribute(
      'data-attache-card',
      annotation.kind === 'official' ? annotation.match.account.id
      : annotation.kind === 'lookalike' ? annotation.resembles.id
      : annotation.kind === 'recycled' ? `recycled:${annotation.identity.handle.toLowerCase()}`
      : annotation.kind === 'x-government' ? `x-government:${annotation.handle.toLowerCase()}`
      : `custom:${annotation.handle.toLowerCase()}`,
    );
    if (annotation.kind === 'lookalike') host.setAttribute('data-attache-warning', 'lookalike');
    if (annotation.kind === 'recycled') host.setAttribute('data-attache-warning', 'recycled');
    host.setAttribute('data-attache-theme', this.theme.current);
    // The card speaks the browser's UI language (its strings come from _locales), in that language's direction.
    host.setAttribute('lang', uiLanguage());
    host.setAttribute('dir', uiDirection());
    contain(host);
    const shadow = attachShadowWithStyles(host, 'card');
    const card = { host, badge, viaHover, closeTimer: 0 as ReturnType<typeof setTimeout> | 0 };
    host.addEventListener('pointerenter', () => {
      if (card.closeTimer) clearTimeout(card.closeTimer);
      card.closeTimer = 0;
    });
    host.addEventListener('pointerleave', () => this.scheduleHoverClose(badge));
    // A card opened by hover becomes a normal card once the reader interacts with it.
    host.addEventListener('focusin', () => {
      card.viaHover = false;
    });
    // Tab past the last control (or Shift+Tab before the first) closes the card and returns to the badge, so the
    // reader continues through the page from where the card was opened.
    host.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab' || this.card !== card) return;
      const stops = [...host.shadowRoot!.querySelectorAll<HTMLElement>('a[href], button, summary, textarea')].filter(
        (el) => el.checkVisibility?.() ?? true,
      );
      const active = host.shadowRoot!.activeElement;
      const edge = event.shiftKey ? stops[0] : stops[stops.length - 1];
      if (stops.length === 0 || active === edge || (event.shiftKey && !stops.includes(active as HTMLElement))) {
        event.preventDefault();
        this.closeCard(true);
      }
    });
    // Focus leaving the card otherwise (a click elsewhere) closes it; back to the badge is fine.
    host.addEventListener('focusout', (event) => {
      const next = (event as FocusEvent).relatedTarget as Node | null;
      if (next && (host.contains(next) || badge.contains(next) || next === badge)) return;
      setTimeout(() => {
        if (this.card === card && !host.matches(':focus-within')) this.closeCard(false);
      }, 0);
    });
    this.card = card;
    this.doc.body.append(host);
    const close = () => this.closeCard(true);
    const layers = (badge.getAttribute('data-attache-layer') ?? '').split(' ').filter(Boolean);
    render(
      annotation.kind === 'lookalike' ? (
        <LookalikeCard resembles={annotation.resembles} reason={annotation.reason} autoFocus={!viaHover} onClose={close} />
      ) : annotation.kind === 'recycled' ? (
        <RecycledCard identity={annotation.identity} autoFocus={!viaHover} onClose={close} />
      ) : annotation.kind === 'x-government' ? (
        <XGovernmentCard
          handle={annotation.handle}
          observed={annotation.observed}
          page={pageAddress(this.doc)}
          date={new Date().toISOString().slice(0, 10)}
          autoFocus={!viaHover}
          onClose={close}
        />
      ) : annotation.kind === 'custom' ? (
        <CustomCard handle={annotation.handle} matches={annotation.matches} autoFocus={!viaHover} onClose={close} />
      ) : (
        <Card
          details={details!}
          via={annotation.match.via}
          placement={state.candidate.placement}
          datasetVersion={this.options.index.version}
          layers={layers}
          custom={annotation.custom}
          identity={annotation.identity}
          autoFocus={!viaHover}
          onClose={close}
        />
      ),
      shadow,
    );
    this.position(host, badge);
    this.doc.addEventListener('pointerdown', this.onOutsidePointer, true);
    this.syncExpanded(badge, state);
  }

  /**
   * Places the card under the badge (above when there is no room below), aligned to the badge's start edge, kept
   * inside the viewport. Layout is read here, once per opening, never on the annotation path.
   */
  private position(host: HTMLElement, badge: HTMLElement): void {
    const view = this.doc.defaultView!;
    const anchor = badge.getBoundingClientRect();
    const cardEl = host.shadowRoot!.querySelector('.card') as HTMLElement | null;
    const size = cardEl?.getBoundingClientRect() ?? { width: 380, height: 300 };
    const margin = 8;
    const vw = this.doc.documentElement.clientWidth || view.innerWidth;
    const vh = view.innerHeight;
    const rtl = host.getAttribute('dir') === 'rtl';
    let left = rtl ? anchor.right - size.width : anchor.left;
    left = Math.max(margin, Math.min(left, vw - size.width - margin));
    const gap = 6;
    const roomBelow = vh - anchor.bottom - gap - margin;
    const roomAbove = anchor.top - gap - margin;
    // Below when it fits, else above when it fits, else on the roomier side with the card's height capped to it.
    const side = size.height <= roomBelow || (size.height > roomAbove && roomBelow >= roomAbove) ? 'below' : 'above';
    const room = Math.max(160, side === 'below' ? roomBelow : roomAbove);
    const height = Math.min(size.height, room);
    if (height < size.height) host.style.setProperty('--attache-card-max-height', `${Math.floor(room)}px`);
    const top = side === 'below' ? anchor.bottom + gap : anchor.top - gap - height;
    host.style.setProperty('left', `${Math.round(left + view.scrollX)}px`);
    host.style.setProperty('top', `${Math.round(Math.max(margin, top) + view.scrollY)}px`);
    host.setAttribute('data-attache-side', side);
  }

  private applyTheme(theme: Theme): void {
    for (const host of this.doc.querySelectorAll(`${BADGE_TAG}, ${CARD_TAG}, ${NOTICE_TAG}`)) host.setAttribute('data-attache-theme', theme);
  }
}

/** The page a report names: origin and path only (a query can hold the reader's own search). */
function pageAddress(doc: Document): string {
  const location = doc.location;
  return location ? `${location.origin}${location.pathname}` : '';
}
