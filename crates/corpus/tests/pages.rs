//! General reading behaviours on small hand-written pages that are not among the seeds: markup,
//! encodings, date traps, wire copies, duplicates, tone, coreference, roles, unknown names and
//! credits. Each page is the smallest one that shows its behaviour.

use corpus::Corpus;
use coverage_core::model::{Article, Block, Tone};

mod common;
use common::KNOWLEDGE;

fn read(source: &str, text: &str) -> Article {
    KNOWLEDGE.read_article(source, text.as_bytes())
}

fn actor_ids(article: &Article) -> Vec<&str> {
    article.actors.iter().map(|a| a.id.as_str()).collect()
}

fn date(article: &Article) -> Option<String> {
    article.date.map(|d| d.to_string())
}

/// The clean text of an article, paragraph by paragraph.
fn body(article: &Article) -> String {
    article
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The actor a text span of the article (title is paragraph 0) was resolved to, for each
/// mention whose text is `surface`, in order.
fn resolved(article: &Article, surface: &str) -> Vec<String> {
    let title = article.title.clone().unwrap_or_default();
    let texts: Vec<&str> = std::iter::once(title.as_str())
        .chain(article.paragraphs.iter().map(|p| p.text.as_str()))
        .collect();
    article
        .mentions
        .iter()
        .filter(|m| &texts[m.paragraph as usize][m.start as usize..m.end as usize] == surface)
        .map(|m| article.actors[m.actor as usize].id.clone())
        .collect()
}

const HTML_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Putin and Kim sign a defence pact</title>
<meta property="og:site_name" content="NK News">
<meta property="article:published_time" content="2024-06-19T09:00:00+09:00">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Putin and Kim sign a defence pact",
 "author": {"@type": "Person", "name": "Jane Doe"}}
</script>
<style>.lede::before { content: "Sergei Shoigu"; font-family: Georgia; }</style>
</head>
<body>
<script>window.dataLayer = [{"section": "Sergei Lavrov"}];</script>
<h1>Putin and Kim sign a defence pact</h1>
<p>Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a mutual defence treaty in Pyongyang on Wednesday, the two governments said.</p>
<p>The agreement commits each side to help the other if attacked, officials in Moscow said.</p>
</body>
</html>
"#;

#[test]
fn html_metadata_gives_outlet_date_and_byline() {
    let a = read("pact.html", HTML_PAGE);
    assert_eq!(a.outlet.as_deref(), Some("NK News"), "{a:#?}");
    assert_eq!(date(&a).as_deref(), Some("2024-06-19"));
    assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(
        a.title.as_deref(),
        Some("Putin and Kim sign a defence pact")
    );
}

#[test]
fn script_and_style_text_is_not_in_the_body() {
    let a = read("pact.html", HTML_PAGE);
    let text = body(&a);
    for leaked in ["Shoigu", "Georgia", "dataLayer", "Lavrov", "schema.org"] {
        assert!(!text.contains(leaked), "{leaked:?} leaked into {text:?}");
    }
    assert!(text.contains("signed a mutual defence treaty"), "{text:?}");
    let ids = actor_ids(&a);
    assert!(
        !ids.contains(&"sergei-shoigu") && !ids.contains(&"sergei-lavrov"),
        "{ids:?}"
    );
}

const KOREAN_PAGE: &str = "북한 김정은, 평양서 푸틴과 정상회담

입력 2024.06.19 09:00

김정은 국무위원장은 19일 평양에서 블라디미르 푸틴 러시아 대통령과 정상회담을 열었다.
두 정상은 포괄적 전략적 동반자 관계에 관한 협정에 서명했다고 북한 매체가 보도했다.
푸틴 대통령이 북한을 방문한 것은 24년 만에 처음이며, 김정은 위원장은 공항에서 직접 그를 맞이했다.
전문가들은 이번 회담이 한반도 정세에 큰 영향을 미칠 것이라고 내다봤다.
";

#[test]
fn euc_kr_korean_page_is_decoded_and_read() {
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(KOREAN_PAGE);
    assert!(!unmappable, "the fixture is plain EUC-KR");
    let a = KNOWLEDGE.read_article("summit.txt", &bytes);
    assert_eq!(a.encoding, "EUC-KR", "{a:#?}");
    assert_eq!(date(&a).as_deref(), Some("2024-06-19"));
    assert_eq!(a.language, "ko");
    let ids = actor_ids(&a);
    assert!(ids.contains(&"kim-jong-un"), "{ids:?}");
    assert!(ids.contains(&"vladimir-putin"), "{ids:?}");
}

#[test]
fn hangul_names_resolve_to_canonical_actors() {
    let a = read("summit.txt", KOREAN_PAGE);
    let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
    assert!(names.contains(&"Kim Jong Un"), "{names:?}");
    assert!(names.contains(&"Vladimir Putin"), "{names:?}");
}

