//! Cleaning a page's text into classified lines: site boilerplate, leaked markup, repeated lines,
//! credits, bylines, date stamps, captions and text. Rules are those a reader of any news site
//! would recognise; outlet profiles add their own template lines. What is removed is kept.
//! The case-blind word comparisons it shares with the other readers are in `words`.

use crate::dates::{self, DateHit};
use crate::model::RemovedReason;
use crate::words::{WordSet, count_bytes, find_byte, lowercase, more_chars_than};
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, StartKind};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// What a line of the page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Class {
    Removed(RemovedReason),
    /// A byline; the value is the author credit without "By" (None when it is only an agency).
    Byline(Option<String>),
    /// A photo caption; the value is the caption without its credit.
    Caption(String),
    /// Anything else: headline, standfirst or body.
    Text,
}

/// A line and what it is, with the date stamps it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub class: Class,
    pub dates: Vec<DateHit>,
}

/// Whole lines that are site furniture on any news site.
const BOILERPLATE: &[&str] = &[
    "go to contents",
    "skip to content",
    "skip to main content",
    "skip navigation",
    "back to top",
    "top",
    "to top",
    "related stories",
    "related articles",
    "related news",
    "related",
    "most viewed articles",
    "most viewed",
    "most read",
    "most popular",
    "popular news",
    "latest news",
    "top stories",
    "trending",
    "trending now",
    "read more",
    "more",
    "see more",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tweet",
    "print",
    "email",
    "e-mail",
    "font size",
    "text size",
    "subscribe",
    "subscribe now",
    "sign in",
    "log in",
    "login",
    "register",
    "newsletter",
    "advertisement",
    "ad",
    "sponsored",
    "comments",
    "comment",
    "leave a comment",
    "blog comments powered by disqus",
    "comments powered by disqus",
    "loading",
    "loading...",
    "click here",
    "home",
    "menu",
    "search",
    "close",
    "previous",
    "next",
    "prev",
    "list",
    "reply",
    "like",
    "facebook",
    "twitter",
    "x",
    "kakaotalk",
    "kakao",
    "naver",
    "band",
    "url copy",
    "copy link",
    "copy url",
    "copied",
    "all rights reserved",
    "listen",
    "listen to this article",
    "view comments",
    "hide",
    "hide caption",
    "show caption",
    "show more",
    "expand",
    "editor's picks",
    "you may also like",
    "you might also like",
    "around the web",
    "from around the web",
    "from the web",
    "promoted stories",
    "sponsored stories",
    "recommended",
    "more from this section",
    "opinion",
    "editorial",
    "news",
    "world",
    "politics",
    "본문 바로가기",
    "목록",
    "이전글",
    "다음글",
    "공감",
    "댓글",
    "구독하기",
    "공유하기",
    "신고하기",
    "좋아요",
    "맨 위로",
    "기사 목록",
    "관련기사",
    "관련 기사",
    "많이 본 기사",
    "많이 본 뉴스",
    "프린트",
    "인쇄",
    "스크랩",
    "url 복사",
    "카카오톡",
    "페이스북",
    "트위터",
    "글자크기",
    "글씨 크기",
    "가",
    "공유",
    "닫기",
    "전체메뉴",
    "검색",
];

/// Line openings that mark furniture, credits and footers.
const BOILERPLATE_PREFIXES: &[&str] = &[
    "read more:",
    "related:",
    "also read",
    "see also:",
    "subscribe to",
    "sign up for",
    "follow us",
    "click here",
    "tags:",
    "keywords:",
    "topics:",
    "category:",
    "filed under",
    "posted in",
    "share this",
    "this article is",
    "this story has been",
    "copyright",
    "all rights reserved",
    "무단전재",
    "저작권자",
    "<저작권자",
    "[저작권자",
    "▶",
    "☞",
    "ⓒ",
    "©",
];
const CREDIT_PREFIXES: &[&str] = &[
    "please direct questions",
    "image source",
    "image caption",
    "getty images",
    "photo:",
    "photo by",
    "photograph:",
    "photo courtesy",
    "video:",
    "the author is",
    "the writer is",
    "the author was",
    "the writer was",
    "the views expressed",
    "the opinions expressed",
    "this article was written by",
    "contact the author",
    "email:",
    "e-mail:",
    "reporter:",
    "editor:",
    "edited by",
];

/// Section labels printed before a headline: "[Editorial]", "EDITORIAL:", "Opinion |".
static SECTION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\[[^\]]{1,30}\]|【[^】]{1,30}】|<[^>]{1,30}>|(?i:editorial|opinion|column|analysis|interview|news analysis|commentary|op-ed|exclusive|update|breaking|live)\s*[:|])\s*").unwrap()
});
static CREDIT_GROUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:\(([^()]{2,60})\)|\[([^\[\]]{2,60})\])\s*$").unwrap());
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").unwrap());
/// A Korean reporter line: "홍길동 기자", "= 홍길동 기자", "[홍길동 기자]", "홍길동·김철수 기자",
/// "(서울=연합뉴스) 홍길동 기자 =", "한국일보 홍길동 기자 hong@example.co.kr".
static KOREAN_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\[(【<=\s]*(?:[(\[【]\s*[가-힣 ]{{1,12}}=[^)\]】]{{1,24}}[)\]】]\s*)?(?P<pre>(?:[가-힣A-Za-z0-9]{{2,12}}[,·]?\s+){{0,3}})(?P<names>{KOREAN_REPORTERS})\s*[\])】>=]*\s*(?:[\[(<]?\s*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\s*[\])>]?\s*)*(?:외\s*\d+\s*명\s*)?$"
    ))
    .unwrap()
});
/// A Korean reporter credit opening a paragraph: "(서울=연합뉴스) 홍길동 기자 = 북한이 …".
static KOREAN_OPENING_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[(\[【]\s*[가-힣 ]{{1,12}}=[^)\]】]{{1,24}}[)\]】]\s*(?P<names>{KOREAN_REPORTERS})\s*="
    ))
    .unwrap()
});
/// A Japanese or Chinese reporter credit on a line of its own: a title before the names
/// ("編集委員　中沢克二", "记者 张明 李华", "文／张明") or after them ("张明 记者", "（山田太郎記者）").
static CJK_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(【\[]?\s*(?:(?P<pre>(?:文|撰文|作者|执笔|執筆)\s*[／/：:|｜]|(?:特別編集委員|編集委員|論説委員|解説委員|本报记者|本報記者|记者|記者|特派员|特派員)(?:\s*[／/：:|｜]\s*|\s+))\s*)?(?P<names>[\x{3005}\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}]{2,5}?(?:\s*[、・，,／/\s]\s*[\x{3005}\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}]{2,5}?){0,3}?)\s*(?P<post>記者|记者|特派員|特派员|編集委員|論説委員)?\s*[）)】\]]?$").unwrap()
});
/// The titles `CJK_BYLINE` needs one of: a line without any is not tried.
const CJK_TITLES: [&str; 10] = [
    "記者", "记者", "特派", "委員", "文／", "文/", "撰文", "作者", "执笔", "執筆",
];
/// A Japanese reporter credit opening the first paragraph: "【ソウル＝小池和樹】韓国の…".
static CJK_OPENING_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^【[^【】＝=]{1,12}[＝=](?P<names>[\x{3005}\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}]{2,5}(?:[、・][\x{3005}\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}]{2,5}){0,2})】")
        .unwrap()
});
/// One or more Korean names, each or all followed by a reporter's title.
const KOREAN_REPORTERS: &str = r"[가-힣]{2,4}(?:\s*[·,/]\s*[가-힣]{2,4})*\s*(?:선임기자|전문기자|객원기자|수습기자|기자|특파원|논설위원|편집위원|통신원)(?:\s*[·,/]?\s*[가-힣]{2,4}(?:\s*[·,/]\s*[가-힣]{2,4})*\s*(?:선임기자|전문기자|객원기자|수습기자|기자|특파원|논설위원|편집위원|통신원))*";
/// Where a byline's authors are followed by their outlet after a separator.
static BYLINE_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:\||·|•|\s/\s|\s[-–—]\s)\s*").unwrap());
/// Where the by-line opens after a date: "June 19, 2024|By Jane Doe", "2024-06-19 · by Jane Doe".
static BY_AFTER_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([^|·•]{4,40}?)\s*(?:\||·|•|\s[-–—]\s)\s*(?:[Bb]y|BY)\s+").unwrap()
});
static EMPTY_BRACKETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(\s*\)|\[\s*\]|<\s*>").unwrap());
/// Roles that follow a name in a byline ("staff reporter", "Tokyo correspondent"): not outlets.
const ROLE_WORDS: [&str; 22] = [
    "reporter",
    "reporters",
    "correspondent",
    "writer",
    "editor",
    "staff",
    "columnist",
    "contributor",
    "contributing",
    "fellow",
    "professor",
    "analyst",
    "director",
    "researcher",
    "intern",
    "chief",
    "bureau",
    "senior",
    "special",
    "associate",
    "president",
    "photographer",
];

/// Whether a text holds a word of a role ("Staff Writer", "Senior Reporter"), in any case.
pub(crate) fn names_a_role(text: &str) -> bool {
    // The role words are ASCII, of 5 to 13 letters: compared without lowercasing the text.
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| (5..=13).contains(&w.len()))
        .any(|w| ROLE_WORDS.iter().any(|r| r.eq_ignore_ascii_case(w)))
}
static BYLINE_CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:\||·|•|source\s*:|published\s*:?|posted\s*:?|last\s+updated|updated\s*:?|\bon\s+\d|\d{4}[-/.]\d|@[a-z0-9_]|\b\d+\s*min(?:ute)?s?\.?\s+read|(?:\bon\s+)?\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}).*$").unwrap()
});

/// Words that make up share bars ("Facebook Twitter Email Print").
const SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "email",
    "e-mail",
    "print",
    "share",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "kakaotalk",
    "kakao",
    "naver",
    "band",
    "line",
    "copy",
    "link",
    "url",
    "tweet",
    "pinterest",
    "messenger",
    "sms",
    "comment",
    "comments",
    "save",
    "bookmark",
    "+",
    "-",
    "a",
    "a+",
    "a-",
    "|",
    "/",
    "·",
];

/// Section words a breadcrumb starts with ("Home > World", "게시판/…").
const BREADCRUMB_HEADS: &[&str] = &[
    "home",
    "news",
    "world",
    "opinion",
    "politics",
    "national",
    "nation",
    "north korea",
    "defense",
    "diplomacy",
    "editorial",
    "editorials",
    "column",
    "columns",
    "business",
    "asia",
    "게시판",
    "카테고리",
    "분류",
    "전체",
    "뉴스",
    "정치",
    "국제",
    "사설",
    "칼럼",
    "오피니언",
    "북한",
];

