/**
 * Work queue drained in bounded slices. MutationObserver callbacks only enqueue; the work happens here, in slices of
 * at most `budgetMs`. The first slice after new work runs as a microtask, right after the page's script that changed
 * the DOM: our writes then land in the same task as the page's own, before the frame that paints them, so style,
 * layout and paint handle both at once. Work left after a slice continues in the next animation frames (a timer races
 * the frame, because requestAnimationFrame stalls in background tabs).
 *
 * Measured (scripts/bench, 1,000 posts, paired runs): with every slice in an animation frame, the extra time was 2.4
 * to 3.5 times as high as with the first slice as a microtask in two of three runs (the same in the third), the
 * difference being style, layout and paint; posting slices as MessageChannel tasks gave more layouts, since writes
 * landed between the page's own reads.
 */
export interface SchedulerOptions {
  budgetMs?: number;
  /**
   * Budget of the first slice after new work (the microtask right after the page's change); default `budgetMs`.
   * A larger one keeps the posts a page inserts in one frame together: cut at 6 ms, part of a frame's posts got
   * their badges a frame later (and that frame restyled and repainted them).
   */
  firstSliceMs?: number;
  now?: () => number;
  /** Runs the first slice after new work (default: a microtask). */
  postFirst?: (run: () => void) => void;
  /** Runs a later slice: in the next frame, or a new task (tests can drive both by hand). */
  post?: (run: () => void) => void;
  /** Called at the start of every slice, before its first item (nothing on the page changes during a slice). */
  beforeSlice?: () => void;
  /** Called at the end of every slice, also when an item threw. */
  afterSlice?: () => void;
}

function defaultPost(fallbackMs = 100): (run: () => void) => void {
  return (run) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      run();
    };
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(once) : 0;
    const timer = setTimeout(once, frame ? fallbackMs : 0);
  };
}

export class SlicedQueue<T> {
  private readonly queue = new Set<T>();
  private scheduled = false;
  private readonly budgetMs: number;
  private readonly firstSliceMs: number;
  private readonly now: () => number;
  private readonly post: (run: () => void) => void;
  private readonly postFirst: (run: () => void) => void;
  private readonly beforeSlice: (() => void) | undefined;
  private readonly afterSlice: (() => void) | undefined;
  private stopped = false;
  private draining = false;
  /** Bumped by stop()/flush(): a slice posted before then does nothing when it arrives. */
  private generation = 0;

  constructor(
    private readonly process: (item: T) => void,
    options: SchedulerOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? 6;
    this.firstSliceMs = options.firstSliceMs ?? this.budgetMs;
    this.now = options.now ?? (() => performance.now());
    this.post = options.post ?? defaultPost();
    this.postFirst = options.postFirst ?? ((run) => queueMicrotask(run));
    this.beforeSlice = options.beforeSlice;
    this.afterSlice = options.afterSlice;
  }

  get size(): number {
    return this.queue.size;
  }

  has(item: T): boolean {
    return this.queue.has(item);
  }

  add(item: T): void {
    if (this.stopped) return;
    this.queue.add(item);
    // Added during a slice (its beforeSlice hook, or an item): this slice takes it, or its end schedules the rest for
    // the next frame. Posting a microtask here would run a second slice right after this one, past the budget.
    if (!this.draining) this.schedule();
  }

  /** Runs everything now (start-up, settings changes and tests). */
  flush(): void {
    this.generation++;
    this.scheduled = false;
    this.drain(Infinity);
  }

  resume(): void {
    this.stopped = false;
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    this.scheduled = false;
    this.queue.clear();
  }

  /** `later`: a slice left work behind, which waits for the next frame (new work starts with a microtask). */
  private schedule(later = false): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const generation = this.generation;
    (later ? this.post : this.postFirst)(() => {
      if (generation !== this.generation) return;
      this.scheduled = false;
      this.drain(later ? this.budgetMs : this.firstSliceMs);
    });
  }

  private drain(budgetMs: number): void {
    const start = this.now();
    const outer = this.draining;
    this.draining = true;
    try {
      this.beforeSlice?.();
      let processed = 0;
      for (const item of this.queue) {
        this.queue.delete(item);
        this.process(item);
        // Most items take microseconds: reading the clock after each one cost more than some of them (profiled).
        if ((++processed & 3) === 0 && this.now() - start >= budgetMs) break;
      }
    } finally {
      this.draining = outer;
      this.afterSlice?.();
      // Also after an item threw: the rest of the queue is still the page's.
      if (this.queue.size > 0 && !this.stopped) this.schedule(true);
    }
  }
}
