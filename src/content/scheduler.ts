/**
 * Work queue drained in small slices. MutationObserver callbacks only enqueue; the work happens here, in slices of
 * at most `budgetMs`, each in a task of its own. Slices are posted through a MessageChannel: that task runs as soon
 * as the page's current task ends, usually before the next frame is drawn (so a badge appears with its post), and,
 * unlike requestAnimationFrame, it keeps running in background tabs. A timer is the fallback where no
 * MessageChannel exists.
 */
export interface SchedulerOptions {
  budgetMs?: number;
  now?: () => number;
  /** Posts a callback as a new task (tests can drive it by hand). */
  post?: (run: () => void) => void;
}

function defaultPost(): (run: () => void) => void {
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    let pending: (() => void) | null = null;
    channel.port1.onmessage = () => {
      const run = pending;
      pending = null;
      run?.();
    };
    return (run) => {
      pending = run;
      channel.port2.postMessage(0);
    };
  }
  return (run) => void setTimeout(run, 0);
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
    for (const item of this.queue) {
      this.queue.delete(item);
      this.process(item);
      if (this.now() - start >= budgetMs) break;
    }
    if (this.queue.size > 0 && !this.stopped) this.schedule();
  }
}
