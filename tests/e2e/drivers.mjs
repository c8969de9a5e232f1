// One harness, two drivers: the built extension in Chromium (playwright-core, dist/chrome) or in Firefox ESR
// (puppeteer-core over WebDriver BiDi, dist/firefox as a temporary add-on). Tests written against `launch()` run in
// both browsers; they use only the few operations below. Neither driver ever downloads a browser.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { findChromium, QUIET_ARGS } from './browser.mjs';
import { fixtureResponse } from '../fixtures/x/index.mjs';

/** Browsers to run: ATTACHE_BROWSERS=chromium or =firefox narrows a run; both by default. */
export const BROWSERS = (process.env.ATTACHE_BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim()).filter(Boolean);

const X_URL = /^https:\/\/(?:[a-z]+\.)?(?:x|twitter)\.com\//;
const GECKO_ID = 'attache@attache.invalid';
/** Chromium logs failed sub-resources and web-app manifests as console errors: the fixture server's 404s, not script errors. */
const NETWORK_NOISE = /^(?:Failed to load resource|Manifest fetch from \S+ failed)/;

export function findFirefox() {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `No Firefox at ${path}. Install Debian's package (sudo apt-get install firefox-esr) or set FIREFOX_PATH. ` +
        'Attaché never downloads a browser.',
    );
  }
  return path;
}

/**
 * Launches `name` ('chromium' | 'firefox') with the built extension. `pages` maps extra x.com URLs (no trailing
 * slash) to HTML served at them; every other x.com document comes from tests/fixtures/x; anything else on X's
 * domains gets an empty 404, and nothing else on the network is reachable.
 */
export async function launch(name, { pages = {} } = {}) {
  const serve = (url) => {
    const extra = pages[url.replace(/\/$/, '')];
    if (extra) return { status: 200, contentType: 'text/html; charset=utf-8', body: extra };
    return fixtureResponse(url);
  };
  if (name === 'chromium') return launchChromium(serve);
  if (name === 'firefox') return launchFirefox(serve);
  throw new Error(`unknown browser ${name}`);
}

function wrapPage(raw, kind) {
  const consoleErrors = [];
  const requests = [];
  raw.on('console', (m) => {
    if (m.type() === 'error' && !NETWORK_NOISE.test(m.text())) consoleErrors.push(m.text());
  });
  raw.on('pageerror', (e) => consoleErrors.push(String(e?.message ?? e)));
  raw.on('request', (r) => requests.push({ url: r.url(), navigation: r.isNavigationRequest() }));
  // Our own polling on evaluate(): puppeteer's waitForFunction over BiDi evaluates its predicate in a way the x.com
  // CSP (no unsafe-eval) blocks in Firefox.
  const waitUntil = async (fn, arg, timeout = 10_000) => {
    const end = Date.now() + timeout;
    for (;;) {
      try {
        if (await raw.evaluate(fn, arg)) return;
      } catch (error) {
        // A navigation in progress destroys the context: try again.
        if (!/context|destroyed|navigat/i.test(String(error?.message))) throw error;
      }
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 120)} (${JSON.stringify(arg)})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    raw,
    consoleErrors,
    requests,
    url: () => raw.url(),
    async goto(url) {
      await raw.goto(url, { waitUntil: 'load' });
    },
    /** Waits for a light-DOM selector to be attached (or, with gone: true, for none to match). */
    async waitFor(selector, { gone = false, timeout = 10_000 } = {}) {
      await waitUntil(([s, g]) => (document.querySelector(s) === null) === g, [selector, gone], timeout);
    },
    /** Runs fn(arg) in the page. */
    evaluate(fn, arg) {
      return raw.evaluate(fn, arg);
    },
    /** Waits until fn(arg) is truthy in the page. */
    waitUntil,
    /** Clicks the centre of the first rendered element: `selector`, or `inner` inside it (or inside its open shadow root). */
    async click(selector, inner) {
      const point = await raw.evaluate(
        ([s, i]) => {
          // The first match that is rendered (pages may hide some posts with CSS).
          const el = [...document.querySelectorAll(s)]
            .map((host) => (i ? (host.shadowRoot ?? host).querySelector(i) : host))
            .find((e) => e && e.getClientRects().length > 0);
          if (!el) return null;
          el.scrollIntoView({ block: 'center', inline: 'center' });
          const r = el.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        },
        [selector, inner ?? null],
      );
      if (!point) throw new Error(`nothing to click at ${selector}${inner ? ` >>> ${inner}` : ''}`);
      await raw.mouse.click(point.x, point.y);
    },
    async clickAt(x, y) {
      await raw.mouse.click(x, y);
    },
    /** Focuses an element (or one inside it or its shadow root) the way a script would; keyboard tests then press keys. */
    async focus(selector, inner) {
      const ok = await raw.evaluate(
        ([s, i]) => {
          const host = document.querySelector(s);
          const el = i && host ? (host.shadowRoot ?? host).querySelector(i) : host;
          el?.focus();
          return !!el;
        },
        [selector, inner ?? null],
      );
      if (!ok) throw new Error(`nothing to focus at ${selector}`);
    },
    press(key) {
      return raw.keyboard.press(key);
    },
    screenshot(path) {
      return raw.screenshot({ path });
    },
    close() {
      return raw.close();
    },
  };
}

