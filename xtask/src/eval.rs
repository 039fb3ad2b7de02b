//! `cargo xtask eval`: how well the reader reads HTML pages, side by side with trafilatura and
//! htmldate on pages with gold — the development set (`../shared/dev/`, unpacked into
//! `target/dev/`) and any `--pages` folders. Our reader runs as the `coverage` command (release
//! build, one thread, timed inside); the others run in `xtask/eval/third_party.py` in a local
//! virtual environment; every system is scored by the same code (`score.rs`). It prints the
//! tables and writes `target/eval/results.json` and the measured part of `docs/QUALITY.md`; then
//! the tone benchmark (`tone.rs`). A benchmark: it asserts nothing about the numbers.

use crate::bench::{machine, now_iso, read, splice, write};
use crate::score::{self, Prf};
use crate::{Ctx, Result, first_line, run, show};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The development set, relative to the workspace root.
const DEV_SET: &str = "../shared/dev/readability-test-pages.tar.xz";
const TRAFILATURA: &str = "2.3.1";
const HTMLDATE: &str = "1.11.0";
/// What pip installs: the pinned tools, and the HTML cleaner that trafilatura's jusText imports
/// but that lxml no longer ships inside itself.
const PIP_PACKAGES: [&str; 3] = ["trafilatura==2.3.1", "htmldate==1.11.0", "lxml_html_clean"];
const BEGIN: &str = "<!-- eval:begin (written by `cargo xtask eval`; edit outside these marks) -->";
const END: &str = "<!-- eval:end -->";
/// Pages listed under "worst body F1" per set.
const WORST: usize = 20;

pub struct Options {
    /// The development set's archive; `None` with `--no-dev`.
    pub dev: Option<PathBuf>,
    /// More folders of pages with gold, in the development set's layout.
    pub pages: Vec<PathBuf>,
    /// Also run trafilatura and htmldate.
    pub python: bool,
    /// Measure the reading of pages with gold.
    pub pages_eval: bool,
    /// Run the tone benchmark (`bench/tone/`).
    pub tone: bool,
}

pub fn parse(args: &[String]) -> Result<Options> {
    let mut opts = Options {
        dev: Some(PathBuf::from(DEV_SET)),
        pages: Vec::new(),
        python: true,
        pages_eval: true,
        tone: true,
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
            "--pages" => opts.pages.push(PathBuf::from(value()?)),
            "--dev" => opts.dev = Some(PathBuf::from(value()?)),
            "--no-dev" => opts.dev = None,
            "--no-python" => opts.python = false,
            "--no-tone" => opts.tone = false,
            "--tone-only" => opts.pages_eval = false,
            other => return Err(format!("unknown option `{other}` for eval")),
        }
    }
    if !opts.tone && !opts.pages_eval {
        return Err("--no-tone and --tone-only leave nothing to measure".into());
    }
    if opts.pages_eval && opts.dev.is_none() && opts.pages.is_empty() {
        return Err(
            "--no-dev leaves nothing to measure; add `--pages DIR` or `--tone-only`".into(),
        );
    }
    Ok(opts)
}

/// One page with gold.
struct Page {
    set: String,
    id: String,
    html: PathBuf,
    bytes: u64,
    gold: Gold,
}

/// What the gold says. `None` where it does not say (the page is then left out of that figure);
/// for the date, `Some(None)` means the gold says the page has no date.
#[derive(Default)]
struct Gold {
    body: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    site: Option<String>,
    date: Option<Option<String>>,
    /// The actors (ids) the reader finds in the gold title and body read as a text page of their
    /// own: what the article names. `None` without a gold body.
    actors: Option<Vec<String>>,
}

/// What one system said about one page.
#[derive(Default, Clone)]
struct Prediction {
    text: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    site: Option<String>,
    date: Option<String>,
    /// The actors (ids) reported for the page; `None` for a system that reports none.
    actors: Option<Vec<String>>,
}

/// Which fields a system gives.
#[derive(Clone, Copy)]
struct Fields {
    body: bool,
    title: bool,
    byline: bool,
    site: bool,
    date: bool,
}

const ALL_FIELDS: Fields = Fields {
    body: true,
    title: true,
    byline: true,
    site: true,
    date: true,
};

struct System {
    /// Key in results.json.
    name: &'static str,
    /// Name and version, for the tables.
    label: String,
    fields: Fields,
    predictions: Vec<Prediction>,
    /// Seconds of the timed part, over all pages.
    seconds: f64,
    /// What the seconds cover.
    timed: &'static str,
}

pub fn run_eval(ctx: &Ctx, opts: &Options) -> Result {
    // Taken once, before the run writes docs/QUALITY.md (which would mark the tree changed).
    let commit = commit(ctx);
    if opts.pages_eval {
        pages_eval(ctx, opts, &commit)?;
    }
    if opts.tone {
        crate::tone::run(ctx, &commit)?;
    }
    Ok(())
}