/// Lowercased site template lines from outlet profiles, plus the generic ones.
#[derive(Debug, Clone, Default)]
pub struct Furniture {
    lines: LineSet,
    /// Length in bytes of the longest of `lines`: a longer line need not be looked up.
    longest: usize,
    /// Lowercased outlet names and aliases, to recognise credits such as "(KCNA/Yonhap)".
    outlet_names: LineSet,
}

/// A set of lines or names. Every line of every page is looked up or added, and lines are long:
/// foldhash hashes them several times faster than the standard library's SipHash.
type LineSet = HashSet<String, foldhash::fast::RandomState>;

impl Furniture {
    pub fn new<'a>(
        profile_lines: impl IntoIterator<Item = &'a str>,
        outlet_names: impl IntoIterator<Item = &'a str>,
    ) -> Furniture {
        let lines: LineSet = BOILERPLATE
            .iter()
            .copied()
            .chain(profile_lines)
            .map(normalise_line)
            .collect();
        let longest = lines.iter().map(String::len).max().unwrap_or(0);
        let mut outlet_names: LineSet =
            outlet_names.into_iter().map(|n| n.to_lowercase()).collect();
        outlet_names.extend(
            [
                "kcna",
                "yonhap",
                "ap",
                "afp",
                "reuters",
                "epa",
                "xinhua",
                "tass",
                "kyodo",
                "ria novosti",
                "sputnik",
                "getty images",
                "news1",
                "newsis",
                "pool",
                "efe",
                "upi",
                "bloomberg",
            ]
            .map(String::from),
        );
        Furniture {
            lines,
            longest,
            outlet_names,
        }
    }

    /// Whether a normalised line is a template line.
    fn is_line(&self, norm: &str) -> bool {
        norm.len() <= self.longest && self.lines.contains(norm)
    }

    /// Whether a bracketed group is a credit: agencies, photographers, "file photo".
    fn is_credit(&self, group: &str) -> bool {
        let lower = group.to_lowercase();
        if lower
            .split(['/', ',', ';'])
            .map(str::trim)
            .all(|part| self.outlet_names.contains(part))
        {
            return true;
        }
        const KEYWORDS: [&str; 13] = [
            "credit",
            "photo",
            "photos",
            "pool",
            "getty",
            "courtesy",
            "file",
            "captured",
            "screenshot",
            "image",
            "images",
            "yonhap",
            "kcna",
        ];
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // "(Credit: AP/Jane Doe/Photo montage by Example)": a labelled credit may run longer.
        let labelled = matches!(words.first(), Some(&("credit" | "photo" | "photos")));
        (words.len() <= 8 || labelled && words.len() <= 12)
            && words
                .iter()
                .any(|w| KEYWORDS.contains(w) || self.outlet_names.contains(*w))
    }
}
impl Furniture {
    /// Byte ranges of a paragraph that are credits or a wire dateline, not text about actors:
    /// "(KCNA/Yonhap)", "[Reuters]", "SEOUL, April 20 (Yonhap) --".
    ///
    /// ```
    /// let f = reader::clean::Furniture::new([], ["Yonhap"]);
    /// let text = "SEOUL, April 20 (Yonhap) -- Kim met Putin. (KCNA/Yonhap)";
    /// let spans: Vec<&str> = f.credit_spans(text).into_iter().map(|(a, b)| &text[a..b]).collect();
    /// assert_eq!(spans, ["SEOUL, April 20 (Yonhap) -- ", "(KCNA/Yonhap)"]);
    /// ```
    pub fn credit_spans(&self, text: &str) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        if opens_like_dateline(text)
            && let Some(m) = DATELINE.find(text)
        {
            spans.push((m.start(), m.end()));
        }
        if let Some(start) = self.trailing_credit(text) {
            spans.push((start, text.len()));
        }
        // A group needs a bracket: look for one before running the pattern.
        if find_byte(text.as_bytes(), 0, |b| (b == b'(') | (b == b'[')).is_none() {
            return spans;
        }
        for c in BRACKET_GROUP.captures_iter(text) {
            let whole = c.get(0).expect("group 0 exists");
            let group = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
            if self.is_credit(group)
                && !spans
                    .iter()
                    .any(|&(a, b)| whole.start() < b && a < whole.end())
            {
                spans.push((whole.start(), whole.end()));
            }
        }
        spans
    }

    /// Where a picture's credit closing a caption starts, without brackets: "… on Thursday
    /// Credit: STR/AFP", "… in Paris Benoit Tessier/Reuters", "… Photo: Jane Doe/Example News".
    /// A labelled credit is a few words after the label; an unlabelled one is a photographer and
    /// an agency or outlet joined by a slash, as the paragraph's last word.
    fn trailing_credit(&self, text: &str) -> Option<usize> {
        let text = text.trim_end();
        let tail_from = text.len().saturating_sub(120);
        let tail_from = (tail_from..text.len()).find(|&i| text.is_char_boundary(i))?;
        let tail = &text[tail_from..];
        // The label before the tail's last colon.
        if let Some(colon) = tail.rfind(':') {
            let before = &tail[..colon];
            let at = before
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_ascii_alphabetic())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let rest = &tail[colon + 1..];
            if matches!(
                &before[at..],
                "Credit" | "CREDIT" | "Photo" | "PHOTO" | "Photograph" | "Image" | "Picture"
            ) && (1..=8).contains(&rest.split_whitespace().count())
                && !rest.contains(". ")
            {
                // With the bracket it opens in: "(Credit: …)".
                let at = if before[..at].ends_with(['(', '[']) {
                    at - 1
                } else {
                    at
                };
                return Some(tail_from + at);
            }
        }
        let last = text.rsplit(char::is_whitespace).next()?;
        let (_, agency) = last.rsplit_once('/')?;
        let agency = agency.trim_end_matches(['.', ')', ']']).to_lowercase();
        (!agency.is_empty() && self.outlet_names.contains(agency.as_str()))
            .then(|| text.len() - last.len())
    }
}

/// What `DATELINE` needs of a paragraph's first two bytes: a capital, then a capital, a space,
/// a period, an apostrophe, a hyphen or the lead byte of '’'. Most paragraphs fail it.
fn opens_like_dateline(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes.get(1).is_some_and(|&b| {
            b.is_ascii_uppercase() || matches!(b, b' ' | b'.' | b'\'' | b'-' | 0xE2)
        })
}

/// A wire dateline opening a paragraph: place in capitals, optional date and agency, a dash.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][a-z]+)?)?(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?\s*(?:\([^()]{2,40}\))?\s*(?:--|—|–)\s*").unwrap()
});
static BRACKET_GROUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([^()]{1,60})\)|\[([^\[\]]{1,60})\]").unwrap());

/// Lowercase, trimmed of bullets and arrows, inner white space collapsed.
fn normalise_line(line: &str) -> String {
    let trimmed = line.trim_matches(is_edge_mark);
    trimmed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// White space, bullets and arrows: what a line is trimmed of before it is compared.
fn is_edge_mark(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '|' | '›'
                | '»'
                | '>'
                | '•'
                | '·'
                | ':'
                | '-'
                | '–'
                | '—'
                | '<'
                | '«'
                | '‹'
                | '▶'
                | '▲'
                | '▼'
                | '►'
                | '◀'
        )
}

/// Splits text into lines, joining hard-wrapped prose, and classifies each.
///
/// ```
/// use reader::clean::{classify, Class, Furniture};
/// use coverage_core::model::RemovedReason;
/// let lines = classify("Go to contents\n\nTitle\n\nBody text here.", &Furniture::new([], []));
/// assert_eq!(lines[0].class, Class::Removed(RemovedReason::Boilerplate));
/// assert_eq!(lines[1].class, Class::Text);
/// ```
pub fn classify(text: &str, furniture: &Furniture) -> Vec<Line> {
    classify_blocks(blocks(text), furniture)
}

/// Classifies lines that are already blocks (an HTML page's article blocks): each is one line,
/// its words one space apart.
pub fn classify_blocks(blocks: Vec<String>, furniture: &Furniture) -> Vec<Line> {
    let mut classifier = Classifier {
        furniture,
        seen: LineSet::default(),
    };
    classifier.seen.reserve(blocks.len());
    let mut lines: Vec<Line> = blocks
        .into_iter()
        .map(|block| {
            let dates = dates::find_dates(&block);
            let class = classifier.classify_line(&block, &dates);
            Line {
                text: block,
                class,
                dates,
            }
        })
        .collect();
    date_menus(&mut lines);
    bylines_over_lines(&mut lines);
    lines
}

/// A byline printed over several lines: "By" (or "Author:") alone, then one author a line, each
/// perhaps with a role run into the name ("Jane DoeNews Reporter"). The "By" line becomes the
/// byline of every author, and the authors' lines are removed as part of it; an agency's name
/// under the label is the story's credit, with no author.
fn bylines_over_lines(lines: &mut [Line]) {
    for i in 0..lines.len() {
        let label = lines[i].text.trim().trim_end_matches(':').trim_end();
        // The longest label has 21 letters, all ASCII: a longer line is not lowercased.
        if lines[i].class != Class::Text
            || label.len() > 21
            || !matches!(
                label.to_lowercase().as_str(),
                "by" | "author" | "authors" | "author of the article" | "written by"
            )
        {
            continue;
        }
        // An agency credited alone on the next line: the story's credit, with no author.
        if let Some(next) = lines.get(i + 1)
            && next.class == Class::Text
            && is_agency(&next.text)
        {
            lines[i].class = Class::Removed(RemovedReason::Byline);
            lines[i + 1].class = Class::Byline(None);
            continue;
        }
        let names: Vec<String> = lines[i + 1..]
            .iter()
            .take(8)
            .map_while(|l| {
                (l.class == Class::Text)
                    .then(|| name_with_role(&l.text))
                    .flatten()
            })
            .collect();
        if names.is_empty() {
            continue;
        }
        for line in &mut lines[i + 1..=i + names.len()] {
            line.class = Class::Removed(RemovedReason::Byline);
        }
        lines[i].class = Class::Byline(Some(names.join(", ")));
    }
}

