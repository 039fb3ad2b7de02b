//! Each kind of container read into records: names, facts beside the page, what is passed over
//! and what is reported, with fixtures built here.

mod common;

use archive::{Entry, Kind, Limits, RecordKind};
use common::*;

const PAGE: &str = "<!doctype html><html><head><title>Talks resume</title></head>\
                    <body><h1>Talks resume</h1><p>Seoul and Tokyo met.</p></body></html>";

#[test]
fn zip_members_are_read_in_name_order_with_their_folders() {
    let bytes = zip(&[
        ("b/story.txt", b"Talks resume\n\nSeoul and Tokyo met."),
        ("a/", b""),
        ("a/page.html", PAGE.as_bytes()),
        ("c.htm", PAGE.as_bytes()),
    ]);
    let got = entries("pages.zip", &bytes);
    assert_eq!(
        names(&got),
        [
            "pages.zip/a/page.html",
            "pages.zip/b/story.txt",
            "pages.zip/c.htm"
        ]
    );
    let kinds: Vec<RecordKind> = records(&got).iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [RecordKind::Html, RecordKind::Text, RecordKind::Html]
    );
    assert_eq!(records(&got)[0].bytes, PAGE.as_bytes());
}

#[test]
fn macos_copies_in_a_zip_are_passed_over_with_a_note() {
    let bytes = zip(&[
        ("page.html", PAGE.as_bytes()),
        ("__MACOSX/._page.html", b"\0\x05\x16\x07junk"),
        (".DS_Store", b"\0\0\0\x01Bud1"),
    ]);
    let got = entries("saved.zip", &bytes);
    assert_eq!(names(&got), ["saved.zip/page.html"]);
    assert!(
        got.iter()
            .any(|e| matches!(e, Entry::Note { message, .. } if message.contains("2 files"))),
        "{got:?}"
    );
}

#[test]
fn a_zip_bomb_entry_is_skipped_and_the_rest_is_read() {
    // Under the page limit, so only its ratio can stop it.
    let bomb = vec![0u8; 30_000_000];
    let bytes = zip(&[
        ("a.html", PAGE.as_bytes()),
        ("b-bomb.txt", &bomb),
        ("c.html", PAGE.as_bytes()),
    ]);
    assert!(
        bytes.len() < 100_000,
        "the fixture is a bomb: {} bytes",
        bytes.len()
    );
    let got = entries("bomb.zip", &bytes);
    assert_eq!(
        names(&got),
        ["bomb.zip/a.html", "bomb.zip/b-bomb.txt", "bomb.zip/c.html"]
    );
    let why = reason(&got, "bomb.zip/b-bomb.txt");
    assert!(
        why.contains("expands more than 100 times its compressed size"),
        "{why}"
    );
    assert!(why.ends_with("not read"), "{why}");
    assert_eq!(records(&got).len(), 2);
}

#[test]
fn a_zip_entry_stated_past_the_page_limit_is_not_inflated() {
    let bytes = zip(&[("huge.txt", &vec![0u8; 40_000_000])]);
    let got = entries("huge.zip", &bytes);
    let why = reason(&got, "huge.zip/huge.txt");
    assert!(why.starts_with("expands to 40 MB (ratio 10"), "{why}");
    assert!(why.ends_with("pages over 32 MB are not read"), "{why}");
}

#[test]
fn a_zip_member_over_the_page_limit_says_so() {
    let big = "word ".repeat(300_000);
    let bytes = zip(&[("big.txt", big.as_bytes())]);
    let limits = Limits {
        max_page_bytes: 1_000_000,
        ..Limits::default()
    };
    let got = entries_with("big.zip", &bytes, &limits);
    let why = reason(&got, "big.zip/big.txt");
    assert!(why.contains("1 MB") && why.contains("not read"), "{why}");
}

