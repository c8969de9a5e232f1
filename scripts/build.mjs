#!/usr/bin/env node
// Builds the extension for Chrome (dist/chrome) and Firefox (dist/firefox) and reports the content script's size.
// Vite 8 suggests its native config loader; this config imports TypeScript without extensions on purpose.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
const { build } = await import('vite');
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { DATASET_JSON, bundledIndexExpression, walk } from './lib/inline-dataset.mjs';

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
  checkDataset(dir, script);
  const bytes = readFileSync(join(dir, script));
  const total = walk(dir).reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(
    `${mode.padEnd(8)} dist/${mode}  content script ${kb(bytes.length)} (${kb(gzipSync(bytes).length)} gzipped), ` +
      `extension ${kb(total)} in all`,
  );
}

/**
 * The dataset plugin put the compiled dataset in the place of its placeholders (scripts/lib/inline-dataset.mjs): no
 * placeholder may be left, and the content script's index, read back as JavaScript, must be what JSON.parse gives.
 */
function checkDataset(dir, contentScript) {
  for (const file of walk(dir).filter((f) => f.endsWith('.js'))) {
    if (readFileSync(file, 'utf8').includes('__ATTACHE_DATASET_')) throw new Error(`${file}: a dataset placeholder is left`);
  }
  const code = readFileSync(join(dir, contentScript), 'utf8');
  const expression = bundledIndexExpression();
  const at = code.indexOf(expression);
  if (at < 0 || code.indexOf(expression, at + 1) >= 0) throw new Error(`${dir}: the content script should hold the dataset index once`);
  if (JSON.stringify(runInNewContext(expression)) !== JSON.stringify(JSON.parse(readFileSync(DATASET_JSON.index, 'utf8')))) {
    throw new Error(`${dir}: the inlined dataset index does not read back as its JSON`);
  }
}

function kb(n) {
  return `${(n / 1024).toFixed(1)} kB`;
}
