// End-to-end tests of the built page (dist/) in Debian's Chromium, driven by playwright-core and
// run by node:test, so the output closes with node's test summary (`# pass N`, `# fail M`).
//
// `cargo xtask test` builds dist/, serves it on a free port and runs this file with E2E_BASE_URL
// set. By hand: `cargo xtask serve` in one terminal, then
//   E2E_BASE_URL=http://127.0.0.1:8080/ node e2e/run.mjs
// Screenshots and metrics.json go to e2e/artifacts/.
//
// The tests hold the page to its DOM contract: #match-count (just the number); facets
// [data-facet="actors|years|outlets"] of buttons [data-value][aria-pressed] with a .count, cleared by
// [data-clear] and #clear-all, #actor-search, #actor-mode; svg#map with nodes [data-actor] and
// edges [data-source][data-target] opening #evidence (.evidence-item, <mark> around cues),
// #map-size, #map-table → table#edge-table; #articles items [data-source] opening #reader, with
// #show-removed → #removed; the URL hash (#actors=…&years=…&outlets=…&article=…) and #notice
// for unknown values; the footer #build-info.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
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

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

// The seed corpus: five articles; Moon Jae-in is named in four of them, two are dated 2019.
const ARTICLE_WITH_BOILERPLATE = '000_6d25ea8019f3a735.txt';
const BOILERPLATE_LINE = 'Go to contents';

let browser;
// Set when the plain page (no hash) did not render: later tests then fail at once instead of
// each waiting for the same timeout.
let notRendering = null;

/** Opens a fresh context and page, collects console errors and failed requests, waits for the
 *  first render. Always closes the context. */
async function withPage(options, body) {
  const { path = '', colorScheme = 'light', viewport = { width: 1440, height: 900 } } = options;
  if (notRendering) throw new Error(`skipped: ${notRendering}`);
  const context = await browser.newContext({ colorScheme, viewport, deviceScaleFactor: 1 });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    const page = await context.newPage();
    const problems = watch(page);
    if (options.beforeLoad) await options.beforeLoad(page);
    await page.goto(new URL(path, BASE_URL).href, { waitUntil: 'load' });
    await rendered(page).catch((error) => {
      const seen = problems.length ? `; the browser reported:\n  ${problems.join('\n  ')}` : '';
      const message = `the page did not render #match-count (${error.message.split('\n')[0]})${seen}`;
      if (path === '') notRendering = message;
      throw new Error(message);
    });
    return await body(page, problems);
  } finally {
    await context.close().catch(() => {});
  }
}

/** Lets pending reactive updates and a frame go by. */
async function settle(page) {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
}

function facetSelector(facet, value) {
  return `[data-facet="${facet}"] [data-value="${value}"]`;
}

/** The button of one facet value; for actors not shown yet, types into #actor-search first. */
async function facetButton(page, facet, value) {
  const button = page.locator(facetSelector(facet, value));
  if (facet === 'actors' && (await button.count()) === 0) {
    await page.locator('#actor-search').fill(value.split('-')[0]);
    await settle(page);
  }
  assert.equal(await button.count(), 1, `expected one button ${facetSelector(facet, value)}`);
  return button;
}

/** Clicks a facet value and waits until its aria-pressed flips. */
async function toggle(page, facet, value) {
  const button = await facetButton(page, facet, value);
  const before = await button.getAttribute('aria-pressed');
  assert.ok(before === 'true' || before === 'false', `${facetSelector(facet, value)} needs aria-pressed`);
  await button.click();
  await page.waitForFunction(
    ([selector, was]) => document.querySelector(selector)?.getAttribute('aria-pressed') !== was,
    [facetSelector(facet, value), before],
  );
  await settle(page);
}

async function pressed(page, facet, value) {
  return (await page.locator(facetSelector(facet, value)).getAttribute('aria-pressed')) === 'true';
}

