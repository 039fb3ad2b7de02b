// One page API over the three browser engines the end-to-end tests run in, so that a test body
// is written once and runs in each: Chromium through playwright-core (Debian's chromium), Firefox
// ESR through geckodriver and WebKitGTK through WebKitWebDriver, both over plain WebDriver HTTP
// (Playwright's own Firefox and WebKit builds cannot be downloaded here). Where an engine cannot
// do a thing the way a user would, the method does the nearest real thing and says which in its
// comment: WebKitGTK's automation mode saves no download, and WebDriver shows no console.
//
// E2E_BROWSERS=chromium,firefox,webkit chooses the engines (a test file says its default);
// E2E_FIREFOX, E2E_WEBKIT_BROWSER, GECKODRIVER and WEBKIT_WEBDRIVER override the executables.
// WebKitGTK needs a display even headless: run under `xvfb-run -a`.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { STEP_TIMEOUT_MS, watch } from './helpers.mjs';
import { launchChromium } from './chromium.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
const TITLES = { chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKitGTK' };

/** The engines E2E_BROWSERS names (in ENGINES' order), else `fallback`. */
export function chosenEngines(fallback = ['chromium']) {
  const named = (process.env.E2E_BROWSERS ?? '').toLowerCase().split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of named) assert.ok(ENGINES.includes(name), `E2E_BROWSERS: unknown engine ${name} (${ENGINES})`);
  return named.length ? ENGINES.filter((e) => named.includes(e)) : fallback;
}

export function title(engine) {
  return TITLES[engine];
}

const POLL_MS = 100;
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// ---------------------------------------------------------------------------------------------
// Shared browsers: one per engine and process, so that the files a run imports share one launch.

const shared = new Map();

/** The engine's browser for this process, launched on first use. */
export function browserFor(engine) {
  if (!shared.has(engine)) {
    const launched = engine === 'chromium' ? ChromiumBrowser.launch() : Promise.resolve(new WebDriverBrowser(engine));
    // A failed launch is not cached: the next test says so again instead of waiting on it.
    launched.catch(() => shared.delete(engine));
    shared.set(engine, launched);
  }
  return shared.get(engine);
}

