//! The same story printed twice is one story: wire copies trimmed, extended, retitled, with a
//! new dateline or without the agency's credit, in English and in Korean; and what is not a
//! copy — two agencies on the same event, a translation, a brief that shares one sentence.
//! The pages in `data/dedupe/` are written for these tests (invented stories, not copied).

use corpus::Corpus;
use corpus::dedupe::{Page, find_duplicates, overlap};
use coverage_core::model::{Article, Day};
use proptest::prelude::*;
use std::path::Path;

mod common;
use common::KNOWLEDGE;

fn page(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/dedupe")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    KNOWLEDGE.read_article(name, &bytes)
}

/// What each page of the corpus made of `names` (in that order) repeats.
fn duplicates(names: &[&str]) -> Vec<Option<String>> {
    let corpus = Corpus::assemble(names.iter().map(|n| page(n)).collect());
    corpus
        .articles
        .into_iter()
        .map(|a| a.duplicate_of)
        .collect()
}

fn of(name: &str) -> Option<String> {
    Some(name.to_string())
}

/// Both orders of a pair: the copy is found whichever comes first. `original` is the page the
/// other repeats in either order, or `None` when the two are the same day and length, so the
/// first listed is the original.
fn check_pair(a: &str, b: &str, original: Option<&str>) {
    let expected = |first: &str, second: &str| match original {
        Some(o) if o == second => vec![of(o), None],
        _ => vec![None, of(first)],
    };
    assert_eq!(duplicates(&[a, b]), expected(a, b), "{a}, {b}");
    assert_eq!(duplicates(&[b, a]), expected(b, a), "{b}, {a}");
}

#[test]
fn trimmed_wire_copy_is_a_duplicate() {
    // The Korea Times prints the first five of nine paragraphs of Yonhap's story, same day.
    check_pair(
        "koreatimes_bridge_trimmed.txt",
        "yonhap_bridge_en.txt",
        Some("yonhap_bridge_en.txt"),
    );
}

#[test]
fn extended_write_through_is_a_duplicate() {
    // AFP's first take, then its write-through with a longer lede and two more paragraphs; the
    // same day, so the fuller copy is the original.
    check_pair(
        "france24_summit_afp.txt",
        "japantimes_summit_afp_update.txt",
        Some("japantimes_summit_afp_update.txt"),
    );
}

#[test]
fn retitled_copy_with_new_dateline_is_a_duplicate() {
    // A day later, a new headline, "SEOUL —" for "SEOUL, June 19 (Yonhap) --", house style
    // ("Kim Jong Un", "UN", curly quotes) and a credit line at the foot.
    check_pair(
        "joongang_bridge_retitled.txt",
        "yonhap_bridge_en.txt",
        Some("yonhap_bridge_en.txt"),
    );
}

#[test]
fn copy_without_agency_credit_is_a_duplicate() {
    // A portal prints Reuters' story with neither the dateline credit nor the reporting line,
    // the same day: the same text once those are gone, so whichever is listed first is the
    // original.
    check_pair("asiaportal_summit_nocredit.txt", "reuters_summit.txt", None);
}

#[test]
fn korean_wire_copy_in_two_dailies_is_a_duplicate() {
    // Two dailies print Yonhap's Korean story under their own headlines: one cuts a paragraph
    // and keeps the dateline, the other, a day later, cuts the last paragraph, rewrites the
    // dateline and respaces a word.
    check_pair(
        "daily_a_bridge_ko.txt",
        "daily_b_bridge_ko.txt",
        Some("daily_a_bridge_ko.txt"),
    );
    // With Yonhap's own page, both point at it (the same day as the first daily, and fuller).
    assert_eq!(
        duplicates(&[
            "daily_b_bridge_ko.txt",
            "daily_a_bridge_ko.txt",
            "yonhap_bridge_ko.txt"
        ]),
        vec![of("yonhap_bridge_ko.txt"), of("yonhap_bridge_ko.txt"), None]
    );
}

#[test]
fn two_agencies_same_day_are_not_duplicates() {
    // AFP and Reuters on the same summit share the facts and one quote from the Kremlin's
    // transcript, not their sentences; so do Yonhap and News1 on the same bridge in Korean.
    assert_eq!(
        duplicates(&["france24_summit_afp.txt", "reuters_summit.txt"]),
        [None, None]
    );
    assert_eq!(
        duplicates(&[
            "japantimes_summit_afp_update.txt",
            "asiaportal_summit_nocredit.txt"
        ]),
        [None, None]
    );
    assert_eq!(
        duplicates(&["yonhap_bridge_ko.txt", "news1_bridge_ko.txt"]),
        [None, None]
    );
}