/** The URL hash as parameters: `#actors=a,b&years=2019` → Map { actors → [a, b], … }. */
function hashState(page) {
  const params = new URLSearchParams(new URL(page.url()).hash.replace(/^#/, ''));
  return new Map([...params].map(([key, value]) => [key, value.split(',').filter(Boolean)]));
}

async function waitForHash(page, key, value) {
  await page.waitForFunction(
    ([k, v]) =>
      new URLSearchParams(location.hash.slice(1)).get(k)?.split(',').includes(v) ?? false,
    [key, value],
  );
}

async function listedSources(page) {
  return page.locator('#articles [data-source]').evaluateAll((items) =>
    items.map((item) => item.getAttribute('data-source')),
  );
}

async function mapMarkup(page) {
  return page.locator('svg#map').evaluate((svg) => svg.innerHTML);
}

/** A point on some map edge that a user can click: on the edge's own stroke and not covered
 *  by a node. Fails when no edge has one. */
async function visibleEdgePoint(page) {
  await page.locator('svg#map').scrollIntoViewIfNeeded();
  const point = await page.locator('svg#map').evaluate((svg) => {
    for (const edge of svg.querySelectorAll('[data-source][data-target]')) {
      const shapes = [edge, ...edge.querySelectorAll('*')].filter((el) => typeof el.getTotalLength === 'function');
      for (const shape of shapes) {
        const length = shape.getTotalLength();
        const toScreen = shape.getScreenCTM();
        if (!length || !toScreen) continue;
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9]) {
          const onShape = shape.getPointAtLength(t * length);
          const p = new DOMPoint(onShape.x, onShape.y).matrixTransform(toScreen);
          if (edge.contains(document.elementFromPoint(p.x, p.y))) {
            return { x: p.x, y: p.y, edge: `${edge.dataset.source} – ${edge.dataset.target}` };
          }
        }
      }
    }
    return null;
  });
  assert.ok(point, 'the map has an edge with a clickable point (not hidden under nodes)');
  return point;
}

async function numbers(locator) {
  return locator.evaluateAll((elements) =>
    elements.map((el) => Number(el.textContent.replace(/\D/g, ''))),
  );
}

