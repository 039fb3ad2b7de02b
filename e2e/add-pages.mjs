// "Add your pages" end to end, in each browser engine E2E_BROWSERS names (default Chromium;
// driver.mjs says how each is driven). Files set on #add-pages — text, HTML, a zip of more pages,
// a binary file and an empty one — are read in the page's worker, and what the page shows equals
// `coverage ingest --format json`'s report for the same files and the same (built-in)
// dictionaries: the summary line, the match count, every actor's, year's and outlet's count, the
// files that could not be read and why, and the articles CSV exported from the view. The explorer
// then works on the new corpus, and the built one is one click away. The pages are kept over a
// reload until "Forget my pages", and "Save as a page" gives a one-file page with them that shows
// the same counts from file:// and can be saved again.
//
// `cargo xtask test` serves dist/ and runs this file with E2E_BASE_URL and COVERAGE_BIN (the
// release CLI) set, through e2e/browsers.mjs for every engine. By hand: `cargo xtask serve` in
// one terminal, then
//   cargo build --release -p coverage-cli
//   E2E_BASE_URL=http://127.0.0.1:8080/ E2E_BROWSERS=chromium,firefox,webkit \
//     xvfb-run -a node e2e/add-pages.mjs

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { BASE_URL, SEED_ARTICLES, STEP_TIMEOUT_MS, TEST_TIMEOUT_MS, records } from './helpers.mjs';
import { browserFor, chosenEngines, closeBrowsers, title } from './driver.mjs';

const FIXTURES = fileURLToPath(new URL('./fixtures/add-pages/', import.meta.url));
/** Pages that go into the zip, with their folders. */
const ZIPPED = fileURLToPath(new URL('./fixtures/add-pages-zip/', import.meta.url));
const PLAIN = ['empty.txt', 'grain-deal.txt', 'harbour-talks.html', 'sanctions-warning.html'];
const ZIP = 'more-pages.zip';
const BINARY = 'figure.png';
const FILES = [...PLAIN, ZIP, BINARY];
const COVERAGE_BIN =
  process.env.COVERAGE_BIN ?? fileURLToPath(new URL('../target/release/coverage', import.meta.url));

