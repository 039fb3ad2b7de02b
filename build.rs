//! Build step of the page: parses `corpus/` with the engine (native, at build time) and writes
//! the bundle the page embeds. The page never parses raw pages. `COVERAGE_CORPUS` points at
//! another corpus folder (the benchmark's synthetic one); `SOURCE_DATE_EPOCH` fixes the build
//! time so two builds of the same corpus are byte-identical.
//!
//! A large corpus (see `coverage_core::bundle::Bundle::encode_auto`) keeps only its index part in the
//! wasm: the text chunks become files, written to `COVERAGE_CHUNKS_OUT` (the xtask sets it and
//! copies the folder into the page's `chunks/`), or else to `$OUT_DIR/chunks` with a warning.
//!
//! `COVERAGE_BUNDLE` names a bundle `coverage bundle` already wrote (its chunks in `chunks/`
//! beside it): the page embeds that one instead of reading a corpus again. The benchmark uses
//! it so that 100,000 pages are read once, not twice.

use corpus::Corpus;
use corpus::bundle::{build, corpus_hash};
use coverage_core::bundle::{BuildInfo, Bundle};
use reader::Knowledge;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn main() {
    println!("cargo:rerun-if-env-changed=COVERAGE_CORPUS");
    println!("cargo:rerun-if-env-changed=COVERAGE_CHUNKS_OUT");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    println!("cargo:rerun-if-env-changed=COVERAGE_BUNDLE");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let chosen = std::env::var_os("COVERAGE_CHUNKS_OUT").map(PathBuf::from);
    if let Some(bundle) = std::env::var_os("COVERAGE_BUNDLE").filter(|b| !b.is_empty()) {
        prebuilt(Path::new(&bundle), &out_dir, chosen.as_deref());
        return;
    }
    let corpus =
        std::env::var_os("COVERAGE_CORPUS").map_or_else(|| PathBuf::from("corpus"), PathBuf::from);
    println!("cargo:rerun-if-changed={}", corpus.display());
    let read = |name: &str| std::fs::read(corpus.join(name)).unwrap_or_default();
    let (actors, outlets, sources) = (
        read("actors.toml"),
        read("outlets.toml"),
        read("sources.toml"),
    );
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let knowledge = Knowledge::from_sources(&text(&actors), &text(&outlets), &text(&sources))
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()));
    let files = article_files(&corpus.join("articles"));
    let pages: Vec<Vec<u8>> = files
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_default())
        .collect();
    let articles = read_all(&knowledge, &files, &pages);
    let corpus_data = Corpus::assemble(articles);
    let hash = corpus_hash(
        [actors.as_slice(), outlets.as_slice(), sources.as_slice()]
            .into_iter()
            .chain(pages.iter().map(Vec::as_slice)),
    );
    let info = BuildInfo {
        files: files.len() as u32,
        built: build_time(),
        corpus_hash: hash,
    };
    let encoded = build(&corpus_data, &knowledge.profiles, info);
    let out = out_dir.join("corpus.bin");
    std::fs::write(&out, &encoded.bundle)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    if encoded.chunks.is_empty() {
        // Texts are inline: leave no chunks of an earlier build where the xtask looks.
        if let Some(dir) = &chosen {
            write_chunks(dir, &[]);
        }
        return;
    }
    let dir = chosen.unwrap_or_else(|| {
        let dir = out_dir.join("chunks");
        println!(
            "cargo:warning={} articles: their texts are {} files in {}; copy that folder \
             next to index.html as chunks/ (cargo xtask serve does)",
            files.len(),
            encoded.chunks.len(),
            dir.display()
        );
        dir
    });
    write_chunks(&dir, &encoded.chunks);
}

/// Embeds a bundle written by `coverage bundle`, after checking that it decodes, and passes
/// its chunk files on.
fn prebuilt(bundle: &Path, out_dir: &Path, chosen: Option<&Path>) {
    println!("cargo:rerun-if-changed={}", bundle.display());
    let bytes = std::fs::read(bundle)
        .unwrap_or_else(|e| panic!("COVERAGE_BUNDLE {}: {e}", bundle.display()));
    let decoded = Bundle::decode(&bytes)
        .unwrap_or_else(|e| panic!("COVERAGE_BUNDLE {} is not a bundle: {e}", bundle.display()));
    let out = out_dir.join("corpus.bin");
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    let from = bundle.parent().unwrap_or(Path::new(".")).join("chunks");
    let external = if decoded.is_external() {
        decoded.chunk_count()
    } else {
        0
    };
    let chunks: Vec<Vec<u8>> = (0..external)
        .map(|i| {
            let path = from.join(Bundle::chunk_path(i).trim_start_matches("chunks/"));
            std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect();
    let dir = chosen.map_or_else(|| out_dir.join("chunks"), Path::to_path_buf);
    write_chunks(&dir, &chunks);
}

/// Reads every page on all cores, keeping file order.
fn read_all(
    knowledge: &Knowledge,
    files: &[PathBuf],
    pages: &[Vec<u8>],
) -> Vec<coverage_core::model::Article> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(per)
            .zip(pages.chunks(per))
            .map(|(files, pages)| {
                scope.spawn(move || {
                    files
                        .iter()
                        .zip(pages)
                        .map(|(path, bytes)| {
                            let name = path
                                .file_name()
                                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                            knowledge.read_article(&name, bytes)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a reader thread panicked"))
            .collect()
    })
}

/// Writes the chunk files into `dir/`, replacing what an earlier build left there.
fn write_chunks(dir: &Path, chunks: &[Vec<u8>]) {
    // `Bundle::chunk_path` is `chunks/NNNNN.bin`; the folder here plays `chunks/`.
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    // Only chunk files are removed: the folder may be one the caller chose.
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let stem = name.strip_suffix(".bin").unwrap_or_default();
        if stem.len() == 5 && stem.bytes().all(|b| b.is_ascii_digit()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    for (i, bytes) in chunks.iter().enumerate() {
        let name = Bundle::chunk_path(i);
        let path = dir.join(name.trim_start_matches("chunks/"));
        std::fs::write(&path, bytes)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}

/// Article files in byte order of their names (as `LC_ALL=C ls` lists them).
fn article_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn build_time() -> String {
    let time = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map_or_else(SystemTime::now, |secs| {
            UNIX_EPOCH + Duration::from_secs(secs)
        });
    humantime::format_rfc3339_seconds(time).to_string()
}