/// The name of an author's line, without the role that may follow it, run in or not ("Jane
/// DoeNews Reporter", "Jane Doe Senior Correspondent"); `None` for a line of anything else.
fn name_with_role(line: &str) -> Option<String> {
    if more_chars_than(line, 60) {
        return None;
    }
    // Words, split where a small letter runs into a capital ("DoeNews").
    let mut words: Vec<String> = Vec::new();
    for word in line.split_whitespace() {
        let mut current = String::new();
        let mut previous: Option<char> = None;
        for c in word.chars() {
            if previous.is_some_and(char::is_lowercase) && c.is_uppercase() {
                words.push(std::mem::take(&mut current));
            }
            current.push(c);
            previous = Some(c);
        }
        words.push(current);
    }
    (2..=4.min(words.len())).find_map(|n| {
        let name = words[..n].join(" ");
        let role_only = names_a_role(&words[n..].join(" "));
        ((n == words.len() || role_only) && is_names(&name) && !name.contains(" and "))
            .then_some(name)
    })
}

/// A run of this many lines or more, each a different date alone, is a menu of dates.
const DATE_MENU_RUN: usize = 3;

/// Dates one a line, one under the other, each another day than the one above ("10/12/2010",
/// "10/11/2010", "10/10/2010"): an archive's or a search form's choice of dates, not stamps of the article.
/// Such lines become boilerplate; their dates still tell the page's numeric order.
fn date_menus(lines: &mut [Line]) {
    let bare = |l: &Line| {
        l.class == Class::Removed(RemovedReason::Stamp)
            && l.dates.len() == 1
            && l.dates[0].label == dates::Label::Unlabeled
            // Little besides the date: a weekday's abbreviation at most.
            && l.text.len() - (l.dates[0].end - l.dates[0].start) <= 6
    };
    let mut start = 0;
    while start < lines.len() {
        let mut end = start;
        while end < lines.len()
            && bare(&lines[end])
            && (end == start || lines[end - 1].dates[0].reading != lines[end].dates[0].reading)
        {
            end += 1;
        }
        if end - start >= DATE_MENU_RUN {
            for line in &mut lines[start..end] {
                line.class = Class::Removed(RemovedReason::Boilerplate);
            }
        }
        start = end.max(start + 1);
    }
}

/// The state of classifying one page's lines.
struct Classifier<'f> {
    furniture: &'f Furniture,
    /// Normalised lines seen so far, to mark repeats.
    seen: LineSet,
}

impl Classifier<'_> {
    /// Classifies a line as `blocks` gives it: trimmed, its words one space apart.
    fn classify_line(&mut self, line: &str, dates: &[DateHit]) -> Class {
        let marks = Marks::of(line);
        if is_markup(line, &marks) {
            return Class::Removed(RemovedReason::Markup);
        }
        // The line is already collapsed, so normalising it is trimming and lowercasing.
        let norm = lowercase(line.trim_matches(is_edge_mark));
        if norm.is_empty()
            || self.furniture.is_line(&norm)
            || is_share_bar(&norm)
            || dates.is_empty() && is_breadcrumb(line)
        {
            return Class::Removed(RemovedReason::Boilerplate);
        }
        let word_count = marks.spaces + 1;
        if word_count <= 20 && calls_the_reader(&norm)
            || word_count <= 5 && norm.starts_with("powered by ")
            || word_count <= 60 && asks_for_cookies(&norm)
            || word_count <= 60 && discloses_commissions(&norm)
        {
            return Class::Removed(RemovedReason::Boilerplate);
        }
        let head = lowercase(head(line));
        if word_count <= 40 && opens_with(&BOILERPLATE_OPENINGS, &head) {
            return Class::Removed(RemovedReason::Boilerplate);
        }
        if word_count <= 60 && opens_with(&CREDIT_OPENINGS, &head)
            || word_count <= 5 && is_role_alone(line)
        {
            return Class::Removed(RemovedReason::Credit);
        }
        if let Some(byline) = byline(line, self.furniture) {
            return Class::Byline(byline);
        }
        // An address needs an '@': test that before the pattern.
        if marks.at_sign
            && word_count <= 20
            && !line.ends_with(['.', '?', '!'])
            && EMAIL.is_match(line)
            || is_bracketed(line)
                && self
                    .furniture
                    .is_credit(line.trim_matches(['(', ')', '[', ']']))
                // "(Yonhap June 19, 2024)" closing a story is its date stamp.
                && !is_stamp(line, dates)
        {
            return Class::Removed(RemovedReason::Credit);
        }
        if is_stamp(line, dates) {
            return Class::Removed(RemovedReason::Stamp);
        }
        if more_chars_than(&norm, 19) && !self.seen.insert(norm) {
            return Class::Removed(RemovedReason::Repeated);
        }
        // A credit group ends the line: test the last character before the pattern.
        if line.ends_with([')', ']'])
            && let Some(c) = CREDIT_GROUP.captures(line)
        {
            let group = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
            if self.furniture.is_credit(group) {
                let caption = line[..c.get(0).unwrap().start()].trim().to_string();
                if !caption.is_empty() {
                    // The caption may be printed again without its credit, under the picture.
                    let bare = lowercase(caption.trim_matches(is_edge_mark));
                    if more_chars_than(&bare, 19) {
                        self.seen.insert(bare);
                    }
                    return Class::Caption(caption);
                }
            }
        }
        // A credit after a bar ends a caption: "… electoral votes. | AP Photo Close" (the
        // button that closes the picture copied with it).
        if line.contains('|')
            && let Some((caption, credit)) = line.rsplit_once(" | ")
        {
            let credit = match credit.trim().rsplit_once(' ') {
                Some((head, last))
                    if ["close", "hide", "expand", "enlarge"]
                        .contains(&last.to_lowercase().as_str()) =>
                {
                    head
                }
                _ => credit.trim(),
            };
            let photo = credit.split_whitespace().any(|w| {
                ["photo", "photos", "image", "images"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            });
            if !caption.trim().is_empty()
                && credit.split_whitespace().count() <= 5
                && photo
                && self.furniture.is_credit(credit)
            {
                return Class::Caption(caption.trim().to_string());
            }
        }
        Class::Text
    }
}

/// The bytes of a line that decide which tests are worth running, counted in one pass the
/// compiler turns into vector instructions instead of a search for each.
struct Marks {
    /// Spaces: the line's words are one space apart.
    spaces: usize,
    brace: bool,
    semicolon: bool,
    angle: bool,
    at_sign: bool,
}

impl Marks {
    fn of(line: &str) -> Marks {
        let bytes = line.as_bytes();
        let spaces = count_bytes(bytes, |b| b == b' ');
        let found = bytes.iter().fold(0u8, |found, &b| {
            found
                | u8::from(b == b'{')
                | u8::from(b == b';') << 1
                | u8::from(b == b'<') << 2
                | u8::from(b == b'@') << 3
        });
        Marks {
            spaces,
            brace: found & 1 != 0,
            semicolon: found & 2 != 0,
            angle: found & 4 != 0,
            at_sign: found & 8 != 0,
        }
    }
}

/// The opening of a line, long enough for every entry of the prefix lists.
fn head(line: &str) -> &str {
    const CHARS: usize = 32;
    let end = line
        .char_indices()
        .nth(CHARS)
        .map_or(line.len(), |(i, _)| i);
    &line[..end]
}

/// The prefix lists as anchored automata: one pass over a line's opening instead of a
/// comparison per entry.
static BOILERPLATE_OPENINGS: LazyLock<AhoCorasick> =
    LazyLock::new(|| openings(BOILERPLATE_PREFIXES));
static CREDIT_OPENINGS: LazyLock<AhoCorasick> = LazyLock::new(|| openings(CREDIT_PREFIXES));

fn openings(prefixes: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .start_kind(StartKind::Anchored)
        .build(prefixes)
        .expect("the prefix lists compile")
}

/// Whether a lowercased line opening starts with one of the automaton's prefixes.
fn opens_with(openings: &AhoCorasick, head: &str) -> bool {
    openings.is_match(Input::new(head).anchored(Anchored::Yes))
}

/// A date stamp line: nothing but a date, or a short line opening with a publication word.
fn is_stamp(line: &str, dates: &[DateHit]) -> bool {
    if dates.is_empty() {
        return false;
    }
    if dates::is_stamp_line(line, dates) {
        return true;
    }
    let first = &dates[0];
    first.label != dates::Label::Unlabeled && !more_chars_than(line, 160) && first.start <= 40
}

/// The author credit of a byline line, or `None` when the line is not a byline. An agency alone
/// is a credit, not a byline: `Some(None)`. An outlet after the authors is cut off.
fn byline(line: &str, furniture: &Furniture) -> Option<Option<String>> {
    let known = |name: &str| furniture.outlet_names.contains(&name.to_lowercase());
    if agency_place_credit(line).is_some() {
        return Some(None);
    }
    let (authors, outlet) = byline_parts(line, &known)?;
    if authors.is_empty() || furniture.is_credit(&authors) {
        return Some(None);
    }
    // "Par La Gazette du Littoral et AFP": an outlet's name beside an agency's, no author.
    if outlet.is_some() && !is_names(&authors) && crate::outlets::looks_like_outlet(&authors) {
        return Some(None);
    }
    Some(Some(authors))
}

/// Where the story's head ends (a few lines into the body) when it holds an agency's credit
/// ("AFP, MANILA", "By AFP") and no author's byline: the story's byline is to be read above
/// that line only. `None` when the head names an author or credits no agency.
pub(crate) fn agency_credited_head(
    lines: &[Line],
    title: Option<usize>,
    body: Option<usize>,
) -> Option<usize> {
    let t = title?;
    let end = lines.len().min(body? + 3);
    let head = lines.get(t..end)?;
    (head.iter().any(|l| l.class == Class::Byline(None))
        && !head
            .iter()
            .any(|l| matches!(l.class, Class::Byline(Some(_)))))
    .then_some(end)
}

/// News agencies, lowercased, as their credits print them.
const AGENCIES: &[&str] = &[
    "afp",
    "ap",
    "associated press",
    "reuters",
    "bloomberg",
    "yonhap",
    "kyodo",
    "jiji",
    "jiji press",
    "xinhua",
    "cna",
    "kcna",
    "tass",
    "ria novosti",
    "interfax",
    "efe",
    "dpa",
    "ansa",
    "upi",
    "anadolu",
    "bernama",
    "antara",
    "pti",
    "ani",
    "apa",
    "sda",
    "keystone-sda",
    "epd",
    "kna",
    "belga",
    "anp",
    "ntb",
    "ritzau",
    "ctk",
    "pap",
    "lusa",
    "europa press",
    "ukrinform",
    "unian",
    "itar-tass",
    "newsis",
    "news1",
    "연합뉴스",
    "뉴시스",
    "뉴스1",
];

