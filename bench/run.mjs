// Drives the benchmark page (bench/page, served by `cargo xtask bench`) in Debian's headless
// Chromium through playwright-core, one corpus size after another, and prints one line per size:
// `BENCH {json}` (the page's result), then `BROWSER <name version>`. The xtask reads these lines.
//
// By hand: BENCH_URL=http://127.0.0.1:PORT/ BENCH_SIZES=10000,100000 node bench/run.mjs

import { launchChromium } from '../e2e/chromium.mjs';

const BASE_URL = new URL(process.env.BENCH_URL ?? 'http://127.0.0.1:8080/');
const SIZES = (process.env.BENCH_SIZES ?? '10000').split(',').filter(Boolean);
const QUERIES = process.env.BENCH_QUERIES ?? '1000';
const TIMEOUT_MS = 15 * 60_000;

const browser = await launchChromium(['--enable-precise-memory-info']);
let failed = false;
try {
  for (const size of SIZES) {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`page ${size}: ${m.text()}`);
    });
    page.on('pageerror', (e) => console.error(`page ${size}: ${e.message}`));
    // A script the local server failed to deliver leaves the page idle: load it again.
    for (let attempt = 1; ; attempt++) {
      await page.goto(new URL(`index.html?size=${size}&queries=${QUERIES}`, BASE_URL).href, {
        waitUntil: 'commit',
        timeout: TIMEOUT_MS,
      });
      const started = await page
        .waitForFunction(() => window.benchStarted, null, { timeout: 60_000 })
        .then(() => true, () => false);
      if (started) break;
      if (attempt === 3) throw new Error(`the page for ${size} articles did not start`);
      console.error(`page ${size}: did not start; loading it again`);
    }
    await page.waitForFunction(() => window.benchResult, null, { timeout: TIMEOUT_MS, polling: 500 });
    const result = await page.evaluate(() => window.benchResult);
    if (result.error) {
      console.error(`size ${size}: ${result.error}`);
      failed = true;
    } else {
      console.log(`BENCH ${JSON.stringify(result)}`);
    }
    await page.close();
  }
  console.log(`BROWSER Chromium ${browser.version()}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
