// The WebExtension API, from webextension-polyfill (which passes a native `browser` namespace through as it is),
// handed over inside a plain object. See browser.ts for why.
exports.browser = require('webextension-polyfill/dist/browser-polyfill.js');
