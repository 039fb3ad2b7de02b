// The side-by-side benchmark: our engine (wasm, crates/bench-wasm) and crossfilter2 answer the
// same seeded sequence of filter changes over the same articles; both answers are compared for
// every query; d3-force and our layout place the same top-300 graph. `cargo xtask bench` serves
// this folder and reads `window.benchResult`; by hand, open index.html?size=10000.
//
// What one query is, for both engines: a filter change -> the matching articles, the counts of
// every facet (actors, years, outlets; each counted under the other facets' selections) and the
// 30 strongest edges among the 30 most-named actors of the matches.
//
// Actor selections combine with "any" in the timed, cross-checked run: crossfilter's array
// dimension filters "any of the values", and an "all of them" filter on another dimension would
// also filter the actor group, which our facet counts (and crossfilter's own contract) do not.
// Our "all" mode is timed on the same selections, without a crossfilter counterpart.

import init, { Bench } from './pkg/bench_wasm.js';

const params = new URLSearchParams(location.search);
const SIZE = params.get('size') ?? '10000';
const QUERIES = Number(params.get('queries') ?? 1000);
const WARMUP = Number(params.get('warmup') ?? 100);
const SEED = Number(params.get('seed') ?? 20240611);
const NODES = 30;
const EDGES = 30;
const LAYOUT_NODES = 300;
const LAYOUT_RUNS = 5;
const MAX_PER_FACET = 3;

const out = document.getElementById('out');
const log = (line) => {
  out.textContent = out.textContent === 'running…' ? line : `${out.textContent}\n${line}`;
};

/** mulberry32: a small seeded generator, the same sequence in every browser. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}
const round = (x, digits = 4) => Number(x.toFixed(digits));

/** A file of the benchmark, tried three times (a busy local server may drop a connection). */
async function fetchOk(url) {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function fetchBytes(url) {
  return new Uint8Array(await (await fetchOk(url)).arrayBuffer());
}

/** Our answer, unpacked from `Bench::query`'s flat array. */
function unpack(flat) {
  let at = 0;
  const matches = flat[at++];
  const take = () => {
    const n = flat[at++];
    const part = flat.subarray(at, at + n);
    at += n;
    return part;
  };
  const actors = take();
  const years = take();
  const outlets = take();
  const edgeCount = flat[at++];
  const edges = [];
  for (let e = 0; e < edgeCount; e++, at += 6) edges.push(Array.from(flat.subarray(at, at + 6)));
  return { matches, actors, years, outlets, edges };
}

/** crossfilter2 over the same articles, with the same question asked of it. */
class Crossfilter {
  constructor(facts, yearKeys) {
    const n = facts.articles;
    this.A = facts.actors;
    this.O = facts.outlets;
    this.yearSlot = new Map(yearKeys.map((y, i) => [y, i]));
    this.Y = yearKeys.length;
    this.pairA = Int32Array.from(facts.pair_a);
    this.pairB = Int32Array.from(facts.pair_b);
    this.tone = Int32Array.from(facts.pair_tone);
    const records = new Array(n);
    for (let i = 0; i < n; i++) {
      records[i] = {
        actors: facts.actor_list.slice(facts.actor_start[i], facts.actor_start[i + 1]),
        year: facts.year[i],
        outlet: facts.outlet[i],
        duplicate: facts.duplicate[i] === 1,
        p0: facts.pair_start[i],
        p1: facts.pair_start[i + 1],
      };
    }
    const started = performance.now();
    this.cf = crossfilter(records);
    this.dims = {
      actors: this.cf.dimension((d) => d.actors, true),
      years: this.cf.dimension((d) => d.year),
      outlets: this.cf.dimension((d) => d.outlet),
    };
    this.groups = {
      actors: this.dims.actors.group(),
      years: this.dims.years.group(),
      outlets: this.dims.outlets.group(),
    };
    this.buildMs = performance.now() - started;
  }

  /** Applies one facet's new value set: crossfilter's fastest filter for its size. */
  filter(facet, values) {
    const dim = this.dims[facet];
    if (values.length === 0) dim.filterAll();
    else if (values.length === 1) dim.filterExact(values[0]);
    else {
      const set = new Set(values);
      dim.filterFunction((v) => set.has(v));
    }
  }

  answer() {
    const actors = new Uint32Array(this.A);
    for (const g of this.groups.actors.all()) actors[g.key] = g.value;
    const years = new Uint32Array(this.Y);
    for (const g of this.groups.years.all()) years[this.yearSlot.get(g.key)] = g.value;
    const outlets = new Uint32Array(this.O + 1);
    for (const g of this.groups.outlets.all()) outlets[g.key < 0 ? this.O : g.key] = g.value;
    const rows = this.cf.allFiltered();
    // The map: the most-named actors of the matches, then the edges among them.
    const named = new Uint32Array(this.A);
    for (const r of rows) for (const a of r.actors) named[a]++;
    const top = [];
    for (let a = 0; a < this.A; a++) if (named[a] > 0) top.push(a);
    top.sort((x, y) => named[y] - named[x] || x - y);
    top.length = Math.min(top.length, NODES);
    const slot = new Int32Array(this.A).fill(-1);
    top.forEach((a, i) => (slot[a] = i));
    const N = top.length;
    const art = new Uint32Array(N * N);
    const tone = new Uint32Array(N * N * 3);
    const { pairA, pairB } = this;
    for (const r of rows) {
      if (r.duplicate) continue;
      for (let p = r.p0; p < r.p1; p++) {
        const sa = slot[pairA[p]];
        const sb = slot[pairB[p]];
        if (sa < 0 || sb < 0) continue;
        const k = sa * N + sb;
        art[k]++;
        tone[3 * k] += this.tone[3 * p];
        tone[3 * k + 1] += this.tone[3 * p + 1];
        tone[3 * k + 2] += this.tone[3 * p + 2];
      }
    }
    const edges = [];
    for (let k = 0; k < N * N; k++) {
      if (art[k] === 0) continue;
      const a = top[Math.floor(k / N)];
      const b = top[k % N];
      edges.push([a, b, art[k], tone[3 * k], tone[3 * k + 1], tone[3 * k + 2]]);
    }
    const total = (e) => e[3] + e[4] + e[5];
    edges.sort((x, y) => y[2] - x[2] || total(y) - total(x) || x[0] - y[0] || x[1] - y[1]);
    edges.length = Math.min(edges.length, EDGES);
    return { matches: rows.length, actors, years, outlets, edges };
  }
}

/** The seeded filter changes: toggles of one actor, year or outlet, now and then a reset. Each
 *  facet holds at most three values; a fourth replaces the oldest. Actors are drawn mostly from
 *  the 20 most-named (what a reader clicks), else from all. */
function sequence(seed, count, topActors, allActors, yearKeys, outlets) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const state = { actors: [], years: [], outlets: [] };
  const steps = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const changed = [];
    if (r < 0.06 && (state.actors.length || state.years.length || state.outlets.length)) {
      for (const facet of ['actors', 'years', 'outlets']) {
        if (state[facet].length) changed.push(facet);
        state[facet] = [];
      }
    } else {
      let facet;
      let value;
      if (r < 0.5) {
        facet = 'actors';
        value = rand() < 0.7 ? pick(topActors) : pick(allActors);
      } else if (r < 0.75) {
        facet = 'years';
        value = pick(yearKeys);
      } else {
        facet = 'outlets';
        value = Math.floor(rand() * (outlets + 1)) - 1;
      }
      const list = state[facet];
      const at = list.indexOf(value);
      if (at >= 0) list.splice(at, 1);
      else {
        if (list.length >= MAX_PER_FACET) list.shift();
        list.push(value);
      }
      changed.push(facet);
    }
    steps.push({
      changed,
      actors: Uint32Array.from(state.actors),
      years: Int32Array.from(state.years),
      outlets: Int32Array.from(state.outlets),
    });
  }
  return steps;
}

