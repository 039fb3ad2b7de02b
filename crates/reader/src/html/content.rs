//! The article of an HTML page: which blocks of text are the story and which are the site around
//! it. The page is walked once into a table of elements and a list of text runs (a run is the
//! text between two block boundaries, in reading order); runs are scored as paragraphs and their
//! scores flow up to the elements that hold them, so the element holding the most prose with the
//! fewest links wins, as in Readability. What the markup says outright comes first: an element
//! marked `itemprop="articleBody"`, class and id words that name an article body, and words that
//! name furniture (navigation, menus, related lists, sharing, comments, promotions, newsletters,
//! cookie notices, ads), `nav`/`aside`/`footer` and hidden elements. Inside the chosen block,
//! lists and tables made mostly of links, link-only lines and teasers the page repeats elsewhere
//! are furniture too.
//!
//! Written on `scraper`'s tree rather than taken from a crate: the Readability and trafilatura
//! ports measured on the development set (docs/EXTRACTORS.md) either keep furniture we must drop
//! (the actors in a menu become actors of the article), lose captions and block kinds we need, or
//! cannot bound a page's depth; and the reader needs the removed blocks with their reason.

use scraper::node::Text;
use scraper::{Html, Node};

/// What a block of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// `h1`–`h6`, with the level.
    Heading(u8),
    Paragraph,
    ListItem,
    Quote,
    /// A table row, cells joined by " | ".
    Row,
    /// A photo or figure caption.
    Caption,
    Preformatted,
}

/// A block of text of the page, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBlock {
    pub kind: BlockKind,
    pub text: String,
    /// Its place among all the page's blocks, article or not.
    pub at: u32,
}

/// A block of the page that is not the article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideBlock {
    pub reason: Outside,
    pub text: String,
    /// Its place among all the page's blocks, article or not.
    pub at: u32,
}

/// Why a block of the page is not the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outside {
    /// Menus, breadcrumbs, headers, footers, sidebars and everything outside the article block.
    Site,
    /// A list or table made mostly of links, or a line that is only a link.
    Links,
    /// An element whose class, id or role names furniture (related, share, comments, promo, ad…).
    Marked,
    /// A teaser: text the page also prints as a link to another page.
    Teaser,
    /// A chart's label: a paragraph of a few characters and no letter ("$915", "’17", "600").
    Label,
}

/// The article blocks of a page and the visible text left outside them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Content {
    pub blocks: Vec<TextBlock>,
    pub outside: Vec<OutsideBlock>,
}

impl Content {
    /// The blocks outside the article that sit around it: from the headline (or a few blocks
    /// before the article when the headline is not found) to a few blocks after it. Where the
    /// page prints its byline and date stamp when they are not inside the article's element.
    ///
    /// The headline is looked for among the blocks above the article as printed or behind a
    /// short label ("Breaking: …", the title cleaned of it). A page that prints it more than once
    /// near the article (a breadcrumb, its header, then a list of stories ending with it) has its
    /// byline and stamp under the first of those copies, so the window opens there.
    pub fn around(&self, headline: Option<&str>) -> impl Iterator<Item = &OutsideBlock> {
        const MARGIN: u32 = 6;
        let first = self.blocks.first().map_or(0, |b| b.at);
        let last = self.blocks.last().map_or(0, |b| b.at);
        let start = self
            .headline_at(headline)
            .unwrap_or(first.saturating_sub(MARGIN));
        self.outside
            .iter()
            .filter(move |o| o.at > start && o.at <= last + MARGIN)
    }

    /// The blocks right above the headline printed outside the article (at most two): a section
    /// label and a stamp printed over the headline.
    pub fn above(&self, headline: Option<&str>) -> impl Iterator<Item = &OutsideBlock> {
        let at = self.headline_at(headline);
        self.outside
            .iter()
            .filter(move |o| at.is_some_and(|h| o.at < h && o.at + 2 >= h))
    }

    /// Where the headline is printed outside the article, above it: the first of its copies that
    /// stand near the article, else the copy nearest it.
    fn headline_at(&self, headline: Option<&str>) -> Option<u32> {
        /// A copy further above the article than this many blocks is a menu's or a teaser's.
        const NEAR: u32 = 30;
        /// A label before a headline ("Breaking:", "Exclusive |") is at most this long.
        const LABEL: usize = 24;
        let first = self.blocks.first().map_or(0, |b| b.at);
        let key = normalise(headline?);
        if key.is_empty() {
            return None;
        }
        let prints = |text: &str| {
            let t = normalise(text);
            t == key
                || t.strip_suffix(key.as_str()).is_some_and(|label| {
                    label.len() <= LABEL && label.trim_end().ends_with([':', '|', '-', '–', '—'])
                })
        };
        let copies: Vec<u32> = self
            .outside
            .iter()
            .filter(|o| o.at <= first && prints(&o.text))
            .map(|o| o.at)
            .collect();
        copies
            .iter()
            .copied()
            .find(|&at| at + NEAR >= first)
            .or(copies.last().copied())
    }
}

/// Finds the article of a parsed page.
pub fn find(document: &Html, title: Option<&str>) -> Content {
    let page = Page::walk(document);
    page.content(title)
}

/// One element of the page, as the scoring sees it.
struct Element {
    parent: u32,
    tag: Tag,
    /// Never text of the article: navigation, furniture by class, hidden.
    furniture: bool,
    /// Furniture by class, id or role (not by tag), and whether by a word that a page's prose
    /// cannot outweigh (comments).
    class_furniture: bool,
    /// The furniture words that alone made it furniture (`Hints::words`).
    furniture_words: u128,
    strong: bool,
    /// Characters of prose: runs of 80 or more with few links.
    prose: u32,
    /// Class and id weight: positive for article words, negative for furniture words.
    weight: f32,
    /// Class or id words name an article body.
    body_hint: bool,
    /// `itemprop="articleBody"`.
    article_body: bool,
    /// The class attribute with its digits left out, hashed (0 without a class): the pieces of a
    /// body split by advertisements share it ("story-body-1", "story-body-2").
    class_key: u64,
    /// Weighted characters of text in the element (CJK counts double) and in its links.
    chars: u32,
    link_chars: u32,
    score: f32,
    scored: bool,
}

/// A stretch of text between two block boundaries.
struct Run {
    /// The innermost element that holds the run (a block element).
    owner: u32,
    kind: BlockKind,
    text: String,
    chars: u32,
    link_chars: u32,
    commas: u32,
    /// Inside furniture (by tag, class or role).
    furniture: bool,
    /// The whole run is the text of one link.
    is_link: bool,
}

/// The tags the scoring tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    Html,
    Body,
    Article,
    Main,
    Section,
    Div,
    P,
    Heading(u8),
    List,
    Li,
    Table,
    Tr,
    Cell,
    Blockquote,
    Pre,
    Figure,
    Figcaption,
    Header,
    Footer,
    Aside,
    Nav,
    Form,
    A,
    Br,
    /// Other block-level elements (address, dl, dd, dt, fieldset, details…).
    Block,
    /// Inline and unknown elements.
    Inline,
    /// Never visible text: scripts, styles, templates, media, form controls.
    Invisible,
}

