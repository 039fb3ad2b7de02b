//! What kind of file an input is, from its name and its first bytes: magic numbers first (zip,
//! gzip, WARC), then the name (`.jsonl`, `.csv` …), then a JSON opening. Reads nothing past the
//! head it is given.

use crate::RecordKind;

/// How many bytes of a file [`sniff`] looks at.
pub const HEAD: usize = 4096;

/// The kinds of input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Zip,
    /// Gzip: what is inside is told once inflated (a WARC, an export, a page).
    Gzip,
    Warc,
    JsonLines,
    /// One JSON value: a record, an array of records, or an API answer holding one; read as
    /// JSON Lines when it turns out to be several values.
    Json,
    Csv {
        delimiter: u8,
    },
    /// A single page, not a container.
    Page,
}

impl Kind {
    /// Whether the kind holds pages rather than being one.
    pub fn is_container(self) -> bool {
        self != Kind::Page
    }

    /// "a zip archive", "a WARC file" …
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Zip => "a zip archive",
            Kind::Gzip => "a gzip file",
            Kind::Warc => "a WARC file",
            Kind::JsonLines => "a JSON Lines file",
            Kind::Json => "a JSON file",
            Kind::Csv { .. } => "a CSV file",
            Kind::Page => "a page",
        }
    }
}

/// Tells a file's kind from its name and its first bytes (up to [`HEAD`]).
///
/// ```
/// use archive::{sniff, Kind};
/// assert_eq!(sniff("crawl.warc.gz", b"\x1f\x8b\x08\0"), Kind::Gzip);
/// assert_eq!(sniff("pages.bin", b"PK\x03\x04"), Kind::Zip);
/// assert_eq!(sniff("export.txt", b"WARC/1.1\r\n"), Kind::Warc);
/// assert_eq!(sniff("export.csv", b"url;title;text\n"), Kind::Csv { delimiter: b';' });
/// assert_eq!(sniff("dump", b"  {\"url\": \"https://a.example/\"}"), Kind::Json);
/// assert_eq!(sniff("story.html", b"<!doctype html><title>{x}</title>"), Kind::Page);
/// assert_eq!(sniff("note.txt", b"{not an export} but a page"), Kind::Page);
/// ```
pub fn sniff(name: &str, head: &[u8]) -> Kind {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Kind::Zip;
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        return Kind::Gzip;
    }
    let text = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    if text.starts_with(b"WARC/") {
        return Kind::Warc;
    }
    let lower = name.to_ascii_lowercase();
    let ends = |exts: &[&str]| exts.iter().any(|e| lower.ends_with(e));
    if ends(&[".zip"]) {
        return Kind::Zip;
    }
    if ends(&[".gz", ".tgz"]) {
        return Kind::Gzip;
    }
    if ends(&[".warc", ".arc"]) {
        return Kind::Warc;
    }
    if ends(&[".jsonl", ".ndjson", ".jl", ".jsonlines"]) {
        return Kind::JsonLines;
    }
    if ends(&[".json"]) {
        return Kind::Json;
    }
    if ends(&[".tsv", ".tab"]) {
        return Kind::Csv { delimiter: b'\t' };
    }
    if ends(&[".csv"]) {
        return Kind::Csv {
            delimiter: delimiter(text),
        };
    }
    let page_name = ends(&[".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".md"]);
    if !page_name && json_opening(text) {
        return Kind::Json;
    }
    Kind::Page
}

/// A JSON object or an array of objects opens the text.
fn json_opening(text: &[u8]) -> bool {
    let mut rest = text.iter().skip_while(|b| b.is_ascii_whitespace());
    match rest.next() {
        Some(b'{') => matches!(
            rest.find(|b| !b.is_ascii_whitespace()),
            Some(b'"' | b'}') | None
        ),
        Some(b'[') => matches!(
            rest.find(|b| !b.is_ascii_whitespace()),
            Some(b'{' | b']') | None
        ),
        _ => false,
    }
}

/// The field separator of a CSV file, from its first line: the most frequent of `,`, `;` and
/// tab outside quotes (`,` when none).
fn delimiter(text: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in text {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

/// Whether a page file holds HTML or text: its name, else whether markup opens it.
pub fn page_kind(name: &str, bytes: &[u8]) -> RecordKind {
    let lower = name.to_ascii_lowercase();
    if [".html", ".htm", ".xhtml", ".shtml"]
        .iter()
        .any(|e| lower.ends_with(e))
        || looks_like_markup(bytes)
    {
        RecordKind::Html
    } else {
        RecordKind::Text
    }
}

/// Markup opens the bytes (after a BOM and white space): `<!doctype`, `<html`, `<p>` …
pub fn looks_like_markup(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut rest = text.iter().skip_while(|b| b.is_ascii_whitespace());
    rest.next() == Some(&b'<')
        && rest
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'!' || *b == b'?')
}
