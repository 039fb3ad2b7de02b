//! The `coverage` command end to end: the JSON report against its schema, every input reported in
//! input order whatever is wrong with it, exit codes, the text table, actor suggestions as TOML,
//! and the graph exports.

use assert_cmd::Command;
use serde_json::Value;
use std::fs::File;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The workspace root, where `corpus/` and `spec/` are.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn coverage() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("coverage");
    cmd.current_dir(root());
    cmd
}

/// Runs `coverage` with `args` and returns its exit code and standard output.
fn run(args: &[&str]) -> (i32, String) {
    let output = coverage().args(args).output().expect("coverage runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    let code = output.status.code().expect("an exit code, not a signal");
    (code, stdout)
}

/// `coverage ingest … --format json`: exit code and the parsed report.
fn ingest_json(paths: &[&str]) -> (i32, Value) {
    let mut args = vec!["ingest", "--format", "json"];
    args.extend(paths);
    let (code, stdout) = run(&args);
    let report = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("the report is JSON ({e}):\n{stdout}"));
    (code, report)
}

fn sources(report: &Value) -> Vec<&str> {
    report["articles"]
        .as_array()
        .expect("an articles array")
        .iter()
        .map(|a| a["source"].as_str().expect("a source"))
        .collect()
}

fn article<'a>(report: &'a Value, source: &str) -> &'a Value {
    report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["source"] == source)
        .unwrap_or_else(|| panic!("{source} is not in the report"))
}

fn seed_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("corpus/articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn report_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("spec/report.schema.json")).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, report: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(report)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn seed_report_follows_the_schema() {
    let validator = report_validator();
    let (code, report) = ingest_json(&["corpus/articles"]);
    assert_eq!(code, 0);
    assert_valid(&validator, &report);
    let mut broken = report.clone();
    broken["articles"][0]["date"] = Value::from("20 April 2019");
    assert!(!validator.is_valid(&broken), "the schema checks dates");
    let mut broken = report.clone();
    broken["articles"][0]["wire"] = Value::from(7);
    assert!(!validator.is_valid(&broken), "the schema checks wire");
}

#[test]
fn every_article_has_a_wire_field_and_no_text_unless_asked() {
    let (_, report) = ingest_json(&["corpus/articles"]);
    for a in report["articles"].as_array().unwrap() {
        assert!(a.get("wire").is_some_and(Value::is_null), "{a}");
        assert!(a.get("text").is_none(), "{a}");
    }
}

#[test]
fn text_is_the_clean_body_without_headline_or_byline() {
    let (code, report) = ingest_json(&["--text", "corpus/articles"]);
    assert_eq!(code, 0);
    assert_valid(&report_validator(), &report);
    for a in report["articles"].as_array().unwrap() {
        let text = a["text"].as_str().unwrap_or_else(|| panic!("text in {a}"));
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        assert!(paragraphs.len() > 1, "{text}");
        for p in &paragraphs {
            assert!(!p.trim().is_empty() && !p.contains('\n'), "{p:?} in {text}");
            assert_ne!(
                Some(*p),
                a["title"].as_str(),
                "the headline is not body text"
            );
            if let Some(byline) = a["byline"].as_str() {
                assert!(
                    !p.contains(byline),
                    "the byline {byline:?} is not body text"
                );
            }
        }
    }
}

