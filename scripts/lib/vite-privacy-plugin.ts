/**
 * Vite plugin: ships the privacy policy (PRIVACY.md, the one text users, the stores and this repository share) inside
 * the extension as a static page, `privacy.html`, which the options page links to. Converted at build time with
 * `marked`; the page holds no script, so the extension pages' CSP needs nothing more.
 */
import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { marked } from 'marked';
import { PRIVACY_PAGE } from '../../src/pages/privacy';


const STYLE = `
:root { color-scheme: light dark; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
body { max-width: 760px; margin: 0 auto; padding: 24px 20px 48px; }
table { border-collapse: collapse; margin: 12px 0; }
th, td { border: 1px solid color-mix(in srgb, currentColor 30%, transparent); padding: 4px 8px; text-align: start; vertical-align: top; }
code { font-size: 0.92em; }
a { color: LinkText; }
`;

/** The privacy page for a Markdown text. Links are the policy's own (none point outside the page today). */
export function privacyPage(markdown: string): string {
  const body = marked.parse(markdown, { async: false, gfm: true }) as string;
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Attaché privacy policy</title>
<style>${STYLE}</style>
</head>
<body>
${body}</body>
</html>
`;
}

export function privacyPagePlugin(file: string): Plugin {
  return {
    name: 'attache-privacy-page',
    apply: 'build',
    generateBundle() {
      const path = resolve(file);
      this.addWatchFile(path);
      this.emitFile({ type: 'asset', fileName: PRIVACY_PAGE, source: privacyPage(readFileSync(path, 'utf8')) });
    },
  };
}
