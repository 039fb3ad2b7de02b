//! Files in: expanding paths into files, opening the containers among them (zip, gzip, WARC,
//! JSON Lines, JSON, CSV: `archive`) into their pages, reading every page (in parallel, order
//! kept, timed, with a progress bar on a terminal), and loading the corpus dictionaries. Every
//! failure becomes an error entry for that file or record, never a skip.

use crate::progress::Progress;
use archive::{Entry, Kind};
use coverage_core::model::Article;
use reader::Knowledge;
use reader::article::MAX_PAGE_BYTES;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{self, SyncSender};
use std::time::{Duration, Instant};

/// An input: a file to read, or a path that could not be turned into files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Failed { name: String, message: String },
}

/// Loads actors.toml, outlets.toml and sources.toml from `dir` (or ./corpus, or built-ins).
pub fn knowledge(dir: Option<&Path>) -> Result<Knowledge, String> {
    let dir = match dir {
        Some(d) if !d.is_dir() => return Err(format!("--corpus {}: not a folder", d.display())),
        Some(d) => Some(d.to_path_buf()),
        None => Some(PathBuf::from("corpus")).filter(|d| d.join("actors.toml").is_file()),
    };
    let read = |name: &str, builtin: &str| -> Result<String, String> {
        match &dir {
            Some(d) if d.join(name).is_file() => std::fs::read_to_string(d.join(name))
                .map_err(|e| format!("cannot read {}: {e}", d.join(name).display())),
            _ => Ok(builtin.to_string()),
        }
    };
    let actors = read("actors.toml", intake::BUILTIN_ACTORS)?;
    let outlets = read("outlets.toml", intake::BUILTIN_OUTLETS)?;
    let sources = read("sources.toml", "")?;
    Knowledge::from_sources(&actors, &outlets, &sources).map_err(|e| match &dir {
        Some(d) => format!("{} (in {})", e, d.display()),
        None => e.to_string(),
    })
}

/// Files named by the paths, in the order given; folders are walked in name order.
pub fn expand(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_dir() => {}
                    Ok(e) => out.push(Input::File(e.into_path())),
                    Err(e) => out.push(Input::Failed {
                        name: e
                            .path()
                            .map_or_else(|| path.display().to_string(), base_name),
                        message: format!("cannot list this entry: {e}"),
                    }),
                }
            }
        } else if path.exists() || path.symlink_metadata().is_ok() {
            out.push(Input::File(path.clone()));
        } else {
            out.push(Input::Failed {
                name: base_name(path),
                message: format!("{}: no such file or folder", path.display()),
            });
        }
    }
    out
}

fn base_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// What reading a list of inputs took inside the engine: file reading and dictionary loading
/// are left out, so the figures are the reader's own speed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timings {
    pub files: usize,
    /// Bytes of the files the engine read.
    pub bytes: u64,
    pub threads: usize,
    /// Seconds spent in `Knowledge::read_article`, summed over the threads.
    pub read_seconds: f64,
}

impl Timings {
    /// The `--timings` line: `key=value` pairs (for tools) and the rates (for people).
    pub fn line(&self, assemble_seconds: f64) -> String {
        let secs = (self.read_seconds + assemble_seconds).max(1e-9);
        format!(
            "timings: files={} bytes={} threads={} read_seconds={:.6} assemble_seconds={:.6} \
             ({:.1} files/s, {:.1} MB/s per reader thread)",
            self.files,
            self.bytes,
            self.threads,
            self.read_seconds,
            assemble_seconds,
            self.files as f64 / secs,
            self.bytes as f64 / 1e6 / secs,
        )
    }
}

