//! The bench's command line: runs each candidate in a child process over a folder of pages with
//! gold (so a crash, a stack overflow or a hang costs one page, not the run), times the worst
//! nesting page, and prints the tables. Measures live in `measure`, the candidates in `candidates`.

mod candidates;
mod measure;
mod report;

use candidates::{Body, CANDIDATES};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// One candidate on one page.
#[derive(Serialize, Deserialize, Clone, Debug, Default)]
pub struct Record {
    pub candidate: String,
    pub page: String,
    /// ok, error, panic, crash, timeout
    pub status: String,
    pub message: String,
    /// Fastest of the repetitions: CPU time of the calling thread, nanoseconds, the call alone
    /// (CPU time, not wall time: the machine is shared, and waiting for a core is not the crate's cost).
    pub ns: u64,
    /// Wall time of that same fastest repetition, nanoseconds.
    #[serde(default)]
    pub wall_ns: u64,
    pub bytes: u64,
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    pub site: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Line {
    Begin { begin: usize },
    Done(Box<Record>),
}

static PANIC_MESSAGE: Mutex<Option<String>> = Mutex::new(None);

fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "panic".to_string()
        };
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        *PANIC_MESSAGE.lock().unwrap() = Some(format!("{msg}{at}"));
    }));
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn bench_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn default_corpus() -> PathBuf {
    bench_dir().join("../../corpus")
}

/// Page folders (each with `source.html`) under `dir`, sorted by name.
pub fn page_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file())
        .collect();
    v.sort();
    v
}

fn read_lossy(p: &Path) -> String {
    let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// CPU time used so far by the calling thread.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we pass and reads nothing else.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Times of one call: CPU time of this thread, and wall time.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Took {
    cpu: Duration,
    wall: Duration,
}

/// One call, panics caught; the body is turned into visible text outside the timing.
fn call(
    id: &str,
    prepared: &candidates::Prepared,
    html: &str,
) -> (Took, Result<candidates::Raw, (String, String)>) {
    let start = Instant::now();
    let cpu0 = thread_cpu();
    let r = catch_unwind(AssertUnwindSafe(|| candidates::run(id, prepared, html)));
    let took = Took {
        cpu: thread_cpu() - cpu0,
        wall: start.elapsed(),
    };
    let r = match r {
        Ok(Ok(raw)) => Ok(raw),
        Ok(Err(e)) => Err(("error".to_string(), e)),
        Err(_) => Err((
            "panic".to_string(),
            PANIC_MESSAGE.lock().unwrap().take().unwrap_or_default(),
        )),
    };
    (took, r)
}

fn to_record(
    id: &str,
    page: &str,
    bytes: usize,
    took: Took,
    r: Result<candidates::Raw, (String, String)>,
) -> Record {
    let mut rec = Record {
        candidate: id.to_string(),
        page: page.to_string(),
        ns: took.cpu.as_nanos() as u64,
        wall_ns: took.wall.as_nanos() as u64,
        bytes: bytes as u64,
        ..Record::default()
    };
    match r {
        Ok(raw) => {
            rec.status = "ok".into();
            rec.text = match raw.body {
                Body::Html(h) => measure::visible_text(&h),
                Body::Text(t) => t,
                Body::None => String::new(),
            };
            rec.title = raw.title;
            rec.byline = raw.byline;
            rec.date = raw.date;
            rec.site = raw.site;
        }
        Err((status, msg)) => {
            rec.status = status;
            rec.message = msg;
        }
    }
    rec
}

