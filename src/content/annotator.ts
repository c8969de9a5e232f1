/**
 * Finds accounts on X's pages and keeps exactly one badge per account per placement instance, on a page that React
 * keeps rewriting. Observes with one MutationObserver whose callback only queues nodes; the queue is drained in
 * bounded slices (see scheduler.ts). Bookkeeping is keyed by the placement instance in a WeakMap, so nothing of ours
 * outlives the nodes X removes; badges inside removed subtrees are released when the queue next drains.
 */
import { badgeLayers, isBadgeVisible } from '../core/layers';
import { LookalikeIndex } from '../core/lookalike';
import { isUnverified } from '../core/compiled';
import type { DatasetIndex } from '../core/lookup';
import { handleFromHref } from '../core/handles';
import { identify, isOfficial, unlistedGovernment, type Identity, type Observations } from '../core/identity';
import type { CustomLayerIndex, CustomMatch } from '../core/custom-layers';
import { PLACEMENTS } from './placements/registry';
import type { Candidate, PageContext, Placement } from './placements/types';
import { SlicedQueue } from './scheduler';
import { X } from './selectors';

import { HOST_TAG } from '../contract/tags';
import type { Annotation, BadgeRenderer } from '../contract/badges';

export { HOST_TAG } from '../contract/tags';
export type { Annotation, BadgeRenderer } from '../contract/badges';

/** Placements where a non-official account can be mistaken for an official one: lookalike warnings go there. */
export const LOOKALIKE_PLACEMENTS: ReadonlySet<string> = new Set(['tweet-author', 'user-cell', 'hover-card', 'profile']);

const LOOKALIKE_LAYERS = ['lookalikes'] as const;
/** The optional layer for accounts X marks as government that the dataset lacks (src/core/identity.ts). */
export const X_GOVERNMENT_LAYER = 'x-government';
const X_GOVERNMENT_LAYERS = [X_GOVERNMENT_LAYER] as const;

interface PlacementGroup {
  selector: string;
  /** Every instance is or lies inside an element matching one of these (see Placement.instanceScope); null: none. */
  scope: { each: readonly string[]; any: string } | null;
  placements: readonly Placement[];
}

interface HostRecord {
  host: HTMLElement;
  /** What the badge was made for: when this changes (layers, custom lists), the badge is rebuilt. */
  signature: string;
}

interface Wanted {
  candidate: Candidate;
  annotation: Annotation;
  layers: readonly string[];
  /** the account (dataset id) or, for a warning, `lookalike:<handle>` */
  subject: string;
}

export interface AnnotatorOptions {
  index: DatasetIndex;
  renderer: BadgeRenderer;
  placements?: readonly Placement[];
  root?: Document;
  /** Whether a layer (src/core/layers.ts ids, or a custom layer's id) is switched on. Default: all on. */
  layerEnabled?: (layerId: string) => boolean;
  /** Whether dataset entries of low or unverified confidence are badged (with their mark). Default: yes. */
  showUnverified?: () => boolean;
  /**
   * The lookalike matcher; built from the index on first use when omitted (it reads the orders compiled into the
   * index: building it costs next to nothing); `false` turns warnings off.
   */
  lookalikes?: LookalikeIndex | false;
  onError?: (error: unknown, where: string) => void;
  /** Called when X navigates to another page (pushState or popstate). */
  onNavigate?: (pathname: string) => void;
  /** Researchers' own lists (enabled ones only); read on every annotation, so it can be swapped live. */
  custom?: () => CustomLayerIndex | null;
  /**
   * What X's own page data says about accounts (the page-world reader, via src/content/page-signals.ts); null or
   * omitted: nothing, and accounts are matched by handle.
   */
  identity?: () => Observations | null;
  /** Called for every badge inserted (the session log listens here). */
  onAnnotate?: (annotation: Annotation, candidate: Candidate, layers: readonly string[]) => void;
}