/// The agency of a credit with the place it reported from, a line of its own under the
/// headline: "AFP, MANILA", "Reuters, NEW YORK". The place is in capitals, as datelines print
/// it.
fn agency_place_credit(line: &str) -> Option<&str> {
    let line = line.trim();
    // `str::split_once` by a vectorised search built once: this runs on every line of a page.
    static IN: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(" in "));
    static COMMA: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(", "));
    let split_once = |finder: &memchr::memmem::Finder<'_>| {
        let sep = finder.needle().len();
        finder
            .find(line.as_bytes())
            .map(|i| (&line[..i], &line[i + sep..]))
    };
    // "Associated Press in Valencia": the place capitalised, as a credit line prints it.
    // Most lines are sentences: their text before " in " or ", " is too long to be an agency,
    // which `is_agency` tells before the place's words are counted.
    if let Some((agency, place)) = split_once(&IN) {
        return (is_agency(agency)
            && place
                .split_whitespace()
                .take(3)
                .all(|w| w.starts_with(char::is_uppercase))
            && (1..=3).contains(&place.split_whitespace().take(4).count()))
        .then_some(agency);
    }
    let (agency, place) = split_once(&COMMA)?;
    if !is_agency(agency) {
        return None;
    }
    let place_words = place.split_whitespace().take(4).count();
    ((1..=3).contains(&place_words)
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | '’'))
        && place.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .then_some(agency)
}

/// Whether a name is a news agency's, as credits print it ("AFP", "The Associated Press").
pub(crate) fn is_agency(name: &str) -> bool {
    // The longest name of the list with "the " before it; lowercasing never makes a name shorter
    // in characters.
    const LONGEST: usize = 20;
    let name = name.trim();
    if more_chars_than(name, LONGEST) {
        return false;
    }
    let lower = name.to_lowercase();
    AGENCIES.contains(&lower.strip_prefix("the ").unwrap_or(&lower))
}

/// The agency a credit names alone: "AFP, MANILA", "Associated Press in Valencia", "By
/// Associated Press", or an agency's name on a line of its own.
fn agency_credit(line: &str) -> Option<&str> {
    if let Some(agency) = agency_place_credit(line) {
        return Some(agency);
    }
    let name = by_rest(line).unwrap_or(line).trim();
    (!more_chars_than(name, 40) && is_agency(name)).then_some(name)
}

/// The outlet a byline line prints after its authors ("By Jane Doe, Example Daily", "By Jane
/// Doe | Example Daily", "한국일보 홍길동 기자"), as printed; `known` tells outlet names apart.
pub(crate) fn byline_outlet(line: &str, known: &dyn Fn(&str) -> bool) -> Option<String> {
    // An agency's credit alone names the agency (the outlet reader makes it the wire when
    // another outlet printed the page).
    if let Some(agency) = agency_credit(line) {
        return Some(agency.to_string());
    }
    let outlet = match byline_parts(line, known) {
        Some((_, outlet)) => outlet,
        // A byline printed without "By" (see `bylines_beside_stamps`).
        None => byline_parts(&format!("By {line}"), known).and_then(|(_, outlet)| outlet),
    }?;
    // A byline printed twice on one line ("Jane Doe, Example.com By Jane Doe, Example.com"),
    // and a desk writing for the title ("Example Media for Example.com"): the title.
    let outlet = outlet.split(" By ").next().unwrap_or(&outlet).trim();
    let outlet = match outlet.rsplit_once(" for ") {
        Some((_, title)) if is_outlet_suffix(title, known) => title,
        _ => outlet,
    };
    Some(outlet.to_string())
}

/// What a byline line credits as its authors (without "By", addresses or a suffixed outlet):
/// an outlet's name when it credits an outlet's desk with an agency ("Par Le Figaro et AFP").
pub(crate) fn byline_authors(line: &str, known: &dyn Fn(&str) -> bool) -> Option<String> {
    byline_parts(line, known).map(|(authors, _)| authors)
}

/// A byline's authors (without "By", e-mail addresses or the outlet) and the outlet it prints,
/// or `None` when the line is not a byline.
fn byline_parts(line: &str, known: &dyn Fn(&str) -> bool) -> Option<(String, Option<String>)> {
    // A Korean byline opens with a Hangul syllable or a bracket, an English one with "By" or a
    // label (`by_rest`): most lines fail on their opening, before their length is counted.
    let opening = line.trim_start_matches(['[', '(', '【', '<', '=', ' ']);
    if let Some(names) = cjk_credit(line) {
        return Some((names, None));
    }
    let korean = opening.starts_with(|c| ('가'..='힣').contains(&c));
    let english = if korean { None } else { by_rest(line) };
    if !korean && english.is_none() || more_chars_than(line, 200) {
        return None;
    }
    if korean
        && ["기자", "특파원", "위원", "통신원"]
            .iter()
            .any(|t| line.contains(t))
        && KOREAN_BYLINE.is_match(line)
        && let Some(c) = KOREAN_BYLINE.captures(line)
    {
        let names = korean_names(c.name("names").map_or("", |m| m.as_str()));
        // What stands before the names is the outlet ("한국일보 홍길동 기자") or a dateline's
        // places ("순천, 광양 홍길동 기자").
        let pre = c.name("pre").map_or("", |m| m.as_str()).trim();
        let outlet = (!pre.is_empty() && (known(pre) || crate::outlets::looks_like_outlet(pre)))
            .then(|| pre.to_string());
        return Some((names, outlet));
    }
    let rest = english.or_else(|| by_rest(line))?;
    let first = rest.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    // "By contrast, …" and other sentence openers are prose, not bylines.
    if line.ends_with(['.', '!', '?']) && line.split_whitespace().count() > 12 {
        return None;
    }
    let first_word = rest.split([' ', ',']).next().unwrap_or("");
    if [
        "contrast",
        "comparison",
        "then",
        "now",
        "the",
        "that",
        "this",
        "far",
        "all",
        "law",
    ]
    .contains(&first_word.to_lowercase().as_str())
        || dates::MONTH_NAMES
            .iter()
            .chain(&dates::WEEKDAY_NAMES)
            .any(|m| m.eq_ignore_ascii_case(first_word.trim_end_matches('.')))
    {
        return None;
    }
    // The authors, then what follows a separator: an outlet, a date, a label.
    let rest = EMAIL.replace_all(rest, "");
    let rest = EMPTY_BRACKETS.replace_all(&rest, "");
    let mut parts = BYLINE_SEPARATOR.split(&rest);
    let head = parts.next().unwrap_or("");
    let mut outlet = parts
        .next()
        .map(|p| BYLINE_CUT.replace(p, "").trim().to_string())
        .filter(|p| is_outlet_suffix(p, known));
    let value = BYLINE_CUT.replace(head, "");
    let mut value = value
        .trim()
        .trim_end_matches([',', ';', '(', ')', '[', ']', ' ', '-'])
        .trim()
        .to_string();
    // "By Jane Doe, Example Daily", "By Jane Doe for Example Daily": the outlet follows the
    // last comma or "for".
    let split = value
        .rfind(", ")
        .map(|i| (i, i + 2))
        .or_else(|| value.rfind(" for ").map(|i| (i, i + 5)));
    if let Some((cut, from)) = split
        && is_outlet_suffix(&value[from..], known)
    {
        outlet.get_or_insert_with(|| value[from..].trim().to_string());
        value.truncate(cut);
        value = value.trim_end_matches([',', ' ']).to_string();
    }
    // "Jane Doe, Senior Reporter": one author's role is not part of the name.
    if let Some((name, role)) = value.split_once(", ")
        && !role.contains([',', ';'])
        && names_a_role(role)
        && is_names(name)
        && !name.contains(" and ")
    {
        value = name.to_string();
    }
    // "Jane Doe and AP", "Jane Doe The Associated Press": an outlet the authors end with.
    let words: Vec<&str> = value.split_whitespace().collect();
    if let Some(n) = (1..words.len().min(5))
        .rev()
        .find(|&n| known(&words[words.len() - n..].join(" ")))
    {
        let name = words[words.len() - n..].join(" ");
        let mut head = words[..words.len() - n].to_vec();
        // "and" in the languages of the coverage ("Par Le Figaro et AFP").
        let joined = head
            .last()
            .is_some_and(|w| ["and", "&", "und", "et", "y", "e", "и", "і", "та"].contains(w));
        if joined {
            head.pop();
        }
        // Without "and", a name is left of two words at least: "By Jane Hill" is one author,
        // not "Jane" of "The Hill".
        if joined || head.len() >= 2 {
            outlet.get_or_insert(name);
            value = head.join(" ").trim_end_matches([',', ' ']).to_string();
        }
    }
    Some((without_repeats(&value), outlet))
}

/// A byline's names without what a copy repeated or ran into them: the same name printed twice
/// ("Jane Doe, Jane Doe", "Jane DoeJane Doe", two elements of the page) and a role run into the
/// name ("Jane DoeStaff Writer").
fn without_repeats(value: &str) -> String {
    let parts: Vec<&str> = value.split(", ").collect();
    if parts.len() > 1 && parts.iter().all(|p| *p == parts[0]) {
        return parts[0].to_string();
    }
    // Where a lowercase letter runs into a capital inside a word: the seam of two elements.
    let seam = value
        .char_indices()
        .zip(value.chars().skip(1))
        .find(|&((_, a), b)| a.is_lowercase() && b.is_uppercase())
        .map(|((i, a), _)| i + a.len_utf8());
    if let Some(at) = seam {
        let (head, tail) = value.split_at(at);
        if head == tail || names_a_role(tail) && is_names(head) {
            return head.to_string();
        }
    }
    value.to_string()
}

/// The names of a Japanese or Chinese reporter credit (`CJK_BYLINE`), joined by ", ".
fn cjk_credit(line: &str) -> Option<String> {
    let line = line.trim();
    // Short, not ASCII, holding a reporter's title: most lines fail on their length or bytes.
    if line.len() > 90 || line.is_ascii() || !CJK_TITLES.iter().any(|t| line.contains(t)) {
        return None;
    }
    let c = CJK_BYLINE.captures(line)?;
    if c.name("pre").is_none() && c.name("post").is_none() {
        return None;
    }
    // "新华社记者", "东海日报记者": an outlet's reporter, unnamed.
    let names = cjk_names(&c["names"]);
    (!names.split(", ").any(crate::outlets::looks_like_outlet)).then_some(names)
}

