//! Properties of the parsers on arbitrary and hostile input: reading a page never panics and keeps
//! its source name and in-bounds spans, assembling keeps every input in order, and dates and
//! sentences come back as valid, ordered, in-bounds ranges.

use corpus::Corpus;
use coverage_core::model::{Article, Day};
use proptest::prelude::*;
use proptest::sample::select;
use reader::dates::Reading;

mod common;
use common::KNOWLEDGE_WITH_SIDECAR as KNOWLEDGE;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces of markup, stamps, names and odd characters that pages are made of.
const PAGE_PIECES: &[&str] = &[
    "<!DOCTYPE html>",
    "<html>",
    "</html>",
    "<head>",
    "<body>",
    "<p>",
    "</p>",
    "<div hidden>",
    "</div>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<title>",
    "</title>",
    "<h1>",
    "</h1>",
    "<br>",
    "<figcaption>",
    "<meta property=\"og:site_name\" content=\"",
    "<meta property=\"article:published_time\" content=\"",
    "<meta name=\"author\" content=\"",
    "\">",
    "<script type=\"application/ld+json\">",
    "{\"@type\":\"NewsArticle\",\"author\":[{\"name\":",
    "\"datePublished\":\"",
    "\"}]}",
    "&amp;",
    "&#0;",
    "&#xD800;",
    "&nbsp;",
    "<",
    ">",
    "\"",
    "'",
    "\n",
    "\n\n",
    " ",
    "\t",
    "\r\n",
    ".",
    "Mr.",
    "U.S.",
    "Kim Jong Un",
    "Kim",
    "Moon",
    "the moon",
    "Vladimir Putin",
    "Pyongyang",
    "Moscow",
    "the North",
    "refused to cooperate with",
    "signed a treaty with",
    "the South Korean president",
    "said Ankit Panda, an analyst",
    "By Jane Doe",
    "Posted 2019-04-25 08:29",
    "Updated April 26, 2019",
    "Thursday, April 25, 2019",
    "입력 2024.06.19 09:00",
    "김정은",
    "푸틴",
    "(KCNA/Yonhap)",
    "Image source, Reuters",
    "SEOUL, April 20 (Yonhap) --",
    "© The Korea Herald",
    "Back To Top",
    "Go to contents",
    "\u{0}",
    "\u{FEFF}",
    "\u{202E}",
    "\u{FFFD}",
    "İ",
    "ß",
    "🇰🇵",
];

fn page_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![4 => select(PAGE_PIECES).prop_map(str::to_string), 1 => any::<String>()],
        0..48,
    )
    .prop_map(|pieces| pieces.concat())
}

/// Pieces of HTML markup as pages print them, broken and nested in any order.
const MARKUP_PIECES: &[&str] = &[
    "<div>",
    "</div>",
    "<div class=\"article-body\">",
    "<div class=\"related-links\">",
    "<div style=\"display:none\">",
    "<p>",
    "</p>",
    "<br>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<a href=\"/x\">",
    "</a>",
    "<ul><li>",
    "<li>",
    "</ul>",
    "<table><tr><td>",
    "<td>",
    "</table>",
    "<nav>",
    "</nav>",
    "<aside class=\"most-read\">",
    "</aside>",
    "<article>",
    "</article>",
    "<main class=\"social\">",
    "<figure><figcaption>",
    "</figcaption></figure>",
    "<script>var a = '<p>';",
    "</script>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":",
    "\"2024-06-19\"}",
    "<style>p{}",
    "</style>",
    "<!--",
    "-->",
    "<svg><title>",
    "</svg>",
    "<meta property=\"og:title\" content=\"",
    "<meta name=\"author\" content=\"",
    "\">",
    "<title>",
    "</title>",
    "<time datetime=\"2024-06-19\" pubdate>",
    "<textarea>",
    "<plaintext>",
    "<select><option>",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#x0;",
    "&nbsp;",
];

/// An HTML page of markup pieces and text pieces in any order.
fn html_page() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => select(MARKUP_PIECES).prop_map(str::to_string),
            2 => select(PAGE_PIECES).prop_map(str::to_string),
            1 => select(SENTENCES).prop_map(str::to_string),
        ],
        0..96,
    )
    .prop_map(|pieces| format!("<!DOCTYPE html><html><body>{}", pieces.concat()))
}