/// Child: runs one candidate over the pages from index `from`, one JSON line per page.
fn child_run(args: &[String]) {
    quiet_panics();
    let id = arg(args, "--candidate").expect("--candidate");
    let pages = PathBuf::from(arg(args, "--pages").expect("--pages"));
    let from: usize = arg(args, "--from").map_or(0, |s| s.parse().unwrap());
    let reps: usize = arg(args, "--reps").map_or(3, |s| s.parse().unwrap());
    let corpus = arg(args, "--corpus").map_or_else(default_corpus, PathBuf::from);
    let prepared = candidates::prepare(&id, &corpus).unwrap_or_else(|e| panic!("{id}: {e}"));
    let dirs = page_dirs(&pages);
    let sources: Vec<String> = dirs
        .iter()
        .map(|d| read_lossy(&d.join("source.html")))
        .collect();
    let out = std::io::stdout();
    for (k, (dir, html)) in dirs.iter().zip(&sources).enumerate().skip(from) {
        let page = dir.file_name().unwrap().to_string_lossy().into_owned();
        {
            let mut o = out.lock();
            serde_json::to_writer(&mut o, &Line::Begin { begin: k }).unwrap();
            writeln!(o).unwrap();
            o.flush().unwrap();
        }
        let (mut best, first) = call(&id, &prepared, html);
        for _ in 1..reps {
            let (took, _) = call(&id, &prepared, html);
            best = best.min(took);
        }
        let rec = to_record(&id, &page, html.len(), best, first);
        let mut o = out.lock();
        serde_json::to_writer(&mut o, &Line::Done(Box::new(rec))).unwrap();
        writeln!(o).unwrap();
        o.flush().unwrap();
    }
}

fn stderr_tail(path: &Path) -> String {
    let s = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = s.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(2)..].join(" | ")
}

/// Driver: every candidate (or `--candidates a,b`) over `--pages`, results appended to `--out`.
fn eval(args: &[String]) {
    let pages = PathBuf::from(arg(args, "--pages").expect("--pages DIR"));
    let out_path = PathBuf::from(arg(args, "--out").expect("--out FILE.jsonl"));
    let timeout = Duration::from_secs(arg(args, "--timeout").map_or(60, |s| s.parse().unwrap()));
    let reps = arg(args, "--reps").unwrap_or_else(|| "3".into());
    let ids: Vec<String> = arg(args, "--candidates").map_or_else(
        || CANDIDATES.iter().map(|c| c.id.to_string()).collect(),
        |s| s.split(',').map(str::to_string).collect(),
    );
    let names: Vec<String> = page_dirs(&pages)
        .iter()
        .map(|d| d.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    std::fs::create_dir_all(out_path.parent().unwrap_or(Path::new("."))).unwrap();
    let mut out = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&out_path)
        .unwrap();
    let exe = std::env::current_exe().unwrap();
    for id in &ids {
        let started = Instant::now();
        let mut from = 0usize;
        let mut counts = [0usize; 3];
        while from < names.len() {
            let err_path = out_path.with_extension(format!("{id}.stderr"));
            let mut child = Command::new(&exe)
                .args(["child-run", "--candidate", id, "--pages"])
                .arg(&pages)
                .args(["--from", &from.to_string(), "--reps", &reps])
                .stdout(Stdio::piped())
                .stderr(std::fs::File::create(&err_path).unwrap())
                .spawn()
                .unwrap();
            let stdout = child.stdout.take().unwrap();
            let (tx, rx) = mpsc::channel::<String>();
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            });
            let mut current = from;
            let failure = loop {
                match rx.recv_timeout(timeout) {
                    Ok(line) => match serde_json::from_str::<Line>(&line) {
                        Ok(Line::Begin { begin }) => current = begin,
                        Ok(Line::Done(rec)) => {
                            counts[usize::from(rec.status != "ok")] += 1;
                            serde_json::to_writer(&mut out, &rec).unwrap();
                            writeln!(out).unwrap();
                            current += 1;
                        }
                        Err(_) => {}
                    },
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        let _ = child.kill();
                        let _ = child.wait();
                        break Some(("timeout", format!("no result in {} s", timeout.as_secs())));
                    }
                    Err(mpsc::RecvTimeoutError::Disconnected) => {
                        let status = child.wait().unwrap();
                        if current >= names.len() {
                            break None;
                        }
                        break Some(("crash", format!("{status}: {}", stderr_tail(&err_path))));
                    }
                }
            };
            match failure {
                None => from = names.len(),
                Some((status, message)) => {
                    counts[2] += 1;
                    let rec = Record {
                        candidate: id.clone(),
                        page: names[current].clone(),
                        status: status.into(),
                        message,
                        ..Record::default()
                    };
                    serde_json::to_writer(&mut out, &rec).unwrap();
                    writeln!(out).unwrap();
                    from = current + 1;
                }
            }
        }
        eprintln!(
            "{id}: {} ok, {} failed, {} crashed or timed out ({:.1} s)",
            counts[0],
            counts[1],
            counts[2],
            started.elapsed().as_secs_f64()
        );
    }
}

