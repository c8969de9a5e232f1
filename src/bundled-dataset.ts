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
 * The packed index (src/core/packed.ts), fetched once per page from the package and read in place. Requests for
 * details carry the version the file names, and the background answers only for its own (src/background), so an
 * index that is not the background's never gets another account's entry.
 */
export function loadBundledIndex(): Promise<DatasetIndex> {
  loading ??= readOwnFile(INDEX_FILE).then((buffer) => new DatasetIndex(buffer));
  return loading;
}

/** Number of accounts in the bundled index. */
export function accountCount(): number {
  return bundledMeta.accounts;
}
