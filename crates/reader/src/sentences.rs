//! Sentence boundaries in a paragraph of news text. Written by hand because the Unicode
//! sentence rules (UAX #29) break after every "Mr." and "U.S." followed by a capital, which news
//! prose is full of; this splitter knows abbreviations, initials and dotted acronyms.

use crate::words::{WordSet, eq_lowercase, find_byte};
use std::sync::LazyLock;

/// Abbreviations that end with a period but do not end a sentence.
/// Month abbreviations: not an end before a day number ("Jan. 5"), an end otherwise
/// ("… said Zhang Jun. The …").
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "lt", "col", "maj", "capt", "cmdr",
    "adm", "sgt", "rep", "sen", "gov", "rev", "pres", "amb", "no", "nos", "vol", "art", "fig",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "vs", "etc", "approx", "inc",
    "corp", "co", "ltd", "mt", "ft", "est", "dept", "univ", "a.m", "p.m",
];

static MONTH_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MONTHS));
static ABBREVIATION_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ABBREVIATIONS));

/// Byte ranges of the sentences of `text`, trimmed, in order.
///
/// ```
/// let text = "Mr. Kim met U.S. envoy Stephen Biegun on Jan. 5. They talked. Then Putin spoke!";
/// let s: Vec<&str> = reader::sentences::split(text).into_iter().map(|(a, b)| &text[a..b]).collect();
/// assert_eq!(s, ["Mr. Kim met U.S. envoy Stephen Biegun on Jan. 5.", "They talked.", "Then Putin spoke!"]);
/// ```
pub fn split(text: &str) -> Vec<(usize, usize)> {
    split_until(text, text.len())
}

/// The sentences of `split(text)` that start at or before byte `last`. No end is looked for past
/// the sentence holding `last`: whether a period ends a sentence depends only on the words
/// around it, never on where the sentence began, so the sentences found are the same.
pub(crate) fn split_until(text: &str, last: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while start <= last
        && let Some((i, c)) = next_end(text, from)
    {
        // Take closing quotes and brackets that belong to the sentence.
        let mut end = i + c.len_utf8();
        end += text[end..]
            .find(|q| {
                !matches!(
                    q,
                    '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '.' | '!' | '?'
                )
            })
            .unwrap_or(text.len() - end);
        from = end;
        let next_is_space = end >= text.len() || text[end..].starts_with(char::is_whitespace);
        if !next_is_space {
            continue;
        }
        let cjk = matches!(c, '。' | '！' | '？');
        if !cjk && c == '.' && !ends_sentence(&text[start..i], &text[end..]) {
            continue;
        }
        push_trimmed(text, start, end, &mut out);
        start = end;
    }
    if start <= last {
        push_trimmed(text, start, text.len(), &mut out);
    }
    out
}

/// The next sentence-ending character at or after byte `from`, found by its byte: '.', '!' and
/// '?' are ASCII, and the lead bytes 0xE3 and 0xEF start the full-width '。', '！' and '？'.
fn next_end(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(i) = find_byte(bytes, at, |b| {
        (b == b'.') | (b == b'!') | (b == b'?') | (b == 0xE3) | (b == 0xEF)
    }) {
        let c = text[i..].chars().next().expect("a character starts here");
        if matches!(c, '.' | '!' | '?' | '。' | '！' | '？') {
            return Some((i, c));
        }
        at = i + c.len_utf8();
    }
    None
}

/// Whether a period after `before` ends the sentence, given what follows.
fn ends_sentence(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let next = after.trim_start().chars().next();
    // The next sentence starts with a capital, a digit, a quote or another script.
    let starts_sentence = next.is_none_or(|n| {
        n.is_uppercase() || n.is_numeric() || "\"“‘'([".contains(n) || !n.is_ascii()
    });
    if !starts_sentence {
        return false;
    }
    if ABBREVIATION_SET.contains_lowercase(word) {
        return false;
    }
    if MONTH_SET.contains_lowercase(word) {
        return !next.is_some_and(|n| n.is_ascii_digit());
    }
    // A single capital is an initial ("J. Smith"); "U.S" and "U.N" are dotted acronyms.
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let is_initial = letters == 1 && word.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    !(is_initial || dotted && next.is_some_and(|n| n.is_uppercase() && starts_with_name(after)))
}

/// After "U.S." a capitalised word that is not a sentence opener is part of the same sentence
/// ("U.S. President Trump"); a function word ("The", "He") starts a new one.
fn starts_with_name(after: &str) -> bool {
    const OPENERS: [&str; 24] = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those",
        "but", "and", "in", "on", "at", "for", "if", "as", "his", "her", "its",
    ];
    let word = after.split_whitespace().next().unwrap_or("");
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    !OPENERS.iter().any(|o| eq_lowercase(word, o))
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn acronym_at_sentence_end_before_function_word() {
        assert_eq!(
            sentences("He went to the U.S. The trip was long."),
            ["He went to the U.S.", "The trip was long."]
        );
    }

    #[test]
    fn acronym_before_title_stays() {
        assert_eq!(
            sentences("U.S. President Donald Trump met Kim."),
            ["U.S. President Donald Trump met Kim."]
        );
    }

    #[test]
    fn numbers_and_initials() {
        assert_eq!(
            sentences("No. 1 priority. George W. Bush spoke."),
            ["No. 1 priority.", "George W. Bush spoke."]
        );
    }

    #[test]
    fn quotes_close_the_sentence() {
        assert_eq!(
            sentences("He said, “We agree.” Then he left."),
            ["He said, “We agree.”", "Then he left."]
        );
    }

    #[test]
    fn korean_sentences() {
        assert_eq!(
            sentences("김정은이 방러했다. 푸틴과 만났다."),
            ["김정은이 방러했다.", "푸틴과 만났다."]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            sentences("Growth was 3.5 percent. Next."),
            ["Growth was 3.5 percent.", "Next."]
        );
    }
}
