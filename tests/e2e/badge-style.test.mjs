// The badge lives in the page's own DOM (no shadow root), styled by the sheet the browser injects with the content
// script (src/ui/badge.css). A page's rules must not reach it: with hostile rules of ordinary specificity on element
// names, `*`, attributes, pseudo-elements and the badge's own class names, adopted by the page after every other sheet,
// every badge's computed style (host, button, label, icons, marks) stays what it was. Control elements of the page,
// beside the badges, show the hostile rules do apply to everything else. In Chromium and in Firefox.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, launch, waitForAttache } from './drivers.mjs';

const HOSTILE = `
* { color: rgb(255, 0, 0); background: rgb(255, 255, 0); padding: 7px; margin: 3px; border: 3px solid rgb(0, 255, 0);
    letter-spacing: 4px; word-spacing: 9px; text-transform: uppercase; font-style: oblique; font-weight: 100;
    font-family: serif; line-height: 3; text-decoration: underline; text-shadow: 1px 1px red; box-shadow: 0 0 9px blue;
    opacity: 0.5; vertical-align: top; white-space: normal; cursor: wait; outline: 4px dotted red; visibility: visible;
    text-indent: 20px; border-radius: 0; filter: blur(1px); transform: rotate(3deg); position: relative; top: 4px; }
*::before { content: 'X'; }
*::after { content: 'Y'; }
button { all: revert; font-size: 30px; display: block; width: 300px; height: 80px; background: rgb(0, 0, 255); }
span { display: block; color: rgb(0, 128, 0); font-weight: 900; padding: 11px; }
svg { width: 40px; height: 40px; display: block; }
path { fill: rgb(255, 0, 255); stroke: rgb(0, 0, 0); stroke-width: 3px; opacity: 0.2; transform: scale(2); }
[dir] { color: rgb(1, 2, 3); unicode-bidi: normal; }
[aria-label] { border: 9px double rgb(9, 9, 9); }
.badge, .label, .icon, .notice-marker, .unverified-mark, .swatch, .more { color: rgb(10, 20, 30); display: none; }
attache-badge { display: none; font-size: 40px; color: rgb(0, 0, 0); }
div span { margin: 12px; }
button:hover, button:focus, button:focus-visible { outline: 6px solid rgb(255, 0, 0); }
`;

const PROPERTIES = [
  'color', 'background-color', 'background-image', 'border-top-width', 'border-top-style', 'border-top-color',
  'border-left-width', 'border-radius', 'padding-top', 'padding-left', 'margin-top', 'margin-left', 'font-family',
  'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform',
  'text-decoration-line', 'text-shadow', 'box-shadow', 'display', 'visibility', 'opacity', 'position', 'top',
  'vertical-align', 'white-space', 'cursor', 'outline-style', 'transform', 'filter', 'text-indent', 'fill', 'stroke',
  'unicode-bidi',
];

/** What paints an SVG path (its box properties do not apply to it). */
const PATH_PROPERTIES = ['display', 'visibility', 'opacity', 'fill', 'fill-opacity', 'stroke', 'stroke-width', 'transform', 'filter', 'clip-path'];

/**
 * Every badge's elements (host first) and their computed styles: the HTML elements' with their pseudo-elements'
 * content, the icon's (an SVG element has no ::before), its paths' as paths.
 */
function readStyles([properties, pathProperties]) {
  return [...document.querySelectorAll('attache-badge')].map((host) =>
    [host, ...host.querySelectorAll('*')].map((el) => {
      const style = getComputedStyle(el);
      const out = { el: el.localName + (el.getAttribute('class') ? '.' + el.getAttribute('class').split(' ').join('.') : '') };
      for (const p of el.localName === 'path' ? pathProperties : properties) out[p] = style.getPropertyValue(p);
      if (el.namespaceURI === 'http://www.w3.org/1999/xhtml') {
        out['::before'] = getComputedStyle(el, '::before').getPropertyValue('content');
        out['::after'] = getComputedStyle(el, '::after').getPropertyValue('content');
      }
      return out;
    }),
  );
}

for (const name of BROWSERS) {
  describe(`badge style in ${name}`, () => {
    let session;
    before(async () => {
      session = await launch(name);
    });
    after(async () => {
      await session?.close();
    });

    for (const url of ['https://x.com/home', 'https://x.com/AmbLiuXiaoMing', 'https://x.com/home?lang=ar']) {
      it(`page rules of ordinary specificity do not reach the badges (${url})`, async () => {
        const page = await session.newPage();
        await page.goto(url);
        await waitForAttache(page);
        await page.waitFor('attache-badge');
        await new Promise((r) => setTimeout(r, 300));
        const before = await page.evaluate(readStyles, [PROPERTIES, PATH_PROPERTIES]);
        assert.ok(before.length > 0, 'badges on the page');
        // The badge's look comes from the injected sheet: a bordered, padded, non-serif pill.
        const button = before[0].find((e) => e.el.startsWith('button'));
        assert.notEqual(button['border-top-style'], 'none');
        assert.notEqual(button['padding-left'], '0px');
        assert.doesNotMatch(button['font-family'], /^serif/);
        // Controls: a span and a button of the page beside a badge, inside the same row.
        const controls = await page.evaluate((css) => {
          const badge = document.querySelector('attache-badge');
          const span = document.createElement('span');
          span.textContent = 'control';
          const button = document.createElement('button');
          button.textContent = 'control';
          badge.after(span, button);
          const read = () => [span, button].map((el) => getComputedStyle(el).color + ' ' + getComputedStyle(el).fontWeight);
          const plain = read();
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
          return { plain, hostile: read() };
        }, HOSTILE);
        assert.notDeepEqual(controls.hostile, controls.plain, 'the hostile rules apply to the page');
        assert.equal(controls.hostile[0], 'rgb(0, 128, 0) 900', 'a span of the page takes the hostile span rule');
        const after = await page.evaluate(readStyles, [PROPERTIES, PATH_PROPERTIES]);
        assert.equal(after.length, before.length);
        for (let i = 0; i < before.length; i++) {
          for (let j = 0; j < before[i].length; j++) assert.deepEqual(after[i][j], before[i][j], `badge ${i}, ${before[i][j].el}, on ${url}`);
        }
        await page.close();
      });
    }
  });
}
