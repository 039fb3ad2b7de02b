//! Headlines: which line near the top of a page is its headline, chosen by score rather than by
//! position. Candidates are the text lines above the first paragraph of running text; each is
//! scored on its shape, on whether the lede, a title line or the page's declared title repeats
//! it, on its nearness to the body, and on what it is not (interface words, breadcrumbs,
//! counters, dates, datelines, section labels, menus, captions). Knows nothing about outlets
//! beyond their names, nor about dates beyond their shape.

use crate::clean::{Class, Line, clean_title_by};
use crate::words::{WordSet, more_chars_than};
use aho_corasick::MatchKind;
use aho_corasick::dfa::DFA;
use regex::Regex;
use std::sync::LazyLock;

/// At most this many text lines above the body are candidates: the ones nearest the body. A
/// page copied out of a browser can print a long menu between its headline and its body.
const MAX_CANDIDATES: usize = 400;

/// A candidate wins only with at least this score: below it, every line failed as a headline.
const MIN_SCORE: f32 = -1.0;

/// A score at or below this marks a line as site furniture (interface, counter, label, date).
const FURNITURE: f32 = -4.0;

/// The headline of a page and the lines above it that are site furniture.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pick {
    /// Index of the headline line.
    pub title: Option<usize>,
    /// Indices of text lines that scored as interface, counters, labels or dates, in order.
    pub furniture: Vec<usize>,
    /// The first line of the body (`first_body`).
    pub body: Option<usize>,
}

/// Running text: a full sentence of some length, or a long paragraph.
pub(crate) fn is_body(text: &str) -> bool {
    if more_chars_than(text, 300) {
        return true;
    }
    let end = text.trim_end_matches(['"', '”', '’', '\'', ')', '」', '）']);
    if end.ends_with(['。', '！']) {
        // Chinese and Japanese write no spaces between words: a sentence of 30 characters or
        // more is running text.
        return more_chars_than(text, 30);
    }
    // A question of a dozen words is as often a headline as a sentence; a long one is prose. A
    // line cut off with an ellipsis is a teaser ("… Is Going To Rock Your World...").
    let sentence =
        end.ends_with(['.', '!', '다']) && !ends_with_initials(end) && !end.ends_with("...");
    let question = end.ends_with('?');
    if !sentence && !question {
        return false;
    }
    let words = count_words(text);
    if words <= 25 && is_title_case(text) {
        // A headline in title case, however long and whatever mark ends it ("… In The Tub
        // ... Ice, Ice Baby!").
        return false;
    }
    sentence && words >= 12 || question && words > 25
}

/// Whether a line is written in title case: five words of four letters or more at least, each
/// capitalised. Prose lowercases most of its longer words, even a sentence full of names; a
/// line in capitals only is a page's style, not a headline's.
fn is_title_case(text: &str) -> bool {
    let mut long = 0;
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.chars().count() < 4 || !word.starts_with(char::is_alphabetic) {
            continue;
        }
        if !word.starts_with(char::is_uppercase) {
            return false;
        }
        long += 1;
    }
    long >= 5 && !is_all_caps(text)
}

/// Whether a text ends with initials ("… Relations With U.S."): an abbreviation's full stop,
/// not a sentence's.
fn ends_with_initials(end: &str) -> bool {
    let last = end.rsplit(' ').next().unwrap_or(end);
    last.len() >= 4
        && last.bytes().enumerate().all(|(k, b)| {
            if k % 2 == 0 {
                b.is_ascii_uppercase()
            } else {
                b == b'.'
            }
        })
}

/// The first line of running text that is the article's: prose followed by more prose within a
/// few lines. A cookie or subscription notice is prose too, and so is a site's description or a
/// teaser alone among links: neither opens the body.
pub(crate) fn first_body(lines: &[Line]) -> Option<usize> {
    let body_like = |i: usize| lines[i].class == Class::Text && is_body(&lines[i].text);
    // Whether each line is prose, found once: the windows below ask again for the same lines.
    let known: Vec<std::cell::Cell<Option<bool>>> = vec![std::cell::Cell::new(None); lines.len()];
    let prose = |i: usize| {
        if let Some(p) = known[i].get() {
            return p;
        }
        let p = body_like(i) && !is_notice(&lines[i].text);
        known[i].set(Some(p));
        p
    };
    // What follows must be prose too; a notice is short, so a long paragraph is not one.
    let followed = |i: usize| {
        (i + 1..lines.len().min(i + 9)).any(|k| {
            body_like(k) && (lines[k].text.len() > 600 || !is_notice(&lines[k].text))
                || matches!(lines[k].class, Class::Caption(_))
        })
    };
    // A story opens with some length of prose: a long paragraph, or paragraphs of 500
    // characters or more within a few lines. A menu's descriptions of its sections or shows are
    // prose too, a sentence each between their names, and fall short of that; only where no
    // prose has that length does the first that is followed by more open the body.
    let substantial = |i: usize| {
        more_chars_than(&lines[i].text, 300)
            || (i..lines.len().min(i + 9))
                .filter(|&k| prose(k))
                .map(|k| lines[k].text.len())
                .sum::<usize>()
                >= 500
    };
    let mut first_followed = None;
    let mut alone = Vec::new();
    for i in 0..lines.len() {
        if !prose(i) {
            continue;
        }
        if followed(i) {
            if substantial(i) {
                return Some(i);
            }
            first_followed.get_or_insert(i);
        } else if first_followed.is_none() {
            alone.push(i);
        }
    }
    if first_followed.is_some() {
        return first_followed;
    }
    // No prose is followed by more: a story of one paragraph among widgets. Its paragraph is the
    // first of the long ones, not a widget's one sentence above it ("Your weather is set to …").
    let longest = alone.iter().map(|&i| lines[i].text.len()).max()?;
    alone
        .into_iter()
        .find(|&i| lines[i].text.len() * 2 >= longest)
}

/// The lowercased names outlets are printed under, as the headline picker asks about them: a
/// list (each question walks it) or the reader's sets of every name (`Knowledge`), which answer
/// at once where the names are hundreds.
pub trait OutletNames {
    /// Whether `name` is one of the names.
    fn is_name(&self, name: &str) -> bool;
    /// Whether `tail` is one of the names without its leading "the ", as a title's trailing
    /// site name is compared.
    fn is_title(&self, tail: &str) -> bool;
}

impl OutletNames for [&str] {
    fn is_name(&self, name: &str) -> bool {
        self.contains(&name)
    }

    fn is_title(&self, tail: &str) -> bool {
        self.iter()
            .any(|n| n.strip_prefix("the ").unwrap_or(n) == tail)
    }
}

impl<const K: usize> OutletNames for [&str; K] {
    fn is_name(&self, name: &str) -> bool {
        self[..].is_name(name)
    }

    fn is_title(&self, tail: &str) -> bool {
        self[..].is_title(tail)
    }
}

