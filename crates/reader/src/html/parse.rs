//! Parsing HTML into a tree with its nesting bounded. html5ever's tree builder looks through the
//! stack of open elements on every tag, so a page of 200,000 unclosed `<div>`s costs time in the
//! square of its depth (two minutes for 2 MB). Broken scrapes like that are common, so tags are
//! counted between the tokenizer and the tree builder, and elements that would open deeper than
//! [`MAX_DEPTH`] are dropped (their text is kept) before the tree ever sees them.
//!
//! The count follows the few implied closings that matter for depth (a block closes an open
//! `<p>`, a list item closes the previous one, a cell the previous cell); it may overcount on odd
//! markup, which only matters past a depth no real page reaches.
//!
//! Before the tokenizer, the contents of scripts (but JSON-LD), style sheets, inline SVG and
//! comments are cut out by a byte scan: they are half the bytes of a typical news page and the
//! tokenizer walks them character by character, while none of it is ever read. The scan ends
//! each such element where the tokenizer would (the first `</script`, `</style`, `</svg`, `-->`).

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{LocalName, local_name};
use scraper::{Html, HtmlTreeSink};
use std::cell::{Cell, RefCell};

/// The deepest an element may open; real pages stay far below it.
pub const MAX_DEPTH: usize = 180;

/// The most elements a page may open. A long news page has a few thousand; past this many, the
/// rest of the page is read as text. A 32 MB file of `<p>x<p>x…` would otherwise be eight
/// million elements, each built into the tree and walked by every later step.
pub const MAX_ELEMENTS: usize = 50_000;

/// A parsed page and how many elements were dropped to bound its depth.
pub struct Parsed {
    pub document: Html,
    pub flattened: usize,
}

/// Parses a whole document with its depth bounded.
///
/// ```
/// let deep = "<div>".repeat(5_000) + "text";
/// let parsed = reader::html::parse::parse_bounded(&deep);
/// assert!(parsed.flattened > 4_000);
/// assert!(parsed.document.root_element().text().any(|t| t == "text"));
/// ```
pub fn parse_bounded(source: &str) -> Parsed {
    let source = strip_unread(source);
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let sink = DepthBound {
        inner: builder,
        open: RefCell::new(Vec::with_capacity(64)),
        flattened: Cell::new(0),
        opened: Cell::new(0),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(&source));
    // The tree builder asks the tokenizer to stop only for scripts it would run; we run none.
    while let html5ever::tokenizer::TokenizerResult::Script(_) = tokenizer.feed(&input) {}
    tokenizer.end();
    let flattened = tokenizer.sink.flattened.get();
    let document = tokenizer.sink.inner.sink.finish();
    Parsed {
        document,
        flattened,
    }
}

/// Parses without a bound, as `scraper` does; only for comparing in benchmarks and tests.
pub fn parse_unbounded(source: &str) -> Html {
    html5ever::driver::parse_document(HtmlTreeSink::new(Html::new_document()), Default::default())
        .one(source)
}

/// The page without what is never read: the contents of scripts other than JSON-LD, of style
/// sheets and inline SVG, and comments. The elements themselves stay, empty.
///
/// ```
/// use reader::html::parse::strip_unread;
/// let page = "<p>a</p><script>var x = '<p>';</script><!-- note --><style>p{}</style><p>b</p>";
/// assert_eq!(strip_unread(page), "<p>a</p><script></script><style></style><p>b</p>");
/// ```
pub fn strip_unread(source: &str) -> std::borrow::Cow<'_, str> {
    let bytes = source.as_bytes();
    let mut out: Option<String> = None;
    // Everything before `kept` has been dealt with.
    let mut kept = 0;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &bytes[at..]).map(|i| at + i) {
        let rest = &bytes[i + 1..];
        let (cut_from, cut_to) = if rest.starts_with(b"!--") {
            let end =
                memchr::memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |e| i + 4 + e + 3);
            (i, end)
        } else if let Some(name) = [&b"script"[..], b"style", b"svg"]
            .into_iter()
            .find(|n| starts_with_tag(rest, n))
        {
            let Some(open_end) = tag_end(bytes, i + 1 + name.len()) else {
                break;
            };
            if name == b"script" && is_json_ld(&bytes[i..open_end]) {
                at = open_end;
                continue;
            }
            let close = find_close(bytes, open_end, name).unwrap_or(bytes.len());
            (open_end, close)
        } else {
            at = i + 1;
            continue;
        };
        let out = out.get_or_insert_with(|| String::with_capacity(source.len() / 2));
        out.push_str(&source[kept..cut_from]);
        kept = cut_to;
        at = cut_to.max(i + 1);
    }
    match out {
        None => std::borrow::Cow::Borrowed(source),
        Some(mut out) => {
            out.push_str(&source[kept.min(source.len())..]);
            std::borrow::Cow::Owned(out)
        }
    }
}

