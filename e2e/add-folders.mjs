// Folders of pages added to the page, in Debian's Chromium: a folder picked on #add-folder gives
// one entry per file, read in the order `coverage ingest` walks the folder (the footer's corpus
// hash says so) and with its counts; a dropped folder is walked to its last file, its entries
// listed a batch at a time as browsers list them, and an entry the browser will not open is
// listed with its reason, none dropped silently.
//
// With the page served (`cargo xtask serve`) and the release CLI built:
//   E2E_BASE_URL=http://127.0.0.1:8080/ COVERAGE_BIN=target/release/coverage node e2e/add-folders.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, STEP_TIMEOUT_MS, TEST_TIMEOUT_MS, launchChromium, rendered, watch } from './helpers.mjs';

const FIXTURES = fileURLToPath(new URL('./fixtures/add-pages/', import.meta.url));
const FILES = ['empty.txt', 'grain-deal.txt', 'harbour-talks.html', 'sanctions-warning.html'];
const COVERAGE_BIN =
  process.env.COVERAGE_BIN ?? fileURLToPath(new URL('../target/release/coverage', import.meta.url));

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** A folder of pages in a temporary directory, nested, named so that the CLI's walk order (a
 *  folder's files before a sibling whose name continues the folder's) differs from sorting whole
 *  paths as strings; returns the folder and its files' paths in that walk order. */
function pagesFolder() {
  const root = mkdtempSync(join(tmpdir(), 'add-folder-'));
  const dir = join(root, 'pages');
  const pages = FILES.slice(1).map((f) => readFileSync(FIXTURES + f));
  const layout = [
    ['a', '1-grain.txt', 0],
    ['a', '2-harbour.html', 1],
    ['a', 'b', '3-sanctions.html', 2],
    ['a-notes.txt', 0],
    ['b.html', 1],
    ['c', 'empty.txt', null],
  ];
  const walked = [];
  for (const parts of layout) {
    const which = parts.pop();
    const path = join(dir, ...parts);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, which === null ? '' : pages[which]);
    walked.push(path);
  }
  return { root, dir, walked };
}

/** The footer's hash for `files` read in that order with the built-in dictionaries. */
function corpusHash(files) {
  const hash = createHash('sha256');
  for (const name of ['actors.toml', 'outlets.toml']) {
    hash.update(readFileSync(fileURLToPath(new URL(`../corpus/${name}`, import.meta.url))));
  }
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex');
}

test('a picked folder gives one entry per file, in the order and with the counts of coverage ingest', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { root, dir, walked } = pagesFolder();
  try {
    const run = spawnSync(COVERAGE_BIN, ['ingest', dir], { encoding: 'utf8' });
    const expected = run.stdout.split('\n').find((l) => /^\d+ pages: /.test(l))?.trim();
    assert.ok(expected, `coverage ingest printed a summary line: ${run.stdout}${run.stderr}`);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(BASE_URL.href, { waitUntil: 'load' });
    await rendered(page);
    await page.locator('#add-folder').setInputFiles(dir);
    const summary = page.locator('#reading-summary');
    await summary.waitFor();
    assert.equal((await summary.textContent()).trim(), expected);
    assert.match(expected, new RegExp(`^${walked.length} pages`), 'one entry per file');
    const footer = await page.locator('#build-info').textContent();
    assert.match(footer, new RegExp(`Built from ${walked.length} files`));
    assert.match(footer, new RegExp(corpusHash(walked)), 'the files were read in the CLI\'s walk order');
    assert.match((await page.locator('#unreadable li').first().textContent()).trim(), /^empty\.txt: \S/);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a dropped folder is walked to its last file, and an entry that cannot be opened is listed', { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE_URL.href, { waitUntil: 'load' });
  await rendered(page);
  const text = readFileSync(FIXTURES + 'grain-deal.txt', 'utf8');
  // A drop of one folder: 250 pages (a browser lists a folder 100 entries at a time), a
  // subfolder with one more, and a file the browser refuses to open. Entries stand in for the
  // browser's; everything from the drop event on is the page's own code.
  const { pages, unreadable } = await page.evaluate((text) => {
    const fileEntry = (path, fail) => ({
      isFile: true,
      isDirectory: false,
      name: path.split('/').pop(),
      fullPath: `/${path}`,
      file: (ok, err) =>
        setTimeout(() => (fail ? err(new DOMException('not allowed', 'NotReadableError')) : ok(new File([text], path.split('/').pop())))),
    });
    const folder = (path, children) => ({
      isFile: false,
      isDirectory: true,
      name: path.split('/').pop(),
      fullPath: `/${path}`,
      createReader() {
        let at = 0;
        return {
          readEntries(ok) {
            const batch = children.slice(at, at + 100);
            at += batch.length;
            setTimeout(() => ok(batch));
          },
        };
      },
    });
    const children = [];
    for (let i = 0; i < 250; i++) children.push(fileEntry(`drop/page-${String(i).padStart(3, '0')}.txt`));
    children.push(folder('drop/sub', [fileEntry('drop/sub/more.txt')]));
    children.push(fileEntry('drop/locked.txt', true));
    const root = folder('drop', children);
    const transfer = new DataTransfer();
    transfer.items.add(new File([''], 'drop'));
    DataTransferItem.prototype.webkitGetAsEntry = () => root;
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    return { pages: 252, unreadable: 'locked.txt' };
  }, text);
  const summary = page.locator('#reading-summary');
  await summary.waitFor({ timeout: 60_000 });
  assert.match((await summary.textContent()).trim(), new RegExp(`^${pages} pages: `), 'every file of the folder and its subfolder');
  const listed = await page.locator('#unreadable li').allTextContents();
  assert.equal(listed.length, 1, `one entry could not be read: ${listed}`);
  assert.match(listed[0].trim(), new RegExp(`^${unreadable}: the browser could not open this file`));
  assert.deepEqual(problems, []);
  await context.close();
});
