//! Reading streams without trusting them: lines up to a limit (a longer one is skipped to its
//! end, not held), blocks of a stated length, and read errors as reasons a person can act on.

use crate::budget::Exceeded;
use std::io::{self, BufRead, Read};

/// One line read by [`read_line`].
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A line, without its `\n` (a `\r` before it is kept).
    Text,
    /// A line longer than the limit, skipped; its length in bytes.
    TooLong(u64),
    /// The end of the stream.
    End,
}

/// Reads one line into `buf` (cleared first), keeping at most `max` bytes of it; the rest of a
/// longer line is read and dropped, so memory stays bounded.
pub fn read_line(reader: &mut dyn BufRead, max: u64, buf: &mut Vec<u8>) -> io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(match total {
                0 => Line::End,
                n if n > max => Line::TooLong(n),
                _ => Line::Text,
            });
        }
        let (take, found) = match memchr(b'\n', available) {
            Some(i) => (i, true),
            None => (available.len(), false),
        };
        if total + (take as u64) <= max {
            buf.extend_from_slice(&available[..take]);
        } else {
            buf.clear();
        }
        total += take as u64;
        reader.consume(take + usize::from(found));
        if found {
            return Ok(if total > max {
                Line::TooLong(total)
            } else {
                Line::Text
            });
        }
    }
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// Reads exactly `len` bytes, or fewer when the stream ends first.
pub fn read_block(reader: &mut dyn BufRead, len: u64, buf: &mut Vec<u8>) -> io::Result<()> {
    buf.clear();
    buf.reserve(len.min(1 << 20) as usize);
    reader.take(len).read_to_end(buf)?;
    Ok(())
}

/// Reads and drops `len` bytes; how many there were.
pub fn skip(reader: &mut dyn BufRead, len: u64) -> io::Result<u64> {
    io::copy(&mut reader.take(len), &mut io::sink())
}

/// A read error as a reason: a limit says which; a truncated or damaged stream says so.
pub fn reason(error: &io::Error) -> String {
    if let Some(limit) = Exceeded::from_io(error) {
        return limit.reason.clone();
    }
    match error.kind() {
        io::ErrorKind::UnexpectedEof => {
            "the data ends early (a truncated download?); the rest of the file is not read".into()
        }
        _ => format!("the data is damaged ({error}); the rest of the file is not read"),
    }
}