fn pages_eval(ctx: &Ctx, opts: &Options, commit: &str) -> Result {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load.split_whitespace().next().unwrap_or("?").to_string();
    let mut pages = Vec::new();
    if let Some(archive) = &opts.dev {
        let dir = dev_set(ctx, &ctx.root.join(archive))?;
        let name = archive_stem(archive);
        pages.extend(load_set(&name, &dir)?);
    }
    for dir in &opts.pages {
        let name = dir
            .file_name()
            .map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into());
        pages.extend(load_set(&name, dir)?);
    }
    if pages.is_empty() {
        return Err("no page folders (a folder per page with source.html) were found".into());
    }
    println!("==> {} pages with gold", pages.len());
    let knowledge = crate::tone::corpus_knowledge(ctx)?;
    for page in &mut pages {
        page.gold.actors = gold_actors(&knowledge, &page.gold);
    }

    let mut systems = vec![ours(ctx, &pages)?];
    if opts.python {
        systems.extend(third_party(ctx, &pages)?);
    } else {
        println!("==> trafilatura and htmldate skipped (--no-python)");
    }

    let run_info = json!({
        "date": now_iso(),
        "machine": machine(),
        "load_average": load,
        "commit": commit,
    });
    let results = results(&pages, &systems, run_info);
    let text = serde_json::to_string_pretty(&results).expect("JSON serialises") + "\n";
    let json_path = ctx.target_dir().join("eval/results.json");
    write(&json_path, text.as_bytes())?;
    let section = quality_section(&results);
    println!("\n{section}");
    let path = ctx.root.join("docs/QUALITY.md");
    let old =
        std::fs::read_to_string(&path).unwrap_or_else(|_| format!("# Quality\n\n{BEGIN}\n{END}\n"));
    write(&path, splice(&old, BEGIN, END, &section).as_bytes())?;
    println!("wrote {} and docs/QUALITY.md", json_path.display());
    Ok(())
}

/// "readability-test-pages" for ".../readability-test-pages.tar.xz".
fn archive_stem(archive: &Path) -> String {
    let name = archive
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let stem = name.split_once(".tar").map_or(name.as_str(), |(s, _)| s);
    stem.to_string()
}

/// The development set unpacked into `target/dev/` (with `tar`, only when it is not there yet);
/// returns the folder it unpacked into.
fn dev_set(ctx: &Ctx, archive: &Path) -> Result<PathBuf> {
    let into = ctx.target_dir().join("dev");
    let dir = into.join(archive_stem(archive));
    if !page_folders(&dir).is_empty() {
        println!("==> development set: {}", dir.display());
        return Ok(dir);
    }
    if !archive.is_file() {
        return Err(format!(
            "the development set {} is missing; give its archive with `--dev FILE`, \
             or measure other pages with `--no-dev --pages DIR`",
            archive.display()
        ));
    }
    println!("==> unpacking the development set into {}", into.display());
    std::fs::create_dir_all(&into).map_err(|e| format!("cannot create {}: {e}", into.display()))?;
    run(ctx
        .command("tar")
        .arg("-xJf")
        .arg(archive)
        .arg("-C")
        .arg(&into))?;
    if page_folders(&dir).is_empty() {
        return Err(format!(
            "{} holds no page folders after unpacking {}",
            dir.display(),
            archive.display()
        ));
    }
    Ok(dir)
}

