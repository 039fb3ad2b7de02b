//! `cargo xtask bench`: our engine against crossfilter2 in headless Chromium, measured side by
//! side. For each corpus size it generates synthetic pages (`coverage synth`, into the
//! git-ignored `bench/corpus/<size>/`), reads them natively into a bundle (`coverage bundle`),
//! writes the same per-article facts as JSON for crossfilter, builds `crates/bench-wasm`, and
//! serves `bench/page` to `bench/run.mjs`. Then it builds the explorer itself on the largest
//! corpus and checks it with `bench/explorer.mjs`. It writes `bench/results.json`
//! (`coverage-bench/1`) and the measured section of `docs/PERFORMANCE.md`. Last, "Add your
//! pages": the seeds' page is built, its first load and the reading worker's wasm are weighed
//! (gzip), and `bench/add-pages.mjs` adds the 10,000 synthetic pages to it in the browser
//! (`--only-add-pages` runs that part alone, into the results already written). Nothing here
//! asserts a time: the numbers are printed and written down, and the targets are compared in
//! the table.

use crate::tools::{self, Needs, WASM_TARGET};
use crate::{Ctx, Result, build, run, run_streaming, serve};
use coverage_core::bundle::{Bundle, NONE};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The synthetic corpora's seed: the same pages on every machine.
const SEED: u64 = 20_240_611;
pub const DEFAULT_SIZES: [usize; 2] = [10_000, 100_000];
/// The synthetic pages added in the page ("Add your pages"): about 36 MB.
const ADD_PAGES_SIZE: usize = 10_000;
const BEGIN: &str =
    "<!-- bench:begin (written by `cargo xtask bench`; edit outside these marks) -->";
const END: &str = "<!-- bench:end -->";

pub struct Options {
    pub sizes: Vec<usize>,
    pub queries: usize,
    /// Also build and check the explorer page on the largest corpus.
    pub explorer: bool,
    /// Only measure "Add your pages", into the results already written.
    pub only_add_pages: bool,
}

pub fn parse(args: &[String]) -> Result<Options> {
    let mut opts = Options {
        sizes: DEFAULT_SIZES.to_vec(),
        queries: 1000,
        explorer: true,
        only_add_pages: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next().cloned())
                .ok_or(format!("{name} needs a value"))
        };
        match name {
            "--sizes" => {
                opts.sizes = value()?
                    .split(',')
                    .map(|s| s.trim().replace('_', "").parse::<usize>())
                    .collect::<std::result::Result<_, _>>()
                    .map_err(|_| "--sizes takes article counts, e.g. `--sizes 10000,100000`")?;
                if opts.sizes.is_empty() || opts.sizes.contains(&0) {
                    return Err("--sizes needs at least one count above 0".into());
                }
            }
            "--queries" => {
                opts.queries = value()?
                    .parse()
                    .map_err(|_| "--queries takes a number, e.g. `--queries 1000`")?;
            }
            "--no-explorer" => opts.explorer = false,
            "--only-add-pages" => opts.only_add_pages = true,
            other => return Err(format!("unknown option `{other}` for bench")),
        }
    }
    Ok(opts)
}

/// One corpus size's files.
struct Prepared {
    size: usize,
    /// The bundle `coverage bundle` wrote (text chunks in `chunks/` beside it).
    bundle: PathBuf,
    /// What `coverage bundle` said: articles, MB read and MB/s.
    ingest: String,
    bundle_bytes: usize,
    bundle_gz_bytes: usize,
}

