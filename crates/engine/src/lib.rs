//! The coverage-explorer engine: everything that understands text. It reads scraped news pages
//! into articles (clean body, headline, byline, date, outlet, language), finds the actors they
//! name and the sentences that relate them, marks duplicates, and builds the bundle and index the
//! page queries. No file system, clock or network: callers pass bytes and get values back.
//!
//! ```
//! let knowledge = engine::Knowledge::from_sources(
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
//! let corpus = engine::Corpus::assemble(vec![article]);
//! let cues: Vec<_> = corpus.relations[0].evidence.iter().map(|e| e.cue.as_deref()).collect();
//! assert_eq!(cues, [Some("courts"), Some("signed")]);
//! ```

pub mod bundle;
pub mod edit;
pub mod export;
pub mod index;
pub mod layout;
pub mod model;
pub mod unknown;

#[cfg(feature = "ingest")]
pub mod actors;
#[cfg(feature = "ingest")]
pub mod article;
#[cfg(feature = "ingest")]
pub mod clean;
#[cfg(feature = "ingest")]
pub mod dates;
#[cfg(feature = "ingest")]
pub mod declared;
#[cfg(feature = "ingest")]
pub mod decode;
#[cfg(feature = "ingest")]
pub mod dedupe;
#[cfg(feature = "ingest")]
pub mod dictionary;
#[cfg(feature = "ingest")]
pub mod evidence;
#[cfg(feature = "ingest")]
pub mod headline;
#[cfg(feature = "ingest")]
pub mod html;
#[cfg(feature = "ingest")]
pub mod names;
#[cfg(feature = "ingest")]
pub mod outlets;
#[cfg(feature = "ingest")]
pub mod relations;
#[cfg(feature = "ingest")]
pub mod report;
#[cfg(feature = "ingest")]
pub mod sentences;
#[cfg(feature = "ingest")]
pub mod sidecar;
#[cfg(feature = "ingest")]
pub mod synth;
#[cfg(feature = "ingest")]
pub(crate) mod words;

#[cfg(feature = "ingest")]
pub use article::Knowledge;
#[cfg(feature = "ingest")]
pub use report::Corpus;
