//! The page's corpus builder gives the bundle `build.rs` gives for the same files and
//! dictionaries: the seed corpus read both ways, byte for byte.

use corpus::Corpus;
use corpus::bundle;
use coverage_core::bundle::BuildInfo;
use reader::Knowledge;
use std::path::PathBuf;

#[test]
fn the_page_builds_the_bundle_build_rs_builds() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let text = |name: &str| std::fs::read_to_string(corpus.join(name)).unwrap_or_default();
    let (actors, outlets, sources) = (
        text("actors.toml"),
        text("outlets.toml"),
        text("sources.toml"),
    );
    let knowledge = Knowledge::from_sources(&actors, &outlets, &sources).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let pages: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(p).unwrap())
        })
        .collect();
    assert!(pages.len() >= 5, "the seed corpus is there");

    // As build.rs does it.
    let hash = bundle::corpus_hash(
        [actors.as_bytes(), outlets.as_bytes(), sources.as_bytes()]
            .into_iter()
            .chain(pages.iter().map(|(_, b)| b.as_slice())),
    );
    let info = BuildInfo {
        files: pages.len() as u32,
        built: "2024-06-19T00:00:00Z".into(),
        corpus_hash: hash,
    };
    let articles = pages
        .iter()
        .map(|(name, bytes)| knowledge.read_article(name, bytes))
        .collect();
    let built = bundle::build(&Corpus::assemble(articles), &knowledge.profiles, info);
    assert!(built.chunks.is_empty(), "the seeds' texts are inline");

    // As the page's worker does it.
    let mut hash = intake::CorpusHash::new(&actors, &outlets, &sources);
    let mut articles = Vec::new();
    for (name, bytes) in &pages {
        hash.add(bytes);
        intake::read_file(&knowledge, name, bytes, &mut |a| articles.push(a));
    }
    let info = BuildInfo {
        files: pages.len() as u32,
        built: "2024-06-19T00:00:00Z".into(),
        corpus_hash: hash.finish(),
    };
    let in_page = intake::bundle(&knowledge.profiles, articles, info);
    assert_eq!(in_page, built.bundle);
}
