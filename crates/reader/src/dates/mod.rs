//! Publication dates: finds dates with a year in a line of text, tells whether a line is a date
//! stamp ("Posted …", "Veröffentlicht am …", "입력 …", a bare timestamp) and picks the publication
//! day from a page's stamps; reads the machine dates of metadata and URL paths. Dates in captions
//! and running text are events, not publication; knows nothing about outlets.
//!
//! # What is read, and what was decided
//! - **Languages.** English, German, French, Spanish, Italian, Portuguese, Russian, Ukrainian
//!   (month names full, abbreviated, with or without a dot, in the genitive the Slavic languages
//!   print: "19 июня 2024 г."), Korean, Japanese and Chinese (`2024年6月19日`, `2024년 6월 19일`,
//!   `2024.06.19`), with the stamp labels of each (`words`).
//! - **A year is always printed.** A date without a year is never completed; years before 1990
//!   or after 2100, month 13 and day 32 are not dates; a year alone, a range ("June 19–20,
//!   2024"), a season ("2024-25"), a number glued to letters or inside a longer chain of
//!   numbers (versions, phone numbers, IDs) is not a date.
//! - **Numeric order is decided per page.** `19/06/2024` and `06/19/2024` each say their order;
//!   `03/04/2024` does not. `find_dates` returns such a date with both readings
//!   ([`Reading::Either`]); [`DateOrder::of_page`] works out the page's order once, from every
//!   date the page prints and its language, and [`DateHit::day`] applies it. The evidence, in
//!   this order: numeric dates of the page that read one way only (the majority); the page's
//!   language when it writes numeric dates day first (German, French, Spanish, Italian,
//!   Portuguese, Russian, Ukrainian, and English as written in Britain, Ireland, Australia, New
//!   Zealand, India and South Africa); dates the page writes in words the way only day-first
//!   writers do (a day before a month name, a month name or stamp label of a day-first
//!   language). "An English page is American" is not evidence: English pages from everywhere
//!   write `lang="en-US"` (a CMS default) and "June 19, 2024" (Indian outlets, say, with
//!   numeric dates day first). With no evidence, `03/04/2024` gives no date. A dotted
//!   `03.04.2024` is read day first even then: that is how the languages that write dotted
//!   numeric dates write them (German, Russian, Ukrainian …), and the English style guides do not
//!   write dotted numeric dates.
//! - **Two-digit years** (`24.06.19`) are read only right after a stamp label, in the order of
//!   the label's language (Korean, Japanese, Chinese labels: year first; the European ones: day
//!   first; English: not at all, it writes both orders). `00`–`89` are 2000–2089, `90`–`99`
//!   1990–1999.
//! - **Japanese and ROC era years** (`令和6年`, `平成31年`, `令和元年`, `民國113年`) become
//!   Gregorian years; a date outside its era (`平成31年5月1日`) is not a date.
//! - **Times and zones do not move the day.** `2024-06-19T23:30:00-04:00` is June 19, the day the
//!   page printed, never converted to UTC: the day a reader of the outlet saw. Only a Unix
//!   timestamp, which has no local day, is read in UTC.

mod live;
mod machine;
mod scan;
mod words;

#[cfg(test)]
mod tests;

use crate::model::Day;
use crate::words::{more_chars_than, overlapping};
use aho_corasick::MatchKind;
use aho_corasick::dfa::DFA;
use std::sync::LazyLock;
use words::Script;

pub use live::live_blog_day;
pub use machine::{date_from_url, instant, parse_meta_date};
pub use words::{MONTH_NAMES, WEEKDAY_NAMES};

/// What a stamp says its date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Label {
    /// "Posted", "Published", "Publié le", "입력" …: the publication date.
    Published,
    /// "Updated", "Modified", "Aktualisiert", "수정" …: counts only when no publication stamp exists.
    Updated,
    /// A bare date or timestamp.
    Unlabeled,
}

/// Which day a date found in a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// The text says which day it is.
    Day(Day),
    /// A numeric date with the day and month before the year that reads both ways
    /// (`03/04/2024`): which one the page means is its [`DateOrder`].
    Either {
        day_first: Day,
        month_first: Day,
        /// Written with dots (`03.04.2024`), read day first when the page does not tell.
        dotted: bool,
    },
}