/** Closes every browser this process launched (call from a top-level `after`). */
export async function closeBrowsers() {
  const all = [...shared.values()];
  shared.clear();
  await Promise.all(
    all.map((p) =>
      p.then((b) => Promise.race([b.close(), new Promise((r) => setTimeout(r, 10_000).unref())])).catch(() => {}),
    ),
  );
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await closeBrowsers();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

// ---------------------------------------------------------------------------------------------
// What every engine's page does the same way, through `evaluate` and `waitFor`.

class Page {
  /** Waits until `fn(arg)`, run in the page, gives a truthy value; returns it. */
  async waitFor(fn, arg, { timeout = STEP_TIMEOUT_MS, what = 'a condition in the page' } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const value = await this.evaluate(fn, arg);
        if (value) return value;
      } catch (error) {
        // A navigation in between: try again.
        last = error;
      }
      if (Date.now() > deadline) {
        const cause = last ? ` (${last.message.split('\n')[0]})` : '';
        throw new Error(`timed out after ${timeout} ms waiting for ${what}${cause}${await this.reported()}`);
      }
      await sleep(POLL_MS);
    }
  }

  /** What the page reported (console errors, uncaught errors), as the end of a timeout's
   *  message: a wait that timed out because the page stopped says why, and an engine fault
   *  (`cargo xtask test` runs the WebKit tests again on one) can be told from a failure of ours. */
  async reported() {
    const problems = await this.problems().catch(() => []);
    return problems.length ? `; the browser reported:\n  ${problems.join('\n  ')}` : '';
  }

  /** Waits until `selector` is attached, detached, visible (in the DOM with a box and not
   *  hidden by style) or hidden (absent or not visible). */
  async waitForSelector(selector, { state = 'visible', timeout } = {}) {
    return this.waitFor(
      ([s, state]) => {
        const el = document.querySelector(s);
        const visible = () => {
          if (!el || el.closest('[hidden]')) return false;
          const box = el.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
        };
        if (state === 'attached') return !!el;
        if (state === 'detached') return !el;
        if (state === 'visible') return visible();
        return !visible();
      },
      [selector, state],
      { timeout, what: `${selector} to be ${state}` },
    );
  }

  /** The first match's textContent, or null when nothing matches. */
  async text(selector) {
    return this.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  /** Every match's textContent. */
  async texts(selector) {
    return this.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent), selector);
  }

  async count(selector) {
    return this.evaluate((s) => document.querySelectorAll(s).length, selector);
  }

  async attribute(selector, name) {
    return this.evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null, [selector, name]);
  }

  async isVisible(selector) {
    return this.evaluate((s) => {
      const el = document.querySelector(s);
      if (!el || el.closest('[hidden]')) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    }, selector);
  }

  /** Waits until #match-count shows a number: the app has started and rendered once. */
  async rendered(timeout = STEP_TIMEOUT_MS) {
    await this.waitFor(() => (document.getElementById('match-count')?.textContent ?? '').trim() !== '', null, {
      timeout,
      what: '#match-count to show a number',
    }).catch(async (error) => {
      // The address before what the browser reported, if anything.
      const at = ` at ${await this.url().catch(() => '?')}`;
      const [waited, ...said] = error.message.split('; the browser reported:');
      throw new Error([waited + at, ...said].join('; the browser reported:'));
    });
  }

  /** #match-count as a number; fails unless it shows just a number. */
  async matchCount() {
    const text = ((await this.text('#match-count')) ?? '').trim();
    assert.match(text, /^\d[\d,\u00a0\u202f ]*$/, `#match-count should be just a number, got ${JSON.stringify(text)}`);
    return Number(text.replace(/\D/g, ''));
  }

  /** Clicks an actor's facet button (searching for it first when it is not listed), waits until
   *  it is pressed and returns the new match count. */
  async clickActor(id) {
    const selector = `[data-facet="actors"] [data-value="${id}"]`;
    if ((await this.count(selector)) === 0) await this.fill('#actor-search', id.split('-')[0]);
    await this.click(selector);
    await this.waitFor((s) => document.querySelector(s)?.getAttribute('aria-pressed') === 'true', selector, {
      what: `${selector} to be pressed`,
    });
    return this.matchCount();
  }

  /** Lets pending reactive updates and a frame go by. */
  async settle() {
    await this.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }

  /** Resources the document loaded from anywhere but `origin` (the Resource Timing list, which
   *  every engine keeps), besides what the engine's own request log saw. */
  async requestsElsewhere(origin) {
    const loaded = await this.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const own = this.seenRequests?.() ?? [];
    return [...new Set([...loaded, ...own])].filter((u) => {
      const url = new URL(u);
      if (['blob:', 'data:', 'about:'].includes(url.protocol)) return false;
      if (url.protocol === 'file:') return origin !== 'file:';
      return url.origin !== origin;
    });
  }

  /** Runs axe-core (the copy in node_modules) in the page with `options`; returns its result
   *  stripped to what a report needs. Injected like a test tool, not by the page: the page's
   *  Content-Security-Policy would refuse an inline script. */
  async axe(options = {}) {
    const present = await this.evaluate(() => typeof window.axe?.run === 'function');
    if (!present) await this.addScript(AXE_SOURCE);
    return this.evaluate(async (options) => {
      const result = await window.axe.run(document, options);
      const slim = (list) =>
        list.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
        }));
      return {
        violations: slim(result.violations),
        incomplete: result.incomplete.length,
        passes: result.passes.length,
        rules: result.passes.length + result.violations.length + result.incomplete.length + result.inapplicable.length,
        version: window.axe.version,
      };
    }, options);
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------------------------------------
// Chromium, through playwright-core: each page is a fresh browser context.

class ChromiumBrowser {
  static async launch() {
    return new ChromiumBrowser(await launchChromium());
  }

  constructor(browser) {
    this.engine = 'chromium';
    this.browser = browser;
  }

  async newPage({ viewport = { width: 1440, height: 900 }, colorScheme = 'light', offline = false } = {}) {
    const context = await this.browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1, acceptDownloads: true });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    if (offline) await context.setOffline(true);
    return new ChromiumPage(context, await context.newPage());
  }

  close() {
    return this.browser.close();
  }
}

class ChromiumPage extends Page {
  constructor(context, page) {
    super();
    Object.assign(this, { engine: 'chromium', context, page, problemList: watch(page), requests: [] });
    page.on('request', (r) => this.requests.push(r.url()));
  }