/// Whether `rest` (what follows a `<`) opens the element `name`.
fn starts_with_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && matches!(
            rest[name.len()],
            b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
        )
}

/// The end (after `>`) of the tag whose attributes start at `from`, quotes respected.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (j, &b) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(j + 1),
            None => {}
        }
    }
    None
}

/// The start of the first `</name` at or after `from`, any case.
fn find_close(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(j) = memchr::memmem::find(&bytes[at..], b"</").map(|j| at + j) {
        let rest = &bytes[j + 2..];
        if rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name) {
            return Some(j);
        }
        at = j + 2;
    }
    None
}

fn is_json_ld(open_tag: &[u8]) -> bool {
    memchr::memmem::find(&open_tag.to_ascii_lowercase(), b"ld+json").is_some()
}

/// Sits between the tokenizer and the tree builder and drops tags that open too deep.
struct DepthBound<S> {
    inner: S,
    /// Names of the open elements as counted here, and whether each was dropped.
    open: RefCell<Vec<(LocalName, bool)>>,
    flattened: Cell<usize>,
    /// Start tags passed to the tree builder.
    opened: Cell<usize>,
}

impl<S: TokenSink> TokenSink for DepthBound<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token
            && !self.keep(tag)
        {
            if tag.kind == TagKind::StartTag {
                self.flattened.set(self.flattened.get() + 1);
            }
            return TokenSinkResult::Continue;
        }
        self.inner.process_token(token, line)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

impl<S> DepthBound<S> {
    /// Counts the tag and says whether the tree builder should see it.
    fn keep(&self, tag: &Tag) -> bool {
        let mut open = self.open.borrow_mut();
        match tag.kind {
            TagKind::StartTag => {
                if tag.self_closing || is_void(&tag.name) {
                    let keep = self.opened.get() < MAX_ELEMENTS;
                    if keep {
                        self.opened.set(self.opened.get() + 1);
                    }
                    return keep;
                }
                close_implied(&mut open, &tag.name);
                // Raw-text elements switch the tokenizer's state through the tree builder: they
                // always pass, and hold no elements.
                let dropped = (open.len() >= MAX_DEPTH || self.opened.get() >= MAX_ELEMENTS)
                    && !is_raw_text(&tag.name);
                open.push((tag.name.clone(), dropped));
                if !dropped {
                    self.opened.set(self.opened.get() + 1);
                }
                !dropped
            }
            TagKind::EndTag => {
                // Close the nearest open element of that name, if any is open near the top.
                let from = open.len().saturating_sub(MAX_DEPTH);
                match open[from..].iter().rposition(|(n, _)| *n == tag.name) {
                    Some(i) => {
                        let (_, dropped) = open[from + i].clone();
                        open.truncate(from + i);
                        !dropped
                    }
                    None => true,
                }
            }
        }
    }
}