/// Picks the headline among the text lines above the first body paragraph.
///
/// `declared` is a title the page declares apart from its text (an HTML page's metadata title);
/// when it is given, the headline is the line that prints it, or none (the declared title
/// stands). `outlet_names` are lowercased outlet names, cut from title lines ("… | Outlet").
///
/// ```
/// use reader::clean::{classify, Furniture};
/// let text = "Connect with us\n\nPolitics\n\nPutin and Kim sign a defence pact\n\n\
///     Russian President Vladimir Putin and Kim Jong Un signed a pact in Pyongyang on Wednesday.";
/// let lines = classify(text, &Furniture::default());
/// let pick = reader::headline::pick(&lines, None, &[]);
/// assert_eq!(lines[pick.title.unwrap()].text, "Putin and Kim sign a defence pact");
/// ```
pub fn pick<N: OutletNames + ?Sized>(
    lines: &[Line],
    declared: Option<&str>,
    outlet_names: &N,
) -> Pick {
    let body = first_body(lines);
    let above: Vec<usize> = (0..body.unwrap_or(lines.len()))
        .filter(|&i| lines[i].class == Class::Text)
        .collect();
    let candidates = &above[above.len().saturating_sub(MAX_CANDIDATES)..];
    if candidates.is_empty() {
        return Pick {
            body,
            ..Pick::default()
        };
    }
    let lede = Lede::new(lines, body);
    let declared = declared.map(|d| key(&clean_title_by(d, |t| outlet_names.is_title(t))));

    // Title and share lines are short and hold a separator: only those, lowercased once, are
    // compared with the candidates, and only when there is a choice to make.
    let mut short: Option<Vec<Option<String>>> = None;
    let short_lines = || -> Vec<Option<String>> {
        lines
            .iter()
            .map(|l| {
                let t = &l.text;
                (!more_chars_than(t, 300) && t.contains(['|', '-', '–', '—', ':', '·', '<']))
                    .then(|| t.to_lowercase())
            })
            .collect()
    };
    let end = body.unwrap_or(lines.len());
    // Which lines up to the body are bylines or stamps.
    let stampish: Vec<bool> = lines[..end].iter().map(is_byline_or_stamp).collect();
    // How many groups of bylines and stamps stand above each line up to the body.
    let groups_before = stamp_groups(&stampish);
    // How many text lines stand before each line up to the body.
    let mut texts_before = Vec::with_capacity(end + 1);
    texts_before.push(0u32);
    for line in &lines[..end] {
        let last = *texts_before.last().expect("one count at least");
        texts_before.push(last + u32::from(line.class == Class::Text));
    }
    let mut best: Option<(f32, usize)> = None;
    let mut furniture = Vec::new();
    // The names the page's own links give the site ("Subscribe to NAME", "More from NAME"),
    // lowercased: a line printing one is the masthead, not the headline.
    let site_names = std::cell::OnceCell::new();
    // Headline-shaped lines seen so far: how many, the first, and the last with its length.
    let mut good_before = 0usize;
    let mut last_good: Option<(usize, usize)> = None;
    // The headline-shaped line before the last.
    let mut good_before_last: Option<usize> = None;
    let removed = |k: usize| matches!(lines[k].class, Class::Removed(_));
    for &i in candidates {
        let text = lines[i].text.as_str();
        let mut score = shape(text, || body.is_some_and(|b| is_all_caps(&lines[b].text)));
        if score <= FURNITURE {
            furniture.push(i);
            continue;
        }
        let key = key(&clean_title_by(text, |t| outlet_names.is_title(t)));
        if key.len() <= 60 && outlet_names.is_name(&key)
            || is_dateline_credit(text, outlet_names)
            || is_author_card(text)
            || key.len() <= 60 && site_names.get_or_init(|| self_names(lines)).contains(&key)
        {
            furniture.push(i);
            continue;
        }
        if let Some(d) = &declared {
            score += if *d == key {
                6.0
            } else if contains_most(d, &key) || contains_most(&key, d) {
                3.0
            } else {
                0.0
            };
        } else if score > 0.0
            && candidates.len() > 1
            && repeated(short.get_or_insert_with(short_lines), i, &key, outlet_names)
        {
            score += 4.0;
        } else if score > 0.0
            && count_words(text) >= 6
            && printed_again(lines, i, end, &texts_before)
        {
            // A line of headline length printed again near the body: the headline of a teaser
            // or a breadcrumb above, and again over the story.
            score += 2.0;
        }
        score += 3.0 * lede.overlap(&key);
        // The headline stands near the body: only a byline, stamps, a standfirst or a picture
        // are between them as a rule.
        score += match texts_before[end] - texts_before[i + 1] {
            0..=2 => 1.5,
            3..=5 => 1.0,
            6..=10 => 0.5,
            _ => 0.0,
        };
        let few_words = count_words(text) <= 4;
        // A short line the page prints again above it is a section's name in a menu.
        let listed_above = || lines[..i].iter().any(|l| l.text == text);
        if few_words && (in_menu(lines, &stampish, i) || listed_above()) {
            score -= 2.0;
        }

        let count = key.split_whitespace().count();
        // A line under the best headline so far and its byline or stamp (right under it) is
        // the story's opening or its standfirst, unless the page lists stories with their stamps
        // above it and a byline or stamp of its own follows it: then the one above was a teaser
        // of another story, and this line heads the article.
        if let Some((_, b)) = best.filter(|&(s, _)| s >= 0.5)
            && stampish[b + 1..i].iter().take(3).any(|&s| s)
            && !(groups_before[i] >= 2 && stampish[i + 1..end].contains(&true))
        {
            score -= 3.0;
        } else if let Some((g, words)) = last_good
            && count >= 10
            && (count > words || words >= 6)
            && (g + 1..i).all(removed)
        {
            // A long line right under a headline-shaped one is a standfirst: a longer line under
            // a short one, or any under a line of headline length (a kicker above a headline is
            // short). A standfirst repeats the lede's names, so this outweighs the lede's bonus.
            score -= 2.5;
        } else if let Some((g, words)) = last_good
            && count >= 5
            && (6..=20).contains(&words)
            && count < words
            && (g + 1..i).all(removed)
            && stampish.get(i + 1).copied().unwrap_or(false)
            && !good_before_last.is_some_and(|p: usize| (p + 1..g).all(removed))
        {
            // A shorter line between a headline and its byline is its standfirst ("HEADLINE /
            // Fan backlash against the salaries is misguided / By …"), unless the line above is
            // one of a run of headline-shaped lines: a list of stories ends right above the
            // article's own headline.
            score -= 2.5;
        } else if count_words(text) >= 2 && stampish.get(i + 1).copied().unwrap_or(false) {
            // The headline is followed at once by its byline or its stamp; the names of two
            // authors or more right above a stamp are its byline printed without "By".
            score += if authors(text, outlet_names) {
                -3.0
            } else {
                1.0
            };
        } else if count_words(text) >= 2
            && stampish.get(i + 2).copied().unwrap_or(false)
            && count_words(&lines[i + 1].text) <= 8
        {
            // Or after one short line: an author's name and place, a desk's address.
            score += 0.5;
        }
        // The first headline-shaped lines are a little more likely than the next.
        score -= 0.1 * good_before.min(5) as f32;
        if score >= 0.5 {
            good_before += 1;
            good_before_last = last_good.map(|(g, _)| g);
            last_good = Some((i, count));
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    let title = best.filter(|&(s, _)| s >= MIN_SCORE).map(|(_, i)| i);
    let title = match (&declared, title) {
        // A declared title stands unless a line prints it.
        (Some(d), Some(t)) => {
            let k = key(&clean_title_by(&lines[t].text, |t| {
                outlet_names.is_title(t)
            }));
            (k == *d).then_some(t)
        }
        (_, t) => t,
    };
    // A headline printed twice (a teaser above, the article's own nearer the body): the copy
    // nearer the body is the article's.
    // The copy is looked for above the headline's own byline or stamp: below them, a copy is
    // a teaser of the story in a list.
    if let Some(t) = title
        && let Some(twin) = (t + 1..body.unwrap_or(lines.len()))
            .take_while(|&k| !stampish.get(k).copied().unwrap_or(false))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .find(|&k| {
                lines[k].class == Class::Removed(crate::model::RemovedReason::Repeated)
                    && lines[k].text.to_lowercase() == lines[t].text.to_lowercase()
            })
    {
        furniture.retain(|&f| f < t);
        furniture.push(t);
        furniture.sort_unstable();
        return Pick {
            title: Some(twin),
            furniture,
            body,
        };
    }
    furniture.retain(|&f| title.is_some_and(|t| f < t));
    Pick {
        title,
        furniture,
        body,
    }
}

/// The names the page's own short links give the site (`outlets::site_link_name`), as `key`
/// writes them.
fn self_names(lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|l| crate::outlets::site_link_name(&l.text))
        .map(key)
        .collect()
}

/// An author's card: a person's name and their role ("Jane Doe | Staff Writer", "Jane Doe,
/// Senior Reporter"), not a headline.
fn is_author_card(text: &str) -> bool {
    let Some((name, role)) = text.split_once(" | ").or_else(|| text.split_once(", ")) else {
        return false;
    };
    !more_chars_than(text, 60)
        && crate::clean::is_names(name.trim())
        && crate::clean::names_a_role(role)
}

/// A dateline with the outlet's credit instead of a date: "WASHINGTON — The Example Post".
/// `outlet_names` are lowercased.
fn is_dateline_credit<N: OutletNames + ?Sized>(text: &str, outlet_names: &N) -> bool {
    let Some((place, credit)) = [" — ", " – ", " -- ", " - "]
        .iter()
        .find_map(|sep| text.split_once(sep))
    else {
        return false;
    };
    let place_words = place.split_whitespace().count();
    (1..=3).contains(&place_words)
        && is_all_caps(place)
        && place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | ',' | '.' | '\'' | '’'))
        && !more_chars_than(credit, 40)
        && (crate::outlets::looks_like_outlet(credit)
            || outlet_names.is_name(&credit.to_lowercase()))
}

