//! What an HTML page declares about itself: every title, site name, author and date its markup
//! gives (Open Graph, Twitter cards, `article:*` and the meta names common CMSs write, JSON-LD,
//! `<title>`, `<h1>`, `rel=author`, byline elements, `<time>`), each with where it came from.
//! The reader chooses among them (by agreement for titles, by trust for dates); this module only
//! collects. Dates stay raw strings here: `dates` reads them.

use scraper::{ElementRef, Html, Selector};
use std::sync::LazyLock;

/// Where a declared value came from, most trusted first within each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    JsonLd,
    OpenGraph,
    Twitter,
    /// `<meta name=…>` of a CMS (author, pubdate, dc.date, parsely-…).
    MetaName,
    /// `<meta name="application-name">`.
    ApplicationName,
    /// `<meta name="copyright">`.
    Copyright,
    /// `<h1>`.
    Heading,
    /// `<title>`.
    TitleTag,
    /// `<time datetime>` marked as the publication (`itemprop`, `pubdate`) or in the header.
    Time,
    /// `rel=author` links and elements marked as the byline or author.
    BylineElement,
}

/// What a page declares about itself in markup. Values are raw strings, interpreted by the caller.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    /// Every title the page gives, in order of trust.
    pub titles: Vec<(Source, String)>,
    /// Every site or publisher name.
    pub site_names: Vec<(Source, String)>,
    /// Authors.
    pub authors: Vec<(Source, String)>,
    /// Publication dates, raw.
    pub published: Vec<(Source, String)>,
    /// Modification dates, raw.
    pub modified: Vec<(Source, String)>,
    /// The canonical or `og:url` address.
    pub url: Option<String>,
    /// The article body of JSON-LD, when the page carries one.
    pub article_body: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
}

impl PageMeta {
    /// The most trusted title the markup declares (not the page's `<h1>`).
    pub fn title(&self) -> Option<&str> {
        self.titles
            .iter()
            .filter(|(f, _)| *f != Source::Heading)
            .min_by_key(|(f, _)| *f)
            .map(|(_, t)| t.as_str())
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel=canonical]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static AUTHOR: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        r#"a[rel~=author], [itemprop~=author], [class*=byline], [class*=author-name], [class*=authorname], [class*=article-author], [rel~=author], [class~=author], [class~=authors]"#,
    )
});
static HTML: LazyLock<Selector> = LazyLock::new(|| selector("html"));

