//! The corpus: read articles assembled into one whole. It marks duplicates (`dedupe`), gathers the
//! relations of distinct articles and writes the JSON report (`report`, [`Corpus::assemble`]),
//! exports the whole corpus's graph (`export`) and writes the page's bundle (`bundle`).
//!
//! It reads no pages (one page into one article is `coverage-reader`'s work, relations per sentence
//! included) and decodes no bundles (the format, its decoding and the index are `coverage-core`'s).
//!
//! ```
//! let knowledge = reader::Knowledge::from_sources(
//!     r#"
//!     [[actor]]
//!     id = "russia"
//!     name = "Russia"
//!     kind = "country"
//!     metonyms = ["Moscow"]
//!
//!     [[actor]]
//!     id = "north-korea"
//!     name = "North Korea"
//!     kind = "country"
//!     metonyms = ["Pyongyang"]
//!     "#,
//!     "",
//!     "",
//! )
//! .unwrap();
//! let article = knowledge.read_article("a.txt", b"Moscow courts Pyongyang\n\nMoscow and Pyongyang signed a treaty.");
//! let corpus = corpus::Corpus::assemble(vec![article]);
//! let cues: Vec<_> = corpus.relations[0].evidence.iter().map(|e| e.cue.as_deref()).collect();
//! assert_eq!(cues, [Some("courts"), Some("signed")]);
//! ```

// The model is the core's and the word scans the reader's; modules name them `crate::…` as they
// did in one crate.
use coverage_core::model;
use reader::words;

pub mod bundle;
pub mod dedupe;
pub mod export;
pub mod report;

pub use report::Corpus;
