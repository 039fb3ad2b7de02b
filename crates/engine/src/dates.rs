//! Publication dates: finds dates with a year in a line of text, tells whether a line is a date
//! stamp ("Posted …", "Published: …", "입력 …", a bare timestamp) and picks the publication day
//! from a page's stamps. Dates in captions and running text are events, not publication; a date
//! without a year is never completed by guessing. Knows nothing about outlets.

use crate::clean::{find_byte, more_chars_than, overlapping};
use crate::model::Day;
use aho_corasick::MatchKind;
use aho_corasick::dfa::DFA;
use regex::{Regex, RegexSet};
use std::sync::LazyLock;

/// What a stamp says its date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Label {
    /// "Posted", "Published", "입력" …: the publication date.
    Published,
    /// "Updated", "Modified", "수정" …: counts only when no publication stamp exists.
    Updated,
    /// A bare date or timestamp.
    Unlabeled,
}

/// A date found in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateHit {
    pub day: Day,
    pub start: usize,
    pub end: usize,
    pub label: Label,
}

/// Month names in English, January first (the page reader, the name finder and the synthetic
/// pages share them).
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Weekday names in English, Sunday first.
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// The month a word names: a full name or an abbreviation of at least three letters ("Sept").
fn month_number(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|m| {
            m.len() >= word.len()
                && m.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        })
        .map(|i| i as u32 + 1)
}

const MONTH_WORD: &str = r"(?P<mon>[A-Za-z]{3,9})\.?";

const YMD_PATTERN: &str = r"\b(?P<y>(?:19|20)\d{2})\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?:\b|\.|T)";
const KOREAN_PATTERN: &str = r"(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일";
const DAY_FIRST_PATTERN: &str = r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>(?:19|20)\d{2})\b";

fn mdy_pattern() -> String {
    format!(r"\b{MONTH_WORD}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?,?\s+(?P<y>(?:19|20)\d{{2}})\b")
}

fn dmy_pattern() -> String {
    format!(
        r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-){MONTH_WORD}(?:,?\s+|-)(?P<y>(?:19|20)\d{{2}})\b"
    )
}

static YMD: LazyLock<Regex> = LazyLock::new(|| Regex::new(YMD_PATTERN).unwrap());
static KOREAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(KOREAN_PATTERN).unwrap());
static MDY: LazyLock<Regex> = LazyLock::new(|| Regex::new(&mdy_pattern()).unwrap());
static DMY: LazyLock<Regex> = LazyLock::new(|| Regex::new(&dmy_pattern()).unwrap());
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| Regex::new(DAY_FIRST_PATTERN).unwrap());

/// The five patterns above as one set, in the order `KOREAN`, `YMD`, `MDY`, `DMY`, `DAY_FIRST`,
/// with ASCII word boundaries. It tells in one pass which patterns can give a date in a line, so
/// the others are not run. A date needs ASCII digits (they are parsed), and every `\b` stands
/// next to one of those digits or to an ASCII letter, where a Unicode boundary is an ASCII one
/// too: a pattern that gives a date matches in the set. The set's own boundaries are ASCII
/// because a Unicode one makes the fast DFA give up at the first non-ASCII character.
static DATE_SHAPES: LazyLock<RegexSet> = LazyLock::new(|| {
    let patterns = [
        KOREAN_PATTERN.to_string(),
        YMD_PATTERN.to_string(),
        mdy_pattern(),
        dmy_pattern(),
        DAY_FIRST_PATTERN.to_string(),
    ];
    RegexSet::new(patterns.iter().map(|p| p.replace(r"\b", r"(?-u:\b)"))).unwrap()
});

/// Times, time zones, weekdays and separators: the parts of a stamp that are not its date.
static STAMP_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?|\b(?:KST|JST|MSK|GMT|UTC|EST|EDT|CST|CET|CEST|BST|PST|PDT|ET|PT)\b|[+-]\d{2}:?\d{2}\b|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|[(),:|·•/-]|(?:오전|오후|기사|입력|수정|승인|등록|송고|발행|작성)",
    )
    .unwrap()
});

const PUBLISHED_WORDS: [&str; 13] = [
    "published",
    "posted",
    "pub date",
    "publication date",
    "released",
    "issued",
    "date:",
    "입력",
    "등록",
    "작성",
    "게재",
    "발행",
    "송고",
];
const UPDATED_WORDS: [&str; 7] = [
    "updated",
    "modified",
    "last update",
    "edited",
    "revised",
    "수정",
    "업데이트",
];

