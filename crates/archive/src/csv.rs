//! CSV and TSV exports, one page a row, the header naming the columns (`fields` tells which is
//! which). Parsed with `csv-core`, the push parser under the `csv` crate, because it lets a row
//! over the limit be read to its end and dropped without ever holding it. A row whose field count
//! differs from the header's is reported, and the rows after it are still read.

use crate::budget::Budget;
use crate::fields::{self, Picked, Role};
use crate::lines;
use crate::{Entry, Item, Source, size};
use csv_core::{ReadRecordResult, Reader, ReaderBuilder};
use std::io::{self, BufRead};
use std::rc::Rc;

/// The most fields a row may have.
const MAX_FIELDS: usize = 10_000;

/// The rows of a CSV stream.
pub struct Rows<'a> {
    name: String,
    reader: Box<dyn BufRead + 'a>,
    budget: Rc<Budget>,
    parser: Reader,
    /// The header's fields, normalised, once read.
    header: Option<Vec<String>>,
    /// The line the next row starts on.
    line: u64,
    out: Vec<u8>,
    ends: Vec<usize>,
    done: bool,
    started: bool,
}

/// One row: where it starts and its fields, or its length when it was too long to keep.
struct Row {
    line: u64,
    fields: Vec<Vec<u8>>,
    too_long: Option<u64>,
}

impl<'a> Rows<'a> {
    pub fn new(
        name: &str,
        reader: Box<dyn BufRead + 'a>,
        delimiter: u8,
        budget: &Rc<Budget>,
    ) -> Rows<'a> {
        Rows {
            name: name.to_string(),
            reader,
            budget: Rc::clone(budget),
            parser: ReaderBuilder::new().delimiter(delimiter).build(),
            header: None,
            line: 1,
            out: vec![0; 64 * 1024],
            ends: vec![0; 64],
            done: false,
            started: false,
        }
    }

    fn read_row(&mut self) -> io::Result<Option<Row>> {
        let max = self.budget.limits.max_line_bytes;
        let start = self.line;
        let (mut outlen, mut endlen) = (0, 0);
        let mut total: u64 = 0;
        let mut too_long = false;
        if !self.started {
            self.started = true;
            // A byte-order mark before the header is not part of the first column's name.
            if self.reader.fill_buf()?.starts_with(b"\xef\xbb\xbf") {
                self.reader.consume(3);
            }
        }
        loop {
            let input = self.reader.fill_buf()?;
            let (result, read, written, ended) =
                self.parser
                    .read_record(input, &mut self.out[outlen..], &mut self.ends[endlen..]);
            self.line += input[..read].iter().filter(|&&b| b == b'\n').count() as u64;
            self.reader.consume(read);
            total += written as u64;
            if !too_long {
                outlen += written;
                endlen += ended;
            }
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    if too_long || self.out.len() as u64 >= max {
                        too_long = true;
                        (outlen, endlen) = (0, 0);
                    } else {
                        let grown = (self.out.len() * 2).min(max as usize + 1);
                        self.out.resize(grown, 0);
                    }
                }
                ReadRecordResult::OutputEndsFull => {
                    if too_long || self.ends.len() >= MAX_FIELDS {
                        too_long = true;
                        (outlen, endlen) = (0, 0);
                    } else {
                        let grown = self.ends.len() * 2;
                        self.ends.resize(grown, 0);
                    }
                }
                ReadRecordResult::Record => {
                    if too_long || total > max {
                        return Ok(Some(Row {
                            line: start,
                            fields: Vec::new(),
                            too_long: Some(total),
                        }));
                    }
                    let mut fields = Vec::with_capacity(endlen);
                    let mut from = 0;
                    for &end in &self.ends[..endlen] {
                        fields.push(self.out[from..end].to_vec());
                        from = end;
                    }
                    return Ok(Some(Row {
                        line: start,
                        fields,
                        too_long: None,
                    }));
                }
                ReadRecordResult::End => return Ok(None),
            }
        }
    }
}

impl Source for Rows<'_> {
    fn next(&mut self) -> Option<Item> {
        while !self.done {
            let row = match self.read_row() {
                Ok(Some(row)) => row,
                Ok(None) => {
                    self.done = true;
                    break;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Item::Entry(Entry::Skipped {
                        name: format!("{}:{}", self.name, self.line),
                        reason: lines::reason(&e),
                    }));
                }
            };
            let at = format!("{}:{}", self.name, row.line);
            if let Some(n) = row.too_long {
                if self.header.is_none() {
                    self.done = true;
                }
                return Some(Item::Entry(Entry::Skipped {
                    name: at,
                    reason: format!(
                        "the row is {} or has more than {MAX_FIELDS} fields; rows over {} are not read",
                        size(n),
                        size(self.budget.limits.max_line_bytes)
                    ),
                }));
            }
            let Some(header) = &self.header else {
                let names: Vec<String> = row
                    .fields
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).trim().to_string())
                    .collect();
                let pages = names.iter().any(|n| {
                    fields::roles(n)
                        .iter()
                        .any(|(r, _)| matches!(r, Role::Html | Role::Text | Role::Content))
                });
                if !pages {
                    self.done = true;
                    return Some(Item::Entry(Entry::Skipped {
                        name: self.name.clone(),
                        reason: format!(
                            "no column holds page text: the header names {}, none of {}",
                            quoted(&names),
                            fields::page_field_names()
                        ),
                    }));
                }
                self.header = Some(names);
                continue;
            };
            if row
                .fields
                .iter()
                .all(|f| f.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            let extra_empty = row.fields.len() > header.len()
                && row.fields[header.len()..].iter().all(|f| f.is_empty());
            if row.fields.len() != header.len() && !extra_empty {
                return Some(Item::Entry(Entry::Skipped {
                    name: at,
                    reason: format!(
                        "the row has {} fields and the header {}; a quote or separator is out of place",
                        row.fields.len(),
                        header.len()
                    ),
                }));
            }
            let mut picked = Picked::new();
            for (key, value) in header.iter().zip(&row.fields) {
                fields::offer(&mut picked, key, value);
            }
            return Some(Item::Entry(fields::build(at, picked)));
        }
        None
    }

    fn name(&self) -> &str {
        &self.name
    }
}

fn quoted(names: &[String]) -> String {
    let shown: Vec<String> = names.iter().take(12).map(|n| format!("{n:?}")).collect();
    let more = if names.len() > 12 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}