pub fn run_bench(ctx: &Ctx, opts: &Options) -> Result {
    tools::ensure(ctx, Needs::Test)?;
    let work = ctx.target_dir().join("bench");
    let page = work.join("page");
    println!("==> the `coverage` command (release)");
    run(ctx
        .cargo()
        .args(["build", "--release", "--quiet", "-p", "coverage-cli"]))?;
    let coverage = ctx.target_dir().join("release/coverage");
    if opts.only_add_pages {
        let path = ctx.root.join("bench/results.json");
        let mut results: Value = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .ok_or("--only-add-pages adds to bench/results.json, which a full run writes first")?;
        results["add_pages"] = add_pages(ctx, &work, &coverage)?;
        let text = serde_json::to_string_pretty(&results).expect("JSON serialises") + "\n";
        write(&path, text.as_bytes())?;
        println!("wrote bench/results.json");
        write_performance(ctx, &results)?;
        println!("wrote docs/PERFORMANCE.md");
        return Ok(());
    }

    let mut prepared = Vec::new();
    for &size in &opts.sizes {
        println!("==> corpus of {size} articles");
        let corpus = corpus(ctx, &coverage, size)?;
        let (bundle_dir, ingest) = bundle(ctx, &coverage, &corpus, size)?;
        let data = page.join("data").join(size.to_string());
        let bytes = read(&bundle_dir.join("bundle.bin"))?;
        write(&data.join("bundle.bin"), &bytes)?;
        write(&data.join("facts.json"), facts(&bytes)?.as_bytes())?;
        prepared.push(Prepared {
            size,
            bundle: bundle_dir.join("bundle.bin"),
            ingest,
            bundle_bytes: bytes.len(),
            bundle_gz_bytes: gzip_len(&bytes),
        });
    }

    println!("==> the benchmark page");
    bench_wasm(ctx, &page)?;
    copy_page(ctx, &page)?;
    let server = serve::Server::start_with(&page, 0, true)?;
    println!("serving {} on {}", page.display(), server.url());
    let sizes: Vec<String> = opts.sizes.iter().map(usize::to_string).collect();
    let mut lines = Vec::new();
    let ok = run_streaming(
        ctx.command("node")
            .arg("bench/run.mjs")
            .env("BENCH_URL", server.url())
            .env("BENCH_SIZES", sizes.join(","))
            .env("BENCH_QUERIES", opts.queries.to_string()),
        |line| lines.push(line.to_string()),
    )?;
    server.stop();
    if !ok {
        return Err("the benchmark page failed; the messages above say why".into());
    }
    let browser = lines
        .iter()
        .find_map(|l| l.strip_prefix("BROWSER "))
        .unwrap_or("Chromium")
        .to_string();
    let mut runs = Vec::new();
    for (line, prep) in lines
        .iter()
        .filter_map(|l| l.strip_prefix("BENCH "))
        .zip(&prepared)
    {
        let mut result: Value = serde_json::from_str(line)
            .map_err(|e| format!("bench/run.mjs printed a line that is not JSON ({e}): {line}"))?;
        result["ours"]["bundle_gz_bytes"] = json!(prep.bundle_gz_bytes);
        result["ours"]["bundle_bytes"] = json!(prep.bundle_bytes);
        result["ingest"] = json!(prep.ingest);
        println!("{}", summary_line(&result));
        runs.push(result);
    }
    if runs.len() != prepared.len() {
        return Err(format!(
            "expected {} results from the page, got {}",
            prepared.len(),
            runs.len()
        ));
    }

    let explorer = match (opts.explorer, prepared.iter().max_by_key(|p| p.size)) {
        (true, Some(largest)) => Some(explorer(ctx, &work, largest)?),
        _ => None,
    };

    let native = native_benches(ctx, prepared.iter().max_by_key(|p| p.size))?;
    // The other figures are written even when this part fails; the section says why.
    let add_pages = add_pages(ctx, &work, &coverage).unwrap_or_else(|e| {
        eprintln!("xtask: \"Add your pages\" was not measured: {e}");
        json!({ "error": e })
    });

    let results = json!({
        "schema": "coverage-bench/1",
        "date": now_iso(),
        "browser": browser,
        "machine": machine(),
        "runs": runs,
        "explorer": explorer,
        "native": native,
        "add_pages": add_pages,
    });
    let text = serde_json::to_string_pretty(&results).expect("JSON serialises") + "\n";
    write(&ctx.root.join("bench/results.json"), text.as_bytes())?;
    println!("wrote bench/results.json");
    write_performance(ctx, &results)?;
    println!("wrote docs/PERFORMANCE.md");
    // The schema check is a test of the corpus crate's suite, so a hand-edited file is checked too.
    run(ctx.cargo().args([
        "test",
        "--quiet",
        "-p",
        "coverage-corpus",
        "--test",
        "bench_results",
    ]))
}

/// The engine's divan benchmarks, natively on this machine: ingest (one thread, ~50 MB of
/// synthetic pages) and the index (decode, build, queries, layout) on the largest bundle. Their
/// tables go into PERFORMANCE.md as printed; the ingest median MB/s goes into the targets.
fn native_benches(ctx: &Ctx, largest: Option<&Prepared>) -> Result<Value> {
    println!("==> native benchmarks (divan)");
    let mut tables = serde_json::Map::new();
    for name in ["ingest", "index"] {
        let mut cargo = ctx.cargo();
        cargo.args([
            "bench",
            "--quiet",
            "-p",
            bench_package(name),
            "--bench",
            name,
        ]);
        if let (Some(p), "index") = (largest, name) {
            cargo.env("COVERAGE_BENCH_BUNDLE", &p.bundle);
        }
        let mut out = String::new();
        if !run_streaming(&mut cargo, |line| {
            out.push_str(line);
            out.push('\n');
        })? {
            return Err(format!("`cargo bench --bench {name}` failed"));
        }
        tables.insert(name.to_string(), json!(out));
    }
    let ingest = tables["ingest"].as_str().unwrap_or_default();
    Ok(json!({
        "ingest_mb_s": median_throughput(ingest, "read_article"),
        "assemble_mb_s": median_throughput(ingest, "assemble"),
        "tables": tables,
    }))
}