/// Every date with a year in `line`, in order, each with the label that precedes it.
///
/// ```
/// use engine::dates::{find_dates, Label};
/// let hits = find_dates("Posted on : 2023-09-08 16:53 KST Modified on : 2023-09-09 10:00 KST");
/// assert_eq!(hits[0].day.to_string(), "2023-09-08");
/// assert_eq!(hits[0].label, Label::Published);
/// assert_eq!(hits[1].label, Label::Updated);
/// ```
pub fn find_dates(line: &str) -> Vec<DateHit> {
    // Every form below needs a year of four ASCII digits; most lines have none, and running the
    // patterns on them was most of the cost of reading a page.
    if !has_four_digits(line) {
        return Vec::new();
    }
    let mut hits: Vec<DateHit> = Vec::new();
    let mut push = |start: usize, end: usize, day: Option<Day>| {
        if let Some(day) = day.filter(|d| (1900..=2100).contains(&d.year))
            && !hits.iter().any(|h| start < h.end && h.start < end)
        {
            hits.push(DateHit {
                day,
                start,
                end,
                label: Label::Unlabeled,
            });
        }
    };
    let num = |c: &regex::Captures<'_>, name: &str| {
        c.name(name).and_then(|m| m.as_str().parse::<u32>().ok())
    };
    let shapes = DATE_SHAPES.matches(line);
    let run = |k: usize, re: &'static Regex| {
        shapes
            .matched(k)
            .then(|| re.captures_iter(line))
            .into_iter()
            .flatten()
    };
    for c in run(0, &KOREAN) {
        let m = c.get(0).unwrap();
        push(
            m.start(),
            m.end(),
            Day::new(
                num(&c, "y").unwrap_or(0) as i32,
                num(&c, "m").unwrap_or(0),
                num(&c, "d").unwrap_or(0),
            ),
        );
    }
    for c in run(1, &YMD) {
        let m = c.get(0).unwrap();
        push(
            m.start(),
            m.end(),
            Day::new(
                num(&c, "y").unwrap_or(0) as i32,
                num(&c, "m").unwrap_or(0),
                num(&c, "d").unwrap_or(0),
            ),
        );
    }
    for (k, re) in [(2, &*MDY), (3, &*DMY)] {
        for c in run(k, re) {
            let m = c.get(0).unwrap();
            let Some(month) = month_number(&c["mon"]) else {
                continue;
            };
            push(
                m.start(),
                m.end(),
                Day::new(
                    num(&c, "y").unwrap_or(0) as i32,
                    month,
                    num(&c, "d").unwrap_or(0),
                ),
            );
        }
    }
    for c in run(4, &DAY_FIRST) {
        let m = c.get(0).unwrap();
        let (a, b, y) = (
            num(&c, "d").unwrap_or(0),
            num(&c, "m").unwrap_or(0),
            num(&c, "y").unwrap_or(0) as i32,
        );
        // Day first (the common form outside the US); month first only when day first is impossible.
        push(
            m.start(),
            m.end(),
            Day::new(y, b, a).or_else(|| Day::new(y, a, b)),
        );
    }
    hits.sort_by_key(|h| h.start);
    let mut segment_start = 0;
    for hit in &mut hits {
        hit.label = label_before(&line[segment_start..hit.start]);
        segment_start = hit.end;
    }
    hits
}

/// Whether `text` holds four ASCII digits in a row, as every year the patterns accept does.
fn has_four_digits(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(i) = find_byte(bytes, at, |b| b.wrapping_sub(b'0') < 10) {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run >= 4 {
            return true;
        }
        at = i + run;
    }
    false
}

/// The label words, publication words first, as one automaton: a pass over the text instead of
/// a search for each word.
static LABEL_WORDS: LazyLock<DFA> = LazyLock::new(|| {
    DFA::builder()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(PUBLISHED_WORDS.iter().chain(&UPDATED_WORDS))
        .expect("the label words compile")
});