/// Whether a line is printed again, as a repeat, below it and near the body (`end`): at most
/// ten text lines above it, as a headline over its story stands. A teaser printed in two lists
/// far above the body is not. `texts_before` counts the text lines before each line.
fn printed_again(lines: &[Line], at: usize, end: usize, texts_before: &[u32]) -> bool {
    let text = &lines[at].text;
    (at + 1..end).any(|k| {
        let l = &lines[k];
        l.class == Class::Removed(crate::model::RemovedReason::Repeated)
            && texts_before[end] - texts_before[k] <= 10
            && l.text.len() == text.len()
            && l.text.to_lowercase() == text.to_lowercase()
    })
}

/// Whether a line is the names of two people or more ("Jane Doe and John Roe", "Jane Doe, John
/// Roe") or a name and an outlet ("Jane Doe, The Example Times"): a byline without "By", not a
/// headline. `outlet_names` are lowercased.
fn authors<N: OutletNames + ?Sized>(text: &str, outlet_names: &N) -> bool {
    let joined = text.contains(" and ") || text.contains(',') || text.contains(" & ");
    let name_and_outlet = || {
        text.rsplit_once(", ").is_some_and(|(name, outlet)| {
            crate::clean::is_names(name)
                && (crate::outlets::looks_like_outlet(outlet)
                    || outlet_names.is_name(&outlet.to_lowercase()))
        })
    };
    joined && (crate::clean::is_names(text) || name_and_outlet())
}

/// How many groups of bylines and stamps stand above each line (and, last, above the end):
/// lines of a group stand at most one line apart ("By Jane Doe", a picture, "June 19, 2024").
fn stamp_groups(stampish: &[bool]) -> Vec<usize> {
    let mut before = Vec::with_capacity(stampish.len() + 1);
    let (mut groups, mut last) = (0, None::<usize>);
    for (k, &s) in stampish.iter().enumerate() {
        before.push(groups);
        if s {
            if last.is_none_or(|l| k > l + 2) {
                groups += 1;
            }
            last = Some(k);
        }
    }
    before.push(groups);
    before
}

/// The words of a line as `classify` gives it: its words are one space apart.
fn count_words(text: &str) -> usize {
    crate::words::count_bytes(text.as_bytes(), |b| b == b' ') + usize::from(!text.is_empty())
}

/// Whether the lines either side of a line are short items too: a menu or a list of links.
/// `stampish` tells the bylines and stamps among the lines up to the body.
fn in_menu(lines: &[Line], stampish: &[bool], at: usize) -> bool {
    let short = |k: usize| {
        lines.get(k).is_some_and(|line| {
            count_words(&line.text) <= 4
                && !stampish.get(k).copied().unwrap_or(false)
                && !line.text.ends_with(['.', '?', '!'])
        })
    };
    at > 0 && short(at - 1) && short(at + 1)
}

/// A byline or a publication stamp (not a masthead strip showing today's date).
fn is_byline_or_stamp(line: &Line) -> bool {
    match line.class {
        Class::Byline(_) => true,
        Class::Removed(crate::model::RemovedReason::Stamp) => {
            !crate::dates::is_masthead_strip(&line.text)
        }
        _ => false,
    }
}

/// A headline compared: lowercased, its words one space apart.
fn key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `long` holds `short` and `short` is most of it.
fn contains_most(long: &str, short: &str) -> bool {
    !short.is_empty() && short.len() * 5 >= long.len() * 3 && long.contains(short)
}

/// Whether another line of the page repeats the candidate: a title line with the site name
/// ("… | Outlet"), a share line ("Share: …"), or the same words again. `lower` holds the page's
/// short lines, lowercased.
fn repeated<N: OutletNames + ?Sized>(
    lower: &[Option<String>],
    at: usize,
    key: &str,
    outlet_names: &N,
) -> bool {
    if key.len() < 12 {
        return false;
    }
    lower.iter().enumerate().any(|(j, line)| {
        let Some(line) = line.as_deref().filter(|l| j != at && l.len() >= key.len()) else {
            return false;
        };
        let Some(pos) = line.find(key) else {
            return false;
        };
        let before = line[..pos].trim();
        let after = line[pos + key.len()..].trim();
        // The same line again is a menu printed twice as often as a headline.
        if before.is_empty() && after.is_empty() {
            return false;
        }
        // A browser's print header opens with the time it was printed: "6/19/24, 3:15 PM".
        let printed_at = !before.is_empty()
            && before.split_whitespace().all(|w| {
                w.bytes()
                    .all(|b| b.is_ascii_digit() || b"/:,.".contains(&b))
                    || w == "am"
                    || w == "pm"
            });
        // A share button's text names the story it shares: "Share All sharing options for:
        // HEADLINE", "Tweet: HEADLINE".
        let share_label = before.ends_with(':')
            && before.split_whitespace().count() <= 6
            && ["share", "sharing", "tweet", "email", "e-mail"]
                .iter()
                .any(|w| {
                    before
                        .split_whitespace()
                        .any(|b| b.trim_end_matches(':') == *w)
                });
        let label = before.is_empty()
            || printed_at
            || share_label
            || before.ends_with(':') && before.split_whitespace().count() <= 3
            || before.ends_with(['|', '-', '–', '—']);
        let suffix = after.is_empty()
            || after.starts_with(['|', '-', '–', '—', ':', '<', '·'])
                && after.split_whitespace().count() <= 8
            || key == clean_title_by(line, |t| outlet_names.is_title(t));
        label && suffix
    })
}

