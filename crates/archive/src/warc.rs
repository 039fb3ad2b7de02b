//! WARC web archives (WARC/1.0 and 1.1, as crawlers, wget and Common Crawl write them, plain or
//! gzipped per record): each record's header block, then `Content-Length` bytes of block.
//! `response` records give the page inside their HTTP response (see `http`); `resource` and
//! `conversion` records (Common Crawl's WET text) give their block as it is. Requests, metadata,
//! `warcinfo`, revisits, redirects and responses that are not pages (images, scripts) are passed
//! over and counted in one note. A record's name is `file#N URI`, N counting every record from 1.
//!
//! Why a reader of our own and not the `warc` crate (0.4; a few commits a year): measured on
//! the same 47 MB archive of 10,000 HTML responses (release build, this 2-core machine), the
//! crate read the WARC blocks at 540–810 MB/s and this reader read them and took the HTTP
//! bodies out at 1,260–1,500 MB/s; gzipped per record (3.5 MB), 160–235 MB/s against
//! 280–365 MB/s of inflated data. Either is far faster than the page reader after it, so speed
//! did not decide. What did: the crate does not build for wasm32-unknown-unknown (its `uuid`
//! 0.8 pulls `getrandom` 0.2 without a browser backend), which the page's Web Worker needs; a
//! `Content-Length` of 2^64−1 overflows its length arithmetic (a panic in a debug build, where
//! this reader says the file ends inside the record); it brings `chrono`, `nom` 7 and
//! `libflate` for what is a few hundred lines here; and it stops at the WARC block, while the
//! work is in the HTTP payload (chunked bodies, gzip content-encoding, charsets). Like the
//! crate, this reader passes over stray bytes between records and goes on with the next one.

use crate::budget::Budget;
use crate::http;
use crate::kind::looks_like_markup;
use crate::lines::{self, Line};
use crate::{Entry, Item, Record, RecordKind, Source, size, tally};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::rc::Rc;

/// Longest WARC header line, and most header bytes in one record.
const MAX_HEADER_LINE: u64 = 64 * 1024;
const MAX_HEADER: usize = 1024 * 1024;
/// Room for an HTTP response's headers beside its page.
const HTTP_HEAD_ROOM: u64 = 1024 * 1024;

/// The records of a WARC stream.
pub struct Records<'a> {
    name: String,
    reader: Box<dyn BufRead + 'a>,
    budget: Rc<Budget>,
    /// Records seen, from 1.
    number: u64,
    passed: BTreeMap<String, u64>,
    /// Lines passed over between records.
    stray: u64,
    line: Vec<u8>,
    block: Vec<u8>,
    done: bool,
}

/// One WARC record's headers that matter here.
#[derive(Default)]
struct Header {
    kind: String,
    uri: Option<String>,
    content_type: Option<String>,
    length: Option<u64>,
    identified_type: Option<String>,
}

impl<'a> Records<'a> {
    pub fn new(name: &str, reader: Box<dyn BufRead + 'a>, budget: &Rc<Budget>) -> Records<'a> {
        Records {
            name: name.to_string(),
            reader,
            budget: Rc::clone(budget),
            number: 0,
            passed: BTreeMap::new(),
            stray: 0,
            line: Vec::new(),
            block: Vec::new(),
            done: false,
        }
    }

    fn stop(&mut self, at: String, reason: String) -> Option<Item> {
        self.done = true;
        Some(Item::Entry(Entry::Skipped { name: at, reason }))
    }

    fn pass(&mut self, what: impl Into<String>) {
        *self.passed.entry(what.into()).or_default() += 1;
    }

    /// Reads the next record's header block; `Ok(None)` at the end of the stream.
    fn header(&mut self) -> Result<Option<Header>, String> {
        // The version line, after the blank lines that end the previous record.
        loop {
            match lines::read_line(&mut *self.reader, MAX_HEADER_LINE, &mut self.line) {
                Ok(Line::End) => return Ok(None),
                Ok(Line::Text) if self.line.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(Line::Text) if self.line.starts_with(b"WARC/") => break,
                // Bytes outside any record (a stray byte, a block longer than its stated
                // length): passed over, line by line, to the next record's start.
                Ok(Line::Text | Line::TooLong(_)) => self.stray += 1,
                Err(e) => return Err(lines::reason(&e)),
            }
        }
        let mut header = Header::default();
        let mut read = 0;
        loop {
            match lines::read_line(&mut *self.reader, MAX_HEADER_LINE, &mut self.line) {
                Ok(Line::End) => return Err("the file ends inside a record's header".into()),
                Ok(Line::TooLong(_)) => return Err("a WARC header line is too long".into()),
                Ok(Line::Text) => {}
                Err(e) => return Err(lines::reason(&e)),
            }
            read += self.line.len();
            if read > MAX_HEADER {
                return Err("a record's WARC header is too long".into());
            }
            let line = String::from_utf8_lossy(&self.line);
            let line = line.trim_end_matches('\r');
            if line.is_empty() {
                return Ok(Some(header));
            }
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.kind = value.to_ascii_lowercase(),
                "warc-target-uri" => {
                    header.uri =
                        Some(value.trim_matches(['<', '>']).to_string()).filter(|u| !u.is_empty());
                }
                "content-type" => header.content_type = Some(value.to_ascii_lowercase()),
                "warc-identified-payload-type" => {
                    header.identified_type = Some(value.to_ascii_lowercase())
                }
                "content-length" => header.length = value.parse().ok(),
                _ => {}
            }
        }
    }