#[test]
fn many_small_bombs_stop_the_archive_with_one_reason() {
    let bomb = vec![b' '; 3_000_000];
    let files: Vec<(String, &[u8])> = (0..40)
        .map(|i| (format!("{i:02}.txt"), &bomb[..]))
        .collect();
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    let bytes = zip(&files);
    let limits = Limits {
        max_ratio: 50,
        ..Limits::default()
    };
    let got = entries_with("bombs.zip", &bytes, &limits);
    let last = got.last().unwrap();
    assert!(
        matches!(last, Entry::Skipped { reason, .. } if reason.contains("files after it are not read")),
        "{got:#?}"
    );
    assert!(
        got.len() < 40,
        "the archive stops early: {} entries",
        got.len()
    );
}

#[test]
fn twenty_thousand_files_in_a_zip_are_all_read() {
    let files: Vec<(String, Vec<u8>)> = (0..20_000)
        .map(|i| {
            (
                format!("pages/{i:05}.txt"),
                format!("Story {i}\n\nText {i}.").into_bytes(),
            )
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let bytes = zip(&refs);
    let got = entries("many.zip", &bytes);
    assert_eq!(records(&got).len(), 20_000);
    assert_eq!(records(&got)[19_999].name, "many.zip/pages/19999.txt");
}

#[test]
fn past_the_entry_limit_the_rest_is_reported_not_dropped() {
    let files: Vec<(String, Vec<u8>)> = (0..15)
        .map(|i| (format!("{i:02}.txt"), b"Text.".to_vec()))
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let limits = Limits {
        max_entries: 10,
        ..Limits::default()
    };
    let got = entries_with("many.zip", &zip(&refs), &limits);
    assert_eq!(records(&got).len(), 10);
    let why = reason(&got, "many.zip");
    assert!(why.contains("more than 10 pages"), "{why}");
}

#[test]
fn an_export_inside_a_zip_is_read_and_a_third_level_is_refused() {
    let deepest = zip(&[("p.html", PAGE.as_bytes())]);
    let inner = zip(&[("deeper.zip", &deepest), ("q.txt", b"Inner story\n\nText.")]);
    let export = b"{\"url\": \"https://news.example/1\", \"text\": \"One.\"}\n";
    let bytes = zip(&[("export.jsonl", export), ("inner.zip", &inner)]);
    let got = entries("outer.zip", &bytes);
    assert_eq!(
        names(&got),
        [
            "outer.zip/export.jsonl:1",
            "outer.zip/inner.zip/deeper.zip",
            "outer.zip/inner.zip/q.txt"
        ]
    );
    let why = reason(&got, "outer.zip/inner.zip/deeper.zip");
    assert!(why.contains("2 levels deep"), "{why}");
}

#[test]
fn a_damaged_zip_does_not_open_and_says_why() {
    let mut bytes = zip(&[("a.html", PAGE.as_bytes())]);
    let cut = bytes.len() - 30;
    bytes.truncate(cut);
    let error = archive::open("broken.zip", &bytes, &Limits::default())
        .err()
        .expect("an error");
    assert!(
        error
            .to_string()
            .contains("broken.zip: not a readable zip archive"),
        "{error}"
    );
}

#[test]
fn a_zip_member_with_a_bad_checksum_is_reported() {
    let mut bytes = zip(&[
        ("a.txt", b"Alpha story text here."),
        ("b.txt", b"Beta story text here."),
    ]);
    // Flip a byte of the first member's deflated data (after its 30-byte header and name).
    bytes[30 + 5 + 2] ^= 0x55;
    let got = entries("flip.zip", &bytes);
    assert_eq!(names(&got), ["flip.zip/a.txt", "flip.zip/b.txt"]);
    let why = reason(&got, "flip.zip/a.txt");
    assert!(why.contains("damaged"), "{why}");
}

#[test]
fn a_gzipped_page_is_one_record_named_as_the_file() {
    let got = entries("story.html.gz", &gzip(PAGE.as_bytes()));
    assert_eq!(names(&got), ["story.html.gz"]);
    assert_eq!(records(&got)[0].kind, RecordKind::Html);
    assert_eq!(records(&got)[0].bytes, PAGE.as_bytes());
}

#[test]
fn a_gzip_bomb_is_stopped_with_its_ratio() {
    let got = entries("bomb.jsonl.gz", &gzip(&vec![b' '; 30_000_000]));
    let why = reason(&got, "bomb.jsonl.gz:1");
    assert!(why.contains("times"), "{why}");
}

#[test]
fn a_truncated_gzip_keeps_the_records_before_the_cut() {
    let lines: String = (0..2000)
        .map(|i| {
            format!(
                "{{\"url\": \"https://news.example/{i}\", \"text\": \"Story number {i} {}.\"}}\n",
                i * 7919
            )
        })
        .collect();
    let mut bytes = gzip(lines.as_bytes());
    bytes.truncate(bytes.len() / 2);
    let got = entries("cut.jsonl.gz", &bytes);
    let read = records(&got).len();
    assert!(read > 100 && read < 2000, "{read} records");
    match got.last().unwrap() {
        Entry::Skipped { reason, .. } => assert!(reason.contains("ends early"), "{reason}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_file_that_is_not_gzip_inside_does_not_open() {
    let error = archive::open("x.gz", b"\x1f\x8bnot really", &Limits::default()).err();
    assert!(error.is_some_and(|e| e.to_string().contains("gzip")));
}

fn crawl() -> Vec<u8> {
    let mut warc = warc_record(
        "warcinfo",
        None,
        "application/warc-fields",
        b"software: test\r\n",
    );
    warc.extend(warc_record(
        "request",
        Some("https://news.example/a"),
        "application/http; msgtype=request",
        b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
    ));
    warc.extend(html_response("https://news.example/a", PAGE));
    // Chunked and gzipped, with a charset.
    let body = gzip("<html><body><p>Chunked story.</p></body></html>".as_bytes());
    let mut chunked = format!("{:x}\r\n", 10).into_bytes();
    chunked.extend_from_slice(&body[..10]);
    chunked.extend_from_slice(format!("\r\n{:x}\r\n", body.len() - 10).as_bytes());
    chunked.extend_from_slice(&body[10..]);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    warc.extend(warc_record(
        "response",
        Some("<https://news.example/b>"),
        "application/http; msgtype=response",
        &http(
            "200 OK",
            &[
                "Content-Type: text/html; charset=EUC-KR",
                "Transfer-Encoding: chunked",
                "Content-Encoding: gzip",
            ],
            &chunked,
        ),
    ));
    warc.extend(warc_record(
        "response",
        Some("https://news.example/logo.png"),
        "application/http; msgtype=response",
        &http("200 OK", &["Content-Type: image/png"], b"\x89PNG\r\n\x1a\n"),
    ));
    warc.extend(warc_record(
        "response",
        Some("https://news.example/old"),
        "application/http; msgtype=response",
        &http("301 Moved Permanently", &["Location: /a"], b""),
    ));
    warc.extend(warc_record(
        "conversion",
        Some("https://news.example/c"),
        "text/plain",
        b"Plain story\n\nAs text.",
    ));
    warc
}

#[test]
fn warc_responses_give_their_pages_and_the_rest_is_counted() {
    let got = entries("crawl.warc", &crawl());
    assert_eq!(
        names(&got),
        [
            "crawl.warc#3 https://news.example/a",
            "crawl.warc#4 https://news.example/b",
            "crawl.warc#7 https://news.example/c"
        ]
    );
    let r = records(&got);
    assert_eq!(r[0].bytes, PAGE.as_bytes());
    assert_eq!(r[0].url.as_deref(), Some("https://news.example/a"));
    assert_eq!(r[0].date, None, "a capture date is not a publication date");
    assert_eq!(
        r[1].bytes,
        b"<html><body><p>Chunked story.</p></body></html>"
    );
    assert_eq!(r[1].charset.as_deref(), Some("euc-kr"));
    assert_eq!(r[1].url.as_deref(), Some("https://news.example/b"));
    assert_eq!(
        (r[2].kind, &r[2].bytes[..]),
        (RecordKind::Text, &b"Plain story\n\nAs text."[..])
    );
    let note = got
        .iter()
        .find_map(|e| match e {
            Entry::Note { message, .. } => Some(message.as_str()),
            _ => None,
        })
        .expect("a note");
    for what in [
        "4 WARC records",
        "1 image/png",
        "1 status 301",
        "1 requests",
        "1 warcinfo",
    ] {
        assert!(note.contains(what), "{what:?} in {note}");
    }
}

#[test]
fn a_warc_gzipped_per_record_reads_as_the_plain_one() {
    let plain = crawl();
    let mut members = Vec::new();
    // Split at each record start, one gzip member each, as WARC writers do.
    let starts: Vec<usize> = (0..plain.len())
        .filter(|&i| plain[i..].starts_with(b"WARC/1.1\r\n"))
        .collect();
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(plain.len());
        members.extend(gzip(&plain[s..e]));
    }
    assert_eq!(archive::sniff("crawl.warc.gz", &members[..4]), Kind::Gzip);
    let got = entries("crawl.warc.gz", &members);
    assert_eq!(names(&got)[2], "crawl.warc.gz#7 https://news.example/c");
    assert_eq!(records(&got).len(), 3);
}

#[test]
fn a_truncated_warc_says_where_it_ends() {
    let mut bytes = crawl();
    bytes.truncate(bytes.len() - 12);
    let got = entries("cut.warc", &bytes);
    assert_eq!(records(&got).len(), 2);
    let why = reason(&got, "cut.warc#7 https://news.example/c");
    assert!(why.contains("ends inside this record"), "{why}");
}

#[test]
fn stray_bytes_between_warc_records_are_passed_over() {
    let first = html_response("https://news.example/a", PAGE);
    let mut bytes = first.clone();
    bytes.insert(first.len() - 2, b'x');
    bytes.extend(html_response("https://news.example/b", PAGE));
    let got = entries("stray.warc", &bytes);
    assert_eq!(
        names(&got),
        [
            "stray.warc#1 https://news.example/a",
            "stray.warc#2 https://news.example/b"
        ]
    );
    assert!(
        got.iter().any(|e| matches!(e, Entry::Note { message, .. } if message.contains("1 lines outside any WARC record"))),
        "{got:?}"
    );
}

#[test]
fn a_warc_of_images_only_holds_no_pages_and_says_what_it_held() {
    let bytes = warc_record(
        "response",
        Some("https://news.example/logo.png"),
        "application/http; msgtype=response",
        &http("200 OK", &["Content-Type: image/png"], b"\x89PNG"),
    );
    let got = entries("images.warc", &bytes);
    assert_eq!(names(&got), ["images.warc"]);
    let why = reason(&got, "images.warc");
    assert!(
        why.contains("holds no pages") && why.contains("image/png"),
        "{why}"
    );
}

#[test]
fn news_please_fields_are_read() {
    let line = r#"{"authors": ["Kim Min-ji"], "date_download": "2024-06-20 08:00:00", "date_modify": null,
        "date_publish": "2024-06-19 09:30:00", "description": "Standfirst", "language": "en",
        "source_domain": "news.example", "title": "Talks resume", "title_page": "Talks resume | News",
        "maintext": "Seoul and Tokyo met on Wednesday.", "url": "https://news.example/talks"}"#;
    let got = entries("articles.jsonl", line.replace('\n', " ").as_bytes());
    let r = records(&got)[0];
    assert_eq!(r.bytes, b"Seoul and Tokyo met on Wednesday.");
    assert_eq!(r.kind, RecordKind::Text);
    assert_eq!(r.title.as_deref(), Some("Talks resume"));
    assert_eq!(r.date.as_deref(), Some("2024-06-19 09:30:00"));
    assert_eq!(r.url.as_deref(), Some("https://news.example/talks"));
    assert_eq!(r.outlet, None, "a domain is not an outlet's name");
}

#[test]
fn a_crawl_date_alone_is_no_publication_date() {
    let line = r#"{"url": "https://news.example/x", "text": "Text.", "date_download": "2024-06-20", "indexed_date": "2024-06-21", "seendate": "20240621T000000Z"}"#;
    let got = entries("crawl.jsonl", line.as_bytes());
    assert_eq!(records(&got)[0].date, None);
}

#[test]
fn trafilatura_json_gives_its_address_in_source() {
    let one = r#"{"title": "Talks resume", "author": "Kim Min-ji", "hostname": "news.example",
        "date": "2024-06-19", "source": "https://news.example/talks", "source-hostname": "The Example Times",
        "text": "Seoul and Tokyo met.", "raw_text": "Seoul and Tokyo met. Share"}"#;
    let got = entries("talks.json", one.as_bytes());
    assert_eq!(names(&got), ["talks.json"]);
    let r = records(&got)[0];
    assert_eq!(r.url.as_deref(), Some("https://news.example/talks"));
    assert_eq!(r.outlet.as_deref(), Some("The Example Times"));
    assert_eq!(r.bytes, b"Seoul and Tokyo met.");
    assert_eq!(r.date.as_deref(), Some("2024-06-19"));
}

#[test]
fn an_api_answer_holding_articles_is_read_element_by_element() {
    let answer = r#"{"status": "ok", "totalResults": 2, "articles": [
        {"source": {"id": null, "name": "The Example Times"}, "title": "Talks resume",
         "url": "https://news.example/1", "publishedAt": "2024-06-19T09:30:00Z", "content": "Seoul and Tokyo met."},
        {"source": {"id": null, "name": "Daily Example"}, "title": "Talks end", "url": "https://daily.example/2"}
    ]}"#;
    let got = entries("newsapi.json", answer.as_bytes());
    assert_eq!(names(&got), ["newsapi.json#1", "newsapi.json#2"]);
    let r = records(&got)[0];
    assert_eq!(r.outlet.as_deref(), Some("The Example Times"));
    assert_eq!(r.date.as_deref(), Some("2024-06-19T09:30:00Z"));
    assert!(reason(&got, "newsapi.json#2").contains("no page text"));
}

