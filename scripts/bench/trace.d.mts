// Types for trace.mjs (a Node script of the benchmark), for the TypeScript tests that import it.
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, any>;
}
export type Kind = 'script' | 'style' | 'layout' | 'paint' | 'gc' | 'parse' | 'other';
export const KINDS: readonly Kind[];
export const CATEGORIES: readonly string[];
export function kindOf(name: string): Kind;
export function cpuByKind(events: readonly TraceEvent[], threadKey: string, start: number): Record<Kind, number>;
export function analyseTrace(events: readonly TraceEvent[], options?: { contentScriptUrl?: string }): {
  mainThreadTaskMs: number;
  mainThreadCpuMs: number;
  layouts: number;
  cpuByKindMs?: Record<Kind, number>;
  [key: string]: unknown;
};
export function startTracing(cdp: unknown, categories?: readonly string[]): Promise<() => Promise<TraceEvent[]>>;
