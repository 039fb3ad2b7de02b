// "Add your pages" end to end in Debian's Chromium: files set on #add-pages are read in the
// page's worker, and the counts the page shows equal `coverage ingest`'s report for the same
// files and the same (built-in) dictionaries; the empty file is listed with its reason; the
// explorer then works on the new corpus, and the built one is one click away. The pages are
// kept over a reload until "Forget my pages", and "Save as a page" downloads a one-file page
// with them that shows the same counts from file://.
//
// `cargo xtask test` serves dist/ and runs this file with E2E_BASE_URL and COVERAGE_BIN (the
// release CLI) set. By hand: `cargo xtask serve` in one terminal, then
//   cargo build --release -p coverage-cli
//   E2E_BASE_URL=http://127.0.0.1:8080/ COVERAGE_BIN=target/release/coverage node e2e/add-pages.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import {
  BASE_URL,
  SEED_ARTICLES,
  STEP_TIMEOUT_MS,
  TEST_TIMEOUT_MS,
  launchChromium,
  matchCount,
  rendered,
  watch,
} from './helpers.mjs';

const FIXTURES = fileURLToPath(new URL('./fixtures/add-pages/', import.meta.url));
const FILES = ['empty.txt', 'grain-deal.txt', 'harbour-talks.html', 'sanctions-warning.html'];
const COVERAGE_BIN =
  process.env.COVERAGE_BIN ?? fileURLToPath(new URL('../target/release/coverage', import.meta.url));

/** The summary line of `coverage ingest` over the fixtures, run in their folder (no corpus/
 *  there, so the CLI reads with its built-in dictionaries, as the page does). */
function cliSummary() {
  // It exits with 1 when a file could not be read, as the empty one cannot.
  const run = spawnSync(COVERAGE_BIN, ['ingest', ...FILES], { cwd: FIXTURES, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `coverage ingest ran: ${run.error ?? run.stderr}`);
  const out = run.stdout;
  const line = out.split('\n').find((l) => /^\d+ pages: /.test(l));
  assert.ok(line, `coverage ingest printed a summary line:\n${out}`);
  return line.trim();
}

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

test('added pages give the counts of coverage ingest, and the empty file is listed', { timeout: TEST_TIMEOUT_MS }, async () => {
  const expected = cliSummary();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const problems = watch(page);
  const elsewhere = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== BASE_URL.origin) elsewhere.push(r.url());
  });
  await page.goto(BASE_URL.href, { waitUntil: 'load' });
  await rendered(page);
  assert.equal(await matchCount(page), SEED_ARTICLES);

  await page.locator('#add-pages').setInputFiles(FILES.map((f) => FIXTURES + f));
  const summary = page.locator('#reading-summary');
  await summary.waitFor();
  assert.equal((await summary.textContent()).trim(), expected);
  const pages = Number(expected.match(/^(\d+) pages/)[1]);
  assert.equal(await matchCount(page), pages, 'the explorer shows the added pages');
  assert.match(await page.locator('#build-info').textContent(), new RegExp(`Built from ${FILES.length} files`));

  const unreadable = page.locator('#unreadable li');
  assert.equal(await unreadable.count(), 1);
  const item = (await unreadable.first().textContent()).trim();
  assert.match(item, /^empty\.txt: \S/, `the empty file is listed with a reason, got ${JSON.stringify(item)}`);

  // The explorer works on the new corpus: an actor of the added pages filters it.
  const russia = page.locator('[data-facet="actors"] [data-value="russia"]');
  await russia.click();
  await page.waitForFunction(() =>
    document.querySelector('[data-facet="actors"] [data-value="russia"]')?.getAttribute('aria-pressed') === 'true');
  const narrowed = await matchCount(page);
  assert.ok(narrowed > 0 && narrowed < pages, `russia narrows ${pages} to some (got ${narrowed})`);
  assert.match(page.url(), /actors=russia/);

  // The built corpus is one click away, and the added one one click back.
  await page.locator('#back-to-built').click();
  await page.waitForFunction(() => document.getElementById('back-to-built') === null);
  assert.equal(await matchCount(page), SEED_ARTICLES, 'the built corpus again');
  await page.locator('#show-added').waitFor();
  await page.locator('#show-added').click();
  await summary.waitFor();
  assert.equal((await summary.textContent()).trim(), expected);

  assert.deepEqual(elsewhere, [], 'no request leaves the page\'s origin');
  assert.deepEqual(problems, [], 'no console errors, uncaught errors or failed requests');
  await context.close();
});

