/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type PluginOption } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifestJson from './manifest.json';
import packageJson from './package.json';
import { datasetPlugin } from './scripts/lib/vite-dataset-plugin';
import { INDEX_FILE } from './src/core/compiled';
import { localesPlugin, messageCatalogInfo } from './scripts/lib/vite-locales-plugin';
import { privacyPagePlugin } from './scripts/lib/vite-privacy-plugin';
import { buildVariant, withoutPageWorld } from './scripts/lib/build-variant';

type Target = 'chrome' | 'firefox';

/** One manifest.json; each browser gets only the keys it understands. The version comes from package.json only. */
function manifestFor(target: Target): ManifestV3Export {
  const manifest = { ...structuredClone(manifestJson), version: packageJson.version } as Record<string, unknown>;
  if (target === 'chrome') delete manifest.browser_specific_settings;
  // Firefox runs MV3 background code as event pages (scripts), not service workers.
  const background = manifest.background as { service_worker?: string; type?: string } | undefined;
  if (target === 'firefox' && background?.service_worker) {
    manifest.background = { scripts: [background.service_worker], type: background.type };
  }
  // The packed index (src/core/packed.ts): the content script fetches it from the package, which both browsers allow
  // a content script only for a web-accessible resource. Only X's pages may load it, and in Chrome only through a
  // URL that changes every session (use_dynamic_url), so no page can probe for the extension at a fixed address.
  // Firefox's moz-extension:// addresses are random per installation already (it accepts the key and needs nothing
  // more).
  const contentScripts = manifest.content_scripts as { matches: string[]; world?: string }[];
  manifest.web_accessible_resources = [
    {
      resources: [INDEX_FILE],
      matches: [...new Set(contentScripts.filter((c) => c.world !== 'MAIN').flatMap((c) => c.matches))],
      ...(target === 'chrome' ? { use_dynamic_url: true } : {}),
    },
  ];
  return (buildVariant().pageWorld ? manifest : withoutPageWorld(manifest)) as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  // Under vitest neither crxjs nor the dataset compiler runs: tests import the core directly.
  const testing = Boolean(process.env.VITEST);
  // The shipped build unless ATTACHE_VARIANT names another (scripts/lib/build-variant.ts: the demo, the bench's baseline).
  const variant = buildVariant();
  const plugins: PluginOption[] = testing
    ? [preact()]
    : [
        datasetPlugin(variant.datasetDir, `${variant.generatedDir}/dataset.js`, `${variant.generatedDir}/details.js`),
        localesPlugin(),
        privacyPagePlugin('PRIVACY.md'),
        preact(),
        crx({
          manifest: manifestFor(target),
          browser: target,
          // One self-contained content script: no loader, and no web-accessible scripts (the packed index is the
          // only web-accessible resource, see manifestFor).
          contentScripts: { standaloneFiles: ['src/content/index.tsx', ...(variant.pageWorld ? ['src/page-world/index.ts'] : [])] },
        }),
      ];
  const messages = messageCatalogInfo('public', manifestJson.default_locale);
  return {
    plugins,
    // The WebExtension API without the bundler's CommonJS namespace copy (see src/platform/browser.ts). Tests mock
    // 'webextension-polyfill' itself.
    resolve: testing ? undefined : { alias: [{ find: /^webextension-polyfill$/, replacement: fileURLToPath(new URL('./src/platform/browser.ts', import.meta.url)) }] },
    define: {
      __ATTACHE_CORRECTIONS_URL__: JSON.stringify(process.env.ATTACHE_CORRECTIONS_URL ?? ''),
      // The message catalogue (src/ui/message-catalog.ts): this build's messages, and the keys the background reads.
      __ATTACHE_MESSAGES_ID__: JSON.stringify(messages.id),
      __ATTACHE_MESSAGE_KEYS__: JSON.stringify(messages.keys),
    },
    build: {
      outDir: variant.outDir(target),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // ATTACHE_NO_MINIFY=1 builds readable code for profiling.
      minify: !process.env.ATTACHE_NO_MINIFY,
      // Vite's modulepreload polyfill fetch()es chunks; extension pages load their modules without it.
      modulePreload: { polyfill: false },
      // Extension pages the manifest does not name (crxjs builds the popup and options page from it).
      rollupOptions: { input: { directory: 'src/directory/index.html' } },
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
    test: {
      include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'],
      environment: 'node',
      setupFiles: ['tests/unit/setup.ts'],
      // Timeouts catch hangs, not slowness: property tests and 100,000-row imports take seconds on a loaded machine.
      testTimeout: 30_000,
    },
  };
});