#[test]
fn text_without_json_is_a_usage_error() {
    let output = coverage()
        .args(["ingest", "--text", "corpus/articles"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--format json"));
}

#[test]
fn timings_go_to_stderr_and_nothing_else_does_off_a_terminal() {
    let quiet = coverage()
        .args(["ingest", "--format", "json", "corpus/articles"])
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty(), "no progress bar in a pipe");
    let timed = coverage()
        .args(["ingest", "--threads", "1", "--timings", "corpus/articles"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(timed.stderr).unwrap();
    let line = stderr.trim();
    assert!(line.starts_with("timings: "), "{stderr}");
    let pairs: Vec<(&str, &str)> = line
        .split_whitespace()
        .filter_map(|w| w.split_once('='))
        .collect();
    let value = |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    assert_eq!(
        value("files"),
        Some(seed_names().len().to_string().as_str())
    );
    assert_eq!(value("threads"), Some("1"));
    let read: f64 = value("read_seconds").unwrap().parse().unwrap();
    assert!(read > 0.0, "{line}");
    assert!(
        String::from_utf8(timed.stdout)
            .unwrap()
            .starts_with("SOURCE")
    );
}

#[test]
fn repository_schema_is_the_shared_contract() {
    let shared = root().join("../shared/spec/report.schema.json");
    let Ok(contract) = std::fs::read(&shared) else {
        eprintln!("{} is absent; nothing to compare", shared.display());
        return;
    };
    let copy = std::fs::read(root().join("spec/report.schema.json")).unwrap();
    assert!(
        copy == contract,
        "spec/report.schema.json differs from {}",
        shared.display()
    );
}

#[test]
fn seeds_are_reported_in_name_order_with_no_errors() {
    let (code, report) = ingest_json(&["corpus/articles"]);
    assert_eq!(code, 0);
    assert_eq!(sources(&report), seed_names());
    for a in report["articles"].as_array().unwrap() {
        assert!(a["status"] == "ok" || a["status"] == "warning", "{a}");
    }
}

#[test]
fn files_are_reported_in_the_order_given() {
    let names = seed_names();
    let order = [&names[3], &names[0], &names[4]];
    let paths: Vec<String> = order
        .iter()
        .map(|n| format!("corpus/articles/{n}"))
        .collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let (_, report) = ingest_json(&paths);
    assert_eq!(sources(&report), order);
}

/// A folder with one good page and the given bad entries; returns the folder.
fn folder_with(bad: impl FnOnce(&Path)) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("corpus/articles").join(&seed_names()[4]),
        dir.path().join("good.txt"),
    )
    .unwrap();
    bad(dir.path());
    dir
}

#[test]
fn one_bad_file_is_an_error_and_the_rest_are_still_read() {
    let dir = folder_with(|d| std::fs::write(d.join("empty.txt"), b"").unwrap());
    let (code, report) = ingest_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(sources(&report), ["empty.txt", "good.txt"]);
    assert_eq!(article(&report, "empty.txt")["status"], "error");
    let good = article(&report, "good.txt");
    assert_eq!(good["status"], "ok", "{good}");
    assert_eq!(good["outlet"], "Global Times");
}

/// Every bad entry is reported as an error whose message says what is wrong.
#[test]
fn bad_inputs_are_reported_not_skipped() {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
    let dir = folder_with(|d| {
        std::fs::write(d.join("a-empty.txt"), b"").unwrap();
        std::fs::write(d.join("b-image.txt"), PNG).unwrap();
        std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("c-dangling.txt")).unwrap();
        File::create(d.join("d-huge.txt"))
            .unwrap()
            .set_len(100 * 1024 * 1024)
            .unwrap();
    });
    let missing = dir.path().join("e-missing.txt");
    let (code, report) = ingest_json(&[dir.path().to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        sources(&report),
        [
            "a-empty.txt",
            "b-image.txt",
            "c-dangling.txt",
            "d-huge.txt",
            "good.txt",
            "e-missing.txt"
        ]
    );
    let cases = [
        ("a-empty.txt", "empty"),
        ("b-image.txt", "binary"),
        (
            "c-dangling.txt",
            "symbolic link to a file that does not exist",
        ),
        ("d-huge.txt", "not read"),
        ("e-missing.txt", "no such file"),
    ];
    for (source, words) in cases {
        let a = article(&report, source);
        assert_eq!(a["status"], "error", "{a}");
        let message = a["messages"][0].as_str().unwrap_or_default();
        assert!(
            message.contains(words),
            "{source}: {message:?} should say {words:?}"
        );
    }
    assert_eq!(article(&report, "good.txt")["status"], "ok");
}

#[test]
fn every_file_of_a_large_folder_is_reported_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut names: Vec<String> = (0..3000)
        .map(|i| format!("page-{}.txt", (i * 7919) % 3000))
        .collect();
    for (i, name) in names.iter().enumerate() {
        let text = format!("Talks, round {i}\n\nRussia and North Korea held talks, round {i}.\n");
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    names.sort();
    let (code, report) = ingest_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(sources(&report), names);
}

#[test]
fn usage_errors_exit_with_2() {
    let cases: [&[&str]; 4] = [
        &["ingest"],
        &["ingest", "--no-such-flag", "corpus/articles"],
        &["ingest", "--corpus", "no/such/folder", "corpus/articles"],
        &[],
    ];
    for args in cases {
        let output = coverage().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "coverage {args:?}");
        assert!(!output.stderr.is_empty(), "coverage {args:?} says why");
    }
}