// ---------------------------------------------------------------------------------------------
// The files, made once in a folder of their own.

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip archive of `entries` ({ name, bytes }), deflated, as any zip tool writes one. */
function zip(entries) {
  const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
  const UTF8_NAMES = 0x0800;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, bytes } of entries) {
    const data = deflateRawSync(bytes);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(bytes.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(bytes.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Copies the plain fixtures into `dir` and writes the zip (of fixtures/add-pages-zip/) and the
 *  binary file (a PNG signature, then bytes of every value) beside them. */
function makeFiles(dir) {
  for (const name of PLAIN) copyFileSync(FIXTURES + name, join(dir, name));
  const zipped = readdirSync(ZIPPED, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort()
    .map((path) => ({ name: relative(ZIPPED, path).split('\\').join('/'), bytes: readFileSync(path) }));
  assert.ok(zipped.length >= 2, 'the zip holds pages');
  writeFileSync(join(dir, ZIP), zip(zipped));
  const binary = Buffer.alloc(4096);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(binary);
  for (let i = 8; i < binary.length; i++) binary[i] = (i * 7919) & 0xff;
  writeFileSync(join(dir, BINARY), binary);
  return FILES.map((name) => join(dir, name));
}

// ---------------------------------------------------------------------------------------------
// What the CLI says, and what the page shows, in the same shape.

/** `coverage ingest --format json` over the files, run in their folder (no corpus/ there, so
 *  the CLI reads with its built-in dictionaries, as the page does). */
function cliReport(dir) {
  assert.ok(existsSync(COVERAGE_BIN), `the CLI is built: ${COVERAGE_BIN} (cargo build --release -p coverage-cli)`);
  const run = spawnSync(COVERAGE_BIN, ['ingest', '--format', 'json', ...FILES], { cwd: dir, encoding: 'utf8' });
  // It exits with 1 when a file could not be read, as the empty and the binary one cannot.
  assert.ok(run.status === 0 || run.status === 1, `coverage ingest ran: ${run.error ?? run.stderr}`);
  return JSON.parse(run.stdout);
}

function tally(map, key) {
  map[key] = (map[key] ?? 0) + 1;
}

/** The counts a page should show for a report: the summary line in the words of `coverage
 *  ingest`, the number of pages, each actor's, year's and outlet's count of pages, and the files
 *  that could not be read with the report's reason. */
function expectedView(report) {
  const { articles, relations } = report;
  const status = (s) => articles.filter((a) => a.status === s).length;
  const actors = {};
  const years = {};
  const outlets = {};
  for (const article of articles) {
    for (const id of new Set(article.actors.filter((a) => a.known).map((a) => a.id))) tally(actors, id);
    tally(years, article.date ? article.date.slice(0, 4) : 'none');
    tally(outlets, article.outlet ?? 'Outlet not known');
  }
  return {
    summary:
      `${articles.length} pages: ${status('ok')} ok, ${status('warning')} warning, ${status('error')} error; ` +
      `${articles.filter((a) => a.duplicate_of !== null).length} duplicates; ${relations.length} relations`,
    pages: articles.length,
    actors,
    years,
    outlets,
    unreadable: articles
      .filter((a) => a.status === 'error')
      .map((a) => `${a.source}: ${a.messages.join('; ')}`)
      .sort(),
    sources: articles.map((a) => a.source).sort(),
  };
}

/** The same, read off the page (every actor listed: "show all actors" first). */
async function shownView(page) {
  if (((await page.text('[data-facet="actors"] .more')) ?? '').includes('show all')) {
    await page.click('[data-facet="actors"] .more');
    await page.settle();
  }
  return page.evaluate(() => {
    const counts = (facet, key) =>
      Object.fromEntries(
        [...document.querySelectorAll(`[data-facet="${facet}"] [data-value]`)]
          .map((b) => [key(b), Number(b.querySelector('.count').textContent)])
          .filter(([, n]) => n > 0),
      );
    return {
      summary: document.getElementById('reading-summary')?.textContent.trim() ?? null,
      pages: Number(document.getElementById('match-count').textContent.replace(/\D/g, '')),
      actors: counts('actors', (b) => b.dataset.value),
      years: counts('years', (b) => b.dataset.value),
      outlets: counts('outlets', (b) => b.querySelector('.label').textContent),
      unreadable: [...document.querySelectorAll('#unreadable li')].map((li) => li.textContent.trim()).sort(),
    };
  });
}

function shownPart(view) {
  const { sources, ...rest } = view;
  return rest;
}

// ---------------------------------------------------------------------------------------------

let dir;
let paths;
let expected;

/** The files and the CLI's view of them, made once for every engine (in a suite's `before`, so
 *  that a missing CLI fails these tests only, not the others of the process). */
function setUp() {
  if (expected) return;
  dir ??= mkdtempSync(join(tmpdir(), 'add-pages-'));
  paths = makeFiles(dir);
  expected = expectedView(cliReport(dir));
}

after(async () => {
  await closeBrowsers();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh page on the served explorer, the built corpus rendered. */
async function openExplorer(engine, options = {}) {
  const page = await (await browserFor(engine)).newPage(options);
  await page.goto(BASE_URL.href);
  await page.rendered(6 * STEP_TIMEOUT_MS);
  return page;
}

/** Reads the files on #add-pages and waits for the summary. */
async function addFiles(page, files = paths) {
  await page.setFiles('#add-pages', files);
  await page.waitForSelector('#reading-summary', { timeout: 3 * STEP_TIMEOUT_MS });
  return (await page.text('#reading-summary')).trim();
}

async function clean(page, origin = BASE_URL.origin) {
  assert.deepEqual(await page.requestsElsewhere(origin), [], "no request leaves the page's origin");
  assert.deepEqual(await page.problems(), [], 'no console errors, uncaught errors or failed requests');
}

for (const engine of chosenEngines(['chromium'])) {
  describe(`add your pages (${title(engine)})`, { timeout: 8 * TEST_TIMEOUT_MS }, () => {
    before(setUp);

    test('text, HTML, a zip and a binary file give the counts of coverage ingest\'s report', { timeout: TEST_TIMEOUT_MS }, async () => {
      const page = await openExplorer(engine);
      try {
        assert.equal(await page.matchCount(), SEED_ARTICLES);
        await addFiles(page);
        assert.deepEqual(await shownView(page), shownPart(expected), 'the page shows what the report says');
        assert.ok(expected.sources.some((s) => s.startsWith(`${ZIP}/`)), `the zip's pages are read: ${expected.sources}`);
        assert.ok(expected.unreadable.some((u) => u.startsWith(`${BINARY}: `)), `the binary file is listed: ${expected.unreadable}`);
        assert.match(await page.text('#build-info'), new RegExp(`Built from ${FILES.length} files`));

        // The view's articles, exported, are the report's pages.
        const csv = await page.download('#export-articles');
        assert.equal(csv.name, 'coverage-articles-all.csv');
        assert.deepEqual(records(csv.bytes.toString('utf8')).map((r) => r.source).sort(), expected.sources);

        // The explorer works on the new corpus: an actor of the added pages filters it.
        const narrowed = await page.clickActor('russia');
        assert.equal(narrowed, expected.actors.russia, 'russia narrows the pages to those naming it');
        assert.match(await page.url(), /actors=russia/);

        // The built corpus is one click away, and the added one one click back.
        await page.click('#back-to-built');
        await page.waitForSelector('#back-to-built', { state: 'detached' });
        assert.equal(await page.matchCount(), SEED_ARTICLES, 'the built corpus again');
        await page.click('#show-added');
        await page.waitForSelector('#reading-summary');
        assert.equal((await page.text('#reading-summary')).trim(), expected.summary);
        await clean(page);
      } finally {
        await page.close();
      }
    });

    test('Cancel stops reading and leaves the shown corpus as it was', { timeout: TEST_TIMEOUT_MS }, async () => {
      const page = await openExplorer(engine, { viewport: { width: 390, height: 844 } });
      try {
        // Many copies of the fixtures, so that reading lasts long enough to be cancelled.
        const many = [];
        for (let i = 0; i < 400; i++) {
          for (const name of PLAIN.slice(1)) {
            many.push({ name: `${String(i).padStart(3, '0')}-${name}`, buffer: readFileSync(FIXTURES + name) });
          }
        }
        await page.setFiles('#add-pages', many);
        // Cancel once the worker is reading (not while its wasm is still loading).
        await page.waitFor(() => Number(document.getElementById('reading-progress')?.value) > 0, null, {
          timeout: 3 * STEP_TIMEOUT_MS,
          what: 'reading to begin',
        });
        await page.click('#cancel-reading');
        await page.waitForSelector('#reading-progress', { state: 'detached' });
        assert.equal(await page.matchCount(), SEED_ARTICLES, 'the built corpus is still shown');
        assert.equal(await page.count('#reading-summary'), 0);
        assert.deepEqual(await page.problems(), []);
      } finally {
        await page.close();
      }
    });

    test('added pages are kept over a reload until "Forget my pages"', { timeout: TEST_TIMEOUT_MS }, async () => {
      const page = await openExplorer(engine);
      try {
        const summary = await addFiles(page);
        const count = await page.matchCount();
        // Shown once the pages are stored.
        await page.waitForSelector('#forget-pages');
        assert.equal(await page.isVisible('#keep-problem'), false, `kept: ${await page.text('#keep-problem')}`);

        await page.reload();
        await page.waitForSelector('#reading-summary', { timeout: 3 * STEP_TIMEOUT_MS });
        assert.equal((await page.text('#reading-summary')).trim(), summary, 'the same counts after a reload');
        assert.deepEqual(await shownView(page), shownPart(expected), 'the same counts as the report after a reload');
        assert.equal(await page.matchCount(), count);
        // The built corpus is still one click away.
        await page.click('#back-to-built');
        await page.waitForSelector('#back-to-built', { state: 'detached' });
        assert.equal(await page.matchCount(), SEED_ARTICLES);
        await page.click('#show-added');
        await page.waitForSelector('#reading-summary');

        await page.click('#forget-pages');
        await page.waitForSelector('#forget-pages', { state: 'hidden' });
        assert.equal(await page.matchCount(), SEED_ARTICLES, 'forgetting shows the built corpus');
        await page.reload();
        await page.rendered();
        // Give a (wrongly) kept corpus time to come back.
        await new Promise((r) => setTimeout(r, 1000));
        assert.equal(await page.matchCount(), SEED_ARTICLES, 'the built corpus after forgetting and reloading');
        assert.equal(await page.count('#reading-summary'), 0);
        assert.equal(await page.count('#show-added'), 0);
        await clean(page);
      } finally {
        await page.close();
      }
    });

    test('"Save as a page" gives a one-file page with the same counts from file://, which saves again', { timeout: TEST_TIMEOUT_MS }, async () => {
      const saves = mkdtempSync(join(tmpdir(), 'save-page-'));
      try {
        const page = await openExplorer(engine);
        try {
          await addFiles(page);
          const saved = await page.download('#save-page');
          assert.equal(saved.name, 'my-coverage-explorer.html');
          assert.match(saved.bytes.toString('utf8'), /id="saved-corpus"/, 'the saved page carries the corpus');
          writeFileSync(join(saves, 'saved.html'), saved.bytes);
          await clean(page);
        } finally {
          await page.close();
        }

        // A fresh page, offline where the engine can be (Chromium): the file alone must do, and
        // it loads nothing but itself in every engine.
        const opened = await (await browserFor(engine)).newPage({ viewport: { width: 390, height: 844 }, offline: true });
        try {
          await opened.goto(pathToFileURL(join(saves, 'saved.html')).href);
          await opened.waitForSelector('#reading-summary', { timeout: 3 * STEP_TIMEOUT_MS });
          assert.deepEqual(await shownView(opened), shownPart(expected), 'the same counts from file://');
          assert.ok(await opened.isVisible('#file-note'), 'the saved page says why it cannot read new pages');
          // The saved page keeps the built corpus one click away.
          await opened.click('#back-to-built');
          await opened.waitForSelector('#back-to-built', { state: 'detached' });
          assert.equal(await opened.matchCount(), SEED_ARTICLES);
          await opened.click('#show-added');
          await opened.waitForSelector('#reading-summary');

          // Saved again from the file (rebuilt from the page itself): it shows the same counts too.
          const again = await opened.download('#save-page');
          writeFileSync(join(saves, 'again.html'), again.bytes);
          await opened.goto(pathToFileURL(join(saves, 'again.html')).href);
          await opened.waitForSelector('#reading-summary', { timeout: 3 * STEP_TIMEOUT_MS });
          assert.deepEqual(await shownView(opened), shownPart(expected), 'the same counts after saving again');
          await clean(opened, 'file:');
        } finally {
          await opened.close();
        }
      } finally {
        rmSync(saves, { recursive: true, force: true });
      }
    });
  });
}
