// Smoke tests of the page in the two other browser engines: Firefox ESR (through geckodriver) and
// WebKitGTK (through WebKitWebDriver), driven over plain WebDriver HTTP. For each engine, the
// served dist/ and the one-file page load, show the five seed articles, and narrow when the
// actor moon-jae-in is clicked. `cargo xtask test` runs this file under xvfb-run (WebKitGTK
// needs a display) with E2E_BASE_URL and E2E_DIST set; by hand, with `cargo xtask serve` running:
//   E2E_BASE_URL=http://127.0.0.1:8080/ xvfb-run -a node e2e/engines.mjs

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BASE_URL, DIST, SEED_ACTOR, SEED_ARTICLES, TEST_TIMEOUT_MS } from './helpers.mjs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const WAIT_MS = 20_000;

const ENGINES = [
  {
    name: 'Firefox ESR',
    driver: process.env.GECKODRIVER ?? 'geckodriver',
    args: (port) => [`--port=${port}`],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.E2E_FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless'],
      },
    },
  },
  {
    name: 'WebKitGTK',
    driver: process.env.WEBKIT_WEBDRIVER ?? 'WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    capabilities: {
      'webkitgtk:browserOptions': {
        binary: process.env.E2E_WEBKIT_BROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what, check, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (${last.message})` : ''}`);
}

/** One WebDriver session on a driver process it started. */
class Browser {
  static async start(engine) {
    const port = await freePort();
    const child = spawn(engine.driver, engine.args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.on('error', (error) => (stderr += `\n${error.message}`));
    const browser = new Browser(`http://127.0.0.1:${port}`, child, exited);
    try {
      await waitFor(`${engine.driver} to listen`, async () => (await browser.call('GET', '/status')).ready);
      const session = await browser.call('POST', '/session', { capabilities: { alwaysMatch: engine.capabilities } });
      browser.session = `/session/${session.sessionId}`;
      await browser.call('POST', `${browser.session}/timeouts`, { script: WAIT_MS, pageLoad: 60_000 });
    } catch (error) {
      await browser.quit();
      throw new Error(`${engine.name}: ${error.message}\n${stderr.trim()}`);
    }
    return browser;
  }

  constructor(base, child, exited) {
    Object.assign(this, { base, child, exited, session: null });
  }

  async call(method, path, body) {
    const response = await fetch(this.base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  }

  script(source, ...args) {
    return this.call('POST', `${this.session}/execute/sync`, { script: source, args });
  }

  async find(selector) {
    const found = await this.call('POST', `${this.session}/elements`, { using: 'css selector', value: selector });
    return found.map((element) => element[ELEMENT]);
  }

  async open(url) {
    await this.call('POST', `${this.session}/url`, { url });
  }

  async matchCount() {
    const text = await this.script("return document.getElementById('match-count')?.textContent ?? ''");
    return text.trim() === '' ? null : Number(text.replace(/\D/g, ''));
  }

  async quit() {
    if (this.session) await this.call('DELETE', this.session).catch(() => {});
    this.child.kill('SIGTERM');
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
  }
}

/** The smoke check on one page: five matches, and the seed actor narrows them. */
async function smoke(browser, url) {
  await browser.open(url);
  const first = await waitFor('#match-count to show a number', () => browser.matchCount());
  assert.equal(first, SEED_ARTICLES);
  const selector = `[data-facet="actors"] [data-value="${SEED_ACTOR}"]`;
  let [button] = await browser.find(selector);
  if (!button) {
    const [search] = await browser.find('#actor-search');
    await browser.call('POST', `${browser.session}/element/${search}/value`, { text: SEED_ACTOR.split('-')[0] });
    [button] = await waitFor(`${selector} after searching`, async () => {
      const found = await browser.find(selector);
      return found.length ? found : null;
    });
  }
  await browser.call('POST', `${browser.session}/element/${button}/click`, {});
  const narrowed = await waitFor('the count to change', async () => {
    const count = await browser.matchCount();
    return count !== SEED_ARTICLES ? count : null;
  });
  assert.ok(narrowed > 0 && narrowed < SEED_ARTICLES, `${SEED_ACTOR} narrows 5 to some (got ${narrowed})`);
  const pressed = await browser.script('return document.querySelector(arguments[0])?.getAttribute("aria-pressed")', selector);
  assert.equal(pressed, 'true');
}

// E2E_ENGINES=firefox or =webkit runs one engine only.
const only = (process.env.E2E_ENGINES ?? '').toLowerCase().split(',').filter(Boolean);
const chosen = ENGINES.filter((e) => only.length === 0 || only.some((o) => e.name.toLowerCase().includes(o)));

for (const engine of chosen) {
  describe(engine.name, { timeout: 4 * TEST_TIMEOUT_MS }, () => {
    let browser;
    before(async () => {
      browser = await Browser.start(engine);
    });
    after(async () => {
      await browser?.quit();
    });

    test('the served page loads, counts five and filters', { timeout: TEST_TIMEOUT_MS }, async () => {
      await smoke(browser, BASE_URL.href);
    });

    test('the one-file page does the same from file://', { timeout: TEST_TIMEOUT_MS }, async () => {
      await smoke(browser, pathToFileURL(join(DIST, 'coverage-explorer.html')).href);
    });
  });
}
