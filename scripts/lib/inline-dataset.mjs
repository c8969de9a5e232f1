// The dataset's full entries (details, for the background) go into the built scripts after minification, as plain
// literals. (The index is not in any script since compiled format 8: it is a binary file of the package, see
// src/core/packed.ts.)
//
// Why: the minifier writes every string as a template literal (`...`), and V8 parses a template literal about half
// as fast as a "..." string. The index used to be JSON.parse(`...`): at 100k accounts, compiling and running it took
// 146 ms in Node against 49 ms for the same data as an object literal of "..." strings (no second pass through
// JSON.parse either). So the generated dataset modules export a placeholder identifier (a global the minifier must
// keep), and the dataset plugin puts the JSON text in its place once the whole build is written (inlineDir below,
// from its closeBundle hook: crxjs builds the content script in a build of its own, without plugins).

import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PLACEHOLDERS = Object.freeze({ details: '__ATTACHE_DATASET_DETAILS__' });

/** The JSON the dataset plugin writes next to its generated details module (scripts/lib/vite-dataset-plugin.ts). */
export const DATASET_JSON = Object.freeze({ details: 'node_modules/.attache/details.json' });

/** The packed index as the dataset plugin writes it (and copies it into each build as data/index.bin). */
export const PACKED_INDEX = 'node_modules/.attache/index.bin';

/** A JSON text as a JavaScript expression that evaluates to what JSON.parse gives. */
export function jsonExpression(json) {
  assertPlainKeys(JSON.parse(json));
  // JSON is JavaScript since ES2019; U+2028 and U+2029 are written as escapes all the same (older parsers, tools).
  return '(' + json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') + ')';
}

/**
 * In an object literal `"__proto__": x` sets the prototype instead of making a property (JSON.parse makes the
 * property): no such key may reach the script.
 */
function assertPlainKeys(value, path = '$') {
  if (Array.isArray(value)) value.forEach((v, i) => assertPlainKeys(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '__proto__') throw new Error(`dataset JSON: a "__proto__" key at ${path} cannot be written as an object literal`);
      assertPlainKeys(v, `${path}.${key}`);
    }
  }
}

/** Replaces every occurrence of `placeholder` in `code` with the expression; returns the new code and the count. */
export function inlineJson(code, placeholder, json) {
  const parts = code.split(placeholder);
  // split/join, not replace(): the JSON may hold "$&" and the like, which replace() would expand.
  return { code: parts.join(jsonExpression(json)), count: parts.length - 1 };
}

/** Every file under `dir`. */
export function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/**
 * Inlines the dataset in every script under `dir`: `json` maps each kind (of PLACEHOLDERS) to its JSON text. Returns
 * how many placeholders of each kind were replaced; throws if one is left.
 */
export function inlineDir(dir, json) {
  const counts = Object.fromEntries(Object.keys(json).map((kind) => [kind, 0]));
  for (const file of walk(dir).filter((f) => f.endsWith('.js'))) {
    let code = readFileSync(file, 'utf8');
    if (!code.includes('__ATTACHE_DATASET_')) continue;
    for (const kind of Object.keys(json)) {
      const out = inlineJson(code, PLACEHOLDERS[kind], json[kind]);
      code = out.code;
      counts[kind] += out.count;
    }
    if (code.includes('__ATTACHE_DATASET_')) throw new Error(`${file}: a dataset placeholder is left after inlining`);
    writeFileSync(file, code);
  }
  return counts;
}