fn source_name() -> impl Strategy<Value = String> {
    "[a-z0-9_]{1,12}\\.(txt|html|htm)"
}

/// What every article must satisfy, however bad its input.
fn check_article(article: &Article, source: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(&article.source, source);
    let title = article.title.clone().unwrap_or_default();
    let texts: Vec<&str> = std::iter::once(title.as_str())
        .chain(article.paragraphs.iter().map(|p| p.text.as_str()))
        .collect();
    for m in &article.mentions {
        let text = texts.get(m.paragraph as usize);
        prop_assert!(text.is_some(), "mention in a missing paragraph: {:?}", m);
        let text = text.unwrap();
        let (s, e) = (m.start as usize, m.end as usize);
        prop_assert!(
            s < e && e <= text.len(),
            "mention {:?} out of {:?}",
            m,
            text
        );
        prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        prop_assert!((m.actor as usize) < article.actors.len());
    }
    for (i, actor) in article.actors.iter().enumerate() {
        let count = article
            .mentions
            .iter()
            .filter(|m| m.actor as usize == i)
            .count();
        prop_assert_eq!(actor.mentions as usize, count, "mentions of {}", &actor.id);
    }
    for e in &article.evidence {
        prop_assert!(e.a < e.b, "evidence pair not ordered: {:?}", e);
        if let Some((s, t)) = e.cue_span {
            let cue = e.sentence.get(s as usize..t as usize);
            prop_assert_eq!(cue, e.cue.as_deref());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_bytes_read_without_panic(name in source_name(), bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let article = KNOWLEDGE.read_article(&name, &bytes);
        check_article(&article, &name)?;
    }

    #[test]
    fn any_html_page_reads_without_panic_or_leaked_script(name in source_name(), page in html_page()) {
        let article = KNOWLEDGE.read_article(&name, page.as_bytes());
        check_article(&article, &name)?;
        for p in &article.paragraphs {
            prop_assert!(!p.text.contains("var a ="), "script text in {:?}", p.text);
        }
        let corpus = Corpus::assemble(vec![article]);
        prop_assert_eq!(corpus.articles.len(), 1);
    }

    #[test]
    fn hostile_html_reads_without_panic(name in source_name(), text in page_text(), doctype in any::<bool>()) {
        let text = if doctype { format!("<!doctype html>{text}") } else { text };
        let article = KNOWLEDGE.read_article(&name, text.as_bytes());
        check_article(&article, &name)?;
    }
}

/// Sentences long enough that pages made of them can be duplicates of each other.
const SENTENCES: &[&str] = &[
    "North Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok on Thursday for talks on sanctions and economic cooperation.",
    "The two leaders signed an agreement on the repatriation of North Korean workers, officials in Moscow said after the meeting ended.",
    "Washington refused to cooperate with the plan, warning that it would break resolutions of the United Nations Security Council on labor exports.",
    "China welcomed the summit and said Beijing hoped the talks would help ease tension on the Korean Peninsula in the coming months.",
    "South Korean officials said Seoul would watch closely whether Pyongyang and Moscow expand military cooperation after the visit.",
    "Posted 2019-04-25 08:29",
];

fn page_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(select(SENTENCES), 0..8)
            .prop_map(|s| s.join("\n\n").into_bytes()),
        page_text().prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..256),
    ]
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn assemble_keeps_every_input_in_order(
        pool in proptest::collection::vec(page_bytes(), 1..4),
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..8),
    ) {
        let inputs: Vec<(String, &Vec<u8>)> = picks
            .iter()
            .enumerate()
            .map(|(i, pick)| (format!("f{i}.txt"), pick.get(&pool)))
            .collect();
        let articles: Vec<Article> = inputs
            .iter()
            .map(|(name, bytes)| KNOWLEDGE.read_article(name, bytes))
            .collect();
        let corpus = Corpus::assemble(articles);
        let sources: Vec<&str> = corpus.articles.iter().map(|a| a.source.as_str()).collect();
        let expected: Vec<&str> = inputs.iter().map(|(name, _)| name.as_str()).collect();
        prop_assert_eq!(sources, expected);
        for (i, article) in corpus.articles.iter().enumerate() {
            if let Some(original) = &article.duplicate_of {
                let j = corpus.articles.iter().position(|a| &a.source == original);
                prop_assert!(
                    j.is_some_and(|j| j != i && corpus.articles[j].duplicate_of.is_none()),
                    "{} copies {}, which is itself or a copy", &article.source, original
                );
            }
        }
        let originals = corpus.articles.iter().filter(|a| a.duplicate_of.is_none()).count();
        for r in &corpus.relations {
            prop_assert!(r.articles >= 1 && r.articles as usize <= originals, "{:?}", r);
            for e in &r.evidence {
                let from = corpus.articles.iter().find(|a| a.source == e.source);
                prop_assert!(from.is_some_and(|a| a.duplicate_of.is_none()), "evidence from a copy: {:?}", e);
            }
        }
    }
}

