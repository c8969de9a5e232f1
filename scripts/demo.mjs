#!/usr/bin/env node
// Opens the built extension (dist/chrome) in Chromium on the bundled offline X demo pages, served at their x.com
// URLs by request interception: no network. With a display it opens a window and waits until you close it;
// without one it runs headless, saves screenshots and prints where they are.
// `--store` writes the store listing's screenshots instead (store/screenshots/, 1280x800): the card open, search
// results with officials of four continents in light and lights-out themes, the popup over the timeline, and the options page.
// Except with `--store`, the demo runs the demo build (dist/demo-chrome: the shipped dataset plus fictional demo
// accounts, scripts/demo/) so that its identity page shows a rename, a recycled handle and an X government check;
// `--docs-images` writes that page's screenshots into docs/images/ (the ones docs/identity.md shows).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openExtensionPage, startBrowser, waitForAttache } from '../tests/e2e/harness.mjs';
import { routes } from '../tests/fixtures/x/index.mjs';
import { DEMO_IDENTITY_URL, demoGraphql, demoIdentityPage } from './demo/identity-page.mjs';

const store = process.argv.includes('--store');
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI && !process.argv.includes('--headless') && !store;
const outDir = resolve(store ? 'store/screenshots' : 'demo-output');
const docsImages = process.argv.includes('--docs-images');

if (!store) execFileSync(resolve('node_modules/.bin/tsx'), ['scripts/build-variant.ts', 'demo', 'chrome'], { stdio: 'inherit' });

