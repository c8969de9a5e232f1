import { describe, expect, it } from 'vitest';
import { SlicedQueue } from './scheduler';

/** A queue on a fake clock; `hooks.onItem` runs after each item, `hooks.beforeSlice` at the start of each slice. */
function harness(budgetMs: number, costMs: number, hooks: { beforeSlice?: () => void; onItem?: () => void } = {}) {
  let clock = 0;
  const posted: (() => void)[] = [];
  const first: (() => void)[] = [];
  const done: number[] = [];
  const queue = new SlicedQueue<number>(
    (n) => {
      clock += costMs;
      done.push(n);
      hooks.onItem?.();
    },
    { budgetMs, now: () => clock, post: (run) => posted.push(run), postFirst: (run) => first.push(run), beforeSlice: () => hooks.beforeSlice?.() },
  );
  /** The microtask after the mutation callback, if one is pending, else the next frame. */
  const runNextTask = () => (first.length ? first.shift()!() : posted.shift()?.());
  return { queue, posted, first, done, runNextTask };
}

describe('SlicedQueue', () => {
  it('does nothing while the mutation callback runs: new work waits for one microtask after it', () => {
    const { queue, done, posted, first } = harness(4, 1);
    queue.add(1);
    queue.add(2);
    expect(done).toEqual([]);
    expect(first).toHaveLength(1); // one slice posted, not one per item
    expect(posted).toHaveLength(0);
  });

  it('drains in slices of about the budget (the clock is read every fourth item), the rest in later frames', () => {
    const { queue, done, runNextTask, posted, first } = harness(4, 1);
    for (let i = 0; i < 10; i++) queue.add(i);
    runNextTask();
    expect(done).toEqual([0, 1, 2, 3]);
    // What is left waits for the next frame, and work added meanwhile joins it rather than posting a microtask.
    expect(posted).toHaveLength(1);
    queue.add(10);
    expect(first).toHaveLength(0);
    runNextTask();
    runNextTask();
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(posted).toHaveLength(0);
    // Once drained, new work starts with a microtask again.
    queue.add(11);
    expect(first).toHaveLength(1);
  });

  it('never overruns the budget by more than three items', () => {
    const { queue, done, runNextTask } = harness(2, 1);
    for (let i = 0; i < 10; i++) queue.add(i);
    runNextTask();
    expect(done.length).toBeLessThanOrEqual(2 + 3);
    expect(done.length).toBeGreaterThanOrEqual(2);
  });

  it('de-duplicates queued items and forgets everything on stop', () => {
    const { queue, done, runNextTask } = harness(100, 1);
    queue.add(1);
    queue.add(1);
    runNextTask();
    expect(done).toEqual([1]);
    queue.add(2);
    queue.stop();
    runNextTask();
    queue.add(3);
    expect(done).toEqual([1]);
    queue.resume();
    queue.add(4);
    runNextTask();
    expect(done).toEqual([1, 4]);
  });

  it('flush runs everything at once and cancels the slice already posted', () => {
    const { queue, done, runNextTask } = harness(1, 1);
    for (let i = 0; i < 5; i++) queue.add(i);
    queue.flush();
    expect(done).toEqual([0, 1, 2, 3, 4]);
    runNextTask();
    expect(done).toHaveLength(5);
  });

  it('calls beforeSlice and afterSlice once around every slice', () => {
    let clock = 0;
    const log: string[] = [];
    const posted: (() => void)[] = [];
    const queue = new SlicedQueue<number>(
      (n) => {
        clock += 1;
        log.push(String(n));
      },
      {
        budgetMs: 4, now: () => clock, post: (run) => posted.push(run), postFirst: (run) => posted.push(run),
        beforeSlice: () => log.push('['), afterSlice: () => log.push(']'),
      },
    );
    for (let i = 1; i <= 10; i++) queue.add(i);
    while (posted.length) posted.shift()!();
    expect(log.join(' ')).toBe('[ 1 2 3 4 ] [ 5 6 7 8 ] [ 9 10 ]');
    queue.add(11);
    queue.flush();
    expect(log.slice(-3)).toEqual(['[', '11', ']']);
  });

  it('work added during a slice joins it, and what the budget leaves waits for the next frame, not a second microtask', () => {
    const hooks: { beforeSlice?: () => void; onItem?: () => void } = {};
    const { queue, done, first, posted, runNextTask } = harness(4, 1, hooks);
    // The annotator's beforeSlice hands over records queued meanwhile: they are added while the slice runs.
    hooks.beforeSlice = () => {
      queue.add(100);
      hooks.beforeSlice = undefined;
    };
    queue.add(1);
    expect(first).toHaveLength(1);
    runNextTask();
    expect(done).toEqual([1, 100]);
    expect(first).toHaveLength(0);
    // Items that add items: four fit the budget of this slice, the rest goes to the next frame.
    let n = 20;
    hooks.onItem = () => queue.add(n++);
    queue.add(10);
    runNextTask();
    expect(done).toEqual([1, 100, 10, 20, 21, 22]);
    expect(first).toHaveLength(0);
    expect(posted).toHaveLength(1);
    hooks.onItem = undefined;
    runNextTask();
    expect(done).toEqual([1, 100, 10, 20, 21, 22, 23]);
  });

  it('an item that throws still ends its slice with afterSlice (the annotator observes the page again there), and the rest follows in the next', () => {
    const log: string[] = [];
    const posted: (() => void)[] = [];
    const queue = new SlicedQueue<number>(
      (n) => {
        if (n === 2) throw new Error('broken item');
        log.push(String(n));
      },
      { postFirst: () => undefined, post: (run) => posted.push(run), afterSlice: () => log.push(']') },
    );
    queue.add(1);
    queue.add(2);
    queue.add(3);
    expect(() => queue.flush()).toThrow('broken item');
    expect(log).toEqual(['1', ']']);
    expect(posted).toHaveLength(1);
    posted.shift()!();
    expect(log).toEqual(['1', ']', '3', ']']);
  });
});

describe('SlicedQueue first slice', () => {
  it('has its own budget: the items a page inserted together stay in the first slice, later slices keep the small one', () => {
    let clock = 0;
    const posted: (() => void)[] = [];
    const first: (() => void)[] = [];
    const done: number[] = [];
    const queue = new SlicedQueue<number>(
      (n) => {
        clock += 1;
        done.push(n);
      },
      { budgetMs: 4, firstSliceMs: 12, now: () => clock, post: (run) => posted.push(run), postFirst: (run) => first.push(run) },
    );
    for (let i = 0; i < 20; i++) queue.add(i);
    first.shift()!();
    expect(done).toHaveLength(12);
    expect(posted).toHaveLength(1);
    posted.shift()!();
    expect(done).toHaveLength(16);
  });
});