/// The median throughput divan printed for a bench, in MB/s: the `B/s` line under its row,
/// third column (fastest │ slowest │ median │ mean).
fn median_throughput(table: &str, bench: &str) -> Option<f64> {
    let mut lines = table.lines().skip_while(|l| !l.contains(bench));
    lines.next()?;
    let line = lines.take(2).find(|l| l.contains("B/s"))?;
    let cell = line
        .split('│')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .nth(2)?;
    let (number, unit) = cell.split_once(' ')?;
    let scale = match unit {
        "B/s" => 1e-6,
        "KB/s" => 1e-3,
        "MB/s" => 1.0,
        "GB/s" => 1e3,
        _ => return None,
    };
    Some(number.parse::<f64>().ok()? * scale)
}

/// The package whose divan bench `name` is: reading and assembling are the corpus crate's
/// (`ingest`), decoding, queries and layout the core's (`index`).
fn bench_package(name: &str) -> &'static str {
    if name == "ingest" {
        "coverage-corpus"
    } else {
        "coverage-core"
    }
}

/// `bench/corpus/<size>/`: the seed corpus's dictionaries and `size` synthetic pages, made again
/// only when the generator, the seed or the count changed.
fn corpus(ctx: &Ctx, coverage: &Path, size: usize) -> Result<PathBuf> {
    let dir = ctx.root.join("bench/corpus").join(size.to_string());
    for name in ["actors.toml", "outlets.toml", "sources.toml"] {
        let from = ctx.root.join("corpus").join(name);
        write(&dir.join(name), &read(&from)?)?;
    }
    let generator = read(&ctx.root.join("crates/synth/src/lib.rs"))?;
    let stamp = format!(
        "coverage synth --articles {size} --seed {SEED}\nsynth.rs {}\nactors.toml {}\noutlets.toml {}\n",
        sha256(&generator),
        sha256(&read(&dir.join("actors.toml"))?),
        sha256(&read(&dir.join("outlets.toml"))?),
    );
    let stamp_file = dir.join("synth.stamp");
    let articles = dir.join("articles");
    let present = std::fs::read_dir(&articles).map_or(0, |d| d.count());
    if std::fs::read_to_string(&stamp_file).ok().as_deref() == Some(stamp.as_str())
        && present == size
    {
        println!("    reusing {} ({size} pages)", articles.display());
        return Ok(dir);
    }
    let _ = std::fs::remove_dir_all(&articles);
    let _ = std::fs::remove_file(&stamp_file);
    run(ctx
        .command(coverage)
        .args(["synth", "--articles", &size.to_string()])
        .args(["--seed", &SEED.to_string()])
        .arg("--corpus")
        .arg(&dir)
        .arg("--out")
        .arg(&articles))?;
    write(&stamp_file, stamp.as_bytes())?;
    Ok(dir)
}

/// Reads the corpus natively into a bundle (in the target folder), again only when the corpus
/// or the code that reads pages and writes bundles changed (the query and layout code do not
/// count). Returns the folder and what the reading took.
fn bundle(ctx: &Ctx, coverage: &Path, corpus: &Path, size: usize) -> Result<(PathBuf, String)> {
    let dir = ctx.target_dir().join(format!("bench/bundle-{size}"));
    let mut sources = Vec::new();
    for folder in [
        "crates/core/src",
        "crates/reader/src",
        "crates/corpus/src",
        "crates/intake/src",
        "crates/cli/src",
    ] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(ctx.root.join(folder))
            .map_err(|e| format!("{folder}: {e}"))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let name = p.file_name().unwrap_or_default();
                p.is_file() && name != "index.rs" && name != "layout.rs"
            })
            .collect();
        files.sort();
        for file in files {
            sources.extend(read(&file)?);
        }
    }
    let key = format!(
        "{}sources {}\n",
        std::fs::read_to_string(corpus.join("synth.stamp")).unwrap_or_default(),
        sha256(&sources)
    );
    let key_file = dir.join("key");
    let ingest_file = dir.join("ingest.txt");
    if std::fs::read_to_string(&key_file).ok().as_deref() == Some(key.as_str())
        && dir.join("bundle.bin").is_file()
    {
        let ingest = std::fs::read_to_string(&ingest_file).unwrap_or_default();
        println!("    reusing {} ({})", dir.display(), ingest.trim());
        return Ok((dir, ingest.trim().to_string()));
    }
    let _ = std::fs::remove_dir_all(&dir);
    let mut summary = String::new();
    let ok = run_streaming(
        ctx.command(coverage)
            .arg("bundle")
            .arg("--corpus")
            .arg(corpus)
            .arg(corpus.join("articles"))
            .arg("--out")
            .arg(dir.join("bundle.bin")),
        |line| summary = line.to_string(),
    )?;
    if !ok {
        return Err(format!("`coverage bundle` failed on {}", corpus.display()));
    }
    write(&ingest_file, summary.as_bytes())?;
    write(&key_file, key.as_bytes())?;
    Ok((dir, summary))
}