/// The opening paragraphs of the body, as word stems, to tell how much of a candidate they
/// repeat.
struct Lede {
    /// The opening paragraphs, lowercased.
    text: String,
}

impl Lede {
    fn new(lines: &[Line], body: Option<usize>) -> Lede {
        let mut text = String::new();
        if let Some(b) = body {
            // The opening of each of the first two paragraphs is what a headline repeats.
            for line in lines[b..].iter().filter(|l| l.class == Class::Text).take(2) {
                let mut end = line.text.len().min(300);
                while !line.text.is_char_boundary(end) {
                    end -= 1;
                }
                text.push_str(&line.text[..end].to_lowercase());
                text.push(' ');
            }
        }
        Lede { text }
    }

    /// The share of a candidate's content words the lede repeats.
    fn overlap(&self, candidate: &str) -> f32 {
        if self.text.is_empty() {
            return 0.0;
        }
        let lower = candidate.to_lowercase();
        let (mut content, mut found) = (0usize, 0usize);
        for w in words(&lower) {
            if STOP.contains(w) || w.chars().count() < 2 || w.len() < 3 && w.is_ascii() {
                continue;
            }
            content += 1;
            found += usize::from(self.has_stem(stem(w), w.is_ascii()));
        }
        // One shared word is chance: the share counts in full from two words on.
        if content == 0 {
            0.0
        } else {
            found as f32 / content as f32 * found.min(2) as f32 / 2.0
        }
    }

    /// Whether a word of the lede opens with the stem (a Latin one) or holds it anywhere (a
    /// Korean one: words run together more often in Korean).
    fn has_stem(&self, stem: &str, latin: bool) -> bool {
        self.text.match_indices(stem).any(|(at, _)| {
            !latin
                || self.text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    }
}

/// The words of a lowercased text: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A word's stem for comparing headline and lede: five letters of a Latin word ("sanctions",
/// "sanctioned"), two syllables of a Korean one (before its particles).
fn stem(word: &str) -> &str {
    let n = if word.is_ascii() { 5 } else { 2 };
    word.char_indices().nth(n).map_or(word, |(i, _)| &word[..i])
}

/// How much a line looks like a headline, before what the page says about it: positive for a
/// line of headline shape, at most `FURNITURE` for interface words, counters, dates, datelines,
/// breadcrumbs and section labels.
fn shape(text: &str, all_caps_page: impl Fn() -> bool) -> f32 {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = words(&lower).collect();
    if tokens.is_empty() {
        return -6.0;
    }
    if is_dateline(text) || is_date_only(&tokens) {
        return -6.0;
    }
    if is_counter(&lower, &tokens) || is_interface(&tokens) || is_label(text, &tokens) {
        return -5.0;
    }
    if is_photo_credit(text, &tokens) || is_offer(text, &tokens) {
        return -5.0;
    }
    if is_breadcrumb(text) {
        return -4.5;
    }
    if is_rights_notice(&lower) || is_field_label(text) || is_cjk_skip_link(text) {
        // A copyright or reproduction notice ("No reproduction without permission", "版权所有"),
        // or a labelled field of the page ("来源： OUTLET", "字体： 小 中 大", "Quelle: …").
        return -5.0;
    }
    if is_short_item_menu(text) || ends_with_cjk_date(text) || starts_with_cjk_stamp(text) {
        // A row of short items (a menu, a list of sister titles), an entry of a list of
        // stories ending in its date, or a stamp line opening with a date and a time.
        return -4.5;
    }
    if holds_link_label(text) {
        // A link to another story or a strip of tags: "MORE: …", "Read more: …", "Tags: …".
        return -5.0;
    }
    if ends_with_clock_time(text) {
        // An entry of a list of posts or stories with the time it was posted ("Police clear
        // the square20:42"): a live blog's key events, a latest-news strip.
        return -4.5;
    }
    if tokens.len() <= 4 && tokens.iter().any(|t| MASTHEAD_WORDS.contains(t)) {
        // A short line naming a publication is a masthead, a logo or a link to a sister site.
        return -4.5;
    }
    let count = text.split_whitespace().count();
    let hangul = text.chars().any(|c| ('가'..='힣').contains(&c));
    // Chinese and Japanese write no spaces between words: their lines are measured in
    // characters.
    let cjk = !hangul && !text.is_ascii() && text.chars().any(is_cjk);
    let mut score = if cjk {
        match text.chars().count() {
            0..=3 => -2.5,
            4..=5 => 0.0,
            6..=45 => 1.5,
            46..=90 => 0.5,
            _ => -1.5,
        }
    } else {
        match count {
            1 => -2.5,
            // Korean words are longer: two can make a headline ("푸틴 방북").
            2 if hangul => 1.0,
            2 => 0.0,
            3..=20 => 1.5,
            21..=30 => 0.5,
            _ => -1.5,
        }
    };
    if more_chars_than(text, 250) {
        score -= 3.0;
    }
    let end = text.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    if end.ends_with(['.', '。'])
        && !end.ends_with("..")
        && !end.ends_with("…")
        && !ends_with_initials(end)
    {
        score -= 2.0;
    } else if end.ends_with([',', ';', ':', '|', '/', '>', '-', '–', '—']) {
        score -= 3.0;
    }
    if is_all_caps(text) && !all_caps_page() {
        score -= 2.0;
    }
    if text.starts_with(|c: char| c.is_lowercase()) {
        score -= 1.5;
    }
    if (text.contains(". ") || text.contains("? ") || text.contains("! "))
        && SENTENCE_INSIDE.is_match(text)
    {
        // Two sentences: a caption or a summary, not a headline.
        score -= 1.5;
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let alnum = text
        .chars()
        .filter(|&c| crate::words::is_alphanumeric(c))
        .count();
    if digits * 5 >= alnum * 2 {
        score -= 3.0;
    }
    score
}

/// Whether a lowercased line is a copyright or reproduction notice.
fn is_rights_notice(lower: &str) -> bool {
    const SIGNS: [&str; 11] = [
        "©",
        "copyright 19",
        "copyright 20",
        "all rights reserved",
        "reproduction without",
        "無断転載",
        "无断转载",
        "禁止转载",
        "版权所有",
        "不得转载",
        "все права защищены",
    ];
    // Every sign holds a byte past ASCII or the word "right" or "reproduction".
    !more_chars_than(lower, 200)
        && (!lower.is_ascii() || lower.contains("right") || lower.contains("reproduction"))
        && SIGNS.iter().any(|s| lower.contains(s))
}

/// A link past the menu to the story in Chinese or Japanese ("メニューをとばして本文へ").
fn is_cjk_skip_link(text: &str) -> bool {
    const SIGNS: [&str; 6] = [
        "本文へ",
        "本文エリアへ",
        "をとばして",
        "跳到正文",
        "跳至正文",
        "跳过导航",
    ];
    !text.is_ascii() && !more_chars_than(text, 40) && SIGNS.iter().any(|s| text.contains(s))
}

/// Labels of a page's fields, before a colon: the source, the font size, the place sent from,
/// the editor.
const FIELD_LABELS: &[&str] = &[
    "来源",
    "來源",
    "出处",
    "字体",
    "字號",
    "字号",
    "责任编辑",
    "責任編輯",
    "编辑",
    "発信地",
    "出典",
    "文字サイズ",
    "источник",
    "джерело",
    "quelle",
    "fuente",
    "schriftgröße",
];

/// A short line opening with a field label and a colon ("来源： OUTLET", "Quelle: dpa").
fn is_field_label(text: &str) -> bool {
    if more_chars_than(text, 60) {
        return false;
    }
    let Some(at) = text.find([':', '：']) else {
        return false;
    };
    let label = text[..at].trim();
    FIELD_LABELS
        .iter()
        .any(|l| label.eq_ignore_ascii_case(l) || label.to_lowercase() == *l)
}

/// Whether a character is Chinese or Japanese script.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}')
}

/// A line of Chinese or Japanese script made of four short items or more, separated by spaces
/// ("字体： 小 中 大", a row of sister titles): a menu. A headline's parts are phrases.
fn is_short_item_menu(text: &str) -> bool {
    // Chinese and Japanese script is three bytes in UTF-8: a pure-ASCII line is not one.
    if text.is_ascii() || !text.chars().any(is_cjk) {
        return false;
    }
    let mut items = 0;
    for item in text.split_whitespace() {
        if more_chars_than(item, 8) {
            return false;
        }
        items += 1;
    }
    items >= 4
}

/// The position after a date "YYYY年M月D日" starting at `at`, if one does.
fn cjk_date_at(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = at;
    for (unit, min, max) in [("年", 4, 4), ("月", 1, 2), ("日", 1, 2)] {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if !(min..=max).contains(&(i - start)) || !text[i..].starts_with(unit) {
            return None;
        }
        i += unit.len();
    }
    Some(i)
}

/// A line ending in a full date after a space ("… 道歉 2014年1月9日"): an entry of a list of
/// stories.
fn ends_with_cjk_date(text: &str) -> bool {
    if !text.ends_with('日') {
        return false;
    }
    let Some(space) = text.rfind(' ') else {
        return false;
    };
    space > 0 && cjk_date_at(text, space + 1) == Some(text.len())
}

/// A line opening with a full date and a clock time ("2018年6月18日 10:01 …"): a stamp.
fn starts_with_cjk_stamp(text: &str) -> bool {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    cjk_date_at(text, 0).is_some_and(|end| {
        let rest = text[end..].trim_start();
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&digits) && rest[digits..].starts_with(':')
    })
}

/// Labels of links to other stories and of tag strips, followed by a colon.
const LINK_LABELS: &[&str] = &[
    "more",
    "read more",
    "see also",
    "also read",
    "read also",
    "related",
    "tags",
    "topics",
    "keywords",
    "filed under",
];

/// Whether a line opens with a link label and a colon ("MORE: …", "Read more: …"), or holds a
/// capitalised one after a section's name ("Military & Defense More: Britain Falkland Islands").
fn holds_link_label(text: &str) -> bool {
    text.match_indices(':').take(3).any(|(at, _)| {
        let before = &text[..at];
        LINK_LABELS.iter().any(|label| {
            let n = label.len();
            before.len() >= n
                && before.is_char_boundary(before.len() - n)
                && before[before.len() - n..].eq_ignore_ascii_case(label)
                && {
                    let head = &before[..before.len() - n];
                    let label_text = &before[before.len() - n..];
                    head.is_empty()
                        || head.ends_with(' ') && label_text.starts_with(char::is_uppercase)
                }
        })
    })
}

/// Whether a line of words ends with a clock time ("… the square20:42", "… the square 9:05"):
/// a headline does only when the time is part of its sentence ("… resume at 10:30").
fn ends_with_clock_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    let n = bytes.len();
    if n < 8 || !bytes[n - 2..].iter().all(u8::is_ascii_digit) || bytes[n - 3] != b':' {
        return false;
    }
    let hour_digits = bytes[..n - 3]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=2).contains(&hour_digits) {
        return false;
    }
    let hour_at = n - 3 - hour_digits;
    let hour: u32 = text[hour_at..n - 3].parse().unwrap_or(99);
    let minutes: u32 = text[n - 2..].parse().unwrap_or(99);
    // Words before the time, and the time is not part of a longer number ("1:2:30").
    let before = text[..hour_at].trim_end();
    let said = before.len() < hour_at
        && before.rsplit(' ').next().is_some_and(|w| {
            matches!(
                w,
                "at" | "by" | "from" | "until" | "till" | "before" | "after"
            )
        });
    hour <= 23
        && !said
        && minutes <= 59
        && before.ends_with(|c: char| c.is_alphabetic() || matches!(c, '\'' | '’' | '"' | '”'))
        && before.split_whitespace().count() >= 2
}

