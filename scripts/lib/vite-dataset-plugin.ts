/**
 * Vite plugin: compiles `dataset/*.yaml` at build time into the compact runtime index and exposes it as the module
 * `virtual:attache-dataset`. An invalid dataset fails the build with every problem listed.
 *
 * The module is written to a generated file and wired in with a resolve alias rather than a virtual-module hook:
 * crxjs builds standalone content scripts in a secondary build that inherits `resolve` but no plugins.
 */
import type { Plugin } from 'vite';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { compileDataset, splitCompiled } from '../../src/core/compiled';
import { formatProblem } from '../../src/core/dataset-files';
import { loadDataset } from './load-dataset';
import { PLACEHOLDERS, inlineDir } from './inline-dataset.mjs';

export const DATASET_MODULE_ID = 'virtual:attache-dataset';
export const DETAILS_MODULE_ID = 'virtual:attache-details';

/**
 * Writes the index (content script, popup, options) and the details (background only) as two modules. The content
 * script stays small and starts fast; a card's full entry comes from the background when the card opens.
 *
 * For a build (`inline`), each module exports a placeholder and the JSON is written next to it: the plugin puts the
 * JSON in the placeholder's place once the build is written, as plain literals (scripts/lib/inline-dataset.mjs says
 * why). For the dev server, the modules hold the data themselves.
 */
export function writeCompiledDataset(datasetDir: string, outFile: string, detailsFile: string, inline = false): void {
  const parsed = loadDataset(datasetDir);
  if (!parsed.dataset) {
    const list = parsed.problems.map((p) => '  dataset/' + formatProblem(p)).join('\n');
    throw new Error(`The dataset is invalid (${parsed.problems.length} problem(s)); nothing was built:\n${list}`);
  }
  const { index, details } = splitCompiled(compileDataset(parsed.dataset, parsed.origins));
  mkdirSync(dirname(outFile), { recursive: true });
  const header = '// Generated from dataset/ by the build. Do not edit.\n';
  // Details stay strings until a card needs one: an array of JSON strings, parsed entry by entry.
  for (const [file, value, placeholder] of [[outFile, index, PLACEHOLDERS.index], [detailsFile, details, PLACEHOLDERS.details]] as const) {
    const json = JSON.stringify(value);
    writeFileSync(jsonFileFor(file), json);
    writeFileSync(file, `${header}export default ${inline ? placeholder : `JSON.parse(${JSON.stringify(json)})`};\n`);
  }
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
    // After everything is written, crxjs's own content-script build included (it runs no plugins of ours).
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        // Not a build, or one that failed before writing anything (its own error says why).
        if (!outDir || !existsSync(outDir)) return;
        const counts = inlineDir(outDir, { index: readFileSync(jsonFileFor(out), 'utf8'), details: readFileSync(jsonFileFor(detailsOut), 'utf8') });
        if (!counts.index || !counts.details) throw new Error(`${outDir}: the dataset was not inlined (index ${counts.index}, details ${counts.details})`);
      },
    },
    configureServer(server) {
      server.watcher.add(dir);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(dir)) return;
        try {
          writeCompiledDataset(dir, out, detailsOut);
        } catch (error) {
          server.config.logger.error(String(error instanceof Error ? error.message : error));
        }
      });
    },
  };
}
