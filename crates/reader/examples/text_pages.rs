//! How well the reader takes headline, outlet, byline, date and wire from plain-text pages: reads
//! every page of `tests/pages/text/` against `expected.json` there, and of any folder given as
//! an argument whose sub-folders hold `page.txt` and `expected-metadata.json`, and prints the
//! share right per field and each miss. A development measure, so regressions show.
//!
//! `cargo run -p coverage-reader --example text_pages [-- DIR…]` (`TEXT_PAGES_OUTLETS=FILE` for
//! another outlets.toml)

use coverage_core::model::Article;
use reader::Knowledge;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One page and what it should read as.
struct Case {
    name: String,
    text: Vec<u8>,
    expected: Value,
}

/// The fields measured: the report's name and the expectation's key.
const FIELDS: [(&str, &str); 5] = [
    ("headline", "title"),
    ("outlet", "siteName"),
    ("byline", "byline"),
    ("date", "publishedTime"),
    ("wire", "wire"),
];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../../corpus");
    let read = |name: &str| std::fs::read_to_string(corpus.join(name)).expect("a corpus file");
    // `TEXT_PAGES_OUTLETS=FILE` reads with another outlets.toml: one of agencies alone shows how
    // the reader does on outlets it has never heard of.
    let outlets = std::env::var("TEXT_PAGES_OUTLETS").map_or_else(
        |_| read("outlets.toml"),
        |file| std::fs::read_to_string(file).expect("the outlets file given"),
    );
    let knowledge = Knowledge::from_sources(&read("actors.toml"), &outlets, "")
        .expect("the corpus dictionaries load");
    let mut sets = vec![(
        "fixtures".to_string(),
        fixtures(&root.join("tests/pages/text")),
    )];
    for dir in std::env::args().skip(1) {
        sets.push((dir.clone(), folder(Path::new(&dir))));
    }
    for (label, cases) in sets {
        measure(&knowledge, &label, &cases);
    }
}

/// The fixture pages and `expected.json` (an array of objects with a `file` each).
fn fixtures(dir: &Path) -> Vec<Case> {
    let expected: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json")).expect("expected.json"),
    )
    .expect("expected.json is JSON");
    expected
        .into_iter()
        .map(|e| {
            let name = e["file"].as_str().expect("a file name").to_string();
            let text = std::fs::read(dir.join(&name)).expect("a fixture page");
            Case {
                name,
                text,
                expected: e,
            }
        })
        .collect()
}

/// Pages as `DIR/<id>/page.txt` with `DIR/<id>/expected-metadata.json`.
fn folder(dir: &Path) -> Vec<Case> {
    let mut ids: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    ids.sort();
    ids.into_iter()
        .filter_map(|d| {
            let text = std::fs::read(d.join("page.txt")).ok()?;
            let meta = std::fs::read_to_string(d.join("expected-metadata.json")).ok()?;
            Some(Case {
                name: d.file_name()?.to_string_lossy().into_owned(),
                text,
                expected: serde_json::from_str(&meta).ok()?,
            })
        })
        .collect()
}

/// A value as compared: lowercased, quotes straightened, words one space apart, no leading
/// "The" or "By".
fn norm(value: &str) -> String {
    let lower = value
        .to_lowercase()
        .replace(['‘', '’'], "'")
        .replace(['“', '”'], "\"");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let joined = words.join(" ");
    let joined = joined.strip_prefix("the ").unwrap_or(&joined);
    joined.strip_prefix("by ").unwrap_or(joined).to_string()
}

fn got(article: &Article, field: &str) -> Option<String> {
    match field {
        "headline" => article.title.clone(),
        "outlet" => article.outlet.clone(),
        "byline" => article.byline.clone(),
        "date" => article.date.map(|d| d.to_string()),
        "wire" => article.wire.clone(),
        _ => None,
    }
}

/// Whether the value read is the one expected (or one of `KEY_alternatives`). Two printed names
/// of one outlet of `outlets.toml` ("AP News", "Associated Press") are the same outlet.
fn right(knowledge: &Knowledge, read: Option<&str>, expected: &Value, key: &str) -> bool {
    if matches!(key, "siteName" | "wire")
        && let (Some(r), Some(e)) = (read, expected[key].as_str())
        && let Some(o) = knowledge.profiles.lookup(r)
        && knowledge.profiles.lookup(e) == Some(o)
    {
        return true;
    }
    let mut accepted: Vec<Option<String>> = vec![expected[key].as_str().map(norm)];
    if let Some(alternatives) = expected[format!("{key}_alternatives")].as_array() {
        accepted.extend(alternatives.iter().map(|v| v.as_str().map(norm)));
    }
    let read = read.map(norm);
    let read = match key {
        // A date is compared as a day.
        "publishedTime" => read.map(|d| d.chars().take(10).collect()),
        _ => read,
    };
    accepted.iter().any(|a| {
        *a == read
            || key == "publishedTime"
                && a.as_deref().map(|d| &d[..d.len().min(10)]) == read.as_deref()
    })
}

fn measure(knowledge: &Knowledge, label: &str, cases: &[Case]) {
    summary(knowledge, label, cases);
    // The pages in the two languages the held-out measure is in, when others are there too.
    let en_ko: Vec<&Case> = cases
        .iter()
        .filter(|c| matches!(c.expected["lang"].as_str(), Some("en" | "ko") | None))
        .collect();
    if en_ko.len() < cases.len() {
        let subset: Vec<Case> = en_ko
            .into_iter()
            .map(|c| Case {
                name: c.name.clone(),
                text: c.text.clone(),
                expected: c.expected.clone(),
            })
            .collect();
        summary(knowledge, &format!("{label} (English and Korean)"), &subset);
    }
}

fn summary(knowledge: &Knowledge, label: &str, cases: &[Case]) {
    let mut right_counts = [0usize; FIELDS.len()];
    let mut misses = Vec::new();
    for case in cases {
        let article = knowledge.read_article(&format!("{}.txt", case.name), &case.text);
        for (k, (field, key)) in FIELDS.iter().enumerate() {
            let read = got(&article, field);
            if right(knowledge, read.as_deref(), &case.expected, key) {
                right_counts[k] += 1;
            } else {
                misses.push(format!(
                    "{}: {field}: read {:?}, expected {}",
                    case.name, read, case.expected[*key]
                ));
            }
        }
    }
    println!("{label}: {} pages", cases.len());
    for (k, (field, _)) in FIELDS.iter().enumerate() {
        let share = right_counts[k] as f64 / cases.len().max(1) as f64;
        println!(
            "  {field:<9} {:>3}/{} = {share:.2}",
            right_counts[k],
            cases.len()
        );
    }
    for miss in misses {
        println!("  miss {miss}");
    }
}