/// Whether a line's Latin letters are all capitals (at least four of them).
fn is_all_caps(text: &str) -> bool {
    let (mut upper, mut all) = (0, 0);
    for &b in text.as_bytes() {
        all += usize::from(b.is_ascii_alphabetic());
        upper += usize::from(b.is_ascii_uppercase());
    }
    all >= 4 && upper == all
}

/// A wire dateline standing alone: "SEOUL, June 19 (Yonhap) --", "(서울=연합뉴스)".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][A-Za-z.'’-]+(?:\s[A-Z][A-Za-z.'’-]+){0,2},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b[^-—–]{0,40}(?:--|—|–)?\s*$|[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Za-z .]{2,30})?\s*(?:\([^()]{2,40}\))?\s*(?:--|—|–)\s*$|[(\[][가-힣 ]{1,12}=[^)\]]{1,20}[)\]])").unwrap()
});

fn is_dateline(text: &str) -> bool {
    // Every form holds a comma, a bracket or a dash: test that before the pattern.
    !more_chars_than(text, 80)
        && crate::words::find_byte(text.as_bytes(), 0, |b| {
            (b == b',') | (b == b'(') | (b == b'[') | (b == b'-') | (b == 0xE2)
        })
        .is_some()
        && DATELINE.is_match(text)
}

/// Words of dates and times: what is left of a masthead strip or a timestamp without its digits.
#[rustfmt::skip]
static DATE_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
        "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
        "november", "dec", "december", "mon", "monday", "tue", "tues", "tuesday", "wed",
        "wednesday", "thu", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun",
        "sunday", "am", "pm", "a", "p", "m", "kst", "jst", "gmt", "utc", "est", "edt", "et",
        "today", "st", "nd", "rd", "th", "년", "월", "일", "요일", "오전", "오후", "월요일", "화요일", "수요일",
        "목요일", "금요일", "토요일", "일요일", "오늘",
    ])
});

/// A line of nothing but a date, a time or a weekday ("Thursday, June 20", "2024.06.20 (목)").
fn is_date_only(tokens: &[&str]) -> bool {
    let mut dated = false;
    let all = tokens.iter().all(|t| {
        let digits = t.bytes().all(|b| b.is_ascii_digit());
        let hangul_date = t
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .chars()
            .all(|c| "년월일요".contains(c))
            && t.starts_with(|c: char| c.is_ascii_digit());
        let word = DATE_WORDS.contains(t);
        dated |= word && t.len() > 2 || hangul_date;
        digits || word || hangul_date || t.chars().count() == 1 && "월화수목금토일".contains(*t)
    });
    all && (dated || tokens.iter().any(|t| t.len() == 4))
}