/// Folders holding a `source.html`, under `dir` (searched a few levels down, in name order).
fn page_folders(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut subdirs: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        subdirs.sort();
        for sub in subdirs {
            if sub.join("source.html").is_file() {
                out.push(sub);
            } else if depth > 0 {
                walk(&sub, depth - 1, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, 3, &mut out);
    out
}

fn load_set(name: &str, dir: &Path) -> Result<Vec<Page>> {
    let folders = page_folders(dir);
    if folders.is_empty() {
        return Err(format!(
            "{}: no page folders (each a folder with source.html and its gold)",
            dir.display()
        ));
    }
    let mut pages = Vec::new();
    for folder in folders {
        let html = folder.join("source.html");
        let bytes = std::fs::metadata(&html).map_or(0, |m| m.len());
        let id = folder.file_name().map_or_else(
            || folder.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        pages.push(Page {
            set: name.to_string(),
            id,
            html,
            bytes,
            gold: gold(&folder)?,
        });
    }
    Ok(pages)
}

/// The gold of a page folder: the body from `expected.html` (its visible text) or
/// `expected.txt`, and the fields of `expected-metadata.json`.
fn gold(folder: &Path) -> Result<Gold> {
    let mut gold = Gold::default();
    if let Ok(html) = std::fs::read(folder.join("expected.html")) {
        gold.body = Some(score::visible_text(&String::from_utf8_lossy(&html)));
    } else if let Ok(text) = std::fs::read(folder.join("expected.txt")) {
        gold.body = Some(String::from_utf8_lossy(&text).into_owned());
    }
    let meta_path = folder.join("expected-metadata.json");
    let Ok(meta) = std::fs::read(&meta_path) else {
        return Ok(gold);
    };
    let meta: Value = serde_json::from_slice(&meta)
        .map_err(|e| format!("{}: not JSON ({e})", meta_path.display()))?;
    let text = |key: &str| {
        meta.get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    gold.title = text("title");
    gold.byline = text("byline");
    gold.site = text("siteName");
    gold.date = match meta.get("publishedTime") {
        None => None,
        Some(Value::Null) => Some(None),
        // A timestamp without a readable day says nothing we can score.
        Some(v) => v.as_str().and_then(score::day_of).map(Some),
    };
    Ok(gold)
}

/// The actors the article names: its gold title and body read as a text page (a title line, then
/// the body), so the same dictionary, aliases and conventions apply as on the page itself.
fn gold_actors(knowledge: &reader::Knowledge, gold: &Gold) -> Option<Vec<String>> {
    let body = gold.body.as_deref()?;
    let page = format!("{}\n\n{body}\n", gold.title.as_deref().unwrap_or(""));
    let article = knowledge.read_article("gold.txt", page.as_bytes());
    Some(article.actors.into_iter().map(|a| a.id).collect())
}

/// Our reader: the `coverage` command in release, one thread, with its own timer around the
/// reading (dictionaries loaded and files read before the clock starts).
fn ours(ctx: &Ctx, pages: &[Page]) -> Result<System> {
    println!("==> our reader (`coverage ingest`, release, one thread)");
    run(ctx
        .cargo()
        .args(["build", "--release", "--quiet", "-p", "coverage-cli"]))?;
    let coverage = ctx.target_dir().join("release/coverage");
    // The corpus's dictionaries, but no sources.toml: the sidecar would not know these pages.
    let corpus = ctx.target_dir().join("eval/corpus");
    for name in ["actors.toml", "outlets.toml"] {
        write(
            &corpus.join(name),
            &read(&ctx.root.join("corpus").join(name))?,
        )?;
    }
    let mut cmd = ctx.command(&coverage);
    cmd.args(["ingest", "--corpus"]).arg(&corpus).args([
        "--format",
        "json",
        "--text",
        "--threads",
        "1",
        "--timings",
    ]);
    cmd.args(pages.iter().map(|p| &p.html));
    println!("$ {} … ({} files)", show_head(&cmd, 10), pages.len());
    let output = cmd
        .output()
        .map_err(|e| format!("cannot start {}: {e}", coverage.display()))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    // 1 means some file could not be read; the report still has every page.
    if !matches!(output.status.code(), Some(0 | 1)) {
        return Err(format!("`coverage ingest` failed: {stderr}"));
    }
    let report: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("`coverage ingest` printed no JSON report: {e}"))?;
    let articles = report["articles"].as_array().cloned().unwrap_or_default();
    if articles.len() != pages.len() {
        return Err(format!(
            "`coverage ingest` reported {} articles for {} pages",
            articles.len(),
            pages.len()
        ));
    }
    let text = |a: &Value, key: &str| a[key].as_str().map(str::to_string);
    let predictions = articles
        .iter()
        .map(|a| Prediction {
            text: text(a, "text"),
            title: text(a, "title"),
            byline: text(a, "byline"),
            site: text(a, "outlet"),
            date: text(a, "date"),
            actors: a["actors"].as_array().map(|list| {
                list.iter()
                    .filter_map(|x| x["id"].as_str().map(str::to_string))
                    .collect()
            }),
        })
        .collect();
    let timings = stderr
        .lines()
        .find(|l| l.starts_with("timings: "))
        .ok_or_else(|| format!("`coverage ingest --timings` printed no timings: {stderr}"))?;
    let field = |key: &str| -> f64 {
        timings
            .split_whitespace()
            .filter_map(|w| w.split_once('='))
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    Ok(System {
        name: "ours",
        label: "ours".into(),
        fields: ALL_FIELDS,
        predictions,
        seconds: field("read_seconds") + field("assemble_seconds"),
        timed: "the whole reader (`Knowledge::read_article`: decoding, HTML, cleaning, dates, \
                outlet, actors, relations) and `Corpus::assemble`",
    })
}

/// A command shown with at most `n` of its arguments.
fn show_head(cmd: &std::process::Command, n: usize) -> String {
    show(cmd)
        .split(' ')
        .take(n + 1)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The virtual environment's Python with the pinned trafilatura and htmldate, set up only when
/// they are missing or at another version.
fn venv(ctx: &Ctx) -> Result<PathBuf> {
    let dir = ctx.target_dir().join("eval-venv");
    let python = dir.join("bin/python");
    let versions = || {
        first_line(ctx.command(&python).args([
            "-c",
            "from importlib.metadata import version as v; import trafilatura, htmldate; \
             print(v('trafilatura'), v('htmldate'))",
        ]))
    };
    let wanted = format!("{TRAFILATURA} {HTMLDATE}");
    if versions().as_deref() == Some(wanted.as_str()) {
        println!("    trafilatura {TRAFILATURA}, htmldate {HTMLDATE}: ok");
        return Ok(python);
    }
    if !python.is_file() {
        run(ctx.command("python3").args(["-m", "venv"]).arg(&dir)).map_err(|e| {
            e + "; install Python 3 with its venv module (Debian: apt-get install python3-venv)"
        })?;
    }
    run(ctx
        .command(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(PIP_PACKAGES))?;
    match versions() {
        Some(v) if v == wanted => Ok(python),
        other => Err(format!(
            "{} has trafilatura and htmldate {other:?} after pip install, not {wanted}",
            dir.display()
        )),
    }
}

/// trafilatura and htmldate on the same pages, in one Python process on one core.
fn third_party(ctx: &Ctx, pages: &[Page]) -> Result<[System; 2]> {
    println!("==> trafilatura {TRAFILATURA} and htmldate {HTMLDATE} (Python, one core)");
    let python = venv(ctx)?;
    let work = ctx.target_dir().join("eval");
    let list: Vec<Value> = pages
        .iter()
        .map(|p| json!({ "id": format!("{}/{}", p.set, p.id), "html": p.html }))
        .collect();
    let list_path = work.join("pages.json");
    write(&list_path, Value::from(list).to_string().as_bytes())?;
    let out_path = work.join("third_party.json");
    run(ctx
        .command(&python)
        .arg(ctx.root.join("xtask/eval/third_party.py"))
        .arg(&list_path)
        .arg(&out_path))?;
    let out: Value = serde_json::from_slice(&read(&out_path)?)
        .map_err(|e| format!("{}: {e}", out_path.display()))?;
    let results = out["pages"].as_array().cloned().unwrap_or_default();
    if results.len() != pages.len() {
        return Err(format!(
            "the Python runner gave {} results for {} pages",
            results.len(),
            pages.len()
        ));
    }
    let text = |v: &Value| v.as_str().map(str::to_string);
    let mut traf = Vec::new();
    let mut dates = Vec::new();
    for r in &results {
        let t = &r["trafilatura"];
        traf.push(Prediction {
            text: text(&t["text"]),
            title: text(&t["title"]),
            byline: text(&t["author"]),
            site: text(&t["sitename"]),
            date: text(&t["date"]),
            actors: None,
        });
        dates.push(Prediction {
            date: text(&r["htmldate"]["date"]),
            ..Prediction::default()
        });
        for tool in ["trafilatura", "htmldate"] {
            if let Some(error) = r[tool]["error"].as_str() {
                println!("    {tool} on {}: {error}", r["id"].as_str().unwrap_or("?"));
            }
        }
    }
    let version = |tool: &str| out["versions"][tool].as_str().unwrap_or("?").to_string();
    Ok([
        System {
            name: "trafilatura",
            label: format!("trafilatura {}", version("trafilatura")),
            fields: ALL_FIELDS,
            predictions: traf,
            seconds: out["seconds"]["trafilatura"].as_f64().unwrap_or(f64::NAN),
            timed: "`trafilatura.extract()` (body text; its metadata call is not timed)",
        },
        System {
            name: "htmldate",
            label: format!("htmldate {}", version("htmldate")),
            fields: Fields {
                body: false,
                title: false,
                byline: false,
                site: false,
                date: true,
            },
            predictions: dates,
            seconds: out["seconds"]["htmldate"].as_f64().unwrap_or(f64::NAN),
            timed: "`htmldate.find_date()`",
        },
    ])
}

/// One system's scores on one page; `None` where the gold or the system has nothing to compare.
#[derive(Default, Clone, Copy)]
struct PageScore {
    body: Option<Prf>,
    title: Option<bool>,
    title_lenient: Option<bool>,
    byline: Option<bool>,
    byline_lenient: Option<bool>,
    site: Option<bool>,
    /// Right (the gold's day, or no date where the gold has none).
    date: Option<bool>,
    /// Whether the system gave a date, on pages counted for dates.
    date_given: Option<bool>,
    /// Right, on the pages whose gold has a date.
    date_dated: Option<bool>,
    /// Of the actors reported, how many the article names: (named, reported).
    actors: Option<(usize, usize)>,
}

/// The project's outlet profiles, to count two printed names of one outlet ("AP News" and
/// "Associated Press", "동아일보" and "The Dong-A Ilbo") as the same site, for every system alike.
static OUTLETS: std::sync::LazyLock<Option<reader::outlets::Profiles>> =
    std::sync::LazyLock::new(|| {
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/outlets.toml");
        let text = std::fs::read_to_string(file).ok()?;
        reader::outlets::Profiles::from_toml("outlets.toml", &text).ok()
    });

fn same_outlet(predicted: Option<&str>, gold: &str) -> bool {
    let Some(profiles) = OUTLETS.as_ref() else {
        return false;
    };
    predicted
        .and_then(|p| profiles.lookup(p))
        .is_some_and(|p| profiles.lookup(gold) == Some(p))
}

fn score_page(gold: &Gold, p: &Prediction, f: Fields) -> PageScore {
    let pick = |on: bool, gold: &Option<String>, check: &dyn Fn(&str) -> bool| {
        gold.as_deref().filter(|_| on).map(check)
    };
    let norm: fn(&str) -> String = score::normalise;
    let byline: fn(&str) -> String = score::normalise_byline;
    let title = p.title.as_deref();
    let author = p.byline.as_deref();
    let day = p.date.as_deref().and_then(score::day_of);
    PageScore {
        body: gold
            .body
            .as_deref()
            .filter(|_| f.body)
            .and_then(|g| score::body(p.text.as_deref().unwrap_or(""), g)),
        title: pick(f.title, &gold.title, &|g| score::same(title, g, norm)),
        title_lenient: pick(f.title, &gold.title, &|g| score::overlaps(title, g, norm)),
        byline: pick(f.byline, &gold.byline, &|g| score::same(author, g, byline)),
        byline_lenient: pick(f.byline, &gold.byline, &|g| {
            score::overlaps(author, g, byline)
        }),
        site: pick(f.site, &gold.site, &|g| {
            score::overlaps(p.site.as_deref(), g, norm) || same_outlet(p.site.as_deref(), g)
        }),
        date: gold.date.as_ref().filter(|_| f.date).map(|g| *g == day),
        date_given: gold.date.as_ref().filter(|_| f.date).map(|_| day.is_some()),
        date_dated: gold
            .date
            .as_ref()
            .and_then(Option::as_ref)
            .filter(|_| f.date)
            .map(|g| day.as_ref() == Some(g)),
        actors: actors_not_named(gold, p)
            .zip(p.actors.as_ref())
            .map(|(missing, reported)| (reported.len() - missing.len(), reported.len())),
    }
}

/// The actors reported for a page that its article does not name.
fn actors_not_named(gold: &Gold, p: &Prediction) -> Option<Vec<String>> {
    let (g, r) = (gold.actors.as_ref()?, p.actors.as_ref()?);
    Some(r.iter().filter(|id| !g.contains(id)).cloned().collect())
}

/// A share of pages: how many were right of how many counted.
#[derive(Clone, Copy)]
struct Rate {
    right: usize,
    of: usize,
}

impl Rate {
    fn of(flags: impl Iterator<Item = Option<bool>>) -> Rate {
        let (mut right, mut of) = (0, 0);
        for flag in flags.flatten() {
            of += 1;
            right += usize::from(flag);
        }
        Rate { right, of }
    }

    fn json(self) -> Value {
        json!({
            "value": (self.of > 0).then(|| self.right as f64 / self.of as f64),
            "right": self.right,
            "pages": self.of,
        })
    }
}

/// One system's figures over a set of pages.
fn summary(scores: &[PageScore]) -> Value {
    let bodies: Vec<Prf> = scores.iter().filter_map(|s| s.body).collect();
    let column = |get: fn(&Prf) -> f64| bodies.iter().map(get).collect::<Vec<f64>>();
    let f1 = column(|b| b.f1);
    let rate = |get: fn(&PageScore) -> Option<bool>| Rate::of(scores.iter().map(get)).json();
    let precision = Rate::of(scores.iter().map(|s| match s.date_given {
        Some(true) => s.date,
        _ => None,
    }));
    json!({
        "body": {
            "pages": bodies.len(),
            "precision": score::mean(&column(|b| b.precision)),
            "recall": score::mean(&column(|b| b.recall)),
            "f1": score::mean(&f1),
            "f1_median": score::median(&f1),
        },
        "title": rate(|s| s.title),
        "title_lenient": rate(|s| s.title_lenient),
        "byline": rate(|s| s.byline),
        "byline_lenient": rate(|s| s.byline_lenient),
        "site": rate(|s| s.site),
        "date_accuracy": rate(|s| s.date),
        "date_precision": precision.json(),
        "date_where_gold_has_one": rate(|s| s.date_dated),
        "actors": {
            "pages": scores.iter().filter(|s| s.actors.is_some()).count(),
            "reported": scores.iter().filter_map(|s| s.actors).map(|a| a.1).sum::<usize>(),
            "named": scores.iter().filter_map(|s| s.actors).map(|a| a.0).sum::<usize>(),
            "pages_all_named": scores.iter().filter_map(|s| s.actors).filter(|a| a.0 == a.1).count(),
        },
    })
}

fn prf_json(p: Option<Prf>) -> Value {
    p.map_or(
        Value::Null,
        |p| json!({ "precision": p.precision, "recall": p.recall, "f1": p.f1 }),
    )
}

/// Everything measured, as written to `target/eval/results.json`.
/// `run` (date, machine, load, commit) is copied in.
fn results(pages: &[Page], systems: &[System], run: Value) -> Value {
    let scores: Vec<Vec<PageScore>> = systems
        .iter()
        .map(|s| {
            pages
                .iter()
                .zip(&s.predictions)
                .map(|(page, p)| score_page(&page.gold, p, s.fields))
                .collect()
        })
        .collect();
    let mut set_names: Vec<&str> = Vec::new();
    for p in pages {
        if !set_names.contains(&p.set.as_str()) {
            set_names.push(&p.set);
        }
    }
    let sets: Vec<Value> = set_names
        .iter()
        .map(|&name| {
            let in_set: Vec<usize> = (0..pages.len()).filter(|&i| pages[i].set == name).collect();
            let mut summaries = serde_json::Map::new();
            for (s, system) in systems.iter().enumerate() {
                let mine: Vec<PageScore> = in_set.iter().map(|&i| scores[s][i]).collect();
                summaries.insert(system.name.into(), summary(&mine));
            }
            json!({ "name": name, "pages": in_set.len(), "summary": summaries })
        })
        .collect();
    let bytes: u64 = pages.iter().map(|p| p.bytes).sum();
    let speed: Vec<Value> = systems
        .iter()
        .map(|s| {
            json!({
                "name": s.name,
                "label": s.label,
                "pages": pages.len(),
                "seconds": s.seconds,
                "pages_per_second": pages.len() as f64 / s.seconds,
                "mb_per_second": bytes as f64 / 1e6 / s.seconds,
                "timed": s.timed,
            })
        })
        .collect();
    let per_page: Vec<Value> = pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let g = &page.gold;
            let mut entry = json!({
                "set": page.set,
                "id": page.id,
                "html": page.html,
                "gold": {
                    "title": g.title, "byline": g.byline, "site": g.site,
                    "date": g.date, "body": g.body,
                },
            });
            for (s, system) in systems.iter().enumerate() {
                let (p, sc) = (&system.predictions[i], scores[s][i]);
                entry[system.name] = json!({
                    "prediction": {
                        "title": p.title, "byline": p.byline, "site": p.site,
                        "date": p.date, "text": p.text, "actors": p.actors,
                    },
                    "actors_not_in_article": actors_not_named(g, p),
                    "score": {
                        "body": prf_json(sc.body),
                        "title": sc.title, "title_lenient": sc.title_lenient,
                        "byline": sc.byline, "byline_lenient": sc.byline_lenient,
                        "site": sc.site, "date": sc.date, "date_given": sc.date_given,
                        "date_where_gold_has_one": sc.date_dated,
                        "actors": sc.actors.map(|(named, reported)| json!({ "named": named, "reported": reported })),
                    },
                });
            }
            entry
        })
        .collect();
    json!({
        "schema": "coverage-eval/1",
        "date": run["date"],
        "machine": run["machine"],
        "load_average": run["load_average"],
        "commit": run["commit"],
        "systems": systems.iter().map(|s| json!({ "name": s.name, "label": s.label })).collect::<Vec<_>>(),
        "speed": speed,
        "sets": sets,
        "pages": per_page,
    })
}

/// The checked-out commit, marked when the work tree has changes.
fn commit(ctx: &Ctx) -> String {
    let hash =
        first_line(ctx.command("git").args(["rev-parse", "--short", "HEAD"])).unwrap_or("?".into());
    let dirty = ctx
        .command("git")
        .args(["status", "--porcelain", "--untracked-files=no"])
        .output()
        .is_ok_and(|o| !o.stdout.is_empty());
    if dirty {
        format!("{hash} with uncommitted changes")
    } else {
        hash
    }
}

fn num(v: &Value) -> String {
    v.as_f64().map_or("—".into(), |x| format!("{x:.3}"))
}

/// The measured part of `docs/QUALITY.md`, from `results`.
fn quality_section(r: &Value) -> String {
    let mut s = String::new();
    let systems: Vec<(&str, &str)> = r["systems"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|x| {
            (
                x["name"].as_str().unwrap_or(""),
                x["label"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let _ = writeln!(
        s,
        "Measured {} on {} (load average {} at the start), reader at {}.\n",
        r["date"].as_str().unwrap_or(""),
        r["machine"].as_str().unwrap_or(""),
        r["load_average"].as_str().unwrap_or("?"),
        r["commit"].as_str().unwrap_or("?"),
    );
    for set in r["sets"].as_array().into_iter().flatten() {
        let name = set["name"].as_str().unwrap_or("");
        let n = set["pages"].as_u64().unwrap_or(0);
        let _ = writeln!(
            s,
            "### {name} ({n} page{})\n",
            if n == 1 { "" } else { "s" }
        );
        let sum = &set["summary"];
        let _ = writeln!(
            s,
            "Body text, 4-word shingles (macro average over the pages with a gold body):\n"
        );
        let _ = writeln!(
            s,
            "| system | pages | precision | recall | F1 | median F1 |\n|---|---|---|---|---|---|"
        );
        for (key, label) in &systems {
            let b = &sum[*key]["body"];
            if b["pages"].as_u64() == Some(0) {
                continue;
            }
            let _ = writeln!(
                s,
                "| {label} | {} | {} | {} | {} | {} |",
                b["pages"],
                num(&b["precision"]),
                num(&b["recall"]),
                num(&b["f1"]),
                num(&b["f1_median"]),
            );
        }
        let _ = writeln!(
            s,
            "\nMetadata (share of the pages whose gold has the field; — where a system does not give it):\n"
        );
        let header: Vec<&str> = systems.iter().map(|(_, l)| *l).collect();
        let _ = writeln!(
            s,
            "| measure | pages | {} |\n|---|---|{}",
            header.join(" | "),
            "---|".repeat(header.len())
        );
        let rows = [
            ("title, equal", "title"),
            ("title, one contains the other", "title_lenient"),
            ("byline, equal", "byline"),
            ("byline, one contains the other", "byline_lenient"),
            (
                "site (gold: `siteName`), equal, contained or one outlet of outlets.toml",
                "site",
            ),
            ("date accuracy", "date_accuracy"),
            (
                "date right, on the pages whose gold has a date",
                "date_where_gold_has_one",
            ),
        ];
        for (label, key) in rows {
            let pages = systems
                .iter()
                .map(|(k, _)| sum[*k][key]["pages"].as_u64().unwrap_or(0))
                .max()
                .unwrap_or(0);
            let cells: Vec<String> = systems
                .iter()
                .map(|(k, _)| match sum[*k][key]["pages"].as_u64() {
                    Some(0) | None => "—".into(),
                    Some(_) => num(&sum[*k][key]["value"]),
                })
                .collect();
            let _ = writeln!(s, "| {label} | {pages} | {} |", cells.join(" | "));
        }
        let cells: Vec<String> = systems
            .iter()
            .map(|(k, _)| {
                let p = &sum[*k]["date_precision"];
                match p["pages"].as_u64() {
                    Some(0) | None if sum[*k]["date_accuracy"]["pages"].as_u64() == Some(0) => {
                        "—".into()
                    }
                    _ => format!("{} of {}", num(&p["value"]), p["pages"]),
                }
            })
            .collect();
        let _ = writeln!(
            s,
            "| date precision (right among the dates given) | — | {} |",
            cells.join(" | ")
        );
        let actor_pages = systems
            .iter()
            .map(|(k, _)| sum[*k]["actors"]["pages"].as_u64().unwrap_or(0))
            .max()
            .unwrap_or(0);
        let cells: Vec<String> = systems
            .iter()
            .map(|(k, _)| {
                let a = &sum[*k]["actors"];
                let (named, reported) = (a["named"].as_u64(), a["reported"].as_u64());
                match (named, reported, a["pages"].as_u64()) {
                    (Some(n), Some(r), Some(p)) if p > 0 && r > 0 => format!(
                        "{} ({n} of {r}; every actor named on {} of {p} pages)",
                        num(&json!(n as f64 / r as f64)),
                        a["pages_all_named"]
                    ),
                    _ => "—".into(),
                }
            })
            .collect();
        let _ = writeln!(
            s,
            "| actors reported that the article names (its gold title and body read alone) | {actor_pages} | {} |",
            cells.join(" | ")
        );
        worst(&mut s, r, name, &systems);
    }
    let _ = writeln!(s, "### Speed (one core, all pages of this run)\n");
    let _ = writeln!(
        s,
        "| system | what is timed | pages | seconds | pages/s | MB/s |\n|---|---|---|---|---|---|"
    );
    for v in r["speed"].as_array().into_iter().flatten() {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {:.3} | {:.1} | {:.2} |",
            v["label"].as_str().unwrap_or(""),
            v["timed"].as_str().unwrap_or(""),
            v["pages"],
            v["seconds"].as_f64().unwrap_or(f64::NAN),
            v["pages_per_second"].as_f64().unwrap_or(f64::NAN),
            v["mb_per_second"].as_f64().unwrap_or(f64::NAN),
        );
    }
    let rate = |name: &str| {
        r["speed"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|v| v["name"] == name)
            .and_then(|v| v["pages_per_second"].as_f64())
    };
    if let (Some(ours), Some(traf)) = (rate("ours"), rate("trafilatura")) {
        let _ = writeln!(
            s,
            "\nOur whole reader reads {:.2}× as many pages per second as trafilatura's extraction alone.",
            ours / traf
        );
    }
    s
}

/// The `WORST` pages of a set by our body F1, with trafilatura's beside them.
fn worst(s: &mut String, r: &Value, set: &str, systems: &[(&str, &str)]) {
    let f1 = |page: &Value, system: &str| page[system]["score"]["body"]["f1"].as_f64();
    let mut pages: Vec<&Value> = r["pages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["set"] == set && f1(p, "ours").is_some())
        .collect();
    if pages.is_empty() {
        return;
    }
    pages.sort_by(|a, b| {
        f1(a, "ours")
            .unwrap_or(0.0)
            .total_cmp(&f1(b, "ours").unwrap_or(0.0))
            .then_with(|| a["id"].as_str().cmp(&b["id"].as_str()))
    });
    let traf = systems.iter().any(|(k, _)| *k == "trafilatura");
    let _ = writeln!(
        s,
        "\nOur lowest body F1 ({} of {} pages):\n",
        WORST.min(pages.len()),
        pages.len()
    );
    let _ = writeln!(
        s,
        "| page | precision | recall | F1 |{}\n|---|---|---|---|{}",
        if traf { " trafilatura F1 |" } else { "" },
        if traf { "---|" } else { "" },
    );
    for page in pages.into_iter().take(WORST) {
        let b = &page["ours"]["score"]["body"];
        let _ = write!(
            s,
            "| {} | {} | {} | {} |",
            page["id"].as_str().unwrap_or(""),
            num(&b["precision"]),
            num(&b["recall"]),
            num(&b["f1"]),
        );
        if traf {
            let _ = write!(s, " {} |", num(&page["trafilatura"]["score"]["body"]["f1"]));
        }
        s.push('\n');
    }
    s.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_default_to_the_development_set_and_python() {
        let o = parse(&[]).unwrap();
        assert_eq!(o.dev.as_deref(), Some(Path::new(DEV_SET)));
        assert!(o.pages.is_empty() && o.python && o.pages_eval && o.tone);
    }

    #[test]
    fn tone_only_needs_no_pages_and_no_tone_skips_the_benchmark() {
        let o = parse(&args(&["--tone-only", "--no-dev"])).unwrap();
        assert!(o.tone && !o.pages_eval);
        assert!(!parse(&args(&["--no-tone"])).unwrap().tone);
        assert!(parse(&args(&["--no-tone", "--tone-only"])).is_err());
    }

    #[test]
    fn options_take_pages_dev_and_no_python() {
        let o = parse(&args(&[
            "--pages",
            "a",
            "--pages=b",
            "--no-python",
            "--dev",
            "x.tar.xz",
        ]))
        .unwrap();
        assert_eq!(o.pages, [PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(o.dev.as_deref(), Some(Path::new("x.tar.xz")));
        assert!(!o.python);
        assert!(parse(&args(&["--no-dev"])).is_err(), "nothing to measure");
        assert!(
            parse(&args(&["--no-dev", "--pages", "a"]))
                .unwrap()
                .dev
                .is_none()
        );
        assert!(parse(&args(&["--pages"])).is_err());
        assert!(parse(&args(&["--fast"])).is_err());
    }

    #[test]
    fn archive_names_lose_their_tar_suffixes() {
        assert_eq!(
            archive_stem(Path::new("../shared/dev/readability-test-pages.tar.xz")),
            "readability-test-pages"
        );
        assert_eq!(archive_stem(Path::new("pages.tgz")), "pages.tgz");
    }

    fn gold() -> Gold {
        Gold {
            body: Some("one two three four five six".into()),
            title: Some("Kim in Russia".into()),
            byline: None,
            site: Some("The Herald".into()),
            date: Some(None),
            actors: Some(vec!["russia".into(), "kim-jong-un".into()]),
        }
    }

    #[test]
    fn actors_the_article_does_not_name_are_counted_against_the_page() {
        let p = Prediction {
            actors: Some(vec!["russia".into(), "china".into()]),
            ..Prediction::default()
        };
        assert_eq!(score_page(&gold(), &p, ALL_FIELDS).actors, Some((1, 2)));
        assert_eq!(
            actors_not_named(&gold(), &p),
            Some(vec!["china".to_string()])
        );
        let none = Prediction::default();
        assert_eq!(score_page(&gold(), &none, ALL_FIELDS).actors, None);
    }

    #[test]
    fn fields_the_gold_lacks_or_the_system_does_not_give_are_not_scored() {
        let p = Prediction {
            text: Some("one two three four five six".into()),
            title: Some("kim in russia".into()),
            byline: Some("Jane Roe".into()),
            site: Some("Herald".into()),
            date: None,
            actors: None,
        };
        let s = score_page(&gold(), &p, ALL_FIELDS);
        assert_eq!(s.body.map(|b| b.f1), Some(1.0));
        assert_eq!((s.title, s.byline, s.site), (Some(true), None, Some(true)));
        assert_eq!(
            (s.date, s.date_given),
            (Some(true), Some(false)),
            "none is right"
        );
        let dates_only = Fields {
            body: false,
            title: false,
            byline: false,
            site: false,
            date: true,
        };
        let s = score_page(&gold(), &p, dates_only);
        assert!(s.body.is_none() && s.title.is_none() && s.site.is_none());
    }

    #[test]
    fn a_date_where_the_gold_has_none_is_wrong_and_counts_as_given() {
        let p = Prediction {
            date: Some("2019-04-25".into()),
            ..Prediction::default()
        };
        let s = score_page(&gold(), &p, ALL_FIELDS);
        assert_eq!((s.date, s.date_given), (Some(false), Some(true)));
        assert_eq!(s.date_dated, None, "the gold has no date");
        let sum = summary(&[s]);
        assert_eq!(sum["date_precision"]["pages"], 1);
        assert_eq!(sum["date_precision"]["value"], 0.0);
        assert_eq!(sum["body"]["f1"], 0.0, "no text scores zero");
    }

    #[test]
    fn page_folders_are_found_below_the_unpacked_archive() {
        let dir = std::env::temp_dir().join(format!("xtask-eval-{}", std::process::id()));
        for page in ["set/test/b", "set/test/a", "set/test/no-source"] {
            std::fs::create_dir_all(dir.join(page)).unwrap();
        }
        for page in ["set/test/a", "set/test/b"] {
            std::fs::write(dir.join(page).join("source.html"), "<p>x</p>").unwrap();
        }
        let found = page_folders(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(found, [dir.join("set/test/a"), dir.join("set/test/b")]);
    }
}
