// What the end-to-end files beside run.mjs share: Debian Chromium's launch flags, waiting for the
// first render, reading #match-count and clicking a facet value. The DOM contract is the one
// run.mjs describes.

import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

export const STEP_TIMEOUT_MS = 10_000;
// Guards against a hang, not speed limits: a CI machine running three browsers at once has taken
// over 30 s for a first load.
export const TEST_TIMEOUT_MS = 120_000;
/** The seed corpus has five articles; Moon Jae-in is named in some, not all. */
export const SEED_ARTICLES = 5;
export const SEED_ACTOR = 'moon-jae-in';

export const BASE_URL = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/');
/** The built page's folder on disk (for the one-file page): `E2E_DIST`, else dist/. */
export const DIST = process.env.E2E_DIST ?? fileURLToPath(new URL('../dist/', import.meta.url));

export { launchChromium } from './chromium.mjs';

/** Collects what should never happen on a page: console errors, uncaught errors, failed
 *  requests, HTTP errors, dialogs (which it dismisses). */
export function watch(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return problems;
}

/** Waits until #match-count shows a number: the app has started and rendered once. `timeout`
 *  is longer for a browser's very first load, which compiles the wasm with nothing cached. */
export async function rendered(page, timeout = STEP_TIMEOUT_MS) {
  await page.waitForFunction(
    () => (document.getElementById('match-count')?.textContent ?? '').trim() !== '',
    null,
    { timeout },
  );
}

/** #match-count as a number; fails unless it shows just a number. */
export async function matchCount(page) {
  const text = ((await page.locator('#match-count').textContent()) ?? '').trim();
  assert.match(text, /^\d[\d,\u00a0\u202f ]*$/, `#match-count should be just a number, got ${JSON.stringify(text)}`);
  return Number(text.replace(/\D/g, ''));
}

/** Clicks an actor's facet button (searching for it first when it is not listed) and waits
 *  until it is pressed; returns the new match count. */
export async function clickActor(page, id) {
  const selector = `[data-facet="actors"] [data-value="${id}"]`;
  const button = page.locator(selector);
  if ((await button.count()) === 0) await page.locator('#actor-search').fill(id.split('-')[0]);
  await button.click();
  await page.waitForFunction(
    (s) => document.querySelector(s)?.getAttribute('aria-pressed') === 'true',
    selector,
  );
  return matchCount(page);
}

/** The seed page's smoke check: five matches, and an actor narrows them. */
export async function seedSmoke(page) {
  await rendered(page);
  assert.equal(await matchCount(page), SEED_ARTICLES);
  const narrowed = await clickActor(page, SEED_ACTOR);
  assert.ok(narrowed > 0 && narrowed < SEED_ARTICLES, `${SEED_ACTOR} narrows 5 to some (got ${narrowed})`);
}

/** Rows of RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function readCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  assert.equal(quoted, false, 'no quoted field runs to the end of the file');
  assert.equal(field + row.join(''), '', 'the last row ends with a line end');
  return rows;
}

/** CSV records as objects keyed by the header row. */
export function records(text) {
  const [header, ...rows] = readCsv(text);
  for (const row of rows) assert.equal(row.length, header.length, `every row has ${header.length} fields: ${row}`);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}
