// End-to-end tests of "Export this view" (#export-articles, #export-edges, #export-gexf,
// #export-svg, #export-png), in each browser engine E2E_BROWSERS names (default Chromium;
// driver.mjs says how each is driven, and how a download is caught in each): each button hands
// the browser a download made in the page, and what it holds follows the filters shown. The XML
// files are read back with the browser's own parser, and the GEXF also with networkx when
// python3 has it. `cargo xtask test` serves dist/ and runs this file, through e2e/browsers.mjs,
// with E2E_BASE_URL set; by hand: `cargo xtask serve`, then
//   E2E_BASE_URL=http://127.0.0.1:8080/ E2E_BROWSERS=chromium,firefox,webkit xvfb-run -a node e2e/export.mjs

import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, SEED_ACTOR, SEED_ARTICLES, STEP_TIMEOUT_MS, TEST_TIMEOUT_MS, records } from './helpers.mjs';
import { browserFor, chosenEngines, closeBrowsers, title } from './driver.mjs';

/** A fresh page on `path` (a hash) of the served explorer. */
async function withPage(engine, path, body) {
  const page = await (await browserFor(engine)).newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(new URL(path, BASE_URL).href);
    await page.rendered(6 * STEP_TIMEOUT_MS);
    await body(page);
    assert.deepEqual(await page.requestsElsewhere(BASE_URL.origin), [], 'exports stay in the page: no other origin');
    assert.deepEqual(await page.problems(), [], 'exports stay in the page: no errors');
  } finally {
    await page.close();
  }
}

async function listedSources(page) {
  return page.evaluate(() => [...document.querySelectorAll('#articles [data-source]')].map((i) => i.dataset.source));
}

/** The pairs among the map's actors, as the table view lists them (id pairs, sorted). */
async function mapActors(page) {
  return page.evaluate(() => [...document.querySelectorAll('svg#map [data-actor]')].map((n) => n.dataset.actor).sort());
}

/** What the browser's XML parser makes of `text`: the parse error, if any, and a few facts.
 *  Parsed aside from the explorer where the engine allows (its CSP would report every style
 *  attribute of a parsed SVG as a violation). */
async function parseXml(page, text, type) {
  return page.evaluateAside(parseIn, { text, type });
}

function parseIn({ text, type }) {
  {
      const doc = new DOMParser().parseFromString(text, type);
      const error = doc.getElementsByTagName('parsererror')[0];
      if (error) return { error: error.textContent };
      const all = [...doc.getElementsByTagName('*')];
      return {
        error: null,
        root: doc.documentElement.localName,
        namespace: doc.documentElement.namespaceURI,
        nodes: [...doc.getElementsByTagName('node')].map((n) => [n.getAttribute('id'), n.getAttribute('label')]),
        edges: [...doc.getElementsByTagName('edge')].map((e) => [e.getAttribute('source'), e.getAttribute('target')]),
        edgeValues: [...doc.getElementsByTagName('edge')].map((e) =>
          Object.fromEntries(
            [...e.getElementsByTagName('attvalue')].map((v) => [v.getAttribute('for'), v.getAttribute('value')]),
          ),
        ),
        edgeAttributes: [...doc.getElementsByTagName('attributes')]
          .filter((a) => a.getAttribute('class') === 'edge')
          .flatMap((a) => [...a.getElementsByTagName('attribute')].map((x) => x.getAttribute('id'))),
        defaultEdgeType: doc.getElementsByTagName('graph')[0]?.getAttribute('defaultedgetype') ?? null,
        description: doc.getElementsByTagName('description')[0]?.textContent ?? null,
        classes: all.filter((e) => e.hasAttribute('class')).length,
        texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent),
        scripts: all.filter((e) => e.localName === 'script' || e.localName === 'foreignObject').length,
        width: doc.documentElement.getAttribute('width'),
        height: doc.documentElement.getAttribute('height'),
      };
  }
}

