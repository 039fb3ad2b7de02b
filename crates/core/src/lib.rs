//! The page's core: the values a read corpus is made of (`model`), the bundle the page carries and
//! how it decodes (`bundle`), the index the page queries (`index`), the map's layout (`layout`), the
//! dictionary edits the page keeps (`edit`), the export writers (`export`) and the names outside the
//! dictionary as a bundle lists them (`unknown`). It is all the viewer's wasm links.
//!
//! It reads no pages and writes no bundles: reading a page into an article is `coverage-reader`'s
//! work, assembling a corpus and writing its bundle `coverage-corpus`'s. No file system, clock or
//! network: callers pass bytes and get values back.

pub mod bundle;
pub mod edit;
pub mod export;
pub mod index;
pub mod layout;
pub mod model;
pub mod unknown;