  // Loads get longer than a step: the WebDriver engines wait up to a minute for one.
  async goto(url) {
    await this.page.goto(url, { waitUntil: 'load', timeout: 3 * STEP_TIMEOUT_MS });
  }

  async reload() {
    await this.page.reload({ waitUntil: 'load', timeout: 3 * STEP_TIMEOUT_MS });
  }

  async url() {
    return this.page.url();
  }

  async evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }

  async waitFor(fn, arg, { timeout = STEP_TIMEOUT_MS, what = 'a condition in the page' } = {}) {
    try {
      return await (await this.page.waitForFunction(fn, arg, { timeout, polling: POLL_MS })).jsonValue();
    } catch (error) {
      const cause = ` (${error.message.split('\n')[0]})`;
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${cause}${await this.reported()}`);
    }
  }

  async addScript(source) {
    await this.page.evaluate(source);
  }

  async click(selector) {
    await this.page.locator(selector).first().click();
  }

  async fill(selector, text) {
    await this.page.locator(selector).first().fill(text);
  }

  /** Sets files on an `<input type=file>` as the file chooser would: paths on disk, or
   *  `{ name, buffer }` made in the test. */
  async setFiles(selector, files) {
    await this.page.locator(selector).setInputFiles(files.map((f) => (typeof f === 'string' ? f : { mimeType: 'application/octet-stream', ...f })));
  }

  /** Sets a folder on an `<input type=file webkitdirectory>` as the folder chooser would: one
   *  file per file under `dir`, each with its path from the folder's name. */
  async setFolder(selector, dir) {
    await this.page.locator(selector).setInputFiles(dir);
  }

  /** Clicks `selector` and gives the download it starts: the browser's own download. */
  async download(selector) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.click(selector)]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }

  /** Runs `fn(arg)` in a blank page beside this one (for work the page's CSP would report). */
  async evaluateAside(fn, arg) {
    const blank = await this.context.newPage();
    try {
      return await blank.evaluate(fn, arg);
    } finally {
      await blank.close();
    }
  }

  seenRequests() {
    return this.requests;
  }

  /** Console errors, uncaught errors, failed requests, HTTP errors and dialogs since it opened. */
  async problems() {
    return [...this.problemList];
  }

  async close() {
    await this.context.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Firefox and WebKitGTK over WebDriver HTTP. A session has one window, so one page is open at a
// time; a session per colour scheme (the scheme is a launch setting there), started when first
// asked for and kept until the end.

/** Every file under `dir`, in no particular order (a folder chooser's is its own). */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  );
}

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

function driverSetup(engine, colorScheme, downloads) {
  if (engine === 'firefox') {
    return {
      driver: process.env.GECKODRIVER ?? 'geckodriver',
      capabilities: {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: process.env.E2E_FIREFOX ?? '/usr/bin/firefox-esr',
          args: ['-headless'],
          prefs: {
            // Downloads go straight into a folder of the test's, unasked.
            'browser.download.folderList': 2,
            'browser.download.dir': downloads,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
            'browser.download.alwaysOpenPanel': false,
            // 0: content is told prefers-color-scheme: dark; 1: light.
            'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
            // No background connections to a closed network.
            'app.update.disabledForTesting': true,
            'browser.safebrowsing.update.enabled': false,
            'network.captive-portal-service.enabled': false,
            'network.connectivity-service.enabled': false,
          },
        },
      },
    };
  }
  return {
    driver: process.env.WEBKIT_WEBDRIVER ?? 'WebKitWebDriver',
    capabilities: {
      'webkitgtk:browserOptions': {
        binary: process.env.E2E_WEBKIT_BROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation', ...(colorScheme === 'dark' ? ['--dark-mode'] : [])],
      },
    },
  };
}

class Session {
  static async start(engine, colorScheme) {
    const downloads = mkdtempSync(join(tmpdir(), `e2e-${engine}-downloads-`));
    const { driver, capabilities } = driverSetup(engine, colorScheme, downloads);
    const port = await freePort();
    const child = spawn(driver, [`--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    let gone = false;
    const exited = new Promise((resolve) => {
      child.on('exit', resolve);
      child.on('error', resolve);
    }).then(() => (gone = true));
    child.on('error', (error) => {
      stderr += `\n${error.message}`;
      gone = true;
    });
    const session = new Session(`http://127.0.0.1:${port}`, child, exited, downloads);
    try {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const ready = await session.call('GET', '/status').then((s) => s.ready, () => false);
        if (ready) break;
        if (gone) throw new Error(`${driver} did not start`);
        if (Date.now() > deadline) throw new Error(`${driver} did not listen on port ${port}`);
        await sleep(POLL_MS);
      }
      const created = await session.call('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
      session.path = `/session/${created.sessionId}`;
      await session.call('POST', `${session.path}/timeouts`, { script: 60_000, pageLoad: 60_000 });
    } catch (error) {
      await session.quit();
      throw new Error(`${title(engine)}: ${error.message}\n${stderr.trim()}`);
    }
    return session;
  }

  constructor(base, child, exited, downloads) {
    Object.assign(this, { base, child, exited, downloads, path: null });
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

  command(method, path, body) {
    return this.call(method, this.path + path, body);
  }

  async quit() {
    if (this.path) await this.call('DELETE', this.path).catch(() => {});
    this.child.kill('SIGTERM');
    await Promise.race([this.exited, sleep(5_000)]);
    rmSync(this.downloads, { recursive: true, force: true });
  }
}

class WebDriverBrowser {
  constructor(engine) {
    Object.assign(this, { engine, sessions: new Map(), open: null });
  }

  session(colorScheme) {
    if (!this.sessions.has(colorScheme)) {
      const started = Session.start(this.engine, colorScheme);
      started.catch(() => this.sessions.delete(colorScheme));
      this.sessions.set(colorScheme, started);
    }
    return this.sessions.get(colorScheme);
  }

  /** The session's window, sized to `viewport` (the window's outer size, and no narrower than
   *  the browser allows: about 450 pixels for WebKitGTK, 500 for Firefox). `offline` cannot be
   *  had over WebDriver; the pages that ask for it are checked to load nothing but themselves. */
  async newPage({ viewport = { width: 1440, height: 900 }, colorScheme = 'light' } = {}) {
    if (this.open) await this.open.close();
    const session = await this.session(colorScheme);
    await session.command('POST', '/window/rect', viewport).catch(() => {});
    this.open = new WebDriverPage(this, session);
    return this.open;
  }

  async close() {
    const sessions = await Promise.allSettled([...this.sessions.values()]);
    await Promise.all(sessions.filter((s) => s.status === 'fulfilled').map((s) => s.value.quit()));
  }
}

/** Installed in the page after each navigation (WebDriver has no console of the page to read):
 *  console errors, uncaught errors and rejections, elements that failed to load, dialogs. And in
 *  WebKitGTK, whose automation mode saves no download: the file each `<a download>` click hands
 *  over, read from its Blob, as the nearest thing to the download itself (the page's own code
 *  up to the click runs as it would). What happens before this runs (during the page's own
 *  load) is not seen here; Chromium's run sees it. */
function pageHooks(captureDownloads) {
  if (window.__e2e) return;
  const e2e = (window.__e2e = { problems: [], downloads: [], blobs: new Map() });
  const say = (text) => e2e.problems.push(text);
  const error = console.error;
  console.error = function (...args) {
    say(`console error: ${args.map(String).join(' ')}`);
    return error.apply(this, args);
  };
  addEventListener('error', (e) => {
    if (e.target === window || !e.target) say(`uncaught: ${e.message}`);
    else say(`failed to load: ${e.target.src || e.target.href || e.target.localName}`);
  }, true);
  addEventListener('unhandledrejection', (e) => say(`unhandled rejection: ${e.reason?.message ?? e.reason}`));
  for (const name of ['alert', 'confirm', 'prompt']) {
    window[name] = (message) => say(`dialog (${name}): ${message}`);
  }
  if (!captureDownloads) return;
  const create = URL.createObjectURL;
  URL.createObjectURL = function (object) {
    const url = create.call(this, object);
    if (object instanceof Blob) e2e.blobs.set(url, object);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download')) {
      const name = this.download;
      const blob = e2e.blobs.get(this.href);
      const read = blob ? Promise.resolve(blob) : fetch(this.href).then((r) => r.blob());
      const entry = { name, data: null, error: null };
      e2e.downloads.push(entry);
      read
        .then((b) => new Promise((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result.slice(reader.result.indexOf(',') + 1));
          reader.onerror = () => reject(reader.error);
          reader.readAsDataURL(b);
        }))
        .then((data) => (entry.data = data), (e) => (entry.error = String(e)));
      // Not passed on: MiniBrowser cannot save it anyway, and shows a bar for each download
      // that takes 50 pixels off the page's height (the map shrinks with it).
      return undefined;
    }
    return click.call(this);
  };
}

