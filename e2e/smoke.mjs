// The smoke check, in each browser engine E2E_BROWSERS names (default all three; driver.mjs
// says how each is driven): the served dist/ and the one-file page from file:// load, show the
// five seed articles, and narrow when the actor moon-jae-in is clicked. `cargo xtask test` runs
// it through e2e/browsers.mjs; by hand, with `cargo xtask serve` running:
//   E2E_BASE_URL=http://127.0.0.1:8080/ xvfb-run -a node e2e/smoke.mjs

import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BASE_URL, DIST, SEED_ACTOR, SEED_ARTICLES, STEP_TIMEOUT_MS, TEST_TIMEOUT_MS } from './helpers.mjs';
import { ENGINES, browserFor, chosenEngines, closeBrowsers, title } from './driver.mjs';

after(closeBrowsers);

/** Five matches, and the seed actor narrows them. */
async function smoke(engine, url) {
  const page = await (await browserFor(engine)).newPage();
  try {
    await page.goto(url);
    // A browser's first load compiles the wasm with nothing cached: it has taken over 30 s on a
    // busy machine, later loads about one.
    await page.rendered(6 * STEP_TIMEOUT_MS);
    assert.equal(await page.matchCount(), SEED_ARTICLES);
    const narrowed = await page.clickActor(SEED_ACTOR);
    assert.ok(narrowed > 0 && narrowed < SEED_ARTICLES, `${SEED_ACTOR} narrows 5 to some (got ${narrowed})`);
    assert.deepEqual(await page.problems(), []);
  } finally {
    await page.close();
  }
}

for (const engine of chosenEngines(ENGINES)) {
  describe(`smoke (${title(engine)})`, { timeout: 4 * TEST_TIMEOUT_MS }, () => {
    test('the served page loads, counts five and filters', { timeout: 2 * TEST_TIMEOUT_MS }, async () => {
      await smoke(engine, BASE_URL.href);
    });

    test('the one-file page does the same from file://', { timeout: TEST_TIMEOUT_MS }, async () => {
      await smoke(engine, pathToFileURL(join(DIST, 'coverage-explorer.html')).href);
    });
  });
}
