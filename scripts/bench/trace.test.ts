import { describe, expect, it } from 'vitest';
import { analyseTrace, cpuByKind, kindOf, KINDS, type TraceEvent } from './trace.mjs';

const MAIN = { pid: 1, tid: 10 };
const OTHER = { pid: 2, tid: 20 };
const x = (name: string, ts: number, dur: number, tdur: number, where = MAIN): TraceEvent => ({ name, ph: 'X', ts, dur, tdur, ...where });

/** A scroll: a mark, then tasks on the page's main thread; another renderer's thread, and a task before the mark. */
function trace(): TraceEvent[] {
  return [
    { name: 'thread_name', ph: 'M', ts: 0, args: { name: 'CrRendererMain' }, ...MAIN },
    { name: 'thread_name', ph: 'M', ts: 0, args: { name: 'CrRendererMain' }, ...OTHER },
    x('RunTask', 0, 500, 400),
    x('FunctionCall', 10, 100, 90),
    { name: 'bench-start', ph: 'I', ts: 1_000, ...MAIN },
    // Task 1: a script that forces a layout, then style.
    x('RunTask', 1_000, 1_000, 900),
    x('FunctionCall', 1_100, 500, 450),
    x('Layout', 1_200, 100, 100),
    x('UpdateLayoutTree', 1_700, 100, 80),
    // Task 2: a frame; a garbage collection inside a script; an event with the task's very bounds, listed first.
    x('PrePaint', 3_000, 2_000, 1_600),
    x('RunTask', 3_000, 2_000, 1_600),
    x('V8.GC_SCAVENGER', 3_100, 200, 200),
    x('Paint', 3_400, 300, 250),
    // Task 3 with a nested message loop: the inner task is part of the outer one.
    x('RunTask', 6_000, 1_000, 1_000),
    x('RunTask', 6_100, 500, 500),
    x('ParseHTML', 6_200, 100, 100),
    // Another renderer, less busy (an extension's worker, a blank tab).
    x('RunTask', 1_000, 300, 300, OTHER),
    x('Layout', 1_100, 200, 200, OTHER),
  ];
}

describe('kinds of trace events', () => {
  it('sorts the main thread’s events the way DevTools does, roughly', () => {
    const cases: [string, string][] = [
      ['FunctionCall', 'script'], ['RunMicrotasks', 'script'], ['V8.Execute', 'script'],
      ['V8.GC_MC_INCREMENTAL', 'gc'], ['MinorGC', 'gc'], ['Parallel scavenge started', 'gc'],
      ['UpdateLayoutTree', 'style'], ['Layout', 'layout'], ['Layerize', 'paint'], ['PrePaint', 'paint'],
      ['ParseHTML', 'parse'], ['IntersectionObserverController::computeIntersections', 'other'],
    ];
    for (const [name, kind] of cases) expect([name, kindOf(name)]).toEqual([name, kind]);
  });
});

describe('thread time by kind', () => {
  it('gives each event its own time, inside the main thread’s tasks since the mark', () => {
    const byKind = cpuByKind(trace(), '1:10', 1_000);
    const ms = (us: number) => us / 1000;
    expect(byKind.script).toBeCloseTo(ms(450 - 100), 6);
    expect(byKind.layout).toBeCloseTo(ms(100), 6);
    expect(byKind.style).toBeCloseTo(ms(80), 6);
    expect(byKind.gc).toBeCloseTo(ms(200), 6);
    expect(byKind.paint).toBeCloseTo(ms(1_600 - 200 - 250 + 250), 6);
    expect(byKind.parse).toBeCloseTo(ms(100), 6);
    // Task 1's own time, and the nested loop's.
    expect(byKind.other).toBeCloseTo(ms(900 - 450 - 80 + 1_000 - 100), 6);
  });

  it('adds up to the main thread’s task time that analyseTrace reports', () => {
    const result = analyseTrace(trace());
    expect(result.mainThreadCpuMs).toBeCloseTo((900 + 1_600 + 1_000) / 1000, 6);
    const sum = KINDS.reduce((total, kind) => total + result.cpuByKindMs![kind], 0);
    expect(sum).toBeCloseTo(result.mainThreadCpuMs, 6);
  });
});
