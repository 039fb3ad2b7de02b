//! What the CLI and the page's reading worker share: one input file's bytes (a page, or a zip,
//! WARC, JSON Lines or CSV file of pages, opened through `archive`) into articles, with every
//! failure an error article; and read articles into the bundle the page decodes. No I/O, no
//! threads, no clock: callers bring the bytes, the order and the build time.
//!
//! ```
//! let knowledge = intake::builtin_knowledge();
//! let mut articles = Vec::new();
//! intake::read_file(&knowledge, "empty.txt", b"", &mut |a| articles.push(a));
//! assert_eq!(articles[0].status, coverage_core::model::Status::Error);
//! ```

pub mod edit;

use archive::{Entry, Limits, RecordKind};
use corpus::bundle;
use coverage_core::bundle::{BuildInfo, Bundle};
use coverage_core::model::{Article, Status};
use reader::Knowledge;
use reader::article::MAX_PAGE_BYTES;
use reader::dates;
use reader::outlets::Profiles;
use reader::sidecar::SourceFacts;

/// The dictionaries shipped with the tool: what the CLI reads with when no corpus folder is
/// given, and what the page reads added pages with.
pub const BUILTIN_ACTORS: &str = include_str!("../../../corpus/actors.toml");
pub const BUILTIN_OUTLETS: &str = include_str!("../../../corpus/outlets.toml");

/// The shipped actors and outlets, no sidecar.
pub fn builtin_knowledge() -> Knowledge {
    Knowledge::from_sources(BUILTIN_ACTORS, BUILTIN_OUTLETS, "")
        .expect("the shipped dictionaries are valid (the seed tests read with them)")
}

/// The limits on what a container may expand to: the archive's defaults, with the reader's
/// own page limit.
pub fn limits() -> Limits {
    Limits {
        max_page_bytes: MAX_PAGE_BYTES,
        ..Limits::default()
    }
}

/// What a file over the page limit is told.
pub fn too_large(bytes: u64) -> String {
    format!(
        "the file is {:.1} MB; pages over {} MB are not read (a file of many pages is read when it is a zip, WARC, JSON Lines or CSV file)",
        bytes as f64 / 1e6,
        MAX_PAGE_BYTES / 1_000_000
    )
}

/// Reads one input file, named `name` (its base name), giving each article in order to
/// `each`: one for a page, one per record for a container, an error article for what could not
/// be read. Returns what the container noted as passed over (a crawl's images), not errors.
pub fn read_file(
    knowledge: &Knowledge,
    name: &str,
    bytes: &[u8],
    each: &mut dyn FnMut(Article),
) -> Vec<String> {
    let head = &bytes[..bytes.len().min(archive::HEAD)];
    let kind = archive::sniff(name, head);
    if !kind.is_container() {
        each(if bytes.len() as u64 > MAX_PAGE_BYTES {
            Article::failed(name, too_large(bytes.len() as u64))
        } else {
            knowledge.read_article(name, bytes)
        });
        return Vec::new();
    }
    let mut notes = Vec::new();
    match archive::open(name, bytes, &limits()) {
        Err(e) => each(Article::failed(name, e.to_string())),
        Ok(container) => {
            for entry in container {
                match entry {
                    Entry::Record(record) => each(read_record(knowledge, record)),
                    Entry::Skipped { name, reason } => each(Article::failed(&name, reason)),
                    Entry::Note { name, message } => notes.push(format!("{name}: {message}")),
                }
            }
        }
    }
    notes
}

/// Reads one page out of a container, with the facts it gave beside the page.
pub fn read_record(knowledge: &Knowledge, record: archive::Record) -> Article {
    let bytes = as_declared(record.bytes, record.charset.as_deref());
    let bytes = match record.kind {
        RecordKind::Html => as_document(bytes),
        RecordKind::Text => bytes,
    };
    let date = record
        .date
        .as_deref()
        .map(|raw| (raw, dates::parse_meta_date(raw)));
    let given = SourceFacts {
        file: record.name.clone(),
        outlet: record.outlet.filter(|o| !is_host_name(o)),
        date: date.and_then(|(_, day)| day),
        url: record.url,
        title: record.title,
        note: None,
    };
    let mut article = knowledge.read_article_given(&record.name, &bytes, &given);
    if let Some((raw, None)) = date
        && article.status != Status::Error
    {
        article.messages.push(format!(
            "the export's date {raw:?} is not a date the reader knows (ISO 8601, RFC 2822, a Unix time); it is not used"
        ));
        article.status = Status::Warning;
    }
    article
}

