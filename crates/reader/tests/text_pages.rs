//! Plain-text pages from outlets `outlets.toml` does not know, as copied out of a browser or
//! exported by a scraper: the headline, outlet, byline, date and wire each page should read as.
//! The pages are in `tests/pages/text/`, written for these tests (invented outlets and people),
//! and what each should read as is in `expected.json` there; every test names the behaviour its
//! pages show. `cargo run -p coverage-reader --example text_pages` prints the same as a measure.

use coverage_core::model::{Article, RemovedReason};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

mod common;
use common::KNOWLEDGE;

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/text")
}

static EXPECTED: LazyLock<Vec<Value>> = LazyLock::new(|| {
    let text = std::fs::read_to_string(pages_dir().join("expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("expected.json is JSON")
});

fn read(file: &str) -> Article {
    let bytes = std::fs::read(pages_dir().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    KNOWLEDGE.read_article(file, &bytes)
}

/// Reads a page and compares every field with its expectation; the failure lists them all.
fn check(file: &str) {
    let expected = EXPECTED
        .iter()
        .find(|e| e["file"] == file)
        .unwrap_or_else(|| panic!("{file} is not in expected.json"));
    let a = read(file);
    let want = |key: &str| expected[key].as_str().map(str::to_string);
    let fields = [
        ("title", a.title.clone(), want("title")),
        ("outlet", a.outlet.clone(), want("siteName")),
        ("byline", a.byline.clone(), want("byline")),
        ("date", a.date.map(|d| d.to_string()), want("publishedTime")),
        ("wire", a.wire.clone(), want("wire")),
    ];
    let wrong: Vec<String> = fields
        .iter()
        .filter(|(_, read, want)| read != want)
        .map(|(field, read, want)| format!("{field}: read {read:?}, expected {want:?}"))
        .collect();
    assert!(wrong.is_empty(), "{file}:\n{}", wrong.join("\n"));
}

#[test]
fn nav_line_is_not_a_headline() {
    check("nav_lines_en.txt");
    check("nav_lines_ko.txt");
}

#[test]
fn nav_lines_above_the_headline_leave_the_body() {
    let a = read("nav_lines_en.txt");
    let body: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    for furniture in ["Connect with us", "Settings", "Politics"] {
        assert!(!body.contains(&furniture), "{furniture:?} is in {body:?}");
        assert!(
            a.removed
                .iter()
                .any(|r| r.text == furniture && r.reason == RemovedReason::Boilerplate),
            "{furniture:?} is not among the removed lines"
        );
    }
}

#[test]
fn breadcrumb_is_not_a_headline() {
    check("breadcrumb_en.txt");
    check("breadcrumb_ko.txt");
}

#[test]
fn view_counter_is_not_a_headline() {
    check("view_counter_en.txt");
    check("view_counter_ko.txt");
}

#[test]
fn dateline_is_not_a_headline() {
    check("dateline_en.txt");
    check("dateline_ko.txt");
}

#[test]
fn headline_repeated_by_title_line_wins() {
    check("title_line_en.txt");
    check("title_line_ko.txt");
}

#[test]
fn page_printed_to_pdf_reads_its_print_header() {
    check("printed_pdf_en.txt");
}

#[test]
fn byline_suffix_names_the_outlet() {
    check("byline_suffix_en.txt");
    check("byline_pipe_en.txt");
    check("breadcrumb_en.txt");
}

#[test]
fn copyright_line_names_unknown_outlet() {
    check("copyright_en.txt");
    check("copyright_holder_en.txt");
}

#[test]
fn korean_reproduction_line_names_outlet() {
    check("reproduction_ko.txt");
    check("korean_reporter_lines.txt");
    check("korean_two_reporters.txt");
}

#[test]
fn reporter_email_domain_names_outlet() {
    check("email_domain_en.txt");
    check("email_domain_ko.txt");
}

#[test]
fn staff_credit_names_the_outlet() {
    check("bracketed_email_byline.txt");
}

#[test]
fn source_label_names_the_outlet() {
    check("authors_label.txt");
}

#[test]
fn agency_credit_is_wire_not_outlet() {
    check("wire_credit_en.txt");
    check("wire_credit_ko.txt");
    check("dateline_en.txt");
    check("dateline_ko.txt");
}

#[test]
fn agency_alone_is_the_outlet() {
    check("agency_alone_en.txt");
    check("reproduction_yonhap_ko.txt");
}

#[test]
fn korean_reporter_line_is_byline() {
    check("korean_reporter_lines.txt");
    check("view_counter_ko.txt");
    check("nav_lines_ko.txt");
    check("breadcrumb_ko.txt");
}

#[test]
fn korean_reporter_credit_opening_the_story_is_byline() {
    check("reproduction_yonhap_ko.txt");
}

#[test]
fn two_korean_reporters_are_both_named() {
    check("korean_two_reporters.txt");
}

#[test]
fn two_authors_and_date_on_one_line() {
    check("two_authors_date_line.txt");
    check("view_counter_en.txt");
}

#[test]
fn date_then_byline_names_author_outlet_and_date() {
    check("date_pipe_byline.txt");
}

#[test]
fn authors_label_is_a_byline() {
    check("authors_label.txt");
}

#[test]
fn bracketed_email_is_stripped_from_byline() {
    check("bracketed_email_byline.txt");
}

#[test]
fn name_beside_stamp_is_byline() {
    check("name_beside_stamp.txt");
    check("byline_pipe_en.txt");
    check("email_domain_en.txt");
}

#[test]
fn live_blog_dated_by_posts() {
    check("live_blog_en.txt");
    check("live_blog_ko.txt");
}

#[test]
fn masthead_today_strip_is_not_the_date() {
    check("masthead_strip_en.txt");
    check("masthead_strip_ko.txt");
}

#[test]
fn trailing_source_line_dates_the_story() {
    check("trailing_source_line.txt");
}

#[test]
fn caption_date_is_not_the_date() {
    check("caption_date.txt");
}

#[test]
fn dateline_without_year_gives_no_date() {
    check("dateline_en.txt");
    check("dateline_ko.txt");
}

#[test]
fn update_stamp_counts_without_a_publication_stamp() {
    check("byline_suffix_en.txt");
}

#[test]
fn every_fixture_page_reads_as_expected() {
    let mut files: Vec<String> = std::fs::read_dir(pages_dir())
        .expect("tests/pages/text is a folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), EXPECTED.len(), "every page has an expectation");
    for file in files {
        check(&file);
    }
}

#[test]
fn site_named_by_its_own_interface_beats_its_company() {
    // "updates from NAME", "NAME's Terms", "About NAME" name the site; the copyright holder
    // "… Media LLC" is the company behind it.
    check("interface_names_site_en.txt");
}

#[test]
fn bare_domain_in_byline_names_the_outlet() {
    check("bare_domain_outlet_en.txt");
}

#[test]
fn headline_ending_in_initials_is_no_sentence_and_beats_a_section_name() {
    check("section_label_above_headline_en.txt");
}

#[test]
fn korean_reporter_lines_with_their_addresses_are_all_authors() {
    check("korean_reporters_with_addresses.txt");
}

#[test]
fn year_run_into_the_hour_still_dates_the_page() {
    check("year_glued_to_hour_en.txt");
}

#[test]
fn editors_credit_beside_the_update_stamp_dates_the_page() {
    check("editor_credit_stamp_en.txt");
}

#[test]
fn name_line_after_a_standfirst_under_a_twin_headline_is_the_byline() {
    // The headline is printed in the title bar and again over the story; the author's name
    // stands alone after the standfirst, above the share tools, not above text.
    check("twin_headline_name_after_standfirst_en.txt");
}

#[test]
fn name_line_below_the_share_tools_is_the_byline() {
    check("name_line_under_interface_en.txt");
}

#[test]
fn date_menu_is_not_a_stamp() {
    // An archive's choice of dates, one a line, above the headline: neither the page's date nor
    // a stamp the headline must stand above.
    check("date_menu_en.txt");
}

#[test]
fn timed_key_event_is_not_a_headline() {
    // A live blog's key events, each with the time it was posted run into its last word.
    check("live_blog_key_events_en.txt");
}

#[test]
fn live_blog_of_timed_posts_takes_the_day_of_its_embedded_posts() {
    check("live_blog_embedded_posts_en.txt");
}

#[test]
fn caption_with_its_credit_after_a_bar_is_not_a_headline() {
    check("caption_bar_credit_en.txt");
}

#[test]
fn teaser_with_its_stamp_above_the_article_is_not_its_headline() {
    // Related stories listed above the article, each a label, a headline, names and a date:
    // the article's headline is the one with its own byline and stamp nearest the body, and
    // the names of two authors above a date are a byline, not a headline.
    check("teasers_with_stamps_above_headline_en.txt");
}

#[test]
fn stamp_of_a_teaser_above_the_headline_is_not_the_date() {
    check("teasers_with_stamps_above_headline_en.txt");
}

#[test]
fn headline_printed_again_over_the_story_beats_its_standfirst() {
    // Printed at the top, at the end of a breadcrumb trail and again over the story; the
    // quotation under it is the standfirst.
    check("headline_printed_again_over_standfirst_en.txt");
}

#[test]
fn tag_strip_is_not_a_headline() {
    // "Science More: …" then the story's tags: a strip of links sharing the lede's names.
    check("tag_strip_and_name_outlet_line_en.txt");
}

#[test]
fn caption_printed_again_without_its_credit_does_not_open_the_body() {
    // The caption with its credit, then again without it over the credit alone: the story's
    // head (headline, byline, dateline, stamps) is under them, and a button's cut label ("Add
    // to ...") printed after the headline is not part of it.
    check("caption_printed_twice_en.txt");
}

#[test]
fn dateline_with_the_outlet_is_not_a_headline() {
    // "OSLO — The Northern Courier" right above the stamps.
    check("caption_printed_twice_en.txt");
}

#[test]
fn byline_over_several_lines_names_every_author() {
    // "By" alone, then one author a line, two with their role run into the name.
    check("byline_over_lines_en.txt");
}

#[test]
fn name_beside_the_stamp_beats_a_teasers_byline_below_the_story() {
    check("name_beside_stamp_teaser_byline_below_en.txt");
}

#[test]
fn agency_and_place_under_the_headline_is_wire_and_no_byline() {
    // "Reuters, OSLO" credits the agency: the story has no author, and the byline of a teaser
    // in the list under it is not its byline.
    check("agency_place_credit_en.txt");
}

#[test]
fn update_under_the_headline_leaves_the_date_above_it() {
    // The story's head holds only an update: the date printed above the headline is the
    // publication's, not a teaser's.
    check("date_above_headline_update_below_en.txt");
}

#[test]
fn agency_in_a_place_is_the_wire() {
    // "Reuters in Bergen" under the standfirst: the agency's credit, no author.
    check("agency_in_place_credit_en.txt");
}

#[test]
fn agency_under_an_author_label_is_the_wire() {
    // "Author of the article:" alone, the agency's name on the next line.
    check("author_label_agency_en.txt");
}

#[test]
fn company_in_the_copyright_loses_to_the_title_named_after_it() {
    // "© Harbour Media Inc." is the publisher; "Harbour Insight", printed again and again, is
    // the title.
    check("company_copyright_title_masthead_en.txt");
}

#[test]
fn copyright_of_a_title_by_its_owner_names_the_title() {
    // "© Korea JoongAng Daily - by JoongAng Ilbo": the owner's name in a photo credit and a
    // staff credit above it does not make the owner the outlet.
    check("copyright_title_by_its_owner_en.txt");
}

#[test]
fn teaser_about_some_staff_is_not_a_staff_credit() {
    // "GP staff warned over …" is a teaser's headline, not "GP" crediting its staff.
    check("teaser_about_staff_is_no_credit_en.txt");
}

#[test]
fn agency_credit_below_a_known_masthead_is_the_wire() {
    // The masthead names a known outlet first; the agency's credit further down is still read.
    check("agency_credit_below_known_masthead_en.txt");
}

#[test]
fn agency_printing_its_own_story_has_no_wire() {
    // Yonhap's own page: its dateline credit and its copyright name the outlet, not a wire.
    check("agency_own_page_no_wire_en.txt");
}

#[test]
fn photo_credit_of_an_agency_is_not_a_wire() {
    // "Copyright AP Photo" under a picture credits the photo, not the story.
    check("photo_credit_is_not_a_wire_en.txt");
}

#[test]
fn repost_names_the_outlet_where_the_story_first_ran() {
    // "This article originally appeared at …" at the foot of a reposted story.
    check("repost_names_first_outlet_en.txt");
}

#[test]
fn list_of_outlets_is_not_the_masthead() {
    // "The Washington Post" in a list of news services, under a heading, names no printer.
    check("outlet_list_is_not_the_masthead_en.txt");
}

#[test]
fn site_furniture_in_spanish_is_not_a_headline() {
    check("site_furniture_es.txt");
}

#[test]
fn updated_stamp_in_the_head_outranks_teaser_dates_below() {
    // "更新时间" under the headline, a list of related stories with bare dates under the story.
    check("updated_stamp_over_teaser_dates_zh.txt");
}

#[test]
fn rights_notice_in_the_page_language_names_the_outlet() {
    // "© 2001-2024, NAME. Все права защищены.": the years' comma and a Russian notice.
    check("rights_notice_ru.txt");
    check("updated_stamp_over_teaser_dates_zh.txt");
}

#[test]
fn name_opening_a_stamp_line_is_the_byline_in_japanese() {
    // "山田健一2024年6月19日 10:30": the reporter's name glued to the stamp's date.
    check("name_glued_to_stamp_ja.txt");
}

#[test]
fn chinese_reporter_title_line_names_every_reporter() {
    // "记者 张明 李华" under the stamp; "来源：NAME" on the stamp line names the outlet.
    check("reporter_title_line_zh.txt");
}

#[test]
fn japanese_place_and_reporter_credit_opening_the_story_is_byline() {
    // "【オスロ＝中村真理】…" opening the first paragraph.
    check("opening_credit_ja.txt");
}

#[test]
fn outlet_and_agency_joined_by_et_is_a_wire_credit() {
    // "Par NAME et AFP": the outlet's own name beside the agency's, no author.
    check("agency_credit_fr.txt");
}

#[test]
fn japanese_dateline_credit_names_the_wire() {
    // "【6月19日 AFP】" opening the story; the stamp line's "発信地：PLACE" is the dispatch's place.
    check("agency_credit_ja.txt");
}

#[test]
fn names_joined_by_the_page_languages_and_are_a_byline() {
    // "Anna Keller und Jonas Berg" above the stamp, without "Von".
    check("names_joined_by_und_beside_stamp_de.txt");
}

#[test]
fn italian_lowercase_di_opens_a_credit() {
    // "di Marco Bianchi e Giulia Rossi" under the headline.
    check("lowercase_di_credit_it.txt");
}

#[test]
fn known_outlet_credited_beside_an_agency_is_the_outlet() {
    // "Par Le Monde et AFP": the outlet in the authors' place, the agency the wire.
    check("known_outlet_credited_with_agency_fr.txt");
}

#[test]
fn one_paragraph_story_under_a_widget_is_the_body() {
    check("one_paragraph_story_under_widget_en.txt");
}

#[test]
fn masthead_over_a_menu_and_a_stamp_is_not_the_headline() {
    check("masthead_menu_stamp_above_headline_en.txt");
}

#[test]
fn teaser_printed_twice_far_above_the_body_is_not_the_headline() {
    check("teaser_printed_twice_far_above_en.txt");
}

#[test]
fn site_links_name_the_outlet_over_its_company() {
    check("interface_links_name_site_en.txt");
    check("contact_link_names_site_en.txt");
}

#[test]
fn partner_list_closing_the_footer_is_not_the_outlet() {
    check("partner_list_closing_footer_en.txt");
}

#[test]
fn known_domain_in_a_site_link_and_surname_like_an_outlet() {
    check("more_from_known_domain_en.txt");
}

#[test]
fn agency_naming_its_own_site_has_no_masthead_over_it() {
    check("agency_site_menu_is_no_masthead_en.txt");
}

#[test]
fn menu_or_address_with_bars_is_no_title_line() {
    check("menu_with_bars_is_no_title_line_en.txt");
}

#[test]
fn teaser_cut_with_an_ellipsis_does_not_open_the_body() {
    check("teaser_cut_with_ellipsis_en.txt");
}

#[test]
fn byline_of_a_desk_writing_for_the_title_names_the_title() {
    check("byline_desk_for_title_en.txt");
}

#[test]
fn author_card_is_not_a_headline() {
    check("author_card_is_not_a_headline_en.txt");
}

#[test]
fn menu_descriptions_do_not_open_the_body() {
    check("menu_with_section_descriptions_en.txt");
}

#[test]
fn title_case_headline_ending_in_a_mark_is_no_sentence() {
    check("title_case_headline_with_a_mark_en.txt");
}

#[test]
fn old_browser_notice_does_not_open_the_body() {
    check("old_browser_notice_en.txt");
}

#[test]
fn short_standfirst_between_headline_and_byline_is_not_the_headline() {
    check("short_standfirst_above_the_byline_en.txt");
}

#[test]
fn share_button_naming_the_story_repeats_the_headline() {
    check("share_button_repeats_the_headline_en.txt");
}

#[test]
fn unseen_characters_copied_from_a_browser_are_not_read() {
    check("soft_hyphens_and_zero_width_spaces_de.txt");
    let a = read("soft_hyphens_and_zero_width_spaces_de.txt");
    assert!(
        a.actors.iter().any(|x| x.name == "Vladimir Putin"),
        "{:?}",
        a.actors
    );
}

#[test]
fn stamp_line_and_interface_in_german_are_no_headline_and_a_lowercase_von_is_a_byline() {
    check("german_stamp_menu_and_lowercase_byline_de.txt");
}
