//! The measures: visible text of an HTML body, word tokens, 4-word shingles and their precision,
//! recall and F1, and the comparison of titles, bylines, sites and days with the gold. Knows
//! nothing about any candidate.

use ego_tree::iter::Edge;
use scraper::{Html, Node};
use std::collections::HashSet;
use unicode_general_category::{GeneralCategory as G, get_general_category};

/// Elements whose content is not visible text.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "svg", "math",
];

/// Elements that start and end a line (block-level elements, list items, table rows and cells).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The visible text of an HTML document or fragment, block elements on lines of their own.
pub fn visible_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::with_capacity(html.len() / 2);
    let mut hidden = 0usize;
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if hidden > 0 || HIDDEN.contains(&name) || el.attr("hidden").is_some() {
                        hidden += 1;
                    } else if BLOCKS.contains(&name) {
                        out.push('\n');
                    }
                }
                Node::Text(t) if hidden == 0 => out.push_str(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if hidden > 0 {
                        hidden -= 1;
                    } else if BLOCKS.contains(&el.name()) {
                        out.push('\n');
                    }
                }
            }
        }
    }
    out
}

fn is_punct_or_symbol(c: char) -> bool {
    matches!(
        get_general_category(c),
        G::ConnectorPunctuation
            | G::DashPunctuation
            | G::OpenPunctuation
            | G::ClosePunctuation
            | G::InitialPunctuation
            | G::FinalPunctuation
            | G::OtherPunctuation
            | G::MathSymbol
            | G::CurrencySymbol
            | G::ModifierSymbol
            | G::OtherSymbol
    )
}

/// CJK ideographs and kana: each one is a token of its own.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x309F   // hiragana
        | 0x30A0..=0x30FF // katakana
        | 0x31F0..=0x31FF // katakana phonetic extensions
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xFF66..=0xFF9D // half-width katakana
        | 0x20000..=0x3FFFF // CJK extensions B and later
    )
}

/// Words: split on whitespace, lowercased, punctuation and symbols trimmed at both ends, empty
/// tokens dropped, every CJK ideograph or kana a token of its own.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let trimmed = raw.trim_matches(is_punct_or_symbol);
        if trimmed.is_empty() {
            continue;
        }
        let lower = trimmed.to_lowercase();
        let mut run = String::new();
        for c in lower.chars() {
            if is_cjk(c) {
                push_trimmed(&mut out, &run);
                run.clear();
                out.push(c.to_string());
            } else {
                run.push(c);
            }
        }
        push_trimmed(&mut out, &run);
    }
    out
}

fn push_trimmed(out: &mut Vec<String>, run: &str) {
    let t = run.trim_matches(is_punct_or_symbol);
    if !t.is_empty() {
        out.push(t.to_string());
    }
}

/// The set of 4-token windows; a text of 1–3 tokens is one shingle.
pub fn shingles(tokens: &[String]) -> HashSet<String> {
    if tokens.is_empty() {
        return HashSet::new();
    }
    if tokens.len() < 4 {
        return HashSet::from([tokens.join(" ")]);
    }
    tokens.windows(4).map(|w| w.join(" ")).collect()
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

/// Precision, recall and F1 of the predicted body against the gold body.
pub fn prf(predicted: &str, gold: &str) -> Prf {
    let p = shingles(&tokens(predicted));
    let g = shingles(&tokens(gold));
    match (p.is_empty(), g.is_empty()) {
        (true, true) => Prf {
            p: 1.0,
            r: 1.0,
            f1: 1.0,
        },
        (true, false) | (false, true) => Prf::default(),
        (false, false) => {
            let common = p.intersection(&g).count() as f64;
            let precision = common / p.len() as f64;
            let recall = common / g.len() as f64;
            let f1 = if common == 0.0 {
                0.0
            } else {
                2.0 * precision * recall / (precision + recall)
            };
            Prf {
                p: precision,
                r: recall,
                f1,
            }
        }
    }
}

/// Titles, bylines and site names are equal when their tokens are (case, spacing and end
/// punctuation do not count).
pub fn same_words(a: &str, b: &str) -> bool {
    let ta = tokens(a);
    !ta.is_empty() && ta == tokens(b)
}

/// The first `YYYY-MM-DD` (or `YYYY/MM/DD`, `YYYY.MM.DD`) in a string, as written (no time-zone
/// shift): the ISO day.
pub fn iso_day(s: &str) -> Option<(u16, u8, u8)> {
    let b = s.as_bytes();
    let digits = |i: usize, n: usize| -> Option<u32> {
        let part = b.get(i..i + n)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() {
            continue;
        }
        let (Some(y), Some(sep)) = (digits(i, 4), b.get(i + 4)) else {
            continue;
        };
        if !matches!(sep, b'-' | b'/' | b'.') || b.get(i + 7) != Some(sep) {
            continue;
        }
        let (Some(m), Some(d)) = (digits(i + 5, 2), digits(i + 8, 2)) else {
            continue;
        };
        if (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
            return Some((y as u16, m as u8, d as u8));
        }
    }
    None
}

pub fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    xs.iter().sum::<f64>() / xs.len() as f64
}

pub fn median(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_trim_punctuation_and_split_cjk() {
        assert_eq!(
            tokens("«Hello,» WORLD — 2024年6月 ok."),
            ["hello", "world", "2024", "年", "6", "月", "ok"]
        );
    }

    #[test]
    fn short_text_is_one_shingle() {
        assert_eq!(shingles(&tokens("a b c")).len(), 1);
        assert_eq!(shingles(&tokens("a b c d e")).len(), 2);
    }

    #[test]
    fn empty_prediction_scores_zero() {
        assert_eq!(prf("", "some gold text here").f1, 0.0);
        assert_eq!(prf("one two three four", "one two three four").f1, 1.0);
    }

    #[test]
    fn blocks_are_separated() {
        let t = visible_text("<div><p>one</p><p>two</p><script>x</script></div>");
        assert_eq!(tokens(&t), ["one", "two"]);
    }

    #[test]
    fn iso_day_reads_the_first_date() {
        assert_eq!(iso_day("2015-07-10T09:53:00-04:00"), Some((2015, 7, 10)));
        assert_eq!(iso_day("x 2019/04/28 06:01"), Some((2019, 4, 28)));
        assert_eq!(iso_day("Tue 1 Jul"), None);
    }
}