/// Han names apart, joined by ", ".
fn cjk_names(names: &str) -> String {
    names
        .split(|c: char| c.is_whitespace() || "、・，,／/".contains(c))
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What follows "By" (or "Authors:", "Written by", a stamp and a separator) on a byline line.
fn by_rest(line: &str) -> Option<&str> {
    const OPENINGS: [&str; 21] = [
        "Автор: ",
        "Авторы: ",
        "Автори: ",
        "Autor: ",
        "Autorin: ",
        "Autora: ",
        "Auteur : ",
        "Auteur: ",
        "Auteurs : ",
        "By ",
        "BY ",
        "By: ",
        "Written by ",
        "Words by ",
        "Reporting by ",
        "Story by ",
        "Text by ",
        "Authors: ",
        "Author: ",
        "Authors : ",
        "Author : ",
    ];
    if let Some(rest) = OPENINGS.iter().find_map(|p| line.strip_prefix(p)) {
        // "By by NAME": a label and the credit, both printed.
        let rest = rest.trim_start();
        return Some(rest.strip_prefix("by ").unwrap_or(rest).trim_start());
    }
    // "ByMalcolm Harris", "Byby JANE DOE": a label run into the credit.
    if let Some(rest) = line.strip_prefix("By") {
        let rest = rest.strip_prefix("by ").unwrap_or(rest);
        let mut chars = rest.chars();
        if chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(|c| c.is_alphabetic())
            && (line.starts_with("Byby") || rest.chars().nth(1).is_some_and(char::is_lowercase))
        {
            return Some(rest);
        }
    }
    // "Von", "Par", "Por" (German, French, Spanish "by") open a short credit of capitalised
    // names only: "Von der Leyen …" and "Por qué …" are no credits. Sites print them in
    // lowercase as well ("von Eva Muster").
    if let Some(rest) = ["Von ", "Par ", "Por ", "von ", "par ", "por ", "VON ", "PAR ", "POR "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        && line.split_whitespace().count() <= 10
        && rest
            .split_whitespace()
            .take(2)
            .all(|w| w.starts_with(char::is_uppercase))
        // In capitals, "VON DER LEYEN …" is no credit either.
        && !["DER ", "DEN ", "DEM ", "QUÉ ", "QUE "]
            .iter()
            .any(|w| rest.starts_with(w))
        // Their "and" ("et", "y", "und") joins credits of capitalised words only: "Par Claire
        // Moreau et Paul Girard", "Par Le Figaro et AFP", not "Por Ana y sus hijos".
        && rest
            .split('(')
            .next()
            .unwrap_or(rest)
            .split(" et ")
            .flat_map(|p| p.split(" y "))
            .flat_map(|p| p.split(" und "))
            .all(|p| {
                p.split_whitespace().all(|w| {
                    w.starts_with(char::is_uppercase)
                        || ["de", "du", "des", "del", "la", "le", "von", "van", "da", "di", "do"]
                            .contains(&w)
                })
            })
    {
        // A place or desk in brackets after the name: "Par NAME(Bruxelles)".
        return Some(rest.split('(').next().unwrap_or(rest).trim_end());
    }
    // A lowercase "by" (Italian "di") opens a short credit of capitalised names only.
    if let Some(rest) = line
        .strip_prefix("by ")
        .or_else(|| line.strip_prefix("di "))
        && line.split_whitespace().count() <= 16
        && rest
            .split_whitespace()
            .take(2)
            .all(|w| w.starts_with(char::is_uppercase))
    {
        return Some(rest);
    }
    // "18/03/2019 | Jane Doe", "Jane Doe | 18/03/2019": a stamp and a name, each alone on its
    // side of a bar.
    if let Some((a, b)) = line.split_once(" | ")
        && !b.contains(" | ")
        && !more_chars_than(line, 80)
    {
        let (a, b) = (a.trim(), b.trim());
        if only_a_stamp(a) && is_names(b) {
            return Some(b);
        }
        if is_names(a) && only_a_stamp(b) {
            return Some(line);
        }
    }
    // "June 19, 2024|By Jane Doe": a date, a separator, then the by-line, near the opening.
    let mut end = line.len().min(64);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let near = &line[..end];
    // A separator (a bar, a dash, or '·', '•', '–', '—', whose UTF-8 opens with 0xC2 or 0xE2)
    // is rarer than "by ": test it first.
    let separator = |b: u8| (b == b'|') | (b == b'-') | (b == 0xC2) | (b == 0xE2);
    if find_byte(near.as_bytes(), 0, separator).is_none()
        || !(near.contains("By ") || near.contains("by ") || near.contains("BY "))
    {
        return None;
    }
    let c = BY_AFTER_STAMP.captures(line)?;
    let stamp = c.get(1).expect("group 1 exists").as_str();
    if stamp.bytes().any(|b| b.is_ascii_digit()) {
        let at = c.get(0).expect("group 0 exists").end();
        return Some(&line[at..]);
    }
    None
}

/// Whether a text is a date with its time and nothing else ("18/03/2019", "June 19, 2024 3:15
/// PM KST").
fn only_a_stamp(text: &str) -> bool {
    let hits = dates::find_dates(text);
    let (Some(first), Some(last)) = (hits.first(), hits.last()) else {
        return false;
    };
    text[..first.start]
        .split_whitespace()
        .chain(text[last.end..].split_whitespace())
        .all(|w| {
            !w.contains(char::is_alphabetic)
                || [
                    "am", "pm", "a.m.", "p.m.", "gmt", "utc", "et", "kst", "jst", "ist",
                ]
                .iter()
                .any(|s| w.eq_ignore_ascii_case(s))
        })
}

/// Whether what follows a byline's authors names an outlet rather than a role or a place.
fn is_outlet_suffix(text: &str, known: &dyn Fn(&str) -> bool) -> bool {
    let text = text.trim().trim_end_matches(['.', ',']);
    if text.is_empty() || more_chars_than(text, 50) || text.split_whitespace().count() > 6 {
        return false;
    }
    if names_a_role(text) || text.bytes().any(|b| b.is_ascii_digit()) && !text.contains('.') {
        return false;
    }
    known(text) || crate::outlets::looks_like_outlet(text)
}

/// Bylines printed without "By": a line of names beside the publication stamp under the
/// headline ("Jane Doe" above "June 19, 2024 3:15 PM"), names opening the stamp line itself
/// ("Jane Doe · Example Daily · Posted: June 19, 2024"), or, with no stamp there, a line of
/// names alone right under the headline. Such lines become `Class::Byline`. `from` is the
/// headline's line, `body` the first body line, `known` tells outlet names and `person` the
/// people the page is about (a caption naming one is not a byline).
pub(crate) fn bylines_beside_stamps(
    lines: &mut [Line],
    from: usize,
    body: Option<usize>,
    known: &dyn Fn(&str) -> bool,
    person: &dyn Fn(&str) -> bool,
) {
    // A headline printed twice (in the page's title bar, then over the story): the head of the
    // story is under the second.
    let headline = lines[from].text.trim();
    let second = lines[..body.unwrap_or(lines.len()).max(from + 1)]
        .iter()
        .rposition(|l| l.text.trim() == headline)
        .unwrap_or(from);
    // The head of the story: a dozen lines under the headline, or up to the body's opening.
    let end = lines.len().min(
        body.map_or(second + 12, |b| (b + 3).max(second + 12))
            .min(second + 25),
    );
    // A byline printed with "By" in the story's head or at the body's opening stands; one
    // further down, under the story or in a list of other stories, does not make the name
    // beside the stamp less of a byline.
    let byline_end = lines.len().min(body.map_or(end, |b| b + 3));
    if lines[..byline_end]
        .iter()
        .any(|l| matches!(l.class, Class::Byline(Some(_))))
    {
        return;
    }
    // Every stamp of the head is tried in turn ("This story is from …" may stand above the
    // stamp that names the author).
    let stamps: Vec<usize> = (from..end)
        .filter(|&i| {
            !lines[i].dates.is_empty()
                && matches!(
                    lines[i].class,
                    Class::Removed(RemovedReason::Stamp) | Class::Text
                )
                && !more_chars_than(&lines[i].text, 160)
        })
        .take(3)
        .collect();
    let names_in = |lines: &[Line], k: usize| -> Option<String> {
        // A line of text, or a credit line holding the author's address.
        let line = lines.get(k)?;
        let credit_with_address =
            line.class == Class::Removed(RemovedReason::Credit) && line.text.contains('@');
        if k <= from || line.class != Class::Text && !credit_with_address {
            return None;
        }
        byline_parts(&format!("By {}", line.text), known)
            .map(|(names, _)| names)
            .filter(|names| is_names(names) && !person(names))
    };
    for &s in &stamps {
        // A Chinese or Japanese name opening the stamp line, glued to its date or a space
        // before it ("山田太郎2024年6月19日 10:00").
        if let Some(names) = cjk_name_before_date(&lines[s], known) {
            lines[s].class = Class::Byline(Some(names));
            return;
        }
        // Names opening the stamp line, before a separator.
        if let Some((names, _)) = names_before_separator(&lines[s].text, known) {
            lines[s].class = Class::Byline(Some(names));
            return;
        }
    }
    for &s in &stamps {
        for k in [s.wrapping_sub(1), s + 1] {
            if let Some(names) = names_in(lines, k) {
                lines[k].class = Class::Byline(Some(names));
                return;
            }
        }
    }
    // No stamp beside a name: a line of names alone among the first lines under the headline.
    let head_end = end.min(body.unwrap_or(usize::MAX));
    if let Some((k, names)) = (second + 1..head_end)
        .filter(|&k| lines[k].class == Class::Text)
        .take(6)
        .find_map(|k| names_in(lines, k).map(|n| (k, n)))
    {
        lines[k].class = Class::Byline(Some(names));
        return;
    }
    // A standfirst taken for the body's opening: a line of names right after it, followed by
    // the share tools or another removed line rather than by text (a subhead is followed by
    // text).
    if let Some(b) = body {
        let next_removed = |k: usize| {
            lines[k + 1..]
                .iter()
                .find(|l| !l.text.trim().is_empty())
                .is_some_and(|l| matches!(l.class, Class::Removed(_)))
        };
        if let Some((k, names)) = (b + 1..lines.len().min(b + 3))
            .filter(|&k| lines[k].class == Class::Text)
            .take(1)
            .find_map(|k| {
                names_in(lines, k)
                    .filter(|_| next_removed(k))
                    .map(|n| (k, n))
            })
        {
            lines[k].class = Class::Byline(Some(names));
        }
    }
}

/// A name of two to five Han characters, alone before a stamp line's first date, which no
/// stamp label ("更新时间", "北京時間") or outlet ("毎日新聞 2025/1/14 21:17") is.
fn cjk_name_before_date(line: &Line, known: &dyn Fn(&str) -> bool) -> Option<String> {
    let first = line.dates.first()?;
    if first.label != dates::Label::Unlabeled || first.start == 0 || first.start > 16 {
        return None;
    }
    let name = line.text[..first.start].trim();
    let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    let count = name.chars().count();
    ((2..=5).contains(&count)
        && name.chars().all(han)
        && !["时间", "時間", "日期", "时刻", "時刻"]
            .iter()
            .any(|w| name.ends_with(w))
        && !known(name)
        && !crate::outlets::looks_like_outlet(name))
    .then(|| name.to_string())
}

/// The names a line opens with before a separator ("Jane Doe · Example Daily · …").
fn names_before_separator(
    line: &str,
    known: &dyn Fn(&str) -> bool,
) -> Option<(String, Option<String>)> {
    let mut parts = BYLINE_SEPARATOR.split(line);
    let first = parts.next()?.trim();
    if first.len() == line.trim().len() {
        return None;
    }
    let (names, outlet) = byline_parts(&format!("By {first}"), known)?;
    is_names(&names).then_some((names, outlet))
}

/// Whether a text is one to four people's names: two to four capitalised words each, joined
/// by commas or "and".
pub(crate) fn is_names(text: &str) -> bool {
    if text.is_empty() || more_chars_than(text, 80) {
        return false;
    }
    let people: Vec<&str> = text
        .split([',', '&', ';'])
        .flat_map(|p| p.split(" and "))
        // "and" in the languages of the coverage: German, French, Spanish, Italian and
        // Portuguese, Russian, Ukrainian.
        .flat_map(|p| p.split(" und "))
        .flat_map(|p| p.split(" et "))
        .flat_map(|p| p.split(" y "))
        .flat_map(|p| p.split(" e "))
        .flat_map(|p| p.split(" и "))
        .flat_map(|p| p.split(" і "))
        .flat_map(|p| p.split(" та "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (1..=6).contains(&people.len())
        && people.iter().all(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            // "Contributing Writer", "Staff Reporter": a role with no name.
            (2..=4).contains(&words.len())
                && !names_a_role(p)
                && words.iter().all(|w| {
                    w.starts_with(char::is_uppercase)
                        && w.chars()
                            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
                        && !NOT_NAME_WORDS.contains_lowercase(w)
                })
        })
}

/// Words of interface lines and sections that can be capitalised like names ("Share Article").
#[rustfmt::skip]
static NOT_NAME_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "share", "article", "news", "home", "menu", "search", "subscribe", "sign", "log", "read",
        "more", "live", "updates", "video", "photo", "photos", "world", "politics", "opinion",
        "business", "latest", "related", "top", "stories", "editor", "editors", "staff",
        "reporter", "correspondent", "the", "of", "for", "in", "on", "agency", "press", "times",
        "daily", "post", "today", "contact", "follow", "us", "advertisement", "comments",
        "newsletter", "listen", "print", "email", "copy", "link", "save", "north", "south",
        "korea", "china", "russia", "japan", "united", "states", "ad", "ads", "policy", "privacy",
        "terms", "cookie", "cookies", "settings", "about", "help", "feedback", "careers",
        "support", "donate", "events", "podcasts", "videos", "games", "sport", "sports",
        "weather", "shop", "store", "login", "account", "profile", "notifications", "alerts",
        "trending", "popular", "watch", "gallery", "page", "next", "previous", "back", "close",
        "view", "comment", "loading", "loaded", "recommended", "sponsored", "content", "edition",
        "tv", "radio", "audio", "flipboard", "pocket", "reddit", "whatsapp", "facebook",
        "twitter", "linkedin", "telegram", "instagram", "youtube", "rss", "key", "highlights",
        "summary", "takeaways", "artikel", "aktueller", "beitrag", "current", "issue", "issues",
        "magazine", "archive",
    ])
});

