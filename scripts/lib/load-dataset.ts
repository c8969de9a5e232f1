/** Node side of the dataset: reads `dataset/` from disk and hands the text to the pure parser in src/core. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseDataset, type DatasetFile, type ParsedDataset } from '../../src/core/dataset-files';

export function readDatasetFiles(dir: string): DatasetFile[] {
  const files: DatasetFile[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) {
        files.push({ path: relative(dir, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(dir);
  return files;
}

export function loadDataset(dir: string): ParsedDataset {
  return parseDataset(readDatasetFiles(dir));
}