#[test]
fn html_in_an_export_field_is_marked_html() {
    let lines = "{\"raw_html\": \"<div><p>Seoul and Tokyo met.</p></div>\", \"headline\": \"Talks\", \"link\": \"https://a.example/1\"}\n\
                 {\"content\": \"Plain words with no markup.\", \"published\": 1718789400}\n";
    let got = entries("mixed.ndjson", lines.as_bytes());
    let r = records(&got);
    assert_eq!(
        (r[0].kind, r[0].title.as_deref()),
        (RecordKind::Html, Some("Talks"))
    );
    assert_eq!(r[0].url.as_deref(), Some("https://a.example/1"));
    assert_eq!(
        (r[1].kind, r[1].date.as_deref()),
        (RecordKind::Text, Some("1718789400"))
    );
}

#[test]
fn a_jsonl_line_over_the_limit_is_skipped_and_the_next_is_read() {
    let long = format!("{{\"text\": \"{}\"}}", "x".repeat(500));
    let lines =
        format!("{{\"text\": \"First.\"}}\n{long}\nnot json\n[1, 2]\n\n{{\"text\": \"Last.\"}}\n");
    let limits = Limits {
        max_line_bytes: 200,
        ..Limits::default()
    };
    let got = entries_with("e.jsonl", lines.as_bytes(), &limits);
    assert_eq!(
        names(&got),
        [
            "e.jsonl:1",
            "e.jsonl:2",
            "e.jsonl:3",
            "e.jsonl:4",
            "e.jsonl:6"
        ]
    );
    assert!(reason(&got, "e.jsonl:2").contains("lines over 200 bytes are not read"));
    assert!(reason(&got, "e.jsonl:3").contains("not JSON"));
    assert!(reason(&got, "e.jsonl:4").contains("a list"));
    assert_eq!(records(&got).len(), 2);
}

