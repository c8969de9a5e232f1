/**
 * The dataset as this build bundles it, typed. (The virtual modules are declared in env.d.ts; declaration files are
 * not type-checked under skipLibCheck, so the types are pinned here, where the compiler does check them.)
 */
import index from 'virtual:attache-dataset';
import { CODE_WIDTH, type CompiledIndex } from './core/compiled';

export const bundledIndex: CompiledIndex = index;

/** Number of accounts in an index (CODE_WIDTH code digits each). */
export function accountCount(compiled: CompiledIndex): number {
  return compiled.codes.length / CODE_WIDTH;
}