function sameCounts(x, y) {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function compare(ours, theirs) {
  const problems = [];
  if (ours.matches !== theirs.matches) problems.push(`matches ${ours.matches} vs ${theirs.matches}`);
  for (const facet of ['actors', 'years', 'outlets']) {
    if (!sameCounts(ours[facet], theirs[facet])) problems.push(`${facet} counts differ`);
  }
  if (JSON.stringify(ours.edges) !== JSON.stringify(theirs.edges)) problems.push('top edges differ');
  return problems;
}

function runLayouts(bench) {
  const graph = bench.top_graph(LAYOUT_NODES);
  const n = graph[0];
  const edgeCount = graph[n + 1];
  const links = [];
  for (let e = 0, at = n + 2; e < edgeCount; e++, at += 3) {
    links.push({ source: graph[at], target: graph[at + 1], weight: graph[at + 2] });
  }
  const ours = [];
  for (let run = 0; run < LAYOUT_RUNS; run++) {
    const t = performance.now();
    bench.layout();
    ours.push(performance.now() - t);
  }
  const d3Times = [];
  let ticks = 0;
  for (let run = 0; run < LAYOUT_RUNS; run++) {
    const nodes = Array.from({ length: n }, (_, index) => ({ index }));
    const linkCopies = links.map((l) => ({ ...l }));
    const t = performance.now();
    const sim = d3
      .forceSimulation(nodes)
      .force('charge', d3.forceManyBody())
      .force('link', d3.forceLink(linkCopies))
      .force('center', d3.forceCenter(0, 0))
      .stop();
    ticks = 0;
    while (sim.alpha() >= sim.alphaMin()) {
      sim.tick();
      ticks++;
    }
    d3Times.push(performance.now() - t);
  }
  return {
    nodes: n,
    edges: edgeCount,
    ours_ms: round(median(ours)),
    d3_force_ms: round(median(d3Times)),
    d3_force_ticks: ticks,
  };
}

async function main() {
  window.benchStarted = true;
  // Start once the page has loaded: the run blocks the main thread for a while.
  if (document.readyState !== 'complete') await new Promise((r) => addEventListener('load', r, { once: true }));
  const wasm = await init();
  const [bundle, facts] = await Promise.all([
    fetchBytes(`data/${SIZE}/bundle.bin`),
    fetchOk(`data/${SIZE}/facts.json`).then((r) => r.json()),
  ]);
  const memoryBefore = wasm.memory.buffer.byteLength;
  let t = performance.now();
  const bench = new Bench(bundle);
  const decodeMs = performance.now() - t;
  // Once more, now that the engine's code has been compiled by the optimising tier: the first
  // decode is what a page pays at start-up, this one what the code itself costs.
  t = performance.now();
  new Bench(bundle).free();
  const decodeAgainMs = performance.now() - t;
  if (params.get('mode') === 'decode') {
    const layout = runLayouts(bench);
    window.benchResult = { decode_ms: decodeMs, decode_again_ms: decodeAgainMs, layout, memory: wasm.memory.buffer.byteLength };
    log(JSON.stringify(window.benchResult));
    return;
  }
  const yearKeys = Array.from(bench.years());
  const cf = new Crossfilter(facts, yearKeys);
  log(`${bench.articles()} articles, ${bench.actors()} actors, ${yearKeys.length} years, ${bench.outlets()} outlets; decode ${decodeMs.toFixed(1)} ms; crossfilter build ${cf.buildMs.toFixed(1)} ms`);

  const everything = unpack(bench.query(new Uint32Array(), true, new Int32Array(), new Int32Array(), NODES, EDGES));
  const byCount = Array.from({ length: everything.actors.length }, (_, a) => a)
    .filter((a) => everything.actors[a] > 0)
    .sort((x, y) => everything.actors[y] - everything.actors[x] || x - y);
  const topActors = byCount.slice(0, 20);
  const outlets = bench.outlets();

  const run = (steps, timed) => {
    const oursMs = [];
    const cfMs = [];
    const mismatches = [];
    for (const [i, step] of steps.entries()) {
      let t0 = performance.now();
      const flat = bench.query(step.actors, true, step.years, step.outlets, NODES, EDGES);
      oursMs.push(performance.now() - t0);
      t0 = performance.now();
      for (const facet of step.changed) cf.filter(facet, Array.from(step[facet]));
      const theirs = cf.answer();
      cfMs.push(performance.now() - t0);
      if (timed) {
        const problems = compare(unpack(flat), theirs);
        if (problems.length && mismatches.length < 5) {
          mismatches.push({ query: i, actors: [...step.actors], years: [...step.years], outlets: [...step.outlets], problems });
        }
        if (problems.length) mismatches.count = (mismatches.count ?? 0) + 1;
      }
    }
    return { oursMs, cfMs, mismatches };
  };
  const reset = () => {
    for (const facet of ['actors', 'years', 'outlets']) cf.filter(facet, []);
  };

  // Warm-up on another sequence (JIT, caches), then the timed one from a clean state.
  run(sequence(SEED + 1, WARMUP, topActors, byCount, yearKeys, outlets), false);
  reset();
  const steps = sequence(SEED, QUERIES, topActors, byCount, yearKeys, outlets);
  const { oursMs, cfMs, mismatches } = run(steps, true);
  // Our "all" mode on the same selections (no crossfilter counterpart, see the top).
  const allMs = steps.map((step) => {
    const t0 = performance.now();
    bench.query(step.actors, false, step.years, step.outlets, NODES, EDGES);
    return performance.now() - t0;
  });
  const layout = runLayouts(bench);
  const result = {
    articles: bench.articles(),
    actors: bench.actors(),
    queries: steps.length,
    cross_check: mismatches.length === 0 ? 'pass' : 'fail',
    mismatched_queries: mismatches.count ?? 0,
    mismatches,
    timer_resolution: crossOriginIsolated ? 'isolated (5 µs)' : 'not isolated (100 µs)',
    ours: {
      median_ms: round(median(oursMs)),
      p95_ms: round(quantile(oursMs, 0.95)),
      max_ms: round(Math.max(...oursMs)),
      all_mode_median_ms: round(median(allMs)),
      all_mode_p95_ms: round(quantile(allMs, 0.95)),
      decode_ms: round(decodeMs, 2),
      decode_again_ms: round(decodeAgainMs, 2),
      bundle_bytes: bundle.length,
      wasm_memory_bytes: wasm.memory.buffer.byteLength,
      wasm_memory_before_decode_bytes: memoryBefore,
    },
    crossfilter2: {
      median_ms: round(median(cfMs)),
      p95_ms: round(quantile(cfMs, 0.95)),
      max_ms: round(Math.max(...cfMs)),
      build_ms: round(cf.buildMs, 2),
      js_heap_bytes: performance.memory?.usedJSHeapSize,
    },
    layout,
  };
  log(JSON.stringify(result));
  window.benchResult = result;
}

main().catch((error) => {
  log(`failed: ${error.stack ?? error}`);
  window.benchResult = { error: String(error.stack ?? error) };
});
