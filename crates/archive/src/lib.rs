//! Pages out of the containers crawls and exports come in: one input file's bytes → the pages it
//! holds, each a [`Record`] with the facts the container gives beside it (URL, title, date, outlet),
//! or the reason it could not be read. Owns telling the kinds apart (zip, gzip, WARC, JSON Lines,
//! JSON, CSV, a single page) and the limits against hostile input; knows nothing about what a
//! page says, and does no I/O: bytes in, entries out, so it runs in a Web Worker as in the CLI.
//!
//! ```
//! let export = b"{\"url\": \"https://news.example/a\", \"title\": \"Talks\", \"text\": \"Talks began.\"}\n\
//!                {\"url\": \"https://news.example/b\", \"title\": \"Talks end\"}\n";
//! let container = archive::open("export.jsonl", export, &archive::Limits::default()).unwrap();
//! let entries: Vec<archive::Entry> = container.collect();
//! match &entries[0] {
//!     archive::Entry::Record(r) => {
//!         assert_eq!(r.name, "export.jsonl:1");
//!         assert_eq!(r.title.as_deref(), Some("Talks"));
//!         assert_eq!(r.bytes, b"Talks began.");
//!     }
//!     other => panic!("{other:?}"),
//! }
//! // The second line has no page text: it is reported, not dropped.
//! assert!(matches!(&entries[1], archive::Entry::Skipped { name, .. } if name == "export.jsonl:2"));
//! ```

mod budget;
mod csv;
mod fields;
mod gzip;
mod http;
mod json;
mod kind;
mod lines;
mod warc;
mod zipped;

pub use budget::Limits;
pub use kind::{HEAD, Kind, sniff};

use budget::Budget;
use std::borrow::Cow;
use std::io::Cursor;
use std::rc::Rc;

/// One page out of a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// A stable name: `archive.zip/folder/page.html`, `crawl.warc.gz#17 https://…`,
    /// `export.jsonl:42` (a line), `export.csv:7` (the line a row starts on), `export.json#3`
    /// (an element of an array, from 1).
    pub name: String,
    /// The page as found: HTML or text, in whatever encoding it came in.
    pub bytes: Vec<u8>,
    pub kind: RecordKind,
    /// The address the container gives for the page (a WARC target URI, an export's `url`).
    pub url: Option<String>,
    /// The headline an export gives, as written.
    pub title: Option<String>,
    /// The publication date an export gives, raw, as written (`2019-04-25T10:00:00Z`,
    /// `Thu, 25 Apr 2019 …`, `1556186400`); never a WARC record's capture date.
    pub date: Option<String>,
    /// The outlet an export names (`media_name`, `publisher`, `source.name` …), as written.
    pub outlet: Option<String>,
    /// The character set the container declares for the bytes (an HTTP `Content-Type`), if any.
    pub charset: Option<String>,
}

/// What a record's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Html,
    Text,
}

/// What reading a container gives, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A page.
    Record(Record),
    /// A page, or a part of the container, that could not be read, and why. Callers report it.
    Skipped { name: String, reason: String },
    /// What was passed over because it holds no page (a crawl's images, requests, redirects),
    /// counted once per container. Not an error.
    Note { name: String, message: String },
}

/// Why a container could not be opened at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArchiveError {
    #[error("{name}: not a readable zip archive ({detail}); is the download complete?")]
    Zip { name: String, detail: String },
    #[error("{name}: not a readable gzip file ({detail}); is the download complete?")]
    Gzip { name: String, detail: String },
}

/// Opens one input file. The container then yields its entries one by one, so a large WARC.gz
/// is inflated a record at a time, never whole. Every input yields at least one entry (a file
/// with no page in it gives a [`Entry::Skipped`] saying so).
pub fn open<'a>(
    name: &str,
    bytes: &'a [u8],
    limits: &Limits,
) -> Result<Container<'a>, ArchiveError> {
    let budget = Rc::new(Budget::new(limits.clone(), bytes.len() as u64));
    let head = &bytes[..bytes.len().min(kind::HEAD)];
    let kind = sniff(name, head);
    let level = level(name, kind, Cow::Borrowed(bytes), &budget)?;
    Ok(Container {
        name: name.to_string(),
        kind,
        stack: vec![level],
        budget,
        yielded: false,
        done: false,
    })
}

/// The entries of one input file, in order (see [`open`]).
pub struct Container<'a> {
    name: String,
    kind: Kind,
    stack: Vec<Box<dyn Source + 'a>>,
    budget: Rc<Budget>,
    yielded: bool,
    done: bool,
}

impl Container<'_> {
    /// What kind of file this is.
    pub fn kind(&self) -> Kind {
        self.kind
    }
}

