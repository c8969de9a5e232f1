// Shared end-to-end setup: Chromium with dist/chrome loaded, X's domains served from the offline fixtures.
import { launchWithExtension } from './browser.mjs';
import { fixtureResponse } from '../fixtures/x/index.mjs';

export const X_URL = /^https:\/\/(?:[a-z]+\.)?(?:x|twitter)\.com\//;

/** Routes every request to X's domains: fixture documents are served, anything else gets an empty 404. */
export async function serveFixtures(context, { extraPages = {} } = {}) {
  await context.route(X_URL, (route) => {
    const request = route.request();
    const url = request.url();
    if (request.resourceType() === 'document') {
      const extra = extraPages[url.replace(/\/$/, '')];
      if (extra) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: extra });
      const response = fixtureResponse(url);
      if (response) return route.fulfill(response);
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
  });
}

export async function startBrowser(options = {}) {
  const session = await launchWithExtension(options);
  await serveFixtures(session.context, options);
  return session;
}

/** Waits until the content script has run on the page. */
export async function waitForAttache(page) {
  await page.waitForSelector('html[data-attache-ready]', { state: 'attached', timeout: 10_000 });
}

/** The badge hosts of official accounts on the page (lookalike warnings excluded: see `warnings`), as plain data. */
export function badges(page, selector = 'attache-badge:not([data-attache-warning])') {
  return page.$$eval(selector, (hosts) =>
    hosts.map((h) => ({
      placement: h.getAttribute('data-attache-placement'),
      handle: h.getAttribute('data-attache-handle'),
      account: h.getAttribute('data-attache-account'),
      label: h.querySelector('button')?.textContent ?? null,
      ariaLabel: h.querySelector('button')?.getAttribute('aria-label') ?? null,
    })),
  );
}

/** The lookalike warning hosts on the page, as plain data. */
export function warnings(page) {
  return page.$$eval('attache-badge[data-attache-warning]', (hosts) =>
    hosts.map((h) => ({
      placement: h.getAttribute('data-attache-placement'),
      handle: h.getAttribute('data-attache-handle'),
      resembles: h.getAttribute('data-attache-resembles'),
      warning: h.getAttribute('data-attache-warning'),
      layer: h.getAttribute('data-attache-layer'),
      label: h.querySelector('button')?.textContent ?? null,
    })),
  );
}

export async function openExtensionPage(context, extensionId, path) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}