/// What one date says about the order in which its page writes numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderSign {
    /// Nothing: ISO and year-first forms, "June 19, 2024", a numeric date that reads both ways.
    None,
    /// A numeric date that reads day first only (`19/06/2024`).
    NumericDayFirst,
    /// A numeric date that reads month first only (`06/19/2024`).
    NumericMonthFirst,
    /// Words only day-first writers use: a day before a month name ("19 June 2024"), a month
    /// name or stamp label of a day-first language ("19. Juni", "Publié le").
    DayFirstWords,
}

/// The order in which a page writes numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// `19/06/2024`.
    DayFirst,
    /// `06/19/2024`.
    MonthFirst,
    /// The page does not tell: a date that reads both ways gives no day (dotted ones excepted).
    Unknown,
}

impl DateOrder {
    /// The page's order, from every date it prints and its language (a BCP 47 tag such as
    /// `de`, `en-GB`, when the page or its outlet declares one). See the module documentation
    /// for the evidence and its ranking.
    ///
    /// ```
    /// use reader::dates::{find_dates, DateOrder};
    /// let lines = ["Posted 03/04/2024", "The talks of 21/03/2024 failed."];
    /// let hits: Vec<_> = lines.iter().flat_map(|l| find_dates(l)).collect();
    /// let order = DateOrder::of_page(&hits, None);
    /// assert_eq!(order, DateOrder::DayFirst);
    /// assert_eq!(hits[0].day(order).unwrap().to_string(), "2024-04-03");
    /// assert_eq!(hits[0].day(DateOrder::Unknown), None);
    /// ```
    pub fn of_page<'a>(
        hits: impl IntoIterator<Item = &'a DateHit>,
        language: Option<&str>,
    ) -> DateOrder {
        let (mut day_first, mut month_first, mut words) = (0usize, 0usize, 0usize);
        for hit in hits {
            match hit.sign {
                OrderSign::NumericDayFirst => day_first += 1,
                OrderSign::NumericMonthFirst => month_first += 1,
                OrderSign::DayFirstWords => words += 1,
                OrderSign::None => {}
            }
        }
        if day_first != month_first {
            return if day_first > month_first {
                DateOrder::DayFirst
            } else {
                DateOrder::MonthFirst
            };
        }
        if language.is_some_and(writes_day_first) || words > 0 {
            DateOrder::DayFirst
        } else {
            DateOrder::Unknown
        }
    }
}

/// Whether a language tag names a language (or an English) that writes numeric dates day first.
fn writes_day_first(tag: &str) -> bool {
    let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
    let mut parts = tag.split('-');
    match parts.next() {
        Some("de" | "fr" | "es" | "it" | "pt" | "ru" | "uk") => true,
        // English as written in Europe and the Commonwealth (an outlet's country stands in
        // for a region the page does not declare).
        Some("en") => parts.any(|p| {
            matches!(
                p,
                "gb" | "ie"
                    | "au"
                    | "nz"
                    | "in"
                    | "za"
                    | "pk"
                    | "sg"
                    | "my"
                    | "hk"
                    | "il"
                    | "fr"
                    | "de"
                    | "es"
                    | "it"
                    | "pt"
                    | "nl"
                    | "be"
                    | "ch"
                    | "at"
                    | "se"
                    | "no"
                    | "dk"
                    | "fi"
                    | "pl"
                    | "cz"
                    | "ua"
                    | "ru"
                    | "tr"
                    | "gr"
                    | "eu"
            )
        }),
        _ => false,
    }
}

/// A date found in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateHit {
    pub reading: Reading,
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// What this date says about the order of the page's numeric dates.
    pub sign: OrderSign,
}

impl DateHit {
    /// The day, read in the page's order: `None` for a date that reads both ways on a page that
    /// does not tell its order (unless it is dotted).
    pub fn day(&self, order: DateOrder) -> Option<Day> {
        match self.reading {
            Reading::Day(day) => Some(day),
            Reading::Either {
                day_first,
                month_first,
                dotted,
            } => match order {
                DateOrder::DayFirst => Some(day_first),
                DateOrder::MonthFirst => Some(month_first),
                DateOrder::Unknown => dotted.then_some(day_first),
            },
        }
    }
}