impl Iterator for Container<'_> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        while !self.done {
            let Some(top) = self.stack.last_mut() else {
                self.done = true;
                if !self.yielded {
                    self.yielded = true;
                    return Some(Entry::Skipped {
                        name: self.name.clone(),
                        reason: "holds no pages".into(),
                    });
                }
                return None;
            };
            match top.next() {
                None => {
                    let level = self.stack.pop().expect("a level is open");
                    if let Some(passed) = level.passed() {
                        if self.stack.is_empty() && !self.yielded {
                            self.yielded = true;
                            self.done = true;
                            return Some(Entry::Skipped {
                                name: self.name.clone(),
                                reason: format!("holds no pages: {passed}"),
                            });
                        }
                        return Some(Entry::Note {
                            name: level.name().to_string(),
                            message: passed,
                        });
                    }
                }
                Some(Item::Entry(entry)) => return Some(self.counted(entry)),
                Some(Item::Nested { name, kind, bytes }) => {
                    if self.stack.len() >= self.budget.limits.max_depth {
                        let reason = format!(
                            "{} inside {}: archives are read {} levels deep (a file and the archives directly in it); unpack it and add it",
                            kind.describe(),
                            self.stack.last().map_or(self.name.as_str(), |l| l.name()),
                            self.budget.limits.max_depth
                        );
                        return Some(self.counted(Entry::Skipped { name, reason }));
                    }
                    match level(&name, kind, Cow::Owned(bytes), &self.budget) {
                        Ok(level) => self.stack.push(level),
                        Err(e) => {
                            let reason = match e {
                                ArchiveError::Zip { detail, .. } => {
                                    format!("not a readable zip archive ({detail})")
                                }
                                ArchiveError::Gzip { detail, .. } => {
                                    format!("not a readable gzip file ({detail})")
                                }
                            };
                            return Some(self.counted(Entry::Skipped { name, reason }));
                        }
                    }
                }
            }
        }
        None
    }
}

impl Container<'_> {
    /// Counts an entry against the limit on entries; past it, the rest of the file is not read.
    fn counted(&mut self, entry: Entry) -> Entry {
        if matches!(entry, Entry::Note { .. }) {
            return entry;
        }
        self.yielded = true;
        if self.budget.entry() {
            return entry;
        }
        self.stack.clear();
        self.done = true;
        Entry::Skipped {
            name: self.name.clone(),
            reason: format!(
                "holds more than {} pages; the rest of the file is not read (the limit per file); split it",
                self.budget.limits.max_entries
            ),
        }
    }
}

/// What a level of a container gives next.
enum Item {
    Entry(Entry),
    /// A container inside this one (a JSON export inside a zip), expanded in memory.
    Nested {
        name: String,
        kind: Kind,
        bytes: Vec<u8>,
    },
}

/// One level of a container: a zip's members, a stream's records.
trait Source {
    fn next(&mut self) -> Option<Item>;
    /// This level's name (the file, or the member path inside an outer archive).
    fn name(&self) -> &str;
    /// What was passed over as holding no page, as one sentence, when anything was.
    fn passed(&self) -> Option<String> {
        None
    }
}

/// Opens one level of `kind` over `bytes`.
fn level<'a>(
    name: &str,
    kind: Kind,
    bytes: Cow<'a, [u8]>,
    budget: &Rc<Budget>,
) -> Result<Box<dyn Source + 'a>, ArchiveError> {
    Ok(match kind {
        Kind::Zip => Box::new(zipped::Members::open(name, bytes, budget)?),
        Kind::Gzip => gzip::open(name, bytes, budget)?,
        Kind::Page => Box::new(Single::page(name, bytes.into_owned())),
        Kind::Warc => Box::new(warc::Records::new(
            name,
            Box::new(Cursor::new(bytes)),
            budget,
        )),
        Kind::JsonLines => Box::new(json::Lines::new(name, Box::new(Cursor::new(bytes)), budget)),
        Kind::Json => json::whole(name, bytes, budget),
        Kind::Csv { delimiter } => Box::new(csv::Rows::new(
            name,
            Box::new(Cursor::new(bytes)),
            delimiter,
            budget,
        )),
    })
}

/// A level that gives one entry: a single page, or why a file could not be read.
struct Single {
    name: String,
    entry: Option<Item>,
}

impl Single {
    fn page(name: &str, bytes: Vec<u8>) -> Single {
        let kind = kind::page_kind(name, &bytes);
        Single::entry(
            name,
            Entry::Record(Record::page(name.to_string(), bytes, kind)),
        )
    }

    fn entry(name: &str, entry: Entry) -> Single {
        Single {
            name: name.to_string(),
            entry: Some(Item::Entry(entry)),
        }
    }
}

impl Source for Single {
    fn next(&mut self) -> Option<Item> {
        self.entry.take()
    }

    fn name(&self) -> &str {
        &self.name
    }
}

impl Record {
    /// A page with no facts beside it.
    fn page(name: String, bytes: Vec<u8>, kind: RecordKind) -> Record {
        Record {
            name,
            bytes,
            kind,
            url: None,
            title: None,
            date: None,
            outlet: None,
            charset: None,
        }
    }
}

/// Sizes as people read them: `32 MB`, `1.5 MB`, `712 bytes`.
fn size(bytes: u64) -> String {
    if bytes < 1_000 {
        format!("{bytes} bytes")
    } else if bytes < 1_000_000 {
        format!("{:.1} kB", bytes as f64 / 1e3)
    } else if bytes.is_multiple_of(1_000_000) {
        format!("{} MB", bytes / 1_000_000)
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

/// The counts of what was passed over, most first: `3 image/png, 2 requests`; `noun` is singular.
fn tally(noun: &str, counts: &std::collections::BTreeMap<String, u64>) -> Option<String> {
    if counts.is_empty() {
        return None;
    }
    let mut list: Vec<(&String, &u64)> = counts.iter().collect();
    list.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let total: u64 = counts.values().sum();
    let shown: Vec<String> = list
        .iter()
        .take(8)
        .map(|(k, n)| format!("{n} {k}"))
        .collect();
    let more = if list.len() > 8 { ", …" } else { "" };
    let (noun, hold) = if total == 1 {
        (noun.to_string(), "holds")
    } else {
        (format!("{noun}s"), "hold")
    };
    Some(format!(
        "passed over {total} {noun} that {hold} no page ({}{more})",
        shown.join(", ")
    ))
}