describe('coverage-explorer page', { timeout: 20 * TEST_TIMEOUT_MS }, () => {
  before(async () => {
    const reachable = await fetch(BASE_URL).then(
      (response) => response.ok,
      () => false,
    );
    assert.ok(
      reachable,
      `nothing answers at ${BASE_URL.href}; run \`cargo xtask test\`, or \`cargo xtask serve\` and set E2E_BASE_URL`,
    );
    browser = await launchChromium();
  });

  after(async () => {
    // Always close the browser, even when a test timed out with a page still busy.
    if (browser) await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10_000))]);
  });

  test('loads with no console errors and no failed requests', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage({}, async (page, problems) => {
      await page.waitForLoadState('networkidle');
      assert.deepEqual(
        problems,
        [],
        'the page load should be clean (a 404 console error with no HTTP line is usually /favicon.ico: give the page a <link rel="icon">)',
      );
    });
  });

  test('counts the five seed articles and lists them', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage({}, async (page) => {
      assert.equal(await matchCount(page), SEED_ARTICLES);
      assert.equal((await listedSources(page)).length, SEED_ARTICLES);
      for (const facet of ['actors', 'years', 'outlets']) {
        const counts = await numbers(page.locator(`[data-facet="${facet}"] [data-value] .count`));
        assert.ok(counts.length > 0, `facet ${facet} should list values with a .count`);
      }
      assert.equal(await pressed(page, 'years', 'none'), false, 'the undated year value is data-value="none"');
    });
  });

  test('an actor narrows the count, the map and the list, and goes into the URL', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage({}, async (page) => {
      const map = await mapMarkup(page);
      const list = await listedSources(page);
      await toggle(page, 'actors', 'moon-jae-in');
      await waitForHash(page, 'actors', 'moon-jae-in');
      const count = await matchCount(page);
      assert.ok(count > 0 && count < SEED_ARTICLES, `Moon Jae-in is in some seed articles, not all (got ${count})`);
      assert.equal(await pressed(page, 'actors', 'moon-jae-in'), true);
      const narrowed = await listedSources(page);
      assert.equal(narrowed.length, count, 'the list shows exactly the matching articles');
      assert.ok(narrowed.every((source) => list.includes(source)));
      assert.notEqual(await mapMarkup(page), map, 'the map follows the selection');
      assert.deepEqual(hashState(page).get('actors'), ['moon-jae-in']);
    });
  });

  test('filters combine: AND across facets', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage({}, async (page) => {
      await toggle(page, 'years', '2019');
      const in2019 = await matchCount(page);
      assert.ok(in2019 > 0 && in2019 < SEED_ARTICLES, `some seed articles are from 2019 (got ${in2019})`);

      const outlet = page.locator(`${facetSelector('outlets', 'the-korea-times')} .count`);
      const promised = Number(((await outlet.textContent()) ?? '').replace(/\D/g, ''));
      await toggle(page, 'outlets', 'the-korea-times');
      const both = await matchCount(page);
      assert.ok(both > 0 && both <= in2019, `2019 AND The Korea Times is within 2019 (got ${both} of ${in2019})`);
      assert.equal(both, promised, "the outlet's count under the year filter is what selecting it gives");
      assert.equal((await listedSources(page)).length, both);

      const actorCounts = await numbers(page.locator('[data-facet="actors"] [data-value] .count'));
      assert.ok(actorCounts.every((n) => n <= both), `actor counts stay within the matches: ${actorCounts}`);
      const state = hashState(page);
      assert.deepEqual([state.get('years'), state.get('outlets')], [['2019'], ['the-korea-times']]);
    });
  });

  test('the all/any switch decides how selected actors combine', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage({}, async (page) => {
      const mode = page.locator('#actor-mode');
      const modeName = async () => {
        const text = ((await mode.textContent()) ?? '').toLowerCase();
        assert.ok(/\b(all|any)\b/.test(text), `#actor-mode says "all" or "any", got "${text}"`);
        return /\ball\b/.test(text) ? 'all' : 'any';
      };
      await toggle(page, 'actors', 'moon-jae-in');
      const moon = await matchCount(page);
      await toggle(page, 'actors', 'kim-jong-un');
      const counts = { [await modeName()]: await matchCount(page) };
      const first = await modeName();
      await mode.click();
      await settle(page);
      const second = await modeName();
      assert.notEqual(second, first, '#actor-mode toggles between all and any');
      counts[second] = await matchCount(page);
      assert.ok(counts.all <= moon && moon <= counts.any, `all ≤ one actor ≤ any: ${JSON.stringify({ ...counts, moon })}`);
    });
  });

  test('clearing one facet, then all, restores the counts', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage({}, async (page) => {
      await toggle(page, 'actors', 'moon-jae-in');
      const moon = await matchCount(page);
      await toggle(page, 'years', '2019');
      assert.ok((await matchCount(page)) <= moon);

      await page.locator('[data-clear="years"]').click();
      await settle(page);
      assert.equal(await pressed(page, 'years', '2019'), false);
      assert.equal(await pressed(page, 'actors', 'moon-jae-in'), true, 'clearing years keeps the actors');
      assert.equal(await matchCount(page), moon);

      await page.locator('#clear-all').click();
      await settle(page);
      assert.equal(await matchCount(page), SEED_ARTICLES);
      assert.equal(await page.locator('[data-facet] [aria-pressed="true"]').count(), 0);
      const state = hashState(page);
      assert.ok(!state.has('actors') && !state.has('years'), `hash cleared: ${page.url()}`);
    });
  });

  test('clicking an edge shows the evidence sentences, cues marked', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage({}, async (page) => {
      const point = await visibleEdgePoint(page);
      await page.mouse.click(point.x, point.y);
      const evidence = page.locator('#evidence');
      await evidence.waitFor({ state: 'visible' });
      const items = evidence.locator('.evidence-item');
      assert.ok((await items.count()) > 0, 'an edge has at least one evidence sentence');
      const marks = await items.evaluateAll((list) =>
        list.map((item) => [...item.querySelectorAll('mark')].map((m) => m.textContent.trim())),
      );
      // A sentence with a cue (met, sanctions, …) marks it; a neutral co-mention has none.
      assert.ok(marks.some((cues) => cues.length > 0), `some sentence marks its cue: ${JSON.stringify(marks)}`);
      assert.ok(marks.flat().every(Boolean), `no empty <mark>: ${JSON.stringify(marks)}`);
    });
  });

  test('the map works from the keyboard, resizes and has a table view', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage({}, async (page) => {
      const nodes = page.locator('svg#map [data-actor]');
      const roles = await nodes.evaluateAll((list) => list.map((n) => [n.getAttribute('role'), n.tabIndex]));
      assert.ok(roles.length > 0 && roles.length <= 30, `between 1 and 30 nodes by default (got ${roles.length})`);
      assert.ok(roles.every(([role, tab]) => role === 'button' && tab >= 0), 'nodes are focusable buttons');
      const edgeTabs = await page
        .locator('svg#map [data-source][data-target]')
        .evaluateAll((list) => list.map((e) => e.tabIndex));
      assert.ok(edgeTabs.every((tab) => tab >= 0), 'edges are focusable');

      await page.locator('svg#map [data-source][data-target]').first().focus();
      await page.keyboard.press('Enter');
      await page.locator('#evidence').waitFor({ state: 'visible' });

      const size = page.locator('#map-size');
      assert.equal(await size.inputValue(), '30');
      await size.fill('3');
      await size.dispatchEvent('change');
      await settle(page);
      assert.ok((await nodes.count()) <= 3, 'the map shows at most #map-size nodes');

      await page.locator('#map-table').click();
      const table = page.locator('table#edge-table');
      await table.waitFor({ state: 'visible' });
      assert.ok((await table.locator('tr').count()) > 1, 'the table lists edges');
    });
  });

  test('an article opens in the reader, with its removed boilerplate on demand', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage({}, async (page) => {
      await page.locator(`#articles [data-source="${ARTICLE_WITH_BOILERPLATE}"]`).click();
      const reader = page.locator('#reader');
      await reader.waitFor({ state: 'visible' });
      // innerText: what is shown; the removed lines wait hidden until asked for.
      const body = await reader.innerText();
      assert.ok(body.trim().length > 200, 'the reader shows the article body');
      assert.ok(!body.includes(BOILERPLATE_LINE), 'the clean body has no site boilerplate');
      await waitForHash(page, 'article', ARTICLE_WITH_BOILERPLATE);

      await page.locator('#show-removed').click();
      const removed = page.locator('#removed');
      await removed.waitFor({ state: 'visible' });
      assert.ok(((await removed.textContent()) ?? '').includes(BOILERPLATE_LINE), `#removed lists "${BOILERPLATE_LINE}"`);
    });
  });

  test('state in the URL loads directly and equals clicking', { timeout: TEST_TIMEOUT_MS }, async () => {
    const direct = await withPage({ path: '#actors=vladimir-putin&years=2019' }, async (page) => {
      await settle(page);
      assert.equal(await pressed(page, 'actors', 'vladimir-putin'), true);
      assert.equal(await pressed(page, 'years', '2019'), true);
      return matchCount(page);
    });
    const clicked = await withPage({}, async (page) => {
      await toggle(page, 'actors', 'vladimir-putin');
      await toggle(page, 'years', '2019');
      await waitForHash(page, 'years', '2019');
      return matchCount(page);
    });
    assert.equal(direct, clicked);
    assert.ok(direct < SEED_ARTICLES, 'Putin in 2019 is a subset');

    await withPage({ path: `#article=${ARTICLE_WITH_BOILERPLATE}` }, async (page) => {
      await page.locator('#reader').waitFor({ state: 'visible' });
    });
  });

  test('unknown values in the URL show a notice', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage({ path: '#actors=no-such-actor&years=1066' }, async (page) => {
      const notice = page.locator('#notice');
      await notice.waitFor({ state: 'visible' });
      assert.ok(((await notice.textContent()) ?? '').trim().length > 0, '#notice says what was not understood');
    });
  });

  test('the footer tells the file count, build date and corpus hash', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage({}, async (page) => {
      const info = ((await page.locator('#build-info').textContent()) ?? '').trim();
      assert.match(info, new RegExp(`\\b${SEED_ARTICLES}\\b`), `file count in "${info}"`);
      assert.match(info, /\b\d{4}-\d{2}-\d{2}/, `build date in "${info}"`);
      assert.match(info, /\b[0-9a-f]{8,}\b/i, `corpus hash in "${info}"`);
    });
  });

  // Accessibility (axe-core's full default rule set, every view, three engines): e2e/a11y.mjs.

  test('screenshots: light and dark, wide and narrow', { timeout: TEST_TIMEOUT_MS }, async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const sizes = { wide: { width: 1440, height: 900 }, narrow: { width: 390, height: 844 } };
    for (const colorScheme of ['light', 'dark']) {
      for (const [name, viewport] of Object.entries(sizes)) {
        await withPage({ colorScheme, viewport }, async (page) => {
          await page.waitForLoadState('networkidle');
          await settle(page);
          const file = `${ARTIFACTS}main-${colorScheme}-${name}.png`;
          await page.screenshot({ path: file });
          console.log(`screenshot: e2e/artifacts/main-${colorScheme}-${name}.png`);
        });
      }
    }
  });

  test('metrics: transferred bytes (gzip) and time to first render', { timeout: TEST_TIMEOUT_MS }, async () => {
    const bodies = [];
    const metrics = await withPage(
      {
        // Records when #match-count first has text, in ms since navigation start.
        beforeLoad: async (page) => {
          page.on('response', (response) => bodies.push(response.body().catch(() => null)));
          await page.addInitScript(() => {
            const check = () => {
              const text = document.getElementById('match-count')?.textContent ?? '';
              if (window.__firstRenderMs === undefined && text.trim() !== '') {
                window.__firstRenderMs = performance.now();
                observer.disconnect();
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document, { subtree: true, childList: true, characterData: true });
          });
        },
      },
      async (page) => {
        await page.waitForLoadState('networkidle');
        const firstRender = await page.evaluate(() => window.__firstRenderMs);
        const loaded = (await Promise.all(bodies)).filter(Boolean);
        return {
          gzip_bytes: loaded.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
          first_render_ms: Math.round(firstRender * 10) / 10,
          raw_bytes: loaded.reduce((sum, body) => sum + body.length, 0),
          responses: loaded.length,
        };
      },
    );
    assert.ok(Number.isFinite(metrics.first_render_ms), 'first render was observed');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}metrics.json`, `${JSON.stringify(metrics, null, 2)}\n`);
    console.log(`metrics: ${JSON.stringify(metrics)}`);
  });
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await browser?.close().catch(() => {});
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}