/** Budget of the slice that runs right after the page's change (later slices: the scheduler's 6 ms). */
const FIRST_SLICE_MS = 40;

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['href', 'data-testid'],
  // React updates text in place (a reused profile header shows "@B" where it showed "@A").
  characterData: true,
};

export class Annotator {
  private readonly doc: Document;
  private readonly placements: readonly Placement[];
  /** instance -> key (placement|slot|subject) -> record */
  private readonly records = new WeakMap<Element, Map<string, HostRecord>>();
  /** Hosts this annotator inserted (a page could forge `<attache-badge>` elements: those are never counted). */
  private readonly ownHosts = new WeakSet<HTMLElement>();
  /** Queued nodes to re-read only around (their enclosing instance), not throughout their subtree. */
  private readonly shallow = new WeakSet<Element>();
  /** Queued nodes that were removed: release the badges inside them if they are still detached when drained. */
  private readonly removed = new WeakSet<Element>();
  private readonly queue: SlicedQueue<Element>;
  /** Every placement's instance selector in one: one closest() walk finds the instances around a change. */
  private readonly anyInstance: string;
  /** Placements grouped by their instance selector (in registry order). */
  private readonly groups: readonly PlacementGroup[];
  private readonly layerEnabled: (layerId: string) => boolean;
  private lookalikeIndex: LookalikeIndex | null = null;
  private observer: MutationObserver | null = null;
  private pathname = '';
  private enabled = false;
  private viewer: string | null = null;
  private readonly onPopState = () => {
    if (this.enabled) this.queue.add(this.doc.documentElement);
  };

