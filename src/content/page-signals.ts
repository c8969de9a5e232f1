/**
 * The isolated world's end of the page-world channel (src/contract/page-world.ts): validates each batch, keeps the
 * observations in a bounded store, and asks for a re-annotation only when a batch touches a dataset account (its id
 * or its handle is in the index), once per batch. Page data that concerns no dataset account changes nothing, except
 * for the optional layer of X government accounts not in the dataset (`alsoRelevant`).
 */
import { ObservationStore, type IdentityIndex, type Observation, type Observations } from '../core/identity';
import { RESEND_EVENT, USERS_EVENT, decodeBatch } from '../contract/page-world';

export class PageSignals {
  readonly store = new ObservationStore();
  /** Batches and records refused by validation since the page loaded (the popup shows whether data arrives). */
  rejected = 0;
  batches = 0;
  private listening = false;
  private readonly onUsers = (event: Event) => {
    try {
      this.receive((event as CustomEvent<unknown>).detail);
    } catch (error) {
      this.onError(error);
    }
  };

  constructor(
    private readonly doc: Document,
    private readonly index: IdentityIndex,
    private readonly onRelevant: () => void,
    private readonly onError: (error: unknown) => void = () => undefined,
    /** A changed observation outside the dataset that matters all the same (the x-government layer, when on). */
    private readonly alsoRelevant: (observed: Observation, previous: Observation | undefined) => boolean = () => false,
  ) {}

  get observations(): Observations {
    return this.store;
  }

  /** Accounts X's page has described so far. */
  get seen(): number {
    return this.store.size;
  }

  start(): void {
    if (this.listening) return;
    this.listening = true;
    this.doc.documentElement.addEventListener(USERS_EVENT, this.onUsers);
    // The page-world reader started earlier (document_start): ask it for what it has seen so far.
    this.doc.dispatchEvent(new CustomEvent(RESEND_EVENT));
  }

  stop(): void {
    this.listening = false;
    this.doc.documentElement.removeEventListener(USERS_EVENT, this.onUsers);
  }

  /** One batch (the event's detail): returns whether it touched a dataset account. */
  receive(detail: unknown): boolean {
    const { observations, rejected } = decodeBatch(detail);
    this.rejected += rejected;
    if (observations.length) this.batches++;
    let relevant = false;
    for (const observed of observations) {
      const previous = this.store.byHandle(observed.handle);
      const changed = this.store.add(observed);
      if (!changed || relevant) continue;
      relevant =
        this.index.byXId(observed.id) !== null ||
        this.index.byHandle(observed.handle) !== null ||
        (previous !== undefined && this.index.byHandle(previous.handle) !== null) ||
        this.alsoRelevant(observed, previous);
    }
    if (relevant) this.onRelevant();
    return relevant;
  }
}