/** networkx's reading of a GEXF file, or null when python3 has no networkx. */
function networkx(path) {
  const script = [
    'import json, sys, networkx as nx',
    'g = nx.read_gexf(sys.argv[1])',
    'print(json.dumps({"directed": g.is_directed(), "nodes": sorted(g.nodes()),',
    '  "labels": sorted(d.get("label", "") for _, d in g.nodes(data=True)),',
    '  "edges": g.number_of_edges(), "weights": sorted(d.get("weight", 0) for _, _, d in g.edges(data=True))}))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script, path], { encoding: 'utf8' });
  if (run.error || /No module named/.test(run.stderr)) return null;
  assert.equal(run.status, 0, `networkx could not read the GEXF: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

after(closeBrowsers);

for (const engine of chosenEngines(['chromium'])) {
  describe(`export this view (${title(engine)})`, { timeout: 10 * TEST_TIMEOUT_MS }, () => {
    test('the articles CSV holds the matching articles, and follows a filter', { timeout: TEST_TIMEOUT_MS }, async () => {
      await withPage(engine, '', async (page) => {
        const all = await page.download('#export-articles');
        assert.equal(all.name, 'coverage-articles-all.csv');
        const everyArticle = records(all.bytes.toString('utf8'));
        assert.equal(everyArticle.length, SEED_ARTICLES);

        const count = await page.clickActor(SEED_ACTOR);
        const some = await page.download('#export-articles');
        assert.equal(some.name, `coverage-articles-${SEED_ACTOR}.csv`, 'the file is named after the filter');
        const rows = records(some.bytes.toString('utf8'));
        assert.equal(rows.length, count, 'one row per matching article');
        assert.ok(rows.length < everyArticle.length, 'the filter narrows the file');
        assert.deepEqual(
          rows.map((r) => r.source).sort(),
          (await listedSources(page)).sort(),
          'the rows are the articles the list shows',
        );
        for (const row of rows) {
          assert.ok(row.actor_ids.split('; ').includes(SEED_ACTOR), `${row.source} names ${SEED_ACTOR}: ${row.actor_ids}`);
        }
        assert.match(
          (await page.text('.export-status')) ?? '',
          new RegExp(`Saved coverage-articles-${SEED_ACTOR}\\.csv: ${count} articles`),
        );
      });
    });

    test('the edges CSV and the GEXF graph are the map under the filters', { timeout: TEST_TIMEOUT_MS }, async () => {
      await withPage(engine, '#years=2019', async (page) => {
        const matches = await page.matchCount();
        assert.ok(matches > 0 && matches < SEED_ARTICLES, `a year filter narrows the seeds (got ${matches})`);
        const actors = await mapActors(page);
        assert.ok(actors.length >= 2, `the map shows actors (got ${actors})`);

        const csv = await page.download('#export-edges');
        assert.equal(csv.name, 'coverage-edges-2019.csv');
        const edges = records(csv.bytes.toString('utf8'));
        assert.ok(edges.length > 0, 'the map has pairs');
        for (const e of edges) {
          assert.ok(actors.includes(e.source) && actors.includes(e.target), `${e.source}–${e.target} are on the map`);
          assert.ok(Number(e.articles) >= 1 && Number(e.articles) <= matches, `a pair's articles are among the matches`);
        }

        const gexf = await page.download('#export-gexf');
        assert.equal(gexf.name, 'coverage-graph-2019.gexf');
        const text = gexf.bytes.toString('utf8');
        const parsed = await parseXml(page, text, 'application/xml');
        assert.equal(parsed.error, null, `the GEXF parses: ${parsed.error}`);
        assert.equal(parsed.root, 'gexf');
        assert.equal(parsed.namespace, 'http://gexf.net/1.3');
        assert.deepEqual(parsed.nodes.map(([id]) => id).sort(), actors, 'its nodes are the actors on the map');
        assert.deepEqual(
          parsed.edges.map(([s, t]) => `${s} ${t}`).sort(),
          edges.map((e) => `${e.source} ${e.target}`).sort(),
          'its edges are the CSV rows',
        );
        assert.equal(parsed.defaultEdgeType, 'undirected', 'a pair is one edge, whoever acts');
        // Who acts on whom: counts of the pair's sentences, declared and given for every edge.
        for (const id of ['source_acts', 'target_acts', 'mutual']) {
          assert.ok(parsed.edgeAttributes.includes(id), `the GEXF declares ${id}`);
        }
        const byPair = new Map(edges.map((e) => [`${e.source} ${e.target}`, e]));
        let directed = 0;
        parsed.edges.forEach(([s, t], i) => {
          const v = parsed.edgeValues[i];
          const row = byPair.get(`${s} ${t}`);
          const acts = ['source_acts', 'target_acts', 'mutual'].map((k) => Number(v[k]));
          assert.ok(acts.every((n) => Number.isInteger(n) && n >= 0), `${s}–${t} says who acts: ${JSON.stringify(v)}`);
          const sentences = Number(row.cooperation) + Number(row.conflict) + Number(row.neutral);
          const said = acts.reduce((a, b) => a + b, 0);
          assert.ok(said <= sentences, `${s}–${t}: ${said} directed of ${sentences} sentences`);
          directed += said;
        });
        assert.ok(directed > 0, 'some sentence of the view says who acts');
        assert.match(parsed.description, /of 5 articles, dated 2019/, 'the file says which view it holds');

        // Where python3 has networkx, it reads the same graph.
        const folder = mkdtempSync(join(tmpdir(), 'export-'));
        const file = join(folder, gexf.name);
        writeFileSync(file, gexf.bytes);
        const nx = networkx(file);
        rmSync(folder, { recursive: true, force: true });
        if (nx) {
          assert.equal(nx.directed, false);
          assert.deepEqual(nx.nodes, actors);
          assert.equal(nx.edges, edges.length);
          assert.deepEqual(
            nx.weights,
            edges.map((e) => Number(e.articles)).sort((a, b) => a - b),
          );
        }
      });
    });

    test('the map picture is a standalone SVG and a PNG of the map shown', { timeout: TEST_TIMEOUT_MS }, async () => {
      await withPage(engine, `#actors=${SEED_ACTOR}`, async (page) => {
        const labels = await page.texts('svg#map .node-label');
        assert.ok(labels.length >= 2, 'the map has labels');

        const svg = await page.download('#export-svg');
        assert.equal(svg.name, `coverage-map-${SEED_ACTOR}.svg`);
        const parsed = await parseXml(page, svg.bytes.toString('utf8'), 'image/svg+xml');
        assert.equal(parsed.error, null, `the SVG parses: ${parsed.error}`);
        assert.equal(parsed.root, 'svg');
        assert.equal(parsed.namespace, 'http://www.w3.org/2000/svg');
        assert.equal(parsed.classes, 0, 'colours are written inline: no class needs the page style sheet');
        assert.equal(parsed.scripts, 0);
        for (const label of labels) assert.ok(parsed.texts.includes(label), `the picture names ${label}`);
        assert.ok(
          parsed.texts.some((t) => t.includes('naming Moon Jae-in')),
          `the picture says which view it shows: ${parsed.texts.slice(0, 3)}`,
        );

        const png = await page.download('#export-png');
        assert.equal(png.name, `coverage-map-${SEED_ACTOR}.png`);
        assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
        const [width, height] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
        assert.equal(width, 2 * Number(parsed.width), 'the PNG is the SVG at twice the pixels');
        assert.equal(height, 2 * Math.round(Number(parsed.height)));
        assert.ok(png.bytes.length > 20_000, `the PNG has a picture in it (${png.bytes.length} bytes)`);

        // The table view has no picture to save.
        await page.click('#map-table');
        await page.waitForSelector('table#edge-table');
        const disabled = (id) => page.evaluate((id) => document.getElementById(id).disabled, id);
        assert.equal(await disabled('export-svg'), true);
        assert.equal(await disabled('export-png'), true);
        assert.equal(await disabled('export-gexf'), false);
      });
    });
  });
}
