/**
 * What `import browser from 'webextension-polyfill'` resolves to in the build (vite.config.ts aliases it here).
 *
 * Importing a CommonJS module into ES modules makes the bundler copy the module's own properties onto a namespace
 * object, asking for each one's property descriptor. Where the browser has a native `browser` namespace (Chromium
 * 156 does, as Firefox always had), the polyfill's export is that namespace, and asking for the descriptor of a
 * lazily created API (`app`, `dom`, `runtime`, `storage`...) creates it: every API, at every page load, about 1.5 ms
 * of the content script's evaluation in a CPU profile. Taken from inside a plain object, only that object's one
 * property is copied, and each API is created when first used.
 */
import { browser } from './polyfill.cjs';

export default browser;