impl Tag {
    pub(super) fn of(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "body" => Tag::Body,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "section" => Tag::Section,
            "div" | "center" => Tag::Div,
            "p" => Tag::P,
            "h1" => Tag::Heading(1),
            "h2" => Tag::Heading(2),
            "h3" => Tag::Heading(3),
            "h4" => Tag::Heading(4),
            "h5" => Tag::Heading(5),
            "h6" => Tag::Heading(6),
            "ul" | "ol" | "dl" | "menu" => Tag::List,
            "li" | "dd" | "dt" => Tag::Li,
            "table" | "tbody" | "thead" | "tfoot" => Tag::Table,
            "tr" => Tag::Tr,
            "td" | "th" => Tag::Cell,
            "blockquote" => Tag::Blockquote,
            "pre" => Tag::Pre,
            "figure" => Tag::Figure,
            "figcaption" | "caption" => Tag::Figcaption,
            "header" | "hgroup" => Tag::Header,
            "footer" => Tag::Footer,
            "aside" => Tag::Aside,
            "nav" => Tag::Nav,
            "form" => Tag::Form,
            "a" => Tag::A,
            "br" | "hr" => Tag::Br,
            "address" | "fieldset" | "details" | "summary" | "dialog" | "legend" => Tag::Block,
            "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
            | "embed" | "canvas" | "video" | "audio" | "picture" | "source" | "button"
            | "select" | "option" | "input" | "textarea" | "head" | "title" | "meta" | "link"
            | "map" | "label" => Tag::Invisible,
            _ => Tag::Inline,
        }
    }

    /// Whether the element starts and ends a run. A table cell does not: a row's cells are one
    /// run, joined by " | " (a cell that holds paragraphs still breaks at them).
    pub(super) fn is_block(self) -> bool {
        !matches!(self, Tag::Inline | Tag::A | Tag::Invisible | Tag::Cell)
    }

    /// Readability's starting score of a candidate by its tag.
    fn base_score(self) -> f32 {
        match self {
            Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
            Tag::Pre | Tag::Cell | Tag::Blockquote => 3.0,
            Tag::List | Tag::Li | Tag::Form | Tag::Block => -3.0,
            Tag::Heading(_) => -5.0,
            _ => 0.0,
        }
    }
}

/// Class, id and role words of furniture. Matched against the words of the attribute (split at
/// non-letters and camel case); the long ones also inside a word ("socialshare").
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "advertising",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline-bio",
    "comment",
    "comments",
    "community",
    "consent",
    "controls",
    "cookie",
    "cookies",
    "disqus",
    "donate",
    "dropdown",
    "footer",
    "gdpr",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pagination",
    "pager",
    "paywall",
    "popular",
    "popup",
    "promo",
    "promotion",
    "rail",
    "recirc",
    "recommend",
    "recommended",
    "recommendation",
    "recommendations",
    "related",
    "settings",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "skip",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "toolbar",
    "tooltip",
    "trending",
    "widget",
    "mostread",
    "most-read",
    "most-viewed",
    "mostviewed",
    "more-stories",
    "morestories",
    "read-more",
    "readmore",
    "teaser",
    "ticker",
];

/// Words that also count inside a longer word of a class or id.
const FURNITURE_INFIXES: &[&str] = &[
    "breadcrumb",
    "comment",
    "cookie",
    "disqus",
    "newsletter",
    "outbrain",
    "recommend",
    "related",
    "sidebar",
    "social",
    "sponsor",
    "subscri",
    "taboola",
    "trending",
    "advert",
    "mostread",
    "mostpopular",
    "sharebar",
    "sharing",
];

// Each furniture word has a bit of a `u128` (`Hints::words`).
const _: () = assert!(FURNITURE_WORDS.len() + FURNITURE_INFIXES.len() <= 128);

/// Class and id words of the article or its body.
const ARTICLE_WORDS: &[&str] = &[
    "article", "articles", "body", "content", "entry", "hentry", "main", "post", "story", "text",
    "blog", "news", "detail", "view", "txt", "contents", "cont",
];

/// The second word of an article-body name ("article-body", "story__content", "entry-content",
/// "news_view", "articleBodyContents").
const BODY_WORDS: &[&str] = &[
    "body", "content", "contents", "text", "txt", "view", "detail", "copy", "cont",
];
const BODY_FIRST_WORDS: &[&str] = &["article", "story", "entry", "post", "news", "main"];

/// Roles that are furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "alert",
    "toolbar",
];

/// The words of a class or id value: split at anything but letters and digits, and at a
/// lowercase-to-uppercase change; lowercased.
fn words(value: &str, out: &mut Vec<String>) {
    let mut word = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            word.extend(c.to_lowercase());
        } else {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = false;
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
}

/// Whether a class or id word that holds a furniture word still names the story itself: a
/// story's state ("commented", "shared": readers have commented on it) or its genre
/// ("commentary", "commentator"), not a comment section or a sharing bar.
fn names_the_story(word: &str) -> bool {
    ["comment", "share"].iter().any(|stem| {
        word.strip_prefix(stem)
            .is_some_and(|rest| ["ed", "ary", "aries", "ator", "ators"].contains(&rest))
    })
}

/// Whether a class or id word names readers' comments, the furniture that holds its ground
/// against the prose it holds (a long comment section outweighs a short story).
fn is_comment_word(word: &str) -> bool {
    word.starts_with("comment") || word.starts_with("disqus")
}

/// Whether one class name states what the element has or what state it is in ("has-comments",
/// "no-comments", "comments-enabled", "comments-open") rather than what it is.
pub(super) fn is_state_class(class: &str) -> bool {
    let lower = class.to_ascii_lowercase();
    let flag = |word: &str| ["has", "is", "no", "with", "without"].contains(&word);
    let state = |word: &str| {
        [
            "enabled", "disabled", "open", "opened", "closed", "allowed", "on", "off",
        ]
        .contains(&word)
    };
    let mut parts = lower.split(['-', '_']).filter(|p| !p.is_empty());
    let first = parts.next().unwrap_or("");
    let last = lower
        .rsplit(['-', '_'])
        .find(|p| !p.is_empty())
        .unwrap_or("");
    parts.next().is_some() && (flag(first) || state(last))
}

/// What an element's class, id and role say about it.
#[derive(Default)]
struct Hints {
    furniture: bool,
    /// Which furniture words of the class and id made it furniture (bits: `FURNITURE_WORDS`,
    /// then `FURNITURE_INFIXES`); 0 when a role or a hiding class did, or a body name overrode.
    words: u128,
    strong: bool,
    weight: f32,
    body: bool,
}