/// Counters and ages: "1.2K views", "12 comments", "5 min read", "3 hours ago", "조회 1,234".
fn is_counter(lower: &str, tokens: &[&str]) -> bool {
    let has_number = tokens
        .iter()
        .any(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    has_number
        && !more_chars_than(lower, 60)
        && tokens.iter().all(|t| {
            t.bytes().all(|b| b.is_ascii_digit())
                || t.trim_start_matches(|c: char| c.is_ascii_digit())
                    .len()
                    .le(&1)
                || COUNTER_WORDS.contains(t)
        })
}

#[rustfmt::skip]
static COUNTER_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "view", "views", "comment", "comments", "share", "shares", "like", "likes", "read",
        "reads", "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days",
        "second", "seconds", "sec", "ago", "reply", "replies", "reaction", "reactions", "follower",
        "followers", "subscriber", "subscribers", "listen", "watch", "words", "updated", "posted",
        "k", "m", "조회", "조회수", "댓글", "추천", "공감", "좋아요", "분", "시간", "전", "읽기",
        // A stamp's or a reading time's words in German, French, Spanish and Italian
        // ("Stand: 20:03 Uhr", "Tiempo de lectura: 6 min", "Mis à jour le 12/03").
        "stand", "uhr", "aktualisiert", "veröffentlicht", "lesezeit", "minuten", "tiempo",
        "lectura", "actualizado", "publicado", "de", "mis", "à", "jour", "le", "publié",
        "lecture", "aggiornato", "lettura", "am", "um",
    ])
});

/// Interface words: navigation, accounts, sharing, settings, promotions.
#[rustfmt::skip]
static INTERFACE: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "skip", "content", "contents", "main", "navigation", "nav", "menu", "back", "top", "home",
        "homepage", "settings", "setting", "connect", "subscribe", "subscription", "subscribers",
        "sign", "signin", "signup", "log", "login", "logout", "register", "account", "profile",
        "newsletter", "newsletters", "inbox", "search", "share", "print", "font", "size", "text",
        "mode", "dark", "language", "edition", "app", "apps", "download", "notifications",
        "notification", "alerts", "alert", "cookies", "cookie", "privacy", "policy", "terms",
        "accept", "load", "view", "listen", "audio", "follow", "us", "contact", "advertise",
        "advertisement", "sponsored", "donate", "support", "premium", "free", "trial", "upgrade",
        "close", "open", "toggle", "expand", "collapse", "next", "previous", "prev", "page",
        "click", "tap", "here", "more", "see", "all", "latest", "delivered", "daily", "weekly",
        "bookmark", "save", "copy", "link", "url", "facebook", "twitter", "instagram", "youtube",
        "telegram", "whatsapp", "kakaotalk", "linkedin", "rss", "feed", "tab", "tabs", "e-paper",
        "epaper", "digital", "subscriptions", "my", "sections", "section", "site", "map",
        "sitemap", "help", "faq", "feedback", "manage", "preferences", "바로가기", "본문", "로그인", "로그아웃",
        "회원가입", "회원", "구독", "구독하기", "메뉴", "전체메뉴", "설정", "검색", "공유", "공유하기", "인쇄", "닫기", "열기",
        "더보기", "전체보기", "알림", "앱", "다운로드", "목록", "이전", "다음", "글자", "크기", "듣기", "뉴스레터", "신청",
        "마이페이지", "페이스북", "트위터", "카카오톡", "스크랩", "홈", "기사듣기", "글씨", "복사", "링크", "enlarge", "image",
        "caption", "toggle", "hide", "show", "slideshow", "give", "gift", "article", "articles",
        "friend", "supported", "keyboard", "shortcuts", "player", "comment", "comments", "reply",
        "notifications", "desktop", "이미지", "확대", "확대보기", "보기",
        "email", "e-mail", "languages", "logged", "loading", "customize",
        // Russian and Ukrainian
        "предыдущая", "следующая", "страница", "поиск", "войти", "вход", "меню", "подписаться",
        "поделиться", "печать", "главная", "попередня", "наступна", "сторінка", "пошук",
        "увійти", "головна", "поділитися",
        // German
        "suche", "suchen", "anmelden", "abonnieren", "teilen", "drucken", "vorherige",
        "nächste", "seite", "startseite", "menü", "impressum", "datenschutz", "agb", "kontakt",
        "fehler", "melden", "abo", "merken", "zurück", "vorlesen",
        // French
        "recherche", "rechercher", "connexion", "abonnez", "partager", "imprimer", "précédent",
        "précédente", "suivant", "suivante", "accueil",
        // Spanish
        "buscar", "búsqueda", "encuentras", "iniciar", "sesión", "suscríbete", "compartir",
        "imprimir", "anterior", "siguiente", "portada", "página",
        // Chinese and Japanese
        "打印", "分享", "搜索", "登录", "注册", "首页", "上一页", "下一页", "返回", "検索", "ログイン",
        "印刷", "共有", "トップ",
    ])
});

/// A sentence ending inside a line: a lowercase word or a year, a full stop, a capital.
static SENTENCE_INSIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:(?-u:\b)[a-z]{3,}|(?-u:\b)\d{4})[.!?] [A-Z]").unwrap());

/// Photo agencies and libraries, as the last word of a credit ("Chuck Burton/AP").
#[rustfmt::skip]
static PHOTO_AGENCIES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "ap", "afp", "reuters", "getty", "images", "epa", "yonhap", "newsis", "news1", "pool",
        "shutterstock", "xinhua", "kcna", "tass", "efe", "bloomberg", "dpa", "upi", "sipa",
        "photo", "photos", "caption", "연합뉴스", "뉴시스", "뉴스1",
    ])
});

/// A photo credit or a caption ending in one: "Chuck Burton/AP", "… Getty Images hide caption",
/// "… | AP Photo Close" (the button that closes the picture copied with it).
fn is_photo_credit(text: &str, tokens: &[&str]) -> bool {
    let Some(last) = tokens.last() else {
        return false;
    };
    let credit_end = PHOTO_AGENCIES.contains(last)
        && (text.contains('/') || tokens.contains(&"getty") || tokens.len() <= 3);
    // A credit after the caption's last separator, a closing button after it at most.
    let after_bar = text.rsplit_once(" | ").is_some_and(|(_, tail)| {
        let lower = tail.to_lowercase();
        let mut words: Vec<&str> = words(&lower).collect();
        while words
            .last()
            .is_some_and(|w| matches!(*w, "close" | "hide" | "expand" | "enlarge"))
        {
            words.pop();
        }
        // A title line names its site after a bar too ("… | Xinhua"): a credit says "photo".
        words.len() <= 4
            && words.last().is_some_and(|w| PHOTO_AGENCIES.contains(w))
            && words
                .iter()
                .any(|w| matches!(*w, "photo" | "photos" | "images" | "getty"))
    });
    // A credit of its own: "(Jane Doe / Example Times)", "Courtesy of Example Homes".
    let bracketed =
        text.starts_with('(') && text.ends_with(')') && text.contains('/') && tokens.len() <= 8;
    let courtesy = tokens.len() <= 8
        && matches!(
            tokens,
            ["courtesy", "of", ..] | ["photo" | "photos" | "image" | "images", "courtesy", ..]
        );
    credit_end
        || after_bar
        || bracketed
        || courtesy
        || text.ends_with("hide caption")
        || text.ends_with("toggle caption")
}

