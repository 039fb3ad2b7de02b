//! Live blogs whose posts print a clock time but no date ("20:42", "21:00 Jane Doe"): the day of
//! such a page is the day of the social-media posts it embeds, whose signature lines carry one
//! ("— Jane Doe (@janedoe) August 5, 2024"). Knows the shape of those lines, not what a page's
//! stamps say; used only when a page prints no stamp with a year.

use super::{DateHit, DateOrder};
use crate::model::Day;

/// A page with at least this many lines opening with a clock time is a live blog of timed posts.
const TIMED_POSTS: usize = 3;

/// The day of a live blog whose posts carry only clock times: the latest day among the
/// signature lines of the posts it embeds. `None` when the page is no such live blog or embeds
/// no dated post. `lines` are the page's lines with the dates found in each.
///
/// ```
/// use reader::dates::{find_dates, live_blog_day, DateOrder};
/// let page = [
///     "20:42 Jane Doe",
///     "Crowds gather at the square",
///     "— City Buses (@citybuses) August 5, 2024",
///     "20:19 Jane Doe",
///     "19:55 John Roe",
/// ];
/// let hits: Vec<_> = page.iter().map(|l| find_dates(l)).collect();
/// let lines = page.iter().zip(&hits).map(|(l, h)| (*l, h.as_slice()));
/// let day = live_blog_day(lines, DateOrder::Unknown).unwrap();
/// assert_eq!(day.to_string(), "2024-08-05");
/// ```
pub fn live_blog_day<'a>(
    lines: impl IntoIterator<Item = (&'a str, &'a [DateHit])>,
    order: DateOrder,
) -> Option<Day> {
    let mut timed = 0;
    let mut latest: Option<Day> = None;
    for (text, hits) in lines {
        if hits.is_empty() {
            timed += usize::from(opens_with_clock_time(text));
        } else if let Some(day) = post_signature(text, hits).and_then(|h| h.day(order)) {
            latest = latest.max(Some(day));
        }
    }
    latest.filter(|_| timed >= TIMED_POSTS)
}

/// Whether a line opens with a clock time and holds little else: a post's time with its
/// author or a label ("21:00Jane Doe", "20:42 KEY EVENT", "9:05 pm").
fn opens_with_clock_time(text: &str) -> bool {
    let t = text.trim();
    let hour = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &t[hour..];
    let Some(minutes) = rest.strip_prefix(':') else {
        return false;
    };
    let minute_digits = minutes.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&hour)
        && minute_digits == 2
        && t[..hour].parse::<u32>().is_ok_and(|h| h <= 23)
        && minutes[..2].parse::<u32>().is_ok_and(|m| m <= 59)
        && minutes[2..].split_whitespace().count() <= 5
        && !minutes[2..].trim_start().starts_with(':')
}

/// The date of an embedded post's signature line: a dash, the poster's name, the handle in
/// brackets, the date ending the line ("— Jane Doe (@janedoe) August 5, 2024").
fn post_signature<'h>(text: &str, hits: &'h [DateHit]) -> Option<&'h DateHit> {
    let t = text.trim_end();
    let rest = t
        .strip_prefix('—')
        .or_else(|| t.strip_prefix('–'))
        .or_else(|| t.strip_prefix('-'))?;
    let handle = rest.find("(@")?;
    let close = handle + rest[handle..].find(')')?;
    let hit = hits.last()?;
    let date_at = t.len() - rest.len() + close + 1;
    (hits.len() == 1
        && hit.start >= date_at
        && t[date_at..hit.start].trim().is_empty()
        && hit.end == t.len()
        && !rest[..handle].trim().is_empty())
    .then_some(hit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::find_dates;

    fn day(page: &[&str]) -> Option<String> {
        let hits: Vec<Vec<DateHit>> = page.iter().map(|l| find_dates(l)).collect();
        let lines = page.iter().zip(&hits).map(|(l, h)| (*l, h.as_slice()));
        live_blog_day(lines, DateOrder::Unknown).map(|d| d.to_string())
    }

    #[test]
    fn embedded_post_dates_a_live_blog_of_timed_posts() {
        let page = [
            "21:00Jane Doe",
            "Road closed",
            "— Harbour Police (@harbourpolice) March 3, 2023",
            "20:42KEY EVENT",
            "— A Resident (@resident) March 2, 2023",
            "19:55 John Roe",
        ];
        assert_eq!(day(&page).as_deref(), Some("2023-03-03"));
    }

    #[test]
    fn embedded_post_does_not_date_an_ordinary_article() {
        let page = [
            "The minister spoke on Tuesday.",
            "— Harbour Police (@harbourpolice) March 3, 2023",
            "The road reopened later.",
        ];
        assert_eq!(day(&page), None);
    }

    #[test]
    fn a_date_in_a_post_is_no_signature() {
        let page = [
            "21:00 Jane Doe",
            "20:42 Jane Doe",
            "19:55 John Roe",
            "The vote of March 3, 2023 was close, she said.",
            "— Jane Doe said on March 3, 2023",
        ];
        assert_eq!(day(&page), None);
    }
}
