//! Finding the dates of one line: a test on its bytes that most lines fail at once, then tokens
//! (numbers, words, punctuation, spaces) and the forms read off them around every year. Owns the
//! forms and their traps; what a date means for the page (its order, its label) is decided by
//! the caller.

use super::words::{self, Script};
use super::{DateHit, OrderSign, Reading};
use crate::model::Day;
use crate::words::find_byte;

/// The years a date may have: the web's news pages, with room ahead.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// Whether a line can hold a date at all: a run of exactly four ASCII digits (every year but
/// the forms below), a two-digit `yy.mm.dd` shape (read only after a stamp label), or, in a
/// line with non-ASCII text, full-width digits or `年` (Japanese era years, CJK dates written
/// with full-width digits). Runs as a vectorised byte scan; most lines stop here.
pub(crate) fn worth_scanning(line: &str) -> bool {
    // One pass for digits and for the lead bytes of '年' (E5 B9 B4) and of the full-width
    // digits (EF BC 90..99); Hangul never leads with either, so Korean lines pass quickly.
    let bytes = line.as_bytes();
    let mut at = 0;
    while let Some(i) = find_byte(bytes, at, |b| {
        b.wrapping_sub(b'0') < 10 || b == 0xE5 || b == 0xEF
    }) {
        match bytes[i] {
            0xE5 | 0xEF => {
                match (bytes[i], bytes.get(i + 1..i + 3)) {
                    (0xE5, Some([0xB9, 0xB4])) | (0xEF, Some([0xBC, 0x90..=0x99])) => return true,
                    _ => {}
                }
                at = i + 1;
            }
            _ => {
                let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                if run == 4
                    || run == 2 && short_shape(&bytes[i..])
                    || (5..=6).contains(&run) && bytes.get(i + run) == Some(&b':')
                {
                    return true;
                }
                at = i + run;
            }
        }
    }
    false
}

/// Whether bytes open with `dd.dd.dd` (or `/`, `-`) not followed by another digit.
fn short_shape(b: &[u8]) -> bool {
    b.len() >= 8
        && matches!(b[2], b'.' | b'/' | b'-')
        && b[5] == b[2]
        && [3, 4, 6, 7].iter().all(|&k| b[k].is_ascii_digit())
        && !b.get(8).is_some_and(u8::is_ascii_digit)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of digits (ASCII or full-width): its value (saturated) and length.
    Num(u32, u8),
    /// A run of letters of any script (Han and Hangul included, but not the date marks).
    Word,
    /// Any other character, full-width punctuation folded to ASCII; the CJK date marks
    /// 年月日 and 년월일 are punctuation here.
    Punct(char),
    /// A run of white space.
    Space,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

fn fold(c: char) -> char {
    match c {
        '／' => '/',
        '．' => '.',
        '－' => '-',
        '：' => ':',
        '，' => ',',
        '（' => '(',
        '）' => ')',
        _ => c,
    }
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '년' | '월' | '일')
}

/// Hangul, kana and Han: scripts written without spaces, so a number may touch their words.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}')
}

fn tokenize(line: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(line.len() / 3 + 1);
    for (i, c) in line.char_indices() {
        let end = i + c.len_utf8();
        let kind = if let Some(d) = digit(c) {
            if let Some(last) = tokens.last_mut()
                && let Kind::Num(v, n) = last.kind
                && last.end == i
            {
                last.kind = Kind::Num(v.saturating_mul(10).saturating_add(d), n.saturating_add(1));
                last.end = end;
                continue;
            }
            Kind::Num(d, 1)
        } else if c.is_whitespace() {
            Kind::Space
        } else if is_mark(c) {
            Kind::Punct(c)
        } else if c.is_alphabetic() || c == 'º' || c == 'ª' {
            Kind::Word
        } else {
            Kind::Punct(fold(c))
        };
        if let Some(last) = tokens.last_mut()
            && last.end == i
            && matches!(
                (last.kind, kind),
                (Kind::Space, Kind::Space) | (Kind::Word, Kind::Word)
            )
        {
            last.end = end;
            continue;
        }
        tokens.push(Token {
            kind,
            start: i,
            end,
        });
    }
    unglue_years(line, &mut tokens);
    tokens
}

