declare module 'virtual:attache-dataset' {
  import type { CompiledDataset } from './core/compiled';
  const compiled: CompiledDataset;
  export default compiled;
}

/** Build-time: the https address where readers can report corrections ('' when the build has none). */
declare const __ATTACHE_CORRECTIONS_URL__: string;
