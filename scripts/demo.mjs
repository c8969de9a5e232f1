#!/usr/bin/env node
// Opens the built extension (dist/chrome) in Chromium on the bundled offline X demo pages, served at their x.com
// URLs by request interception: no network. With a display it opens a window and waits until you close it;
// without one it runs headless, saves screenshots and prints where they are.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startBrowser, waitForAttache } from '../tests/e2e/harness.mjs';
import { routes } from '../tests/fixtures/x/index.mjs';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI && !process.argv.includes('--headless');
const outDir = resolve('demo-output');

let session;
try {
  session = await startBrowser({ headless: !headed });
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}
const { context } = session;

if (headed) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://x.com/AmbLiuXiaoMing');
  console.log('Chromium is open with Attaché on the offline demo pages. Try these URLs (served offline):');
  for (const r of routes) console.log(`  ${r.url.padEnd(40)} ${r.title}`);
  console.log('Close the browser window to finish.');
  await new Promise((done) => context.on('close', done));
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
const shots = [];
const page = await context.newPage();
await page.setViewportSize({ width: 1280, height: 900 });

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

await session.close();
console.log('Attaché demo (headless: no display found). Screenshots:');
for (const s of shots) console.log(`  ${s.path}  (${s.url}, ${s.count} badges)`);
