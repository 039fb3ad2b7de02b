// Throwaway: a fixed workload for callgrind (2,000 synthetic pages read once, then assembled).
use engine::model::Article;
use engine::synth::{SynthConfig, SynthPage, generate};
use engine::{Corpus, Knowledge};

const CORPUS: &str = "/work/main/corpus";

#[inline(never)]
fn read_all(k: &Knowledge, pages: &[SynthPage]) -> Vec<Article> {
    pages
        .iter()
        .map(|p| k.read_article(&p.name, &p.bytes))
        .collect()
}

#[inline(never)]
fn assemble_all(articles: Vec<Article>) -> Corpus {
    Corpus::assemble(articles)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let read = |p: &str| std::fs::read_to_string(format!("{CORPUS}/{p}")).unwrap();
    let k = Knowledge::from_sources(
        &read("actors.toml"),
        &read("outlets.toml"),
        &read("sources.toml"),
    )
    .unwrap();
    let pages: Vec<SynthPage> = generate(
        &k,
        SynthConfig {
            articles: n,
            seed: 2024,
        },
    )
    .unwrap()
    .collect();
    let bytes: usize = pages.iter().map(|p| p.bytes.len()).sum();
    let articles = std::hint::black_box(read_all(&k, &pages));
    let corpus = std::hint::black_box(assemble_all(articles));
    eprintln!(
        "{} pages, {} bytes, {} relations",
        pages.len(),
        bytes,
        corpus.relations.len()
    );
}
