#!/usr/bin/env node
// Builds the extension for Chrome (dist/chrome) and Firefox (dist/firefox) and reports the content script's size.
// Vite 8 suggests its native config loader; this config imports TypeScript without extensions on purpose.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
const { build } = await import('vite');
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { PLACEHOLDERS, inlineJson, jsonExpression } from './lib/inline-dataset.mjs';

/** The JSON the dataset plugin wrote next to its generated modules (scripts/lib/vite-dataset-plugin.ts). */
const DATASET_JSON = { index: 'node_modules/.attache/dataset.json', details: 'node_modules/.attache/details.json' };

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];
for (const mode of targets) {
  await build({ mode, logLevel: 'warn', configFile: 'vite.config.ts' });
  const dir = join('dist', mode);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const script = manifest.content_scripts?.[0]?.js?.[0];
  if (!script) throw new Error(`${dir}: the manifest has no content script`);
  if (manifest.web_accessible_resources?.length) {
    throw new Error(`${dir}: web_accessible_resources must stay empty (x.com pages could probe for the extension)`);
  }
  inlineDataset(dir, script);
  const bytes = readFileSync(join(dir, script));
  const total = walk(dir).reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(
    `${mode.padEnd(8)} dist/${mode}  content script ${kb(bytes.length)} (${kb(gzipSync(bytes).length)} gzipped), ` +
      `extension ${kb(total)} in all`,
  );
}

/**
 * Puts the compiled dataset in the place of its placeholders in every built script (see scripts/lib/inline-dataset.mjs):
 * the index once in the content script (and in the popup's and options page's scripts), the details in the
 * background's. Checks that no placeholder is left and that the content script's index reads back as the JSON.
 */
function inlineDataset(dir, contentScript) {
  const json = Object.fromEntries(Object.entries(DATASET_JSON).map(([k, file]) => [k, readFileSync(file, 'utf8')]));
  const counts = { index: 0, details: 0 };
  for (const file of walk(dir).filter((f) => f.endsWith('.js'))) {
    let code = readFileSync(file, 'utf8');
    if (!code.includes('__ATTACHE_DATASET_')) continue;
    for (const kind of ['index', 'details']) {
      const out = inlineJson(code, PLACEHOLDERS[kind], json[kind]);
      code = out.code;
      counts[kind] += out.count;
      if (file === join(dir, contentScript) && kind === 'index' && out.count !== 1) {
        throw new Error(`${file}: expected the dataset index once in the content script, found it ${out.count} times`);
      }
    }
    if (code.includes('__ATTACHE_DATASET_')) throw new Error(`${file}: a dataset placeholder is left after inlining`);
    writeFileSync(file, code);
  }
  if (!counts.index || !counts.details) throw new Error(`${dir}: the dataset was not inlined (index ${counts.index}, details ${counts.details})`);
  // The content script's index, read back as JavaScript, must be what JSON.parse gives.
  const expression = jsonExpression(json.index);
  if (!readFileSync(join(dir, contentScript), 'utf8').includes(expression)) throw new Error(`${dir}: the content script lacks the dataset index`);
  if (JSON.stringify(runInNewContext(expression)) !== JSON.stringify(JSON.parse(json.index))) {
    throw new Error(`${dir}: the inlined dataset index does not read back as its JSON`);
  }
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
function kb(n) {
  return `${(n / 1024).toFixed(1)} kB`;
}