/// The worst case: `n` nested `<div>`s around one paragraph, closed.
fn nested_page(n: usize) -> String {
    let mut s = String::with_capacity(n * 11 + 200);
    s.push_str("<!DOCTYPE html><html><head><title>Deep</title></head><body>");
    for _ in 0..n {
        s.push_str("<div>");
    }
    s.push_str("<p>One paragraph of text at the bottom of a very deep page, long enough to count as an article body for the extractors that want some text.</p>");
    for _ in 0..n {
        s.push_str("</div>");
    }
    s.push_str("</body></html>");
    s
}

#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct NestedRecord {
    pub candidate: String,
    pub depth: usize,
    pub bytes: usize,
    /// ok, error, panic, crash, timeout, skipped
    pub status: String,
    /// CPU seconds of the call (the limit applies to the child's CPU time).
    pub seconds: f64,
    #[serde(default)]
    pub wall: f64,
    pub message: String,
}

/// CPU time (user + system) a child process has used, from /proc.
fn child_cpu(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
    let ticks = f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0);
    // SAFETY: sysconf only reads a system constant.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Duration::from_millis(ticks * 1000 / hz)
}

/// Child: one candidate on one file, once; prints the seconds.
fn child_time(args: &[String]) {
    quiet_panics();
    let id = arg(args, "--candidate").expect("--candidate");
    let file = PathBuf::from(arg(args, "--file").expect("--file"));
    let corpus = arg(args, "--corpus").map_or_else(default_corpus, PathBuf::from);
    let prepared = candidates::prepare(&id, &corpus).unwrap();
    let html = read_lossy(&file);
    let (took, r) = call(&id, &prepared, &html);
    let (status, message) = match r {
        Ok(_) => ("ok".to_string(), String::new()),
        Err(e) => e,
    };
    println!(
        "{}",
        serde_json::json!({"status": status, "seconds": took.cpu.as_secs_f64(), "wall": took.wall.as_secs_f64(), "message": message})
    );
}