test('Cancel stops reading and leaves the shown corpus as it was', { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE_URL.href, { waitUntil: 'load' });
  await rendered(page);
  // Many copies of the fixtures, so that reading lasts long enough to be cancelled.
  const many = [];
  for (let i = 0; i < 400; i++) {
    for (const f of FILES.slice(1)) {
      many.push({ name: `${String(i).padStart(3, '0')}-${f}`, mimeType: 'text/plain', buffer: readFileSync(FIXTURES + f) });
    }
  }
  await page.locator('#add-pages').setInputFiles(many);
  // Cancel once the worker is reading (not while its wasm is still loading).
  await page.waitForFunction(() => Number(document.getElementById('reading-progress')?.value) > 0);
  await page.locator('#cancel-reading').click();
  await page.locator('#reading-progress').waitFor({ state: 'detached' });
  assert.equal(await matchCount(page), SEED_ARTICLES, 'the built corpus is still shown');
  assert.equal(await page.locator('#reading-summary').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Opens the served page in a fresh context and reads the fixtures on #add-pages; returns the
 *  page, its context, its problem list and the summary shown. */
async function withAddedPages(width) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const problems = watch(page);
  const elsewhere = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'blob:' && url.origin !== BASE_URL.origin) elsewhere.push(r.url());
  });
  await page.goto(BASE_URL.href, { waitUntil: 'load' });
  await rendered(page);
  await page.locator('#add-pages').setInputFiles(FILES.map((f) => FIXTURES + f));
  await page.locator('#reading-summary').waitFor();
  const summary = (await page.locator('#reading-summary').textContent()).trim();
  return { context, page, problems, elsewhere, summary, count: await matchCount(page) };
}

test('added pages are kept over a reload until "Forget my pages"', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { context, page, problems, elsewhere, summary, count } = await withAddedPages(1440);
  // Shown once the pages are stored.
  await page.locator('#forget-pages').waitFor({ state: 'visible' });

  await page.reload({ waitUntil: 'load' });
  await page.locator('#reading-summary').waitFor();
  assert.equal((await page.locator('#reading-summary').textContent()).trim(), summary, 'the same counts after a reload');
  assert.equal(await matchCount(page), count);
  assert.equal(await page.locator('#unreadable li').count(), 1, 'the unreadable file is still listed');
  // The built corpus is still one click away.
  await page.locator('#back-to-built').click();
  await page.waitForFunction(() => document.getElementById('back-to-built') === null);
  assert.equal(await matchCount(page), SEED_ARTICLES);
  await page.locator('#show-added').click();
  await page.locator('#reading-summary').waitFor();

  await page.locator('#forget-pages').click();
  await page.locator('#forget-pages').waitFor({ state: 'hidden' });
  assert.equal(await matchCount(page), SEED_ARTICLES, 'forgetting shows the built corpus');
  await page.reload({ waitUntil: 'load' });
  await rendered(page);
  // Give a (wrongly) kept corpus time to come back.
  await page.waitForTimeout(1000);
  assert.equal(await matchCount(page), SEED_ARTICLES, 'the built corpus after forgetting and reloading');
  assert.equal(await page.locator('#reading-summary').count(), 0);
  assert.equal(await page.locator('#show-added').count(), 0);
  assert.deepEqual(elsewhere, [], 'no request leaves the page\'s origin');
  assert.deepEqual(problems, [], 'no console errors, uncaught errors or failed requests');
  await context.close();
});

/** Clicks #save-page and stores the download in `dir`; returns its path. */
async function savePage(page, dir, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-page').click()]);
  const path = join(dir, name);
  await download.saveAs(path);
  return path;
}

test('"Save as a page" gives a one-file page with the same counts from file://, which saves again', { timeout: TEST_TIMEOUT_MS }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'save-page-'));
  try {
    const { context, page, problems, elsewhere, summary, count } = await withAddedPages(1440);
    const saved = await savePage(page, dir, 'saved.html');
    const html = readFileSync(saved, 'utf8');
    assert.match(html, /id="saved-corpus"/, 'the saved page carries the corpus');
    assert.deepEqual(elsewhere, []);
    assert.deepEqual(problems, []);
    await context.close();

    // A fresh context, offline: the file alone must do.
    const offline = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    offline.setDefaultTimeout(STEP_TIMEOUT_MS);
    await offline.setOffline(true);
    const opened = await offline.newPage();
    const openedProblems = watch(opened);
    const requests = [];
    opened.on('request', (r) => requests.push(r.url()));
    await opened.goto(pathToFileURL(saved).href, { waitUntil: 'load' });
    await opened.locator('#reading-summary').waitFor();
    assert.equal((await opened.locator('#reading-summary').textContent()).trim(), summary, 'the same counts from file://');
    assert.equal(await matchCount(opened), count);
    assert.equal(await opened.locator('#unreadable li').count(), 1);
    assert.ok(await opened.locator('#file-note').isVisible(), 'the saved page says why it cannot read new pages');
    // The saved page keeps the built corpus one click away.
    await opened.locator('#back-to-built').click();
    await opened.waitForFunction(() => document.getElementById('back-to-built') === null);
    assert.equal(await matchCount(opened), SEED_ARTICLES);
    await opened.locator('#show-added').click();
    await opened.locator('#reading-summary').waitFor();

    // Saved again from the file (rebuilt from the page itself): it shows the same counts too.
    const again = await savePage(opened, dir, 'again.html');
    const reopened = await offline.newPage();
    const reopenedProblems = watch(reopened);
    await reopened.goto(pathToFileURL(again).href, { waitUntil: 'load' });
    await reopened.locator('#reading-summary').waitFor();
    assert.equal((await reopened.locator('#reading-summary').textContent()).trim(), summary, 'the same counts after saving again');
    assert.equal(await matchCount(reopened), count);
    assert.deepEqual(reopenedProblems, [], 'no console errors in the page saved again');
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), [],
      'the saved page loads nothing but itself');
    assert.deepEqual(openedProblems, [], 'no console errors in the saved page');
    await offline.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