  constructor(private readonly options: AnnotatorOptions) {
    this.doc = options.root ?? document;
    this.placements = options.placements ?? PLACEMENTS;
    const groups = new Map<string, { selector: string; scope: PlacementGroup['scope']; placements: Placement[] }>();
    const scopeOf = (p: Placement) => (p.instanceScope?.length ? { each: p.instanceScope, any: p.instanceScope.join(', ') } : null);
    for (const placement of this.placements) {
      const group = groups.get(placement.instanceSelector);
      if (!group) {
        groups.set(placement.instanceSelector, { selector: placement.instanceSelector, scope: scopeOf(placement), placements: [placement] });
        continue;
      }
      group.placements.push(placement);
      // Placements sharing instances share the scope only if they all declare the same one.
      if (group.scope?.any !== scopeOf(placement)?.any) group.scope = null;
    }
    this.groups = [...groups.values()];
    this.anyInstance = this.groups.map((g) => g.selector).join(', ');
    this.layerEnabled = options.layerEnabled ?? (() => true);
    // X navigates with pushState between slices, never during one: the path is compared once per slice.
    this.queue = new SlicedQueue<Element>((el) => this.process(el), {
      // The posts X inserts in one frame get their badges in that frame (scheduler.ts; measured in the bench's
      // raf shape, scripts/bench): only work beyond this waits for the next frames.
      firstSliceMs: FIRST_SLICE_MS,
      beforeSlice: () => {
        this.unobserve();
        this.checkNavigation();
      },
      afterSlice: () => this.observe(),
    });
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  start(): void {
    if (this.enabled) return;
    this.enabled = true;
    this.queue.resume();
    this.pathname = this.doc.location?.pathname ?? '/';
    this.observer = new MutationObserver((mutations) => this.onMutations(mutations));
    this.observe();
    this.doc.defaultView?.addEventListener('popstate', this.onPopState);
    this.queue.add(this.doc.documentElement);
  }

  /** Stops observing and removes every badge. */
  stop(): void {
    if (!this.enabled) return;
    this.enabled = false;
    this.observer?.disconnect();
    this.observer = null;
    this.queue.stop();
    this.doc.defaultView?.removeEventListener('popstate', this.onPopState);
    for (const host of this.doc.querySelectorAll<HTMLElement>(HOST_TAG)) this.removeHost(host);
  }

  /** Processes everything queued right away (start-up and tests). */
  flush(): void {
    this.queue.flush();
  }

  /**
   * Re-evaluates every annotated instance and re-scans the document at once: after a layer is switched on or off,
   * badges appear or go without duplicates.
   */
  refresh(): void {
    if (!this.enabled) return;
    this.queue.add(this.doc.documentElement);
    this.queue.flush();
  }

  /** Distinct accounts badged on the page now, per layer id, plus `total` (for the popup). */
  counts(): Record<string, number> {
    const perLayer = new Map<string, Set<string>>();
    const all = new Set<string>();
    for (const host of this.doc.querySelectorAll<HTMLElement>(HOST_TAG)) {
      if (!this.ownHosts.has(host)) continue;
      const handle = host.getAttribute('data-attache-handle');
      const subject = host.hasAttribute('data-attache-warning')
        ? `${host.getAttribute('data-attache-warning')}:${handle}`
        : host.hasAttribute('data-attache-signal')
          ? `${host.getAttribute('data-attache-signal')}:${handle}`
          : host.getAttribute('data-attache-account') ?? `custom:${handle}`;
      all.add(subject);
      for (const layer of (host.getAttribute('data-attache-layer') ?? '').split(' ')) {
        if (!layer) continue;
        let set = perLayer.get(layer);
        if (!set) perLayer.set(layer, (set = new Set()));
        set.add(subject);
      }
    }
    const out: Record<string, number> = { total: all.size };
    for (const [layer, set] of perLayer) out[layer] = set.size;
    return out;
  }

  private observe(): void {
    this.observer?.observe(this.doc.documentElement, OBSERVED);
  }

  /**
   * Stops observing while a slice runs: the slice's own writes (every badge inserted or removed) would otherwise come
   * back as mutation records, one per badge, each handed to this world and looked at only to be ignored. Only this
   * script runs during a slice, so nothing else is missed; records already queued are taken first.
   */
  private unobserve(): void {
    if (!this.observer) return;
    const pending = this.observer.takeRecords();
    if (pending.length) this.onMutations(pending);
    this.observer.disconnect();
  }

  private onMutations(mutations: MutationRecord[]): void {
    // Queue only: no DOM reads beyond the records themselves.
    for (const m of mutations) {
      if (m.type === 'childList') {
        let foreign = false;
        let addedElement = false;
        for (const node of m.addedNodes) {
          if (node.nodeType === 1) {
            // Our own nodes (badges, cards, notice lines) hold nothing to annotate.
            if ((node as Element).localName.startsWith('attache-')) continue;
            this.queue.add(node as Element);
            addedElement = true;
          }
          foreign = true;
        }
        let ownRemoved = false;
        for (const node of m.removedNodes) {
          if (node.nodeType !== 1) {
            foreign = true;
            continue;
          }
          const el = node as Element;
          if (el.localName === HOST_TAG) {
            // Our own host taken out by X's re-render (ours we forget before removing): release it, re-read around.
            if (this.ownHosts.has(el as HTMLElement)) {
              ownRemoved = true;
              this.removed.add(el);
              this.queue.add(el);
            }
            continue;
          }
          foreign = true;
          this.removed.add(el);
          this.queue.add(el);
        }
        // Children removed or text replaced inside an instance: re-read the instance around the change only.
        if ((foreign && !addedElement) || ownRemoved) this.queueShallow(m.target);
      } else {
        this.queueShallow(m.target);
      }
    }
  }

  private queueShallow(node: Node): void {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el || el.localName === HOST_TAG || this.queue.has(el)) return;
    this.shallow.add(el);
    this.queue.add(el);
  }

  /** X navigates with pushState, which a content script cannot hear: compare the path whenever work is drained. */
  private checkNavigation(): void {
    const path = this.doc.location?.pathname ?? '/';
    if (path === this.pathname) return;
    this.pathname = path;
    this.options.onNavigate?.(path);
    this.queue.add(this.doc.documentElement);
  }

