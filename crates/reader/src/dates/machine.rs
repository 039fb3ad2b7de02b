//! Dates written for machines: the values of meta tags and JSON-LD (`datePublished`,
//! `article:published_time` …) and the date in a URL's path. Never reads running text; a value
//! that could mean two days gives none.

use super::scan::YEARS;
use super::{DateOrder, find_dates};
use crate::model::Day;

/// Reads a machine date from HTML metadata: ISO 8601 with or without time and zone
/// (`2024-06-19T09:00:00+09:00`, `2024-06-19 09:00:00`), `20240619`, `20240619T090000Z`,
/// `202406190900` and `20240619090000`, RFC 2822 (`Wed, 19 Jun 2024 09:00:00 +0900`), any form
/// `find_dates` reads (`June 19, 2024`, `19.06.2024`), and Unix timestamps of 10 digits
/// (seconds) or 13 (milliseconds), read in UTC, from 2001 to 2100. A 10- or 13-digit value that
/// opens with a `yyyymmdd` day is not read: it could be that day and a serial or a clock. The day is the one written, its
/// zone aside (see the module documentation).
///
/// ```
/// use reader::dates::parse_meta_date;
/// let day = |v| parse_meta_date(v).map(|d| d.to_string());
/// assert_eq!(day("2024-06-19T23:30:00-04:00").as_deref(), Some("2024-06-19"));
/// assert_eq!(day("Wed, 19 Jun 2024 09:00:00 +0900").as_deref(), Some("2024-06-19"));
/// assert_eq!(day("1718787600").as_deref(), Some("2024-06-19"));
/// assert_eq!(day("03/04/2024"), None);
/// ```
pub fn parse_meta_date(value: &str) -> Option<Day> {
    let v = value.trim();
    let digits = v.bytes().take_while(u8::is_ascii_digit).count();
    if digits == v.len() {
        return all_digits(v);
    }
    if digits == 8 && v.as_bytes()[8] == b'T' {
        return compact(v, 8);
    }
    find_dates(v)
        .first()
        .and_then(|h| h.day(DateOrder::Unknown))
        .or_else(|| clock_before_year(v))
}

/// The form C's `asctime` and Java's `Date.toString` write, the clock and zone between the day
/// and the year: "Fri Apr 28 19:20:36 CEST 2023".
fn clock_before_year(v: &str) -> Option<Day> {
    let t: Vec<&str> = v.split_whitespace().collect();
    let year = t.last()?;
    if !(5..=6).contains(&t.len())
        || year.len() != 4
        || !year.bytes().all(|b| b.is_ascii_digit())
        || !t[3].contains(':')
    {
        return None;
    }
    find_dates(&format!("{} {}, {year}", t[1], t[2]))
        .first()
        .and_then(|h| h.day(DateOrder::Unknown))
}

/// The instant an ISO 8601 timestamp with a zone names ("2017-02-23T17:18:13-08:00",
/// "2017-02-24T01:18:13Z"): minutes since 1970 in UTC, and whether the zone was UTC itself.
/// None without a clock or a zone.
pub fn instant(value: &str) -> Option<(i64, bool)> {
    let v = value.trim().as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let digits = v.get(from..from + len)?;
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    };
    if v.get(4) != Some(&b'-') || v.get(7) != Some(&b'-') || !matches!(v.get(10), Some(b'T' | b' '))
    {
        return None;
    }
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (hour, minute) = (num(11, 2)?, num(14, 2)?);
    if v.get(13) != Some(&b':') || !(1..=12).contains(&month) || hour > 23 || minute > 59 {
        return None;
    }
    // Seconds and their fraction, then the zone.
    let mut at = 16;
    while v
        .get(at)
        .is_some_and(|b| b.is_ascii_digit() || *b == b':' || *b == b'.')
    {
        at += 1;
    }
    let offset = match v.get(at)? {
        b'Z' | b'z' => 0,
        sign @ (b'+' | b'-') => {
            let h = num(at + 1, 2)?;
            let m = if v.get(at + 3) == Some(&b':') {
                num(at + 4, 2)?
            } else {
                num(at + 3, 2).unwrap_or(0)
            };
            if *sign == b'-' {
                -(h * 60 + m)
            } else {
                h * 60 + m
            }
        }
        _ => return None,
    };
    // Days from the civil date (the proleptic Gregorian calendar's "days from civil").
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((days * 1440 + hour * 60 + minute - offset, offset == 0))
}

