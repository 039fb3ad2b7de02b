//! Ingest throughput on one thread: `Knowledge::read_article` over at least 50 MB of synthetic
//! pages (divan prints MB/s), `Corpus::assemble` (duplicates and relations) over the articles
//! they give, and the duplicate search alone over the body texts of 10,000 and 100,000 pages,
//! with its precision and recall against the copies the generator made. The pages are
//! generated once, in memory, from a fixed seed. One more case reads a crowded page: a 1.2 MB
//! page that repeats one sentence listing every actor of the dictionary (what one sentence can
//! cost must not grow with the square of the names it lists); its report size is printed once
//! before the timings.
//!
//! `cargo bench -p coverage-corpus --bench ingest`

use corpus::Corpus;
use corpus::dedupe::Page;
use coverage_core::model::{Article, Day};
use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use reader::Knowledge;
use std::sync::LazyLock;
use synth::{SynthConfig, SynthPage};

/// The allocator of the `coverage` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    synth::generate(&KNOWLEDGE, config)
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

/// The most pages the duplicate search is timed on.
const STORY_PAGES: usize = 100_000;

/// Synthetic pages as the duplicate search sees them: body text and date, and the page each
/// one truly repeats (the generator's truth).
struct Stories {
    texts: Vec<String>,
    dates: Vec<Option<Day>>,
    truth: Vec<Option<usize>>,
}

static STORIES: LazyLock<Stories> = LazyLock::new(|| {
    let started = std::time::Instant::now();
    let config = SynthConfig {
        articles: STORY_PAGES,
        seed: SEED,
    };
    let mut index = std::collections::HashMap::new();
    let mut s = Stories {
        texts: Vec::with_capacity(STORY_PAGES),
        dates: Vec::with_capacity(STORY_PAGES),
        truth: Vec::with_capacity(STORY_PAGES),
    };
    let pages = synth::generate(&KNOWLEDGE, config).expect("the corpus makes pages");
    for (i, page) in pages.enumerate() {
        let article = KNOWLEDGE.read_article(&page.name, &page.bytes);
        s.texts.push(corpus::dedupe::body_text(&article));
        s.dates.push(article.date);
        s.truth
            .push(page.truth.duplicate_of.and_then(|d| index.get(&d).copied()));
        index.insert(page.name, i);
    }
    eprintln!(
        "{} synthetic pages read for the duplicate search in {:.1} s",
        s.texts.len(),
        started.elapsed().as_secs_f64()
    );
    s
});

/// Precision and recall of the duplicates found against the truth, by pairs (a page and the
/// page it is said to repeat): a found pair is right when both pages belong to one story; a
/// true pair is found when both pages were put in one group.
fn quality(found: &[Option<usize>], truth: &[Option<usize>]) -> (f64, f64, usize, usize) {
    let group = |links: &[Option<usize>], i: usize| links[i].unwrap_or(i);
    let right = (0..found.len())
        .filter(|&i| found[i].is_some_and(|j| group(truth, i) == group(truth, j)))
        .count();
    let marked = found.iter().filter(|f| f.is_some()).count();
    let caught = (0..truth.len())
        .filter(|&i| truth[i].is_some_and(|j| group(found, i) == group(found, j)))
        .count();
    let copies = truth.iter().filter(|t| t.is_some()).count();
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    (ratio(right, marked), ratio(caught, copies), marked, copies)
}

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

/// The duplicate search alone, over the body texts of the first `n` synthetic pages; prints its
/// precision and recall against the generator's truth before timing.
#[divan::bench(args = [10_000, STORY_PAGES], sample_count = 3, sample_size = 1)]
fn find_duplicates(bencher: Bencher, n: usize) {
    let s = &*STORIES;
    let n = n.min(s.texts.len());
    let pages: Vec<Page> = (0..n)
        .map(|i| Page {
            text: &s.texts[i],
            date: s.dates[i],
        })
        .collect();
    let truth: Vec<Option<usize>> = s.truth[..n].to_vec();
    let found = corpus::dedupe::find_duplicates(&pages);
    let (precision, recall, marked, copies) = quality(&found, &truth);
    let same = (0..n).filter(|&i| found[i] == truth[i]).count();
    eprintln!(
        "duplicates in {n} pages: {marked} marked, {copies} made; precision {precision:.4}, \
         recall {recall:.4}; the same original as made for {same} of {n} pages"
    );
    bencher
        .counter(ItemsCount::new(n))
        .bench(|| corpus::dedupe::find_duplicates(&pages));
}
