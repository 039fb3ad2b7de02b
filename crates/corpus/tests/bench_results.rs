//! `bench/results.json`, written by `cargo xtask bench`, follows its contract
//! (`spec/bench.schema.json`, `coverage-bench/1`). Checks the file only: no timing happens here.

use serde_json::Value;
use std::path::Path;

fn json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&json(&root().join("spec/bench.schema.json")))
        .expect("the schema compiles")
}

#[test]
fn results_follow_the_bench_schema() {
    let path = root().join("bench/results.json");
    if !path.exists() {
        // Nothing measured yet on this checkout; `cargo xtask bench` writes it.
        return;
    }
    let results = json(&path);
    let errors: Vec<String> = validator()
        .iter_errors(&results)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "bench/results.json: {errors:#?}");
}

#[test]
fn the_schema_refuses_a_run_without_a_cross_check() {
    let run = serde_json::json!({
        "schema": "coverage-bench/1", "date": "2025-01-01T00:00:00Z", "browser": "Chromium",
        "runs": [{"articles": 10, "queries": 1, "ours": {"median_ms": 1, "p95_ms": 1},
                  "crossfilter2": {"median_ms": 1, "p95_ms": 1}}]
    });
    assert!(!validator().is_valid(&run));
}
