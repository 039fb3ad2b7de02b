// "Fix the dictionary" end to end, in each browser engine E2E_BROWSERS names (default Chromium;
// driver.mjs says how each is driven). Files set on #add-pages name a person the dictionary does
// not know; the panel lists the name with its counts and the line it is in; added as an actor,
// it is known, the pages are read again and the counts change, and the downloaded actors.toml
// gives `coverage ingest --corpus` the same counts and the footer the same corpus hash. The edit
// is kept over a reload and goes with "Forget my pages". On the built corpus the panel says its
// pages cannot be read again here, and an edit the dictionary loader refuses is refused with its
// reason. axe-core finds nothing serious with the panel open.
//
// `cargo xtask test` serves dist/ and runs this file with E2E_BASE_URL and COVERAGE_BIN (the
// release CLI) set, through e2e/browsers.mjs for every engine. By hand: `cargo xtask serve` in
// one terminal, then
//   cargo build --release -p coverage-cli
//   E2E_BASE_URL=http://127.0.0.1:8080/ E2E_BROWSERS=chromium,firefox,webkit \
//     xvfb-run -a node e2e/dictionary.mjs

import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, SEED_ARTICLES, STEP_TIMEOUT_MS, TEST_TIMEOUT_MS } from './helpers.mjs';
import { browserFor, chosenEngines, closeBrowsers, title } from './driver.mjs';

const FIXTURES = fileURLToPath(new URL('./fixtures/dictionary/', import.meta.url));
const FILES = ['port-visit.html', 'rail-crossing.txt'];
const OUTLETS = fileURLToPath(new URL('../corpus/outlets.toml', import.meta.url));
const COVERAGE_BIN =
  process.env.COVERAGE_BIN ?? fileURLToPath(new URL('../target/release/coverage', import.meta.url));
/** Named in both fixtures, known to no dictionary: the reader finds him from context in one. */
const UNKNOWN = 'pak-tae-sung';
/** Reading again (a worker, the dictionaries, the pages) takes a while on a busy machine. */
const READ_TIMEOUT_MS = 6 * STEP_TIMEOUT_MS;
/** axe's default rules, and the experimental "label in name" the issue names (as a11y.mjs). */
const AXE_OPTIONS = { rules: { 'label-content-name-mismatch': { enabled: true } } };

/** The summary line of `coverage ingest` over the fixtures, in their folder, with the
 *  dictionaries of the folder `corpus` when given (else the built-in ones, as the page reads). */