/// The per-article facts crossfilter filters, from the bundle itself so both engines see the
/// same articles: actor lists, year (-1: undated), outlet (-1: none), copy flag, and the actor
/// pairs with their tone counts (CSR, like the bundle's columns).
fn facts(bundle: &[u8]) -> Result<String> {
    let b = Bundle::decode(bundle).map_err(|e| format!("the benchmark bundle: {e}"))?;
    let c = &b.index.columns;
    let n = c.len();
    let list = |xs: &mut dyn Iterator<Item = i64>| -> String {
        let mut s = String::from("[");
        for (i, x) in xs.enumerate() {
            if i > 0 {
                s.push(',');
            }
            let _ = write!(s, "{x}");
        }
        s.push(']');
        s
    };
    let opt = |x: u32| if x == NONE { -1 } else { i64::from(x) };
    let fields = [
        ("articles", n.to_string()),
        ("actors", b.index.actors.len().to_string()),
        ("outlets", b.index.outlets.len().to_string()),
        (
            "actor_start",
            list(&mut c.actor_start.iter().map(|&x| i64::from(x))),
        ),
        (
            "actor_list",
            list(&mut c.actor_list.iter().map(|&x| i64::from(x))),
        ),
        (
            "year",
            list(&mut (0..n).map(|i| c.year(i).map_or(-1, i64::from))),
        ),
        ("outlet", list(&mut c.outlet.iter().map(|&o| opt(o)))),
        (
            "duplicate",
            list(&mut c.duplicate_of.iter().map(|&d| i64::from(d != NONE))),
        ),
        (
            "pair_start",
            list(&mut c.pair_start.iter().map(|&x| i64::from(x))),
        ),
        ("pair_a", list(&mut c.pair_a.iter().map(|&x| i64::from(x)))),
        ("pair_b", list(&mut c.pair_b.iter().map(|&x| i64::from(x)))),
        (
            "pair_tone",
            list(&mut c.pair_tone.iter().flatten().map(|&x| i64::from(x))),
        ),
    ];
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
    Ok(format!("{{{}}}\n", body.join(",\n")))
}

/// `crates/bench-wasm` built as the page's wasm is (same profile, wasm-opt -Oz), bound for the web.
fn bench_wasm(ctx: &Ctx, page: &Path) -> Result {
    run(ctx.cargo().args([
        "build",
        "--quiet",
        "-p",
        "bench-wasm",
        "--target",
        WASM_TARGET,
        "--profile",
        "wasm-release",
    ]))?;
    let wasm = ctx
        .target_dir()
        .join(WASM_TARGET)
        .join("wasm-release/bench_wasm.wasm");
    let pkg = page.join("pkg");
    run(ctx
        .command("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&pkg)
        .arg(&wasm))?;
    let bg = pkg.join("bench_wasm_bg.wasm");
    run(ctx
        .command(ctx.e2e().join("node_modules/.bin/wasm-opt"))
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
        ])
        .args([
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
        ])
        .args(["--enable-multivalue"])
        .arg(&bg)
        .arg("-o")
        .arg(&bg))
}

/// `bench/page/*` and the UMD builds of crossfilter2 and d3-force from `e2e/node_modules`.
fn copy_page(ctx: &Ctx, page: &Path) -> Result {
    for name in ["index.html", "bench.mjs"] {
        write(
            &page.join(name),
            &read(&ctx.root.join("bench/page").join(name))?,
        )?;
    }
    let modules = ctx.e2e().join("node_modules");
    let vendor = [
        "crossfilter2/crossfilter.min.js",
        "d3-dispatch/dist/d3-dispatch.min.js",
        "d3-quadtree/dist/d3-quadtree.min.js",
        "d3-timer/dist/d3-timer.min.js",
        "d3-force/dist/d3-force.min.js",
    ];
    for file in vendor {
        let name = Path::new(file).file_name().unwrap_or_default();
        write(&page.join("vendor").join(name), &read(&modules.join(file))?)?;
    }
    Ok(())
}

/// The explorer page built on the corpus (`COVERAGE_CORPUS`), served, and checked by
/// `bench/explorer.mjs`; returns its result line.
fn explorer(ctx: &Ctx, work: &Path, prep: &Prepared) -> Result<Value> {
    println!(
        "==> the explorer on {} articles (build.rs embeds its bundle)",
        prep.size
    );
    let dist = work.join("explorer");
    let mut trunk = build::command_into(ctx, &dist);
    // build.rs embeds the bundle `coverage bundle` already read from the same pages.
    trunk.env("COVERAGE_BUNDLE", &prep.bundle);
    run(&mut trunk)?;
    build::finish(&dist)?;
    build::copy_chunks(ctx, &dist)?;
    let wasm_bytes: u64 = std::fs::read_dir(&dist)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "wasm"))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    let server = serve::Server::start(&dist, 0)?;
    let mut line = None;
    let ok = run_streaming(
        ctx.command("node")
            .arg("bench/explorer.mjs")
            .env("EXPLORER_URL", server.url())
            .env("EXPLORER_ONEFILE", dist.join(crate::onefile::FILE_NAME))
            .env("EXPLORER_ARTICLES", prep.size.to_string()),
        |l| {
            if let Some(json) = l.strip_prefix("EXPLORER ") {
                line = Some(json.to_string());
            }
        },
    )?;
    server.stop();
    let mut result: Value = line
        .as_deref()
        .and_then(|l| serde_json::from_str(l).ok())
        .ok_or("bench/explorer.mjs printed no result")?;
    result["wasm_bytes"] = json!(wasm_bytes);
    if !ok {
        return Err(format!("the explorer check failed: {result}"));
    }
    Ok(result)
}