fn nested(args: &[String]) {
    let out_path = PathBuf::from(arg(args, "--out").expect("--out FILE.json"));
    let timeout = Duration::from_secs(arg(args, "--timeout").map_or(60, |s| s.parse().unwrap()));
    let sizes: Vec<usize> = arg(args, "--sizes")
        .unwrap_or_else(|| "25000,50000,100000,200000".into())
        .split(',')
        .map(|s| s.parse().unwrap())
        .collect();
    let mut ids: Vec<String> = arg(args, "--candidates").map_or_else(
        || CANDIDATES.iter().map(|c| c.id.to_string()).collect(),
        |s| s.split(',').map(str::to_string).collect(),
    );
    if arg(args, "--candidates").is_none() {
        ids.insert(0, "scraper-parse".into());
    }
    let dir = out_path.parent().unwrap_or(Path::new(".")).join("nested");
    std::fs::create_dir_all(&dir).unwrap();
    let files: Vec<(usize, PathBuf, usize)> = sizes
        .iter()
        .map(|&n| {
            let p = dir.join(format!("div-{n}.html"));
            let page = nested_page(n);
            std::fs::write(&p, &page).unwrap();
            (n, p, page.len())
        })
        .collect();
    let exe = std::env::current_exe().unwrap();
    let mut all = Vec::new();
    for id in &ids {
        let mut gave_up = false;
        for (n, file, bytes) in &files {
            let mut rec = NestedRecord {
                candidate: id.clone(),
                depth: *n,
                bytes: *bytes,
                status: "skipped".into(),
                seconds: f64::NAN,
                wall: f64::NAN,
                message: String::new(),
            };
            if !gave_up {
                let err_path = dir.join(format!("{id}-{n}.stderr"));
                let start = Instant::now();
                let mut child = Command::new(&exe)
                    .args(["child-time", "--candidate", id, "--file"])
                    .arg(file)
                    .stdout(Stdio::piped())
                    .stderr(std::fs::File::create(&err_path).unwrap())
                    .spawn()
                    .unwrap();
                let finished = loop {
                    if let Some(status) = child.try_wait().unwrap() {
                        break Some(status);
                    }
                    // The limit is on CPU time (the machine is shared), with wall time capped at 8×.
                    if child_cpu(child.id()) > timeout || start.elapsed() > timeout * 8 {
                        let _ = child.kill();
                        let _ = child.wait();
                        break None;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                };
                match finished {
                    None => {
                        rec.status = "timeout".into();
                        rec.seconds = timeout.as_secs_f64();
                        rec.wall = start.elapsed().as_secs_f64();
                        rec.message = format!("killed after {} s of CPU time", timeout.as_secs());
                    }
                    Some(status) => {
                        let mut s = String::new();
                        use std::io::Read;
                        child.stdout.take().unwrap().read_to_string(&mut s).unwrap();
                        match serde_json::from_str::<serde_json::Value>(s.trim()) {
                            Ok(v) => {
                                rec.status = v["status"].as_str().unwrap_or("?").into();
                                rec.seconds = v["seconds"].as_f64().unwrap_or(f64::NAN);
                                rec.wall = v["wall"].as_f64().unwrap_or(f64::NAN);
                                rec.message = v["message"].as_str().unwrap_or("").into();
                            }
                            Err(_) => {
                                rec.status = "crash".into();
                                rec.seconds = start.elapsed().as_secs_f64();
                                rec.message = format!("{status}: {}", stderr_tail(&err_path));
                            }
                        }
                    }
                }
                // Tree building is quadratic in depth: doubling the depth takes about 4× as long,
                // so a call over a quarter of the limit will not finish the next size in time.
                gave_up = rec.status == "timeout"
                    || rec.status == "crash"
                    || rec.seconds > timeout.as_secs_f64() / 4.0;
                if gave_up && rec.status == "ok" {
                    rec.message = "over a quarter of the limit: the next size is not run".into();
                }
            }
            eprintln!(
                "{id} depth {n}: {} {:.2} s CPU ({:.2} s wall) {}",
                rec.status, rec.seconds, rec.wall, rec.message
            );
            all.push(rec);
        }
    }
    std::fs::write(&out_path, serde_json::to_string_pretty(&all).unwrap()).unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("eval") => eval(&args),
        Some("child-run") => child_run(&args),
        Some("nested") => nested(&args),
        Some("child-time") => child_time(&args),
        Some("report") => report::report(&args),
        _ => {
            eprintln!(
                "usage:\n  extractor-bench eval --pages DIR --out results/NAME.jsonl [--candidates a,b] [--reps 3] [--timeout 60]\n  \
                 extractor-bench nested --out results/nested.json [--sizes 25000,50000,100000,200000] [--timeout 60]\n  \
                 extractor-bench report --pages DIR --results results/NAME.jsonl [--nested results/nested.json] [--wasm results/wasm.json]"
            );
            std::process::exit(2);
        }
    }
}
