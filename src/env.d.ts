declare module 'virtual:attache-dataset' {
  import type { CompiledIndex } from './core/compiled';
  const compiled: CompiledIndex;
  export default compiled;
}

/** The full entries, one JSON string per account (same order as the index's summaries). Background only. */
declare module 'virtual:attache-details' {
  const details: readonly string[];
  export default details;
}

/** Build-time: the https address where readers can report corrections ('' when the build has none). */
declare const __ATTACHE_CORRECTIONS_URL__: string;
