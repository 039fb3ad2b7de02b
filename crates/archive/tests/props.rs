//! Properties: any bytes under any name open without a panic and give at least one entry or an
//! error; damaged containers likewise; and the limits hold for any sizes (no record over the
//! page limit, no more entries than the entry limit allows, every line over the line limit
//! reported by its number and every other one read).

mod common;

use archive::{Entry, Limits};
use common::*;
use proptest::prelude::*;

const NAMES: &[&str] = &[
    "a.zip",
    "a.gz",
    "a.warc",
    "a.warc.gz",
    "a.jsonl",
    "a.json",
    "a.csv",
    "a.tsv",
    "a.html",
    "a.txt",
    "a",
];

/// How containers start.
const OPENINGS: &[&[u8]] = &[
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x1f\x8b\x08\x00",
    b"WARC/1.1\r\n",
    b"{\"text\":",
    b"[{",
    b"url,text\n",
];

/// Opens and reads everything; the count of entries that are pages or reasons, or `None` when
/// the file would not open. At most 100,000 entries are taken, so a loop would show as a failure.
fn read(name: &str, bytes: &[u8], limits: &Limits) -> Option<usize> {
    let container = archive::open(name, bytes, limits).ok()?;
    let mut counted = 0;
    for entry in container.take(200_000) {
        if !matches!(entry, Entry::Note { .. }) {
            counted += 1;
        }
    }
    assert!(counted <= limits.max_entries + 1, "{counted} entries");
    Some(counted)
}