/// A value of digits only: `yyyymmdd`, `yyyymmddhhmm`, `yyyymmddhhmmss`, or a Unix timestamp.
fn all_digits(v: &str) -> Option<Day> {
    match v.len() {
        8 | 12 | 14 => compact(v, v.len()),
        // A value that opens with a `yyyymmdd` day may be that day with a serial number or a
        // clock after it (the Unix times that look so fall in 2030–2036).
        10 | 13 if compact(v, 8).is_some() => None,
        10 => unix_day(v.parse::<i64>().ok()?),
        13 => unix_day(v.parse::<i64>().ok()? / 1000),
        _ => None,
    }
}

/// `yyyymmdd` followed by up to three two-digit clock fields (`hh`, `mm`, `ss`) in the first
/// `len` bytes of `v`, all valid.
fn compact(v: &str, len: usize) -> Option<Day> {
    let n = |at: usize| v.get(at..at + 2)?.parse::<u32>().ok();
    let clock_ok = (8..len)
        .step_by(2)
        .zip([23, 59, 60])
        .all(|(at, max)| n(at).is_some_and(|x| x <= max));
    let day = Day::new(v.get(0..4)?.parse().ok()?, n(4)?, n(6)?)?;
    (clock_ok && YEARS.contains(&i32::from(day.year))).then_some(day)
}

/// The UTC day of a Unix time in seconds, within the years dates may have.
fn unix_day(seconds: i64) -> Option<Day> {
    if !(1_000_000_000..4_200_000_000).contains(&seconds) {
        return None;
    }
    let mut days = seconds / 86_400;
    let mut year = 1970;
    loop {
        let length = if Day::new(year, 2, 29).is_some() {
            366
        } else {
            365
        };
        if days < length {
            break;
        }
        days -= length;
        year += 1;
    }
    for month in 1..=12 {
        let length = (28..=31)
            .rev()
            .find(|&d| Day::new(year, month, d).is_some())?;
        if days < i64::from(length) {
            return Day::new(year, month, days as u32 + 1)
                .filter(|d| YEARS.contains(&i32::from(d.year)));
        }
        days -= i64::from(length);
    }
    None
}

/// The date in a URL's path: three segments `yyyy/mm/dd` (`/2024/06/19/`, `/2024/6/9/`) or one
/// segment `yyyymmdd` or `yyyy-mm-dd`. Only these unambiguous forms: a year and month without
/// a day, a longer run of digits (an article ID such as `/2024061912345`) or the host, query and
/// fragment give nothing.
///
/// ```
/// use reader::dates::date_from_url;
/// let day = |u| date_from_url(u).map(|d| d.to_string());
/// assert_eq!(day("https://news.example/2024/06/19/summit/").as_deref(), Some("2024-06-19"));
/// assert_eq!(day("https://news.example/politics/20240619/story.html").as_deref(), Some("2024-06-19"));
/// assert_eq!(day("https://news.example/2024/06/summit"), None);
/// assert_eq!(day("https://news.example/article/2024061912345"), None);
/// ```
pub fn date_from_url(url: &str) -> Option<Day> {
    let url = url.trim();
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.split_once('/').map_or("", |(_, p)| p),
        None => match url.strip_prefix("//") {
            Some(rest) => rest.split_once('/').map_or("", |(_, p)| p),
            None => url,
        },
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let digits = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let day = |y: &str, m: &str, d: &str| {
        Day::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
            .filter(|day| YEARS.contains(&i32::from(day.year)))
    };
    for (i, seg) in segments.iter().enumerate() {
        let found = if digits(seg, 4..=4) {
            match segments.get(i + 1..i + 3) {
                Some([m, d]) if digits(m, 1..=2) && digits(d, 1..=2) => day(seg, m, d),
                _ => None,
            }
        } else if digits(seg, 8..=8) {
            day(&seg[0..4], &seg[4..6], &seg[6..8])
        } else if seg.len() == 10
            && seg.as_bytes()[4] == b'-'
            && seg.as_bytes()[7] == b'-'
            && digits(&seg[0..4], 4..=4)
            && digits(&seg[5..7], 2..=2)
            && digits(&seg[8..10], 2..=2)
        {
            day(&seg[0..4], &seg[5..7], &seg[8..10])
        } else {
            None
        };
        if found.is_some() {
            return found;
        }
    }
    None
}
