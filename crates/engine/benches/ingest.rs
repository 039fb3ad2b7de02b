//! Ingest throughput on one thread: `Knowledge::read_article` over at least 50 MB of synthetic
//! pages (divan prints MB/s), and `Corpus::assemble` (duplicates and relations) over the articles
//! they give. The pages are generated once, in memory, from a fixed seed. One more case reads a
//! crowded page: a 1.2 MB page that repeats one sentence listing every actor of the dictionary
//! (what one sentence can cost must not grow with the square of the names it lists); its report
//! size is printed once before the timings.
//!
//! `cargo bench -p coverage-engine --bench ingest`

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use engine::model::Article;
use engine::synth::{SynthConfig, SynthPage};
use engine::{Corpus, Knowledge};
use std::sync::LazyLock;

const ACTORS: &str = include_str!("../../../corpus/actors.toml");
const OUTLETS: &str = include_str!("../../../corpus/outlets.toml");
const SOURCES: &str = include_str!("../../../corpus/sources.toml");

/// Pages are generated until they add up to this many bytes.
const CORPUS_BYTES: usize = 50_000_000;
const SEED: u64 = 2024;

static KNOWLEDGE: LazyLock<Knowledge> = LazyLock::new(|| {
    Knowledge::from_sources(ACTORS, OUTLETS, SOURCES).expect("the corpus files load")
});

static PAGES: LazyLock<Vec<SynthPage>> = LazyLock::new(|| {
    let config = SynthConfig {
        articles: usize::MAX,
        seed: SEED,
    };
    let mut bytes = 0;
    engine::synth::generate(&KNOWLEDGE, config)
        .expect("the corpus makes pages")
        .take_while(|page| {
            let more = bytes < CORPUS_BYTES;
            bytes += page.bytes.len();
            more
        })
        .collect()
});

static ARTICLES: LazyLock<Vec<Article>> = LazyLock::new(|| {
    PAGES
        .iter()
        .map(|p| KNOWLEDGE.read_article(&p.name, &p.bytes))
        .collect()
});

/// A page whose body repeats, paragraph after paragraph, one sentence that lists every actor of
/// the dictionary by its name, until the page is 1.2 MB.
static CROWDED: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let names: Vec<&str> = KNOWLEDGE
        .matcher
        .dict
        .actors
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    let (last, rest) = names.split_last().expect("the dictionary has actors");
    let sentence = format!(
        "Delegates from {} and {last} gathered in the hall on Monday.",
        rest.join(", ")
    );
    let mut page = String::from("A crowded hall\n\n");
    while page.len() < 1_200_000 {
        page.push_str(&sentence);
        page.push_str("\n\n");
    }
    page.into_bytes()
});

fn corpus_bytes() -> usize {
    PAGES.iter().map(|p| p.bytes.len()).sum()
}

fn main() {
    // Generate and read everything before any timing starts, and say what is measured.
    let started = std::time::Instant::now();
    let (pages, bytes) = (PAGES.len(), corpus_bytes());
    let generated = started.elapsed();
    let articles = ARTICLES.len();
    eprintln!(
        "{pages} synthetic pages, {:.1} MB (generated in {:.1} s); {articles} articles read once in {:.1} s",
        bytes as f64 / 1e6,
        generated.as_secs_f64(),
        (started.elapsed() - generated).as_secs_f64()
    );
    let started = std::time::Instant::now();
    let crowded = KNOWLEDGE.read_article("crowded.txt", &CROWDED);
    let read = started.elapsed();
    let report = Corpus::assemble(vec![crowded]).to_json().to_string();
    eprintln!(
        "crowded page: {:.1} MB with {} actors in one sentence, read in {:.2} s; report {:.1} MB",
        CROWDED.len() as f64 / 1e6,
        KNOWLEDGE.matcher.dict.actors.len(),
        read.as_secs_f64(),
        report.len() as f64 / 1e6
    );
    divan::main();
}

/// The crowded page (one sentence naming every actor, repeated to 1.2 MB) through the reader
/// and into a corpus.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn crowded_page(bencher: Bencher) {
    bencher
        .counter(BytesCount::new(CROWDED.len()))
        .bench(|| Corpus::assemble(vec![KNOWLEDGE.read_article("crowded.txt", &CROWDED)]));
}

/// Every page through the whole reader: decode, clean, dates, outlet, actors, evidence.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn read_article(bencher: Bencher) {
    bencher
        .counter(BytesCount::new(corpus_bytes()))
        .counter(ItemsCount::new(PAGES.len()))
        .bench(|| {
            for page in PAGES.iter() {
                black_box(KNOWLEDGE.read_article(&page.name, &page.bytes));
            }
        });
}

/// Near-duplicate detection and relation gathering over all the articles.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn assemble(bencher: Bencher) {
    bencher
        .counter(BytesCount::new(corpus_bytes()))
        .counter(ItemsCount::new(ARTICLES.len()))
        .with_inputs(|| ARTICLES.clone())
        .bench_values(Corpus::assemble);
}
