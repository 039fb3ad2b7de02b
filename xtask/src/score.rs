//! The measures of `cargo xtask eval`, the same for every system: body text as 4-word shingles
//! (precision, recall, F1), short fields (title, byline, site) by normalised equality or
//! containment, and the visible text of a gold `expected.html`. Pure functions; the job that
//! runs the systems and writes the tables is `eval.rs`.

use regex::Regex;
use scraper::{Html, Node};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Words per shingle.
pub const SHINGLE: usize = 4;

/// Precision, recall and F1 of one page's body against its gold body.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Punctuation and symbols (Unicode categories P and S) at either end of a token.
static EDGES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{P}\p{S}]+|[\p{P}\p{S}]+$").expect("the pattern is valid"));

/// A CJK ideograph or kana: scripts written without spaces, so each is a token of its own.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3005}'                  // 々, the ideographic iteration mark
        | '\u{3040}'..='\u{30FF}'   // hiragana, katakana
        | '\u{31F0}'..='\u{31FF}'   // katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9D}'   // halfwidth katakana
        | '\u{20000}'..='\u{323AF}' // CJK extensions B–H and compatibility supplement
    )
}

/// Text → tokens: split on whitespace, lowercase, every CJK ideograph or kana on its own,
/// punctuation and symbols trimmed from both ends, empty tokens dropped.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |piece: &str| {
        let trimmed = EDGES.replace_all(piece, "");
        if !trimmed.is_empty() {
            out.push(trimmed.into_owned());
        }
    };
    for word in text.split_whitespace() {
        let lower = word.to_lowercase();
        let mut run = String::new();
        for c in lower.chars() {
            if is_cjk(c) {
                push(&run);
                run.clear();
                push(c.encode_utf8(&mut [0; 4]));
            } else {
                run.push(c);
            }
        }
        push(&run);
    }
    out
}

/// The set of runs of `SHINGLE` consecutive tokens; a text of 1 to `SHINGLE - 1` tokens is one
/// shingle, an empty one none.
pub fn shingles(tokens: &[String]) -> HashSet<String> {
    if tokens.is_empty() {
        return HashSet::new();
    }
    if tokens.len() < SHINGLE {
        return HashSet::from([tokens.join(" ")]);
    }
    tokens.windows(SHINGLE).map(|w| w.join(" ")).collect()
}

/// The body measures of `predicted` against `gold`; `None` when the gold has no token (the page
/// then counts in no body figure). An empty prediction scores zero.
pub fn body(predicted: &str, gold: &str) -> Option<Prf> {
    let gold = shingles(&tokens(gold));
    if gold.is_empty() {
        return None;
    }
    let predicted = shingles(&tokens(predicted));
    if predicted.is_empty() {
        return Some(Prf {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        });
    }
    let common = predicted.intersection(&gold).count() as f64;
    let precision = common / predicted.len() as f64;
    let recall = common / gold.len() as f64;
    let f1 = if common == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Some(Prf {
        precision,
        recall,
        f1,
    })
}

/// Whitespace collapsed to single spaces, trimmed and lowercased.
pub fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A byline normalised, without a leading "by" (our convention drops it; some gold keeps it).
pub fn normalise_byline(text: &str) -> String {
    let text = normalise(text);
    match text.strip_prefix("by ") {
        Some(rest) => rest.trim_start().to_string(),
        None => text,
    }
}

/// Equal once normalised by `norm`; a missing prediction is wrong.
pub fn same(predicted: Option<&str>, gold: &str, norm: fn(&str) -> String) -> bool {
    predicted.is_some_and(|p| norm(p) == norm(gold))
}

/// One contains the other once normalised by `norm` (neither empty).
pub fn overlaps(predicted: Option<&str>, gold: &str, norm: fn(&str) -> String) -> bool {
    let Some(predicted) = predicted else {
        return false;
    };
    let (p, g) = (norm(predicted), norm(gold));
    !p.is_empty() && !g.is_empty() && (p.contains(&g) || g.contains(&p))
}

/// The day of a gold timestamp: its leading `YYYY-MM-DD`, if it has one.
pub fn day_of(timestamp: &str) -> Option<String> {
    let day = timestamp.trim().get(..10)?;
    let bytes = day.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    (digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10))
        .then(|| day.to_string())
}

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
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
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements whose content is never shown as text.
const HIDDEN: &[&str] = &["head", "noscript", "script", "style", "template", "title"];

