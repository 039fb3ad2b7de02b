//! Files in: expanding paths into files, reading them (in parallel, order kept), and loading the
//! corpus dictionaries. Every failure becomes an error entry for that file, never a skip.

use engine::Knowledge;
use engine::article::MAX_PAGE_BYTES;
use engine::model::Article;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// Reads and parses every input on all cores; results keep input order.
pub fn read_all(knowledge: &Knowledge, inputs: &[Input]) -> Vec<Article> {
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(inputs.len().max(1));
    let mut results: Vec<Option<Article>> = vec![None; inputs.len()];
    let chunks: Vec<Vec<(usize, Article)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(input) = inputs.get(i) else { break };
                        done.push((i, read_one(knowledge, input)));
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
    for (i, article) in chunks.into_iter().flatten() {
        results[i] = Some(article);
    }
    results
        .into_iter()
        .map(|a| a.expect("every input was read"))
        .collect()
}

fn read_one(knowledge: &Knowledge, input: &Input) -> Article {
    match input {
        Input::Failed { name, message } => Article::failed(name, message.clone()),
        Input::File(path) => {
            let name = base_name(path);
            match std::fs::metadata(path) {
                Ok(m) if m.len() > MAX_PAGE_BYTES => Article::failed(
                    &name,
                    format!(
                        "the file is {:.1} MB; pages over {} MB are not read (is it a dump of many pages? split it)",
                        m.len() as f64 / 1e6,
                        MAX_PAGE_BYTES / 1_000_000
                    ),
                ),
                Ok(_) => match std::fs::read(path) {
                    Ok(bytes) => knowledge.read_article(&name, &bytes),
                    Err(e) => {
                        Article::failed(&name, format!("cannot read {}: {e}", path.display()))
                    }
                },
                Err(e)
                    if std::fs::symlink_metadata(path)
                        .is_ok_and(|m| m.file_type().is_symlink()) =>
                {
                    Article::failed(
                        &name,
                        format!(
                            "{} is a symbolic link to a file that does not exist ({e})",
                            path.display()
                        ),
                    )
                }
                Err(e) => Article::failed(&name, format!("cannot read {}: {e}", path.display())),
            }
        }
    }
}
