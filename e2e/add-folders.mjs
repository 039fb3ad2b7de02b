// Folders of pages added to the page, in each browser engine E2E_BROWSERS names (default
// Chromium; driver.mjs says how each is driven): a folder picked on #add-folder gives one entry
// per file, read in the order `coverage ingest` walks the folder (the footer's corpus hash says
// so) and with its counts; a dropped folder is walked to its last file, its entries listed a
// batch at a time as browsers list them, and an entry the browser will not open is listed with
// its reason, none dropped silently.
//
// `cargo xtask test` serves dist/ and runs this file with E2E_BASE_URL and COVERAGE_BIN (the
// release CLI) set, through e2e/browsers.mjs for every engine. By hand: `cargo xtask serve` in
// one terminal, then
//   cargo build --release -p coverage-cli
//   E2E_BASE_URL=http://127.0.0.1:8080/ E2E_BROWSERS=chromium,firefox,webkit \
//     xvfb-run -a node e2e/add-folders.mjs

import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, STEP_TIMEOUT_MS, TEST_TIMEOUT_MS } from './helpers.mjs';
import { browserFor, chosenEngines, closeBrowsers, title } from './driver.mjs';

const FIXTURES = fileURLToPath(new URL('./fixtures/add-pages/', import.meta.url));
const FILES = ['empty.txt', 'grain-deal.txt', 'harbour-talks.html', 'sanctions-warning.html'];
const COVERAGE_BIN =
  process.env.COVERAGE_BIN ?? fileURLToPath(new URL('../target/release/coverage', import.meta.url));

after(closeBrowsers);

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

/** A fresh page on the served explorer, the built corpus rendered. */
async function openExplorer(engine) {
  const page = await (await browserFor(engine)).newPage();
  await page.goto(BASE_URL.href);
  await page.rendered(6 * STEP_TIMEOUT_MS);
  return page;
}

/** Drops a folder on the page: `count` pages (a browser lists a folder 100 entries at a time), a
 *  subfolder with one more, and a file the browser refuses to open. Entries stand in for the
 *  browser's; everything from the drop event on is the page's own code. */
function dropFolder({ text, count }) {
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
  for (let i = 0; i < count; i++) children.push(fileEntry(`drop/page-${String(i).padStart(3, '0')}.txt`));
  children.push(folder('drop/sub', [fileEntry('drop/sub/more.txt')]));
  children.push(fileEntry('drop/locked.txt', true));
  const root = folder('drop', children);
  const transfer = new DataTransfer();
  transfer.items.add(new File([''], 'drop'));
  DataTransferItem.prototype.webkitGetAsEntry = () => root;
  document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  return true;
}

for (const engine of chosenEngines(['chromium'])) {
  describe(`add folders (${title(engine)})`, { timeout: 3 * TEST_TIMEOUT_MS }, () => {
    test('a picked folder gives one entry per file, in the order and with the counts of coverage ingest', { timeout: TEST_TIMEOUT_MS }, async () => {
      const { root, dir, walked } = pagesFolder();
      const page = await openExplorer(engine);
      try {
        const run = spawnSync(COVERAGE_BIN, ['ingest', dir], { encoding: 'utf8' });
        const expected = run.stdout.split('\n').find((l) => /^\d+ pages: /.test(l))?.trim();
        assert.ok(expected, `coverage ingest printed a summary line: ${run.stdout}${run.stderr}`);
        await page.setFolder('#add-folder', dir);
        await page.waitForSelector('#reading-summary', { timeout: 3 * STEP_TIMEOUT_MS });
        assert.equal((await page.text('#reading-summary')).trim(), expected);
        assert.match(expected, new RegExp(`^${walked.length} pages`), 'one entry per file');
        const footer = await page.text('#build-info');
        assert.match(footer, new RegExp(`Built from ${walked.length} files`));
        assert.match(footer, new RegExp(corpusHash(walked)), "the files were read in the CLI's walk order");
        assert.match((await page.text('#unreadable li')).trim(), /^empty\.txt: \S/);
        assert.deepEqual(await page.problems(), []);
      } finally {
        await page.close();
        rmSync(root, { recursive: true, force: true });
      }
    });

    test('a dropped folder is walked to its last file, and an entry that cannot be opened is listed', { timeout: TEST_TIMEOUT_MS }, async () => {
      const page = await openExplorer(engine);
      try {
        const text = readFileSync(FIXTURES + 'grain-deal.txt', 'utf8');
        const count = 250;
        await page.evaluate(dropFolder, { text, count });
        await page.waitForSelector('#reading-summary', { timeout: 6 * STEP_TIMEOUT_MS });
        // The folder's pages, the subfolder's one, and the one not opened (an error article).
        const entries = count + 2;
        assert.match((await page.text('#reading-summary')).trim(), new RegExp(`^${entries} pages: `), 'every file of the folder and its subfolder');
        const listed = await page.texts('#unreadable li');
        assert.equal(listed.length, 1, `one entry could not be read: ${listed}`);
        assert.match(listed[0].trim(), /^locked\.txt: the browser could not open this file/);
        assert.deepEqual(await page.problems(), []);
      } finally {
        await page.close();
      }
    });
  });
}
