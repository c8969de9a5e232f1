// Finding Chromium and launching it with the built extension loaded (playwright-core; never a downloaded browser).
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install Debian\'s package (sudo apt-get install chromium) or set CHROMIUM_PATH to a ' +
        'Chromium or Chrome binary. Attaché never downloads a browser.',
    );
  }
  return found;
}

export const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A persistent context with dist/chrome loaded; returns { context, extensionId, close }. */
export async function launchWithExtension({ dist = 'dist/chrome', headless = true, viewport, locale } = {}) {
  const extensionPath = resolve(dist);
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`${dist}/manifest.json is missing: run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'attache-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    viewport: viewport ?? { width: 1280, height: 900 },
    locale,
    args: [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`, ...QUIET_ARGS],
  });
  return {
    context,
    extensionId: await extensionIdOf(context, extensionPath),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The id Chromium gives an unpacked extension: sha256 of its absolute path, first 32 hex digits mapped 0-f -> a-p. */
async function extensionIdOf(_context, extensionPath) {
  const { createHash } = await import('node:crypto');
  const hex = createHash('sha256').update(extensionPath).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}