/// Pieces of dates in the forms the date finder knows, and characters that change length when
/// lowercased.
const DATE_PIECES: &[&str] = &[
    "2019",
    "1900",
    "2100",
    "2024",
    "9999",
    "0000",
    "-",
    "/",
    ".",
    " ",
    ",",
    "04",
    "4",
    "12",
    "13",
    "29",
    "30",
    "31",
    "00",
    "02",
    "년",
    "월",
    "일",
    "April",
    "Sept.",
    "May",
    "Feb",
    "Febr",
    "Ma",
    "1st",
    "22nd",
    "of",
    "T",
    "Posted",
    "Updated",
    "Published:",
    "입력",
    "수정",
    "İ",
    "ẞ",
    "é",
    "\n",
    "19",
    "1er",
    "º",
    "de",
    "juin",
    "Juni",
    "июня",
    "червня",
    "giugno",
    "junho",
    "Mittwoch",
    "Publié le",
    "Veröffentlicht am",
    "Опубликовано",
    "年",
    "月",
    "日",
    "令和",
    "平成",
    "元",
    "民國",
    "２",
    "０",
    "１",
    "／",
    "–",
    ":",
    "+09:00",
    "1718787600",
    "https://",
    "20240619",
];

fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(select(DATE_PIECES), 0..24).prop_map(|p| p.concat()),
    ]
}

/// Pieces of prose that sentence splitting has to get right.
const SENTENCE_PIECES: &[&str] = &[
    "Kim", "met", "Mr.", "U.S.", "J.", "Jan.", "5.", "a.m.", " ", "\n", ".", "!", "?", "...", "…",
    "。", "？", "\"", "”", "’", ")", "(", "A", "a", "1", "İ", "é", "다.",
];

fn prose() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(select(SENTENCE_PIECES), 0..32).prop_map(|p| p.concat()),
    ]
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn found_dates_are_valid_days_within_the_line(line in date_text()) {
        let hits = reader::dates::find_dates(&line);
        let mut previous_end = 0;
        for hit in &hits {
            let readings = match hit.reading {
                Reading::Day(d) => vec![d],
                Reading::Either { day_first, month_first, .. } => vec![day_first, month_first],
            };
            for d in readings {
                prop_assert_eq!(Day::new(d.year.into(), d.month.into(), d.day.into()), Some(d));
                prop_assert!((1990..=2100).contains(&d.year), "{:?} in {:?}", hit, line);
            }
            prop_assert!(hit.start < hit.end && hit.end <= line.len(), "{:?} in {:?}", hit, line);
            prop_assert!(line.is_char_boundary(hit.start) && line.is_char_boundary(hit.end));
            prop_assert!(previous_end <= hit.start, "hits out of order or overlapping: {:?}", hits);
            previous_end = hit.end;
        }
    }

    #[test]
    fn machine_dates_are_valid_days(value in date_text()) {
        for d in [reader::dates::parse_meta_date(&value), reader::dates::date_from_url(&value)]
            .into_iter()
            .flatten()
        {
            prop_assert_eq!(Day::new(d.year.into(), d.month.into(), d.day.into()), Some(d));
            prop_assert!((1990..=2100).contains(&d.year), "{:?} from {:?}", d, value);
        }
    }

    #[test]
    fn sentences_are_ordered_trimmed_ranges(text in prose()) {
        let mut previous_end = 0;
        for (s, e) in reader::sentences::split(&text) {
            prop_assert!(s < e && e <= text.len(), "({}, {}) in {:?}", s, e, text);
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            prop_assert!(previous_end <= s, "overlapping sentences in {:?}", text);
            prop_assert_eq!(text[s..e].trim(), &text[s..e]);
            previous_end = e;
        }
    }
}
