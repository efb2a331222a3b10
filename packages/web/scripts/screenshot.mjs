// Screenshots of the running app for docs and visual review.
// Usage: node packages/web/scripts/screenshot.mjs <baseUrl> <outDir> [path]
// Needs Debian chromium at /usr/bin/chromium (never `playwright install`).
import { chromium } from 'playwright-core';

const [baseUrl = 'http://127.0.0.1:18080', outDir = 'docs/screenshots', path = '/'] = process.argv.slice(2);
const shots = [
  { file: 'overview.png', colorScheme: 'light', viewport: { width: 1280, height: 860 } },
  { file: 'overview-dark.png', colorScheme: 'dark', viewport: { width: 1280, height: 860 } },
];
if (process.env.SHOT_MOBILE) {
  shots.push({ file: 'overview-mobile.png', colorScheme: 'light', viewport: { width: 390, height: 844 } });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  for (const shot of shots) {
    const context = await browser.newContext({ colorScheme: shot.colorScheme, viewport: shot.viewport });
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') console.log(`[${shot.file}] console ${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (error) => console.log(`[${shot.file}] page error: ${error.message}`));
    await page.goto(new URL(path, baseUrl).href, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-test^="dep-"]', { timeout: 10_000 });
    await page.screenshot({ path: `${outDir}/${shot.file}`, fullPage: true });
    console.log(`wrote ${outDir}/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
}
