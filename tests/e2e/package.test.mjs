// `npm run package` (scripts/package.mjs) on the build `npm test` made: the three zips unpack, carry the version of
// package.json in both manifests, hold no source maps, tests or sources, stay within the stores' sizes, and the source
// archive holds what a reviewer needs to rebuild. Each browser's package, as its store gets it, loads in that browser
// (drivers.mjs: Firefox installs the .zip itself, Chromium the unpacked files) and badges an X profile.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync } from 'fflate';
import { BROWSERS, launch, waitForAttache, badgeHosts } from './drivers.mjs';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const out = mkdtempSync(join(tmpdir(), 'attache-package-'));
const zips = {};

before(() => {
  execFileSync(process.execPath, ['scripts/package.mjs', '--no-build', '--allow-dirty', '--out', out], { stdio: 'pipe' });
  for (const kind of ['chrome', 'firefox', 'source']) {
    const file = join(out, `attache-${kind}-${version}.zip`);
    zips[kind] = { file, size: statSync(file).size, files: unzipSync(readFileSync(file)) };
  }
});
after(() => rmSync(out, { recursive: true, force: true }));

const text = (bytes) => new TextDecoder().decode(bytes);
const names = (kind) => Object.keys(zips[kind].files);

describe('npm run package', () => {
  for (const kind of ['chrome', 'firefox']) {
    it(`${kind}: the manifest at the top carries package.json's version, and the package holds no maps, tests or sources`, () => {
      const manifest = JSON.parse(text(zips[kind].files['manifest.json']));
      assert.equal(manifest.version, version);
      assert.equal(manifest.manifest_version, 3);
      const forbidden = names(kind).filter((n) => /\.map$|\.test\.|(^|\/)tests?\/|\.tsx?$|\.md$|(^|\/)node_modules\//.test(n));
      assert.deepEqual(forbidden, []);
      assert.ok(names(kind).includes('privacy.html'), 'the privacy policy page ships with the extension');
      assert.ok(names(kind).includes(manifest.content_scripts[0].js[0]), 'the content script named in the manifest is packaged');
      // The one web-accessible resource is the packed index, for X's pages only (and at a per-session URL in Chrome).
      assert.ok(names(kind).includes('data/index.bin'), 'the packed index is packaged');
      assert.deepEqual(manifest.web_accessible_resources.map((w) => w.resources), [['data/index.bin']]);
      assert.ok(manifest.web_accessible_resources[0].matches.every((m) => /^https:\/\/(mobile\.)?(x|twitter)\.com\/\*$/.test(m)));
      assert.equal(manifest.web_accessible_resources[0].use_dynamic_url, kind === 'chrome' ? true : undefined);
      // The stores' limits are far above (Chrome 2 GB, AMO 200 MB); this catches a package that suddenly grows.
      assert.ok(zips[kind].size < 2_000_000, `${kind} package is ${zips[kind].size} bytes`);
    });
  }

  it('chrome and firefox differ only where the browsers do', () => {
    const chrome = JSON.parse(text(zips.chrome.files['manifest.json']));
    const firefox = JSON.parse(text(zips.firefox.files['manifest.json']));
    assert.equal(chrome.browser_specific_settings, undefined);
    assert.ok(firefox.browser_specific_settings.gecko.id);
    assert.ok(chrome.background.service_worker);
    assert.ok(firefox.background.scripts?.length);
    assert.deepEqual(chrome.permissions, ['storage']);
    assert.deepEqual(firefox.permissions, ['storage']);
  });

  it('the source archive holds what a reviewer rebuilds from, and nothing generated', () => {
    const files = names('source');
    for (const needed of ['BUILDING.md', 'package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'tsconfig.json', 'src/content/index.tsx', 'scripts/build.mjs', 'dataset/meta.yaml', 'PRIVACY.md', 'LICENSE']) {
      assert.ok(files.includes(needed), `${needed} is in the source archive`);
    }
    assert.deepEqual(files.filter((n) => /^(node_modules|dist|release)\//.test(n)), []);
    assert.deepEqual(files.filter((n) => /^tests\/fixtures\/x-real\//.test(n)), [], 'the saved real X pages stay out');
    assert.match(text(zips.source.files['BUILDING.md']), new RegExp(`Attaché ${version.replace(/\./g, '\\.')}`));
    assert.match(text(zips.source.files['BUILDING.md']), /npm ci\nnpm run build/);
  });

  for (const name of BROWSERS) {
    it(`the ${name === 'chromium' ? 'chrome' : name} package loads in ${name} and badges an X profile`, async () => {
      let extension = zips.firefox.file;
      if (name === 'chromium') {
        // Chromium loads only an unpacked directory: the zip's files, as they are.
        extension = join(out, 'chrome-unpacked');
        for (const [path, bytes] of Object.entries(zips.chrome.files)) {
          if (path.endsWith('/')) continue;
          mkdirSync(dirname(join(extension, path)), { recursive: true });
          writeFileSync(join(extension, path), bytes);
        }
      }
      const session = await launch(name, { extension });
      try {
        const page = await session.newPage();
        await page.goto('https://x.com/AmbLiuXiaoMing');
        await waitForAttache(page);
        await page.waitFor('attache-badge[data-attache-placement="profile"]');
        const profile = (await badgeHosts(page)).find((b) => b.placement === 'profile');
        assert.equal(profile.account, 'liu-xiaoming');
        await page.click('attache-badge[data-attache-placement="profile"]', 'button');
        await page.waitFor('attache-card[data-attache-card="liu-xiaoming"]');
        assert.deepEqual(page.consoleErrors, []);
        const popup = await session.extensionPage('src/popup/index.html');
        await popup.waitFor('[data-attache-total]');
        await popup.close();
      } finally {
        await session.close();
      }
    });
  }
});