/// What the seeds' page loads first: the page, its styles, its start script, its wasm and glue,
/// manifest and icon; not the reading worker's files, nor the service worker.
fn first_load_file(name: &str) -> bool {
    let worker = name.starts_with("coverage-worker") || name == "reader.js";
    let shell = name == "index.html"
        || name == "start.js"
        || name == "manifest.webmanifest"
        || name == "icon.svg"
        || name.ends_with(".css")
        || (name.starts_with("coverage-explorer-")
            && (name.ends_with(".js") || name.ends_with(".wasm")));
    shell && !worker
}

/// "Add your pages": the seeds' page built (into the target folder), its first load and the
/// reader's wasm weighed, and `ADD_PAGES_SIZE` synthetic pages added to it in Chromium by
/// `bench/add-pages.mjs`, whose counts must equal `coverage ingest`'s over the same files.
fn add_pages(ctx: &Ctx, work: &Path, coverage: &Path) -> Result<Value> {
    println!("==> \"Add your pages\": {ADD_PAGES_SIZE} synthetic pages added in the page");
    let corpus = corpus(ctx, coverage, ADD_PAGES_SIZE)?;
    let articles = corpus.join("articles");
    let dist = work.join("seeds");
    let mut trunk = build::command_into(ctx, &dist);
    trunk
        .env_remove("COVERAGE_BUNDLE")
        .env_remove("COVERAGE_CORPUS");
    run(&mut trunk)?;
    build::finish(&dist)?;
    let mut first_load = serde_json::Map::new();
    let mut first_load_total = 0;
    let mut names: Vec<String> = std::fs::read_dir(&dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names.iter().filter(|n| first_load_file(n)) {
        let gz = gzip_len(&read(&dist.join(name))?);
        first_load_total += gz;
        first_load.insert(name.clone(), json!(gz));
    }
    let reader_wasm = read(&dist.join("coverage-worker_bg.wasm"))?;
    // The CLI's summary for the same files and the same (built-in) dictionaries: run where no
    // corpus/ folder is, as the page reads.
    let mut expected = String::new();
    let cli = ctx
        .command(coverage)
        .arg("ingest")
        .arg(&articles)
        .current_dir(work)
        .output()
        .map_err(|e| format!("coverage ingest: {e}"))?;
    for line in String::from_utf8_lossy(&cli.stdout).lines() {
        if line.contains(" pages: ")
            && line
                .split(' ')
                .next()
                .is_some_and(|n| n.parse::<u64>().is_ok())
        {
            expected = line.trim().to_string();
        }
    }
    if expected.is_empty() {
        return Err("coverage ingest printed no summary line for the synthetic pages".into());
    }
    let server = serve::Server::start(&dist, 0)?;
    let mut line = None;
    let ok = run_streaming(
        ctx.command("node")
            .arg("bench/add-pages.mjs")
            .env("ADD_PAGES_URL", server.url())
            .env("ADD_PAGES_DIR", &articles)
            .env("ADD_PAGES_EXPECT", &expected),
        |l| {
            if let Some(json) = l.strip_prefix("ADD_PAGES ") {
                line = Some(json.to_string());
            }
        },
    )?;
    server.stop();
    let mut result: Value = line
        .as_deref()
        .and_then(|l| serde_json::from_str(l).ok())
        .ok_or("bench/add-pages.mjs printed no result")?;
    if !ok {
        return Err(format!("adding pages in the page failed: {result}"));
    }
    result["cli_summary"] = json!(expected);
    result["first_load_gz_bytes"] = json!(first_load_total);
    result["first_load_files_gz"] = Value::Object(first_load);
    result["reader_wasm_bytes"] = json!(reader_wasm.len());
    result["reader_wasm_gz_bytes"] = json!(gzip_len(&reader_wasm));
    result["load_average"] = json!(load_average());
    Ok(result)
}

/// The one-minute load average, which says how shared the machine was.
fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn summary_line(r: &Value) -> String {
    json!({
        "articles": r["articles"],
        "cross_check": r["cross_check"],
        "ours": { "median_ms": r["ours"]["median_ms"], "p95_ms": r["ours"]["p95_ms"] },
        "crossfilter2": { "median_ms": r["crossfilter2"]["median_ms"], "p95_ms": r["crossfilter2"]["p95_ms"] },
    })
    .to_string()
}

/// Rewrites the part of `docs/PERFORMANCE.md` between the bench marks (creating the file when
/// missing); the rest is prose kept by hand.
fn write_performance(ctx: &Ctx, results: &Value) -> Result {
    let path = ctx.root.join("docs/PERFORMANCE.md");
    let old = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| format!("# Performance\n\n{BEGIN}\n{END}\n"));
    write(
        &path,
        splice(&old, BEGIN, END, &performance_section(results)).as_bytes(),
    )
}