/// The number of reader threads: `requested`, or one per core when it is `None` or 0.
pub fn threads(requested: Option<usize>) -> usize {
    match requested {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

/// Reads and parses every input on `threads` threads; results keep input order, and a
/// container's pages follow one another in its order. A progress bar is drawn on standard error
/// when it is a terminal; what a container passed over (a crawl's images) is noted there too.
pub fn read_all(
    knowledge: &Knowledge,
    inputs: &[Input],
    threads: usize,
) -> (Vec<Article>, Timings) {
    let threads = threads.clamp(1, most_jobs(inputs, threads));
    let progress = Progress::new(inputs);
    let (send, receive) = mpsc::sync_channel::<(usize, Job)>(threads * 4);
    let receive = Mutex::new(receive);
    let (chunks, jobs): (Vec<Vec<(usize, Read)>>, usize) = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let next = receive.lock().expect("no reader panics").recv();
                        let Ok((i, job)) = next else { break };
                        let file = matches!(job, Job::File(_));
                        let record = matches!(job, Job::Record(_));
                        // A page the reader stops on is reported as failed; the other
                        // pages are read on (a reader thread that died left the files queued
                        // for it waiting forever).
                        let name = job.name();
                        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            job.read(knowledge)
                        }))
                        .unwrap_or_else(|panic| Read::failed(&name, stopped(panic.as_ref())));
                        if file {
                            progress.file_done(read.bytes);
                        } else if record {
                            progress.record_done();
                        }
                        done.push((i, read));
                    }
                    done
                })
            })
            .collect();
        let jobs = produce(inputs, &progress, &send);
        drop(send);
        let chunks = workers
            .into_iter()
            .map(|w| w.join().expect("a reader thread does not panic"))
            .collect();
        (chunks, jobs)
    });
    progress.finish();
    let mut results: Vec<Option<Read>> = (0..jobs).map(|_| None).collect();
    for (i, read) in chunks.into_iter().flatten() {
        results[i] = Some(read);
    }
    let mut timings = Timings {
        files: jobs,
        bytes: 0,
        threads,
        read_seconds: 0.0,
    };
    let articles = results
        .into_iter()
        .map(|r| {
            let read = r.expect("every job was read");
            timings.bytes += read.bytes;
            timings.read_seconds += read.spent.as_secs_f64();
            read.article
        })
        .collect();
    (articles, timings)
}

/// How many readers the inputs can keep busy, counting up to `threads`: one per input, unless
/// one of them is a container (its pages keep every reader busy).
fn most_jobs(inputs: &[Input], threads: usize) -> usize {
    if inputs.len() >= threads {
        return threads;
    }
    let container = inputs.iter().any(|input| match input {
        Input::File(path) => {
            head(path).is_some_and(|head| archive::sniff(&base_name(path), &head).is_container())
        }
        Input::Failed { .. } => false,
    });
    if container {
        threads
    } else {
        inputs.len().max(1)
    }
}

/// One report entry's work: a page file, a page out of a container, or an error already known.
enum Job {
    File(PathBuf),
    Record(archive::Record),
    Failed { name: String, message: String },
}

/// The message of a page the reader stopped on.
fn stopped(panic: &(dyn std::any::Any + Send)) -> String {
    let why = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    format!(
        "the reader stopped on this page ({why}); the other pages were read; please report it with the file"
    )
}

impl Job {
    /// The name the report gives the job's entry.
    fn name(&self) -> String {
        match self {
            Job::File(path) => base_name(path),
            Job::Record(record) => record.name.clone(),
            Job::Failed { name, .. } => name.clone(),
        }
    }

    fn read(self, knowledge: &Knowledge) -> Read {
        match self {
            Job::File(path) => read_one(knowledge, &Input::File(path)),
            Job::Failed { name, message } => Read::failed(&name, message),
            Job::Record(record) => read_record(knowledge, record),
        }
    }
}