class WebDriverPage extends Page {
  constructor(browser, session) {
    super();
    Object.assign(this, { engine: browser.engine, browser, session, earlier: [], closed: false });
  }

  async #hook() {
    await this.evaluate(pageHooks, this.engine === 'webkit').catch(() => {});
  }

  /** Keeps the problems the page saw before it is left. */
  async #collect() {
    const seen = await this.evaluate(() => window.__e2e?.problems ?? []).catch(() => []);
    this.earlier.push(...seen);
  }

  async goto(url) {
    await this.#collect();
    await this.session.command('POST', '/url', { url });
    await this.#hook();
  }

  async reload() {
    await this.#collect();
    await this.session.command('POST', '/refresh', {});
    await this.#hook();
  }

  async url() {
    return this.session.command('GET', '/url');
  }

  /** Runs `fn(arg)` in the page and gives its (awaited) result. */
  async evaluate(fn, arg) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn})(arguments[0])).then(
        (value) => done({ value: value === undefined ? null : value }),
        (error) => done({ error: String(error && error.stack || error) }));`;
    const result = await this.session.command('POST', '/execute/async', { script, args: [arg ?? null] });
    if (result?.error) throw new Error(`in the page: ${result.error}`);
    return result?.value;
  }

  async addScript(source) {
    await this.session.command('POST', '/execute/sync', { script: `${source}\n;return null;`, args: [] });
  }

  async #element(selector) {
    await this.waitForSelector(selector, { state: 'attached' });
    const [element] = await this.session.command('POST', '/elements', { using: 'css selector', value: selector });
    assert.ok(element, `no element ${selector}`);
    return element[ELEMENT];
  }

  /** A click through the driver: scrolled into view, at the element's centre, as a user's.
   *  First waits, as Playwright does, until the element is visible and has kept its place over
   *  two frames: a click computed before a layout shift lands beside it. */
  async click(selector) {
    await this.waitForSelector(selector, { state: 'visible' });
    await this.waitFor(
      async (s) => {
        const place = () => JSON.stringify(document.querySelector(s)?.getBoundingClientRect());
        const before = place();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return before === place() && !document.querySelector(s).disabled;
      },
      selector,
      { what: `${selector} to stay in place and be enabled` },
    );
    await this.session.command('POST', `/element/${await this.#element(selector)}/click`, {});
  }

  async fill(selector, text) {
    const element = await this.#element(selector);
    await this.session.command('POST', `/element/${element}/clear`, {});
    await this.session.command('POST', `/element/${element}/value`, { text });
  }

  /** Sets files on an `<input type=file>` the WebDriver way (its paths as keys), which both
   *  drivers hand to the input as the file chooser would. Files made in the test are written to
   *  a folder first. */
  async setFiles(selector, files) {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-files-'));
    this.fileDirs = [...(this.fileDirs ?? []), dir];
    const paths = files.map((f) => {
      if (typeof f === 'string') return f;
      const path = join(dir, f.name);
      writeFileSync(path, f.buffer);
      return path;
    });
    await this.session.command('POST', `/element/${await this.#element(selector)}/value`, { text: paths.join('\n') });
  }

  /** Sets a folder on an `<input type=file webkitdirectory>`. Neither driver can pick a folder
   *  (geckodriver refuses a folder's path, WebKitWebDriver gives the folder as one unreadable
   *  file), so the nearest real thing: the folder's files are set from disk, the WebDriver way,
   *  on an input of the test's; each is given the path a folder chooser gives it (from the
   *  folder's name, `webkitRelativePath`), and they are handed to the page's input with the
   *  `change` event a chooser fires. */
  async setFolder(selector, dir) {
    const files = filesUnder(dir);
    const paths = files.map((f) => [basename(dir), ...relative(dir, f).split(sep)].join('/'));
    const helper = 'e2e-folder-files';
    await this.evaluate((id) => {
      const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true, id });
      document.body.append(input);
    }, helper);
    await this.session.command('POST', `/element/${await this.#element(`#${helper}`)}/value`, { text: files.join('\n') });
    const handed = await this.evaluate(([selector, id, paths]) => {
      const chosen = document.getElementById(id);
      const files = [...chosen.files];
      chosen.remove();
      if (files.length !== paths.length) return `the driver set ${files.length} of ${paths.length} files`;
      const transfer = new DataTransfer();
      for (const [i, file] of files.entries()) {
        if (file.name !== paths[i].split('/').pop()) return `file ${i} is ${file.name}, not ${paths[i]}`;
        Object.defineProperty(file, 'webkitRelativePath', { value: paths[i] });
        transfer.items.add(file);
      }
      const input = document.querySelector(selector);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return 'ok';
    }, [selector, helper, paths]);
    assert.equal(handed, 'ok', `the folder's files reach ${selector}`);
  }

  /** Clicks `selector` and gives the file it hands the browser. Firefox: the browser's own
   *  download, from its download folder. WebKitGTK: the Blob behind the `<a download>` (see
   *  `pageHooks`). */
  async download(selector, { timeout = 3 * STEP_TIMEOUT_MS } = {}) {
    if (this.engine === 'webkit') {
      const before = await this.evaluate(() => window.__e2e.downloads.length);
      await this.click(selector);
      const entry = await this.waitFor(
        (n) => {
          const d = window.__e2e.downloads[n];
          return d && (d.data !== null || d.error !== null) ? d : null;
        },
        before,
        { timeout, what: `the file ${selector} hands over` },
      ).catch(async (error) => {
        const seen = await this.evaluate(() => ({
          downloads: window.__e2e?.downloads.map((d) => [d.name, d.data?.length ?? null, d.error]),
          problems: [...document.querySelectorAll('[role=alert]')].map((e) => e.textContent).filter(Boolean),
        })).catch((e) => e.message);
        throw new Error(`${error.message}; the page had ${JSON.stringify(seen)}`);
      });
      assert.equal(entry.error, null, `the file ${selector} hands over could not be read`);
      return { name: entry.name, bytes: Buffer.from(entry.data, 'base64') };
    }
    const dir = this.session.downloads;
    const had = new Set(readdirSync(dir));
    await this.click(selector);
    const deadline = Date.now() + timeout;
    for (;;) {
      const names = readdirSync(dir);
      const fresh = names.filter((n) => !had.has(n) && !n.endsWith('.part'));
      const busy = names.some((n) => n.endsWith('.part'));
      if (fresh.length === 1 && !busy) {
        const path = join(dir, fresh[0]);
        const size = statSync(path).size;
        await sleep(POLL_MS);
        if (statSync(path).size === size && size > 0) {
          const bytes = readFileSync(path);
          rmSync(path);
          return { name: fresh[0], bytes };
        }
      }
      if (Date.now() > deadline) throw new Error(`no download after clicking ${selector} (in ${dir}: ${names})`);
      await sleep(POLL_MS);
    }
  }

  /** WebDriver pages run it in place: the console is not read here, so the page's CSP reports
   *  do not count. */
  async evaluateAside(fn, arg) {
    return this.evaluate(fn, arg);
  }

  async problems() {
    const now = await this.evaluate(() => window.__e2e?.problems ?? []).catch(() => []);
    return [...this.earlier, ...now];
  }

  /** Deletes what the page's origin stored (so the next page starts as a fresh context does)
   *  and leaves it. */
  async close() {
    if (this.closed) return;
    this.closed = true;
    if (this.browser.open === this) this.browser.open = null;
    await this.evaluate(async () => {
      if (!/^https?:$/.test(location.protocol)) return;
      const names = (await indexedDB.databases?.()) ?? [{ name: 'coverage-explorer' }];
      await Promise.all(
        names.map(({ name }) => new Promise((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = resolve;
        })),
      );
      localStorage.clear();
      sessionStorage.clear();
    }).catch(() => {});
    await this.session.command('POST', '/url', { url: 'about:blank' }).catch(() => {});
    for (const dir of this.fileDirs ?? []) rmSync(dir, { recursive: true, force: true });
  }
}