let session;
try {
  session = await startBrowser({
    headless: !headed,
    ...(store ? {} : { dist: 'dist/demo-chrome', extraPages: { [DEMO_IDENTITY_URL]: demoIdentityPage() } }),
  });
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}
const { context } = session;
// X's own client fetches its timelines from its GraphQL API; the demo page does too, and gets the demo accounts.
if (!store) {
  // "Suggest for the dataset" copies its report: the demo lets x.com write the clipboard, as a click would.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://x.com' });
  await context.route('**/i/api/graphql/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(demoGraphql()) }));
}

if (headed) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://x.com/AmbLiuXiaoMing');
  console.log('Chromium is open with Attaché on the offline demo pages. Try these URLs (served offline):');
  for (const r of routes) console.log(`  ${r.url.padEnd(40)} ${r.title}`);
  console.log(`  ${DEMO_IDENTITY_URL.padEnd(40)} Demo cases (fictional accounts): matched by X id, rename, recycled handle, X government check`);
  console.log('  (for the X government check, switch on "X government accounts not in the dataset" in the popup)');
  console.log('Close the browser window to finish.');
  await new Promise((done) => context.on('close', done));
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
const shots = [];
const page = await context.newPage();
await page.setViewportSize({ width: 1280, height: store ? 800 : 900 });

async function shoot(url, name, prepare) {
  await page.goto(url);
  await waitForAttache(page);
  await page.waitForSelector('attache-badge', { timeout: 5000 }).catch(() => undefined);
  if (prepare) await prepare();
  await page.waitForTimeout(250); // let the card's opening animation finish
  const path = `${outDir}/${name}.png`;
  await page.screenshot({ path });
  const count = await page.$$eval('attache-badge', (b) => b.length);
  shots.push({ path, url, count });
}

if (store) {
  await storeShots();
} else {
  await shoot('https://x.com/AmbLiuXiaoMing', 'profile-card-open', async () => {
    await page.locator('attache-badge[data-attache-placement="profile"] button').click();
    await page.locator('attache-card').waitFor();
  });
  await shoot('https://x.com/home', 'home-light');
  await shoot('https://x.com/home?theme=dim', 'home-dim');
  await shoot('https://x.com/home?theme=dark', 'home-dark', async () => {
    await page.locator('attache-badge button').first().click();
    await page.locator('attache-card').waitFor();
  });
  await shoot('https://x.com/home?lang=ar', 'home-arabic-rtl');
  await shoot('https://x.com/search?q=UNGA&src=typed_query&f=live', 'world-light');
  await identityShots();
}

await session.close();
console.log(`Attaché demo (${store ? 'store screenshots, 1280x800' : 'headless: no display found'}). Screenshots:`);
for (const s of shots) console.log(`  ${s.path}  (${s.url}, ${s.count} badges)`);

/** The store listing's screenshots: 1280x800, from the demo pages. */
async function storeShots() {
  await shoot('https://x.com/AmbLiuXiaoMing', '1-card-open', async () => {
    await page.locator('attache-badge[data-attache-placement="profile"] button').click();
    await page.locator('attache-card').waitFor();
  });
  await shoot('https://x.com/search?q=UNGA&src=typed_query&f=live', '2-timeline-light');
  await shoot('https://x.com/search?q=UNGA&src=typed_query&f=live&theme=dark', '3-timeline-dark');
  // The popup as the toolbar shows it, over the timeline it counts (the popup reads the last X tab's counts).
  await page.goto('https://x.com/home');
  await waitForAttache(page);
  await page.waitForSelector('attache-badge');
  const timeline = await page.screenshot();
  const popup = await openExtensionPage(context, session.extensionId, 'src/popup/index.html');
  await popup.setViewportSize({ width: 360, height: 640 });
  await popup.waitForSelector('[data-attache-layer]');
  await popup.waitForTimeout(300);
  const box = await popup.evaluate(() => {
    const main = document.querySelector('main');
    return { width: Math.ceil(main?.scrollWidth ?? 360), height: Math.min(720, Math.ceil(document.documentElement.scrollHeight)) };
  });
  await popup.setViewportSize({ width: Math.max(320, box.width), height: box.height });
  const popupPng = await popup.screenshot();
  await popup.close();
  const composite = await context.newPage();
  await composite.setViewportSize({ width: 1280, height: 800 });
  await composite.setContent(`<body style="margin:0;overflow:hidden">
    <img src="data:image/png;base64,${timeline.toString('base64')}" style="position:absolute;inset:0;width:1280px;height:800px">
    <img src="data:image/png;base64,${popupPng.toString('base64')}"
      style="position:absolute;top:8px;right:16px;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.35);border:1px solid #cfd9de"></body>`);
  await composite.waitForFunction(() => [...document.images].every((i) => i.complete));
  const popupPath = `${outDir}/4-popup.png`;
  await composite.screenshot({ path: popupPath });
  await composite.close();
  shots.push({ path: popupPath, url: 'popup over https://x.com/home', count: 0 });
  const options = await openExtensionPage(context, session.extensionId, 'src/options/index.html');
  await options.setViewportSize({ width: 1280, height: 800 });
  await options.waitForSelector('[data-attache-layer]');
  await options.waitForTimeout(300);
  const optionsPath = `${outDir}/5-options.png`;
  await options.screenshot({ path: optionsPath });
  await options.close();
  shots.push({ path: optionsPath, url: 'options page', count: 0 });
}

/**
 * The demo's identity cases (scripts/demo/identity-page.mjs), with the layer "X government accounts not in the
 * dataset" switched on in the popup: the timeline, and the card of each case.
 */
async function identityShots() {
  const dir = docsImages ? resolve('docs/images') : outDir;
  mkdirSync(dir, { recursive: true });
  const popup = await openExtensionPage(context, session.extensionId, 'src/popup/index.html');
  // Enabled once the popup has read the settings.
  const toggle = popup.locator('button[role="switch"][data-attache-layer="x-government"]:not([disabled])');
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
  await popup.waitForSelector('button[role="switch"][data-attache-layer="x-government"][aria-checked="true"]');
  await popup.close();

  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(DEMO_IDENTITY_URL);
  await waitForAttache(page);
  // Each case once X's data has arrived: the rename's badge, the recycled warning, the government marker.
  await page.waitForSelector('attache-badge[data-attache-handle="attachedemooff"][data-attache-identity="id"]');
  await page.waitForSelector('attache-badge[data-attache-handle="attachedemoemb2"][data-attache-identity="renamed"]');
  await page.waitForSelector('attache-badge[data-attache-handle="attachedemomin"][data-attache-warning="recycled"]');
  await page.waitForSelector('attache-badge[data-attache-handle="attachedemogov"][data-attache-signal="x-government"]');
  const column = page.locator('[data-testid="primaryColumn"]');
  const box = await column.boundingBox();
  const save = async (name, shot) => {
    const path = `${dir}/${name}.png`;
    await shot(path);
    shots.push({ path, url: DEMO_IDENTITY_URL, count: await page.$$eval('attache-badge', (b) => b.length) });
  };
  await save('identity-demo-timeline', (path) => page.screenshot({ path, clip: { x: box.x, y: box.y, width: box.width, height: 760 } }));
  for (const [name, selector] of [
    ['identity-demo-renamed-card', 'attache-badge[data-attache-handle="attachedemoemb2"]'],
    ['identity-demo-recycled-card', 'attache-badge[data-attache-handle="attachedemomin"]'],
    ['identity-demo-x-government-card', 'attache-badge[data-attache-handle="attachedemogov"]'],
  ]) {
    await page.locator(`${selector} button`).first().click();
    const card = page.locator('attache-card');
    await card.waitFor();
    // The report copied, and the card saying so.
    if (name.includes('x-government')) await card.locator('button.copy').click();
    await page.waitForTimeout(250);
    const cardBox = await card.locator('.card').boundingBox();
    const badgeBox = await page.locator(selector).first().boundingBox();
    // The post's badge and the card under it, in one picture.
    const top = Math.max(0, Math.min(badgeBox.y, cardBox.y) - 40);
    const bottom = Math.max(badgeBox.y + badgeBox.height, cardBox.y + cardBox.height) + 12;
    const left = Math.min(box.x, cardBox.x - 12);
    const right = Math.max(box.x + box.width, cardBox.x + cardBox.width + 12);
    await save(name, (path) => page.screenshot({ path, clip: { x: left, y: top, width: right - left, height: bottom - top } }));
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
  }
}