function cliSummary(corpus) {
  assert.ok(existsSync(COVERAGE_BIN), `the CLI is built: ${COVERAGE_BIN} (cargo build --release -p coverage-cli)`);
  const args = ['ingest', ...(corpus ? ['--corpus', corpus] : []), ...FILES];
  const run = spawnSync(COVERAGE_BIN, args, { cwd: FIXTURES, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `coverage ingest ran: ${run.error ?? run.stderr}`);
  const line = run.stdout.split('\n').find((l) => /^\d+ pages: /.test(l));
  assert.ok(line, `coverage ingest printed a summary line:\n${run.stdout}`);
  return line.trim();
}

/** The footer's corpus hash by its definition (ARCHITECTURE.md): actors, outlets, sources (none
 *  here) and the pages in name order, concatenated. */
function corpusHash(actors) {
  const hash = createHash('sha256');
  hash.update(actors);
  hash.update(readFileSync(OUTLETS));
  for (const f of [...FILES].sort()) hash.update(readFileSync(FIXTURES + f));
  return hash.digest('hex');
}

async function summary(page) {
  return ((await page.text('#reading-summary')) ?? '').trim();
}

/** The article count an actor's facet button shows. */
async function actorCount(page, id) {
  return Number(await page.text(`[data-facet="actors"] [data-value="${id}"] .count`));
}

/** Waits until the panel's names are listed (or it says why they are not). */
async function namesListed(page) {
  await page.waitForSelector('#unknown-list', { state: 'attached' });
  await page.waitForSelector('#finding-names', { state: 'detached', timeout: READ_TIMEOUT_MS });
}

/** Opens the panel (unless open) and waits for its list of names. */
async function openPanel(page) {
  if ((await page.attribute('#dictionary', 'open')) === null) await page.click('#dictionary > summary');
  await namesListed(page);
}

/** Chooses `value` in the select `id`, as picking an option does (the forms read their fields
 *  when sent). */
async function choose(page, id, value) {
  await page.evaluate(([id, value]) => {
    document.getElementById(id).value = value;
  }, [id, value]);
}

async function seriousAxe(page) {
  const { violations } = await page.axe(AXE_OPTIONS);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(', ')}`);
}

async function clean(page) {
  assert.deepEqual(await page.requestsElsewhere(BASE_URL.origin), [], "no request leaves the page's origin");
  assert.deepEqual(await page.problems(), [], 'no console errors, uncaught errors or failed requests');
}

after(closeBrowsers);

for (const engine of chosenEngines(['chromium'])) {
  describe(`fix the dictionary (${title(engine)})`, { timeout: 6 * TEST_TIMEOUT_MS }, () => {
    test('an unknown name added as an actor changes the counts as a CLI build with the exported actors.toml does, and is kept until "Forget my pages"', { timeout: 4 * TEST_TIMEOUT_MS }, async () => {
      const before = cliSummary();
      const dir = mkdtempSync(join(tmpdir(), 'dictionary-'));
      const page = await (await browserFor(engine)).newPage();
      try {
        await page.goto(BASE_URL.href);
        await page.rendered(6 * STEP_TIMEOUT_MS);
        await page.setFiles('#add-pages', FILES.map((f) => FIXTURES + f));
        await page.waitForSelector('#reading-summary', { timeout: READ_TIMEOUT_MS });
        assert.equal(await summary(page), before, 'read with the built-in dictionaries, as the CLI reads');
        assert.equal(await actorCount(page, UNKNOWN), 1, 'found from context in one page only');

        await openPanel(page);
        const row = `#unknown-names li[data-id="${UNKNOWN}"]`;
        assert.equal(await page.text(`${row} button`), 'Pak Tae Sung');
        assert.equal(await page.text(`${row} .unknown-counts`), 'person · 1 mention in 1 article');
        assert.match(await page.text(`${row} .unknown-context`), /^North Korean envoy Pak Tae Sung told .*— rail-crossing\.txt$/);
        assert.equal(await page.text(`${row} mark`), 'Pak Tae Sung');

        // Chosen, the name fills the form and the focus moves there.
        await page.click(`${row} button`);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-name');
        const form = await page.evaluate(() =>
          ['new-name', 'new-kind', 'new-surname'].map((id) => document.getElementById(id).value),
        );
        assert.deepEqual(form, ['Pak Tae Sung', 'person', 'Pak']);
        await page.click('#add-actor button[type="submit"]');

        // The pages are read again; the focus lands on what the edit did.
        await page.waitFor(
          (old) => {
            const now = (document.getElementById('reading-summary')?.textContent ?? '').trim();
            return now !== '' && now !== old && !document.getElementById('reading-progress');
          },
          before,
          { timeout: READ_TIMEOUT_MS, what: 'the pages to be read again' },
        );
        await page.waitFor(() => document.activeElement?.id === 'dictionary-status', null, {
          what: 'the focus on the status line',
        });
        assert.match(await page.text('#dictionary-status'), /^Added Pak Tae Sung\. /);
        assert.equal(await page.count('#dictionary-edits li'), 1);
        assert.equal(await actorCount(page, UNKNOWN), 2, 'known now, his surname alone names him in the other page');
        await namesListed(page);
        assert.equal(await page.count(row), 0, 'no longer a name the dictionary does not know');
        const after = await summary(page);
        assert.notEqual(after, before, 'the counts change');

        const actors = await page.download('#export-actors');
        assert.equal(actors.name, 'actors.toml');
        assert.match(actors.bytes.toString('utf8'), /\[\[actor\]\]\nid = "pak-tae-sung"\nname = "Pak Tae Sung"\nkind = "person"\nsurname = "Pak"\n/);
        writeFileSync(join(dir, 'actors.toml'), actors.bytes);
        assert.equal(cliSummary(dir), after, 'coverage ingest --corpus with the downloaded actors.toml');
        assert.equal((await page.text('#build-info .hash')).trim(), corpusHash(actors.bytes), 'the footer hashes the edited actors.toml');
        assert.deepEqual(await seriousAxe(page), [], 'axe-core with the panel open');

        // Kept over a reload with the pages...
        await page.reload();
        await page.waitForSelector('#reading-summary', { timeout: READ_TIMEOUT_MS });
        assert.equal(await summary(page), after, 'the same counts after a reload');
        await page.waitFor(() => document.querySelector('.dictionary-count')?.textContent === '1 edit', null, {
          what: 'the kept edit',
        });
        await openPanel(page);
        assert.equal(await page.count('#dictionary-edits li'), 1);

        // ...and forgotten with them.
        await page.click('#forget-pages');
        await page.waitForSelector('#forget-pages', { state: 'hidden' });
        assert.equal(await page.matchCount(), SEED_ARTICLES);
        assert.equal(await page.text('.dictionary-count'), '', 'the edit is gone with the pages');
        // The open panel lists the built corpus's names now (a worker finds them).
        await namesListed(page);
        await page.reload();
        await page.rendered();
        // Give (wrongly) kept edits time to come back.
        await new Promise((r) => setTimeout(r, 1000));
        assert.equal(await page.text('.dictionary-count'), '', 'no edits after forgetting');
        assert.equal(await page.count('#reading-summary'), 0);
        await clean(page);
      } finally {
        await page.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('on the built corpus, the panel says what edits can do, and an edit the loader refuses is refused with its reason', { timeout: TEST_TIMEOUT_MS }, async () => {
      const page = await (await browserFor(engine)).newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
      try {
        await page.goto(BASE_URL.href);
        await page.rendered(6 * STEP_TIMEOUT_MS);
        await openPanel(page);
        assert.match(await page.text('.dictionary-note'), /cannot be read again here/);
        assert.ok((await page.count('#unknown-names li')) > 0, 'the seeds name people the dictionary does not know');

        await page.fill('#alias-name', 'Vladimir Putin');
        await choose(page, 'alias-actor', 'russia');
        await page.click('#add-alias button[type="submit"]');
        await page.waitForSelector('#dictionary-problem', { timeout: READ_TIMEOUT_MS });
        assert.match(await page.text('#dictionary-problem'), /"Vladimir Putin" is shared by russia and vladimir-putin/);
        assert.equal(await page.count('#dictionary-edits li'), 0);
        assert.equal(await page.evaluate(() => document.getElementById('export-actors').disabled), true, 'nothing to download');
        assert.equal(await page.matchCount(), SEED_ARTICLES);
        assert.deepEqual(await seriousAxe(page), [], 'axe-core with the panel open, narrow and dark');
        await clean(page);
      } finally {
        await page.close();
      }
    });
  });
}