/// The names of a Korean reporter credit without their titles: "홍길동·김철수 기자" → "홍길동, 김철수".
fn korean_names(credit: &str) -> String {
    credit
        .split(|c: char| !('가'..='힣').contains(&c))
        .filter(|w| !w.is_empty() && !KOREAN_TITLES.contains(w))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reporters' titles printed after Korean names.
const KOREAN_TITLES: [&str; 9] = [
    "기자",
    "특파원",
    "논설위원",
    "선임기자",
    "전문기자",
    "객원기자",
    "수습기자",
    "편집위원",
    "통신원",
];

/// The Korean reporter credit opening a paragraph ("(서울=연합뉴스) 홍길동 기자 = …"), if any.
pub(crate) fn opening_byline(paragraph: &str) -> Option<String> {
    if !paragraph.starts_with(['(', '[', '【', ' ', '\u{3000}']) {
        return None;
    }
    let paragraph = paragraph.trim_start();
    if paragraph.starts_with('【')
        && let Some(c) = CJK_OPENING_BYLINE.captures(paragraph)
    {
        // "【北京＝共同】" credits an agency, not a reporter.
        let names = &c["names"];
        let agency = ["共同", "時事", "新華", "新华", "聯合", "联合", "通信"]
            .iter()
            .any(|a| names.ends_with(a));
        return (!agency).then(|| cjk_names(names));
    }
    KOREAN_OPENING_BYLINE
        .captures(paragraph)
        .map(|c| korean_names(&c["names"]))
}

fn is_bracketed(line: &str) -> bool {
    line.starts_with('(') && line.ends_with(')') || line.starts_with('[') && line.ends_with(']')
}

/// Style sheets, scripts and templates that leaked into the text.
fn is_markup(line: &str, marks: &Marks) -> bool {
    // Braces, semicolons and '<' are rare in prose: look for the words only when they are there.
    let (brace, semicolon) = (marks.brace, marks.semicolon);
    let css = brace && semicolon && line.contains('}') && line.contains(':');
    let template =
        brace && (line.contains("{{") || line.contains("{%")) || marks.angle && line.contains("<%");
    let tag_only = line.starts_with('<') && line.ends_with('>');
    let script = (semicolon || brace)
        && [
            "function(",
            "function (",
            "window.",
            "document.",
            "var ",
            "googletag",
            "@media",
            "!important",
        ]
        .iter()
        .any(|w| line.contains(w));
    css || template || tag_only || script
}

fn is_share_bar(norm: &str) -> bool {
    let mut tokens = norm
        .split(|c: char| c.is_whitespace() || c == '|')
        .filter(|t| !t.is_empty());
    let mut count = 0;
    // Most lines fail on their first word.
    tokens.all(|t| {
        count += 1;
        SHARE_WORDS.contains(&t)
    }) && count >= 2
}

/// How a site's own calls to its reader open: to follow, like or write to it, to comment.
const READER_CALLS: &[&str] = &[
    "like us on ",
    "follow us",
    "follow me on ",
    "join us on ",
    "join the conversation",
    "join the discussion",
    "tell us",
    "let us know",
    "sound off",
    "share it in the comments",
    "share your thoughts",
    "share your comments",
    "leave a comment",
    "leave your comment",
    "alert us",
    "email us",
    "write to us",
    "send us ",
];

/// The networks a "follow NAME on …" line sends the reader to.
const NETWORKS: &[&str] = &[
    "twitter",
    "x",
    "facebook",
    "instagram",
    "linkedin",
    "google+",
    "threads",
    "bluesky",
    "mastodon",
    "tiktok",
    "youtube",
];

/// The nouns a "Loading …" line of a page's widgets names.
const LOADING_WIDGETS: &[&str] = &[
    "photo",
    "photos",
    "gallery",
    "video",
    "videos",
    "comments",
    "player",
    "content",
    "more",
    "slideshow",
    "image",
    "images",
    "map",
    "results",
];

/// A short line (lowercased, trimmed) in which the site speaks to its reader, or its last
/// sentence does: "Like us on Facebook", "Follow Jane Doe on Twitter", "Tell us what you think",
/// "Have something to add to this story? Share it in the comments.", "Inappropriate video?
/// Alert us.", "Loading photo gallery". Sharing and comment widgets and an author's links at the
/// foot, never the story.
fn calls_the_reader(norm: &str) -> bool {
    let last = norm
        .trim_end_matches(['.', '!', ' '])
        .rsplit(['?', '.', '!'])
        .next()
        .unwrap_or(norm)
        .trim_start();
    if READER_CALLS.iter().any(|c| last.starts_with(c)) {
        return true;
    }
    if !last.starts_with("follow ") && !last.starts_with("loading ") {
        return false;
    }
    let words: Vec<&str> = last.split_whitespace().collect();
    match words.as_slice() {
        // "follow Jane Doe on Twitter (and Google+)", "follow Jane Doe @janedoe".
        ["follow", rest @ ..] if rest.len() <= 8 => {
            rest.windows(2)
                .any(|w| w[0] == "on" && NETWORKS.contains(&w[1].trim_end_matches([',', '.'])))
                || rest.last().is_some_and(|w| w.starts_with('@'))
        }
        ["loading", widgets @ ..] if (1..=3).contains(&widgets.len()) => widgets
            .iter()
            .all(|w| LOADING_WIDGETS.contains(&w.trim_end_matches(['.', '…']))),
        _ => false,
    }
}

/// A cookie notice (lowercased line): the site telling its reader that it uses cookies, or
/// asking them to agree. An article about cookies quotes no such second person.
fn asks_for_cookies(norm: &str) -> bool {
    norm.contains("cookie")
        && [
            "you agree",
            "you consent",
            "you accept",
            "your consent",
            "we use cookies",
            "site uses cookies",
            "website uses cookies",
            "our use of cookies",
            "accept cookies",
            "accept all cookies",
        ]
        .iter()
        .any(|p| norm.contains(p))
}

/// Words that qualify a role in a credit ("Deputy", "Foreign"), besides the role words
/// that do ("Senior", "Contributing").
const ROLE_QUALIFIERS: &[&str] = &[
    "deputy",
    "managing",
    "executive",
    "assistant",
    "political",
    "foreign",
    "national",
    "international",
    "business",
    "science",
    "health",
    "sports",
    "news",
    "digital",
    "guest",
    "freelance",
    "investigative",
    "data",
    "visual",
    "lead",
    "head",
    "global",
    "economics",
    "technology",
    "tech",
    "culture",
    "entertainment",
    "opinion",
    "world",
];

/// A line that is a role and nothing else ("Contributing Writer", "Senior Correspondent"): the
/// credit of an author printed on another line, never the story.
fn is_role_alone(line: &str) -> bool {
    line.starts_with(char::is_uppercase)
        && names_a_role(line)
        && line.split_whitespace().all(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            ROLE_WORDS.contains(&w.as_str()) || ROLE_QUALIFIERS.contains(&w.as_str())
        })
}