/// The visible text of an HTML document or fragment, one block element per line, whitespace
/// inside a line collapsed.
pub fn visible_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut raw = String::new();
    // Depth-first with an explicit stack, so deep nesting cannot overflow ours.
    let mut stack = vec![(doc.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        let Node::Element(element) = node.value() else {
            if let Node::Text(text) = node.value() {
                // Line breaks in the source are spaces; only blocks make lines.
                raw.extend(
                    text.chars()
                        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
                );
            } else {
                stack.extend(node.children().rev().map(|c| (c, false)));
            }
            continue;
        };
        let name = element.name();
        let block = BLOCKS.contains(&name);
        if closing {
            if block {
                raw.push('\n');
            }
            continue;
        }
        if HIDDEN.contains(&name) || element.attr("hidden").is_some() {
            continue;
        }
        if block {
            raw.push('\n');
        }
        stack.push((node, true));
        stack.extend(node.children().rev().map(|c| (c, false)));
    }
    raw.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The middle value (the mean of the two middle ones for an even count); `None` when empty.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    })
}

/// The arithmetic mean; `None` when empty.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        tokens(text)
    }

    #[test]
    fn tokens_are_lowercased_and_trimmed_of_punctuation_and_symbols() {
        assert_eq!(
            toks("«Hello,» said   O'Brien — $5 (really)! 3.5%"),
            ["hello", "said", "o'brien", "5", "really", "3.5"]
        );
    }

    #[test]
    fn every_cjk_ideograph_and_kana_is_a_token() {
        assert_eq!(
            toks("北朝鮮は「ロシア」と2024年6月19日"),
            [
                "北", "朝", "鮮", "は", "ロ", "シ", "ア", "と", "2024", "年", "6", "月", "19", "日"
            ]
        );
        assert_eq!(
            toks("한국 정부는"),
            ["한국", "정부는"],
            "hangul keeps its spaces"
        );
    }

    #[test]
    fn shingles_are_a_set_of_four_token_windows() {
        let t = toks("a b c d e a b c d");
        let s = shingles(&t);
        assert_eq!(s.len(), 5, "{s:?}");
        assert!(s.contains("a b c d") && s.contains("e a b c"));
        assert_eq!(
            shingles(&toks("one two")),
            HashSet::from(["one two".into()])
        );
        assert!(shingles(&[]).is_empty());
    }

    #[test]
    fn body_scores_precision_and_recall_over_shingles() {
        let gold = "one two three four five six";
        let exact = body(gold, gold).unwrap();
        assert_eq!((exact.precision, exact.recall, exact.f1), (1.0, 1.0, 1.0));
        // Half of the predicted windows are gold; all three gold windows are found.
        let extra = body("one two three four five six seven eight nine", gold).unwrap();
        assert_eq!((extra.precision, extra.recall), (0.5, 1.0));
        assert!((extra.f1 - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn empty_prediction_scores_zero_and_empty_gold_is_left_out() {
        assert_eq!(
            body("", "some gold text here"),
            Some(Prf {
                precision: 0.0,
                recall: 0.0,
                f1: 0.0
            })
        );
        assert_eq!(body(" ?! ", "gold"), body("", "gold"));
        assert_eq!(body("anything at all", " — "), None);
    }

    #[test]
    fn short_fields_compare_normalised_and_leniently() {
        let n: fn(&str) -> String = normalise;
        assert!(same(Some("  Kim  in RUSSIA "), "kim in russia", n));
        assert!(!same(None, "x", n));
        assert!(!same(Some("Kim in Russia | Herald"), "Kim in Russia", n));
        assert!(overlaps(Some("Kim in Russia | Herald"), "Kim in Russia", n));
        assert!(!overlaps(Some(""), "Kim", n));
        assert!(same(Some("Jane Roe"), "By Jane Roe", normalise_byline));
    }

    #[test]
    fn gold_days_are_the_date_part_of_the_timestamp() {
        assert_eq!(
            day_of("2015-07-24T05:36:09+01:00").as_deref(),
            Some("2015-07-24")
        );
        assert_eq!(
            day_of("2017-11-03 03:01:00.000000").as_deref(),
            Some("2017-11-03")
        );
        assert_eq!(day_of("2024-06-25").as_deref(), Some("2024-06-25"));
        assert_eq!(day_of("June 25, 2024"), None);
        assert_eq!(day_of("2024"), None);
    }

    #[test]
    fn visible_text_puts_blocks_on_lines_and_skips_hidden_parts() {
        let html = "<div><h1>Title</h1><p>One <b>bold</b>\n word.</p><script>x()</script>\
                    <p hidden>secret</p><ul><li>a</li><li>b</li></ul>tail<br>end</div>";
        assert_eq!(visible_text(html), "Title\nOne bold word.\na\nb\ntail\nend");
    }

    #[test]
    fn medians_and_means() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        assert_eq!(mean(&[1.0, 2.0]), Some(1.5));
    }
}