/// Small valid files of each kind, to damage.
fn fixtures() -> Vec<(&'static str, Vec<u8>)> {
    let page = b"<html><body><p>Text.</p></body></html>".to_vec();
    let jsonl = b"{\"url\": \"https://a.example/1\", \"text\": \"One.\"}\n{\"title\": \"T\", \"html\": \"<p>Two</p>\"}\n".to_vec();
    let csv = b"url,title,text\nhttps://a.example/1,One,\"First, text.\"\nhttps://a.example/2,Two,Second.\n".to_vec();
    let warc = [
        html_response("https://a.example/1", "<p>One.</p>"),
        warc_record(
            "conversion",
            Some("https://a.example/2"),
            "text/plain",
            b"Two.",
        ),
    ]
    .concat();
    vec![
        (
            "f.zip",
            zip(&[("a.html", &page), ("b/c.jsonl", &jsonl), ("d.csv", &csv)]),
        ),
        (
            "f.warc.gz",
            [gzip(&warc[..warc.len() / 2]), gzip(&warc[warc.len() / 2..])].concat(),
        ),
        ("f.warc", warc),
        ("f.jsonl.gz", gzip(&jsonl)),
        ("f.jsonl", jsonl),
        ("f.csv", csv),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_bytes_under_any_name_give_an_entry_or_an_error(
        name in prop::sample::select(NAMES),
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        if let Some(n) = read(name, &bytes, &Limits::default()) {
            prop_assert!(n >= 1);
        }
    }

    #[test]
    fn container_openings_with_junk_after_them_never_panic(
        name in prop::sample::select(NAMES),
        opening in prop::sample::select(OPENINGS),
        rest in prop::collection::vec(any::<u8>(), 0..1024),
    ) {
        let bytes = [opening, &rest[..]].concat();
        if let Some(n) = read(name, &bytes, &Limits::default()) {
            prop_assert!(n >= 1);
        }
    }

    #[test]
    fn damaged_containers_never_panic(
        which in 0usize..6,
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let (name, mut bytes) = fixtures().swap_remove(which);
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        if let Some(n) = read(name, &bytes, &Limits::default()) {
            prop_assert!(n >= 1);
        }
    }

    #[test]
    fn zip_limits_hold_for_any_sizes(
        sizes in prop::collection::vec(0usize..400_000, 1..12),
        fill in prop::sample::select(&[b' ', b'a', 0u8][..]),
        max_page in 1_000u64..300_000,
        max_ratio in 2u64..200,
        max_entries in 1usize..14,
    ) {
        let names: Vec<String> = (0..sizes.len()).map(|i| format!("{i:02}.txt")).collect();
        let contents: Vec<Vec<u8>> = sizes.iter().map(|&n| vec![fill; n]).collect();
        let files: Vec<(&str, &[u8])> = names.iter().map(String::as_str).zip(contents.iter().map(Vec::as_slice)).collect();
        let bytes = zip(&files);
        let limits = Limits { max_page_bytes: max_page, max_ratio, ratio_floor: 10_000, max_entries, ..Limits::default() };
        let got: Vec<Entry> = archive::open("z.zip", &bytes, &limits).unwrap().collect();
        let counted = got.iter().filter(|e| !matches!(e, Entry::Note { .. })).count();
        prop_assert!(counted >= 1 && counted <= max_entries + 1);
        for entry in &got {
            match entry {
                Entry::Record(r) => {
                    prop_assert!(r.bytes.len() as u64 <= max_page);
                    let i: usize = r.name["z.zip/".len()..2 + "z.zip/".len()].parse().unwrap();
                    prop_assert_eq!(r.bytes.len(), sizes[i]);
                }
                Entry::Skipped { reason, .. } => prop_assert!(reason.contains("not read"), "{}", reason),
                Entry::Note { .. } => {}
            }
        }
        // None is lost without a reason: a whole-file limit stops the archive with one entry
        // that counts the files after it.
        let after: usize = got
            .iter()
            .find_map(|e| match e {
                Entry::Skipped { reason, .. } => reason
                    .split("this and the ")
                    .nth(1)
                    .and_then(|rest| rest.split(' ').next())
                    .and_then(|n| n.parse().ok()),
                _ => None,
            })
            .unwrap_or(0);
        if sizes.len() <= max_entries {
            prop_assert_eq!(counted + after, sizes.len());
        }
    }

    #[test]
    fn every_line_over_the_limit_is_reported_and_every_other_read(
        lengths in prop::collection::vec(0usize..3_000, 1..40),
        max_line in 50u64..2_500,
        gzipped in any::<bool>(),
    ) {
        let mut text = String::new();
        for (i, n) in lengths.iter().enumerate() {
            text.push_str(&format!("{{\"text\": \"{i} {}\"}}\n", "w".repeat(*n)));
        }
        let limits = Limits { max_line_bytes: max_line, ..Limits::default() };
        let (name, bytes) = if gzipped { ("l.jsonl.gz", gzip(text.as_bytes())) } else { ("l.jsonl", text.into_bytes()) };
        let got: Vec<Entry> = archive::open(name, &bytes, &limits).unwrap().collect();
        prop_assert_eq!(got.len(), lengths.len());
        for (i, (entry, n)) in got.iter().zip(&lengths).enumerate() {
            let line_len = format!("{{\"text\": \"{i} {}\"}}", "w".repeat(*n)).len() as u64;
            let at = format!("{name}:{}", i + 1);
            match entry {
                Entry::Record(r) => {
                    prop_assert!(line_len <= max_line);
                    prop_assert_eq!(&r.name, &at);
                }
                Entry::Skipped { name, reason } => {
                    prop_assert!(line_len > max_line, "{}", reason);
                    prop_assert_eq!(name, &at);
                }
                Entry::Note { .. } => prop_assert!(false, "no note"),
            }
        }
    }

    #[test]
    fn every_csv_row_over_the_limit_is_reported_and_every_other_read(
        lengths in prop::collection::vec(0usize..3_000, 1..30),
        max_line in 50u64..2_500,
    ) {
        let mut text = String::from("title,text\n");
        for (i, n) in lengths.iter().enumerate() {
            text.push_str(&format!("T{i},\"x{}\"\n", "w\n".repeat(*n / 2)));
        }
        let limits = Limits { max_line_bytes: max_line, ..Limits::default() };
        let got: Vec<Entry> = archive::open("r.csv", text.as_bytes(), &limits).unwrap().collect();
        prop_assert_eq!(got.len(), lengths.len());
        for (i, (entry, n)) in got.iter().zip(&lengths).enumerate() {
            let field_bytes = format!("T{i}").len() + 1 + (*n / 2) * 2;
            match entry {
                Entry::Record(r) => {
                    prop_assert!(field_bytes as u64 <= max_line);
                    let title = format!("T{i}");
                    prop_assert_eq!(r.title.as_deref(), Some(title.as_str()));
                }
                Entry::Skipped { .. } => prop_assert!(field_bytes as u64 > max_line),
                Entry::Note { .. } => prop_assert!(false, "no note"),
            }
        }
    }
}