/// A year run into the hour after it, as pages lose the space between a date and its time
/// ("December 15, 20163:33 PM"): five or six digits right before a `:` and two digits are split
/// into the year, an empty space and the hour, when the first four are a year and the rest an
/// hour.
fn unglue_years(line: &str, tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i + 2 < tokens.len() {
        let t = tokens[i];
        if let Kind::Num(v, n @ 5..=6) = t.kind
            && line[t.start..t.end].is_ascii()
            && tokens[i + 1].kind == Kind::Punct(':')
            && matches!(tokens[i + 2].kind, Kind::Num(_, 2))
        {
            let tens = 10u32.pow(u32::from(n) - 4);
            let (year, hour) = (v / tens, v % tens);
            if YEARS.contains(&(year as i32)) && hour < 24 {
                let cut = t.start + 4;
                tokens[i] = Token {
                    kind: Kind::Num(year, 4),
                    start: t.start,
                    end: cut,
                };
                // The space the page lost, empty, between them.
                tokens.splice(
                    i + 1..i + 1,
                    [
                        Token {
                            kind: Kind::Space,
                            start: cut,
                            end: cut,
                        },
                        Token {
                            kind: Kind::Num(hour, n - 4),
                            start: cut,
                            end: t.end,
                        },
                    ],
                );
            }
        }
        i += 1;
    }
}

/// The tokens of a line and the line, with the tests the forms share.
struct Tokens<'a> {
    line: &'a str,
    t: Vec<Token>,
}

