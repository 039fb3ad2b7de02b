// "Fix the dictionary" end to end in Debian's Chromium: files set on #add-pages name a person
// the dictionary does not know; the panel lists the name with its counts and the line it is in;
// added as an actor (with the keyboard), it is known, the pages are read again and the counts
// change, and the downloaded actors.toml gives `coverage ingest --corpus` the same counts and
// the footer the same corpus hash. The edit is kept over a reload and goes with "Forget my
// pages". The built corpus's panel says its pages cannot be read again here.
//
// `cargo xtask test` serves dist/ and runs this file with E2E_BASE_URL and COVERAGE_BIN (the
// release CLI) set. By hand: `cargo xtask serve` in one terminal, then
//   cargo build --release -p coverage-cli
//   E2E_BASE_URL=http://127.0.0.1:8080/ COVERAGE_BIN=target/release/coverage node e2e/dictionary.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
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

const FIXTURES = fileURLToPath(new URL('./fixtures/dictionary/', import.meta.url));
const FILES = ['port-visit.html', 'rail-crossing.txt'];
const OUTLETS = fileURLToPath(new URL('../corpus/outlets.toml', import.meta.url));
const COVERAGE_BIN =
  process.env.COVERAGE_BIN ?? fileURLToPath(new URL('../target/release/coverage', import.meta.url));
/** Named in both fixtures, known to no dictionary: the reader finds him from context. */
const UNKNOWN = 'pak-tae-sung';
/** Reading again (worker start, dictionaries, the pages) may take a while on a busy machine. */
const READ_TIMEOUT_MS = 30_000;

/** The summary line of `coverage ingest` over the fixtures, in their folder, with the
 *  dictionaries of `corpus` when given (else the built-in ones, as the page reads with). */