fn hints(el: &scraper::node::Element, scratch: &mut Vec<String>) -> Hints {
    let mut hints = Hints::default();
    let by_role = el
        .attr("role")
        .is_some_and(|role| FURNITURE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()));
    if by_role {
        hints.furniture = true;
        hints.weight -= 25.0;
    }
    let class = el.attr("class").unwrap_or("");
    let id = el.attr("id").unwrap_or("");
    if class.is_empty() && id.is_empty() {
        return hints;
    }
    let (mut furniture, mut article, mut hidden_class) = (false, false, false);
    for value in [class, id] {
        scratch.clear();
        words(value, scratch);
        for (i, w) in scratch.iter().enumerate() {
            let exact = FURNITURE_WORDS.iter().position(|f| f == w);
            let infix = || {
                (w.len() > 6)
                    .then(|| FURNITURE_INFIXES.iter().position(|f| w.contains(f)))
                    .flatten()
                    .map(|k| FURNITURE_WORDS.len() + k)
            };
            if let Some(bit) = exact.or_else(infix)
                && !names_the_story(w)
            {
                furniture = true;
                hints.words |= 1u128 << bit;
                hints.strong |= is_comment_word(w);
            }
            if ARTICLE_WORDS.contains(&w.as_str()) {
                article = true;
            }
            let body = |a: &str, b: &str| {
                BODY_FIRST_WORDS.contains(&a) && BODY_WORDS.contains(&b)
                    || a == "articlebody"
                    || a == "storybody"
                    || a == "entrycontent"
                    || a == "postcontent"
                    || a == "articletext"
            };
            let next = scratch.get(i + 1).map_or("", String::as_str);
            if body(w, next) {
                hints.body = true;
            }
        }
        let lower = value.to_ascii_lowercase();
        // A state class saying the element is hidden ("is-hidden", "u-display--is-hidden"),
        // not a layout's "overflow-hidden".
        if ["hidden", "sr-only", "visually-hidden", "screen-reader"]
            .iter()
            .any(|h| {
                lower
                    .split_whitespace()
                    .any(|c| c == *h || c.starts_with(h) || c.ends_with("is-hidden"))
            })
        {
            hints.furniture = true;
            hidden_class = true;
        }
    }
    // A story's comment state ("comments-enabled") is a furniture word like any other, to be
    // weighed against the prose it holds, but not one that holds its ground against prose.
    if hints.strong {
        hints.strong = [class, id].iter().any(|value| {
            value
                .split_whitespace()
                .filter(|name| !is_state_class(name))
                .any(|name| {
                    scratch.clear();
                    words(name, scratch);
                    scratch
                        .iter()
                        .any(|w| is_comment_word(w) && !names_the_story(w))
                })
        });
    }
    if furniture && !hints.body {
        hints.weight -= 25.0;
    }
    if article {
        hints.weight += 25.0;
    }
    // A body name wins over a furniture word in the same attribute ("article-body has-comments");
    // an article word alone does not ("article-related").
    hints.furniture |= furniture && !hints.body;
    if hints.body || hidden_class || by_role {
        hints.words = 0;
    }
    hints
}

/// The key of a class attribute: its words without their digits, hashed; 0 for no class.
fn class_key(class: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    if class.trim().is_empty() {
        return 0;
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for w in class.split_whitespace() {
        w.bytes()
            .filter(|b| !b.is_ascii_digit())
            .for_each(|b| b.hash(&mut h));
        b' '.hash(&mut h);
    }
    h.finish() | 1
}

/// Whether an element is hidden by its attributes. A hidden segment that a streaming renderer
/// moves into its place once the page runs (React's `<div hidden id="S:0">`, which fills
/// `<template id="B:0">`) is shown to every reader, so it is not; nor is the rest of a story
/// that the page holds behind its paywall (`<div class="paywall" hidden>`), shown to subscribers.
/// Whether a paywall element is the story or the site's offer is left to its prose, as for any
/// furniture word.
fn hidden(el: &scraper::node::Element) -> bool {
    let shown_later = || {
        el.attr("id").is_some_and(|id| {
            id.strip_prefix("S:")
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric()))
        }) || el.attr("class").is_some_and(|class| {
            class
                .split_whitespace()
                .any(|c| c.eq_ignore_ascii_case("paywall"))
        })
    };
    if el.attr("hidden").is_some() && !shown_later() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Weighted length of a text: CJK and Hangul characters carry about twice what a Latin letter does.
fn weighted_len(text: &str) -> u32 {
    text.chars()
        .map(|c| match c {
            ' ' => 0,
            '\u{1100}'..='\u{11FF}'
            | '\u{3040}'..='\u{30FF}'
            | '\u{3130}'..='\u{318F}'
            | '\u{3400}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}' => 2,
            _ => 1,
        })
        .sum()
}

fn commas(text: &str) -> u32 {
    text.chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
        .count() as u32
}

/// The page as tables of elements and runs.
struct Page {
    elements: Vec<Element>,
    runs: Vec<Run>,
    /// Normalised texts of the page's links (for teasers printed twice).
    link_texts: std::collections::HashSet<String>,
}

const NO_PARENT: u32 = u32::MAX;

/// The run being collected while walking.
#[derive(Default)]
struct Pending {
    text: String,
    link_chars: u32,
    /// Characters outside links, to tell a link-only run.
    plain: u32,
}

