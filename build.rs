//! Build step of the page: parses `corpus/` with the engine (native, at build time) and writes
//! the bundle the page embeds. The page never parses raw pages. `COVERAGE_CORPUS` points at
//! another corpus folder (the benchmark's synthetic one); `SOURCE_DATE_EPOCH` fixes the build
//! time so two builds of the same corpus are byte-identical.

use engine::bundle::{BuildInfo, build, corpus_hash};
use engine::{Corpus, Knowledge};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn main() {
    println!("cargo:rerun-if-env-changed=COVERAGE_CORPUS");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let corpus = std::env::var_os("COVERAGE_CORPUS").map_or_else(|| PathBuf::from("corpus"), PathBuf::from);
    println!("cargo:rerun-if-changed={}", corpus.display());
    let read = |name: &str| std::fs::read(corpus.join(name)).unwrap_or_default();
    let (actors, outlets, sources) = (read("actors.toml"), read("outlets.toml"), read("sources.toml"));
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let knowledge = Knowledge::from_sources(&text(&actors), &text(&outlets), &text(&sources))
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()));
    let files = article_files(&corpus.join("articles"));
    let pages: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap_or_default()).collect();
    let articles = files
        .iter()
        .zip(&pages)
        .map(|(path, bytes)| {
            let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            knowledge.read_article(&name, bytes)
        })
        .collect();
    let corpus_data = Corpus::assemble(articles);
    let hash = corpus_hash(
        [actors.as_slice(), outlets.as_slice(), sources.as_slice()].into_iter().chain(pages.iter().map(Vec::as_slice)),
    );
    let info = BuildInfo { files: files.len() as u32, built: build_time(), corpus_hash: hash };
    let bytes = build(&corpus_data, &knowledge.profiles, info);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// Article files in byte order of their names (as `LC_ALL=C ls` lists them).
fn article_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn build_time() -> String {
    let time = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map_or_else(SystemTime::now, |secs| UNIX_EPOCH + Duration::from_secs(secs));
    humantime::format_rfc3339_seconds(time).to_string()
}