#[test]
fn text_report_has_a_row_for_every_source() {
    let (code, stdout) = run(&["ingest", "corpus/articles"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("SOURCE"), "{stdout}");
    for name in seed_names() {
        let rows = stdout.lines().filter(|l| l.starts_with(&name)).count();
        assert_eq!(rows, 1, "{name} in\n{stdout}");
    }
}

#[test]
fn suggested_actors_are_toml_with_every_unknown_name() {
    let (code, stdout) = run(&["suggest-actors", "corpus/articles"]);
    assert_eq!(code, 0);
    let parsed: toml::Table =
        toml::from_str(&stdout).unwrap_or_else(|e| panic!("suggestions are TOML ({e}):\n{stdout}"));
    let suggested: Vec<&str> = parsed["actor"]
        .as_array()
        .expect("[[actor]] entries")
        .iter()
        .map(|a| {
            for key in ["id", "name", "kind"] {
                assert!(a.get(key).is_some_and(toml::Value::is_str), "{key} in {a}");
            }
            a["name"].as_str().unwrap()
        })
        .collect();
    let (_, report) = ingest_json(&["corpus/articles"]);
    let mut unknown: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["actors"].as_array().unwrap())
        .filter(|a| a["known"] == false)
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    unknown.sort();
    unknown.dedup();
    assert!(
        !unknown.is_empty(),
        "the seeds name someone the dictionary lacks"
    );
    let mut sorted = suggested.clone();
    sorted.sort();
    assert_eq!(sorted, unknown);
}

fn relation_count() -> usize {
    let (_, report) = ingest_json(&["corpus/articles"]);
    report["relations"].as_array().unwrap().len()
}

#[test]
fn csv_export_has_a_header_and_a_row_per_relation() {
    let (code, stdout) = run(&["export", "--format", "csv", "corpus/articles"]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some(
            "source,target,source_name,target_name,articles,cooperation,conflict,neutral,dominant_tone"
        )
    );
    assert_eq!(lines.count(), relation_count());
}

/// The edges of an XML graph export, checked to join nodes it declares.
fn xml_edges(format: &str) -> usize {
    let (code, stdout) = run(&["export", "--format", format, "corpus/articles"]);
    assert_eq!(code, 0);
    let doc = roxmltree::Document::parse(&stdout)
        .unwrap_or_else(|e| panic!("{format} is well-formed XML: {e}"));
    let named = |tag: &'static str| {
        doc.descendants()
            .filter(move |n| n.is_element() && n.tag_name().name() == tag)
    };
    let nodes: Vec<&str> = named("node").map(|n| n.attribute("id").unwrap()).collect();
    let edges: Vec<_> = named("edge").collect();
    for edge in &edges {
        for end in ["source", "target"] {
            let id = edge.attribute(end).unwrap();
            assert!(
                nodes.contains(&id),
                "{format}: edge {end} {id} is not a node"
            );
        }
    }
    edges.len()
}

#[test]
fn gexf_export_is_xml_with_an_edge_per_relation() {
    assert_eq!(xml_edges("gexf"), relation_count());
}

#[test]
fn graphml_export_is_xml_with_an_edge_per_relation() {
    assert_eq!(xml_edges("graphml"), relation_count());
}

// Containers: files of many pages read as one article per page.

