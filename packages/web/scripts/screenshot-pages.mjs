// Screenshots of the run, employees, employee and system pages against a running server.
// Usage: node packages/web/scripts/screenshot-pages.mjs <baseUrl> <outDir> <runId> [employeeId]
// Set SHOT_VARIANTS=1 to also write dark and phone-sized variants (<name>-dark.png, <name>-mobile.png).
// Needs Debian chromium at /usr/bin/chromium (never `playwright install`).
import { chromium } from 'playwright-core';

const [baseUrl = 'http://127.0.0.1:18080', outDir = 'docs/screenshots', runId, employeeId = 'emp_004'] = process.argv.slice(2);
if (!runId) throw new Error('pass the id of a run with some output');

const pages = [
  // The run page shows a failed tool call unfolded, to show what folding hides.
  { name: 'run', path: `/runs/${runId}`, ready: '[data-test="transcript"] [data-index]', click: '.tool--error' },
  { name: 'employees', path: '/employees', ready: '[data-test^="employee-emp_"]' },
  { name: 'employee', path: `/employees/${employeeId}`, ready: '.prompt' },
  { name: 'system', path: '/system', ready: '[data-test^="runtime-"]' },
];
const variants = [{ suffix: '', colorScheme: 'light', viewport: { width: 1280, height: 900 } }];
if (process.env.SHOT_VARIANTS) {
  variants.push({ suffix: '-dark', colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
  variants.push({ suffix: '-mobile', colorScheme: 'light', viewport: { width: 390, height: 844 } });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
try {
  for (const variant of variants) {
    for (const page of pages) {
      const context = await browser.newContext({ colorScheme: variant.colorScheme, viewport: variant.viewport });
      const tab = await context.newPage();
      const file = `${outDir}/${page.name}${variant.suffix}.png`;
      tab.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') console.log(`[${file}] console ${msg.type()}: ${msg.text()}`);
      });
      tab.on('pageerror', (error) => console.log(`[${file}] page error: ${error.message}`));
      await tab.goto(new URL(page.path, baseUrl).href);
      await tab.waitForSelector(page.ready, { timeout: 15_000 });
      if (page.click) await tab.locator(page.click).last().click({ timeout: 5_000 }).catch(() => {});
      // Let live data (feed state, metrics snapshot, run history) settle.
      await tab.waitForTimeout(2_500);
      await tab.screenshot({ path: file, fullPage: page.name !== 'run' });
      console.log(`wrote ${file}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
