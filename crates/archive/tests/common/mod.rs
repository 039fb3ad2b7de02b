//! Fixtures built in the tests: zip archives, gzip streams and WARC records, written with the
//! same crates that read them, so no binary is committed.

#![allow(dead_code)]

use archive::{Entry, Limits, Record};
use std::io::Write;

/// A zip archive of `(path, bytes)` files, deflated.
pub fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut writer = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (path, bytes) in files {
            writer.start_file(*path, options).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap();
    }
    out.into_inner()
}

/// `bytes` gzipped, as one member.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// One WARC/1.1 record of `kind` with extra header lines and a block.
pub fn warc_record(kind: &str, uri: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!("WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-06-19T10:00:00Z\r\n");
    if let Some(uri) = uri {
        out.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
    }
    out.push_str(&format!(
        "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    ));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(block);
    bytes.extend_from_slice(b"\r\n\r\n");
    bytes
}

/// An HTTP response message with the given headers and body.
pub fn http(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n");
    for h in headers {
        out.push_str(h);
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// A `response` record holding an HTML page.
pub fn html_response(uri: &str, page: &str) -> Vec<u8> {
    warc_record(
        "response",
        Some(uri),
        "application/http; msgtype=response",
        &http(
            "200 OK",
            &["Content-Type: text/html; charset=utf-8"],
            page.as_bytes(),
        ),
    )
}

/// Every entry of a file read with `limits`; an error to open it panics.
pub fn entries_with(name: &str, bytes: &[u8], limits: &Limits) -> Vec<Entry> {
    archive::open(name, bytes, limits)
        .unwrap_or_else(|e| panic!("{name} opens: {e}"))
        .collect()
}

pub fn entries(name: &str, bytes: &[u8]) -> Vec<Entry> {
    entries_with(name, bytes, &Limits::default())
}

pub fn records(entries: &[Entry]) -> Vec<&Record> {
    entries
        .iter()
        .filter_map(|e| match e {
            Entry::Record(r) => Some(r),
            _ => None,
        })
        .collect()
}

/// The names of the entries that are pages or skipped, in order.
pub fn names(entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .filter_map(|e| match e {
            Entry::Record(r) => Some(r.name.clone()),
            Entry::Skipped { name, .. } => Some(name.clone()),
            Entry::Note { .. } => None,
        })
        .collect()
}

/// The reason given for the skipped entry `name`.
pub fn reason<'a>(entries: &'a [Entry], name: &str) -> &'a str {
    entries
        .iter()
        .find_map(|e| match e {
            Entry::Skipped { name: n, reason } if n == name => Some(reason.as_str()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{name} is not skipped in {entries:#?}"))
}