function cliSummary(corpus) {
  const args = ['ingest', ...(corpus ? ['--corpus', corpus] : []), ...FILES];
  const run = spawnSync(COVERAGE_BIN, args, { cwd: FIXTURES, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `coverage ingest ran: ${run.error ?? run.stderr}`);
  const line = run.stdout.split('\n').find((l) => /^\d+ pages: /.test(l));
  assert.ok(line, `coverage ingest printed a summary line:\n${run.stdout}`);
  return line.trim();
}

/** The footer's corpus hash by its definition (ARCHITECTURE.md): actors, outlets, sources
 *  (none here) and the pages in name order, concatenated. */
function corpusHash(actors) {
  const hash = createHash('sha256');
  hash.update(readFileSync(actors));
  hash.update(readFileSync(OUTLETS));
  for (const f of [...FILES].sort()) hash.update(readFileSync(FIXTURES + f));
  return hash.digest('hex');
}

async function summaryText(page) {
  return ((await page.locator('#reading-summary').textContent()) ?? '').trim();
}

/** The article count an actor's facet button shows. */
async function actorCount(page, id) {
  const text = await page.locator(`[data-facet="actors"] [data-value="${id}"] .count`).textContent();
  return Number(text.trim());
}

async function openPanel(page) {
  if ((await page.locator('#dictionary').getAttribute('open')) === null) {
    await page.locator('#dictionary > summary').click();
  }
  await page.locator('#unknown-list').waitFor();
}

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

test('an unknown name added as an actor changes the counts as a CLI build with the exported actors.toml does', { timeout: 3 * TEST_TIMEOUT_MS }, async () => {
  const before = cliSummary();
  const dir = mkdtempSync(join(tmpdir(), 'dictionary-'));
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
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
    await page.locator('#reading-summary').waitFor({ timeout: READ_TIMEOUT_MS });
    assert.equal(await summaryText(page), before, 'the built-in dictionaries, as the CLI reads');
    assert.equal(await actorCount(page, UNKNOWN), 1, 'found from context in one page only');

    await openPanel(page);
    const row = page.locator(`#unknown-names li[data-id="${UNKNOWN}"]`);
    await row.waitFor({ timeout: READ_TIMEOUT_MS });
    assert.equal(await row.locator('button').textContent(), 'Pak Tae Sung');
    assert.equal(await row.locator('.unknown-counts').textContent(), 'person · 1 mention in 1 article');
    const line = await row.locator('.unknown-context').textContent();
    assert.match(line, /^North Korean envoy Pak Tae Sung told .*— rail-crossing\.txt$/, 'the line it is first named in');
    assert.equal(await row.locator('mark').textContent(), 'Pak Tae Sung');

    // Chosen, it fills the form and the focus moves there; sent with the keyboard.
    await row.locator('button').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-name');
    assert.equal(await page.locator('#new-name').inputValue(), 'Pak Tae Sung');
    assert.equal(await page.locator('#new-kind').inputValue(), 'person');
    assert.equal(await page.locator('#new-surname').inputValue(), 'Pak');
    await page.keyboard.press('Enter');

    await page.waitForFunction((old) => {
      const now = (document.getElementById('reading-summary')?.textContent ?? '').trim();
      return now !== '' && now !== old && !document.getElementById('reading-progress');
    }, before, { timeout: READ_TIMEOUT_MS });
    assert.equal(await page.locator('#dictionary-edits li').count(), 1);
    assert.equal(await actorCount(page, UNKNOWN), 2, 'known, the surname alone names him in the other page');
    await page.waitForFunction(() => document.activeElement?.id === 'dictionary-status', null, { timeout: READ_TIMEOUT_MS });
    await page.locator('#unknown-names, #unknown-list .unknown-none').first().waitFor({ timeout: READ_TIMEOUT_MS });
    assert.equal(await page.locator(`#unknown-names li[data-id="${UNKNOWN}"]`).count(), 0, 'no longer an unknown name');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-actors').click()]);
    assert.equal(download.suggestedFilename(), 'actors.toml');
    const actors = join(dir, 'actors.toml');
    await download.saveAs(actors);
    const after = await summaryText(page);
    assert.notEqual(after, before, 'the counts change');
    assert.equal(cliSummary(dir), after, 'coverage ingest --corpus with the exported actors.toml');
    const footer = await page.locator('#build-info .hash').textContent();
    assert.equal(footer.trim(), corpusHash(actors), 'the footer hashes the edited actors.toml');

    const results = await new AxeBuilder({ page }).include('#dictionary').analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(serious, [], 'axe-core on the open panel');

    // Kept over a reload with the pages...
    await page.reload({ waitUntil: 'load' });
    await page.locator('#reading-summary').waitFor({ timeout: READ_TIMEOUT_MS });
    assert.equal(await summaryText(page), after, 'the same counts after a reload');
    await page.waitForFunction(() => document.querySelector('.dictionary-count')?.textContent === '1 edit');
    await openPanel(page);
    assert.equal(await page.locator('#dictionary-edits li').count(), 1);

    // ...and forgotten with them.
    await page.locator('#forget-pages').click();
    await page.locator('#forget-pages').waitFor({ state: 'hidden' });
    assert.equal(await matchCount(page), SEED_ARTICLES);
    await page.reload({ waitUntil: 'load' });
    await rendered(page);
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('.dictionary-count').textContent(), '', 'no edits after forgetting');
    assert.equal(await page.locator('#reading-summary').count(), 0);

    assert.deepEqual(elsewhere, [], 'no request leaves the page\'s origin');
    assert.deepEqual(problems, [], 'no console errors, uncaught errors or failed requests');
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an edit that would break the dictionary is refused with the reason, and nothing changes', { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(BASE_URL.href, { waitUntil: 'load' });
    await rendered(page);
    await openPanel(page);
    const note = await page.locator('.dictionary-note').textContent();
    assert.match(note, /cannot be read again here/, 'the built corpus says what edits can do for it');
    await page.locator('#unknown-names li').first().waitFor({ timeout: READ_TIMEOUT_MS });

    await page.locator('#alias-name').fill('Vladimir Putin');
    await page.locator('#alias-actor').selectOption('russia');
    await page.locator('#add-alias button[type="submit"]').click();
    const problem = page.locator('#dictionary-problem');
    await problem.waitFor({ state: 'visible', timeout: READ_TIMEOUT_MS });
    assert.match(await problem.textContent(), /"Vladimir Putin" is shared by russia and vladimir-putin/);
    assert.equal(await page.locator('#dictionary-edits li').count(), 0);
    assert.ok(await page.locator('#export-actors').isDisabled(), 'nothing to export');
    assert.equal(await matchCount(page), SEED_ARTICLES);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
