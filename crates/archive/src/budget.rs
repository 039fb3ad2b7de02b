//! The limits against hostile input (zip and gzip bombs, absurd lines, endless archives) and the
//! running count of what one input file has expanded to. Says why a limit stopped a read; knows
//! nothing about formats.

use crate::size;
use std::cell::Cell;
use std::io;

/// How far reading one input file may go. The defaults suit news pages and real crawls: a page
/// is at most 32 MB (as the reader reads them), real HTML and text expand 3–10 times when
/// inflated, and a folder of 20,000 pages zipped is well within the count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest page: a zip member, a WARC record's payload, a record's text field. 32 MB.
    pub max_page_bytes: u64,
    /// Longest JSON Lines line or CSV row (a page and its fields, escaped). 64 MB.
    pub max_line_bytes: u64,
    /// Largest container inside another (a JSON export inside a zip, a zip inside a gzip), which
    /// is expanded in memory. 1 GB.
    pub max_nested_bytes: u64,
    /// All that one input file may expand to, nested containers included. 16 GB.
    pub max_total_bytes: u64,
    /// How many times its compressed size an entry, a gzip stream or the whole file may expand
    /// to (deflate reaches about 1,000:1 on a bomb; pages reach 10:1). 100.
    pub max_ratio: u64,
    /// The ratio is checked once this much has expanded (tiny files of repeated bytes expand far
    /// and harm nothing). 1 MB.
    pub ratio_floor: u64,
    /// Most pages (and unreadable entries) one input file may give. 100,000.
    pub max_entries: usize,
    /// How deep containers nest: 2 reads a file and the containers directly inside it (a zip of
    /// JSON exports), and refuses a zip inside a zip inside a zip.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_page_bytes: 32_000_000,
            max_line_bytes: 64_000_000,
            max_nested_bytes: 1_000_000_000,
            max_total_bytes: 16_000_000_000,
            max_ratio: 100,
            ratio_floor: 1_000_000,
            max_entries: 100_000,
            max_depth: 2,
        }
    }
}

/// A limit hit while expanding: why, and whether the rest of the file can still be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exceeded {
    pub reason: String,
    /// The whole file is over a limit (its total, its ratio): nothing more of it is read.
    pub whole_file: bool,
}

impl std::fmt::Display for Exceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for Exceeded {}

impl Exceeded {
    /// As an I/O error, so it passes through decompressors' `Read` and out again.
    pub fn into_io(self) -> io::Error {
        io::Error::other(self)
    }

    /// The limit inside an I/O error, if that is what it is.
    pub fn from_io(error: &io::Error) -> Option<&Exceeded> {
        error.get_ref()?.downcast_ref::<Exceeded>()
    }
}

/// What one input file has expanded to so far, shared by its nested levels.
#[derive(Debug)]
pub struct Budget {
    pub limits: Limits,
    /// The input file's own size, for the whole-file ratio.
    input: u64,
    expanded: Cell<u64>,
    entries: Cell<usize>,
}

impl Budget {
    pub fn new(limits: Limits, input: u64) -> Budget {
        Budget {
            limits,
            input,
            expanded: Cell::new(0),
            entries: Cell::new(0),
        }
    }

    /// Counts `n` more expanded bytes; an error once the file is over its total or its ratio.
    pub fn expand(&self, n: u64) -> Result<(), Exceeded> {
        let total = self.expanded.get().saturating_add(n);
        self.expanded.set(total);
        let l = &self.limits;
        if total > l.max_total_bytes {
            return Err(Exceeded {
                reason: format!(
                    "the file expands past {} in all; the rest of it is not read",
                    size(l.max_total_bytes)
                ),
                whole_file: true,
            });
        }
        if total > l.ratio_floor && total / self.input.max(1) > l.max_ratio {
            return Err(Exceeded {
                reason: format!(
                    "the file expands more than {} times its size ({} from {}; a zip or gzip bomb?); the rest of it is not read",
                    l.max_ratio,
                    size(total),
                    size(self.input)
                ),
                whole_file: true,
            });
        }
        Ok(())
    }

    /// Counts one more entry; false once past the limit.
    pub fn entry(&self) -> bool {
        let n = self.entries.get() + 1;
        self.entries.set(n);
        n <= self.limits.max_entries
    }

    /// Whether an entry that has expanded to `expanded` from `compressed` may go on: the error
    /// says which limit it passed (`cap` is the size limit for this entry).
    pub fn check_entry(&self, expanded: u64, compressed: u64, cap: u64) -> Result<(), Exceeded> {
        let l = &self.limits;
        let ratio = expanded / compressed.max(1);
        if expanded > cap {
            return Err(Exceeded {
                reason: format!("expands past {} (ratio {ratio}:1); not read", size(cap)),
                whole_file: false,
            });
        }
        if expanded > l.ratio_floor && ratio > l.max_ratio {
            return Err(Exceeded {
                reason: format!(
                    "expands more than {} times its compressed size ({ratio}:1 at {}; a zip bomb?); not read",
                    l.max_ratio,
                    size(expanded)
                ),
                whole_file: false,
            });
        }
        Ok(())
    }
}
