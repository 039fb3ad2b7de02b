// "Add your pages" measured in Debian's headless Chromium: a folder of synthetic pages is set on
// #add-pages of the served page, and this prints `ADD_PAGES {json}` with the time from the
// input's change event to all files read (and the MB/s that makes) and to an explorable corpus
// (#reading-summary shown, #match-count equal to the pages), and how soon clicks made while
// reading were answered (input event → the next frame, queueing included). `cargo xtask bench`
// serves the page, runs this and reads the line.
//
// By hand: ADD_PAGES_URL=http://127.0.0.1:PORT/ ADD_PAGES_DIR=bench/corpus/10000/articles \
//   node bench/add-pages.mjs
// ADD_PAGES_EXPECT, when set, is `coverage ingest`'s summary line for the same files, which the
// page's must equal.

import { launchChromium } from '../e2e/chromium.mjs';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const URL_ = process.env.ADD_PAGES_URL ?? 'http://127.0.0.1:8080/';
const DIR = process.env.ADD_PAGES_DIR;
const EXPECT = process.env.ADD_PAGES_EXPECT ?? null;
const TIMEOUT_MS = 10 * 60_000;
/** Pause between two clicks while reading. */
const CLICK_EVERY_MS = 150;

assert.ok(DIR, 'ADD_PAGES_DIR names the folder of pages to add');
const files = readdirSync(DIR)
  .sort()
  .map((name) => join(DIR, name))
  .filter((path) => statSync(path).isFile());
const bytes = files.reduce((sum, path) => sum + statSync(path).size, 0);

const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] : null);
const percentile = (xs, p) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : null;

const browser = await launchChromium();
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(URL_, { waitUntil: 'load' });
  // The first load compiles the page's wasm with nothing cached.
  await page
    .waitForFunction(() => (document.getElementById('match-count')?.textContent ?? '').trim() !== '', null, {
      timeout: 180_000,
    })
    .catch((e) => {
      throw new Error(`the page did not render (${e.message.split('\n')[0]}); the browser said: ${problems.join('; ') || 'nothing'}`);
    });

  // In the page: the change event's time, each frame's view of the progress, and every click's
  // delay from its input event to the frame after its handler ran.
  await page.evaluate(() => {
    const m = (window.addPagesBench = { start: null, allRead: null, explorable: null, status: null, clicks: [] });
    document.addEventListener('change', (e) => {
      if (e.target.id === 'add-pages' && m.start === null) m.start = performance.now();
    }, true);
    document.addEventListener('click', (e) => {
      if (m.start === null || m.explorable !== null) return;
      const t0 = e.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => m.clicks.push(performance.now() - t0);
        channel.port2.postMessage(0);
      });
    }, true);
    const frame = () => {
      const now = performance.now();
      const bar = document.getElementById('reading-progress');
      if (bar) {
        m.status = document.getElementById('reading-status')?.textContent ?? m.status;
        if (m.allRead === null && bar.max > 1 && Number(bar.value) >= Number(bar.max)) m.allRead = now;
      }
      if (m.start !== null && document.getElementById('reading-summary')) {
        m.explorable = now;
        if (m.allRead === null) m.allRead = now;
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });

  await page.locator('#add-pages').setInputFiles(files);
  // Click a button of the explorer while reading: an actor of the shown corpus, on and then off
  // again, so the filters are as they were.
  const target = page.locator('[data-facet="actors"] [data-value]').first();
  const reading = () =>
    page.evaluate(() => window.addPagesBench.explorable === null && !!document.getElementById('reading-progress'));
  while (await reading()) {
    for (let i = 0; i < 2; i++) {
      await target.click({ timeout: TIMEOUT_MS, noWaitAfter: true });
      await page.waitForTimeout(CLICK_EVERY_MS);
    }
  }
  await page.waitForFunction(() => window.addPagesBench.explorable !== null, null, { timeout: TIMEOUT_MS, polling: 100 });
  const m = await page.evaluate(() => window.addPagesBench);
  const summary = (await page.locator('#reading-summary').textContent()).trim();
  const pages = Number(summary.match(/^(\d+) pages/)?.[1]);
  // A click may have left an actor selected: clear the filters, then every page matches.
  await page.evaluate(() => {
    location.hash = '#';
  });
  await page.waitForFunction(
    (n) => Number(document.getElementById('match-count').textContent.replace(/\D/g, '')) === n,
    pages,
  );
  if (EXPECT !== null) assert.equal(summary, EXPECT.trim(), 'the page counts as coverage ingest does');
  const readMs = m.allRead - m.start;
  const result = {
    files: files.length,
    bytes,
    workers: await page.evaluate(() => navigator.hardwareConcurrency),
    read_ms: Math.round(readMs),
    mb_s: bytes / 1e6 / (readMs / 1000),
    explorable_ms: Math.round(m.explorable - m.start),
    pages,
    page_status: m.status,
    summary,
    clicks: m.clicks.length,
    click_median_ms: median(m.clicks),
    click_p95_ms: percentile(m.clicks, 0.95),
    click_max_ms: m.clicks.length ? Math.max(...m.clicks) : null,
    problems,
  };
  console.log(`ADD_PAGES ${JSON.stringify(result)}`);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
