//! Files in: expanding paths into files, reading them (in parallel, order kept, timed, with a
//! progress bar on a terminal), and loading the corpus dictionaries. Every failure becomes an
//! error entry for that file, never a skip.

use crate::progress::Progress;
use engine::Knowledge;
use engine::article::MAX_PAGE_BYTES;
use engine::model::Article;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The dictionaries shipped with the tool, used when no corpus folder is given or found.
const BUILTIN_ACTORS: &str = include_str!("../../../corpus/actors.toml");
const BUILTIN_OUTLETS: &str = include_str!("../../../corpus/outlets.toml");

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
    let actors = read("actors.toml", BUILTIN_ACTORS)?;
    let outlets = read("outlets.toml", BUILTIN_OUTLETS)?;
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

/// Reads and parses every input on `threads` threads; results keep input order. A progress bar
/// is drawn on standard error when it is a terminal.
pub fn read_all(
    knowledge: &Knowledge,
    inputs: &[Input],
    threads: usize,
) -> (Vec<Article>, Timings) {
    let next = AtomicUsize::new(0);
    let threads = threads.clamp(1, inputs.len().max(1));
    let progress = Progress::new(inputs);
    let mut results: Vec<Option<Article>> = vec![None; inputs.len()];
    let mut timings = Timings {
        files: inputs.len(),
        bytes: 0,
        threads,
        read_seconds: 0.0,
    };
    let chunks: Vec<Vec<(usize, Read)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(input) = inputs.get(i) else { break };
                        let read = read_one(knowledge, input);
                        progress.file_done(read.bytes);
                        done.push((i, read));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a reader thread does not panic"))
            .collect()
    });
    progress.finish();
    for (i, read) in chunks.into_iter().flatten() {
        timings.bytes += read.bytes;
        timings.read_seconds += read.spent.as_secs_f64();
        results[i] = Some(read.article);
    }
    let articles = results
        .into_iter()
        .map(|a| a.expect("every input was read"))
        .collect();
    (articles, timings)
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
                Ok(m) if m.len() > MAX_PAGE_BYTES => Read::failed(
                    &name,
                    format!(
                        "the file is {:.1} MB; pages over {} MB are not read (is it a dump of many pages? split it)",
                        m.len() as f64 / 1e6,
                        MAX_PAGE_BYTES / 1_000_000
                    ),
                ),
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