#[test]
fn translation_is_not_a_duplicate() {
    assert_eq!(
        duplicates(&["yonhap_bridge_en.txt", "yonhap_bridge_ko.txt"]),
        [None, None]
    );
}

#[test]
fn short_brief_is_not_a_duplicate_of_a_long_story_it_summarises() {
    // Two sentences, the first of them the story's lede word for word: 70 % of the brief is in
    // the story, but 31 shingles are one sentence, not a copy (a copy shares at least 50).
    assert_eq!(
        duplicates(&["yonhap_bridge_en.txt", "brief_bridge.txt"]),
        [None, None]
    );
}

#[test]
fn next_story_sharing_background_paragraphs_is_not_a_duplicate() {
    // The agency's follow-up four days later repeats two background paragraphs of the story.
    assert_eq!(
        duplicates(&["yonhap_bridge_en.txt", "yonhap_followup_en.txt"]),
        [None, None]
    );
}

#[test]
fn the_map_counts_a_story_printed_three_times_once() {
    // The map's edges and the report's relations over the story alone and over the story with
    // two copies (trimmed, retitled) are the same: copies add no weight.
    let edges = |names: &[&str]| {
        let corpus = Corpus::assemble(names.iter().map(|n| page(n)).collect());
        let info = coverage_core::bundle::BuildInfo {
            files: names.len() as u32,
            built: String::new(),
            corpus_hash: String::new(),
        };
        let (part, _) = corpus::bundle::parts(&corpus, &KNOWLEDGE.profiles, info);
        let index = coverage_core::index::Index::build(&part);
        let result = index.query(
            &part.columns,
            &coverage_core::index::Selection::default(),
            50,
        );
        let named: Vec<(String, String, u32)> = result
            .edges
            .iter()
            .map(|e| {
                let id = |a: u32| part.actors[a as usize].id.clone();
                (id(e.a), id(e.b), e.articles)
            })
            .collect();
        (named, corpus.relations)
    };
    let alone = edges(&["yonhap_bridge_en.txt"]);
    let printed_thrice = edges(&[
        "koreatimes_bridge_trimmed.txt",
        "yonhap_bridge_en.txt",
        "joongang_bridge_retitled.txt",
    ]);
    assert!(!alone.0.is_empty(), "the story relates its actors");
    assert!(alone.0.iter().all(|e| e.2 == 1), "{:?}", alone.0);
    assert_eq!(printed_thrice, alone);
}

#[test]
fn copies_and_other_stories_score_far_apart() {
    // Every pair of the pages, scored on their body texts: copies of one story against the
    // rest. The smallest containment of a copy and the largest of a non-copy (that shares more
    // than one sentence) are printed, and must stay well apart.
    let names = [
        "yonhap_bridge_en.txt",
        "koreatimes_bridge_trimmed.txt",
        "joongang_bridge_retitled.txt",
        "brief_bridge.txt",
        "yonhap_followup_en.txt",
        "france24_summit_afp.txt",
        "japantimes_summit_afp_update.txt",
        "reuters_summit.txt",
        "asiaportal_summit_nocredit.txt",
        "yonhap_bridge_ko.txt",
        "daily_a_bridge_ko.txt",
        "daily_b_bridge_ko.txt",
        "news1_bridge_ko.txt",
    ];
    let story = |name: &str| match name {
        "yonhap_bridge_en.txt"
        | "koreatimes_bridge_trimmed.txt"
        | "joongang_bridge_retitled.txt" => 1,
        "france24_summit_afp.txt" | "japantimes_summit_afp_update.txt" => 2,
        "reuters_summit.txt" | "asiaportal_summit_nocredit.txt" => 3,
        "yonhap_bridge_ko.txt" | "daily_a_bridge_ko.txt" | "daily_b_bridge_ko.txt" => 4,
        _ => 0,
    };
    let texts: Vec<String> = names
        .iter()
        .map(|n| corpus::dedupe::body_text(&page(n)))
        .collect();
    let (mut copies, mut others) = (Vec::new(), Vec::new());
    for i in 0..names.len() {
        for j in i + 1..names.len() {
            let o = corpus::dedupe::overlap(&texts[i], &texts[j]);
            let same = story(names[i]) != 0 && story(names[i]) == story(names[j]);
            assert_eq!(o.is_copy(), same, "{} ~ {}: {o:?}", names[i], names[j]);
            if same {
                copies.push(o);
            } else {
                others.push(o);
            }
        }
    }
    let lowest = copies
        .iter()
        .map(|o| o.containment)
        .fold(f64::INFINITY, f64::min);
    let min_shared = |o: &corpus::dedupe::Overlap| {
        if o.characters {
            corpus::dedupe::MIN_SHARED_CHARS
        } else {
            corpus::dedupe::MIN_SHARED_WORDS
        }
    };
    let highest = others
        .iter()
        .filter(|o| o.shared >= min_shared(o))
        .map(|o| o.containment)
        .fold(0.0, f64::max);
    let short = others
        .iter()
        .filter(|o| o.shared < min_shared(o))
        .fold(None::<&corpus::dedupe::Overlap>, |best, o| {
            Some(best.map_or(o, |b| if o.containment > b.containment { o } else { b }))
        })
        .expect("some pairs share little");
    println!(
        "copies: containment ≥ {lowest:.3} (Jaccard ≥ {:.3}); other pairs sharing more than a \
         sentence: containment ≤ {highest:.3}; sharing less: up to {:.3} ({} shingles)",
        copies
            .iter()
            .map(|o| o.jaccard)
            .fold(f64::INFINITY, f64::min),
        short.containment,
        short.shared
    );
    assert!(
        lowest - highest >= 0.3,
        "{lowest} vs {highest}: copies and other stories are too close"
    );
}