impl Page {
    fn walk(document: &Html) -> Page {
        use ego_tree::iter::Edge;
        let mut page = Page {
            elements: Vec::with_capacity(1024),
            runs: Vec::with_capacity(256),
            link_texts: Default::default(),
        };
        // The open elements: arena index, and whether they were counted as invisible.
        let mut stack: Vec<u32> = Vec::with_capacity(64);
        let mut invisible = 0usize;
        let mut furniture = 0usize;
        let mut links = 0usize;
        let mut link_text = String::new();
        let mut pending = Pending::default();
        let mut scratch = Vec::new();
        for edge in document.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        let tag = Tag::of(el.name());
                        let parent = stack.last().copied().unwrap_or(NO_PARENT);
                        let is_hidden = hidden(el);
                        if invisible > 0 || tag == Tag::Invisible || is_hidden {
                            // An icon or a separator hidden from screen readers only ("•" between
                            // a provider and a date) is still seen: the words on either side of
                            // it stay apart.
                            if invisible == 0
                                && tag != Tag::Invisible
                                && el.attr("aria-hidden") == Some("true")
                                && !pending.text.is_empty()
                                && !pending.text.ends_with(' ')
                            {
                                pending.text.push(' ');
                            }
                            invisible += 1;
                            // Still pushed, so closing pops in step.
                            page.elements.push(Element::new(parent, Tag::Invisible));
                            stack.push(page.elements.len() as u32 - 1);
                            continue;
                        }
                        if tag.is_block() {
                            page.flush(&stack, &mut pending, furniture > 0);
                        } else if tag == Tag::Cell && !pending.text.trim_end().is_empty() {
                            let len = pending.text.trim_end().len();
                            pending.text.truncate(len);
                            pending.text.push_str(" | ");
                        }
                        let h = hints(el, &mut scratch);
                        let by_tag = matches!(tag, Tag::Nav | Tag::Aside | Tag::Footer);
                        let mut e = Element::new(parent, tag);
                        let by_class = h.furniture && !matches!(tag, Tag::Html | Tag::Body);
                        e.furniture = by_tag || by_class;
                        e.class_furniture = by_class && !by_tag;
                        e.furniture_words = h.words;
                        e.strong = h.strong;
                        e.weight = h.weight;
                        e.body_hint = h.body;
                        e.class_key = class_key(el.attr("class").unwrap_or(""));
                        e.article_body = el
                            .attr("itemprop")
                            .is_some_and(|v| v.split_whitespace().any(|w| w == "articleBody"));
                        if e.furniture {
                            furniture += 1;
                        }
                        if tag == Tag::A {
                            links += 1;
                            if links == 1 {
                                link_text.clear();
                            }
                        }
                        page.elements.push(e);
                        stack.push(page.elements.len() as u32 - 1);
                    }
                    Node::Text(t) if invisible == 0 => {
                        let before = pending.text.len();
                        push_collapsed(&mut pending.text, t);
                        let added = weighted_len(&pending.text[before..]);
                        if links > 0 {
                            pending.link_chars += added;
                            link_text.push_str(&pending.text[before..]);
                        } else {
                            pending.plain += added;
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    let Node::Element(_) = node.value() else {
                        continue;
                    };
                    let Some(i) = stack.pop() else { continue };
                    let tag = page.elements[i as usize].tag;
                    if invisible > 0 {
                        invisible -= 1;
                        continue;
                    }
                    if tag == Tag::Br {
                        page.flush(&stack, &mut pending, furniture > 0);
                    } else if tag.is_block() {
                        stack.push(i);
                        page.flush(&stack, &mut pending, furniture > 0);
                        stack.pop();
                    }
                    if tag == Tag::A {
                        links -= 1;
                        if links == 0 {
                            let norm = normalise(&link_text);
                            if weighted_len(&norm) >= 25 {
                                page.link_texts.insert(norm);
                            }
                        }
                    }
                    if page.elements[i as usize].furniture {
                        furniture -= 1;
                    }
                    let e = &page.elements[i as usize];
                    let (chars, link_chars, prose, parent) =
                        (e.chars, e.link_chars, e.prose, e.parent);
                    if parent != NO_PARENT {
                        let p = &mut page.elements[parent as usize];
                        p.chars += chars;
                        p.link_chars += link_chars;
                        p.prose += prose;
                    }
                }
            }
        }
        page.flush(&stack, &mut pending, furniture > 0);
        page.resolve_furniture();
        page
    }

    /// A class word does not make furniture of an element that holds most of the page's prose
    /// (a `<main class="… social-anchor">` around the story); comments stay furniture however
    /// long. Nor is a word furniture on a page whose elements wearing it hold most of its prose
    /// together: a page builder's name for every block of the page ("builder-widget" around the
    /// menu, each part of the story and the footer alike) says nothing of what a block is, and
    /// the block's other words still count. Then each run learns whether it sits in furniture.
    fn resolve_furniture(&mut self) {
        let total: u64 = self.runs.iter().map(|r| u64::from(prose(r))).sum();
        // The prose of the outermost elements wearing each furniture word.
        let mut held = [0u64; 128];
        let mut worn = vec![0u128; self.elements.len()];
        for i in 0..self.elements.len() {
            let e = &self.elements[i];
            let above = if e.parent == NO_PARENT {
                0
            } else {
                worn[e.parent as usize]
            };
            let mut new = e.furniture_words & !above;
            while new != 0 {
                let bit = new.trailing_zeros() as usize;
                held[bit] += u64::from(e.prose);
                new &= new - 1;
            }
            worn[i] = above | e.furniture_words;
        }
        let layout = (0..128)
            .filter(|&b| held[b] * 10 > total * 4)
            .fold(0u128, |m, b| m | 1u128 << b);
        for e in &mut self.elements {
            let words_left = e.furniture_words != 0 && e.furniture_words & !layout == 0;
            if e.class_furniture && !e.strong && (u64::from(e.prose) * 10 > total * 4 || words_left)
            {
                e.furniture = false;
            }
        }
        let mut inside = vec![false; self.elements.len()];
        for i in 0..self.elements.len() {
            let e = &self.elements[i];
            inside[i] = e.furniture || e.parent != NO_PARENT && inside[e.parent as usize];
        }
        for run in &mut self.runs {
            run.furniture = inside.get(run.owner as usize).copied().unwrap_or(false);
        }
    }

    /// Ends the pending run at a block boundary; `stack` is the open elements, the innermost last.
    fn flush(&mut self, stack: &[u32], pending: &mut Pending, in_furniture: bool) {
        let text = pending.text.trim();
        if text.is_empty() {
            *pending = Pending::default();
            return;
        }
        let owner = stack.last().copied().unwrap_or(0);
        let kind = self.kind_of(stack);
        let chars = pending.plain + pending.link_chars;
        let run = Run {
            owner,
            kind,
            text: text.to_string(),
            chars,
            link_chars: pending.link_chars,
            commas: commas(text),
            furniture: in_furniture,
            is_link: pending.plain <= chars / 10 && pending.link_chars > 0,
        };
        // The run's characters belong to its owner (and flow up when the owner closes).
        if let Some(e) = self.elements.get_mut(owner as usize) {
            e.chars += run.chars;
            e.link_chars += run.link_chars;
            e.prose += prose(&run);
        }
        self.runs.push(run);
        *pending = Pending::default();
    }

    /// What a run is, from the elements around it.
    fn kind_of(&self, stack: &[u32]) -> BlockKind {
        let mut kind = BlockKind::Paragraph;
        for &i in stack.iter().rev() {
            match self.elements[i as usize].tag {
                Tag::Figcaption => return BlockKind::Caption,
                Tag::Heading(level) if kind == BlockKind::Paragraph => {
                    kind = BlockKind::Heading(level)
                }
                Tag::Li if kind == BlockKind::Paragraph => kind = BlockKind::ListItem,
                Tag::Tr | Tag::Cell if kind == BlockKind::Paragraph => kind = BlockKind::Row,
                Tag::Blockquote if kind == BlockKind::Paragraph => kind = BlockKind::Quote,
                Tag::Pre => kind = BlockKind::Preformatted,
                _ => {}
            }
        }
        kind
    }

    fn parent(&self, i: u32) -> Option<u32> {
        let p = self.elements[i as usize].parent;
        (p != NO_PARENT).then_some(p)
    }

    fn ancestors(&self, i: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(self.parent(i), move |&p| self.parent(p))
    }

    fn link_density(&self, i: u32) -> f32 {
        let e = &self.elements[i as usize];
        if e.chars == 0 {
            0.0
        } else {
            e.link_chars as f32 / e.chars as f32
        }
    }

    /// Whether `i` is furniture or inside furniture below `root` (exclusive).
    fn furniture_between(&self, i: u32, root: u32) -> bool {
        let mut at = Some(i);
        while let Some(e) = at {
            if e == root {
                return false;
            }
            if self.elements[e as usize].furniture {
                return true;
            }
            at = self.parent(e);
        }
        true
    }

    fn is_inside(&self, i: u32, root: u32) -> bool {
        i == root || self.ancestors(i).any(|a| a == root)
    }

    /// Readability-style scores: each paragraph-like run scores by its length and commas, and
    /// gives it to the elements above it.
    fn score(&mut self) {
        for r in 0..self.runs.len() {
            let run = &self.runs[r];
            if run.furniture || run.chars < 25 || run.is_link {
                continue;
            }
            if matches!(run.kind, BlockKind::Heading(_) | BlockKind::Caption) {
                continue;
            }
            let density = run.link_chars as f32 / run.chars.max(1) as f32;
            let score =
                (1.0 + run.commas as f32 + (run.chars as f32 / 100.0).min(3.0)) * (1.0 - density);
            let owner = run.owner;
            // The paragraph's own element when it is a plain block, else its owner counts as the
            // paragraph and its ancestors get the score.
            let chain: Vec<u32> = std::iter::once(owner)
                .chain(self.ancestors(owner))
                .skip(1)
                .take(5)
                .collect();
            for (level, &a) in chain.iter().enumerate() {
                let e = &mut self.elements[a as usize];
                if e.furniture || e.tag == Tag::Invisible {
                    break;
                }
                if !e.scored {
                    e.scored = true;
                    e.score = e.tag.base_score() + e.weight + if e.body_hint { 25.0 } else { 0.0 };
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                e.score += score / divider;
            }
        }
    }

    /// The element that holds the article, or `None` for a page without prose.
    fn root(&mut self) -> Option<u32> {
        // The markup says it outright.
        let marked = (0..self.elements.len() as u32)
            .filter(|&i| {
                let e = &self.elements[i as usize];
                e.article_body && e.chars >= 200 && !e.furniture
            })
            .max_by_key(|&i| self.elements[i as usize].chars);
        if let Some(m) = marked {
            return Some(m);
        }
        self.score();
        let mut candidates: Vec<(u32, f32)> = self
            .elements
            .iter()
            .enumerate()
            .filter(|(_, e)| e.scored && !matches!(e.tag, Tag::Html | Tag::Invisible))
            .map(|(i, e)| (i as u32, e.score * (1.0 - self.link_density(i as u32))))
            .collect();
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let &(mut top, top_score) = candidates.first()?;
        // When several strong candidates share an ancestor, the article is that ancestor.
        let strong: Vec<u32> = candidates
            .iter()
            .skip(1)
            .take(4)
            .filter(|c| c.1 >= top_score * 0.75)
            .map(|c| c.0)
            .collect();
        if strong.len() >= 2 {
            let mut parent = self.parent(top);
            while let Some(p) = parent {
                if matches!(self.elements[p as usize].tag, Tag::Body | Tag::Html) {
                    break;
                }
                let holding = strong.iter().filter(|&&s| self.is_inside(s, p)).count();
                if holding >= 2 {
                    top = p;
                    break;
                }
                parent = self.parent(p);
            }
        }
        // A parent with a better score than its best child holds more of the article.
        let mut last = self.final_score(top);
        let threshold = last / 3.0;
        let mut parent = self.parent(top);
        while let Some(p) = parent {
            if matches!(self.elements[p as usize].tag, Tag::Body | Tag::Html) {
                break;
            }
            if !self.elements[p as usize].scored {
                parent = self.parent(p);
                continue;
            }
            let score = self.final_score(p);
            if score < threshold {
                break;
            }
            if score > last {
                top = p;
                break;
            }
            last = score;
            parent = self.parent(p);
        }
        // An only child says no more than its parent.
        while let Some(p) = self.parent(top) {
            let e = &self.elements[p as usize];
            if matches!(e.tag, Tag::Body | Tag::Html) || e.furniture {
                break;
            }
            if e.chars > self.elements[top as usize].chars + 20 {
                break;
            }
            top = p;
        }
        Some(top)
    }

    fn final_score(&self, i: u32) -> f32 {
        self.elements[i as usize].score * (1.0 - self.link_density(i))
    }

    /// The root, or an ancestor when the article's prose continues outside it: a story split
    /// into blocks by an advertisement or a picture ("story-body-1", an ad, "story-body-2").
    /// An ancestor is taken when it holds half again as much prose outside furniture, with few
    /// links, and little else.
    /// The characters of prose outside furniture each element holds, its own and its
    /// descendants'.
    fn clean_prose(&self) -> Vec<u32> {
        let mut clean = vec![0u32; self.elements.len()];
        for run in self.runs.iter().filter(|r| !r.furniture) {
            let p = prose(run);
            if p == 0 {
                continue;
            }
            for a in std::iter::once(run.owner).chain(self.ancestors(run.owner)) {
                clean[a as usize] += p;
            }
        }
        clean
    }

    fn widen(&self, root: u32, clean: &[u32]) -> u32 {
        let mut at = root;
        for a in self.ancestors(root).take(3) {
            let e = &self.elements[a as usize];
            // Nor past the element the markup names the story's body: the prose beside it is
            // the site's ("entry-content", then excerpts of other posts).
            if matches!(e.tag, Tag::Body | Tag::Html)
                || e.furniture
                || self.elements[at as usize].body_hint
            {
                break;
            }
            let (inner, outer) = (clean[at as usize], clean[a as usize]);
            // Most of what the ancestor says outside links must be that prose, not a player's
            // menus or a list of short items.
            let plain = e.chars.saturating_sub(e.link_chars);
            // The piece found first is a good part of the story (a third at least), not a
            // paragraph among other stories' summaries.
            if outer * 2 >= inner * 3
                && outer <= inner * 3
                && outer >= inner + 300
                && self.link_density(a) < 0.25
                && outer * 10 >= plain * 7
            {
                at = a;
            }
        }
        at
    }

    /// The siblings of the root that continue the article (a body split in several blocks).
    fn siblings(&self, root: u32, clean: &[u32]) -> Vec<u32> {
        let Some(parent) = self.parent(root) else {
            return vec![root];
        };
        let top = self.final_score(root);
        let threshold = (top * 0.2).max(10.0);
        let mut kept = Vec::new();
        for i in 0..self.elements.len() as u32 {
            let e = &self.elements[i as usize];
            if e.parent != parent || e.tag == Tag::Invisible {
                continue;
            }
            if i == root {
                kept.push(i);
                continue;
            }
            if e.furniture || e.chars == 0 {
                continue;
            }
            let density = self.link_density(i);
            let own = if e.scored { self.final_score(i) } else { 0.0 };
            // A paragraph, or a block of the root's own class that is mostly prose (the next of
            // a story's text blocks, "article-widget-text", scored low for its depth).
            let plain = e.chars.saturating_sub(e.link_chars);
            let same_class =
                e.class_key != 0 && e.class_key == self.elements[root as usize].class_key;
            let prose = density < 0.25
                && (e.tag == Tag::P && e.chars > 80
                    || same_class
                        && clean[i as usize] >= 80
                        && clean[i as usize] * 10 >= plain * 7);
            if own >= threshold || prose {
                kept.push(i);
            }
        }
        kept
    }

    /// The other pieces of a body split by advertisements or asides into elements of one class
    /// under different wrappers ("story-body-1" … "story-body-2"): elements of the root's class
    /// (digits aside) under the root's nearest ancestors, outside furniture, mostly prose, when
    /// that class names an article body (a class every module of the page wears, "bd", does not).
    fn pieces(&self, roots: &[u32], clean: &[u32]) -> Vec<u32> {
        let Some(&first) = roots.first() else {
            return Vec::new();
        };
        // The classes of the root and of what it wraps alone: the root may have been taken up
        // to a wrapper that says no more than the piece inside it.
        let mut keys: Vec<u64> = Vec::new();
        let mut at = Some(first);
        while let Some(e) = at {
            let el = &self.elements[e as usize];
            if el.class_key != 0 && el.body_hint {
                keys.push(el.class_key);
            }
            at = (e + 1..self.elements.len() as u32)
                .take_while(|&i| self.is_inside(i, e))
                .find(|&i| {
                    let child = &self.elements[i as usize];
                    child.parent == e && child.chars + 20 >= el.chars
                });
        }
        if keys.is_empty() {
            return Vec::new();
        }
        let Some(scope) = self
            .ancestors(first)
            .take(3)
            .take_while(|&a| {
                let e = &self.elements[a as usize];
                !matches!(e.tag, Tag::Body | Tag::Html) && !e.furniture
            })
            .last()
        else {
            return Vec::new();
        };
        let mut found: Vec<u32> = Vec::new();
        for i in 0..self.elements.len() as u32 {
            let e = &self.elements[i as usize];
            if !keys.contains(&e.class_key)
                || roots
                    .iter()
                    .chain(&found)
                    .any(|&r| self.is_inside(i, r) || self.is_inside(r, i))
                || !self.is_inside(i, scope)
                || self.furniture_between(i, scope)
            {
                continue;
            }
            let plain = e.chars.saturating_sub(e.link_chars);
            // The class is the body's, so half of prose will do (a short lede is not prose).
            if clean[i as usize] >= 80
                && self.link_density(i) < 0.25
                && clean[i as usize] * 2 >= plain
            {
                found.push(i);
            }
        }
        found
    }

    /// Lists, tables and blocks inside the article that are made of links (related stories).
    fn link_heavy(&self, i: u32) -> bool {
        let e = &self.elements[i as usize];
        if !matches!(
            e.tag,
            Tag::List | Tag::Table | Tag::Div | Tag::Section | Tag::Block
        ) || e.chars == 0
        {
            return false;
        }
        let density = self.link_density(i);
        density > 0.5 || density > 0.3 && e.weight < 0.0
    }

    /// The runs between the headline and the article's element that belong to the story: its
    /// standfirst and the captions of its lead pictures (a gallery above the body), when the
    /// page prints the headline outside that element. Furniture, links and short lines stay out.
    fn lead(&self, root_of: &[Option<u32>], title_norm: &str) -> Vec<usize> {
        let Some(first) = self
            .runs
            .iter()
            .position(|r| root_of.get(r.owner as usize).copied().flatten().is_some())
        else {
            return Vec::new();
        };
        let Some(headline) = (!title_norm.is_empty())
            .then(|| {
                self.runs[..first]
                    .iter()
                    .rposition(|r| normalise(&r.text) == title_norm)
            })
            .flatten()
        else {
            return Vec::new();
        };
        let mut standfirst = 0;
        (headline + 1..first)
            .filter(|&i| {
                let r = &self.runs[i];
                if r.furniture || r.is_link || r.link_chars * 4 > r.chars {
                    return false;
                }
                match r.kind {
                    BlockKind::Caption => true,
                    BlockKind::Paragraph if r.chars >= 60 && standfirst < 2 => {
                        standfirst += 1;
                        true
                    }
                    _ => false,
                }
            })
            .collect()
    }

    fn content(mut self, title: Option<&str>) -> Content {
        let mut content = Content::default();
        let title_norm = title.map(normalise).unwrap_or_default();
        // A page without a paragraph of prose: its body, less the furniture, is all there is.
        let roots = match self.root() {
            Some(root) => {
                let clean = self.clean_prose();
                let mut roots = self.siblings(self.widen(root, &clean), &clean);
                roots.extend(self.pieces(&roots, &clean));
                roots
            }
            None => self
                .elements
                .iter()
                .position(|e| e.tag == Tag::Body)
                .map(|b| vec![b as u32])
                .unwrap_or_default(),
        };
        // Which elements are link-heavy, worked out once.
        let heavy: Vec<bool> = (0..self.elements.len() as u32)
            .map(|i| self.link_heavy(i))
            .collect();
        // The root each element is in, worked out top-down once (parents come before children).
        let mut root_of: Vec<Option<u32>> = vec![None; self.elements.len()];
        for &r in &roots {
            root_of[r as usize] = Some(r);
        }
        for i in 0..self.elements.len() {
            let parent = self.elements[i].parent;
            if root_of[i].is_none() && parent != NO_PARENT {
                root_of[i] = root_of[parent as usize];
            }
        }
        let lead = self.lead(&root_of, &title_norm);
        for (at, run) in self.runs.iter().enumerate() {
            let at = at as u32;
            let root = root_of.get(run.owner as usize).copied().flatten();
            let reason = match root {
                None if lead.contains(&(at as usize)) => None,
                None => Some(Outside::Site),
                Some(r) if self.furniture_between(run.owner, r) => Some(Outside::Marked),
                Some(r) => {
                    let in_heavy = std::iter::once(run.owner)
                        .chain(self.ancestors(run.owner))
                        .take_while(|&a| a != r)
                        .any(|a| heavy[a as usize]);
                    let norm = normalise(&run.text);
                    if run.kind != BlockKind::Caption && (run.is_link || in_heavy) {
                        Some(Outside::Links)
                    } else if run.kind == BlockKind::Paragraph
                        && run.chars <= 6
                        && !run.text.chars().any(char::is_alphabetic)
                    {
                        Some(Outside::Label)
                    } else if norm != title_norm && self.link_texts.contains(&norm) {
                        Some(Outside::Teaser)
                    } else {
                        None
                    }
                }
            };
            match reason {
                Some(reason) => content.outside.push(OutsideBlock {
                    reason,
                    text: run.text.clone(),
                    at,
                }),
                None => content.blocks.push(TextBlock {
                    kind: run.kind,
                    text: run.text.clone(),
                    at,
                }),
            }
        }
        content
    }
}

