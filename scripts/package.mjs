#!/usr/bin/env node
// `npm run package`: the packages the stores take, in release/ —
//   attache-chrome-<version>.zip   dist/chrome, for the Chrome Web Store (and Edge Add-ons)
//   attache-firefox-<version>.zip  dist/firefox, made by web-ext build, for addons.mozilla.org
//   attache-source-<version>.zip   the sources AMO reviewers rebuild it from, with BUILDING.md
// The version comes from package.json alone (the build writes it into both manifests). The build is linted with
// web-ext first (0 errors; only the explained warnings, see scripts/lint-firefox.mjs).
//
// Options: --out DIR (default release), --no-build (package the dist/ already built), --allow-dirty (package a
// working tree with uncommitted changes: the source archive then holds the files as they are on disk).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { walk } from './lib/inline-dataset.mjs';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'release' },
    'no-build': { type: 'boolean', default: false },
    'allow-dirty': { type: 'boolean', default: false },
  },
});

const root = resolve('.');
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const out = resolve(values.out);

/** Files the source archive leaves out: generated output, measurements, and the real X pages kept for tests. */
export const SOURCE_EXCLUDED = [/^tests\/fixtures\/x-real\//, /^scripts\/bench\/results\//, /^docs\/images\//, /^store\/screenshots\//];

/** A file that must never be in a browser package: source maps, tests, sources, notes. */
export const NOT_IN_PACKAGE = /(\.map|\.test\.[cm]?[jt]sx?|\.tsx?|\.md)$|(^|\/)tests?\//;

function run(command, args) {
  execFileSync(command, args, { stdio: 'inherit' });
}

function gitFiles() {
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
  if (dirty && !values['allow-dirty']) {
    console.error(`The working tree has uncommitted changes:\n${dirty}\nCommit them (the source archive must match a commit), or pass --allow-dirty.`);
    process.exit(1);
  }
  return execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
}

/** Zip entries with a fixed time stamp, so that the same files give the same archive. */
function zipFiles(entries) {
  const mtime = new Date('2020-01-01T00:00:00Z');
  const files = {};
  for (const [name, data] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) files[name] = [data, { mtime }];
  return zipSync(files, { level: 9 });
}

function zipDir(dir) {
  return zipFiles(walk(dir).map((f) => [relative(dir, f).split(sep).join('/'), readFileSync(f)]));
}

function checkPackageFiles(dir) {
  const bad = walk(dir).map((f) => relative(dir, f).split(sep).join('/')).filter((f) => NOT_IN_PACKAGE.test(f));
  if (bad.length) throw new Error(`${dir} holds files that must not ship: ${bad.join(', ')}`);
}

const BUILDING = `# Building Attaché from source

These are the sources of Attaché ${version}, as packaged for review.

Requirements: Node.js 20.19 or later (tested with 20.20) and npm 10 or later. No other tool is needed to build; the
build downloads nothing but the npm packages pinned in package-lock.json.

\`\`\`sh
npm ci
npm run build
\`\`\`

\`dist/firefox/\` is the Firefox add-on (\`dist/chrome/\` the Chrome one). Its files are the ones in
\`attache-firefox-${version}.zip\`. The build is plain Vite (vite.config.ts) with the @crxjs/vite-plugin; the
dataset under \`dataset/\` is validated and compiled into the scripts by \`scripts/lib/vite-dataset-plugin.ts\`, and
minified code is produced by Vite's default minifier. \`ATTACHE_NO_MINIFY=1 npm run build\` gives unminified code.

The tests (\`npm test\`) need Chromium and Firefox ESR installed; they are not needed to build.
`;

if (!values['no-build']) run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['scripts/lint-firefox.mjs']);
for (const target of ['chrome', 'firefox']) {
  const manifest = JSON.parse(readFileSync(join('dist', target, 'manifest.json'), 'utf8'));
  if (manifest.version !== version) throw new Error(`dist/${target}: manifest version ${manifest.version}, package.json ${version}: rebuild`);
  checkPackageFiles(join('dist', target));
}

const sourceFiles = gitFiles().filter((f) => !SOURCE_EXCLUDED.some((re) => re.test(f)));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const names = {
  chrome: `attache-chrome-${version}.zip`,
  firefox: `attache-firefox-${version}.zip`,
  source: `attache-source-${version}.zip`,
};
writeFileSync(join(out, names.chrome), zipDir(join('dist', 'chrome')));
run(process.execPath, [
  join(root, 'node_modules', 'web-ext', 'bin', 'web-ext.js'), 'build', '--source-dir', join(root, 'dist', 'firefox'),
  '--artifacts-dir', out, '--filename', names.firefox, '--overwrite-dest',
]);
writeFileSync(
  join(out, names.source),
  zipFiles([...sourceFiles.map((f) => [f, readFileSync(f)]), ['BUILDING.md', new TextEncoder().encode(BUILDING)]]),
);

console.log(`Attaché ${version}, in ${relative(root, out) || '.'}/:`);
for (const name of Object.values(names)) console.log(`  ${name.padEnd(32)} ${(statSync(join(out, name)).size / 1024).toFixed(1)} kB`);
