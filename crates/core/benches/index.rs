//! The page's start-up and filtering, natively on one thread: decoding a bundle, building its
//! index, answering selections, laying out the top-300 map. The bundle is the one `cargo xtask
//! bench` wrote for 100,000 articles when `COVERAGE_BENCH_BUNDLE` names it, else one built here
//! from 2,000 synthetic pages (generated and read in memory).
//!
//! `COVERAGE_BENCH_BUNDLE=target/bench/bundle-100000/bundle.bin cargo bench -p coverage-core --bench index`

use corpus::Corpus;
use coverage_core::bundle::{BuildInfo, Bundle};
use coverage_core::index::{ActorMode, Index, Selection};
use coverage_core::layout::{graph_of, layout};
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use reader::Knowledge;
use std::sync::LazyLock;
use synth::SynthConfig;

const ACTORS: &str = include_str!("../../../corpus/actors.toml");
const OUTLETS: &str = include_str!("../../../corpus/outlets.toml");
const SOURCES: &str = include_str!("../../../corpus/sources.toml");
const GENERATED: usize = 2_000;

static BYTES: LazyLock<Vec<u8>> = LazyLock::new(|| {
    if let Some(path) = std::env::var_os("COVERAGE_BENCH_BUNDLE").filter(|p| !p.is_empty()) {
        return std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.to_string_lossy()));
    }
    let knowledge = Knowledge::from_sources(ACTORS, OUTLETS, SOURCES).expect("corpus files load");
    let config = SynthConfig {
        articles: GENERATED,
        seed: 20_240_611,
    };
    let articles = synth::articles(&knowledge, config)
        .expect("the seed dictionaries can make pages")
        .collect();
    let corpus = Corpus::assemble(articles);
    corpus::bundle::build(&corpus, &knowledge.profiles, BuildInfo::default()).bundle
});

static BUNDLE: LazyLock<Bundle> = LazyLock::new(|| Bundle::decode(&BYTES).expect("decodes"));
static INDEX: LazyLock<Index> = LazyLock::new(|| Index::build(&BUNDLE.index));

fn main() {
    let b = &*BUNDLE;
    eprintln!(
        "bundle: {} articles, {} actors, {} bytes",
        b.index.columns.len(),
        b.index.actors.len(),
        BYTES.len()
    );
    divan::main();
}

fn articles() -> ItemsCount {
    ItemsCount::new(BUNDLE.index.columns.len())
}

/// Bundle bytes → index part (the text chunks stay compressed).
#[divan::bench(sample_count = 10)]
fn decode(bencher: Bencher) {
    bencher
        .counter(articles())
        .bench(|| Bundle::decode(black_box(&BYTES)).expect("decodes"));
}

/// Index part → bitsets and count tables.
#[divan::bench(sample_count = 10)]
fn index_build(bencher: Bencher) {
    bencher
        .counter(articles())
        .bench(|| Index::build(black_box(&BUNDLE.index)));
}

/// Actors by articles, most first: what the benchmark page clicks most.
fn frequent(rank: usize) -> u32 {
    let mut order: Vec<u32> = (0..INDEX.actor_sets.len() as u32).collect();
    order.sort_by_key(|&a| (std::cmp::Reverse(INDEX.actor_sets[a as usize].len()), a));
    order.get(rank).copied().unwrap_or(0)
}

fn years(k: usize) -> Vec<Option<i16>> {
    INDEX.years.iter().rev().skip(1).take(k).copied().collect()
}

/// A filter change's whole answer: matches, every facet's counts, the 30-actor map's edges.
#[divan::bench(args = ["nothing", "top actor", "three actors (any)", "two actors (all)", "one year", "two years, one outlet", "top actor in one year"])]
fn query(bencher: Bencher, case: &str) {
    let sel = match case {
        "nothing" => Selection::default(),
        "top actor" => Selection {
            actors: vec![frequent(0)],
            ..Selection::default()
        },
        "three actors (any)" => Selection {
            actors: vec![frequent(1), frequent(5), frequent(9)],
            mode: ActorMode::Any,
            ..Selection::default()
        },
        "two actors (all)" => Selection {
            actors: vec![frequent(0), frequent(1)],
            ..Selection::default()
        },
        "one year" => Selection {
            years: years(1),
            ..Selection::default()
        },
        "two years, one outlet" => Selection {
            years: years(2),
            outlets: vec![Some(0)],
            ..Selection::default()
        },
        _ => Selection {
            actors: vec![frequent(0)],
            years: years(1),
            ..Selection::default()
        },
    };
    let cols = &BUNDLE.index.columns;
    bencher.bench(|| INDEX.query(cols, black_box(&sel), 30));
}

/// A fresh layout of the whole corpus's 300 most-named actors and every edge among them.
#[divan::bench(sample_count = 10)]
fn layout_300(bencher: Bencher) {
    let r = INDEX.query(&BUNDLE.index.columns, &Selection::default(), 300);
    let (nodes, edges) = graph_of(&r, |_| None);
    bencher.bench(|| layout(black_box(&nodes), black_box(&edges), 7));
}
