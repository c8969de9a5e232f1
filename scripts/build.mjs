#!/usr/bin/env node
// Builds the extension for Chrome (dist/chrome) and Firefox (dist/firefox) and reports the content script's size.
// Vite 8 suggests its native config loader; this config imports TypeScript without extensions on purpose.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
const { build } = await import('vite');
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DATASET_JSON, PACKED_INDEX, walk } from './lib/inline-dataset.mjs';

/** Where the packed index goes in the package (src/core/compiled.ts, INDEX_FILE), and who may load it. */
const INDEX_FILE = 'data/index.bin';
const X_MATCHES = ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*', 'https://mobile.x.com/*'];

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];
for (const mode of targets) {
  await build({ mode, logLevel: 'warn', configFile: 'vite.config.ts' });
  const dir = join('dist', mode);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const script = manifest.content_scripts?.[0]?.js?.[0];
  if (!script) throw new Error(`${dir}: the manifest has no content script`);
  checkWebAccessible(dir, manifest, mode);
  checkDataset(dir, script);
  const bytes = readFileSync(join(dir, script));
  const index = readFileSync(join(dir, INDEX_FILE));
  const total = walk(dir).reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(
    `${mode.padEnd(8)} dist/${mode}  content script ${kb(bytes.length)} (${kb(gzipSync(bytes).length)} gzipped), ` +
      `packed index ${kb(index.length)} (${kb(gzipSync(index).length)} gzipped), extension ${kb(total)} in all`,
  );
}

/**
 * The only web-accessible resource is the packed index, for X's pages only, and in Chrome only at its per-session
 * dynamic URL: a page elsewhere cannot load it, and no page can probe for it at a fixed address.
 */
function checkWebAccessible(dir, manifest, mode) {
  const expected = [{ resources: [INDEX_FILE], matches: X_MATCHES, ...(mode === 'chrome' ? { use_dynamic_url: true } : {}) }];
  // Keys and matches in any order (crxjs sorts them).
  const canonical = (entries) =>
    JSON.stringify((entries ?? []).map((e) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]).sort())));
  if (canonical(manifest.web_accessible_resources) !== canonical(expected)) {
    throw new Error(`${dir}: web_accessible_resources must be ${JSON.stringify(expected)} (found ${JSON.stringify(manifest.web_accessible_resources)})`);
  }
}

/**
 * The dataset plugin put the details in the place of their placeholder (scripts/lib/inline-dataset.mjs) and copied
 * the packed index into the package: no placeholder may be left, the index must be the one compiled, and no script
 * may carry the index's handle column (the content script reads the file).
 */
function checkDataset(dir, contentScript) {
  for (const file of walk(dir).filter((f) => f.endsWith('.js'))) {
    if (readFileSync(file, 'utf8').includes('__ATTACHE_DATASET_')) throw new Error(`${file}: a dataset placeholder is left`);
  }
  const packed = readFileSync(PACKED_INDEX);
  if (!readFileSync(join(dir, INDEX_FILE)).equals(packed)) throw new Error(`${dir}/${INDEX_FILE} is not the index compiled from dataset/`);
  const code = readFileSync(join(dir, contentScript), 'utf8');
  const handles = JSON.parse(readFileSync(DATASET_JSON.details, 'utf8')).map((d) => JSON.parse(d).account.handle).filter((h) => h.length >= 10);
  const carried = handles.filter((h) => code.includes(h));
  if (carried.length > 0) throw new Error(`${dir}: the content script carries dataset handles (${carried.slice(0, 3).join(', ')}); it should read ${INDEX_FILE}`);
}

function kb(n) {
  return `${(n / 1024).toFixed(1)} kB`;
}
