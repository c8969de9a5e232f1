/**
 * Reads a file of the extension's own package (never anything else): `runtime.getURL` gives its
 * chrome-extension:// or moz-extension:// address, which the browser serves from the installed package, with no
 * network request. This is the extension's only `fetch`; `path` must be a plain relative path into the package.
 */
import browser from 'webextension-polyfill';

export async function readOwnFile(path: string): Promise<ArrayBuffer> {
  if (!/^[a-z0-9][a-z0-9/_.-]*$/i.test(path) || path.includes('..')) throw new Error(`readOwnFile: not a path in the package: ${path}`);
  const url = browser.runtime.getURL(path);
  // The host is the extension's id, or in Chrome, for a resource with use_dynamic_url, its per-session id.
  const parsed = new URL(url);
  if (!/^(chrome|moz)-extension:$/.test(parsed.protocol) || parsed.pathname !== `/${path}`) throw new Error(`readOwnFile: ${url} is not in the package`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`readOwnFile: ${path}: ${response.status}`);
  return response.arrayBuffer();
}