/// A page of our own, written for these tests.
const STORY_HTML: &str = "<!doctype html><html><head><title>Seoul and Tokyo resume talks</title></head>\
    <body><article><h1>Seoul and Tokyo resume talks</h1>\
    <p>South Korea and Japan resumed talks in Seoul on Wednesday after a long pause.</p>\
    <p>Officials from both countries said the talks would go on next month.</p></article></body></html>";

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (path, bytes) in files {
        writer.start_file(*path, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap();
    out.into_inner()
}

fn gzip_of(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// A WARC `response` record for a page at `uri`.
fn warc_response(uri: &str, page: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
    format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: 2024-06-20T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
    .into_bytes()
}

/// Writes `files` into a new folder and runs `coverage ingest --format json` on it.
fn ingest_files(files: &[(&str, Vec<u8>)]) -> (i32, Value, String) {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let output = coverage()
        .args(["ingest", "--format", "json", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let report = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("the report is JSON ({e}):\n{stdout}"));
    let stderr = String::from_utf8(output.stderr).unwrap();
    (output.status.code().unwrap(), report, stderr)
}

fn message<'a>(report: &'a Value, source: &str) -> &'a str {
    article(report, source)["messages"][0]
        .as_str()
        .unwrap_or_default()
}

#[test]
fn a_zip_of_pages_is_read_as_one_article_per_page_named_by_its_path() {
    let zipped = zip_of(&[
        (
            "b/story.txt",
            b"Talks resume\n\nSouth Korea and Japan resumed talks on Wednesday.",
        ),
        ("a/story.html", STORY_HTML.as_bytes()),
    ]);
    let (code, report, _) = ingest_files(&[
        ("pages.zip", zipped),
        ("z.txt", b"Z story\n\nRussia spoke.".to_vec()),
    ]);
    assert_eq!(code, 0, "{report}");
    assert_valid(&report_validator(), &report);
    assert_eq!(
        sources(&report),
        ["pages.zip/a/story.html", "pages.zip/b/story.txt", "z.txt"]
    );
    let html = article(&report, "pages.zip/a/story.html");
    assert_eq!(html["title"], "Seoul and Tokyo resume talks");
    let names: Vec<&str> = html["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"South Korea") && names.contains(&"Japan"),
        "{names:?}"
    );
}

#[test]
fn a_gzipped_warc_gives_its_pages_with_their_address_and_notes_what_it_passed_over() {
    let mut warc = gzip_of(&warc_response(
        "https://www.koreaherald.com/view.php?ud=20240619000123",
        STORY_HTML,
    ));
    let image = "WARC/1.1\r\nWARC-Type: request\r\nWARC-Target-URI: https://www.koreaherald.com/\r\n\
                 Content-Type: application/http; msgtype=request\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n";
    warc.extend(gzip_of(image.as_bytes()));
    warc.extend(gzip_of(&warc_response(
        "https://news.example/2024/06/19/talks",
        STORY_HTML,
    )));
    let (code, report, stderr) = ingest_files(&[("crawl.warc.gz", warc)]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(
        sources(&report),
        [
            "crawl.warc.gz#1 https://www.koreaherald.com/view.php?ud=20240619000123",
            "crawl.warc.gz#3 https://news.example/2024/06/19/talks"
        ]
    );
    let first = &report["articles"][0];
    assert_eq!(
        first["url"],
        "https://www.koreaherald.com/view.php?ud=20240619000123"
    );
    assert_eq!(
        first["outlet"], "The Korea Herald",
        "the address tells the outlet"
    );
    assert_eq!(
        first["date"],
        Value::Null,
        "a capture date is no publication date"
    );
    assert_eq!(
        report["articles"][1]["date"], "2024-06-19",
        "the address's path tells the day"
    );
    assert!(
        stderr.contains("crawl.warc.gz: passed over 1 WARC record that holds no page"),
        "{stderr}"
    );
}

#[test]
fn an_exports_url_title_date_and_outlet_are_used_beside_the_text() {
    let lines = concat!(
        r#"{"url": "https://news.example/a", "title": "Talks resume", "date_publish": "2019-04-25 10:00:00", "#,
        r#""media_name": "The Korea Herald", "maintext": "South Korea and Japan resumed talks on Wednesday."}"#,
        "\n",
        r#"{"url": "https://news.example/b", "title": "No date", "maintext": "Japan spoke.", "published": "sometime"}"#,
        "\n",
        r#"{"url": "https://news.example/c", "title": "No text at all"}"#,
        "\n"
    );
    let (code, report, _) = ingest_files(&[("export.jsonl", lines.as_bytes().to_vec())]);
    assert_eq!(code, 1, "the record without text is an error");
    assert_valid(&report_validator(), &report);
    assert_eq!(
        sources(&report),
        ["export.jsonl:1", "export.jsonl:2", "export.jsonl:3"]
    );
    let a = article(&report, "export.jsonl:1");
    assert_eq!(a["date"], "2019-04-25");
    assert_eq!(a["title"], "Talks resume");
    assert_eq!(a["outlet"], "The Korea Herald");
    assert_eq!(a["url"], "https://news.example/a");
    assert_eq!(a["provenance"]["date"], "sidecar");
    let b = article(&report, "export.jsonl:2");
    assert!(
        b["messages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m.as_str().unwrap().contains("\"sometime\" is not a date")),
        "{b}"
    );
    assert_eq!(article(&report, "export.jsonl:3")["status"], "error");
    assert!(message(&report, "export.jsonl:3").contains("no page text"));
}

#[test]
fn a_csv_export_with_a_broken_row_reports_it_and_reads_the_others() {
    let csv = "url,title,publish_date,text\n\
               https://news.example/1,Talks resume,2024-06-19,South Korea and Japan resumed talks.\n\
               https://news.example/2,\"Broken, row\n\
               https://news.example/3,Talks end,2024-06-20,\"Japan and South Korea ended talks, for now.\"\n";
    let (code, report, _) = ingest_files(&[("export.csv", csv.as_bytes().to_vec())]);
    assert_eq!(code, 1);
    let found = sources(&report);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0], "export.csv:2");
    assert_eq!(article(&report, "export.csv:2")["date"], "2024-06-19");
    let broken = article(&report, "export.csv:3");
    assert_eq!(broken["status"], "error");
    assert!(
        message(&report, "export.csv:3").contains("fields and the header 4"),
        "{broken}"
    );
}

