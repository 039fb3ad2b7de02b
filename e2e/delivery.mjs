// End-to-end tests of how the page is delivered: the one-file page from file://, the
// Content-Security-Policy, the offline app (manifest, service worker), and the footer's corpus
// hash against the inputs ARCHITECTURE.md documents (E2E_CORPUS, default corpus/). Debian
// Chromium via playwright-core, run by node:test. `cargo xtask test` serves dist/ and sets
// E2E_BASE_URL and E2E_DIST; by hand: `cargo xtask serve`, then
//   E2E_BASE_URL=http://127.0.0.1:8080/ node e2e/delivery.mjs

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  BASE_URL,
  DIST,
  TEST_TIMEOUT_MS,
  STEP_TIMEOUT_MS,
  launchChromium,
  rendered,
  seedSmoke,
  watch,
} from './helpers.mjs';

const ONE_FILE = join(DIST, 'coverage-explorer.html');
const CORPUS = process.env.E2E_CORPUS ?? fileURLToPath(new URL('../corpus/', import.meta.url));

/** ARCHITECTURE.md, "Corpus hash": SHA-256 of actors.toml, outlets.toml, sources.toml, then
 *  every file of articles/ in byte order of names, concatenated. */
function corpusHash(dir) {
  const hash = createHash('sha256');
  for (const name of ['actors.toml', 'outlets.toml', 'sources.toml']) hash.update(readFileSync(join(dir, name)));
  const articles = join(dir, 'articles');
  const names = readdirSync(articles)
    .filter((name) => statSync(join(articles, name)).isFile())
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const name of names) hash.update(readFileSync(join(articles, name)));
  return hash.digest('hex');
}

let browser;

/** Records Content-Security-Policy violations in `window.__violations` from the first script on. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    );
  });
}

async function policy(page) {
  return page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '',
  );
}

/** A fresh context and page; always closed. */
async function withPage(body, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    const page = await context.newPage();
    return await body(page, watch(page), context);
  } finally {
    await context.close().catch(() => {});
  }
}

describe('delivery', { timeout: 10 * TEST_TIMEOUT_MS }, () => {
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    if (browser) await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10_000).unref())]);
  });

  test('the one-file page works from file:// with no network', { timeout: TEST_TIMEOUT_MS }, async () => {
    assert.ok(existsSync(ONE_FILE), `${ONE_FILE} exists (cargo xtask serve --no-serve writes it)`);
    const url = pathToFileURL(ONE_FILE).href;
    await withPage(async (page, problems, context) => {
      const requests = [];
      context.on('request', (request) => requests.push(request.url()));
      await recordViolations(page);
      await page.goto(url, { waitUntil: 'load' });
      await seedSmoke(page);
      const elsewhere = requests.filter((r) => r !== url && !r.startsWith('data:'));
      assert.deepEqual(elsewhere, [], 'the one-file page loads nothing but itself');
      const csp = await policy(page);
      assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
      assert.ok(!csp.includes('unsafe-inline'), `no 'unsafe-inline' in ${csp}`);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(problems, []);
    }, { offline: true });
  });

  test('the served page keeps its Content-Security-Policy and asks no other origin', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage(async (page, problems, context) => {
      const requests = [];
      context.on('request', (request) => requests.push(request.url()));
      await recordViolations(page);
      await page.goto(BASE_URL.href, { waitUntil: 'load' });
      await seedSmoke(page);
      // Open an article and an edge's evidence too: everything the page can show.
      await page.locator('#articles [data-source]').first().click();
      await page.locator('#reader').waitFor({ state: 'visible' });
      await page.locator('svg#map [data-source][data-target]').first().focus();
      await page.keyboard.press('Enter');
      await page.locator('#evidence').waitFor({ state: 'visible' });
      await page.waitForLoadState('networkidle');

      const csp = await policy(page);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
      ]) {
        assert.ok(csp.includes(directive), `the policy has ${directive}: ${csp}`);
      }
      assert.ok(!csp.includes('unsafe-inline'), `no 'unsafe-inline' in ${csp}`);
      const inline = await page.evaluate(() =>
        [...document.scripts].filter((s) => !s.src && s.textContent.trim()).length,
      );
      assert.equal(inline, 0, 'no inline script in the served page');
      const elsewhere = requests.filter((r) => !r.startsWith('data:') && new URL(r).origin !== BASE_URL.origin);
      assert.deepEqual(elsewhere, [], `every request goes to ${BASE_URL.origin}`);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(problems, []);
    });
  });

  test('installable, and offline after one visit', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage(async (page, problems, context) => {
      await page.goto(BASE_URL.href, { waitUntil: 'load' });
      await rendered(page);
      const manifest = await page.evaluate(async () => {
        const response = await fetch(document.querySelector('link[rel="manifest"]').href);
        return response.json();
      });
      assert.equal(manifest.start_url, './');
      assert.equal(manifest.display, 'standalone');
      assert.ok(manifest.name && manifest.short_name && manifest.theme_color && manifest.background_color);
      for (const icon of manifest.icons) {
        const ok = await page.evaluate(async (src) => (await fetch(src)).ok, icon.src);
        assert.ok(ok, `the manifest's icon ${icon.src} is there`);
      }

      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
      const names = await page.evaluate(() => caches.keys());
      assert.equal(names.length, 1, `one cache: ${names}`);
      assert.match(names[0], /^coverage-explorer-[0-9a-f]{16}$/, 'the cache is named for the build');

      // Let the page's own late requests (the favicon) finish first: a reload cancels whatever
      // is still in flight, which the problem watcher would report as a failed request.
      await page.waitForLoadState('networkidle');
      await context.setOffline(true);
      await page.reload({ waitUntil: 'load' });
      await seedSmoke(page);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(problems, []);
    });
  });

  test("the footer's corpus hash is the SHA-256 of the documented inputs", { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage(async (page) => {
      await page.goto(BASE_URL.href, { waitUntil: 'load' });
      await rendered(page);
      const shown = ((await page.locator('#build-info .hash').textContent()) ?? '').trim();
      assert.equal(shown, corpusHash(CORPUS), `#build-info .hash against ${CORPUS}`);
    });
  });
});