impl Tokens<'_> {
    fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }

    /// A number of one or two digits at `i`.
    fn small(&self, i: usize) -> Option<u32> {
        match self.kind(i)? {
            Kind::Num(v, 1 | 2) => Some(v),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.kind(i)? {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn is_space(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Space)
    }

    fn word(&self, i: usize) -> Option<&str> {
        (self.kind(i)? == Kind::Word).then(|| &self.line[self.t[i].start..self.t[i].end])
    }

    /// Index after `i`, past one space token if there is one.
    fn skip_space(&self, i: usize) -> usize {
        if self.is_space(i) { i + 1 } else { i }
    }

    /// Index before `i`, past one space token if there is one (`None` at the line's start).
    fn skip_space_back(&self, i: usize) -> Option<usize> {
        if self.is_space(i) {
            i.checked_sub(1)
        } else {
            Some(i)
        }
    }

    /// Whether a letter or digit of a spaced script touches token `i` on its left: the number is
    /// part of a word ("v2024", "A19"). (Tokens cover the line, so neighbours touch.)
    fn glued_before(&self, i: usize) -> bool {
        i > 0
            && match self.t[i - 1].kind {
                Kind::Num(..) => true,
                Kind::Word => self.line[..self.t[i].start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !is_cjk(c)),
                _ => false,
            }
    }

    /// Whether a letter of a spaced script touches token `i` on its right. A capitalised word
    /// does not: the page lost the space between two of its elements ("February 24,
    /// 2020Last updated …"); a lowercase letter does ("2020s").
    fn glued_after(&self, i: usize) -> bool {
        i + 1 < self.t.len()
            && match self.t[i + 1].kind {
                Kind::Num(..) => true,
                Kind::Word => {
                    let mut next = self.line[self.t[i].end..].chars();
                    let (first, second) = (next.next(), next.next());
                    first.is_some_and(|c| !is_cjk(c))
                        && !(first.is_some_and(char::is_uppercase)
                            && second.is_some_and(char::is_lowercase))
                }
                _ => false,
            }
    }

    /// Whether token `i` continues a chain of numbers to its left ("1.19.06.2024", a range
    /// "18–19.06.2024", "10:30/06/2024"): a separator touching it with a number before that.
    fn chained_before(&self, i: usize) -> bool {
        i >= 2
            && matches!(
                self.punct(i - 1),
                Some('.' | '/' | '-' | '_' | ':' | '–' | '—')
            )
            && matches!(self.kind(i - 2), Some(Kind::Num(..)))
    }

    /// Whether token `i` continues a chain of numbers to its right.
    fn chained_after(&self, i: usize) -> bool {
        i + 2 < self.t.len()
            && matches!(self.punct(i + 1), Some('.' | '/' | '-' | '_' | '–' | '—'))
            && matches!(self.kind(i + 2), Some(Kind::Num(..)))
    }

    fn year(&self, i: usize) -> Option<i32> {
        match self.kind(i)? {
            Kind::Num(v, 4) if YEARS.contains(&(v as i32)) => Some(v as i32),
            _ => None,
        }
    }
}

/// A date found, before its label is known.
struct Found {
    reading: Reading,
    start: usize,
    end: usize,
    sign: OrderSign,
}

fn found(day: Option<Day>, start: usize, end: usize, sign: OrderSign) -> Option<Found> {
    let day = day.filter(|d| YEARS.contains(&i32::from(d.year)))?;
    Some(Found {
        reading: Reading::Day(day),
        start,
        end,
        sign,
    })
}

/// Every date with a year in a line, in order, labelled.
pub(crate) fn find(line: &str) -> Vec<DateHit> {
    let tokens = Tokens {
        line,
        t: tokenize(line),
    };
    let mut hits: Vec<Found> = Vec::new();
    let mut push = |f: Option<Found>| {
        if let Some(f) = f
            && !hits.iter().any(|h| f.start < h.end && h.start < f.end)
        {
            hits.push(f);
        }
    };
    // Era names are written in Han characters.
    let eras = !line.is_ascii();
    for i in 0..tokens.t.len() {
        match tokens.t[i].kind {
            Kind::Num(_, 4) if tokens.year(i).is_some() => {
                push(
                    numeric_before(&tokens, i)
                        .or_else(|| words_before(&tokens, i))
                        .or_else(|| year_first(&tokens, i)),
                );
            }
            Kind::Num(_, 2) => push(two_digit_year(&tokens, i)),
            Kind::Word if eras => push(era(&tokens, i)),
            _ => {}
        }
    }
    hits.sort_by_key(|h| h.start);
    let mut segment_start = 0;
    hits.into_iter()
        .map(|h| {
            let (label, script) = super::label_before(&line[segment_start..h.start]);
            segment_start = h.end;
            let sign = if h.sign == OrderSign::None && script == Some(Script::DayFirst) {
                OrderSign::DayFirstWords
            } else if h.sign == OrderSign::None && matches!(h.reading, Reading::Either { .. }) {
                zone_sign(&line[h.end..])
            } else {
                h.sign
            };
            DateHit {
                reading: h.reading,
                start: h.start,
                end: h.end,
                label,
                sign,
            }
        })
        .collect()
}

/// What the time zone printed after a stamp says of its order: the zones of North America
/// ("10/11/2022 08:00 AM EDT") go with month-first dates, those of Europe and India
/// ("06/01/2026 - 13:55 CET", "GMT+1", "IST") with day-first ones.
fn zone_sign(after: &str) -> OrderSign {
    let near = after
        .char_indices()
        .nth(24)
        .map_or(after, |(i, _)| &after[..i]);
    let mut words = near
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '+')
        .filter(|w| !w.is_empty());
    let american = [
        "EDT", "EST", "CDT", "CST", "MDT", "MST", "PDT", "PST", "ET", "PT", "CT",
    ];
    let european = [
        "BST", "CET", "CEST", "EET", "EEST", "WET", "WEST", "MSK", "IST", "AEST", "AEDT",
    ];
    words
        .find_map(|w| {
            if american.contains(&w) {
                Some(OrderSign::NumericMonthFirst)
            } else if european.contains(&w) || w.starts_with("GMT+") {
                Some(OrderSign::NumericDayFirst)
            } else {
                None
            }
        })
        .unwrap_or(OrderSign::None)
}

