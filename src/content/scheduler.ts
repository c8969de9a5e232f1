/**
 * Work queue drained in frame-sized slices. MutationObserver callbacks only enqueue; the work happens here, in
 * slices of at most `budgetMs`, on the next animation frame, with a timer fallback because requestAnimationFrame
 * stalls in background tabs.
 */
export interface SchedulerOptions {
  budgetMs?: number;
  fallbackMs?: number;
  now?: () => number;
}

export class SlicedQueue<T> {
  private readonly queue = new Set<T>();
  private scheduled = false;
  private rafId = 0;
  private timerId: ReturnType<typeof setTimeout> | 0 = 0;
  private readonly budgetMs: number;
  private readonly fallbackMs: number;
  private readonly now: () => number;
  private stopped = false;

  constructor(
    private readonly process: (item: T) => void,
    options: SchedulerOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? 6;
    this.fallbackMs = options.fallbackMs ?? 100;
    this.now = options.now ?? (() => performance.now());
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

  /** Runs everything now (tests, and the first pass at start-up). */
  flush(): void {
    this.cancel();
    this.drain(Infinity);
  }

  resume(): void {
    this.stopped = false;
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
    this.queue.clear();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.cancel();
      this.drain(this.budgetMs);
    };
    if (typeof requestAnimationFrame === 'function') this.rafId = requestAnimationFrame(run);
    this.timerId = setTimeout(run, this.fallbackMs);
  }

  private cancel(): void {
    this.scheduled = false;
    if (this.rafId && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(this.rafId);
    if (this.timerId) clearTimeout(this.timerId);
    this.rafId = 0;
    this.timerId = 0;
  }

  private drain(budgetMs: number): void {
    const start = this.now();
    for (const item of this.queue) {
      this.queue.delete(item);
      this.process(item);
      if (this.now() - start >= budgetMs) break;
    }
    if (this.queue.size > 0 && !this.stopped) this.schedule();
  }
}