  private process(node: Element): void {
    if (this.removed.has(node)) {
      this.removed.delete(node);
      if (!node.isConnected) {
        this.release(node);
        return;
      }
    }
    this.scan(node);
  }

  /** A subtree X removed: release our badges in it (they are also taken out, so a re-inserted node is rebuilt). */
  private release(node: Element): void {
    if (node.localName === HOST_TAG) {
      if (this.ownHosts.has(node as HTMLElement)) this.removeHost(node as HTMLElement);
      return;
    }
    for (const host of node.querySelectorAll<HTMLElement>(HOST_TAG)) if (this.ownHosts.has(host)) this.removeHost(host);
  }

  private scan(node: Element): void {
    const shallow = this.shallow.has(node);
    this.shallow.delete(node);
    if (!node.isConnected) return;
    const page: PageContext = { pathname: this.pathname };
    if (node === this.doc.documentElement || !this.viewer) {
      const viewer = this.readViewer();
      if (viewer !== this.viewer) {
        const firstSeen = this.viewer === null && node !== this.doc.documentElement;
        this.viewer = viewer;
        // The navigation bar arrived after the first pass: drop any badge given to the viewer's own account.
        if (firstSeen) this.queue.add(this.doc.documentElement);
      }
    }
    const target = node.localName === HOST_TAG ? node.parentElement : node;
    if (!target) return;
    // The instances around the change (nearest first), in one selector pass for all placements; then those inside it
    // (unless only the text around was touched), one search per group: Chromium matches a single selector much faster
    // than a list of them (measured: the list of all ten took about twice as long as the ten searches one by one).
    // Most of X's own mutations (counters, timestamps, menus) touch no instance at all.
    for (let around = target.closest(this.anyInstance); around; around = around.parentElement?.closest(this.anyInstance) ?? null) {
      this.reconcileAll(around, page);
    }
    if (shallow) return;
    for (const group of this.groups) {
      if (group.scope && !target.closest(group.scope.any) && !group.scope.each.some((s) => target.querySelector(s))) continue;
      for (const instance of target.querySelectorAll(group.selector)) this.reconcileGroup(group, instance, page);
    }
  }

  /** Reconciles every placement whose instances `instance` is one of (a post is three: author, reposter, reply-to). */
  private reconcileAll(instance: Element, page: PageContext): void {
    for (const group of this.groups) {
      // The selectors are the constants of selectors.ts: `anyInstance`, made of them, has just matched, so these parse.
      if (instance.matches(group.selector)) this.reconcileGroup(group, instance, page);
    }
  }

  private reconcileGroup(group: PlacementGroup, instance: Element, page: PageContext): void {
    for (const placement of group.placements) {
      try {
        this.reconcile(placement, instance, page);
      } catch (error) {
        this.options.onError?.(error, placement.name);
      }
    }
  }

  private readViewer(): string | null {
    const link = this.doc.querySelector(X.viewerProfileLink);
    return handleFromHref(link?.getAttribute('href'))?.toLowerCase() ?? null;
  }

  private lookalikes(): LookalikeIndex | null {
    if (this.options.lookalikes === false) return null;
    this.lookalikeIndex ??=
      this.options.lookalikes ?? new LookalikeIndex(this.options.index.lookalikeAccounts());
    return this.lookalikeIndex;
  }