/// `2024-06-19`, `2024/6/19`, `2024.06.19`, `2024. 6. 19.`, `2024-06-19T23:30:00-04:00`,
/// `2024年6月19日`, `2024년 6월 19일`, starting at the year `y`.
fn year_first(t: &Tokens<'_>, y: usize) -> Option<Found> {
    if t.glued_before(y) || t.chained_before(y) {
        return None;
    }
    let year = t.year(y)?;
    if let Some(found) = cjk_date(t, year, y + 1, t.t[y].start) {
        return Some(found);
    }
    let sep = t.punct(y + 1).filter(|c| matches!(c, '-' | '/' | '.'))?;
    // Only a dot may be followed by a space ("2024. 6. 19.").
    let after_sep = |i: usize| if sep == '.' { t.skip_space(i) } else { i };
    let m_at = after_sep(y + 2);
    let month = t.small(m_at)?;
    if t.punct(m_at + 1) != Some(sep) {
        return None;
    }
    let d_at = after_sep(m_at + 2);
    let day = t.small(d_at)?;
    // A URL's path, not a stamp.
    if sep == '/' && (y > 0 && t.punct(y - 1) == Some('/') || t.punct(d_at + 1) == Some('/')) {
        return None;
    }
    if t.chained_after(d_at) && !time_follows(t, d_at) {
        return None;
    }
    if t.glued_after(d_at) && !iso_time_follows(t, d_at) {
        return None;
    }
    found(
        Day::new(year, month, day),
        t.t[y].start,
        t.t[d_at].end,
        OrderSign::None,
    )
}

/// `2024.06.19.15:30`: the number after the day is an hour.
fn time_follows(t: &Tokens<'_>, d: usize) -> bool {
    matches!(t.punct(d + 1), Some('.' | '-')) && t.punct(d + 3) == Some(':')
}

/// `2024-06-19T23:30`: an ISO time after the day.
fn iso_time_follows(t: &Tokens<'_>, d: usize) -> bool {
    t.word(d + 1) == Some("T") && matches!(t.kind(d + 2), Some(Kind::Num(_, 2)))
}

/// `年 6 月 19 日` (or `년 월 일`) after a year: the rest of a CJK date, from token `at`.
fn cjk_date(t: &Tokens<'_>, year: i32, at: usize, start: usize) -> Option<Found> {
    let mark = |i: usize, marks: [char; 2]| t.punct(i).is_some_and(|c| marks.contains(&c));
    let y_mark = t.skip_space(at);
    if !mark(y_mark, ['年', '년']) {
        return None;
    }
    let m_at = t.skip_space(y_mark + 1);
    let month = t.small(m_at)?;
    let m_mark = t.skip_space(m_at + 1);
    if !mark(m_mark, ['月', '월']) {
        return None;
    }
    let d_at = t.skip_space(m_mark + 1);
    let day = t.small(d_at)?;
    let d_mark = t.skip_space(d_at + 1);
    if !mark(d_mark, ['日', '일']) {
        return None;
    }
    found(
        Day::new(year, month, day),
        start,
        t.t[d_mark].end,
        OrderSign::None,
    )
}

/// `令和6年6月19日`, `平成31年4月30日`, `令和元年5月1日`, `民國113年6月19日`: a Japanese era
/// year (Heisei from 1989 to 30 April 2019, Reiwa from 1 May 2019) or a Republic of China year,
/// converted to the Gregorian year. A date outside its era is not a date.
fn era(t: &Tokens<'_>, w: usize) -> Option<Found> {
    const ERAS: [(&str, i32); 4] = [
        ("令和", 2018),
        ("平成", 1988),
        ("民國", 1911),
        ("民国", 1911),
    ];
    let word = t.word(w)?;
    let (name, offset) = ERAS.iter().find(|(name, _)| {
        word.ends_with(name) || word.strip_suffix('元').is_some_and(|w| w.ends_with(name))
    })?;
    // "元年" is the first year of an era.
    let (n, at, start) = if word.ends_with(name) {
        let n_at = t.skip_space(w + 1);
        match t.kind(n_at)? {
            Kind::Num(v, 1..=3) => (v as i32, n_at + 1, t.t[w].end - name.len()),
            _ => return None,
        }
    } else {
        (1, w + 1, t.t[w].end - name.len() - '元'.len_utf8())
    };
    let found = cjk_date(t, offset + n, at, start)?;
    let Reading::Day(day) = found.reading else {
        return None;
    };
    let (first, last) = match *name {
        "令和" => (Day::new(2019, 5, 1), None),
        "平成" => (Day::new(1989, 1, 8), Day::new(2019, 4, 30)),
        _ => (None, None),
    };
    if first.is_some_and(|f| day < f) || last.is_some_and(|l| day > l) {
        return None;
    }
    Some(found)
}