#[test]
fn utf16le_page_with_bom_is_decoded() {
    let text = "Russia and North Korea expand rail links\n\nRussia and North Korea agreed on Tuesday to expand rail links across their short border, officials said.\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let a = KNOWLEDGE.read_article("rail.txt", &bytes);
    assert_eq!(a.encoding, "UTF-16LE");
    assert_eq!(
        a.title.as_deref(),
        Some("Russia and North Korea expand rail links")
    );
    assert!(
        body(&a).starts_with("Russia and North Korea agreed"),
        "{a:#?}"
    );
    assert!(
        a.messages.iter().all(|m| !m.contains("replaced")),
        "{:?}",
        a.messages
    );
    let ids = actor_ids(&a);
    assert!(
        ids.contains(&"russia") && ids.contains(&"north-korea"),
        "{ids:?}"
    );
}

#[test]
fn live_blog_is_dated_by_its_post_stamps() {
    let a = read(
        "live.txt",
        "Kim Jong Un and Vladimir Putin meet in Vladivostok: live updates

8:29 a.m. ET, April 25, 2019
Putin says Kim wants security guarantees
Russian President Vladimir Putin said North Korean leader Kim Jong Un needs international security guarantees to give up his nuclear program.

7:55 a.m. ET, April 25, 2019
The talks are over
Kim Jong Un and Vladimir Putin wrapped up their talks after about three hours, Russian state media said.
",
    );
    assert_eq!(date(&a).as_deref(), Some("2019-04-25"), "{a:#?}");
}

#[test]
fn wire_copy_belongs_to_the_printing_outlet() {
    let a = read(
        "wire.txt",
        "N. Korea's Kim arrives in Russia for summit with Putin

SEOUL, April 20 (Yonhap) -- North Korean leader Kim Jong Un arrived in Russia on Wednesday for his first summit with Russian President Vladimir Putin, according to state media.
The two leaders are expected to discuss sanctions relief and economic cooperation, officials in Seoul said.

© The Korea Herald
",
    );
    assert_eq!(a.outlet.as_deref(), Some("The Korea Herald"), "{a:#?}");
    let ids = actor_ids(&a);
    assert!(
        !ids.contains(&"yonhap"),
        "the wire credit became an actor: {ids:?}"
    );
}

#[test]
fn caption_date_is_not_publication_date() {
    let a = read(
        "caption.txt",
        "Kim and Putin to meet again, Kremlin says

North Korean leader Kim Jong Un and Russian President Vladimir Putin pose for a photo in Vladivostok, Russia, on April 29, 2019. (Yonhap)

The Kremlin said on Tuesday that Russian President Vladimir Putin would host North Korean leader Kim Jong Un again later this year, without giving a date.
Officials in Pyongyang did not comment on the plan, according to state media.
",
    );
    assert_eq!(date(&a), None, "{a:#?}");
    assert!(
        a.paragraphs.iter().any(|p| p.kind == Block::Caption),
        "the caption is kept as a caption: {:#?}",
        a.paragraphs
    );
    assert!(!actor_ids(&a).contains(&"yonhap"));
}

#[test]
fn masthead_date_strip_is_not_publication_date() {
    let a = read(
        "masthead.txt",
        "Thursday, April 25, 2019

Putin and Kim hold first summit

Russian President Vladimir Putin and North Korean leader Kim Jong Un held their first summit on Thursday in Vladivostok, officials said.
The two leaders talked for about three hours and discussed the nuclear standoff with the United States.
",
    );
    assert_eq!(date(&a), None, "{a:#?}");
    assert_eq!(a.title.as_deref(), Some("Putin and Kim hold first summit"));
}

const SHARED_BODY: &str = "North Korean leader Kim Jong Un and Russian President Vladimir Putin signed a comprehensive strategic partnership treaty in Pyongyang on Wednesday, pledging mutual assistance if either country is attacked.
Putin said Russia and North Korea would deepen cooperation in trade, energy and transport, and he thanked Kim for his support of Russian policy in Ukraine.
Washington and Seoul condemned the agreement, warning that any arms transfers would violate resolutions of the United Nations Security Council.
";

#[test]
fn repeated_page_is_marked_and_counted_once() {
    let first = read(
        "a.txt",
        &format!(
            "Russia and North Korea sign defence treaty\n\nPublished: 2024-06-19\n\n{SHARED_BODY}"
        ),
    );
    let copy = read(
        "b.txt",
        &format!(
            "Putin, Kim pledge mutual assistance | Reposted\n\nPosted 2024-06-20 08:00\n\n{SHARED_BODY}"
        ),
    );
    let alone = Corpus::assemble(vec![first.clone()]);
    let both = Corpus::assemble(vec![first, copy]);
    assert_eq!(both.articles[0].duplicate_of, None);
    assert_eq!(both.articles[1].duplicate_of.as_deref(), Some("a.txt"));
    assert!(!alone.relations.is_empty(), "the body relates its actors");
    assert_eq!(both.relations, alone.relations);
}

