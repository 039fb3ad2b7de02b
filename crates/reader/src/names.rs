//! Names the dictionary does not know, found from their context: a person after a title
//! ("Foreign Minister …", "spokesman …") or around a speech verb ("said …", "… told"), or
//! introduced by an apposition ("…, a professor at …"); an organisation as a capitalised phrase
//! around a head noun ("… University of …", "… Institute"). Reported with `known: false`.

use crate::model::ActorKind;
use crate::words::{WordSet, ends_with_lowercase, is_alphanumeric, runs, starts_with_lowercase};
use std::sync::LazyLock;

/// A name found in text, not in the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub kind: ActorKind,
    /// The words that gave it away ("said", "Foreign Minister", "University").
    pub cue: String,
}

/// Words that end a title before a person's name.
const TITLES: &[&str] = &[
    "minister",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "premier",
    "chairman",
    "chairwoman",
    "general",
    "gen.",
    "adm.",
    "admiral",
    "marshal",
    "lt.",
    "col.",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "secretary",
    "director",
    "professor",
    "prof.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "governor",
    "mayor",
    "commander",
    "analyst",
    "researcher",
    "lawmaker",
    "official",
    "diplomat",
    "negotiator",
    "chief",
    "counselor",
    "adviser",
    "advisor",
    "fellow",
    "expert",
    "scholar",
    "journalist",
    "defector",
    "vice-chairman",
    "deputy",
];

const SPEECH_BEFORE: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "wrote",
    "stated",
    "explained",
    "argued",
    "warned",
    "according to",
];
const SPEECH_AFTER: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "wrote",
    "stated",
    "explained",
    "argued",
    "warned",
];
const APPOSITION_NOUNS: &[&str] = &[
    "professor",
    "researcher",
    "analyst",
    "expert",
    "fellow",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senior",
    "former",
    "director",
    "official",
    "lawmaker",
    "member",
    "scholar",
    "diplomat",
    "minister",
    "ambassador",
    "head",
    "chief",
    "deputy",
    "vice",
    "research",
    "lecturer",
    "specialist",
    "defector",
    "retired",
];

/// Head nouns that make a capitalised phrase an organisation.
const ORG_HEADS: &[&str] = &[
    "University",
    "Institute",
    "Agency",
    "Ministry",
    "Committee",
    "Council",
    "Forum",
    "Party",
    "Service",
    "Association",
    "Foundation",
    "Center",
    "Centre",
    "Commission",
    "Corporation",
    "Bank",
    "Academy",
    "Command",
    "Office",
    "Organization",
    "Organisation",
    "Federation",
    "League",
    "Society",
    "Bureau",
    "Fund",
    "Programme",
    "Court",
    "Parliament",
    "Assembly",
    "Guard",
    "Navy",
    "Army",
    "Department",
    "Authority",
    "Administration",
    "Agency",
];
const ORG_CONNECTORS: &[&str] = &["of", "for", "and", "on", "&", "the"];

static TITLE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(TITLES));
static ORG_HEAD_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ORG_HEADS));
static NOT_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        &[
            NOT_NAMES,
            &crate::dates::MONTH_NAMES,
            &crate::dates::WEEKDAY_NAMES,
        ]
        .concat(),
    )
});

/// Capitalised words that are never part of a person's name.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "But",
    "And",
    "If",
    "It",
    "He",
    "She",
    "They",
    "We",
    "This",
    "That",
    "North",
    "South",
    "East",
    "West",
    "Northeast",
    "Far",
    "Korean",
    "Russian",
    "Chinese",
    "American",
    "Japanese",
    "Ukrainian",
    "President",
    "Minister",
    "Prime",
    "Foreign",
    "Defense",
    "Defence",
    "Deputy",
    "Vice",
    "Secretary",
    "State",
    "National",
    "Security",
    "United",
    "Nations",
    "Council",
    "Assembly",
    "Party",
    "Army",
    "News",
    "Agency",
    "Times",
    "Herald",
    "Daily",
    "Post",
    "Kremlin",
    "Pyongyang",
    "Seoul",
    "Moscow",
    "Beijing",
    "Tokyo",
    "Washington",
    "Kyiv",
    "Korea",
    "Russia",
    "China",
    "Japan",
    "Ukraine",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "General",
    "Gen.",
    "Chairman",
    "Ministry",
    "Office",
    "Department",
    "House",
    "White",
    "Blue",
    "Red",
    "Green",
    "Union",
    "European",
    "Asia",
    "Europe",
    "Africa",
    "America",
    "Pacific",
    "Atlantic",
    "Peninsula",
    "War",
    "Cold",
    "Day",
    "Year",
    "Reuters",
    "Yonhap",
    "KCNA",
    "TASS",
    "AFP",
    "AP",
    "Ambassador",
    "Special",
    "Representative",
    "Spokesman",
    "Spokesperson",
    "Professor",
    "Senior",
    "Former",
    "Chief",
    "Director",
    "Commander",
    "Leader",
    "Premier",
    "Prof.",
    "Rep.",
    "Sen.",
    "Sir",
    "Lord",
    "Saint",
    "St.",
    "Mount",
    "Lake",
    "River",
    "Sea",
    "Island",
    "Islands",
];