#[test]
fn json_lines_in_a_json_file_are_read_as_lines() {
    let lines = "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n";
    let got = entries("export.json", lines.as_bytes());
    assert_eq!(names(&got), ["export.json:1", "export.json:2"]);
}

#[test]
fn csv_columns_are_told_by_their_names() {
    let csv = "\u{feff}stories_id,Publish_Date,Title,URL,media_name,text\n\
               1,2024-06-19 09:30:00,\"Talks, at last\",https://news.example/1,The Example Times,\"Seoul and Tokyo met.\n\nA second paragraph.\"\n\
               2,2024-06-20,Talks end,https://news.example/2,The Example Times,They parted.\n";
    let got = entries("mediacloud.csv", csv.as_bytes());
    assert_eq!(names(&got), ["mediacloud.csv:2", "mediacloud.csv:5"]);
    let r = records(&got);
    assert_eq!(r[0].title.as_deref(), Some("Talks, at last"));
    assert_eq!(r[0].date.as_deref(), Some("2024-06-19 09:30:00"));
    assert_eq!(r[0].outlet.as_deref(), Some("The Example Times"));
    assert_eq!(r[0].bytes, b"Seoul and Tokyo met.\n\nA second paragraph.");
    assert_eq!(r[1].url.as_deref(), Some("https://news.example/2"));
}

