//! `coverage bundle`: reads pages and writes the page's bundle (`coverage_core::bundle`) to a file, with
//! a large corpus's text chunks as files in `chunks/` beside it. The same bytes `build.rs` embeds
//! in the page, for benchmarks and for checking a corpus before a page build.

use crate::inputs;
use corpus::Corpus;
use corpus::bundle::corpus_hash;
use coverage_core::bundle::{BuildInfo, Bundle};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Reads `paths` with the dictionaries of `corpus` on `threads` threads, writes the bundle to
/// `out` and returns the summary line and the `--timings` line. `built` is the build time the
/// footer shows.
pub fn write(
    corpus: Option<&Path>,
    paths: &[PathBuf],
    threads: usize,
    out: &Path,
    built: String,
) -> Result<(String, String), String> {
    let knowledge = inputs::knowledge(corpus)?;
    let files = inputs::expand(paths);
    let started = Instant::now();
    let (articles, timings) = inputs::read_all(&knowledge, &files, threads);
    let timings_threads = timings.threads;
    let read_secs = started.elapsed().as_secs_f64();
    let assembling = Instant::now();
    let data = Corpus::assemble(articles);
    let timings = timings.line(assembling.elapsed().as_secs_f64());
    // The hash as build.rs takes it: the corpus files, then every page in input order.
    let dir = corpus.map_or_else(|| PathBuf::from("corpus"), Path::to_path_buf);
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_default();
    let toml = [
        read("actors.toml"),
        read("outlets.toml"),
        read("sources.toml"),
    ];
    let mut bytes_in = 0u64;
    let pages = files.iter().map(|input| match input {
        inputs::Input::File(path) => std::fs::read(path).unwrap_or_default(),
        inputs::Input::Failed { .. } => Vec::new(),
    });
    let pages: Vec<Vec<u8>> = pages.inspect(|p| bytes_in += p.len() as u64).collect();
    let info = BuildInfo {
        files: files.len() as u32,
        built,
        corpus_hash: corpus_hash(
            toml.iter()
                .map(Vec::as_slice)
                .chain(pages.iter().map(Vec::as_slice)),
        ),
    };
    let encoded = corpus::bundle::build(&data, &knowledge.profiles, info);
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(out, &encoded.bundle)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let chunk_bytes: usize = encoded.chunks.iter().map(Vec::len).sum();
    if !encoded.chunks.is_empty() {
        let base = out.parent().unwrap_or(Path::new("."));
        let dir = base.join("chunks");
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for (i, chunk) in encoded.chunks.iter().enumerate() {
            let path = base.join(Bundle::chunk_path(i));
            std::fs::write(&path, chunk)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    let total = started.elapsed().as_secs_f64();
    let summary = format!(
        "{} articles, {:.1} MB read in {read_secs:.1} s ({:.1} MB/s on {} threads); bundle {} bytes; \
         {} text chunks ({} bytes) {}; {total:.1} s in all",
        data.articles.len(),
        bytes_in as f64 / 1e6,
        bytes_in as f64 / 1e6 / read_secs.max(1e-9),
        timings_threads,
        encoded.bundle.len(),
        data.articles
            .len()
            .div_ceil(coverage_core::bundle::CHUNK_ARTICLES),
        chunk_bytes,
        if encoded.chunks.is_empty() {
            "inline".to_string()
        } else {
            format!("in {}", out.with_file_name("chunks").display())
        },
    );
    Ok((summary, timings))
}