/// A subscription or sale offer: a price in a short line with an offer's words ("One Month for
/// Only $1", "3 months for $10. Subscribe"). A headline about a price names who sets it.
fn is_offer(text: &str, tokens: &[&str]) -> bool {
    const OFFER_WORDS: [&str; 12] = [
        "only",
        "just",
        "month",
        "months",
        "week",
        "weeks",
        "subscribe",
        "subscription",
        "offer",
        "trial",
        "save",
        "per",
    ];
    let price = text.char_indices().any(|(i, c)| {
        matches!(c, '$' | '€' | '£')
            && text[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
    });
    price && tokens.len() <= 10 && tokens.iter().any(|t| OFFER_WORDS.contains(t))
}

/// Words of publications' names: a short line holding one is a masthead or a link.
#[rustfmt::skip]
static MASTHEAD_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "times", "news", "daily", "herald", "journal", "ilbo", "agency", "press", "tribune",
        "gazette", "media", "magazine", "network", "broadcasting", "radio", "tv", "일보", "신문", "뉴스",
        "방송", "통신",
    ])
});

/// Words that only fill a line out: "to", "with", "our".
#[rustfmt::skip]
static STOP: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "with", "at", "by", "from",
        "as", "is", "are", "was", "were", "be", "its", "it", "his", "her", "their", "our", "your",
        "we", "you", "he", "she", "they", "this", "that", "not", "no", "will", "would", "should",
        "can", "could", "may", "after", "over", "into", "amid", "about", "than", "up", "out",
        "now", "get", "s", "t",
    ])
});

/// Section and tab labels: the words of a site's sections.
#[rustfmt::skip]
static SECTIONS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "news", "world", "national", "nation", "international", "politics", "political",
        "business", "economy", "economic", "finance", "markets", "tech", "technology", "science",
        "sports", "sport", "culture", "life", "lifestyle", "entertainment", "opinion", "opinions",
        "editorial", "editorials", "column", "columns", "columnists", "analysis", "features",
        "feature", "society", "health", "travel", "video", "videos", "photos", "photo", "gallery",
        "podcast", "podcasts", "live", "breaking", "latest", "popular", "trending", "most", "read",
        "viewed", "top", "stories", "story", "headlines", "asia", "pacific", "americas", "europe",
        "africa", "middle", "east", "north", "south", "korea", "korean", "koreas", "peninsula",
        "defense", "defence", "diplomacy", "security", "military", "foreign", "affairs", "policy",
        "inter", "global", "region", "local", "national", "metro", "weather", "environment",
        "education", "the", "and", "more", "newsletters", "local", "u", "us", "uk", "china",
        "japan", "russia", "unification", "정치", "경제", "사회", "국제", "북한", "문화", "스포츠", "연예", "오피니언",
        "사설", "칼럼", "전체", "최신", "인기", "포토", "영상", "뉴스", "통일", "외교", "국방", "세계", "전국", "라이프", "기획",
        "연재", "많이", "본", "기사", "속보", "단독", "종합", "국내",
        // Spanish, German, French, Russian, Ukrainian, Chinese and Japanese
        "fotos", "vídeos", "y", "política", "economía", "internacional", "deportes", "cultura",
        "sociedad", "opinión", "noticias", "politik", "wirtschaft", "kultur", "meinung",
        "ausland", "inland", "und", "politique", "économie", "société", "vidéos", "et",
        "actualités", "политика", "экономика", "общество", "спорт", "культура", "мнения",
        "новости", "и", "в", "мире", "новини", "політика", "економіка", "国际", "国内", "财经",
        "体育", "社会", "政治", "経済", "国際", "スポーツ", "写真", "图片", "视频", "動画",
    ])
});

/// Section names that are places: in a menu they label a section, in a sentence they are
/// what it is about ("Russia thanks North Korea for support").
const PLACE_SECTIONS: &[&str] = &[
    "asia",
    "pacific",
    "americas",
    "europe",
    "africa",
    "middle",
    "east",
    "north",
    "south",
    "korea",
    "korean",
    "koreas",
    "peninsula",
    "china",
    "japan",
    "russia",
    "us",
    "uk",
];

/// An interface line: its words are interface words and filler, with at most one other word,
/// or it opens with an interface verb and is short ("Subscribe to The Daily Brief").
fn is_interface(tokens: &[&str]) -> bool {
    let interface = tokens.iter().filter(|t| INTERFACE.contains(t)).count();
    if interface == 0 {
        return false;
    }
    let content = tokens
        .iter()
        .filter(|t| {
            !INTERFACE.contains(t)
                && !STOP.contains(t)
                && (!SECTIONS.contains(t) || PLACE_SECTIONS.contains(&**t))
        })
        .count();
    // Verbs, and the status a loading widget shows in their place.
    const VERBS: [&str; 34] = [
        "skip",
        "loading",
        "view",
        "customize",
        "subscribe",
        "sign",
        "log",
        "connect",
        "follow",
        "download",
        "install",
        "register",
        "login",
        "join",
        "share",
        "print",
        "listen",
        "click",
        "tap",
        "accept",
        "manage",
        "donate",
        "upgrade",
        "advertise",
        "send",
        "become",
        "stay",
        "get",
        "continue",
        "enable",
        "turn",
        "explore",
        "contact",
        "read",
    ];
    content <= 1 && tokens.len() <= 12
        || VERBS.contains(&tokens[0]) && (tokens.len() <= 14 || interface >= 2)
        || interface >= 3 && content <= 2
}

/// A section or tab label: a few words, all of them section words ("North Korea", "Politics",
/// "World | Asia"), or a bracketed label alone ("[Editorial]").
fn is_label(text: &str, tokens: &[&str]) -> bool {
    let t = text.trim();
    let bracketed = (t.starts_with('[') && t.ends_with(']')
        || t.starts_with('【') && t.ends_with('】')
        || t.starts_with('<') && t.ends_with('>'))
        && !more_chars_than(t, 30);
    let hashtags = t.split_whitespace().filter(|w| w.starts_with('#')).count();
    bracketed || hashtags >= 2 || tokens.len() <= 4 && tokens.iter().all(|w| SECTIONS.contains(w))
}

/// Whether a line is a section or tab label made of section words ("Latest News", "Top
/// Stories", "뉴스"), for the readers that must not take one for a name.
pub(crate) fn is_section_label(line: &str) -> bool {
    let lower = line.to_lowercase();
    let tokens: Vec<&str> = words(&lower).collect();
    !tokens.is_empty()
        && tokens
            .iter()
            .all(|w| SECTIONS.contains(w) || INTERFACE.contains(w) || MASTHEAD_WORDS.contains(w))
}