/// Bytes in the character set the container declares, as UTF-8, when they are not UTF-8
/// already (a server's `charset=EUC-KR`); otherwise as they are, for the reader to detect.
fn as_declared(bytes: Vec<u8>, charset: Option<&str>) -> Vec<u8> {
    let Some(encoding) = charset.and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
    else {
        return bytes;
    };
    if encoding == encoding_rs::UTF_8 || std::str::from_utf8(&bytes).is_ok() {
        return bytes;
    }
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    text.into_owned().into_bytes()
}

/// HTML from an export's field is often a fragment (`<div><p>…`): a doctype before it lets the
/// reader take it as HTML, as it takes a page file named `.html`.
fn as_document(bytes: Vec<u8>) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return bytes;
    };
    let head: String = text
        .trim_start()
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype") || head.starts_with("<html") || head.starts_with("<?xml") {
        return bytes;
    }
    let mut document = b"<!DOCTYPE html>\n".to_vec();
    document.extend_from_slice(&bytes);
    document
}

/// A bare host name (`news.example.com`) given as an outlet is an address, not the outlet's
/// name; the reader tells the outlet from the URL instead.
fn is_host_name(outlet: &str) -> bool {
    let o = outlet.trim();
    !o.contains(char::is_whitespace) && o.contains('.')
}

/// The bundle of read articles (in input order), texts inline: what `build.rs` writes for a
/// small corpus, for any size, since the page that builds it has no files beside it to put
/// texts in. `info` names the files, the time and the corpus hash; of the dictionaries only
/// the outlets (`Knowledge::profiles`) count here.
pub fn bundle(outlets: &Profiles, articles: Vec<Article>, info: BuildInfo) -> Vec<u8> {
    let corpus = corpus::Corpus::assemble(articles);
    let (index, texts) = bundle::parts(&corpus, outlets, info);
    Bundle::encode(&index, &texts)
}

/// The footer's corpus hash, fed as the inputs arrive: SHA-256 of the actors, outlets and
/// sources dictionaries and then every page file, concatenated (`ARCHITECTURE.md`, "Corpus
/// hash"), the same value `corpus::bundle::corpus_hash` gives over them at once.
pub struct CorpusHash(sha2::Sha256);

impl CorpusHash {
    /// A hash that starts with the dictionaries.
    pub fn new(actors: &str, outlets: &str, sources: &str) -> CorpusHash {
        let mut hash = CorpusHash(sha2::Digest::new());
        for part in [actors, outlets, sources] {
            hash.add(part.as_bytes());
        }
        hash
    }

    /// Adds the next file, in name order.
    pub fn add(&mut self, bytes: &[u8]) {
        sha2::Digest::update(&mut self.0, bytes);
    }

    /// The hash, as lowercase hex.
    pub fn finish(self) -> String {
        sha2::Digest::finalize(self.0)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_is_an_error_article_not_a_skip() {
        let k = builtin_knowledge();
        let mut got = Vec::new();
        read_file(&k, "empty.html", b"", &mut |a| got.push(a));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].status, Status::Error);
        assert!(!got[0].messages.is_empty());
    }

    #[test]
    fn each_line_of_an_export_is_an_article() {
        let k = builtin_knowledge();
        let export = b"{\"url\": \"https://news.example/a\", \"title\": \"Moscow and Pyongyang talk\", \"text\": \"Russia and North Korea held talks in Moscow on Monday.\"}\n\
                       {\"url\": \"https://news.example/b\", \"title\": \"No text\"}\n";
        let mut got = Vec::new();
        read_file(&k, "export.jsonl", export, &mut |a| got.push(a));
        let names: Vec<&str> = got.iter().map(|a| a.source.as_str()).collect();
        assert_eq!(names, ["export.jsonl:1", "export.jsonl:2"]);
        assert_ne!(got[0].status, Status::Error);
        assert_eq!(got[1].status, Status::Error);
    }

    #[test]
    fn the_hash_fed_file_by_file_is_the_hash_of_the_whole() {
        let mut hash = CorpusHash::new("a", "b", "");
        hash.add(b"page one");
        hash.add(b"page two");
        let whole = bundle::corpus_hash([b"a".as_slice(), b"b", b"", b"page one", b"page two"]);
        assert_eq!(hash.finish(), whole);
    }

    #[test]
    fn a_host_name_is_not_an_outlet_name() {
        assert!(is_host_name("news.example.com"));
        assert!(!is_host_name("The Korea Herald"));
    }
}
