//! The five seed pages in `corpus/articles/` read with the real corpus dictionaries: the full JSON
//! report and each seed's cleaning as reviewed snapshots, and the facts of
//! `shared/spec/seeds-expected.json` (copied to `tests/data/`) checked field by field.

use corpus::Corpus;
use coverage_core::model::Article;
use reader::Knowledge;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

static KNOWLEDGE: LazyLock<Knowledge> = LazyLock::new(|| {
    let dir = corpus_dir();
    Knowledge::from_sources(
        &read(&dir.join("actors.toml")),
        &read(&dir.join("outlets.toml")),
        &read(&dir.join("sources.toml")),
    )
    .expect("the corpus dictionaries load")
});

/// The seeds read and assembled, in file-name order.
static SEEDS: LazyLock<Corpus> = LazyLock::new(|| {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir().join("articles"))
        .expect("corpus/articles is a folder")
        .map(|e| e.expect("a readable entry").path())
        .collect();
    files.sort();
    let articles = files
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            let bytes = std::fs::read(path).expect("a readable seed");
            KNOWLEDGE.read_article(&name, &bytes)
        })
        .collect();
    Corpus::assemble(articles)
});

/// The expected facts, one object per seed.
static EXPECTED: LazyLock<Vec<Value>> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds-expected.json");
    serde_json::from_str(&read(&path)).expect("seeds-expected.json is JSON")
});

fn article(file: &str) -> &'static Article {
    SEEDS
        .articles
        .iter()
        .find(|a| a.source == file)
        .unwrap_or_else(|| panic!("{file} is not among the seeds read"))
}

/// The expected value of `field` and its `{field}_alternatives`, as JSON values.
fn accepted(expected: &Value, field: &str) -> Vec<Value> {
    let mut values = vec![expected[field].clone()];
    if let Some(alternatives) = expected[format!("{field}_alternatives")].as_array() {
        values.extend(alternatives.iter().cloned());
    }
    values
}

fn names(expected: &Value, field: &str) -> Vec<String> {
    expected[field]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|v| v.as_str().expect("an actor name").to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Checks one metadata field of every seed; the message lists every seed that differs.
fn check_field(field: &str, got: impl Fn(&Article) -> Value) {
    let mismatches: Vec<String> = EXPECTED
        .iter()
        .filter_map(|expected| {
            let file = expected["file"].as_str().expect("a file name");
            let value = got(article(file));
            let accepted = accepted(expected, field);
            (!accepted.contains(&value))
                .then(|| format!("{file}: {field} is {value}, expected one of {accepted:?}"))
        })
        .collect();
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

fn opt(value: Option<&str>) -> Value {
    value.map_or(Value::Null, |s| Value::String(s.to_string()))
}

#[test]
fn every_seed_is_in_the_expectations() {
    let expected: Vec<&str> = EXPECTED
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    let read: Vec<&str> = SEEDS.articles.iter().map(|a| a.source.as_str()).collect();
    assert_eq!(read, expected);
}

#[test]
fn seed_outlets_are_as_expected() {
    check_field("outlet", |a| opt(a.outlet.as_deref()));
}

#[test]
fn seed_dates_are_publication_dates() {
    check_field("date", |a| opt(a.date.map(|d| d.to_string()).as_deref()));
}

#[test]
fn seed_titles_are_the_headlines() {
    check_field("title", |a| opt(a.title.as_deref()));
}

#[test]
fn seed_bylines_are_as_printed() {
    check_field("byline", |a| opt(a.byline.as_deref()));
}

#[test]
fn seeds_name_every_required_actor() {
    let missing: Vec<String> = EXPECTED
        .iter()
        .flat_map(|expected| {
            let file = expected["file"].as_str().unwrap();
            let found: Vec<&str> = article(file)
                .actors
                .iter()
                .map(|a| a.name.as_str())
                .collect();
            names(expected, "actors")
                .into_iter()
                .filter(move |name| !found.contains(&name.as_str()))
                .map(move |name| format!("{file}: {name} not found"))
        })
        .collect();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn seeds_report_no_actor_outside_the_expected_lists() {
    let extra: Vec<String> = EXPECTED
        .iter()
        .flat_map(|expected| {
            let file = expected["file"].as_str().unwrap();
            let allowed: Vec<String> = names(expected, "actors")
                .into_iter()
                .chain(names(expected, "actors_optional"))
                .collect();
            article(file)
                .actors
                .iter()
                .filter(move |a| !allowed.contains(&a.name))
                .map(move |a| format!("{file}: unexpected actor {:?} ({})", a.name, a.id))
        })
        .collect();
    assert!(extra.is_empty(), "{}", extra.join("\n"));
}

#[test]
fn seed_report_matches_snapshot() {
    insta::assert_json_snapshot!("seed_report", SEEDS.to_json());
}

/// The clean body and the removed lines of one article, one line each, for review.
fn cleaning(article: &Article) -> String {
    let mut out = format!("title: {}\n\n", article.title.as_deref().unwrap_or("-"));
    for p in &article.paragraphs {
        out.push_str(&format!("[{}] {}\n", json_name(&p.kind), p.text));
    }
    out.push_str("\nremoved:\n");
    for r in &article.removed {
        out.push_str(&format!("[{}] {}\n", json_name(&r.reason), r.text));
    }
    out
}

/// The serde name of a unit enum variant (`"boilerplate"`, `"body"`).
fn json_name(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .expect("a unit variant")
}

#[test]
fn seed_cleaning_matches_snapshots() {
    for article in &SEEDS.articles {
        let stem = article.source.trim_end_matches(".txt");
        insta::assert_snapshot!(format!("cleaning_{stem}"), cleaning(article));
    }
}