/// A site's disclosure of what it earns from its links (lowercased line): "Some of our stories
/// include affiliate links … we may earn an affiliate commission". It speaks of the site itself;
/// an article about such commissions does not say "we may earn".
fn discloses_commissions(norm: &str) -> bool {
    // German, Spanish and Italian sites name the links in English ("Hinweis zu Affiliate-Links:
    // … erhalten wir ggf. eine Provision", "… una commissione").
    let affiliate_links = || norm.contains("affiliate-link") || norm.contains("affiliate link");
    if !norm.contains("commission") {
        return norm.contains("affiliate")
            && affiliate_links()
            && (norm.contains("provision") || norm.contains("comisión"));
    }
    affiliate_links() && norm.contains("commissione")
        || [
            "affiliate link",
            "affiliate commission",
            "earn a commission",
            "earn a small commission",
            "receive a commission",
            "receive a small commission",
        ]
        .iter()
        .any(|p| norm.contains(p))
            && ["we may", "may earn", "may receive", "our "]
                .iter()
                .any(|p| norm.contains(p))
}

fn is_breadcrumb(line: &str) -> bool {
    if more_chars_than(line, 80) || line.ends_with(['.', '?', '!']) {
        return false;
    }
    let arrows = [" > ", " › ", " » ", " < "]
        .iter()
        .any(|s| line.contains(s));
    let first = || line.split(['/', '>', '›', '»']).next().unwrap_or("").trim();
    arrows && line.split_whitespace().count() <= 12
        || line.contains('/') && BREADCRUMB_SET.contains_lowercase(first())
}

static BREADCRUMB_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(BREADCRUMB_HEADS));

/// Labels of the buttons beside a headline ("Add to my reading list", "Save to favourites"),
/// lowercased, as they are left when cut short.
const BUTTON_LABELS: &[&str] = &["add to", "save to", "save for later", "share", "read later"];

/// A headline without the cut label of a button copied with it ("… storms Add to ...").
fn without_button(title: &str) -> &str {
    let Some(head) = title
        .strip_suffix("...")
        .or_else(|| title.strip_suffix('…'))
        .map(str::trim_end)
    else {
        return title;
    };
    for label in BUTTON_LABELS {
        let n = label.len();
        if head.len() > n + 10
            && head.is_char_boundary(head.len() - n)
            && head[head.len() - n..].eq_ignore_ascii_case(label)
            && head[..head.len() - n].ends_with(' ')
            && head[head.len() - n..].starts_with(char::is_uppercase)
        {
            return head[..head.len() - n].trim_end();
        }
    }
    title
}

/// Drops leading section labels ("[Editorial]"), a trailing site name ("… | The Korea Herald")
/// and a button's cut label copied with the headline ("… Add to ...").
///
/// ```
/// assert_eq!(reader::clean::clean_title("[Editorial] Kim in Russia", &[]), "Kim in Russia");
/// assert_eq!(reader::clean::clean_title("Kim in Russia | The Korea Herald", &["the korea herald"]), "Kim in Russia");
/// assert_eq!(reader::clean::clean_title("Kim in Russia Add to ...", &[]), "Kim in Russia");
/// ```
pub fn clean_title(title: &str, outlet_names: &[&str]) -> String {
    clean_title_by(title, |tail| {
        outlet_names
            .iter()
            .any(|n| n.strip_prefix("the ").unwrap_or(n) == tail)
    })
}

/// `clean_title` with the site names known by a predicate, asked about a trailing part
/// lowercased and without a leading "the " (a set lookup where the names are many).
///
/// ```
/// use reader::clean::clean_title_by;
/// assert_eq!(clean_title_by("Kim in Russia - The Korea Herald", |t| t == "korea herald"), "Kim in Russia");
/// assert_eq!(clean_title_by("Kim in Russia - Analysis", |t| t == "korea herald"), "Kim in Russia - Analysis");
/// ```
pub fn clean_title_by(title: &str, is_outlet: impl Fn(&str) -> bool) -> String {
    let mut t = without_button(title.trim()).to_string();
    // A label opens with a bracket or ends with a colon or a bar: test that before the pattern.
    let labelled = t.starts_with(['[', '【', '<']) || t.contains([':', '|']);
    while let Some(m) = SECTION_LABEL.find(&t).filter(|_| labelled) {
        if m.end() >= t.len() {
            break;
        }
        t = t[m.end()..].to_string();
    }
    for sep in [" | ", " - ", " – ", " — ", " :: ", " < "] {
        if let Some((head, tail)) = t.rsplit_once(sep) {
            let tail_norm = tail.trim().to_lowercase();
            let tail_norm = tail_norm.strip_prefix("the ").unwrap_or(&tail_norm);
            if is_outlet(tail_norm) || sep == " | " && tail.split_whitespace().count() <= 4 {
                t = head.trim().to_string();
            }
        }
    }
    t
}

/// Splits text into non-empty lines, joining lines of hard-wrapped prose into paragraphs. White
/// space inside a line becomes single spaces.
fn blocks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut group: Vec<&str> = Vec::new();
    let flush = |group: &mut Vec<&str>, out: &mut Vec<String>| {
        if group.is_empty() {
            return;
        }
        if is_hard_wrapped(group) {
            let mut joined = String::with_capacity(group.iter().map(|l| l.len() + 1).sum());
            for line in group.iter() {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                push_collapsed(&mut joined, line);
            }
            out.push(joined);
        } else {
            out.extend(group.iter().map(|line| {
                let mut one = String::with_capacity(line.len());
                push_collapsed(&mut one, line);
                one
            }));
        }
        group.clear();
    };
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut group, &mut out);
        } else {
            group.push(line);
        }
    }
    flush(&mut group, &mut out);
    out
}