/// Hands every input's jobs to the readers, numbered in input order: a page file as itself,
/// a container as its pages (opened here, one at a time, so its pages stream to the readers).
/// Returns how many jobs there were.
fn produce(inputs: &[Input], progress: &Progress, send: &SyncSender<(usize, Job)>) -> usize {
    let mut n = 0;
    let mut give = |job: Job| {
        // A reader thread that stopped has panicked; `read_all` reports that when joining.
        let _ = send.send((n, job));
        n += 1;
    };
    for input in inputs {
        let path = match input {
            Input::Failed { name, message } => {
                give(Job::Failed {
                    name: name.clone(),
                    message: message.clone(),
                });
                continue;
            }
            Input::File(path) => path,
        };
        let name = base_name(path);
        let kind = head(path).map_or(Kind::Page, |head| archive::sniff(&name, &head));
        if !kind.is_container() {
            give(Job::File(path.clone()));
            continue;
        }
        let bytes = match std::fs::metadata(path) {
            Ok(m) if m.len() > MAX_CONTAINER_BYTES => {
                give(Job::Failed {
                    message: format!(
                        "{} is {:.1} GB; files of pages over {} GB are not read; split it",
                        kind.describe(),
                        m.len() as f64 / 1e9,
                        MAX_CONTAINER_BYTES / 1_000_000_000
                    ),
                    name,
                });
                continue;
            }
            _ => match std::fs::read(path) {
                Ok(bytes) => bytes,
                Err(e) => {
                    give(Job::Failed {
                        message: format!("cannot read {}: {e}", path.display()),
                        name,
                    });
                    continue;
                }
            },
        };
        match archive::open(&name, &bytes, &intake::limits()) {
            Err(e) => give(Job::Failed {
                name,
                message: e.to_string(),
            }),
            Ok(container) => {
                for entry in container {
                    match entry {
                        Entry::Record(record) => give(Job::Record(record)),
                        Entry::Skipped { name, reason } => give(Job::Failed {
                            name,
                            message: reason,
                        }),
                        Entry::Note { name, message } => eprintln!("coverage: {name}: {message}"),
                    }
                }
            }
        }
        progress.file_done(bytes.len() as u64);
    }
    n
}

/// The largest file of pages (a zip, a WARC, an export) read; it is held in memory whole.
const MAX_CONTAINER_BYTES: u64 = 4_000_000_000;

/// The first bytes of a file, to tell its kind; `None` when it cannot be opened (reading it
/// then reports why).
fn head(path: &Path) -> Option<Vec<u8>> {
    let mut head = Vec::with_capacity(archive::HEAD);
    std::fs::File::open(path)
        .ok()?
        .take(archive::HEAD as u64)
        .read_to_end(&mut head)
        .ok()?;
    Some(head)
}

/// Reads one page out of a container (`intake::read_record`, as the page's worker does).
fn read_record(knowledge: &Knowledge, record: archive::Record) -> Read {
    let bytes = record.bytes.len() as u64;
    let started = Instant::now();
    let article = intake::read_record(knowledge, record);
    Read {
        article,
        bytes,
        spent: started.elapsed(),
    }
}

/// One input read: the article, the bytes the engine was given and the time it took over them.
struct Read {
    article: Article,
    bytes: u64,
    spent: Duration,
}

impl Read {
    fn failed(name: &str, message: String) -> Read {
        Read {
            article: Article::failed(name, message),
            bytes: 0,
            spent: Duration::ZERO,
        }
    }
}

fn read_one(knowledge: &Knowledge, input: &Input) -> Read {
    match input {
        Input::Failed { name, message } => Read::failed(name, message.clone()),
        Input::File(path) => {
            let name = base_name(path);
            match std::fs::metadata(path) {
                Ok(m) if m.len() > MAX_PAGE_BYTES => {
                    Read::failed(&name, intake::too_large(m.len()))
                }
                Ok(_) => match std::fs::read(path) {
                    Ok(bytes) => {
                        let started = Instant::now();
                        let article = knowledge.read_article(&name, &bytes);
                        Read {
                            article,
                            bytes: bytes.len() as u64,
                            spent: started.elapsed(),
                        }
                    }
                    Err(e) => Read::failed(&name, format!("cannot read {}: {e}", path.display())),
                },
                Err(e)
                    if std::fs::symlink_metadata(path)
                        .is_ok_and(|m| m.file_type().is_symlink()) =>
                {
                    Read::failed(
                        &name,
                        format!(
                            "{} is a symbolic link to a file that does not exist ({e})",
                            path.display()
                        ),
                    )
                }
                Err(e) => Read::failed(&name, format!("cannot read {}: {e}", path.display())),
            }
        }
    }
}