async function launchChromium(serve) {
  const { chromium } = await import('playwright-core');
  const extensionPath = resolve('dist/chrome');
  requireBuild(extensionPath);
  const userDataDir = mkdtempSync(join(tmpdir(), 'attache-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`, ...QUIET_ARGS],
  });
  await context.route(X_URL, (route) => {
    const request = route.request();
    const response = request.resourceType() === 'document' ? serve(request.url()) : null;
    return route.fulfill(response ?? { status: 404, contentType: 'text/plain', body: '' });
  });
  const { createHash } = await import('node:crypto');
  const hex = createHash('sha256').update(extensionPath).digest('hex').slice(0, 32);
  const extensionId = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  // Persistent contexts open with one blank tab; closing it keeps "the other X tab" logic in the popup simple.
  for (const p of context.pages()) await p.close();
  return {
    name: 'chromium',
    extensionOrigin: `chrome-extension://${extensionId}`,
    async newPage() {
      return wrapPage(await context.newPage(), 'playwright');
    },
    async extensionPage(path) {
      const page = wrapPage(await context.newPage(), 'playwright');
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(serve) {
  const { default: puppeteer } = await import('puppeteer-core');
  const extensionPath = resolve('dist/firefox');
  requireBuild(extensionPath);
  // A fixed moz-extension:// uuid for the add-on, so tests can open its pages.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // No first-run pages, no remote settings, no captive-portal probes: the only traffic is the test's.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.newtabpage.activity-stream.feeds.topsites': false,
      'browser.newtabpage.activity-stream.feeds.system.topsites': false,
    },
  });
  const id = await browser.installExtension(extensionPath);
  if (id !== GECKO_ID) throw new Error(`Firefox installed the add-on as ${id}, expected ${GECKO_ID}`);
  const origin = `moz-extension://${uuid}`;
  const intercept = async (raw) => {
    await raw.setRequestInterception(true);
    raw.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      if (url.startsWith('moz-extension:') || url.startsWith('about:') || url.startsWith('data:')) return request.continue();
      const response = X_URL.test(url) && request.isNavigationRequest() ? serve(url) : null;
      if (response) return request.respond(response);
      if (X_URL.test(url)) return request.respond({ status: 404, contentType: 'text/plain', body: '' });
      return request.abort();
    });
  };
  return {
    name: 'firefox',
    extensionOrigin: origin,
    async newPage() {
      const raw = await browser.newPage();
      await intercept(raw);
      return wrapPage(raw, 'puppeteer');
    },
    async extensionPage(path) {
      const raw = await browser.newPage();
      const page = wrapPage(raw, 'puppeteer');
      // Firefox 140 loads moz-extension:// pages but BiDi never reports the navigation as done, so goto() would time
      // out: start it and wait for the document itself.
      const url = `${origin}/${path}`;
      raw.goto(url).catch(() => undefined);
      await page.waitUntil((u) => location.href === u && document.readyState === 'complete', url, 20_000);
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}

function requireBuild(dir) {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir}/manifest.json is missing: run "npm run build" first.`);
}

// ---- helpers on top of the operations, shared by the cross-browser tests ----

/** Waits until the content script has run on the page. */
export function waitForAttache(page) {
  return page.waitFor('html[data-attache-ready]');
}

/** Every badge host on the page as plain data. */
export function badgeHosts(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('attache-badge')].map((h) => ({
      placement: h.getAttribute('data-attache-placement'),
      handle: h.getAttribute('data-attache-handle'),
      account: h.getAttribute('data-attache-account'),
      layers: (h.getAttribute('data-attache-layer') ?? '').split(' ').filter(Boolean),
      warning: h.getAttribute('data-attache-warning'),
      label: h.querySelector('button')?.textContent ?? null,
    })),
  );
}

/**
 * What the content script of the one open x.com tab reports to the popup (counts, layout-drift hooks, errors). The
 * extension has no "tabs" permission, so tab URLs are hidden from it: every tab is asked, and exactly one X tab must
 * answer.
 */
export function pageStats(extensionPage) {
  return extensionPage.evaluate(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const tabs = await api.tabs.query({});
    const replies = (
      await Promise.all(tabs.map((t) => api.tabs.sendMessage(t.id, { type: 'attache:page-stats' }).catch(() => undefined)))
    ).filter(Boolean);
    return replies.length === 1 ? replies[0] : { error: `${replies.length} X tabs answered` };
  });
}
