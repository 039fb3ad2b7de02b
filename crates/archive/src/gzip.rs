//! Gzip files (`.warc.gz`, `.jsonl.gz`, `page.html.gz`, concatenated members as WARC writers
//! make them): inflated as a stream under the file's limits, then read as what they hold, told
//! from the inner name and the first inflated bytes. A gzip or zip inside is a nested container.

use crate::budget::Budget;
use crate::kind::{self, HEAD, Kind};
use crate::lines;
use crate::{ArchiveError, Entry, Item, Record, Single, Source};
use flate2::bufread::MultiGzDecoder;
use std::borrow::Cow;
use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::rc::Rc;

/// Opens a gzip file: the level that reads what it holds.
pub fn open<'a>(
    name: &str,
    bytes: Cow<'a, [u8]>,
    budget: &Rc<Budget>,
) -> Result<Box<dyn Source + 'a>, ArchiveError> {
    let mut stream = inflate(bytes, budget);
    let head = match stream.fill_buf() {
        Ok(head) => head[..head.len().min(HEAD)].to_vec(),
        Err(e) if crate::budget::Exceeded::from_io(&e).is_some() => {
            return Ok(Box::new(Single::entry(
                name,
                Entry::Skipped {
                    name: name.to_string(),
                    reason: lines::reason(&e),
                },
            )));
        }
        Err(e) => {
            return Err(ArchiveError::Gzip {
                name: name.to_string(),
                detail: e.to_string(),
            });
        }
    };
    let inner_name = inner_name(name);
    if head.len() > 262 && &head[257..262] == b"ustar" {
        return Ok(Box::new(Single::entry(
            name,
            Entry::Skipped {
                name: name.to_string(),
                reason: "a tar archive, which is not read; unpack it, or zip the folder instead"
                    .into(),
            },
        )));
    }
    let inner = kind::sniff(&inner_name, &head);
    let stream: Box<dyn BufRead + 'a> = Box::new(stream);
    Ok(match inner {
        Kind::Warc => Box::new(crate::warc::Records::new(name, stream, budget)),
        Kind::JsonLines => Box::new(crate::json::Lines::new(name, stream, budget)),
        Kind::Csv { delimiter } => Box::new(crate::csv::Rows::new(name, stream, delimiter, budget)),
        Kind::Json => match read_all(stream, budget.limits.max_nested_bytes) {
            Ok(bytes) => crate::json::whole(name, Cow::Owned(bytes), budget),
            Err(reason) => skipped(name, reason),
        },
        Kind::Zip | Kind::Gzip => match read_all(stream, budget.limits.max_nested_bytes) {
            Ok(bytes) => Box::new(Nested {
                name: name.to_string(),
                item: Some(Item::Nested {
                    name: format!("{name}/{inner_name}"),
                    kind: inner,
                    bytes,
                }),
            }),
            Err(reason) => skipped(name, reason),
        },
        Kind::Page => match read_all(stream, budget.limits.max_page_bytes) {
            Ok(bytes) => {
                let kind = kind::page_kind(&inner_name, &bytes);
                Box::new(Single::entry(
                    name,
                    Entry::Record(Record::page(name.to_string(), bytes, kind)),
                ))
            }
            Err(reason) => skipped(name, reason),
        },
    })
}

fn skipped<'a>(name: &str, reason: String) -> Box<dyn Source + 'a> {
    Box::new(Single::entry(
        name,
        Entry::Skipped {
            name: name.to_string(),
            reason,
        },
    ))
}

/// The name of what a gzip file holds: `crawl.warc.gz` → `crawl.warc`.
fn inner_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".tgz") {
        format!("{}.tar", &name[..name.len() - 4])
    } else if lower.ends_with(".gz") {
        name[..name.len() - 3].to_string()
    } else {
        name.to_string()
    }
}

/// Reads a whole inflated stream, up to `cap` bytes.
fn read_all(stream: Box<dyn BufRead + '_>, cap: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    match stream.take(cap + 1).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 > cap => {
            Err(format!("expands past {}; not read", crate::size(cap)))
        }
        Ok(_) => Ok(bytes),
        Err(e) => Err(lines::reason(&e)),
    }
}

/// A level that hands on one nested container.
struct Nested {
    name: String,
    item: Option<Item>,
}

impl Source for Nested {
    fn next(&mut self) -> Option<Item> {
        self.item.take()
    }

    fn name(&self) -> &str {
        &self.name
    }
}

/// Inflates `bytes` as a buffered stream that stops with a reason at the file's limits.
pub fn inflate<'a>(bytes: Cow<'a, [u8]>, budget: &Rc<Budget>) -> BufReader<Inflate<'a>> {
    let read_in = Rc::new(Cell::new(0));
    let counted = Counted {
        inner: Cursor::new(bytes),
        read: Rc::clone(&read_in),
    };
    BufReader::with_capacity(
        64 * 1024,
        Inflate {
            inner: MultiGzDecoder::new(BufReader::with_capacity(32 * 1024, counted)),
            read_in,
            out: 0,
            budget: Rc::clone(budget),
        },
    )
}

/// Counts the compressed bytes the decoder has taken.
pub struct Counted<R> {
    inner: R,
    read: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// The compressed bytes, counted as the decoder takes them.
type Compressed<'a> = BufReader<Counted<Cursor<Cow<'a, [u8]>>>>;

/// The decoder, with the file's total and ratio checked on every read.
pub struct Inflate<'a> {
    inner: MultiGzDecoder<Compressed<'a>>,
    read_in: Rc<Cell<u64>>,
    out: u64,
    budget: Rc<Budget>,
}

impl Read for Inflate<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.out += n as u64;
        self.budget.expand(n as u64).map_err(|e| e.into_io())?;
        self.budget
            .check_entry(self.out, self.read_in.get(), u64::MAX)
            .map_err(|e| e.into_io())?;
        Ok(n)
    }
}
