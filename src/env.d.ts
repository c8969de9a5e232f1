declare module 'virtual:attache-dataset' {
  import type { CompiledDataset } from './core/compiled';
  const compiled: CompiledDataset;
  export default compiled;
}