/// The nearest publication or update word in the text before a date.
fn label_before(before: &str) -> Label {
    // The last 41 characters of the lowercased text come from at most the last 41 of the text:
    // lowercase only those. (A 'Σ' cut from what precedes it may take the other form of σ, of
    // the same length, and no label word holds one.)
    let near = before.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let lower = before[near..].to_lowercase();
    let tail_start = lower.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let tail = &lower[tail_start..];
    // Where the last word of each kind starts: the latest start of any of its matches.
    let (mut published, mut updated) = (None, None);
    for m in overlapping(&LABEL_WORDS, tail) {
        let last = if m.pattern().as_usize() < PUBLISHED_WORDS.len() {
            &mut published
        } else {
            &mut updated
        };
        *last = Some(last.map_or(m.start(), |at: usize| at.max(m.start())));
    }
    match (published, updated) {
        (Some(p), Some(u)) if u > p => Label::Updated,
        (Some(_), _) => Label::Published,
        (None, Some(_)) => Label::Updated,
        (None, None) => Label::Unlabeled,
    }
}

/// Whether a line is nothing but a date stamp: once dates, times, zones, weekdays and stamp
/// words are taken away, little text is left (a poster's name, a dateline city).
pub fn is_stamp_line(line: &str, hits: &[DateHit]) -> bool {
    if hits.is_empty() || more_chars_than(line, 120) {
        return false;
    }
    let mut rest = String::with_capacity(line.len());
    let mut last = 0;
    for h in hits {
        rest.push_str(&line[last..h.start]);
        rest.push(' ');
        last = h.end;
    }
    rest.push_str(&line[last..]);
    let rest = STAMP_NOISE.replace_all(&rest, " ");
    let rest = strip_words(
        &rest,
        &[
            "posted",
            "published",
            "updated",
            "modified",
            "on",
            "at",
            "last",
            "date",
            "by",
        ],
    );
    let left = rest.chars().filter(|c| c.is_alphanumeric()).count();
    let all = line.chars().filter(|c| c.is_alphanumeric()).count();
    // What is left is at most a short name (a poster, an agency: "KYODO NEWS") or a small share.
    left <= 12 || left * 10 <= all * 4
}

fn strip_words(text: &str, words: &[&str]) -> String {
    text.split_whitespace()
        .filter(|w| {
            !words.iter().any(|x| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .eq_ignore_ascii_case(x)
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a stamp line is a masthead strip showing today's date rather than a publication stamp.
pub fn is_masthead_strip(line: &str) -> bool {
    let lower = line.to_lowercase();
    ["today", "weather", "오늘", "날씨", "°c", "°f"]
        .iter()
        .any(|w| lower.contains(w))
        || WEEKDAY.is_match(line)
}

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|[월화수목금토일]요일").unwrap()
});

/// Reads a machine date from HTML metadata (`2024-06-19T09:00:00+09:00`, `20240619`, or any form above).
pub fn parse_meta_date(value: &str) -> Option<Day> {
    let v = value.trim();
    if v.len() >= 8 && v.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
        let n = |r: std::ops::Range<usize>| v[r].parse::<u32>().ok();
        if let Some(day) = Day::new(n(0..4)? as i32, n(4..6)?, n(6..8)?) {
            return Some(day);
        }
    }
    find_dates(v).first().map(|h| h.day)
}

/// A date stamp found on a page, with where it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub day: Day,
    pub label: Label,
    /// Index of the line it was on.
    pub line: usize,
}