    /// The page in a record's block, or what it is instead.
    fn page(&self, header: &Header, at: &str) -> Result<Option<Record>, Passed> {
        let (media, charset, body) = match header.kind.as_str() {
            "response" => {
                let is_http = header
                    .content_type
                    .as_deref()
                    .is_none_or(|ct| ct.starts_with("application/http"));
                if !is_http {
                    return Err(Passed::Over("responses that are not HTTP".into()));
                }
                let response = http::response(&self.block, &self.budget).map_err(Passed::Unread)?;
                if !(200..300).contains(&response.status) {
                    return Err(Passed::Over(format!("status {}", response.status)));
                }
                let media = response
                    .media_type
                    .or_else(|| header.identified_type.clone());
                (media, response.charset, response.body)
            }
            "resource" | "conversion" => {
                let (media, charset) = header
                    .content_type
                    .as_deref()
                    .map_or((None, None), http::media_type);
                (media, charset, self.block.clone())
            }
            "" => return Err(Passed::Over("records without a WARC-Type".into())),
            other => return Err(Passed::Over(plural(other))),
        };
        let kind = match media.as_deref() {
            Some("text/html" | "application/xhtml+xml") => RecordKind::Html,
            Some("text/plain") => RecordKind::Text,
            None if looks_like_markup(&body) => RecordKind::Html,
            None => RecordKind::Text,
            Some(other) => return Err(Passed::Over(other.to_string())),
        };
        if body.iter().all(u8::is_ascii_whitespace) {
            return Err(Passed::Over("empty responses".into()));
        }
        Ok(Some(Record {
            name: at.to_string(),
            bytes: body,
            kind,
            url: header.uri.clone(),
            title: None,
            date: None,
            outlet: None,
            charset,
        }))
    }
}

/// Why a record gives no page: it holds none (counted), or it could not be read (reported).
enum Passed {
    Over(String),
    Unread(String),
}

fn plural(kind: &str) -> String {
    match kind {
        "request" | "metadata" | "revisit" | "continuation" => format!("{kind}s"),
        "warcinfo" => "warcinfo".into(),
        other => format!("{other} records"),
    }
}

impl Source for Records<'_> {
    fn next(&mut self) -> Option<Item> {
        while !self.done {
            let header = match self.header() {
                Ok(Some(h)) => h,
                Ok(None) => {
                    self.done = true;
                    break;
                }
                Err(reason) => {
                    let at = format!("{}#{}", self.name, self.number + 1);
                    return self.stop(at, format!("{reason}; the rest of the file is not read"));
                }
            };
            self.number += 1;
            let at = match &header.uri {
                Some(uri) => format!("{}#{} {uri}", self.name, self.number),
                None => format!("{}#{}", self.name, self.number),
            };
            let Some(length) = header.length else {
                return self.stop(
                    at,
                    "the record has no Content-Length, so where it ends is unknown; the rest of the file is not read".into(),
                );
            };
            let wanted = matches!(header.kind.as_str(), "response" | "resource" | "conversion");
            let cap = self.budget.limits.max_page_bytes + HTTP_HEAD_ROOM;
            if !wanted || length > cap {
                match lines::skip(&mut *self.reader, length) {
                    Ok(n) if n < length => {
                        return self.stop(
                            at,
                            "the file ends inside this record (a truncated download?)".into(),
                        );
                    }
                    Ok(_) => {}
                    Err(e) => return self.stop(at, lines::reason(&e)),
                }
                if wanted {
                    return Some(Item::Entry(Entry::Skipped {
                        name: at,
                        reason: format!(
                            "the record is {}; pages over {} are not read",
                            size(length),
                            size(self.budget.limits.max_page_bytes)
                        ),
                    }));
                }
                self.pass(plural(&header.kind));
                continue;
            }
            let mut block = std::mem::take(&mut self.block);
            let read = lines::read_block(&mut *self.reader, length, &mut block);
            self.block = block;
            if let Err(e) = read {
                return self.stop(at, lines::reason(&e));
            }
            if (self.block.len() as u64) < length {
                return self.stop(
                    at,
                    "the file ends inside this record (a truncated download?)".into(),
                );
            }
            match self.page(&header, &at) {
                Ok(Some(record)) => return Some(Item::Entry(Entry::Record(record))),
                Ok(None) => {}
                Err(Passed::Over(what)) => self.pass(what),
                Err(Passed::Unread(reason)) => {
                    return Some(Item::Entry(Entry::Skipped { name: at, reason }));
                }
            }
        }
        None
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn passed(&self) -> Option<String> {
        let stray = (self.stray > 0).then(|| {
            format!(
                "passed over {} lines outside any WARC record (stray bytes, or a block longer than its Content-Length)",
                self.stray
            )
        });
        match (tally("WARC record", &self.passed), stray) {
            (Some(a), Some(b)) => Some(format!("{a}; {b}")),
            (a, b) => a.or(b),
        }
    }
}