/// Reads every declared value of a parsed page.
pub fn read(document: &Html) -> PageMeta {
    let mut meta = PageMeta {
        lang: document
            .select(&HTML)
            .next()
            .and_then(|h| h.attr("lang"))
            .map(|l| l.trim().to_ascii_lowercase())
            .filter(|l| !l.is_empty()),
        ..PageMeta::default()
    };
    for script in document.select(&JSON_LD) {
        read_json_ld(&element_text(script), &mut meta);
    }
    for el in document.select(&META) {
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"));
        let (Some(key), Some(content)) = (key, el.attr("content")) else {
            continue;
        };
        let content = super::seen_chars(content)
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if content.is_empty() {
            continue;
        }
        let key = key.to_ascii_lowercase();
        let (list, from) = match key.as_str() {
            "og:title" => (&mut meta.titles, Source::OpenGraph),
            "twitter:title" => (&mut meta.titles, Source::Twitter),
            "headline" | "dc.title" | "sailthru.title" | "parsely-title" => {
                (&mut meta.titles, Source::MetaName)
            }
            "og:site_name" => (&mut meta.site_names, Source::OpenGraph),
            "twitter:site" => (&mut meta.site_names, Source::Twitter),
            "application-name" | "apple-mobile-web-app-title" => {
                (&mut meta.site_names, Source::ApplicationName)
            }
            "copyright" | "dc.rights" | "dcterms.rights" => {
                (&mut meta.site_names, Source::Copyright)
            }
            "dc.publisher" | "publisher" | "citation_publisher" => {
                (&mut meta.site_names, Source::MetaName)
            }
            "article:published_time" | "og:published_time" => {
                (&mut meta.published, Source::OpenGraph)
            }
            "datepublished"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "publish_date"
            | "date"
            | "dc.date"
            | "dc.date.issued"
            | "dc.date.created"
            | "dcterms.created"
            | "dcterms.date"
            | "dcterms.issued"
            | "sailthru.date"
            | "parsely-pub-date"
            | "article.published"
            | "article_date_original"
            | "original-publish-date"
            | "cxenseparse:recs:publishtime"
            | "pubdate_date"
            | "citation_publication_date"
            | "citation_date"
            | "release_date"
            | "displaydate"
            | "date_published"
            | "og:article:published_time"
            | "nv:date" => (&mut meta.published, Source::MetaName),
            "article:modified_time"
            | "og:updated_time"
            | "datemodified"
            | "lastmod"
            | "last-modified"
            | "dc.date.modified"
            | "dcterms.modified"
            | "article.updated"
            | "og:article:modified_time" => (&mut meta.modified, Source::OpenGraph),
            "author" | "article:author" | "byl" | "dc.creator" | "dcterms.creator"
            | "sailthru.author" | "parsely-author" | "citation_author" | "og:article:author" => {
                if content.starts_with("http") {
                    continue;
                }
                (&mut meta.authors, Source::MetaName)
            }
            "og:url" => {
                meta.url.get_or_insert(content);
                continue;
            }
            _ => continue,
        };
        push_unique(list, from, content);
    }
    if let Some(href) = document.select(&CANONICAL).find_map(|el| el.attr("href")) {
        // The canonical address is the page's own; og:url is often the site's front page.
        if href.starts_with("http") {
            meta.url = Some(href.trim().to_string());
        }
    }
    if let Some(t) = document.select(&TITLE).next().map(element_text) {
        push_unique(&mut meta.titles, Source::TitleTag, t);
    }
    for h in document.select(&H1).take(4) {
        push_unique(&mut meta.titles, Source::Heading, visible_text(h));
    }
    for el in document.select(&TIME) {
        let marked = el.attr("pubdate").is_some()
            || el
                .attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
            || el
                .attr("class")
                .is_some_and(|c| c.to_ascii_lowercase().contains("publish"));
        if let Some(d) = el.attr("datetime").filter(|_| marked) {
            push_unique(&mut meta.published, Source::Time, d.trim().to_string());
        }
    }
    for el in document
        .select(&AUTHOR)
        .filter(|el| !in_comments(*el))
        .take(6)
    {
        let text = match el.value().name() {
            "meta" | "link" => continue,
            _ => byline_text(el),
        };
        if !text.is_empty() && text.chars().count() <= 120 {
            push_unique(&mut meta.authors, Source::BylineElement, text);
        }
    }
    meta
}

/// Whether an element stands in the readers' comments (an ancestor's class or id names them):
/// a commenter's name is no byline.
/// The page's and the story's own elements say whether the story takes comments
/// ("comments-open", "has-comments", "commented": `content::is_state_class`): only a container of
/// its own counts.
fn in_comments(el: scraper::ElementRef) -> bool {
    let names_comments = |token: &str| {
        let t = token.to_ascii_lowercase();
        (t.contains("comment") || t.contains("disqus"))
            && !t.ends_with("commented")
            && !super::content::is_state_class(token)
    };
    el.ancestors()
        .filter_map(scraper::ElementRef::wrap)
        .filter(|a| !matches!(a.value().name(), "html" | "body" | "article" | "main"))
        .any(|a| {
            ["class", "id"].iter().any(|k| {
                a.value()
                    .attr(k)
                    .is_some_and(|v| v.split_whitespace().any(names_comments))
            })
        })
}

fn push_unique(list: &mut Vec<(Source, String)>, from: Source, value: String) {
    let value = value.trim().to_string();
    if !value.is_empty() && !list.iter().any(|(f, v)| *f == from && *v == value) {
        list.push((from, value));
    }
}

