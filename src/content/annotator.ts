/**
 * Finds accounts on X's pages and keeps exactly one badge per account per placement instance, on a page that React
 * keeps rewriting. Observes with one MutationObserver whose callback only queues nodes; the queue is drained in
 * frame-sized slices. Bookkeeping is keyed by the placement instance in a WeakMap, so nothing of ours outlives the
 * nodes X removes.
 */
import type { DatasetIndex, Match } from '../core/lookup';
import { handleFromHref } from '../core/handles';
import { PLACEMENTS } from './placements/registry';
import type { Candidate, PageContext, Placement } from './placements/types';
import { SlicedQueue } from './scheduler';
import { X } from './selectors';

export { HOST_TAG } from './tag';
import { HOST_TAG } from './tag';

export interface BadgeRenderer {
  /** Creates a badge host for a match (the host is inserted by the annotator). */
  create(match: Match, candidate: Candidate): HTMLElement;
  /** Releases whatever the renderer holds for a host that is going away. */
  destroy(host: HTMLElement): void;
}

interface HostRecord {
  host: HTMLElement;
  handle: string;
  accountId: string;
}

export interface AnnotatorOptions {
  index: DatasetIndex;
  renderer: BadgeRenderer;
  placements?: readonly Placement[];
  root?: Document;
  onError?: (error: unknown, where: string) => void;
  /** Called when X navigates to another page (pushState or popstate). */
  onNavigate?: (pathname: string) => void;
}

export class Annotator {
  private readonly doc: Document;
  private readonly placements: readonly Placement[];
  /** instance -> slot key -> record */
  private readonly records = new WeakMap<Element, Map<string, HostRecord>>();
  /** Queued nodes to re-read only around (their enclosing instance), not throughout their subtree. */
  private readonly shallow = new WeakSet<Element>();
  private readonly queue: SlicedQueue<Element>;
  private observer: MutationObserver | null = null;
  private pathname = '';
  private enabled = false;
  private viewer: string | null = null;
  private readonly onPopState = () => this.checkNavigation();

  constructor(private readonly options: AnnotatorOptions) {
    this.doc = options.root ?? document;
    this.placements = options.placements ?? PLACEMENTS;
    this.queue = new SlicedQueue<Element>((el) => this.scan(el));
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
    this.observer.observe(this.doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['href', 'data-testid'],
      // React updates text in place (a reused profile header shows "@B" where it showed "@A").
      characterData: true,
    });
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

  private onMutations(mutations: MutationRecord[]): void {
    // Queue only: no DOM reads beyond the records themselves.
    for (const m of mutations) {
      if (m.type === 'childList') {
        let foreign = false;
        let addedElement = false;
        for (const node of m.addedNodes) {
          if (node.nodeType === 1) {
            if ((node as Element).localName === HOST_TAG) continue;
            this.queue.add(node as Element);
            addedElement = true;
          }
          foreign = true;
        }
        for (const node of m.removedNodes) {
          if (node.nodeType !== 1 || (node as Element).localName !== HOST_TAG) foreign = true;
        }
        // Children removed or text replaced inside an instance: re-read the instance around the change only.
        if (foreign && !addedElement) this.queueShallow(m.target);
      } else if (m.type === 'attributes') {
        this.queueShallow(m.target);
      } else if (m.type === 'characterData') {
        this.queueShallow(m.target);
      }
    }
    this.checkNavigation();
  }

  private queueShallow(node: Node): void {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el || el.localName === HOST_TAG || this.queue.has(el)) return;
    this.shallow.add(el);
    this.queue.add(el);
  }

  /** X navigates with pushState, which a content script cannot hear: compare the path on every batch. */
  private checkNavigation(): void {
    const path = this.doc.location?.pathname ?? '/';
    if (path === this.pathname) return;
    this.pathname = path;
    this.options.onNavigate?.(path);
    this.queue.add(this.doc.documentElement);
  }

  private scan(node: Element): void {
    const shallow = this.shallow.has(node);
    this.shallow.delete(node);
    if (!node.isConnected) return;
    const page: PageContext = { pathname: this.pathname };
    if (node === this.doc.documentElement) this.viewer = this.readViewer();
    for (const placement of this.placements) {
      try {
        const around = node.closest(placement.instanceSelector);
        if (around) this.reconcile(placement, around, page);
        if (shallow) continue;
        for (const instance of node.querySelectorAll(placement.instanceSelector)) this.reconcile(placement, instance, page);
      } catch (error) {
        this.options.onError?.(error, placement.name);
      }
    }
  }

  private readViewer(): string | null {
    const link = this.doc.querySelector(X.viewerProfileLink);
    return handleFromHref(link?.getAttribute('href'))?.toLowerCase() ?? null;
  }

  /** Makes the badges of one placement instance match what it shows now. */
  private reconcile(placement: Placement, instance: Element, page: PageContext): void {
    const existing = this.records.get(instance);
    const wanted = new Map<string, { candidate: Candidate; match: Match }>();
    for (const candidate of placement.read(instance, page)) {
      if (this.viewer && candidate.handle.toLowerCase() === this.viewer) continue;
      const match = this.options.index.byHandle(candidate.handle);
      if (!match) continue;
      const key = `${placement.name}|${candidate.slot}|${match.account.id}`;
      if (!wanted.has(key)) wanted.set(key, { candidate, match });
    }
    // Remove badges whose account left this instance (recycled node, navigation) or that React detached.
    if (existing) {
      for (const [key, record] of existing) {
        if (!key.startsWith(placement.name + '|')) continue;
        const want = wanted.get(key);
        if (!want || !record.host.isConnected || record.host.previousElementSibling !== want.candidate.after) {
          this.removeHost(record.host);
          existing.delete(key);
        }
      }
    }
    if (wanted.size === 0) return;
    const records = existing ?? new Map<string, HostRecord>();
    for (const [key, { candidate, match }] of wanted) {
      if (records.has(key)) continue;
      const host = this.options.renderer.create(match, candidate);
      host.setAttribute('data-attache-placement', candidate.placement);
      host.setAttribute('data-attache-handle', candidate.handle.toLowerCase());
      host.setAttribute('data-attache-account', match.account.id);
      candidate.after.after(host);
      records.set(key, { host, handle: candidate.handle.toLowerCase(), accountId: match.account.id });
    }
    if (!existing) this.records.set(instance, records);
  }

  private removeHost(host: HTMLElement): void {
    this.options.renderer.destroy(host);
    host.remove();
  }
}