#[test]
fn a_broken_csv_row_is_reported_and_the_rows_after_it_are_read() {
    let csv = "url;title;body\nhttps://a.example/1;One;First text.\nhttps://a.example/2;Two\nhttps://a.example/3;Three;Third text.\n";
    let got = entries("export.csv", csv.as_bytes());
    assert_eq!(
        names(&got),
        ["export.csv:2", "export.csv:3", "export.csv:4"]
    );
    let why = reason(&got, "export.csv:3");
    assert!(why.contains("2 fields and the header 3"), "{why}");
    assert_eq!(records(&got)[1].title.as_deref(), Some("Three"));
}

#[test]
fn a_csv_row_over_the_limit_is_skipped_without_being_held() {
    let csv = format!(
        "title,text\nOne,First.\nTwo,\"{}\"\nThree,Third.\n",
        "y ".repeat(5_000)
    );
    let limits = Limits {
        max_line_bytes: 1_000,
        ..Limits::default()
    };
    let got = entries_with("long.csv", csv.as_bytes(), &limits);
    assert_eq!(names(&got), ["long.csv:2", "long.csv:3", "long.csv:4"]);
    assert!(reason(&got, "long.csv:3").contains("rows over 1.0 kB are not read"));
}

#[test]
fn a_csv_without_a_page_column_says_which_columns_it_has() {
    let got = entries("ids.csv", b"id,count\n1,2\n");
    let why = reason(&got, "ids.csv");
    assert!(why.contains("\"id\", \"count\""), "{why}");
}

#[test]
fn empty_containers_hold_no_pages() {
    for (name, bytes) in [
        ("empty.zip", zip(&[])),
        ("empty.jsonl", Vec::new()),
        ("blank.csv", b"title,text\n".to_vec()),
        ("empty.warc", Vec::new()),
        ("nothing.json", b"[]".to_vec()),
    ] {
        let got = entries(name, &bytes);
        assert_eq!(names(&got), [name], "{got:?}");
        assert!(reason(&got, name).contains("holds no pages"));
    }
}

#[test]
fn a_single_page_is_one_record_even_when_empty() {
    for bytes in [&b""[..], PAGE.as_bytes()] {
        let got = entries("page.html", bytes);
        assert_eq!(names(&got), ["page.html"]);
        assert_eq!(records(&got)[0].bytes, bytes);
    }
}
