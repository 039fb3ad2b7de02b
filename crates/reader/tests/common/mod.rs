//! What the integration tests share: the real corpus dictionaries, loaded once. Each test
//! binary uses part of it.
#![allow(dead_code)]

use reader::Knowledge;
use std::path::Path;
use std::sync::LazyLock;

/// The corpus dictionaries, without the sidecar (none of the test pages is in it).
pub static KNOWLEDGE: LazyLock<Knowledge> = LazyLock::new(|| load(false));

/// The corpus dictionaries with the corpus sidecar (`sources.toml`).
pub static KNOWLEDGE_WITH_SIDECAR: LazyLock<Knowledge> = LazyLock::new(|| load(true));

fn load(sidecar: bool) -> Knowledge {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let sources = if sidecar {
        read("sources.toml")
    } else {
        String::new()
    };
    Knowledge::from_sources(&read("actors.toml"), &read("outlets.toml"), &sources)
        .expect("the corpus dictionaries load")
}