/// Paragraphs of invented wire prose: pages made of them copy, trim and extend each other.
const PARAGRAPHS: &[&str] = &[
    "North Korean leader Kim Jong Un arrived in the Russian Far East by armoured train on Monday for talks with President Vladimir Putin, the Kremlin said, in his first trip abroad this year.",
    "The two leaders were expected to discuss food aid, energy supplies and a new road bridge across the Tumen River, officials in Moscow told reporters before the meeting.",
    "South Korea's foreign ministry said it was watching the visit closely and warned that any arms deal would breach resolutions of the United Nations Security Council.",
    "Analysts in Seoul said Pyongyang was seeking technology for its satellite programme in exchange for artillery shells that Russia has been using in its war in Ukraine.",
    "Russian state television showed Kim inspecting a fighter jet factory in Komsomolsk-on-Amur, where he was briefed on the production of the latest Sukhoi aircraft.",
    "China's foreign ministry spokesperson declined to comment on the visit, saying only that Beijing hoped all sides would work for peace on the Korean Peninsula.",
    "북한 김정은 국무위원장이 전용 열차를 타고 러시아 극동 지역에 도착해 블라디미르 푸틴 대통령과 정상회담을 할 예정이라고 크렘린궁이 밝혔다.",
    "양국 정상은 식량 지원과 에너지 공급, 두만강 자동차 다리 건설 문제 등을 논의할 것으로 알려졌다고 러시아 관리들이 회담에 앞서 기자들에게 말했다.",
];

/// A page: some of the paragraphs, in order, perhaps under a dateline.
fn page_text() -> impl Strategy<Value = String> {
    (
        proptest::sample::subsequence(PARAGRAPHS, 0..=PARAGRAPHS.len()),
        any::<bool>(),
    )
        .prop_map(|(paragraphs, dateline)| {
            let body = paragraphs.join("\n");
            if dateline {
                format!("SEOUL, June 19 (Yonhap) -- {body}")
            } else {
                body
            }
        })
}

fn day() -> impl Strategy<Value = Option<Day>> {
    proptest::option::of((1u32..=5).prop_map(|d| Day::new(2024, 6, d).expect("a June day")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn copies_point_at_originals_never_at_themselves_or_in_cycles(
        pages in proptest::collection::vec((page_text(), day()), 0..12),
    ) {
        let input: Vec<Page> = pages.iter().map(|(text, date)| Page { text, date: *date }).collect();
        let found = find_duplicates(&input);
        prop_assert_eq!(found.len(), input.len());
        for (i, original) in found.iter().enumerate() {
            let Some(j) = *original else { continue };
            prop_assert!(j != i, "page {} copies itself", i);
            // An original is no copy, so following `duplicate_of` ends after one step: no
            // chains, no cycles.
            prop_assert!(found[j].is_none(), "page {} copies {}, itself a copy of {:?}", i, j, found[j]);
            prop_assert!(overlap(input[i].text, input[j].text).is_copy(), "{} and {} are no copies", i, j);
            // The original was not printed later, as far as the dates tell.
            if let (Some(copy), Some(original)) = (input[i].date, input[j].date) {
                prop_assert!(original <= copy, "{} is earlier than its original {}", i, j);
            }
        }
    }
}