#[test]
fn a_zip_bomb_is_an_error_entry_and_the_rest_of_the_zip_is_read() {
    let bomb = vec![0u8; 30_000_000];
    let zipped = zip_of(&[
        ("a.html", STORY_HTML.as_bytes()),
        ("b.txt", &bomb),
        ("c.html", STORY_HTML.as_bytes()),
    ]);
    let (code, report, _) = ingest_files(&[("bomb.zip", zipped)]);
    assert_eq!(code, 1);
    assert_eq!(
        sources(&report),
        ["bomb.zip/a.html", "bomb.zip/b.txt", "bomb.zip/c.html"]
    );
    assert!(message(&report, "bomb.zip/b.txt").contains("times its compressed size"));
    assert_ne!(article(&report, "bomb.zip/c.html")["status"], "error");
}

#[test]
fn twenty_thousand_files_in_a_zip_are_all_reported_in_order() {
    let files: Vec<(String, Vec<u8>)> = (0..20_000)
        .map(|i| {
            (
                format!("p/{i:05}.txt"),
                format!("Talks, round {i}\n\nRussia and North Korea held talks, round {i}.\n")
                    .into_bytes(),
            )
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let started = std::time::Instant::now();
    let (code, report, _) = ingest_files(&[("many.zip", zip_of(&refs))]);
    eprintln!(
        "20,000 pages in a zip read in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(code, 0);
    let found = sources(&report);
    assert_eq!(found.len(), 20_000);
    assert!(
        found
            .iter()
            .enumerate()
            .all(|(i, s)| *s == format!("many.zip/p/{i:05}.txt"))
    );
}

#[test]
fn a_corrupt_zip_and_a_truncated_gzip_say_what_is_wrong() {
    let mut corrupt = zip_of(&[("a.html", STORY_HTML.as_bytes())]);
    corrupt.truncate(corrupt.len() - 25);
    let lines: String = (0..3000)
        .map(|i| format!("{{\"title\": \"Story {i}\", \"text\": \"Japan and South Korea met, meeting {i} of {}.\"}}\n", i * 7919))
        .collect();
    let mut cut = gzip_of(lines.as_bytes());
    cut.truncate(cut.len() / 2);
    let (code, report, _) = ingest_files(&[("a-corrupt.zip", corrupt), ("b-cut.jsonl.gz", cut)]);
    assert_eq!(code, 1);
    let found = sources(&report);
    assert_eq!(found[0], "a-corrupt.zip");
    assert!(message(&report, "a-corrupt.zip").contains("not a readable zip archive"));
    assert!(found.len() > 100, "the records before the cut are read");
    let last = report["articles"].as_array().unwrap().last().unwrap();
    assert_eq!(last["status"], "error");
    assert!(
        last["messages"][0].as_str().unwrap().contains("ends early"),
        "{last}"
    );
}

#[test]
fn one_zip_of_many_pages_is_read_on_every_thread_asked_for() {
    let files: Vec<(String, Vec<u8>)> = (0..40)
        .map(|i| {
            (
                format!("{i:02}.txt"),
                format!("Talks {i}\n\nJapan and South Korea met.\n").into_bytes(),
            )
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pages.zip");
    std::fs::write(&path, zip_of(&refs)).unwrap();
    let output = coverage()
        .args([
            "ingest",
            "--threads",
            "3",
            "--timings",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("files=40 ") && stderr.contains("threads=3 "),
        "{stderr}"
    );
}
