//! HTML pages: parsed with their depth bounded (`parse`), the article found among the site's
//! furniture (`content`), and everything the markup declares about the page (`meta`). The
//! parsing is html5ever's, through `scraper`; this module decides what is the article.
//! It knows nothing about dates, outlets or actors beyond reading what the markup says.

pub mod content;
pub mod meta;
pub mod parse;

pub use content::{BlockKind, Content, Outside, OutsideBlock, TextBlock};
pub use meta::{PageMeta, Source};

/// An HTML page read: its article blocks, the text around them, and its declared metadata.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HtmlPage {
    pub content: Content,
    pub meta: PageMeta,
    /// Elements dropped to bound the page's nesting (0 for any ordinary page).
    pub flattened: usize,
}

/// The characters a browser shows nothing for: a soft hyphen (`&shy;`, where a long word may
/// break), a zero-width space, a word joiner, a byte-order mark. Text is read without them, so
/// "Paläs&shy;ti&shy;nenser" is the word "Palästinenser".
const UNSEEN: [char; 4] = ['\u{AD}', '\u{200B}', '\u{2060}', '\u{FEFF}'];

/// A text's characters without the `UNSEEN` ones.
pub(crate) fn seen_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !UNSEEN.contains(c))
}

/// Whether a text holds an `UNSEEN` character: a search for each one's bytes, much faster than
/// testing every character of a page that holds none.
pub(crate) fn holds_unseen(text: &str) -> bool {
    UNSEEN.iter().any(|c| {
        let mut bytes = [0u8; 4];
        memchr::memmem::find(text.as_bytes(), c.encode_utf8(&mut bytes).as_bytes()).is_some()
    })
}

/// Whether a file should go through the HTML parser: by extension, or by what it starts with.
pub fn looks_like_html(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return true;
    }
    let head: String = text
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && text.contains("<html")
}

/// Reads a page: metadata, then the article.
///
/// ```
/// let page = reader::html::extract("<html><head><title>Kim in Russia | The Korea Herald</title></head>\
///     <body><nav>Home</nav><h1>Kim in Russia</h1><p>Kim met Putin.</p><script>x()</script></body></html>");
/// let texts: Vec<&str> = page.content.blocks.iter().map(|b| b.text.as_str()).collect();
/// assert_eq!(texts, ["Kim in Russia", "Kim met Putin."]);
/// assert_eq!(page.meta.title(), Some("Kim in Russia | The Korea Herald"));
/// ```
pub fn extract(source: &str) -> HtmlPage {
    let parsed = parse::parse_bounded(source);
    let meta = meta::read(&parsed.document);
    let content = content::find(&parsed.document, meta.title());
    HtmlPage {
        content,
        meta,
        flattened: parsed.flattened,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_scripts_styles_and_navigation() {
        let page = extract(
            "<html><head><style>p{color:red}</style></head><body><nav><a>Home</a></nav>\
             <article><h1>Title</h1><p>First <b>bold</b> line.</p><p>Second.</p></article>\
             <script>var x = '<p>no</p>';</script></body></html>",
        );
        let texts: Vec<&str> = page
            .content
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(texts, ["Title", "First bold line.", "Second."]);
    }

    #[test]
    fn detects_html_by_name_or_content() {
        assert!(looks_like_html("a.HTM", "text"));
        assert!(looks_like_html("a.txt", "  <!DOCTYPE html><html>"));
        assert!(!looks_like_html("a.txt", "Kim <b> met"));
    }
}