/// A word and its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

/// The ASCII bytes of a word: letters, digits and the marks inside names and abbreviations
/// ("O'Brien", "Sung-rak", "U.S.", "AT&T"). Comparisons joined by `|`, which `runs` tests many
/// bytes at a time.
fn is_word_byte(b: u8) -> bool {
    ((b | 0x20).wrapping_sub(b'a') < 26)
        | (b.wrapping_sub(b'0') < 10)
        | (b == b'-')
        | (b == b'.')
        | (b == b'\'')
        | (b == b'&')
}

fn words(text: &str) -> Vec<Word<'_>> {
    let part = |c: char| is_alphanumeric(c) || c == '’';
    let mut out = Vec::with_capacity(text.len() / 6);
    for (s, e) in runs(text, is_word_byte, part) {
        let mut w = &text[s..e];
        // Keep the period of initials and titles ("W.", "Gen."); drop sentence periods and possessives.
        while w.len() > 1
            && (w.ends_with('.') && !is_abbrev(w) || w.ends_with('\'') || w.ends_with('-'))
        {
            w = &w[..w.len() - 1];
        }
        if w.ends_with('s') {
            for suffix in ["’s", "'s"] {
                if let Some(stem) = w.strip_suffix(suffix) {
                    w = stem;
                }
            }
        }
        out.push(Word {
            start: s,
            end: s + w.len(),
            text: w,
        });
    }
    out
}

fn is_abbrev(w: &str) -> bool {
    let stem = w.trim_end_matches('.');
    stem.chars().count() == 1 && stem.chars().all(char::is_uppercase)
        || TITLE_SET.contains_lowercase(w)
}

/// A token of a person's name: "Wi", "Sung-rak", "O'Brien", "W." (initial). Every word of every
/// paragraph is tested and most open in lowercase: that test is inlined where words are read,
/// and only capitalised words pay for a call.
#[inline]
fn is_name_token(w: &str) -> bool {
    opens_with_capital(w) && is_capitalised_name_token(w)
}

/// `is_name_token` for a word that opens with a capital.
fn is_capitalised_name_token(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next();
    let rest = chars.as_str();
    let shaped = rest == "."
        || !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && rest.chars().any(|c| c.is_lowercase());
    shaped && !NOT_NAME_SET.contains(w)
}

/// Person-like names in `text` that do not overlap `known` spans.
///
/// ```
/// let text = "\"It will fail,\" said Wi Sung-rak, who served in Moscow.";
/// let hits = reader::names::find(text, &[]);
/// assert_eq!(hits[0].name, "Wi Sung-rak");
/// ```
pub fn find(text: &str, known: &[(usize, usize)]) -> Vec<NameHit> {
    // Every name found opens two words with capitals: a Korean paragraph has none.
    if text.chars().filter(|c| c.is_uppercase()).take(2).count() < 2 {
        return Vec::new();
    }
    let ws = words(text);
    // Each word is tested once, not once for every run that could hold it.
    let name_token: Vec<bool> = ws.iter().map(|w| is_name_token(w.text)).collect();
    let overlaps = |s: usize, e: usize| known.iter().any(|&(a, b)| s < b && a < e);
    let mut hits: Vec<NameHit> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !name_token[i] {
            i += 1;
            continue;
        }
        let run = name_token[i..]
            .iter()
            .take(4)
            .take_while(|&&token| token)
            .count();
        if run < 2 || i > 0 && name_token[i - 1] {
            i += 1;
            continue;
        }
        let (s, e) = (ws[i].start, ws[i + run - 1].end);
        let between_ok = ws[i..i + run]
            .windows(2)
            .all(|p| text[p[0].end..p[1].start].chars().all(|c| c == ' '));
        if !between_ok || overlaps(s, e) || ws[i + run - 1].text.ends_with('.') {
            i += 1;
            continue;
        }
        if let Some(cue) = person_cue(text, &ws, i, run) {
            hits.push(NameHit {
                start: s,
                end: e,
                name: text[s..e].to_string(),
                kind: ActorKind::Person,
                cue,
            });
            i += run;
        } else {
            i += 1;
        }
    }
    for hit in organisations(text, &ws) {
        if !overlaps(hit.start, hit.end)
            && !hits.iter().any(|h| hit.start < h.end && h.start < hit.end)
        {
            hits.push(hit);
        }
    }
    hits.sort_by_key(|h| h.start);
    hits
}