/// The visible text of an element, whitespace collapsed.
pub fn element_text(el: ElementRef<'_>) -> String {
    el.text()
        .flat_map(super::seen_chars)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of an element a reader sees: without buttons, scripts and hidden parts.
fn visible_text(el: ElementRef<'_>) -> String {
    seen_text(el, false)
}

/// A byline element's text with its parts kept apart: where two of its elements' texts meet
/// with no space between them, or a line ends between them, a " | " stands. A name, a role, an
/// icon's label and a stamp printed in elements of their own ("Jane Doe", "Staff Writer",
/// "Twitter", "Dec 13, 2016") would otherwise run together into one name ("Jane DoeStaff
/// Writer"), as a browser shows them apart by their styles.
fn byline_text(el: ElementRef<'_>) -> String {
    seen_text(el, true)
}

/// The text of an element a reader sees (see `visible_text`); with `apart`, its parts are kept
/// apart (see `byline_text`), else every text stands apart by a space.
fn seen_text(el: ElementRef<'_>, apart: bool) -> String {
    use ego_tree::iter::Edge;
    let mut out = String::new();
    let mut skip = 0usize;
    let mut line_end = false;
    for edge in el.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                scraper::Node::Element(e)
                    if skip > 0
                        || matches!(
                            e.name(),
                            "button"
                                | "script"
                                | "style"
                                | "noscript"
                                | "template"
                                | "svg"
                                | "select"
                        )
                        || e.attr("hidden").is_some()
                        || e.attr("aria-hidden") == Some("true") =>
                {
                    skip += 1;
                    // A hidden icon between two texts still stands between them.
                    line_end |= apart;
                }
                scraper::Node::Element(e) => line_end |= ends_a_line(e.name()),
                scraper::Node::Text(t) if skip == 0 => {
                    if !apart {
                        out.extend(super::seen_chars(t));
                        out.push(' ');
                    } else if !t.trim().is_empty() {
                        // Two words meeting: punctuation between names ("Jane Doe, John Roe")
                        // is the page's own joining.
                        let glued = out.ends_with(char::is_alphanumeric)
                            && t.starts_with(char::is_alphanumeric);
                        if !out.trim().is_empty() && (line_end || glued) {
                            out.push_str(" | ");
                        }
                        out.extend(super::seen_chars(t));
                        line_end = false;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let scraper::Node::Element(e) = node.value() {
                    if skip > 0 {
                        skip -= 1;
                    } else {
                        line_end |= ends_a_line(e.name());
                    }
                }
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether an element starts or ends a line where it opens or closes: a block, a line break or a
/// table's cell, as the article finder counts them.
fn ends_a_line(name: &str) -> bool {
    let tag = super::content::Tag::of(name);
    tag.is_block() || tag == super::content::Tag::Cell
}

/// A script's text without the CDATA section that XHTML-minded templates wrap it in
/// (`<![CDATA[ … ]]>`, also behind `//` or `/* */` comment marks).
fn without_cdata(source: &str) -> &str {
    let s = source.trim();
    let Some(open) = s.find("<![CDATA[") else {
        return s;
    };
    if !s[..open]
        .trim_matches(|c: char| c == '/' || c == '*' || c.is_whitespace())
        .is_empty()
    {
        return s;
    }
    let inner = &s[open + "<![CDATA[".len()..];
    let inner = inner.rfind("]]>").map_or(inner, |close| &inner[..close]);
    inner
        .trim()
        .trim_start_matches("*/")
        .trim_end_matches("/*")
        .trim_end_matches("//")
        .trim()
}

/// The JSON-LD types that are articles.
fn is_article_type(value: Option<&serde_json::Value>) -> bool {
    let is = |s: &str| {
        s.ends_with("Article")
            || s.ends_with("Posting")
            || matches!(s, "Report" | "Review" | "NewsArticle" | "CreativeWork")
    };
    match value {
        Some(serde_json::Value::String(s)) => is(s),
        Some(serde_json::Value::Array(items)) => items.iter().any(|v| v.as_str().is_some_and(is)),
        _ => false,
    }
}

/// Reads the article object of a JSON-LD block: headline, dates, authors, publisher and body.
/// Objects typed as articles come first; a `WebPage`'s dates only when no article gives any.
fn read_json_ld(source: &str, meta: &mut PageMeta) {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(without_cdata(source)) else {
        return;
    };
    let mut objects = Vec::new();
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            serde_json::Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
                if let Some(main) = map.get("mainEntity").filter(|m| m.is_object()) {
                    stack.push(main);
                }
                objects.push(map);
            }
            _ => {}
        }
    }
    let (articles, others): (Vec<_>, Vec<_>) = objects
        .into_iter()
        .partition(|m| is_article_type(m.get("@type")));
    for (map, article) in articles
        .iter()
        .map(|m| (m, true))
        .chain(others.iter().map(|m| (m, false)))
    {
        let text = |key: &str| map.get(key).and_then(name_of);
        if article {
            if let Some(h) = text("headline").or_else(|| text("name")) {
                push_unique(&mut meta.titles, Source::JsonLd, h);
            }
            if let Some(a) = map.get("author").and_then(name_of) {
                push_unique(&mut meta.authors, Source::JsonLd, a);
            }
            if let Some(p) = map.get("publisher").and_then(name_of) {
                push_unique(&mut meta.site_names, Source::JsonLd, p);
            }
            if meta.article_body.is_none() {
                meta.article_body = text("articleBody");
            }
        }
        if article || meta.published.iter().all(|(f, _)| *f != Source::JsonLd) {
            if let Some(d) = text("datePublished").or_else(|| text("dateCreated")) {
                push_unique(&mut meta.published, Source::JsonLd, d);
            }
            if let Some(d) = text("dateModified") {
                push_unique(&mut meta.modified, Source::JsonLd, d);
            }
        }
        if map.get("@type").and_then(|t| t.as_str()) == Some("WebSite")
            && let Some(n) = text("name")
        {
            push_unique(&mut meta.site_names, Source::JsonLd, n);
        }
    }
}

/// A JSON-LD value as a name: a string, an object's `name`, or the names of a list joined by ", ".
fn name_of(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) if !s.trim().is_empty() => {
            Some(s.split_whitespace().collect::<Vec<_>>().join(" "))
        }
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

    fn meta(html: &str) -> PageMeta {
        read(&Html::parse_document(html))
    }

    #[test]
    fn reads_open_graph_and_json_ld() {
        let m = meta(
            r#"<html><head><meta property="og:site_name" content="Yonhap News Agency">
            <meta property="article:published_time" content="2024-06-19T09:00:00+09:00">
            <script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Kim Tong-hyung"}],"headline":"H"}</script>
            </head><body><p>x</p></body></html>"#,
        );
        assert_eq!(m.site_names[0].1, "Yonhap News Agency");
        assert_eq!(m.published[0].1, "2024-06-19T09:00:00+09:00");
        assert_eq!(m.authors[0].1, "Kim Tong-hyung");
        assert_eq!(m.title(), Some("H"));
    }

    #[test]
    fn byline_element_keeps_its_parts_apart_but_its_list_of_names_whole() {
        let m = meta(
            r#"<div class="byline"><span>By</span><a>Jane Doe</a><span>Staff Writer</span><div>Dec 13, 2016</div></div>
            <p class="article-author">By <a>John Roe</a>, <a>A.B. Moe</a>, and <a>Ann Poe</a></p>"#,
        );
        let authors: Vec<&str> = m.authors.iter().map(|(_, a)| a.as_str()).collect();
        assert_eq!(
            authors,
            [
                "By | Jane Doe | Staff Writer | Dec 13, 2016",
                "By John Roe, A.B. Moe, and Ann Poe"
            ]
        );
    }

    #[test]
    fn json_ld_in_a_cdata_section_is_read() {
        for wrapped in [
            "<![CDATA[ {\"@type\":\"NewsArticle\",\"datePublished\":\"2024-06-19\"} ]]>",
            "//<![CDATA[\n{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-06-19\"}\n//]]>",
            "/*<![CDATA[*/ {\"@type\":\"NewsArticle\",\"datePublished\":\"2024-06-19\"} /*]]>*/",
        ] {
            let m = meta(&format!(
                "<script type=\"application/ld+json\">{wrapped}</script>"
            ));
            assert_eq!(
                m.published,
                vec![(Source::JsonLd, "2024-06-19".to_string())],
                "{wrapped}"
            );
        }
    }

    #[test]
    fn json_ld_article_dates_come_before_the_web_page_dates() {
        let m = meta(
            r#"<script type="application/ld+json">{"@graph":[
              {"@type":"WebPage","datePublished":"2020-01-01"},
              {"@type":"NewsArticle","datePublished":"2024-06-19","publisher":{"name":"Example Daily"}}]}</script>"#,
        );
        assert_eq!(m.published[0], (Source::JsonLd, "2024-06-19".to_string()));
        assert_eq!(m.published.len(), 1);
        assert_eq!(m.site_names[0].1, "Example Daily");
    }

    #[test]
    fn a_commenters_name_is_not_a_byline() {
        let m = meta(
            r#"<div class="comment-list"><span class="author-name">J J</span></div>
               <div class="post comments-open"><span class="byline">Jane Doe</span></div>"#,
        );
        assert_eq!(
            m.authors,
            vec![(Source::BylineElement, "Jane Doe".to_string())]
        );
    }

    #[test]
    fn author_urls_are_not_names() {
        let m = meta(r#"<meta property="article:author" content="https://facebook.com/someone">"#);
        assert!(m.authors.is_empty());
    }

    #[test]
    fn titles_from_every_place_are_kept_with_their_source() {
        let m = meta(
            "<html><head><title>Kim visits Moscow | Example Daily</title>\
             <meta name=\"twitter:title\" content=\"Kim visits Moscow\"></head>\
             <body><h1>Kim visits Moscow</h1></body></html>",
        );
        let from: Vec<Source> = m.titles.iter().map(|t| t.0).collect();
        assert_eq!(from, [Source::Twitter, Source::TitleTag, Source::Heading]);
        assert_eq!(m.title(), Some("Kim visits Moscow"));
    }
}