impl Element {
    fn new(parent: u32, tag: Tag) -> Element {
        Element {
            parent,
            tag,
            furniture: false,
            class_furniture: false,
            furniture_words: 0,
            strong: false,
            prose: 0,
            weight: 0.0,
            body_hint: false,
            article_body: false,
            class_key: 0,
            chars: 0,
            link_chars: 0,
            score: 0.0,
            scored: false,
        }
    }
}

/// The characters of a run that count as prose: a run of some length with few links.
fn prose(run: &Run) -> u32 {
    if run.chars >= 80 && run.link_chars * 10 < run.chars * 3 {
        run.chars
    } else {
        0
    }
}

/// Lowercased, whitespace collapsed, edges trimmed of punctuation: for comparing texts.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn push_collapsed(out: &mut String, text: &Text) {
    let mut last_space = out.is_empty() || out.ends_with(' ');
    for c in super::seen_chars(text) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn article(html: &str) -> Vec<String> {
        find(&Html::parse_document(html), None)
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    const PROSE: &str = "Officials from both countries met on Tuesday, and they agreed on a plan, \
        which covers trade, energy and transport, over the next five years.";

    #[test]
    fn class_words_are_split_at_case_and_punctuation() {
        let mut w = Vec::new();
        words("articleBody related-links  story__content", &mut w);
        assert_eq!(
            w,
            ["article", "body", "related", "links", "story", "content"]
        );
    }

    #[test]
    fn menu_that_names_countries_is_not_the_article() {
        let html = format!(
            "<body><ul class=\"menu\"><li><a href=/w>World</a></li><li><a href=/c>China</a></li>\
             <li><a href=/r>Russia</a></li></ul><div class=\"story\"><p>{PROSE}</p><p>{PROSE}</p>\
             </div></body>"
        );
        let blocks = article(&html);
        assert_eq!(blocks.len(), 2);
        assert!(blocks.iter().all(|b| !b.contains("China")));
    }

    #[test]
    fn related_list_inside_the_article_is_dropped() {
        let html = format!(
            "<body><article><h1>Head</h1><p>{PROSE}</p><p>{PROSE}</p>\
             <ul><li><a href=/1>China and Japan hold talks on a new fisheries deal</a></li>\
             <li><a href=/2>Ukraine says drones hit a refinery near the border</a></li></ul>\
             <p>{PROSE}</p></article></body>"
        );
        let blocks = article(&html);
        assert!(
            blocks
                .iter()
                .all(|b| !b.contains("Japan") && !b.contains("Ukraine"))
        );
        assert_eq!(
            blocks.iter().filter(|b| b.starts_with("Officials")).count(),
            3
        );
    }

    #[test]
    fn a_body_split_into_numbered_pieces_is_read_whole() {
        // The story's first piece is short next to the second, and an aside of teasers and an
        // advertisement stand between them, each piece in a wrapper of its own.
        let second: String = (0..6).map(|_| format!("<p>{PROSE}</p>")).collect();
        let html = format!(
            "<body><div id=story><div class=wrap><div class='story-body story-body-1'>\
             <p>The first piece of the story opens with its lede, a sentence long enough to read as prose.</p>\
             <p>{PROSE}</p></div>\
             <aside class=related><a href=/1>China and Japan hold talks on a new fisheries deal</a></aside></div>\
             <div class=ad>Advertisement</div>\
             <div class=wrap><div class='story-body story-body-2'>{second}</div></div>\
             </div><div class=promo><div class='story-body-3'><p>{PROSE}</p></div></div></body>"
        );
        let blocks = article(&html);
        assert!(blocks[0].starts_with("The first piece"), "{blocks:?}");
        assert_eq!(
            blocks.iter().filter(|b| b.starts_with("Officials")).count(),
            7,
            "{blocks:?}"
        );
        assert!(
            blocks
                .iter()
                .all(|b| !b.contains("Japan") && !b.contains("Advertisement"))
        );
    }

    #[test]
    fn a_commented_story_or_a_commentary_is_not_a_comment_section() {
        for class in ["post hentry status-published commented", "commentary"] {
            let html = format!(
                "<body><article class=\"{class}\"><p>{PROSE}</p><p>{PROSE}</p></article>\
                 <div class=\"comments\"><p>{PROSE}</p></div></body>"
            );
            assert_eq!(article(&html).len(), 2, "{class}");
        }
    }

    #[test]
    fn marked_share_and_newsletter_blocks_are_dropped() {
        let html = format!(
            "<body><div class=\"article-body\"><p>{PROSE}</p>\
             <div class=\"newsletter-signup\"><p>Get the best of our reporting on Russia and China \
             every morning, straight to your inbox, for free.</p></div>\
             <div class=\"share-tools\">Share on Facebook</div><p>{PROSE}</p></div></body>"
        );
        let blocks = article(&html);
        assert_eq!(blocks.len(), 2);
    }

    #[test]
    fn a_players_settings_and_controls_are_not_the_article() {
        let html = format!(
            "<body><div class=\"article-body\"><p>{PROSE}</p>\
             <div class=\"player\"><div class=\"vp-controls\"><div>Play</div><div>Full Screen</div>\
             <div class=\"vp-tooltip\">Go to full screen</div></div>\
             <div class=\"vp-settings-container\"><div>Video Quality</div><div>Auto</div>\
             <ul><li>Arial</li><li>Georgia</li><li>Times New Roman</li></ul></div></div>\
             <p>{PROSE}</p></div></body>"
        );
        let blocks = article(&html);
        assert_eq!(blocks.len(), 2, "{blocks:?}");
    }

    #[test]
    fn a_charts_labels_are_not_paragraphs() {
        let html = format!(
            "<body><div class=\"article-body\"><p>{PROSE}</p>\
             <div class=\"graphic\"><p>Interest payments on the debt</p><p>$915</p><p>billion</p>\
             <p>600</p><p>’17</p><p>’28</p></div><p>{PROSE}</p></div></body>"
        );
        let blocks = article(&html);
        assert!(
            blocks.iter().all(|b| b.chars().any(char::is_alphabetic)),
            "{blocks:?}"
        );
        assert_eq!(blocks.len(), 4, "{blocks:?}");
    }

    #[test]
    fn caption_is_kept_as_a_caption() {
        let html = format!(
            "<body><article><p>{PROSE}</p><figure><img src=a.jpg>\
             <figcaption>Leaders shake hands in Pyongyang.</figcaption></figure><p>{PROSE}</p>\
             </article></body>"
        );
        let content = find(&Html::parse_document(&html), None);
        assert!(
            content
                .blocks
                .iter()
                .any(|b| b.kind == BlockKind::Caption && b.text.starts_with("Leaders"))
        );
    }

    #[test]
    fn teaser_repeated_as_a_link_is_dropped() {
        let html = format!(
            "<body><div class=\"sidebar\"><a href=/x>Seoul and Tokyo agree to resume \
             defence talks</a></div><div class=\"content\"><p>{PROSE}</p><p>Seoul and Tokyo agree \
             to resume defence talks</p><p>{PROSE}</p></div></body>"
        );
        let blocks = article(&html);
        assert_eq!(blocks.len(), 2);
    }

    #[test]
    fn hidden_text_is_never_read() {
        let html = format!(
            "<body><div class=\"article-text\"><p>{PROSE}</p><p style=\"display: none\">Secret \
             text about China.</p><p hidden>More hidden text.</p><div class=\"embed__body \
             u-display--is-hidden\"><p>To show this embedded content, we need your consent to share \
             data with the platform.</p></div><p class=\"overflow-hidden\">{PROSE}</p></div></body>"
        );
        let blocks = article(&html);
        let prose = PROSE.split_whitespace().collect::<Vec<_>>().join(" ");
        // A layout's "overflow-hidden" hides nothing.
        assert_eq!(blocks, [prose.clone(), prose]);
    }

    #[test]
    fn article_body_itemprop_wins_over_a_longer_comment_section() {
        let long: String = (0..8).map(|_| format!("<p>{PROSE}</p>")).collect();
        let html = format!(
            "<body><div itemprop=\"articleBody\"><p>{PROSE}</p><p>{PROSE}</p></div>\
             <section>{long}</section></body>"
        );
        assert_eq!(article(&html).len(), 2);
    }

    #[test]
    fn furniture_word_every_block_of_a_page_builder_wears_is_no_sign() {
        let part = |text: &str| {
            format!(
                r#"<div class="pb-element pb-widget pb-widget-text-editor"><div class="pb-widget-container"><p>{text}</p></div></div>"#
            )
        };
        let html = format!(
            r#"<html><body>
            <div class="pb-element pb-widget pb-widget-nav-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World news from everywhere</a></li></ul></div>
            <div class="pb-column"><div class="pb-widget-wrap">{}{}{}</div></div>
            <div class="pb-element pb-widget pb-widget-share"><a href="/s">Share this story with your friends on the networks</a></div>
            </body></html>"#,
            part(
                "The ministers of Russia and North Korea met on Tuesday in Vladivostok to sign an agreement on rail freight and tourism."
            ),
            part(
                "Officials said the agreement would double the number of trains crossing the Tumen River bridge by the end of next year."
            ),
            part(
                "The two sides also discussed fishing quotas in the Sea of Japan, a matter that has divided them for several seasons."
            ),
        );
        let kept = article(&html).join("\n");
        for sentence in ["ministers of Russia", "double the number", "fishing quotas"] {
            assert!(kept.contains(sentence), "{sentence} missing from {kept:?}");
        }
        // The widgets' own words still count: the menu and the share bar stay out.
        assert!(!kept.contains("World news"), "{kept:?}");
        assert!(!kept.contains("Share this story"), "{kept:?}");
    }

    #[test]
    fn text_of_br_separated_lines_becomes_paragraphs() {
        let html =
            format!("<body><div class=\"entry-content\">{PROSE}<br><br>{PROSE}</div></body>");
        assert_eq!(article(&html).len(), 2);
    }

    #[test]
    fn story_that_takes_comments_is_not_a_comment_section() {
        let html = format!(
            r#"<body><nav class="menu"><a href="/">Home</a></nav>
            <div id="article" class="comments-enabled"><h1>Budget</h1><p>{PROSE}</p><p>{PROSE}</p>
            <p>{PROSE}</p></div>
            <div class="comments"><p>I disagree with every word of this, and so does my neighbour,
            who has written to the minister twice about it already.</p></div></body>"#
        );
        let kept = article(&html).join("\n");
        assert!(kept.contains("Officials from both countries"), "{kept:?}");
        // A comment section is still one.
        assert!(!kept.contains("I disagree"), "{kept:?}");
    }

    #[test]
    fn streamed_segment_and_text_behind_a_paywall_are_read() {
        // A streaming renderer's hidden segment, moved into its placeholder when the page runs.
        let html = format!(
            r#"<body><div hidden=""><template id="B:0"></template></div><nav class="menu"><a href="/">Home</a></nav>
            <div hidden id="S:0"><article><p>{PROSE}</p><p>{PROSE}</p></article></div></body>"#
        );
        assert_eq!(article(&html).len(), 2);
        // The rest of a story held behind the paywall, shown to subscribers.
        let html = format!(
            r#"<body><article><p>The two leaders met in Vladivostok on Tuesday.</p>
            <div class="paywall" hidden><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>
            </article><div class="offer" hidden><p>Subscribe for one euro a month</p></div></body>"#
        );
        let kept = article(&html);
        assert_eq!(kept.len(), 4, "{kept:?}");
        // Other hidden elements stay hidden.
        assert!(!kept.join(" ").contains("Subscribe"), "{kept:?}");
    }

    #[test]
    fn excerpts_of_other_posts_beside_the_named_body_stay_out() {
        let teaser = |n: u32| {
            format!(
                r#"<div class="card"><h3><a href="/post-{n}">Another story number {n}</a></h3>
                <p>Excerpt {n}: a summary of some other story, which runs to a sentence or two, with
                a comma here and there, as the site's list of posts prints it under each title.</p></div>"#
            )
        };
        let html = format!(
            r#"<body><div class="single-post"><div class="entry-content">{}</div>
            <div class="query"><h2>More from the site</h2>{}{}{}{}</div></div></body>"#,
            format!("<p>{PROSE}</p>").repeat(6),
            teaser(1),
            teaser(2),
            teaser(3),
            teaser(4)
        );
        let kept = article(&html);
        assert_eq!(kept.len(), 6, "{kept:?}");
    }

    #[test]
    fn soft_hyphens_and_zero_width_spaces_are_not_read() {
        let html = "<body><article><p>Ein Paläs&shy;ti&shy;nenser legt Ver\u{AD}fassungs\u{200B}beschwerde \
            ein, sagte das Gericht am Montag, und die Regierung in Berlin schwieg dazu.</p></article></body>";
        let kept = article(html).join(" ");
        assert!(
            kept.contains("Ein Palästinenser legt Verfassungsbeschwerde ein"),
            "{kept:?}"
        );
    }

    #[test]
    fn text_blocks_of_the_roots_own_class_continue_the_story() {
        // A page builder prints the story as a row of text widgets; the first holds short
        // paragraphs and scores low for its depth.
        let widget = |paragraphs: &str| {
            format!(
                r#"<div class="story-widget story-widget-text"><div class="wrap"><div class="inner">{paragraphs}</div></div></div>"#
            )
        };
        let short = "<p>The ministry allocated new funds to the national tax agency on Wednesday \
            to hire more than a thousand debt collectors.</p>"
            .repeat(3);
        let html = format!(
            r#"<body><div class="story-widgets">{}<div class="story-widget story-widget-video"><a href="/v">Watch the speech</a></div>{}</div></body>"#,
            widget(&short),
            widget(&format!("<p>{PROSE}</p>").repeat(5)),
        );
        let kept = article(&html);
        assert_eq!(kept.len(), 8, "{kept:?}");
    }
}
