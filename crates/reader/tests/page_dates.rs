//! Publication dates of whole pages: the order of numeric dates decided per page, stamps in the
//! languages of this coverage, metadata and URL dates, and the stamps of bylines and source
//! lines. Each page is the smallest one that shows its behaviour, written for this test.

mod common;
use common::KNOWLEDGE;

fn date(source: &str, text: &str) -> Option<String> {
    KNOWLEDGE
        .read_article(source, text.as_bytes())
        .date
        .map(|d| d.to_string())
}

const BODY: &str = "The two delegations met for three hours and agreed to meet again next month, officials said after the talks ended late in the evening.";

#[test]
fn day_first_page_reads_ambiguous_stamp_day_first() {
    let page = format!(
        "Talks resume after a long pause\n\nPosted 03/04/2024 10:00\n\n{BODY}\n\nThe previous round, on 21/03/2024, ended without a statement."
    );
    assert_eq!(date("a.txt", &page).as_deref(), Some("2024-04-03"));
}

#[test]
fn month_first_page_reads_ambiguous_stamp_month_first() {
    let page = format!(
        "Talks resume after a long pause\n\nPosted 03/04/2024 10:00\n\n{BODY}\n\nThe previous round, on 12/19/2023, ended without a statement."
    );
    assert_eq!(date("a.txt", &page).as_deref(), Some("2024-03-04"));
}

#[test]
fn ambiguous_stamp_alone_gives_no_date() {
    let page = format!("Talks resume after a long pause\n\nPosted 03/04/2024 10:00\n\n{BODY}");
    assert_eq!(date("a.txt", &page), None);
}

#[test]
fn european_language_stamps_date_the_page() {
    for (stamp, want) in [
        ("Veröffentlicht am 19.06.2024, 15:30 Uhr", "2024-06-19"),
        ("Publié le 19 juin 2024 à 15h30", "2024-06-19"),
        ("Publicado el 19 de junio de 2024", "2024-06-19"),
        ("Pubblicato il 19 giugno 2024", "2024-06-19"),
        ("Publicado em 19 de junho de 2024", "2024-06-19"),
        ("Опубликовано 19 июня 2024 г., 15:30", "2024-06-19"),
        ("Опубліковано 19 червня 2024, 15:30", "2024-06-19"),
        ("公開日：2024年6月19日 15:30", "2024-06-19"),
        ("发布时间：2024-06-19 15:30", "2024-06-19"),
        ("입력 24.06.19 15:30", "2024-06-19"),
    ] {
        let page = format!("Talks resume after a long pause\n\n{stamp}\n\n{BODY}");
        assert_eq!(date("a.txt", &page).as_deref(), Some(want), "{stamp}");
    }
}

#[test]
fn published_stamp_wins_over_an_earlier_updated_one() {
    let page = format!(
        "Talks resume after a long pause\n\nMis à jour le 21 juin 2024 à 08h02\n\nPublié le 19 juin 2024 à 15h30\n\n{BODY}"
    );
    assert_eq!(date("a.txt", &page).as_deref(), Some("2024-06-19"));
}

#[test]
fn weekday_strip_above_the_headline_is_a_masthead_in_any_language() {
    let page = format!(
        "Mittwoch, 19. Juni 2024\n\nTalks resume after a long pause\n\n{BODY}\n\nDie Gespräche gehen weiter."
    );
    assert_eq!(date("a.txt", &page), None);
}

#[test]
fn stamp_on_the_byline_line_dates_the_page() {
    let page = format!(
        "Talks resume after a long pause\n\nBy Jane Roe and John Doe June 19, 2024 3:15 PM\n\n{BODY}"
    );
    assert_eq!(date("a.txt", &page).as_deref(), Some("2024-06-19"));
    let page = format!("Talks resume after a long pause\n\nJune 19, 2024|By Jane Roe\n\n{BODY}");
    assert_eq!(date("a.txt", &page).as_deref(), Some("2024-06-19"));
}

#[test]
fn trailing_source_line_dates_the_page() {
    let page = format!("Talks resume after a long pause\n\n{BODY}\n\n(Yonhap June 19, 2024)");
    assert_eq!(date("a.txt", &page).as_deref(), Some("2024-06-19"));
}

#[test]
fn dated_photo_credit_is_not_a_stamp() {
    let page =
        format!("Talks resume after a long pause\n\n{BODY}\n\n(Yonhap file photo, June 19, 2024)");
    assert_eq!(date("a.txt", &page), None);
}

fn html(head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}<title>Talks resume</title></head>\
         <body><article><h1>Talks resume after a long pause</h1>{body}<p>{BODY}</p></article></body></html>"
    )
}

#[test]
fn json_ld_date_outranks_a_visible_updated_stamp() {
    let page = html(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"Wed, 19 Jun 2024 09:00:00 +0900"}</script>"#,
        "<p>Updated June 21, 2024</p>",
    );
    assert_eq!(date("a.html", &page).as_deref(), Some("2024-06-19"));
}

#[test]
fn unix_timestamp_in_meta_dates_the_page() {
    let page = html(r#"<meta name="pubdate" content="1718787600">"#, "");
    assert_eq!(date("a.html", &page).as_deref(), Some("2024-06-19"));
}

#[test]
fn canonical_url_path_dates_a_page_without_stamps() {
    let page = html(
        r#"<link rel="canonical" href="https://news.example/2024/06/19/talks-resume/">"#,
        "",
    );
    assert_eq!(date("a.html", &page).as_deref(), Some("2024-06-19"));
    let page = html(
        r#"<link rel="canonical" href="https://news.example/article/2024061912345">"#,
        "",
    );
    assert_eq!(date("a.html", &page), None);
}