/// What in the context marks the run `ws[i..i+run]` as a person's name. The context is compared
/// case-blind where it stands: lowercasing the rest of the paragraph for every run cost more
/// than everything else here.
fn person_cue(text: &str, ws: &[Word<'_>], i: usize, run: usize) -> Option<String> {
    let before = &text[..ws[i].start];
    let after = &text[ws[i + run - 1].end..];
    if i > 0 {
        let touching = text[ws[i - 1].end..ws[i].start].trim().is_empty();
        if touching && TITLE_SET.contains_lowercase(ws[i - 1].text) {
            return Some(ws[i - 1].text.to_string());
        }
    }
    let before_trim = before.trim_end();
    if let Some(verb) = SPEECH_BEFORE
        .iter()
        .find(|v| ends_with_lowercase(before_trim, v))
    {
        return Some(verb.to_string());
    }
    if let Some(verb) = SPEECH_AFTER.iter().find(|v| {
        after
            .strip_prefix(' ')
            .is_some_and(|rest| starts_with_lowercase(rest, v))
    }) {
        return Some(verb.to_string());
    }
    for article in [
        ", a ",
        ", an ",
        ", the ",
        ", who ",
        ", former ",
        ", professor ",
    ] {
        if let Some(rest) = strip_prefix_lowercase(after, article) {
            let next = rest.split_whitespace().next().unwrap_or("");
            if article == ", who "
                || article == ", former "
                || APPOSITION_NOUNS
                    .iter()
                    .any(|n| starts_with_lowercase(next, n))
            {
                return Some(article.trim_matches([',', ' ']).to_string());
            }
        }
    }
    None
}

/// What follows an opening of `text` whose lowercase is `prefix`: `prefix` is lowercase ASCII
/// ending in a space, so a match always ends between two characters of `text`.
fn strip_prefix_lowercase<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let mut wanted = prefix.chars().peekable();
    for (i, c) in text.char_indices() {
        if wanted.peek().is_none() {
            return Some(&text[i..]);
        }
        for lower in c.to_lowercase() {
            if wanted.next() != Some(lower) {
                return None;
            }
        }
    }
    wanted.peek().is_none().then_some("")
}

/// Capitalised phrases holding an organisation head noun: "Hankuk University of Foreign Studies".
fn organisations(text: &str, ws: &[Word<'_>]) -> Vec<NameHit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !starts_upper(ws[i].text) || ws[i].text == "The" {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut last_cap = i;
        while j + 1 < ws.len() && j - i < 8 {
            let gap = &text[ws[j].end..ws[j + 1].start];
            if !gap.chars().all(|c| c == ' ') || gap.is_empty() {
                break;
            }
            let next = ws[j + 1].text;
            if starts_upper(next) {
                last_cap = j + 1;
            } else if !ORG_CONNECTORS.contains(&next) {
                break;
            }
            j += 1;
        }
        let phrase = &ws[i..=last_cap];
        if phrase.len() >= 2
            && let Some(head) = phrase.iter().find(|w| ORG_HEAD_SET.contains(w.text))
        {
            let (s, e) = (phrase[0].start, phrase[phrase.len() - 1].end);
            out.push(NameHit {
                start: s,
                end: e,
                name: text[s..e].to_string(),
                kind: ActorKind::Organization,
                cue: head.text.to_string(),
            });
        }
        i = last_cap + 1;
    }
    out
}

fn starts_upper(w: &str) -> bool {
    opens_with_capital(w) && w.chars().any(char::is_lowercase)
}

/// Whether a word's first character is uppercase, settled on the first byte for ASCII.
#[inline]
fn opens_with_capital(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// A slug for an id: lowercase ASCII letters and digits joined by hyphens.
///
/// ```
/// assert_eq!(reader::names::slug("Wi Sung-rak"), "wi-sung-rak");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut step = |c: char| {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    };
    for c in name.chars() {
        if c.is_ascii() {
            step(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut step);
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        format!("name-{:08x}", fnv(name))
    } else {
        trimmed.to_string()
    }
}

/// FNV-1a, for a stable id of a name with no ASCII letters.
fn fnv(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        find(text, &[]).into_iter().map(|h| h.name).collect()
    }

    #[test]
    fn title_before_name() {
        assert_eq!(
            names("Foreign Minister Choe Son Hui arrived."),
            ["Choe Son Hui"]
        );
        assert_eq!(
            names("the Kremlin spokesman Dmitry Peskov said."),
            ["Dmitry Peskov"]
        );
    }

    #[test]
    fn speech_verbs_and_apposition() {
        assert_eq!(
            names("\"No,\" said Wi Sung-rak, who served there."),
            ["Wi Sung-rak"]
        );
        assert_eq!(
            names("Jeh Sung-hoon, a professor of Russian studies, commented."),
            ["Jeh Sung-hoon"]
        );
        assert_eq!(names("Ankit Panda told reporters."), ["Ankit Panda"]);
    }

    #[test]
    fn places_and_capitalised_phrases_are_not_people() {
        assert!(
            names("In the Far East, a region of Russia, the Belt and Road Initiative grew.")
                .is_empty()
        );
        assert!(names("He visited Vladivostok, a port city.").is_empty());
    }

    #[test]
    fn organisations_by_head_noun() {
        let hits = find(
            "a professor at Hankuk University of Foreign Studies, commented",
            &[],
        );
        assert_eq!(hits[0].name, "Hankuk University of Foreign Studies");
        assert_eq!(hits[0].kind, ActorKind::Organization);
    }

    #[test]
    fn known_spans_are_skipped() {
        let text = "said Dmitry Peskov.";
        assert!(find(text, &[(5, 18)]).is_empty());
    }
}