/// `19.06.2024`, `19. 6. 2024`, `19/06/2024`, `06/19/2024`, `19-06-2024`, ending at the year
/// `y`: the day and month in an order the string may not tell.
fn numeric_before(t: &Tokens<'_>, y: usize) -> Option<Found> {
    let year = t.year(y)?;
    // Only a dot may be followed by a space ("19. 6. 2024").
    let sep_before = |i: usize| -> Option<usize> {
        if t.is_space(i) {
            let s = i.checked_sub(1)?;
            (t.punct(s) == Some('.')).then_some(s)
        } else {
            Some(i)
        }
    };
    let s2 = sep_before(y.checked_sub(1)?)?;
    let sep = t.punct(s2).filter(|c| matches!(c, '-' | '/' | '.'))?;
    let b_at = s2.checked_sub(1)?;
    let b = t.small(b_at)?;
    let s1 = sep_before(b_at.checked_sub(1)?)?;
    if t.punct(s1) != Some(sep) {
        return None;
    }
    let a_at = s1.checked_sub(1)?;
    let a = t.small(a_at)?;
    if t.glued_before(a_at)
        || t.chained_before(a_at)
        || t.glued_after(y)
        || t.chained_after(y)
        || sep == '/' && (a_at > 0 && t.punct(a_at - 1) == Some('/') || t.punct(y + 1) == Some('/'))
    {
        return None;
    }
    let day_first = Day::new(year, b, a);
    let month_first = Day::new(year, a, b);
    let (start, end) = (t.t[a_at].start, t.t[y].end);
    let (reading, sign) = match (day_first, month_first) {
        (Some(d), Some(m)) if d == m => (Reading::Day(d), OrderSign::None),
        (Some(d), Some(m)) => (
            Reading::Either {
                day_first: d,
                month_first: m,
                dotted: sep == '.',
            },
            OrderSign::None,
        ),
        (Some(d), None) => (Reading::Day(d), OrderSign::NumericDayFirst),
        (None, Some(m)) => (Reading::Day(m), OrderSign::NumericMonthFirst),
        (None, None) => return None,
    };
    Some(Found {
        reading,
        start,
        end,
        sign,
    })
}

/// Small words between a day, a month word and a year: "de", "del", "of".
fn is_link_word(w: &str) -> bool {
    matches!(w, "de" | "del" | "of" | "De" | "Of")
}

/// Ordinal endings after a day: "19th", "1st", "1er", "1º".
fn is_ordinal(w: &str) -> bool {
    matches!(
        w,
        "st" | "nd"
            | "rd"
            | "th"
            | "er"
            | "re"
            | "ère"
            | "º"
            | "ª"
            | "o"
            | "ST"
            | "ND"
            | "RD"
            | "TH"
    )
}

