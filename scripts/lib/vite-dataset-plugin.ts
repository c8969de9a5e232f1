/**
 * Vite plugin: compiles `dataset/*.yaml` at build time into the packed index (a binary file of the package,
 * `INDEX_FILE`; what it says of itself is the module `virtual:attache-dataset`) and the full entries (the module
 * `virtual:attache-details`, background only). An invalid dataset fails the build with every problem listed.
 *
 * The module is written to a generated file and wired in with a resolve alias rather than a virtual-module hook:
 * crxjs builds standalone content scripts in a secondary build that inherits `resolve` but no plugins.
 */
import type { Plugin } from 'vite';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { INDEX_FILE, compileDataset, splitCompiled } from '../../src/core/compiled';
import { formatProblem } from '../../src/core/dataset-files';
import { loadDataset } from './load-dataset';
import { PLACEHOLDERS, inlineDir } from './inline-dataset.mjs';

export const DATASET_MODULE_ID = 'virtual:attache-dataset';
export const DETAILS_MODULE_ID = 'virtual:attache-details';

/**
 * Writes the packed index (`indexFile`, copied into each build as INDEX_FILE), the module of what it says of itself
 * (`outFile`: version, release, number of accounts) and the details (`detailsFile`, background only). The content
 * script carries no dataset: it reads the packed index from the package, and a card's full entry comes from the
 * background when the card opens.
 *
 * For a build (`inline`), the details module exports a placeholder and the JSON is written next to it: the plugin
 * puts the JSON in the placeholder's place once the build is written, as plain literals (scripts/lib/inline-dataset.mjs
 * says why). For the dev server, the module holds the data itself.
 */
export function writeCompiledDataset(datasetDir: string, outFile: string, detailsFile: string, inline = false, indexFile = indexFileFor(outFile)): void {
  const parsed = loadDataset(datasetDir);
  if (!parsed.dataset) {
    const list = parsed.problems.map((p) => '  dataset/' + formatProblem(p)).join('\n');
    throw new Error(`The dataset is invalid (${parsed.problems.length} problem(s)); nothing was built:\n${list}`);
  }
  const { index, meta, details } = splitCompiled(compileDataset(parsed.dataset, parsed.origins));
  mkdirSync(dirname(outFile), { recursive: true });
  const header = '// Generated from dataset/ by the build. Do not edit.\n';
  writeFileSync(indexFile, index);
  writeFileSync(outFile, `${header}export default ${JSON.stringify(meta)};\n`);
  // Details stay strings until a card needs one: an array of JSON strings, parsed entry by entry.
  const json = JSON.stringify(details);
  writeFileSync(jsonFileFor(detailsFile), json);
  writeFileSync(detailsFile, `${header}export default ${inline ? PLACEHOLDERS.details : `JSON.parse(${JSON.stringify(json)})`};\n`);
}

/** Where the packed index is written next to the generated module (`dataset.js` -> `index.bin`). */
export function indexFileFor(moduleFile: string): string {
  return join(dirname(moduleFile), 'index.bin');
}

/** Where the JSON of a generated module is written (`dataset.js` -> `dataset.json`): for inlining, build checks, the bench. */
export function jsonFileFor(moduleFile: string): string {
  return moduleFile.replace(/\.js$/, '.json');
}

export function datasetPlugin(
  datasetDir: string,
  generatedFile = 'node_modules/.attache/dataset.js',
  generatedDetails = 'node_modules/.attache/details.js',
): Plugin {
  const dir = resolve(datasetDir);
  const out = resolve(generatedFile);
  const detailsOut = resolve(generatedDetails);
  let outDir: string | null = null;
  let written = false;
  return {
    name: 'attache-dataset',
    enforce: 'pre',
    config(_config, env) {
      writeCompiledDataset(dir, out, detailsOut, env.command === 'build');
      return { resolve: { alias: { [DATASET_MODULE_ID]: out, [DETAILS_MODULE_ID]: detailsOut } } };
    },
    configResolved(config) {
      if (config.command === 'build') outDir = resolve(config.root, config.build.outDir);
    },
    // The packed index goes into the package as an asset of the main build, before crxjs checks that the
    // manifest's web-accessible resources exist.
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: INDEX_FILE, source: readFileSync(indexFileFor(out)) });
    },
    writeBundle() {
      written = true;
    },
    // After everything is written, crxjs's own content-script build included (it runs no plugins of ours).
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        // Not a build, or one that failed before writing anything (its own error says why).
        if (!outDir || !written || !existsSync(outDir)) return;
        const counts = inlineDir(outDir, { details: readFileSync(jsonFileFor(detailsOut), 'utf8') });
        if (!counts.details) throw new Error(`${outDir}: the dataset's details were not inlined`);
      },
    },
    configureServer(server) {
      // The dev server's extension reads the packed index from its output directory, as a build's does.
      const devIndex = join(resolve(server.config.root, server.config.build.outDir), INDEX_FILE);
      const copyIndex = () => {
        mkdirSync(dirname(devIndex), { recursive: true });
        copyFileSync(indexFileFor(out), devIndex);
      };
      copyIndex();
      server.watcher.add(dir);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(dir)) return;
        try {
          writeCompiledDataset(dir, out, detailsOut);
          copyIndex();
        } catch (error) {
          server.config.logger.error(String(error instanceof Error ? error.message : error));
        }
      });
    },
  };
}
