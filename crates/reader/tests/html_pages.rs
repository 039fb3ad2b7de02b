//! HTML pages from sites the dictionaries do not know: the article is kept, the site around it
//! (menus, "most read", teasers, related lists, share and newsletter boxes, comments, cookie
//! banners, hidden text) is dropped with its reason, and the metadata is read from the markup.
//! The pages under `tests/pages/html/` are written for these tests.

mod common;

use common::KNOWLEDGE;
use coverage_core::model::{Article, Block, RemovedReason};
use std::path::Path;

fn page(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pages/html")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    KNOWLEDGE.read_article(name, &bytes)
}

fn ids(a: &Article) -> Vec<&str> {
    a.actors.iter().map(|x| x.id.as_str()).collect()
}

fn body(a: &Article) -> String {
    a.paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn removed(a: &Article) -> String {
    a.removed
        .iter()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn menu_that_names_countries_gives_them_no_mention() {
    let a = page("menu_and_most_read.html");
    for absent in ["china", "japan", "ukraine", "nato"] {
        assert!(!ids(&a).contains(&absent), "{absent} in {:?}", ids(&a));
    }
    for present in ["north-korea", "russia", "kim-jong-un", "vladimir-putin"] {
        assert!(
            ids(&a).contains(&present),
            "{present} missing: {:?}",
            ids(&a)
        );
    }
}

#[test]
fn most_read_list_of_other_stories_is_furniture() {
    let a = page("menu_and_most_read.html");
    assert!(!body(&a).contains("coast guard"), "{}", body(&a));
    assert!(removed(&a).contains("coast guard"), "kept with its reason");
}

#[test]
fn footer_links_are_not_organisations() {
    let a = page("menu_and_most_read.html");
    assert!(
        a.actors.iter().all(|x| !x.name.contains("Terms")),
        "{:?}",
        ids(&a)
    );
}

#[test]
fn headline_byline_date_and_outlet_come_from_the_markup() {
    let a = page("menu_and_most_read.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Kim and Putin sign defence pact in Pyongyang")
    );
    assert_eq!(a.byline.as_deref(), Some("Mira Castellan"));
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-06-19"));
    assert_eq!(a.outlet.as_deref(), Some("The Harbour Times"));
    assert_eq!(body(&a).lines().count(), 3, "{}", body(&a));
}

#[test]
fn teaser_repeated_in_a_sidebar_is_dropped_from_the_body() {
    let a = page("teaser_and_related.html");
    assert!(!body(&a).contains("fisheries"), "{}", body(&a));
    assert!(!ids(&a).contains(&"japan") && !ids(&a).contains(&"china"));
}

#[test]
fn related_links_share_newsletter_comments_and_cookies_are_dropped() {
    let a = page("teaser_and_related.html");
    let text = body(&a);
    for furniture in [
        "Korean Peninsula",
        "Share on",
        "morning briefing",
        "reader99",
        "cookies",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }
    for absent in ["ukraine", "european-union", "united-states"] {
        assert!(!ids(&a).contains(&absent), "{absent} in {:?}", ids(&a));
    }
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(
        a.removed
            .iter()
            .any(|r| r.reason == RemovedReason::Boilerplate && r.text.contains("reader99"))
    );
}

#[test]
fn json_ld_date_wins_over_a_visible_updated_stamp() {
    let a = page("teaser_and_related.html");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2023-09-14"));
    assert_eq!(a.byline.as_deref(), Some("Daniel Okafor"));
    assert_eq!(a.outlet.as_deref(), Some("Northern Ledger"));
    assert_eq!(
        a.title.as_deref(),
        Some("Seoul protests Russian arms deal with Pyongyang")
    );
}

#[test]
fn day_first_page_reads_its_numeric_stamp_day_first() {
    let a = page("day_first_stamp.html");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-06-05"));
    assert_eq!(
        a.title.as_deref(),
        Some("Pyongyang et Moscou renforcent leur coopération")
    );
    assert!(!body(&a).contains("Accueil"));
}

#[test]
fn hidden_text_is_never_read() {
    let a = page("hidden_and_captions.html");
    assert!(!body(&a).contains("provocation"), "{}", body(&a));
    assert!(!body(&a).contains("travel deals"), "{}", body(&a));
    assert!(!ids(&a).contains(&"japan"), "{:?}", ids(&a));
}

#[test]
fn caption_subhead_and_table_of_the_story_are_kept() {
    let a = page("hidden_and_captions.html");
    assert!(
        a.paragraphs
            .iter()
            .any(|p| p.kind == Block::Caption && p.text.contains("greeted at Pyongyang airport")),
        "{:#?}",
        a.paragraphs
    );
    let text = body(&a);
    assert!(text.contains("Preparing a summit"), "{text}");
    assert!(text.contains("2023 | 34.3"), "{text}");
    assert!(!text.contains("Ukraine live"), "{text}");
}

#[test]
fn logo_heading_is_not_the_headline() {
    let a = page("hidden_and_captions.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Lavrov visits Pyongyang ahead of summit")
    );
    assert_eq!(a.byline.as_deref(), Some("Lena Varga"));
}