/// Every date with a year in `line`, in order, each with the label that precedes it.
///
/// ```
/// use reader::dates::{find_dates, DateOrder, Label};
/// let hits = find_dates("Posted on : 2023-09-08 16:53 KST Modified on : 2023-09-09 10:00 KST");
/// assert_eq!(hits[0].day(DateOrder::Unknown).unwrap().to_string(), "2023-09-08");
/// assert_eq!(hits[0].label, Label::Published);
/// assert_eq!(hits[1].label, Label::Updated);
/// let hits = find_dates("Mis à jour le mercredi 19 juin 2024 à 15h30");
/// assert_eq!(hits[0].day(DateOrder::Unknown).unwrap().to_string(), "2024-06-19");
/// assert_eq!(hits[0].label, Label::Updated);
/// ```
pub fn find_dates(line: &str) -> Vec<DateHit> {
    // Most lines hold no date; a scan of their bytes says so without looking further.
    if !scan::worth_scanning(line) {
        return Vec::new();
    }
    scan::find(line)
}

/// The label words, as one automaton: a pass over the text instead of a search for each word.
static LABEL_WORDS: LazyLock<DFA> = LazyLock::new(|| {
    DFA::builder()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(words::LABELS.iter().map(|(w, _, _)| w))
        .expect("the label words compile")
});

/// The nearest publication or update word in the text before a date, and its language's order.
fn label_before(before: &str) -> (Label, Option<Script>) {
    // The last 41 characters of the lowercased text come from at most the last 41 of the text:
    // lowercase only those. (A 'Σ' cut from what precedes it may take the other form of σ, of
    // the same length, and no label word holds one.)
    let near = before.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let lower = before[near..].to_lowercase();
    let tail_start = lower.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let tail = &lower[tail_start..];
    // Where the last word of each kind starts: the latest start of any of its matches.
    let (mut published, mut updated) = (None, None);
    for m in overlapping(&*LABEL_WORDS, tail) {
        let (_, label, script) = words::LABELS[m.pattern().as_usize()];
        if script == Script::YearFirst && !ends_cjk_label(&tail[m.end()..]) {
            continue;
        }
        let last = if label == Label::Published {
            &mut published
        } else {
            &mut updated
        };
        if last.is_none_or(|(at, _)| m.start() >= at) {
            *last = Some((m.start(), script));
        }
    }
    match (published, updated) {
        (Some((p, _)), Some((u, script))) if u > p => (Label::Updated, Some(script)),
        (Some((_, script)), _) => (Label::Published, Some(script)),
        (None, Some((_, script))) => (Label::Updated, Some(script)),
        (None, None) => (Label::Unlabeled, None),
    }
}

/// Whether the text after a Korean, Japanese or Chinese label word lets it be a label: those
/// scripts write no spaces, so "수정안을" (the amendment) and "更新した" (renewed) hold a label
/// word that is none. A label is followed by a space, punctuation, a digit, or the day or time
/// word of "등록일", "입력시간", "公開日", "更新時間", "发布时间", "发布于".
fn ends_cjk_label(after: &str) -> bool {
    after.chars().next().is_none_or(|c| {
        !crate::words::is_alphanumeric(c)
            || c.is_ascii_digit()
            || matches!(c, '일' | '시' | '日' | '時' | '时' | '于' | '於')
    })
}

/// Whether a word written without spaces holds a stamp label ("기사입력", "公開日").
fn holds_cjk_label(lower: &str) -> bool {
    words::LABELS.iter().any(|(label, _, script)| {
        *script == Script::YearFirst
            && lower
                .match_indices(label)
                .any(|(at, l)| ends_cjk_label(&lower[at + l.len()..]))
    })
}

