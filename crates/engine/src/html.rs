//! HTML pages to lines of text plus the metadata the page declares (Open Graph, `article:*`
//! meta tags, JSON-LD, `<title>`, canonical link). Parsing is done by `scraper` (html5ever);
//! this module only walks the tree. It knows nothing about dates or outlets beyond reading tags.

use scraper::{ElementRef, Html, Node, Selector};

/// What a page declares about itself in markup. Values are raw strings, interpreted by the caller.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

/// The visible text of a page, one block element per line, and its metadata.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HtmlPage {
    pub text: String,
    pub meta: PageMeta,
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

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "nav", "form",
    "button", "select", "head",
];

/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "br",
    "hr",
    "address",
    "time",
    "caption",
];

/// Extracts lines of visible text and the declared metadata.
///
/// ```
/// let page = engine::html::extract("<html><head><title>Kim in Russia | The Korea Herald</title></head>\
///     <body><nav>Home</nav><h1>Kim in Russia</h1><p>Kim met Putin.</p><script>x()</script></body></html>");
/// assert_eq!(page.text.trim(), "Kim in Russia\n\nKim met Putin.");
/// assert_eq!(page.meta.title.as_deref(), Some("Kim in Russia | The Korea Herald"));
/// ```
pub fn extract(source: &str) -> HtmlPage {
    let document = Html::parse_document(source);
    let mut text = String::with_capacity(source.len() / 3);
    let mut skip_depth = 0usize;
    for edge in document.root_element().traverse() {
        match edge {
            ego_tree_edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if skip_depth > 0 || SKIPPED.contains(&name) || el.attr("hidden").is_some() {
                        skip_depth += 1;
                    } else if BLOCKS.contains(&name) {
                        text.push_str("\n\n");
                    }
                }
                Node::Text(t) if skip_depth == 0 => {
                    push_collapsed(&mut text, t);
                }
                _ => {}
            },
            ego_tree_edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if BLOCKS.contains(&el.name()) {
                        text.push_str("\n\n");
                    }
                }
            }
        }
    }
    HtmlPage {
        text: tidy_lines(&text),
        meta: read_meta(&document),
    }
}

use ego_tree::iter::Edge as ego_tree_edge;
use scraper::node::Text;

fn push_collapsed(out: &mut String, text: &Text) {
    let mut last_space = out.ends_with([' ', '\n']);
    for c in text.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

/// Trims every line and keeps at most one blank line between blocks.
fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !blank {
                out.push('\n');
                blank = true;
            }
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    let len = out.trim_end().len();
    out.truncate(len);
    out.push('\n');
    out
}

fn read_meta(document: &Html) -> PageMeta {
    let mut meta = PageMeta::default();
    let metas = Selector::parse("meta").expect("static selector");
    for el in document.select(&metas) {
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"));
        let (Some(key), Some(content)) = (key, el.attr("content")) else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        let slot = match key.to_ascii_lowercase().as_str() {
            "og:title" | "twitter:title" => &mut meta.title,
            "og:site_name" | "application-name" => &mut meta.site_name,
            "article:published_time"
            | "datepublished"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "date"
            | "dc.date"
            | "dc.date.issued"
            | "sailthru.date"
            | "parsely-pub-date" => &mut meta.published,
            "article:modified_time" | "datemodified" | "og:updated_time" => &mut meta.modified,
            "author" | "article:author" | "byl" | "dc.creator" | "sailthru.author" => {
                &mut meta.author
            }
            "og:url" => &mut meta.url,
            _ => continue,
        };
        slot.get_or_insert_with(|| content.to_string());
    }
    let canonical = Selector::parse("link[rel=canonical]").expect("static selector");
    if meta.url.is_none() {
        meta.url = document
            .select(&canonical)
            .find_map(|el| el.attr("href"))
            .map(str::to_string);
    }
    let title = Selector::parse("title").expect("static selector");
    if meta.title.is_none() {
        meta.title = document
            .select(&title)
            .next()
            .map(element_text)
            .filter(|t| !t.is_empty());
    }
    let time = Selector::parse("time[datetime]").expect("static selector");
    let ld = Selector::parse(r#"script[type="application/ld+json"]"#).expect("static selector");
    for script in document.select(&ld) {
        read_json_ld(&element_text(script), &mut meta);
    }
    if meta.published.is_none() {
        meta.published = document
            .select(&time)
            .find(|el| el.attr("pubdate").is_some() || el.attr("itemprop") == Some("datePublished"))
            .and_then(|el| el.attr("datetime"))
            .map(str::to_string);
    }
    meta
}

fn element_text(el: ElementRef<'_>) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads `datePublished`, `dateModified`, `headline`, `author` and `publisher` from JSON-LD.
fn read_json_ld(source: &str, meta: &mut PageMeta) {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(source) else {
        return;
    };
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Array(items) => stack.extend(items),
            serde_json::Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
                let text = |key: &str| map.get(key).and_then(name_of);
                if meta.published.is_none() {
                    meta.published = text("datePublished");
                }
                if meta.modified.is_none() {
                    meta.modified = text("dateModified");
                }
                if meta.title.is_none() {
                    meta.title = text("headline");
                }
                if meta.author.is_none() {
                    meta.author = text("author");
                }
                if meta.site_name.is_none() {
                    meta.site_name = text("publisher");
                }
            }
            _ => {}
        }
    }
}

/// A JSON-LD value as a name: a string, an object's `name`, or the names of a list joined by ", ".
fn name_of(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        serde_json::Value::Object(map) => map.get("name").and_then(name_of),
        serde_json::Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
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
        assert_eq!(page.text, "Title\n\nFirst bold line.\n\nSecond.\n");
    }

    #[test]
    fn reads_open_graph_and_json_ld() {
        let page = extract(
            r#"<html><head><meta property="og:site_name" content="Yonhap News Agency">
            <meta property="article:published_time" content="2024-06-19T09:00:00+09:00">
            <script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Kim Tong-hyung"}],"headline":"H"}</script>
            </head><body><p>x</p></body></html>"#,
        );
        assert_eq!(page.meta.site_name.as_deref(), Some("Yonhap News Agency"));
        assert_eq!(
            page.meta.published.as_deref(),
            Some("2024-06-19T09:00:00+09:00")
        );
        assert_eq!(page.meta.author.as_deref(), Some("Kim Tong-hyung"));
        assert_eq!(page.meta.title.as_deref(), Some("H"));
    }

    #[test]
    fn detects_html_by_name_or_content() {
        assert!(looks_like_html("a.HTM", "text"));
        assert!(looks_like_html("a.txt", "  <!DOCTYPE html><html>"));
        assert!(!looks_like_html("a.txt", "Kim <b> met"));
    }
}