/// Picks the publication day: the first "published" stamp; else the first bare stamp line;
/// else the first "updated" stamp. `None` when there is no stamp.
pub fn pick_publication(stamps: &[Stamp]) -> Option<Stamp> {
    let first = |label: Label| stamps.iter().find(|s| s.label == label).copied();
    first(Label::Published)
        .or_else(|| first(Label::Unlabeled))
        .or_else(|| first(Label::Updated))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(line: &str) -> Option<String> {
        find_dates(line).first().map(|h| h.day.to_string())
    }

    #[test]
    fn month_with_period_and_comma() {
        assert_eq!(
            day("Posted April. 20, 2019 07:39,").as_deref(),
            Some("2019-04-20")
        );
    }

    #[test]
    fn iso_with_time_zone() {
        assert_eq!(
            day("Posted on : 2023-09-08 16:53 KST").as_deref(),
            Some("2023-09-08")
        );
    }

    #[test]
    fn slashes_without_padding() {
        assert_eq!(
            day("Published: 2017/9/10 22:08:39").as_deref(),
            Some("2017-09-10")
        );
    }

    #[test]
    fn korean_dotted() {
        assert_eq!(
            day("튼씩이 2019. 4. 28. 13:52").as_deref(),
            Some("2019-04-28")
        );
    }

    #[test]
    fn time_before_date() {
        assert_eq!(
            day("8:29 a.m. ET, April 25, 2019").as_deref(),
            Some("2019-04-25")
        );
    }

    #[test]
    fn day_month_year_numeric() {
        assert_eq!(day("19/06/2024").as_deref(), Some("2024-06-19"));
        assert_eq!(day("06/19/2024").as_deref(), Some("2024-06-19"));
    }

    #[test]
    fn day_month_year_with_hyphens() {
        assert_eq!(
            day("Updated 12:27, 11-Sep-2016").as_deref(),
            Some("2016-09-11")
        );
    }

    #[test]
    fn agency_name_beside_a_date_is_still_a_stamp() {
        let line = "KYODO NEWS - Aug 1, 2017 - 09:17";
        assert!(is_stamp_line(line, &find_dates(line)));
    }

    #[test]
    fn korean_year_month_day() {
        assert_eq!(
            day("2024년 6월 19일 오후 3:00").as_deref(),
            Some("2024-06-19")
        );
    }

    #[test]
    fn british_order_and_abbreviations() {
        assert_eq!(day("20 April 2019").as_deref(), Some("2019-04-20"));
        assert_eq!(day("Sept. 10, 2017").as_deref(), Some("2017-09-10"));
        assert_eq!(
            day("Thursday 25th of April, 2019").as_deref(),
            Some("2019-04-25")
        );
    }

    #[test]
    fn no_year_no_date() {
        assert_eq!(day("SEOUL, April 20 (Yonhap) --"), None);
        assert_eq!(day("reported on Sept. 6 that"), None);
    }

    #[test]
    fn words_that_look_like_months_are_not() {
        assert_eq!(day("Mayor 20, 2019"), None);
    }

    #[test]
    fn impossible_days_are_rejected() {
        assert_eq!(day("2019-02-30"), None);
        assert_eq!(day("2019-13-01"), None);
    }

    #[test]
    fn updated_label_is_told_apart() {
        let hits = find_dates("Updated April. 20, 2019 07:39");
        assert_eq!(hits[0].label, Label::Updated);
        let hits = find_dates("입력 2024.06.19 09:00 수정 2024.06.20 10:00");
        assert_eq!(
            (hits[0].label, hits[1].label),
            (Label::Published, Label::Updated)
        );
    }

    #[test]
    fn stamp_lines_versus_sentences() {
        for line in [
            "Posted April. 20, 2019 07:39,",
            "튼씩이 2019. 4. 28. 13:52",
            "8:29 a.m. ET, April 25, 2019",
            "2019-04-20",
        ] {
            assert!(is_stamp_line(line, &find_dates(line)), "{line}");
        }
        let sentence = "Kim met Putin in Vladivostok on April 25, 2019, for talks.";
        assert!(!is_stamp_line(sentence, &find_dates(sentence)));
    }

    #[test]
    fn updated_counts_only_without_published() {
        let stamps = [
            Stamp {
                day: Day::new(2019, 4, 21).unwrap(),
                label: Label::Updated,
                line: 1,
            },
            Stamp {
                day: Day::new(2019, 4, 20).unwrap(),
                label: Label::Published,
                line: 2,
            },
        ];
        assert_eq!(
            pick_publication(&stamps).unwrap().day.to_string(),
            "2019-04-20"
        );
        assert_eq!(
            pick_publication(&stamps[..1]).unwrap().day.to_string(),
            "2019-04-21"
        );
        assert_eq!(pick_publication(&[]), None);
    }

    #[test]
    fn masthead_strip_shows_today() {
        assert!(is_masthead_strip("Thursday, April 25, 2019"));
        assert!(is_masthead_strip("Today 2019-04-25 Seoul 18°C"));
        assert!(!is_masthead_strip("Posted April. 20, 2019 07:39"));
    }

    #[test]
    fn meta_dates() {
        assert_eq!(
            parse_meta_date("2024-06-19T09:00:00+09:00")
                .unwrap()
                .to_string(),
            "2024-06-19"
        );
        assert_eq!(
            parse_meta_date("20240619").unwrap().to_string(),
            "2024-06-19"
        );
    }
}