/// A trail of short parts ("World / Asia / North Korea", "News | Politics | Defense").
fn is_breadcrumb(text: &str) -> bool {
    if more_chars_than(text, 250) {
        return false;
    }
    let parts: Vec<&str> = text
        .split(['>', '›', '»', '/', '|', '·', '•', '＞'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // A row of four items or more may be longer, and so may its items ("TRENDING: Geek Gifts
    // // Military & Spy Tech // …"): a strip of topics.
    let row = parts.len() >= 4;
    let most = if row { 4 } else { 3 };
    if parts.len() < 2
        || more_chars_than(text, 100) && !row
        || parts.iter().any(|p| p.split_whitespace().count() > most)
    {
        return false;
    }
    let first_is_section = {
        let lower = parts[0].to_lowercase();
        let tokens: Vec<&str> = words(&lower).collect();
        !tokens.is_empty()
            && tokens
                .iter()
                .all(|w| SECTIONS.contains(w) || INTERFACE.contains(w))
    };
    parts.len() >= 3 || first_is_section
}

/// A notice in prose: cookies, consent, subscriptions, browsers.
fn is_notice(text: &str) -> bool {
    if more_chars_than(text, 600) {
        return false;
    }
    let mut seen = 0u32;
    for m in crate::words::overlapping(&*NOTICE_WORDS, text) {
        seen |= 1 << m.pattern().as_usize();
        if seen.count_ones() >= 2 {
            return true;
        }
    }
    false
}

/// The words of notices, found case-blind in one pass.
static NOTICE_WORDS: LazyLock<DFA> = LazyLock::new(|| {
    DFA::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build([
            "cookie",
            "privacy policy",
            "consent",
            "javascript",
            "your browser",
            "browser version",
            "supported version",
            "supported browser",
            "subscribe",
            "subscription",
            "newsletter",
            "sign up",
            "log in",
            "ad blocker",
            "terms of use",
            "sign in",
            "please register",
            "register here",
            "click here",
            "email address",
            "your inbox",
            "쿠키",
            "로그인",
            "구독",
            "회원가입",
        ])
        .expect("the notice words compile")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_with_the_outlet_is_a_credit() {
        assert!(is_dateline_credit("OSLO — The Northern Courier", &[]));
        assert!(is_dateline_credit(
            "SEOUL - Example Daily",
            &["example daily"]
        ));
        assert!(!is_dateline_credit(
            "OSLO — Talks resume on fishing rules",
            &[]
        ));
        assert!(!is_dateline_credit("Oslo — The Northern Courier", &[]));
    }

    #[test]
    fn names_of_authors_are_no_headline() {
        for byline in [
            "Jane Doe and John Roe",
            "Jane Doe, John Roe",
            "Helen Marsh, The Coral Review",
        ] {
            assert!(authors(byline, &[]), "{byline}");
        }
        for headline in [
            "Putin and Kim sign a defence pact",
            "Seoul, Tokyo resume defence talks",
            "Kim Jong Un",
        ] {
            assert!(!authors(headline, &[]), "{headline}");
        }
    }

    #[test]
    fn sign_up_and_register_notices_are_no_body() {
        for notice in [
            "If you'd like deeper access (taking quizzes, leaving comments) please register here.",
            "Already have an account? Sign in to read on, or click here to create one today.",
        ] {
            assert!(is_notice(notice), "{notice}");
        }
        assert!(!is_notice(
            "Voters in the province must register by Friday, election officials said on Monday."
        ));
    }

    #[test]
    fn shapes() {
        for furniture in [
            "Skip to main content",
            "Connect with us",
            "Sign up for our newsletter",
            "1.2K views",
            "12 comments",
            "5 min read",
            "Thursday, June 20",
            "2024.06.20 (목)",
            "SEOUL, June 19 (Yonhap) --",
            "North Korea",
            "World > Asia",
            "News | Politics | Defense",
            "[Editorial]",
            "조회 1,234",
            "본문 바로가기",
            "Police clear the square after a night of protests20:42",
            "MORE: Police clear the square after a night of protests",
            "Read more: Police clear the square after a night of protests",
            "Military & Defense More: Harbour Police Portmere Carrick Bay",
            "Police clear the square after a night of protests 9:05",
            "Police clear the square after a night of protests. | AP Photo Close",
            "Loading Photo Gallery",
            "View Full Weather Report",
            "Customize Your Weather",
            "TRENDING: Geek Gifts // Ebola Outbreak // Military & Spy Tech // 3D Printing // Best Fitness Trackers // Human Origins",
            "(Jane Doe / Harbour Times)",
            "Courtesy of Example Homes",
            "One Month for Only $1",
            "Special offer: Election package. 3 months for $10. Subscribe",
        ] {
            assert!(shape(furniture, || false) <= FURNITURE, "{furniture}");
        }
        for headline in [
            "Putin and Kim sign a defence pact",
            "Kim in Russia",
            "North Korea fires two ballistic missiles into the East Sea",
            "State dinner menu for Putin revealed",
            "푸틴, 24년 만에 평양 도착",
            "Has the US-led pressure campaign against Pyongyang failed?",
            "Talks resume in Geneva at 10:30",
            "Russia offers North Korea wheat at $200 a tonne",
            "Courtesy visits resume between Moscow and Pyongyang",
        ] {
            assert!(shape(headline, || false) > 0.0, "{headline}");
        }
    }

    #[test]
    fn site_furniture_in_other_languages_is_no_headline() {
        for furniture in [
            "Предыдущая страница",
            "Попередня сторінка",
            "¿No encuentras algo?",
            "Fotos y vídeos",
            "Politik und Wirtschaft",
            "Rechercher",
            "Nächste Seite",
        ] {
            assert!(shape(furniture, || false) <= FURNITURE, "{furniture}");
        }
        for headline in [
            "Парламент принял бюджет на следующий год",
            "El Gobierno aprueba la reforma de las pensiones",
            "Regierung plant neue Regeln für Mieten",
        ] {
            assert!(shape(headline, || false) > 0.0, "{headline}");
        }
    }

    #[test]
    fn field_label_and_rights_notice_are_no_headline() {
        for furniture in [
            "来源： 东方晨报",
            "字体： 小 中 大",
            "Quelle: Nordpresse",
            "発信地：ナイロビ/ケニア",
            "メインメニューをとばして本文へ",
            "Example Shimbun Inc. No reproduction without permission.",
            "版权所有 东方晨报社",
            "Copyright 2024 Example Media. All rights reserved",
        ] {
            assert!(shape(furniture, || false) <= FURNITURE, "{furniture}");
        }
        for headline in [
            "专家：两国合作符合各方利益",
            "Court weighs copyright claims over AI images",
        ] {
            assert!(shape(headline, || false) > 0.0, "{headline}");
        }
    }

    #[test]
    fn cjk_menu_row_and_dated_list_entry_are_no_headline() {
        for furniture in [
            "东方晨报 晨报海外版 城市周刊 健康时报 财经周刊",
            "市长就交通事故发表讲话 2014年1月9日",
            "2018年6月18日 10:01 発信地：ナイロビ",
        ] {
            assert!(shape(furniture, || false) <= FURNITURE, "{furniture}");
        }
        for headline in [
            "保障药品供应 全力稳定价格",
            "首相が訪米へ　来月にも首脳会談",
        ] {
            assert!(shape(headline, || false) > 0.0, "{headline}");
        }
    }

    #[test]
    fn cjk_sentence_is_body() {
        assert!(is_body(
            "市政府周三宣布，将在明年春季前完成全市地铁线路的升级改造工程。"
        ));
        assert!(!is_body("保障药品供应。"));
    }
}