/// `old` with what lies between the marks `begin` and `end` replaced by `section` (the marks
/// added at the end if missing). `cargo xtask eval` writes `docs/QUALITY.md` the same way.
pub fn splice(old: &str, begin: &str, end: &str, section: &str) -> String {
    match (old.find(begin), old.find(end)) {
        (Some(b), Some(e)) if b < e => format!(
            "{}{begin}\n{section}{end}{}",
            &old[..b],
            &old[e + end.len()..]
        ),
        _ => format!("{}\n\n{begin}\n{section}{end}\n", old.trim_end()),
    }
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

/// "met" or "missed by N×" for a value against an upper bound.
fn verdict(value: f64, limit: f64) -> String {
    if value.is_nan() {
        "not measured".into()
    } else if value <= limit {
        format!("met ({:.2}× of the limit)", value / limit)
    } else {
        format!("**missed** by {:.2}×", value / limit)
    }
}

fn performance_section(r: &Value) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Measured {} on {} with {}.\n",
        r["date"].as_str().unwrap_or_default(),
        r["machine"].as_str().unwrap_or_default(),
        r["browser"].as_str().unwrap_or_default()
    );
    let _ = writeln!(
        s,
        "| articles | queries | cross-check | ours median / p95 (ms) | ours, \"all\" mode median (ms) | crossfilter2 median / p95 (ms) | ours ÷ crossfilter2 | decode (ms) | index bundle gz (MB) | wasm memory (MB) | crossfilter build (ms) | layout 300 nodes ours / d3-force (ms) |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mb = |v: &Value| num(v) / 1e6;
    for run in r["runs"].as_array().into_iter().flatten() {
        let (o, c, l) = (&run["ours"], &run["crossfilter2"], &run["layout"]);
        let _ = writeln!(
            s,
            "| {} | {} | {} | {:.3} / {:.3} | {:.3} | {:.3} / {:.3} | {:.2} | {:.1} | {:.2} | {:.1} | {:.0} | {:.1} / {:.1} |",
            run["articles"],
            run["queries"],
            run["cross_check"].as_str().unwrap_or_default(),
            num(&o["median_ms"]),
            num(&o["p95_ms"]),
            num(&o["all_mode_median_ms"]),
            num(&c["median_ms"]),
            num(&c["p95_ms"]),
            num(&o["median_ms"]) / num(&c["median_ms"]),
            num(&o["decode_ms"]),
            mb(&o["bundle_gz_bytes"]),
            mb(&o["wasm_memory_bytes"]),
            num(&c["build_ms"]),
            num(&l["ours_ms"]),
            num(&l["d3_force_ms"]),
        );
    }
    if let Some(big) = r["runs"]
        .as_array()
        .and_then(|runs| runs.iter().max_by_key(|x| x["articles"].as_u64()))
    {
        let (o, c, l) = (&big["ours"], &big["crossfilter2"], &big["layout"]);
        let _ = writeln!(s, "\nTargets at {} articles:\n", big["articles"]);
        let _ = writeln!(s, "| target | measured | verdict |\n|---|---|---|");
        let rows = [
            (
                "filter change median ≤ 2 ms",
                format!("{:.3} ms", num(&o["median_ms"])),
                verdict(num(&o["median_ms"]), 2.0),
            ),
            (
                "≤ ½ of crossfilter2's median",
                format!(
                    "{:.3} ms vs {:.3} ms",
                    num(&o["median_ms"]),
                    num(&c["median_ms"])
                ),
                verdict(num(&o["median_ms"]), num(&c["median_ms"]) / 2.0),
            ),
            (
                "index bundle ≤ 8 MB gzip",
                format!("{:.2} MB", mb(&o["bundle_gz_bytes"])),
                verdict(mb(&o["bundle_gz_bytes"]), 8.0),
            ),
            (
                "decoded in ≤ 250 ms",
                format!("{:.1} ms", num(&o["decode_ms"])),
                verdict(num(&o["decode_ms"]), 250.0),
            ),
            (
                "wasm memory ≤ 200 MB",
                format!("{:.1} MB", mb(&o["wasm_memory_bytes"])),
                verdict(mb(&o["wasm_memory_bytes"]), 200.0),
            ),
            (
                "layout of 300 nodes ≤ 30 ms",
                format!("{:.1} ms ({} nodes)", num(&l["ours_ms"]), l["nodes"]),
                verdict(num(&l["ours_ms"]), 30.0),
            ),
        ];
        let click = r["explorer"].as_object().map(|e| {
            (
                "click → updated DOM in the next frame ≤ 16 ms",
                format!(
                    "{:.1} ms (selecting {:.1}, clearing {:.1})",
                    num(&e["click_to_frame_ms"]),
                    num(&e["select_to_frame_ms"]),
                    num(&e["clear_to_frame_ms"])
                ),
                verdict(num(&e["click_to_frame_ms"]), 16.0),
            )
        });
        let ingest = r["native"]["ingest_mb_s"].as_f64().map(|mb| {
            (
                "native ingest ≥ 50 MB/s on one core",
                format!("{mb:.1} MB/s (`read_article`, divan median)"),
                if mb >= 50.0 {
                    format!("met ({:.2}× of the aim)", mb / 50.0)
                } else {
                    format!("**missed**: {:.2}× short", 50.0 / mb)
                },
            )
        });
        for (target, measured, verdict) in rows.into_iter().chain(click).chain(ingest) {
            let _ = writeln!(s, "| {target} | {measured} | {verdict} |");
        }
    }
    if let Some(a) = r["add_pages"].as_object() {
        add_pages_section(&mut s, a);
    }
    for run in r["runs"].as_array().into_iter().flatten() {
        let _ = writeln!(
            s,
            "\nNative read of the {} pages (`coverage bundle`, all cores): {}",
            run["articles"],
            run["ingest"].as_str().unwrap_or("not measured")
        );
    }
    if let Some(tables) = r["native"]["tables"].as_object() {
        for (name, table) in tables {
            let _ = writeln!(
                s,
                "\nNative `cargo bench -p {} --bench {name}`:\n\n```text\n{}\n```",
                bench_package(name),
                table.as_str().unwrap_or_default().trim_end()
            );
        }
    }
    if let Some(e) = r["explorer"].as_object() {
        let _ = writeln!(
            s,
            "\nExplorer page on {} articles: loaded in {} ms (wasm {:.1} MB); clicking actor `{}` \
             → {} matches, clicking again clears it; over {} clicks (medians): the click's work \
             done after {:.1} ms, next frame {:.1} ms (selecting {:.1}, clearing {:.1}), painted \
             {:.1} ms; edge evidence shown after {} ms ({} chunk files fetched).",
            e["articles"],
            e["load_ms"],
            num(&e["wasm_bytes"]) / 1e6,
            e["actor"].as_str().unwrap_or_default(),
            e["filtered_count"],
            e["clicks"],
            num(&e["click_work_ms"]),
            num(&e["click_to_frame_ms"]),
            num(&e["select_to_frame_ms"]),
            num(&e["clear_to_frame_ms"]),
            num(&e["click_to_paint_ms"]),
            e["evidence_ms"],
            e["chunk_requests"],
        );
        if let Some(f) = e["one_file"].as_object() {
            let _ = writeln!(
                s,
                "\nThe one-file page of the same corpus, opened from a file: filters after {} ms; \
                 its reader says: “{}”",
                f["load_ms"],
                f["reader_says"].as_str().unwrap_or_default()
            );
        }
    }
    s
}