/// Appends a trimmed line with each run of white space as one space.
fn push_collapsed(out: &mut String, line: &str) {
    if is_collapsed(line) {
        out.push_str(line);
        return;
    }
    for (i, word) in line.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Whether a trimmed line has no white space but single spaces, as most lines already do. A byte
/// scan: only the lead bytes 0xC2, 0xE1, 0xE2 and 0xE3 start a non-ASCII white space character.
fn is_collapsed(line: &str) -> bool {
    if line.contains("  ") {
        return false;
    }
    let bytes = line.as_bytes();
    let other_space =
        |b: u8| (b.wrapping_sub(b'\t') < 5) | (b == 0xC2) | (b == 0xE1) | (b == 0xE2) | (b == 0xE3);
    let mut at = 0;
    while let Some(i) = find_byte(bytes, at, other_space) {
        if bytes[i].is_ascii() || line[i..].starts_with(char::is_whitespace) {
            return false;
        }
        at = i + 1;
    }
    true
}
/// Lines of similar width, none much longer than a terminal line: prose wrapped at a column.
fn is_hard_wrapped(group: &[&str]) -> bool {
    if group.len() < 3 {
        return false;
    }
    let widths: Vec<usize> = group.iter().map(|l| l.chars().count()).collect();
    let max = *widths.iter().max().unwrap_or(&0);
    if !(40..=100).contains(&max) {
        return false;
    }
    let full = widths[..widths.len() - 1]
        .iter()
        .filter(|&&w| w * 4 >= max * 3)
        .count();
    full * 10 >= (widths.len() - 1) * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str) -> Vec<Class> {
        classify(text, &Furniture::new(["Back To Top"], ["Yonhap", "KCNA"]))
            .into_iter()
            .map(|l| l.class)
            .collect()
    }

    #[test]
    fn byline_over_several_lines_names_every_author() {
        let lines = classify(
            "By\nJane DoeNews Reporter\nJohn Roe\nAda Lee Senior Correspondent\n\nThe council met on Monday.",
            &Furniture::default(),
        );
        assert_eq!(
            lines[0].class,
            Class::Byline(Some("Jane Doe, John Roe, Ada Lee".into()))
        );
        assert!(
            lines[1..4]
                .iter()
                .all(|l| l.class == Class::Removed(RemovedReason::Byline))
        );
        assert_eq!(lines[4].class, Class::Text);
        assert_eq!(
            name_with_role("Mary Ann Smith").as_deref(),
            Some("Mary Ann Smith")
        );
        assert_eq!(name_with_role("Police clear the square"), None);
    }

    #[test]
    fn a_pictures_credit_closing_a_caption_names_no_actor() {
        let f = Furniture::new([], ["Reuters", "AFP", "AP"]);
        let spans = |text: &str| -> Vec<String> {
            f.credit_spans(text)
                .into_iter()
                .map(|(a, b)| text[a..b].to_string())
                .collect()
        };
        assert_eq!(
            spans("A man walks past a tank on Thursday Credit: STR/AFP"),
            ["Credit: STR/AFP"]
        );
        assert_eq!(
            spans("The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters"),
            ["Tessier/Reuters"]
        );
        assert_eq!(
            spans("Two senators at the hearing (Credit: AP/Jane Doe/Photo montage by Example)"),
            ["(Credit: AP/Jane Doe/Photo montage by Example)"]
        );
        // Letters of more than one byte before a colon.
        assert!(spans("“none”: the ministry’s ‘Avengers’ answer, said Reuters").is_empty());
        // The story's own sentences about the agencies keep them.
        assert!(spans("The minister said so, a senior source told Reuters.").is_empty());
        assert!(
            spans("Officials shared the pictures with AFP/AP and others on Monday.").is_empty()
        );
    }

    #[test]
    fn a_role_without_a_name_is_a_credit_not_a_byline() {
        let lines = classify(
            "Contributing Writer\n\nSenior Correspondent\n\nThe council met on Monday.",
            &Furniture::default(),
        );
        let credit = Class::Removed(RemovedReason::Credit);
        assert_eq!(lines[0].class, credit);
        assert_eq!(lines[1].class, credit);
        assert_eq!(lines[2].class, Class::Text);
        assert!(!is_names("Contributing Writer"));
        assert!(is_names("Jane Doe"));
        // A sentence about a writer is the story.
        assert!(!is_role_alone("The writer and the editor"));
        assert_eq!(
            classes("Writer and editor who shaped the paper dies at 90"),
            vec![Class::Text]
        );
    }

    #[test]
    fn a_site_calling_its_reader_is_not_the_story() {
        let furniture = Class::Removed(RemovedReason::Boilerplate);
        for line in [
            "Like us on Facebook",
            "Follow Jane Doe on Twitter and Google+.",
            "Follow Jane on Twitter: @janedoe",
            "Tell us what you think",
            "Have something to add to this story? Share it in the comments.",
            "Do you think the deal will hold? Sound off in the comments below.",
            "Inappropriate video? Alert us.",
            "Loading Photo Gallery",
            "Powered by ExampleNet",
            "By using this site you agree that we and our partners may use cookies for ads.",
            "We use cookies to improve your experience. Accept all cookies",
            "Some of our stories include affiliate links. If you buy something through one of these links, we may earn an affiliate commission.",
            "This article contains affiliate links to products selected by our editors. Example Daily may receive a commission for purchases made through these links.",
        ] {
            assert_eq!(classes(line), vec![furniture.clone()], "{line}");
        }
        // The story's own sentences that open with the same words.
        for line in [
            "Follow the money, the prosecutor told the jury on Monday.",
            "\"Tell us the truth,\" the families said outside the court.",
            "Like us, the ministry said, Moscow wants the talks to go on.",
            "Loading the missiles took the crews most of the night.",
            "Powered by two new reactors, the plant will supply the city from May.",
            "The regulator said sites must ask before they set cookies on a phone.",
            "The retailer cut the commission it pays on affiliate links to 1 percent, publishers said.",
        ] {
            assert_eq!(classes(line), vec![Class::Text], "{line}");
        }
    }

    #[test]
    fn credit_after_a_bar_ends_a_caption() {
        assert_eq!(
            classes(
                "Cranes stand idle at the terminal. | AP Photo Close\nPorts bill | Example Daily"
            ),
            vec![
                Class::Caption("Cranes stand idle at the terminal.".into()),
                Class::Text
            ]
        );
    }

    #[test]
    fn agency_and_place_is_a_credit() {
        assert_eq!(agency_place_credit("AFP, MANILA"), Some("AFP"));
        assert_eq!(agency_place_credit("Reuters, NEW YORK"), Some("Reuters"));
        assert_eq!(
            agency_place_credit("Associated Press in Valencia"),
            Some("Associated Press")
        );
        assert_eq!(agency_place_credit("AP in talks with its staff"), None);
        assert_eq!(
            agency_credit("By The Associated Press"),
            Some("The Associated Press")
        );
        assert_eq!(agency_credit("By Jane Doe"), None);
        assert_eq!(agency_place_credit("Toronto, ON"), None);
        assert_eq!(agency_place_credit("Reuters, Oslo and Stockholm"), None);
        assert_eq!(
            classes("AFP, MANILA"),
            vec![Class::Byline(None)],
            "an agency's credit is no author"
        );
    }

    #[test]
    fn run_of_dates_is_a_menu_not_stamps() {
        let stamp = Class::Removed(RemovedReason::Stamp);
        let menu = Class::Removed(RemovedReason::Boilerplate);
        assert_eq!(
            classes("10/12/2010\n10/11/2010\n10/10/2010\nHeadline here\nOct. 9, 2010"),
            vec![menu.clone(), menu.clone(), menu, Class::Text, stamp.clone()]
        );
        // Two stamps one under the other, or the same day twice, are no menu.
        assert_eq!(
            classes("June 19, 2024\nJune 20, 2024\nText"),
            vec![stamp.clone(), stamp.clone(), Class::Text]
        );
        assert_eq!(
            classes("June 19, 2024\nJune 19, 2024\n2024-06-19\nText"),
            vec![stamp.clone(), stamp.clone(), stamp, Class::Text]
        );
    }

    #[test]
    fn furniture_and_profile_lines() {
        assert_eq!(
            classes("Back To Top\nRelated stories\nFacebook Twitter Email\nHome > World > Asia"),
            vec![Class::Removed(RemovedReason::Boilerplate); 4]
        );
    }

    #[test]
    fn repeated_caption_keeps_one() {
        let c = classes(
            "Kim stands with Putin in Vladivostok. (KCNA/Yonhap)\nKim stands with Putin in Vladivostok. (KCNA/Yonhap)",
        );
        assert_eq!(
            c,
            vec![
                Class::Caption("Kim stands with Putin in Vladivostok.".into()),
                Class::Removed(RemovedReason::Repeated)
            ]
        );
    }

    #[test]
    fn bylines_without_by() {
        assert_eq!(
            classes("By Chen Xu Source:Global Times Published: 2017/9/10 22:08:39"),
            vec![Class::Byline(Some("Chen Xu".into()))]
        );
        assert_eq!(
            classes("By Shin Hyeong-cheol, staff reporter; Kim So-youn, Tokyo correspondent"),
            vec![Class::Byline(Some(
                "Shin Hyeong-cheol, staff reporter; Kim So-youn, Tokyo correspondent".into()
            ))]
        );
        assert_eq!(classes("By Yonhap"), vec![Class::Byline(None)]);
        assert_eq!(
            classes("김철수 기자 kim@example.co.kr"),
            vec![Class::Byline(Some("김철수".into()))]
        );
    }

    #[test]
    fn stamp_and_name_on_either_side_of_a_bar_are_a_byline() {
        for line in [
            "18/03/2019 | Jane Doe",
            "Jane Doe | March 18, 2019 10:30 AM",
        ] {
            assert_eq!(
                classes(line),
                vec![Class::Byline(Some("Jane Doe".into()))],
                "{line}"
            );
        }
        // Two places, or a section and a date, are no byline.
        assert_eq!(classes("Seoul | Pyongyang"), vec![Class::Text]);
        assert_ne!(
            classes("World News | March 18, 2019"),
            vec![Class::Byline(Some("World News".into()))]
        );
    }

    #[test]
    fn byline_loses_handles_stamps_repeats_and_roles_run_into_it() {
        for line in [
            "By Jane Doe @janedoe",
            "By Jane Doe@JaneDoe",
            "By Jane Doe last updated January 13, 2017",
            "By Jane Doe 5 minute Read",
            "By Jane Doe, December 16th 2016",
            "By Jane Doe, Jane Doe",
            "By Jane DoeJane Doe",
            "By Jane DoeStaff Writer",
        ] {
            assert_eq!(
                classes(line),
                vec![Class::Byline(Some("Jane Doe".into()))],
                "{line}"
            );
        }
        // A capital inside a name is no seam.
        assert_eq!(
            classes("By Jane McDonald and Ann DeWitt"),
            vec![Class::Byline(Some("Jane McDonald and Ann DeWitt".into()))]
        );
    }

    #[test]
    fn by_contrast_is_prose() {
        assert_eq!(
            classes("By contrast, Russia is flexible in its North Korea policy."),
            vec![Class::Text]
        );
    }

    #[test]
    fn markup_leaks_are_removed() {
        assert_eq!(
            classes(".article p { margin: 0; }"),
            vec![Class::Removed(RemovedReason::Markup)]
        );
        assert_eq!(
            classes("{{ article.title }}"),
            vec![Class::Removed(RemovedReason::Markup)]
        );
    }

    #[test]
    fn credits_and_email_footers() {
        assert_eq!(
            classes("Please direct questions or comments to [english@hani.co.kr]"),
            vec![Class::Removed(RemovedReason::Credit)]
        );
        assert_eq!(
            classes("The author is a research fellow at the Center."),
            vec![Class::Removed(RemovedReason::Credit)]
        );
        assert_eq!(
            classes("Image source, Reuters"),
            vec![Class::Removed(RemovedReason::Credit)]
        );
    }

    #[test]
    fn stamps_are_told_from_sentences() {
        assert_eq!(
            classes("Posted April. 20, 2019 07:39,"),
            vec![Class::Removed(RemovedReason::Stamp)]
        );
        assert_eq!(
            classes("Kim arrived on April 25, 2019, in the city of Vladivostok for talks."),
            vec![Class::Text]
        );
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let text = "North Korean leader Kim Jong Un will meet with Russian President\nVladimir Putin for the first time later this month, the Kremlin has\nannounced, in what will be the first summit between the two.";
        let lines = classify(text, &Furniture::default());
        assert_eq!(lines.len(), 1);
        assert!(lines[0].text.contains("President Vladimir Putin"));
    }

    #[test]
    fn japanese_and_chinese_reporter_credits_name_the_reporters() {
        for (line, names) in [
            ("记者 张明 李华", "张明, 李华"),
            ("张明 记者", "张明"),
            ("（山田太郎記者）", "山田太郎"),
            ("編集委員\u{3000}中村一郎", "中村一郎"),
            ("文／张明", "张明"),
        ] {
            assert_eq!(cjk_credit(line).as_deref(), Some(names), "{line}");
        }
        // An outlet's reporter unnamed, a press conference, an editor's credit, a headline.
        for line in [
            "新华社记者",
            "东海日报记者",
            "記者会見",
            "（编辑：严玉洁 王辉）",
            "记者节前夕多地举办座谈会",
        ] {
            assert_eq!(cjk_credit(line), None, "{line}");
        }
    }

    #[test]
    fn bylines_in_other_languages_name_the_author() {
        for (line, rest) in [
            ("Von Anna Keller", "Anna Keller"),
            ("Par Claire Moreau", "Claire Moreau"),
            ("Por Lucía Ortega", "Lucía Ortega"),
            ("Par Claire Moreau(Lyon, bureau régional)", "Claire Moreau"),
            ("Автор: Иван Петров", "Иван Петров"),
            ("Auteur : Paul Girard", "Paul Girard"),
            (
                "Par Claire Moreau et Paul Girard",
                "Claire Moreau et Paul Girard",
            ),
            (
                "Von Anna Keller und Jonas Berg",
                "Anna Keller und Jonas Berg",
            ),
            (
                "di Marco Bianchi e Giulia Rossi",
                "Marco Bianchi e Giulia Rossi",
            ),
        ] {
            assert_eq!(by_rest(line), Some(rest), "{line}");
        }
        for headline in [
            "Von der Leyen meets Gulf leaders in Riyadh",
            "Por qué suben los precios del aceite",
            "Par avion: la poste change ses tarifs",
            "Por Ana y sus hijos",
        ] {
            assert_eq!(by_rest(headline), None, "{headline}");
        }
    }

    #[test]
    fn byline_printed_twice_on_one_line_names_its_outlet_once() {
        let known = |_: &str| false;
        assert_eq!(
            byline_outlet(
                "Jane Doe | The Example Gazette By Jane Doe | The Example Gazette",
                &known
            )
            .as_deref(),
            Some("The Example Gazette")
        );
    }
}