#[test]
fn deep_nesting_reads_as_text_and_says_so() {
    let html = format!(
        "<html><head><title>Deep page</title></head><body>{}<p>Russia and North Korea signed a \
         treaty on Wednesday, officials said, after talks that lasted two days.</p></body></html>",
        "<div>".repeat(100_000)
    );
    let a = KNOWLEDGE.read_article("deep.html", html.as_bytes());
    assert!(body(&a).contains("signed a treaty"), "{}", body(&a));
    assert!(
        a.messages.iter().any(|m| m.contains("deep")),
        "{:?}",
        a.messages
    );
}

/// The text the reader keeps of each page, kind by kind, then what it removed: a reviewer reads
/// the snapshot to see that the site is gone and the story is whole.
fn transcript(a: &Article) -> String {
    let mut out = format!(
        "title: {:?}\nbyline: {:?}\noutlet: {:?}\ndate: {:?}\n\n",
        a.title,
        a.byline,
        a.outlet,
        a.date.map(|d| d.to_string())
    );
    for p in &a.paragraphs {
        out.push_str(&format!("[{:?}] {}\n", p.kind, p.text));
    }
    out.push_str("\nremoved:\n");
    for r in &a.removed {
        out.push_str(&format!("- {:?}: {}\n", r.reason, r.text));
    }
    out
}

#[test]
fn snapshots_of_the_text_kept() {
    for name in [
        "menu_and_most_read.html",
        "teaser_and_related.html",
        "hidden_and_captions.html",
    ] {
        insta::assert_snapshot!(
            format!("html_text_{}", name.trim_end_matches(".html")),
            transcript(&page(name))
        );
    }
}

#[test]
fn company_holding_the_copyright_gives_way_to_the_declared_site_name() {
    // The footer's company ("Vox Media, Inc.") opens with a known outlet's name ("Vox"), but
    // the markup names the site, one of the company's titles.
    let a = page("company_copyright_under_a_declared_site.html");
    assert_eq!(a.outlet.as_deref(), Some("Gamma Arcade"));
    assert_eq!(
        a.title.as_deref(),
        Some("Review: a strategy game about a long winter")
    );
}

#[test]
fn section_label_is_not_the_outlet_it_is_named_like() {
    // "Nation" heads a list of stories; "The Nation" is a magazine `outlets.toml` knows.
    let a = page("section_named_like_an_outlet.html");
    assert_eq!(a.outlet.as_deref(), Some("Riverside Ledger"));
}

#[test]
fn company_named_in_the_footer_gives_way_to_the_declared_site_name() {
    // "About CBS Interactive" and the copyright name the company, whose first word is a known
    // outlet's alias ("CBS"); the markup names the site.
    let a = page("company_about_link_under_a_declared_site.html");
    assert_eq!(a.outlet.as_deref(), Some("Kappa Tech"));
}

#[test]
fn dates_in_a_table_of_the_story_are_not_its_publication_date() {
    // The rows' dates are the tournament's; the page prints no stamp of its own.
    let a = page("table_of_dates_above_the_story.html");
    assert_eq!(a.date, None);
    assert!(body(&a).contains("Group stage"), "{}", body(&a));
}

#[test]
fn another_outlet_in_a_partners_list_is_not_the_outlet() {
    // "Vice" alone, the last of the footer's partners, far below the article; the markup
    // names the site.
    let a = page("network_bar_in_the_footer.html");
    assert_eq!(a.outlet.as_deref(), Some("Lambda Weekly"));
}

#[test]
fn twitter_card_account_names_a_site_that_names_itself_nowhere_else() {
    let a = page("site_named_only_by_its_twitter_card.html");
    assert_eq!(a.outlet.as_deref(), Some("MuReview"));
}

#[test]
fn byline_with_a_role_gives_way_to_the_declared_author() {
    let a = page("byline_with_role_and_declared_author.html");
    assert_eq!(a.byline.as_deref(), Some("Maren Holt"));
}

#[test]
fn stamp_printed_over_the_headline_dates_the_story() {
    let a = page("stamp_over_the_headline.html");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2016-12-12"));
}

#[test]
fn headline_behind_a_label_leads_to_its_byline_and_stamp() {
    let a = page("labelled_headline_and_glued_byline.html");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2016-12-09"));
    assert_eq!(a.byline.as_deref(), Some("Travis Hale"));
}

#[test]
fn icon_between_provider_and_date_keeps_them_apart() {
    let a = page("provider_and_date_apart_by_an_icon.html");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2016-10-03"));
}

#[test]
fn stamp_under_the_first_of_several_printed_headlines_dates_the_story() {
    let a = page("headline_again_in_a_list_above_the_story.html");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2019-10-09"));
}

#[test]
fn byline_element_printed_in_parts_gives_the_name_only() {
    let a = page("byline_element_in_parts.html");
    assert_eq!(a.byline.as_deref(), Some("Howard Blume"));
}
