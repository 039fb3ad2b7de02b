//! The reader: one scraped news page into one article. It decodes the bytes, parses HTML, cleans
//! the text, picks the headline, byline, date, outlet and language, finds the actors the page names
//! and the sentences that relate them (`evidence`, `relations`), all through [`Knowledge`] (the
//! dictionaries and the per-file sidecar) and [`Knowledge::read_article`].
//!
//! Relations are read here, one article at a time, because `read_article` finds each sentence's
//! cue and tone as it reads; gathering them over a corpus, marking duplicates and writing the
//! bundle are `coverage-corpus`'s work. The values it fills (`model`) are `coverage-core`'s. No
//! file system, clock or network: callers pass bytes and get values back.
//!
//! ```
//! let knowledge = reader::Knowledge::from_sources(
//!     "[[actor]]\nid = \"russia\"\nname = \"Russia\"\nkind = \"country\"\nmetonyms = [\"Moscow\"]\n",
//!     "",
//!     "",
//! )
//! .unwrap();
//! let article = knowledge.read_article("a.txt", b"Moscow speaks\n\nMoscow said little.");
//! assert_eq!(article.actors[0].id, "russia");
//! ```

// The model is the core's; modules name it `crate::model` as they did in one crate.
use coverage_core::model;

pub mod actors;
pub mod article;
pub mod clean;
pub mod dates;
pub mod declared;
pub mod decode;
pub mod dictionary;
pub mod evidence;
pub mod headline;
pub mod html;
pub mod names;
pub mod outlets;
pub mod relations;
pub mod sentences;
pub mod sidecar;
pub mod words;

pub use article::Knowledge;