/// `June 19, 2024`, `Sept. 10, 2017`, `19 June 2024`, `19. Juni 2024`, `1er juin 2024`,
/// `19 de junio de 2024`, `19 июня 2024`, `11-Sep-2016`, `Thursday 25th of April, 2019`,
/// ending at the year `y`.
fn words_before(t: &Tokens<'_>, y: usize) -> Option<Found> {
    let year = t.year(y)?;
    if t.glued_after(y) {
        return None;
    }
    // Back from the year over ", ", " de ", "-", ". " to a month word or a day.
    let i = skip_links_back(t, y, |k| matches!(k, ',' | '.' | '-' | '/'))?;
    let end = t.t[y].end;
    if let Some(month) = t.word(i).and_then(words::month_word) {
        // Day before the month word: back over " ", ". ", "-", "th of ", " de ".
        let d = skip_links_back(t, i, |k| matches!(k, '.' | '-' | '/' | '°'))?;
        let day = t.small(d)?;
        if t.glued_before(d) || is_range_end(t, d) {
            return None;
        }
        return found(
            Day::new(year, month.month, day),
            t.t[d].start,
            end,
            OrderSign::DayFirstWords,
        );
    }
    // Month word before the day: "June 19", "Sept. 10", "April. 20".
    let day = t.small(i)?;
    let mut m = i.checked_sub(1)?;
    if !t.is_space(m) {
        return None;
    }
    m = m.checked_sub(1)?;
    if t.punct(m) == Some('.') {
        m = m.checked_sub(1)?;
    }
    let month = t.word(m).and_then(words::month_word)?;
    let sign = if month.day_first {
        OrderSign::DayFirstWords
    } else {
        OrderSign::None
    };
    found(Day::new(year, month.month, day), t.t[m].start, end, sign)
}

/// The token before `from`, back over at most five links: spaces, the punctuation `punct`
/// allows, "de", "del", "of" and ordinal endings after a number. `None` when no link was
/// passed (a date's parts are never glued: "19June").
fn skip_links_back(t: &Tokens<'_>, from: usize, punct: impl Fn(char) -> bool) -> Option<usize> {
    let mut i = from.checked_sub(1)?;
    for _ in 0..5 {
        let link = match t.kind(i)? {
            Kind::Space => true,
            Kind::Punct(c) => punct(c),
            Kind::Word => t.word(i).is_some_and(|w| {
                is_link_word(w) || is_ordinal(w) && i > 0 && t.small(i - 1).is_some()
            }),
            Kind::Num(..) => false,
        };
        if !link {
            break;
        }
        i = i.checked_sub(1)?;
    }
    (i + 1 != from).then_some(i)
}

/// Whether the day at `d` ends a range of days ("19–20 June", "19-20 juin", "19/20").
fn is_range_end(t: &Tokens<'_>, d: usize) -> bool {
    let Some(before) = d.checked_sub(1).and_then(|i| t.skip_space_back(i)) else {
        return false;
    };
    matches!(t.punct(before), Some('-' | '–' | '—' | '/' | '~' | '～'))
        && before
            .checked_sub(1)
            .and_then(|i| t.skip_space_back(i))
            .is_some_and(|i| matches!(t.kind(i), Some(Kind::Num(..))))
}

/// `24.06.19`, `19.06.24`: a two-digit year, read only right after a stamp label, in the order
/// the label's language writes (Korean, Japanese, Chinese: year first; the European languages
/// here: day first). After an English label, or none, it is not a date: English writes both
/// `06/19/24` and `19/06/24`, and without a label the numbers may be anything.
fn two_digit_year(t: &Tokens<'_>, a_at: usize) -> Option<Found> {
    let sep = t.punct(a_at + 1).filter(|c| matches!(c, '-' | '/' | '.'))?;
    let b = match t.kind(a_at + 2)? {
        Kind::Num(v, 2) => v,
        _ => return None,
    };
    let c_at = a_at + 4;
    let c = match t.kind(c_at)? {
        Kind::Num(v, 2) => v,
        _ => return None,
    };
    let a = match t.kind(a_at)? {
        Kind::Num(v, 2) => v,
        _ => return None,
    };
    if t.punct(a_at + 3) != Some(sep)
        || t.glued_before(a_at)
        || t.chained_before(a_at)
        || t.glued_after(c_at)
        || t.chained_after(c_at) && !time_follows(t, c_at)
    {
        return None;
    }
    let script = super::label_right_before(&t.line[..t.t[a_at].start])?;
    let century = |yy: u32| if yy >= 90 { 1900 + yy } else { 2000 + yy } as i32;
    let day = match script {
        Script::YearFirst => Day::new(century(a), b, c),
        Script::DayFirst => Day::new(century(c), b, a),
        Script::English => None,
    };
    found(day, t.t[a_at].start, t.t[c_at].end, OrderSign::None)
}