  /** What to show for one candidate, or null (not an account of interest, or its layers are off). */
  private annotate(candidate: Candidate): Wanted | null {
    const observations = this.options.identity?.() ?? null;
    const seen = identify(this.options.index, candidate.handle, observations);
    // An unverified entry the reader chose not to see: not badged (and, being in the dataset, never a lookalike).
    const hidden = seen !== null && isUnverified(seen.match.account.confidence) && this.options.showUnverified?.() === false;
    const identity = hidden ? null : seen;
    const custom = this.options.custom?.()?.lookup(candidate.handle) ?? NO_CUSTOM;
    if (hidden && custom.length === 0) return null;
    const customLayers = custom.length ? custom.map((m) => m.layer.id) : NO_LAYERS;
    if (identity && !isOfficial(identity)) {
      // The listed handle now belongs to another account: a warning naming the entry, never the official badge.
      const content = identity.match.account.layers;
      if (!isBadgeVisible(content, candidate.placement, this.layerEnabled)) return null;
      return {
        candidate,
        annotation: { kind: 'recycled', identity },
        layers: badgeLayers(content, candidate.placement),
        subject: `recycled:${candidate.handle.toLowerCase()}`,
      };
    }
    const match = identity?.match;
    if (match) {
      const content = customLayers.length ? [...match.account.layers, ...customLayers] : match.account.layers;
      if (!isBadgeVisible(content, candidate.placement, this.layerEnabled)) return null;
      return {
        candidate,
        annotation: { kind: 'official', match, custom, identity: identity! },
        layers: badgeLayers(content, candidate.placement),
        subject: match.account.id,
      };
    }
    if (custom.length > 0) {
      // On the researcher's own list: never second-guessed as a lookalike.
      if (!isBadgeVisible(customLayers, candidate.placement, this.layerEnabled)) return null;
      return {
        candidate,
        annotation: { kind: 'custom', handle: candidate.handle, matches: custom },
        layers: badgeLayers(customLayers, candidate.placement),
        subject: `custom:${candidate.handle.toLowerCase()}`,
      };
    }
    const lookalike = this.lookalike(candidate);
    if (lookalike || seen) return lookalike;
    // Not in the dataset, not on a list, no warning: X's own government mark, when the reader asked for it.
    if (!isBadgeVisible(X_GOVERNMENT_LAYERS, candidate.placement, this.layerEnabled)) return null;
    const observed = unlistedGovernment(this.options.index, candidate.handle, observations);
    if (!observed) return null;
    return {
      candidate,
      annotation: { kind: 'x-government', handle: candidate.handle, observed },
      layers: badgeLayers(X_GOVERNMENT_LAYERS, candidate.placement),
      subject: `x-government:${candidate.handle.toLowerCase()}`,
    };
  }

  private lookalike(candidate: Candidate): Wanted | null {
    if (!LOOKALIKE_PLACEMENTS.has(candidate.placement)) return null;
    if (!isBadgeVisible(LOOKALIKE_LAYERS, candidate.placement, this.layerEnabled)) return null;
    const hit = this.lookalikes()?.check({ handle: candidate.handle, displayName: candidate.displayName });
    if (!hit) return null;
    return {
      candidate,
      annotation: { kind: 'lookalike', resembles: hit.resembles, reason: hit.reason },
      layers: badgeLayers(LOOKALIKE_LAYERS, candidate.placement),
      subject: `lookalike:${candidate.handle.toLowerCase()}`,
    };
  }

  /** Makes the badges of one placement instance match what it shows now. */
  private reconcile(placement: Placement, instance: Element, page: PageContext): void {
    const existing = this.records.get(instance);
    // Allocated only when there is something to show: most instances show no account of interest.
    let wanted: Map<string, Wanted> | null = null;
    for (const candidate of placement.read(instance, page)) {
      if (this.viewer && candidate.handle.toLowerCase() === this.viewer) continue;
      const want = this.annotate(candidate);
      if (!want) continue;
      wanted ??= new Map<string, Wanted>();
      // Exactly one badge per account per placement instance (a handle and a former handle of one account, say).
      if (hasSubject(wanted, want.subject)) continue;
      wanted.set(`${placement.name}|${candidate.slot}|${want.subject}`, want);
    }
    // Remove badges whose account left this instance (recycled node, navigation) or that React detached or moved.
    if (existing) {
      const prefix = placement.name + '|';
      for (const [key, record] of existing) {
        if (!key.startsWith(prefix)) continue;
        const want = wanted?.get(key);
        if (
          !want ||
          !record.host.isConnected ||
          record.host.previousElementSibling !== want.candidate.after ||
          record.signature !== signatureOf(want)
        ) {
          this.removeHost(record.host);
          existing.delete(key);
        }
      }
    }
    if (!wanted) return;
    const records = existing ?? new Map<string, HostRecord>();
    for (const [key, want] of wanted) {
      if (records.has(key)) continue;
      const host = this.insert(want);
      records.set(key, { host, signature: signatureOf(want) });
    }
    if (!existing) this.records.set(instance, records);
  }