/// "at least": "met" or "missed" for a value against a lower bound.
fn verdict_at_least(value: f64, aim: f64) -> String {
    if value.is_nan() {
        "not measured".into()
    } else if value >= aim {
        format!("met ({:.2}× of the aim)", value / aim)
    } else {
        format!("**missed**: {:.2}× short", aim / value)
    }
}

fn add_pages_section(s: &mut String, a: &serde_json::Map<String, Value>) {
    if let Some(error) = a.get("error").and_then(Value::as_str) {
        let _ = writeln!(s, "\n\"Add your pages\" was not measured: {error}");
        return;
    }
    let kb = |v: &Value| num(v) / 1e3;
    let _ = writeln!(
        s,
        "\n\"Add your pages\" ({} synthetic pages, {:.1} MB, set on `#add-pages` of the seeds' page; \
         {} readers and an assembler; load average {:.1}):\n",
        a["files"],
        num(&a["bytes"]) / 1e6,
        a["workers"],
        num(&a["load_average"]),
    );
    let _ = writeln!(s, "| target | measured | verdict |\n|---|---|---|");
    let rows = [
        (
            "page first load (seeds) ≤ 300 KB gzip".to_string(),
            format!("{:.1} KB", kb(&a["first_load_gz_bytes"])),
            verdict(kb(&a["first_load_gz_bytes"]), 300.0),
        ),
        (
            "reader wasm ≤ 1.5 MB gzip, loaded only to add pages".to_string(),
            format!(
                "{:.2} MB ({:.2} MB unpacked)",
                num(&a["reader_wasm_gz_bytes"]) / 1e6,
                num(&a["reader_wasm_bytes"]) / 1e6
            ),
            verdict(num(&a["reader_wasm_gz_bytes"]) / 1e6, 1.5),
        ),
        (
            "reading in the page ≥ 15 MB/s".to_string(),
            format!(
                "{:.1} MB/s (all {} files read after {} ms)",
                num(&a["mb_s"]),
                a["files"],
                a["read_ms"]
            ),
            verdict_at_least(num(&a["mb_s"]), 15.0),
        ),
        (
            format!("{} pages explorable ≤ 6 s after they are added", a["files"]),
            format!("{:.2} s", num(&a["explorable_ms"]) / 1e3),
            verdict(num(&a["explorable_ms"]) / 1e3, 6.0),
        ),
        (
            "a click while reading answered by the next frame ≤ 100 ms".to_string(),
            format!(
                "{:.0} ms at the 95th percentile of {} clicks (median {:.0}, worst {:.0})",
                num(&a["click_p95_ms"]),
                a["clicks"],
                num(&a["click_median_ms"]),
                num(&a["click_max_ms"])
            ),
            verdict(num(&a["click_p95_ms"]), 100.0),
        ),
    ];
    for (target, measured, verdict) in rows {
        let _ = writeln!(s, "| {target} | {measured} | {verdict} |");
    }
    let _ = writeln!(
        s,
        "\nThe page's counts: “{}”; `coverage ingest` over the same files: “{}”.",
        a["summary"].as_str().unwrap_or_default(),
        a["cli_summary"].as_str().unwrap_or_default()
    );
}

