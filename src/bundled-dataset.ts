/**
 * The dataset as this build bundles it: what the index says of itself (`bundledMeta`, a few fields in the script)
 * and the packed index, read from the extension's own package (`loadBundledIndex`). The virtual module is declared
 * in env.d.ts; declaration files are not type-checked under skipLibCheck, so the type is pinned here.
 */
import meta from 'virtual:attache-dataset';
import { INDEX_FILE, type IndexMeta } from './core/compiled';
import { DatasetIndex } from './core/lookup';
import { readOwnFile } from './platform/own-file';

export const bundledMeta: IndexMeta = meta;

let loading: Promise<DatasetIndex> | null = null;

/**
 * The packed index (src/core/packed.ts), fetched once per page from the package and read in place. An index of
 * another build than this script's (an update while a page stayed open) is refused: its positions would not be the
 * background's.
 */
export function loadBundledIndex(): Promise<DatasetIndex> {
  loading ??= readOwnFile(INDEX_FILE).then((buffer) => {
    const index = new DatasetIndex(buffer);
    if (index.version !== bundledMeta.version || index.size !== bundledMeta.accounts) {
      throw new Error(`the packed index (${index.version}, ${index.size} accounts) is not this build's (${bundledMeta.version}, ${bundledMeta.accounts})`);
    }
    return index;
  });
  return loading;
}

/** Number of accounts in the bundled index. */
export function accountCount(): number {
  return bundledMeta.accounts;
}
