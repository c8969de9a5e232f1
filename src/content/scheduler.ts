/**
 * Work queue drained in frame-sized slices. MutationObserver callbacks only enqueue; the work happens here, in
 * slices of at most `budgetMs`, in the next animation frame: our DOM writes then join the style and layout work the
 * frame does anyway, and a badge is painted in the same frame as its post. A timer races the frame, because
 * requestAnimationFrame stalls in background tabs. (Posting slices as MessageChannel tasks was measured too: no
 * better latency, and more layouts, since writes landed between the page's own reads.)
 */
export interface SchedulerOptions {
  budgetMs?: number;
  now?: () => number;
  /** Runs a callback in the next frame, or a new task (tests can drive it by hand). */
  post?: (run: () => void) => void;
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
  private readonly now: () => number;
  private readonly post: (run: () => void) => void;
  private stopped = false;
  /** Bumped by stop()/flush(): a slice posted before then does nothing when it arrives. */
  private generation = 0;

  constructor(
    private readonly process: (item: T) => void,
    options: SchedulerOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? 4;
    this.now = options.now ?? (() => performance.now());
    this.post = options.post ?? defaultPost();
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
    this.schedule();
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

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const generation = this.generation;
    this.post(() => {
      if (generation !== this.generation) return;
      this.scheduled = false;
      this.drain(this.budgetMs);
    });
  }

  private drain(budgetMs: number): void {
    const start = this.now();
    let processed = 0;
    for (const item of this.queue) {
      this.queue.delete(item);
      this.process(item);
      // Most items take microseconds: reading the clock after each one cost more than some of them (profiled).
      if ((++processed & 3) === 0 && this.now() - start >= budgetMs) break;
    }
    if (this.queue.size > 0 && !this.stopped) this.schedule();
  }
}