pub fn machine() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = info
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")?
                .split_once(':')
                .map(|x| x.1.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = info.lines().filter(|l| l.starts_with("processor")).count();
    format!("{model}, {cores} cores")
}

/// Now as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_iso() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

fn gzip_len(bytes: &[u8]) -> usize {
    // gzip is deflate plus an 18-byte header and trailer.
    miniz_oxide::deflate::compress_to_vec(bytes, 9).len() + 18
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

pub fn write(path: &Path, bytes: &[u8]) -> Result {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_default_to_both_sizes_and_the_explorer() {
        let o = parse(&[]).unwrap();
        assert_eq!(
            (o.sizes, o.queries, o.explorer, o.only_add_pages),
            (vec![10_000, 100_000], 1000, true, false)
        );
        assert!(parse(&args(&["--only-add-pages"])).unwrap().only_add_pages);
    }

    #[test]
    fn the_first_load_is_the_page_not_the_reading_worker() {
        for name in [
            "index.html",
            "start.js",
            "coverage-explorer-0a1b.js",
            "coverage-explorer-0a1b_bg.wasm",
            "main-77.css",
            "icon.svg",
        ] {
            assert!(first_load_file(name), "{name}");
        }
        for name in [
            "coverage-worker.js",
            "coverage-worker_bg.wasm",
            "reader.js",
            "sw.js",
            "coverage-explorer.html",
        ] {
            assert!(!first_load_file(name), "{name}");
        }
    }

    #[test]
    fn options_take_sizes_queries_and_no_explorer() {
        let o = parse(&args(&[
            "--sizes",
            "1_000,5000",
            "--queries=50",
            "--no-explorer",
        ]))
        .unwrap();
        assert_eq!(
            (o.sizes, o.queries, o.explorer),
            (vec![1000, 5000], 50, false)
        );
        assert!(parse(&args(&["--sizes", "ten"])).is_err());
        assert!(parse(&args(&["--sizes", "0"])).is_err());
        assert!(parse(&args(&["--fast"])).is_err());
    }

    #[test]
    fn divan_medians_are_read_in_mb_per_second() {
        let table = "ingest         fastest       │ slowest       │ median        │ mean          │ samples │ iters
├─ assemble     1.1 s         │ 1.2 s         │ 1.15 s        │ 1.15 s        │ 3       │ 3
│               52.1 MB/s     │ 47.5 MB/s     │ 51.2 MB/s     │ 50.9 MB/s     │         │
│               13.7 Kitem/s  │ 12.5 Kitem/s  │ 13.4 Kitem/s  │ 13.3 Kitem/s  │         │
╰─ read_article 3.3 s         │ 3.6 s         │ 3.42 s        │ 3.44 s        │ 3       │ 3
                15.1 MB/s     │ 13.8 MB/s     │ 14.62 MB/s    │ 14.5 MB/s     │         │
";
        assert_eq!(median_throughput(table, "read_article"), Some(14.62));
        assert_eq!(median_throughput(table, "assemble"), Some(51.2));
        assert_eq!(median_throughput(table, "missing"), None);
        let kb = "╰─ x  1 s │ 1 s │ 1 s │ 1 s │ 1 │ 1\n   900 KB/s │ 800 KB/s │ 850 KB/s │ 850 KB/s │ │\n";
        assert_eq!(median_throughput(kb, "x"), Some(0.85));
    }

    #[test]
    fn verdicts_say_by_how_much() {
        assert_eq!(verdict(1.0, 2.0), "met (0.50× of the limit)");
        assert_eq!(verdict(3.0, 2.0), "**missed** by 1.50×");
    }

    #[test]
    fn dates_are_iso() {
        let d = now_iso();
        assert_eq!(d.len(), 20);
        assert!(d.ends_with('Z') && d.as_bytes()[10] == b'T');
    }

    #[test]
    fn the_measured_section_is_replaced_not_appended() {
        let old = format!("# P\n\nprose\n\n{BEGIN}\nold\n{END}\n\nmore prose\n");
        let new = splice(&old, BEGIN, END, "new\n");
        assert_eq!(
            new,
            format!("# P\n\nprose\n\n{BEGIN}\nnew\n{END}\n\nmore prose\n")
        );
        assert_eq!(
            splice("# P\n", BEGIN, END, "x\n"),
            format!("# P\n\n{BEGIN}\nx\n{END}\n")
        );
    }
}