/// The language order of the stamp label that the text ends with ("입력 ", "Stand: ",
/// "Veröffentlicht am "), or `None` when it does not end with one.
fn label_right_before(before: &str) -> Option<Script> {
    let near = before.char_indices().rev().nth(30).map_or(0, |(i, _)| i);
    let mut tail = before[near..].to_lowercase();
    let trim = |t: &mut String| {
        let kept = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '|' | '：'));
        t.truncate(kept.len());
    };
    trim(&mut tail);
    // A preposition between the label and the date: "am", "le", "on", "el", "il", "em", "в".
    if let Some((head, last)) = tail.rsplit_once(' ')
        && matches!(last, "am" | "le" | "on" | "el" | "il" | "em" | "в" | "at")
    {
        tail.truncate(head.len());
        trim(&mut tail);
    }
    words::LABELS
        .iter()
        .find(|(w, _, _)| tail.ends_with(w.trim_end_matches(':')))
        .map(|(_, _, script)| *script)
}

/// Whether a line is nothing but a date stamp: once dates, times, zones, weekdays and stamp
/// words are taken away, little text is left (a poster's name, a dateline city).
pub fn is_stamp_line(line: &str, hits: &[DateHit]) -> bool {
    if hits.is_empty() || more_chars_than(line, 120) {
        return false;
    }
    let is_word_char = |c: char| crate::words::is_alphanumeric(c) || matches!(c, '\'' | '’' | 'ʼ');
    let mut left = 0;
    let mut last = 0;
    let outside = hits
        .iter()
        .map(|h| {
            let part = &line[last..h.start];
            last = h.end;
            part
        })
        .collect::<Vec<_>>();
    // The name after "by" in a credit that shares the stamp's line ("Edited by A B (with inputs
    // from agencies) Updated: …"): up to three capitalised words.
    let mut name_left = 0;
    // A dateline's label and place after the date ("2018年6月18日 10:01　発信地：カノ"): the
    // place of a dispatch, not text.
    let end = line.find("発信地").unwrap_or(line.len()).max(last);
    for part in outside.into_iter().chain([&line[last..end]]) {
        for word in part
            .split(|c| !is_word_char(c))
            .flat_map(unglue)
            .filter(|w| !w.is_empty())
        {
            if word.bytes().any(|b| b.is_ascii_digit()) {
                // Times, zone offsets, counters.
                continue;
            }
            let lower = word.to_lowercase();
            if name_left > 0 && word.starts_with(char::is_uppercase) {
                name_left -= 1;
                continue;
            }
            name_left = 0;
            if lower == "by" {
                name_left = 3;
                continue;
            }
            if words::STAMP_WORDS.contains(lower.as_str())
                || CREDIT_WORDS.contains(&lower.as_str())
                || !word.is_ascii() && holds_cjk_label(&lower)
            {
                continue;
            }
            left += word
                .chars()
                .filter(|&c| crate::words::is_alphanumeric(c))
                .count();
        }
    }
    let all = line
        .chars()
        .filter(|&c| crate::words::is_alphanumeric(c))
        .count();
    // What is left is at most a short name (a poster, an agency: "KYODO NEWS") or a small share.
    left <= 12 || left * 10 <= all * 4
}

/// Words of a credit that may share a stamp's line: "Edited by …", "with inputs from agencies".
const CREDIT_WORDS: &[&str] = &[
    "edited", "written", "reported", "compiled", "with", "inputs", "from", "agencies", "agency",
];

/// A word split where a copied page lost the break between two ("IndiaEdited" is "India" and
/// "Edited"): before a capital that follows a small letter.
fn unglue(word: &str) -> impl Iterator<Item = &str> {
    let mut cuts: Vec<usize> = word
        .char_indices()
        .zip(word.chars().skip(1))
        .filter(|&((_, a), b)| a.is_lowercase() && b.is_uppercase())
        .map(|((i, a), _)| i + a.len_utf8())
        .collect();
    cuts.push(word.len());
    let mut from = 0;
    cuts.into_iter().map(move |to| {
        let part = &word[from..to];
        from = to;
        part
    })
}

/// Whether a stamp line is a masthead strip showing today's date rather than a publication
/// stamp: it names today or the weather, or a weekday without saying "published" or "updated".
pub fn is_masthead_strip(line: &str) -> bool {
    let lower = line.to_lowercase();
    if words::TODAY_WORDS.iter().any(|w| lower.contains(w)) {
        return true;
    }
    let weekday = lower
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | 'ʼ' | '-')))
        .any(words::names_weekday);
    weekday && overlapping(&*LABEL_WORDS, &lower).next().is_none()
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