  private insert({ candidate, annotation, layers }: Wanted): HTMLElement {
    const host = this.options.renderer.create(annotation, candidate);
    host.setAttribute('data-attache-placement', candidate.placement);
    host.setAttribute('data-attache-handle', candidate.handle.toLowerCase());
    host.setAttribute('data-attache-layer', layers.join(' '));
    if (annotation.kind === 'official') {
      host.setAttribute('data-attache-account', annotation.match.account.id);
      if (annotation.identity) host.setAttribute('data-attache-identity', annotation.identity.status);
    } else if (annotation.kind === 'custom') {
      host.setAttribute('data-attache-custom', annotation.matches.map((m) => m.layer.id).join(' '));
    } else if (annotation.kind === 'recycled') {
      host.setAttribute('data-attache-warning', 'recycled');
      host.setAttribute('data-attache-identity', 'recycled');
      host.setAttribute('data-attache-listed', annotation.identity.match.account.id);
    } else if (annotation.kind === 'x-government') {
      // X's signal, not Attaché's: no account, no warning; what X said, for tests and the popup's count.
      host.setAttribute('data-attache-signal', 'x-government');
      host.setAttribute('data-attache-x-id', annotation.observed.id);
    } else {
      host.setAttribute('data-attache-warning', 'lookalike');
      host.setAttribute('data-attache-resembles', annotation.resembles.handle.toLowerCase());
    }
    this.ownHosts.add(host);
    candidate.after.after(host);
    this.options.onAnnotate?.(annotation, candidate, layers);
    return host;
  }

  private removeHost(host: HTMLElement): void {
    this.options.renderer.destroy(host);
    this.ownHosts.delete(host);
    host.remove();
  }
}

const NO_CUSTOM: readonly CustomMatch[] = Object.freeze([]);
const NO_LAYERS: readonly string[] = Object.freeze([]);

function hasSubject(wanted: Map<string, Wanted>, subject: string): boolean {
  for (const want of wanted.values()) if (want.subject === subject) return true;
  return false;
}

/** What of the identity a badge shows (its status, X's verification and label): a change rebuilds the badge. */
function identitySignature(identity: Identity | undefined): string {
  if (!identity) return '';
  const o = identity.observed;
  return o ? `${identity.status}|${o.id}|${o.handle}|${o.verification}|${o.label}` : identity.status;
}

/** A badge is rebuilt when its layers or what it shows change (a custom list switched, a layer moved). */
function signatureOf(want: Wanted): string {
  const a = want.annotation;
  const what =
    a.kind === 'official' ? `${a.match.account.id}|${a.custom.map((m) => m.layer.id + m.entry.label).join(',')}|${identitySignature(a.identity)}`
    : a.kind === 'recycled' ? `recycled|${a.identity.match.account.id}|${identitySignature(a.identity)}`
    : a.kind === 'custom' ? a.matches.map((m) => m.layer.id + m.entry.label + m.layer.colour + m.layer.name).join(',')
    : a.kind === 'x-government' ? `x-government|${a.observed.id}|${a.observed.handle}|${a.observed.label}`
    : `${a.resembles.id}|${a.reason}`;
  return `${want.layers.join(' ')}|${what}`;
}
