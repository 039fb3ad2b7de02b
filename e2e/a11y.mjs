// Accessibility of every view, in each browser engine E2E_BROWSERS names (default Chromium):
// axe-core with its full default rule set — every rule not marked experimental, WCAG 2.0 to 2.2
// A and AA and best practices — plus the experimental label-content-name-mismatch (WCAG 2.5.3,
// "label in name": a control's accessible name contains its visible text), finds no serious or
// critical violation. The views: the first one, the map enlarged, an article in the reader with
// its removed lines shown, an edge's evidence with the map's table view, the result of adding
// pages (with a file that could not be read), and in the dark scheme the view with every panel
// open and the added pages. Lesser findings are printed, not failed.
//
// `cargo xtask test` runs this file, through e2e/browsers.mjs, against the served dist/; by hand:
//   E2E_BASE_URL=http://127.0.0.1:8080/ E2E_BROWSERS=chromium,firefox,webkit xvfb-run -a node e2e/a11y.mjs

import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { BASE_URL, STEP_TIMEOUT_MS, TEST_TIMEOUT_MS } from './helpers.mjs';
import { browserFor, chosenEngines, closeBrowsers, title } from './driver.mjs';

const ARTICLE = '000_6d25ea8019f3a735.txt';
const EDGE = 'north-korea~russia';
const FIXTURES = fileURLToPath(new URL('./fixtures/add-pages/', import.meta.url));
const ADDED = ['empty.txt', 'grain-deal.txt', 'harbour-talks.html', 'sanctions-warning.html'].map((f) => FIXTURES + f);

/** axe's default rules, and the one experimental rule the issue names. */
const AXE_OPTIONS = { rules: { 'label-content-name-mismatch': { enabled: true } } };

/** The views, walked in one page per colour scheme as a user would reach them: `hash` is
 *  where the page opens, each view's `show` what is done to reach it from the one before. */
const WALKS = {
  light: {
    hash: '',
    views: [
      { name: 'first view' },
      {
        name: 'map enlarged',
        show: async (page) => {
          await page.click('#map-enlarge');
          await page.waitFor(() => /map=large/.test(location.hash), null, { what: 'the map to be enlarged' });
        },
      },
      {
        name: 'reader open, removed lines shown',
        show: async (page) => {
          await page.click('#map-enlarge');
          await page.evaluate((a) => (location.hash = `article=${a}`), ARTICLE);
          await page.waitForSelector('#reader .reader-body');
          await page.click('#show-removed');
          await page.waitForSelector('#removed');
        },
      },
      {
        name: 'evidence open, map as a table',
        show: async (page) => {
          await page.evaluate((e) => (location.hash = `edge=${e}`), EDGE);
          await page.waitForSelector('.evidence-item');
          await page.click('#map-table');
          await page.waitForSelector('table#edge-table');
        },
      },
      { name: 'added pages', show: addPages },
    ],
  },
  dark: {
    hash: `#edge=${EDGE}&article=${ARTICLE}`,
    views: [
      {
        name: 'every panel open',
        show: async (page) => {
          await page.waitForSelector('.evidence-item');
          await page.waitForSelector('#reader .reader-body');
        },
      },
      { name: 'added pages', show: addPages },
    ],
  },
};

async function addPages(page) {
  await page.setFiles('#add-pages', ADDED);
  await page.waitForSelector('#reading-summary', { timeout: 3 * STEP_TIMEOUT_MS });
  await page.waitForSelector('#unreadable');
}

after(closeBrowsers);

for (const engine of chosenEngines(['chromium'])) {
  describe(`accessibility, axe-core's default rules (${title(engine)})`, { timeout: 10 * TEST_TIMEOUT_MS }, () => {
    for (const [scheme, walk] of Object.entries(WALKS)) {
      const names = walk.views.map((v) => v.name).join(', ');
      test(`no serious violation in the ${scheme} scheme: ${names}`, { timeout: TEST_TIMEOUT_MS }, async () => {
        const page = await (await browserFor(engine)).newPage({ colorScheme: scheme });
        try {
          await page.goto(new URL(walk.hash, BASE_URL).href);
          await page.rendered(6 * STEP_TIMEOUT_MS);
          assert.equal(
            await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
            scheme === 'dark',
            `the page is told the ${scheme} scheme`,
          );
          const serious = [];
          for (const view of walk.views) {
            await view.show?.(page);
            await page.settle();
            const result = await page.axe(AXE_OPTIONS);
            assert.ok(result.rules > 50, `axe ran its full rule set (${result.rules} rules)`);
            const line = (v) => `${view.name}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target).join(', ')}`;
            for (const v of result.violations) {
              if (v.impact === 'serious' || v.impact === 'critical') serious.push(line(v));
              else console.log(`# axe ${result.version}, ${title(engine)}, ${scheme}, not failed: ${line(v)}`);
            }
          }
          assert.deepEqual(serious, [], `${title(engine)}, ${scheme} scheme`);
          assert.deepEqual(await page.problems(), []);
        } finally {
          await page.close();
        }
      });
    }
  });
}