#[test]
fn refused_to_cooperate_is_conflict() {
    let a = read(
        "refused.txt",
        "Sanctions panel stalls

Russia refused to cooperate with the United States on the sanctions investigation, diplomats said on Friday.
",
    );
    let e = a
        .evidence
        .iter()
        .find(|e| (e.a.as_str(), e.b.as_str()) == ("russia", "united-states"))
        .unwrap_or_else(|| panic!("no Russia–US evidence: {:#?}", a.evidence));
    assert_eq!(e.tone, Tone::Conflict, "{e:#?}");
    assert_eq!(e.cue.as_deref(), Some("refused to cooperate"));
}

#[test]
fn lowercase_moon_is_not_moon_jae_in() {
    let a = read(
        "moon.txt",
        "Kim watches rocket launch

North Korean leader Kim Jong Un watched the launch of a rocket meant to orbit the moon, state media said on Friday.
The moon mission is the first such attempt by the country, and Kim praised the scientists who built it.
",
    );
    assert!(!actor_ids(&a).contains(&"moon-jae-in"), "{:#?}", a.actors);
}

#[test]
fn bare_surname_after_full_name_resolves_to_that_person() {
    let a = read(
        "kim.txt",
        "Kim heads to Russia

North Korean leader Kim Jong Un left Pyongyang by train on Sunday for a summit in Russia, state media said.
Kim is expected to meet Russian President Vladimir Putin in Vladivostok later this week.
",
    );
    assert_eq!(
        resolved(&a, "Kim"),
        ["kim-jong-un", "kim-jong-un"],
        "{:#?}",
        a.mentions
    );
}

#[test]
fn bare_surname_keeps_its_person_after_a_passing_mention_of_a_relative() {
    let a = read(
        "kim-father.txt",
        "Kim in Russia

North Korean leader Kim Jong Un arrived in Vladivostok on Wednesday for his first summit with Russian President Vladimir Putin.
It is the first visit to Russia by a North Korean leader since the late Kim Jong Il met then-President Dmitry Medvedev in 2011.
Kim is expected to ask Putin for food aid and for help in easing sanctions.
Kim later laid a wreath at a memorial, state media said.
",
    );
    assert_eq!(
        resolved(&a, "Kim"),
        ["kim-jong-un", "kim-jong-un", "kim-jong-un"],
        "a bare Kim (headline included) after the late Kim Jong Il still means the leader who travels"
    );
}

fn role_page(stamp: &str) -> String {
    format!(
        "Seoul warns Moscow over arms deal

Published: {stamp}

The South Korean president said on Monday that Seoul would respond firmly to any military cooperation between Russia and North Korea.
"
    )
}

#[test]
fn south_korean_president_in_2019_is_moon_jae_in() {
    let a = read("role-2019.txt", &role_page("2019-04-22"));
    let ids = actor_ids(&a);
    assert!(ids.contains(&"moon-jae-in"), "{ids:?}");
    assert!(!ids.contains(&"yoon-suk-yeol"), "{ids:?}");
}

#[test]
fn south_korean_president_in_2023_is_yoon_suk_yeol() {
    let a = read("role-2023.txt", &role_page("2023-09-11"));
    let ids = actor_ids(&a);
    assert!(ids.contains(&"yoon-suk-yeol"), "{ids:?}");
    assert!(!ids.contains(&"moon-jae-in"), "{ids:?}");
}

#[test]
fn unknown_person_is_found_from_context() {
    let a = read(
        "analyst.txt",
        "Russia may share missile know-how

Russia could help North Korea improve its missiles, said Ankit Panda, an analyst at a research group in Washington.
",
    );
    let panda = a
        .actors
        .iter()
        .find(|x| x.name == "Ankit Panda")
        .unwrap_or_else(|| panic!("Ankit Panda not found: {:#?}", a.actors));
    assert!(!panda.known);
    assert_eq!(panda.kind, coverage_core::model::ActorKind::Person);
}

#[test]
fn photo_and_agency_credits_are_not_actors() {
    let a = read(
        "credits.txt",
        "Kim inspects munitions factory

North Korean leader Kim Jong Un inspects a munitions factory at an undisclosed location. (KCNA/Yonhap)

Image source, Reuters

North Korean leader Kim Jong Un visited a munitions factory this week as Russia seeks more artillery shells for its war, analysts said.
",
    );
    let ids = actor_ids(&a);
    for credit in ["kcna", "yonhap", "reuters"] {
        assert!(
            !ids.contains(&credit),
            "credit {credit} became an actor: {ids:?}"
        );
    }
    assert!(ids.contains(&"kim-jong-un"), "{ids:?}");
}

#[test]
fn short_name_right_after_non_ascii_text_is_found() {
    for text in [
        "Treaty signed in Pyongyang\n\n🇷🇺Putin and 🇰🇵Kim Jong Un signed the treaty in Pyongyang on Wednesday.\n",
        "러시아 대통령 방북\n\n러시아 대통령(Putin)이 19일 평양에 도착했다.\n",
    ] {
        let a = read("mixed.txt", text);
        assert!(
            actor_ids(&a).contains(&"vladimir-putin"),
            "{text:?}: {:#?}",
            a.actors
        );
    }
}