/// The closings a new start tag implies, as far as depth is concerned.
fn close_implied(open: &mut Vec<(LocalName, bool)>, name: &LocalName) {
    let Some((top, _)) = open.last() else {
        return;
    };
    let closes_top = match *name {
        local_name!("li") => *top == local_name!("li"),
        local_name!("dt") | local_name!("dd") => {
            matches!(*top, local_name!("dt") | local_name!("dd"))
        }
        local_name!("td") | local_name!("th") => {
            matches!(*top, local_name!("td") | local_name!("th"))
        }
        local_name!("tr") => matches!(
            *top,
            local_name!("tr") | local_name!("td") | local_name!("th")
        ),
        local_name!("option") => *top == local_name!("option"),
        _ => *top == local_name!("p") && closes_p(name),
    };
    if closes_top {
        open.pop();
        // A row also closes the cell it was in; a cell the row's previous cell.
        if *name == local_name!("tr") && open.last().is_some_and(|(n, _)| *n == local_name!("tr")) {
            open.pop();
        }
    }
}

/// Start tags that close an open paragraph.
fn closes_p(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("fieldset")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("form")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("header")
            | local_name!("main")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("pre")
            | local_name!("section")
            | local_name!("table")
            | local_name!("ul")
    )
}

fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
    )
}

fn is_raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("plaintext")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &Html) -> String {
        html.root_element().text().collect()
    }

    #[test]
    fn ordinary_page_is_parsed_as_scraper_parses_it() {
        let page = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul></div><table><tr><td>x<td>y</table></body></html>";
        let parsed = parse_bounded(page);
        assert_eq!(parsed.flattened, 0);
        assert_eq!(parsed.document, Html::parse_document(page));
    }

    #[test]
    fn unclosed_divs_past_the_bound_are_flattened_and_their_text_kept() {
        let page = format!("{}deep text", "<div>".repeat(10_000));
        let parsed = parse_bounded(&page);
        assert_eq!(parsed.flattened, 10_000 - MAX_DEPTH);
        assert!(texts(&parsed.document).contains("deep text"));
    }

    #[test]
    fn many_unclosed_paragraphs_are_siblings_not_nested() {
        let page = "<p>x".repeat(5_000);
        assert_eq!(parse_bounded(&page).flattened, 0);
    }

    #[test]
    fn elements_past_the_budget_are_read_as_text() {
        let page = format!("{}<p>last words", "<p>x".repeat(MAX_ELEMENTS + 10));
        let parsed = parse_bounded(&page);
        assert_eq!(parsed.flattened, 11);
        assert!(texts(&parsed.document).ends_with("last words"));
    }

    #[test]
    fn deep_closed_divs_keep_their_end_tags_paired() {
        let depth = MAX_DEPTH + 50;
        let page = format!(
            "<body>{}inner{}<p>after</p></body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let parsed = parse_bounded(&page);
        // The body counts as one level.
        assert_eq!(parsed.flattened, depth - (MAX_DEPTH - 1));
        let p = scraper::Selector::parse("body > p").unwrap();
        assert_eq!(parsed.document.select(&p).count(), 1);
    }

    #[test]
    fn json_ld_is_kept_and_other_scripts_emptied() {
        let page = "<script type=\"application/ld+json\">{\"a\":1}</script>\
                    <SCRIPT src=x>if (a < b) {}</SCRIPT ><svg><title>icon</title></svg><p>t</p>";
        assert_eq!(
            strip_unread(page),
            "<script type=\"application/ld+json\">{\"a\":1}</script>\
             <SCRIPT src=x></SCRIPT ><svg></svg><p>t</p>"
        );
    }

    #[test]
    fn unclosed_comment_and_script_end_the_page() {
        assert_eq!(strip_unread("<p>a</p><!-- open"), "<p>a</p>");
        assert_eq!(strip_unread("<p>a</p><script>x"), "<p>a</p><script>");
        assert_eq!(strip_unread("<p>a<script"), "<p>a<script");
    }

    #[test]
    fn script_past_the_bound_stays_a_script() {
        let page = format!("{}<script>var a = '<b>';</script>text", "<div>".repeat(500));
        let parsed = parse_bounded(&page);
        let s = scraper::Selector::parse("script").unwrap();
        assert_eq!(parsed.document.select(&s).count(), 1);
    }
}
