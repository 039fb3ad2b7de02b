// The explorer page built on the benchmark's large corpus, checked in headless Chromium: it loads
// and shows every article, clicking an actor changes the count, an edge's evidence opens (its
// text chunk fetched on demand). It measures start-up, click -> next frame, and evidence time,
// and prints `EXPLORER {json}`; `cargo xtask bench` builds and serves the page and reads the line.
//
// By hand: EXPLORER_URL=http://127.0.0.1:PORT/ EXPLORER_ARTICLES=100000 node bench/explorer.mjs

import { launchChromium } from '../e2e/chromium.mjs';
import assert from 'node:assert/strict';

const URL_ = process.env.EXPLORER_URL ?? 'http://127.0.0.1:8080/';
const ARTICLES = Number(process.env.EXPLORER_ARTICLES ?? 100000);
const CLICKS = 20;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const browser = await launchChromium(['--enable-precise-memory-info']);
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  const started = Date.now();
  await page.goto(URL_, { waitUntil: 'load' });
  await page.waitForFunction(
    () => (document.getElementById('match-count')?.textContent ?? '').trim() !== '',
  );
  const loadMs = Date.now() - started;
  const count = async () => Number((await page.locator('#match-count').textContent()).replace(/\D/g, ''));
  const total = await count();
  assert.equal(total, ARTICLES, `#match-count shows ${total}, expected ${ARTICLES}`);

  // Click -> the frame after the click handler: rAF runs before that frame paints (the DOM is
  // updated by then), and a task posted from rAF runs once it has painted. `work` is click -> a
  // task posted at the click, which runs once the click's effects (microtasks) are done.
  // Clicks alternate: select the most-named actor, then clear it again.
  const button = page.locator('[data-facet="actors"] [data-value]').first();
  const actor = await button.getAttribute('data-value');
  const clicks = [];
  let filtered = null;
  for (let i = 0; i < CLICKS; i++) {
    const timing = await button.evaluate(
      (el) =>
        new Promise((resolve) => {
          const t0 = performance.now();
          let work = null;
          const early = new MessageChannel();
          early.port1.onmessage = () => {
            work = performance.now() - t0;
          };
          el.click();
          const handled = performance.now() - t0;
          early.port2.postMessage(0);
          requestAnimationFrame(() => {
            const frame = performance.now() - t0;
            const channel = new MessageChannel();
            channel.port1.onmessage = () =>
              resolve({ handled, work: work ?? frame, frame, painted: performance.now() - t0 });
            channel.port2.postMessage(0);
          });
        }),
    );
    clicks.push({ ...timing, selects: i % 2 === 0 });
    const now = await count();
    if (i % 2 === 0) {
      filtered = now;
      assert.ok(now < total, `clicking ${actor} left the count at ${now}`);
    } else {
      assert.equal(now, total, `clicking ${actor} again should clear it`);
    }
  }
  const of = (kind, key) => median(clicks.filter((c) => kind === null || c.selects === kind).map((c) => c[key]));

  // An edge's evidence: focus the strongest edge, press Enter, wait for a sentence.
  const edge = page.locator('svg#map [data-source][data-target]').last();
  const pair = [await edge.getAttribute('data-source'), await edge.getAttribute('data-target')];
  const t0 = Date.now();
  await edge.focus();
  await page.keyboard.press('Enter');
  await page.locator('.evidence-item').first().waitFor();
  const evidenceMs = Date.now() - t0;
  const evidenceItems = await page.locator('.evidence-item').count();
  const chunkRequests = await page.evaluate(
    () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/chunks/')).length,
  );
  const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);

  // The one-file page of the same corpus, opened from a file: it filters, and since its texts
  // are chunk files it cannot read, the reader says so instead of waiting.
  let oneFile = null;
  if (process.env.EXPLORER_ONEFILE) {
    const file = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    file.setDefaultTimeout(120_000);
    file.on('pageerror', (e) => problems.push(`one-file page, uncaught: ${e.message}`));
    const t1 = Date.now();
    await file.goto(`file://${process.env.EXPLORER_ONEFILE}`, { waitUntil: 'load' });
    await file.waitForFunction(
      (n) => Number((document.getElementById('match-count')?.textContent ?? '').replace(/\D/g, '')) === n,
      ARTICLES,
    );
    const fileLoad = Date.now() - t1;
    await file.locator('#articles [data-source] button').first().click();
    const status = file.locator('#reader .text-status');
    await file.waitForFunction(() =>
      (document.querySelector('#reader .text-status')?.textContent ?? '').includes('opened from a file'),
    );
    oneFile = { load_ms: fileLoad, reader_says: (await status.textContent()).trim() };
    await file.close();
  }
  const result = {
    articles: total,
    load_ms: loadMs,
    actor,
    filtered_count: filtered,
    click_handler_ms: of(null, 'handled'),
    click_work_ms: of(null, 'work'),
    click_to_frame_ms: of(null, 'frame'),
    click_to_paint_ms: of(null, 'painted'),
    select_to_frame_ms: of(true, 'frame'),
    clear_to_frame_ms: of(false, 'frame'),
    clicks: clicks.length,
    edge: pair,
    evidence_ms: evidenceMs,
    evidence_items: evidenceItems,
    chunk_requests: chunkRequests,
    js_heap_bytes: memory,
    one_file: oneFile,
    problems,
  };
  console.log(`EXPLORER ${JSON.stringify(result)}`);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
