//! Tables from the recorded runs: body shingle P/R/F1 against the gold, metadata accuracy, speed
//! and failures per candidate, the nesting timings and the wasm sizes, as Markdown on stdout.
//! Reads only the files the other commands wrote and the gold beside the pages.

use crate::candidates::{CANDIDATES, find};
use crate::measure::{self, Prf, iso_day, mean, median, same_words};
use crate::{NestedRecord, Record, arg, page_dirs};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

struct Gold {
    text: String,
    title: Option<String>,
    byline: Option<String>,
    site: Option<String>,
    day: Option<(u16, u8, u8)>,
}

fn field(meta: &Value, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| meta.get(*k).and_then(Value::as_str))
        .map(str::to_string)
        .filter(|s| !s.trim().is_empty())
}

fn gold(dir: &Path) -> Gold {
    let text = if dir.join("expected.txt").is_file() {
        std::fs::read_to_string(dir.join("expected.txt")).unwrap_or_default()
    } else {
        measure::visible_text(
            &std::fs::read_to_string(dir.join("expected.html")).unwrap_or_default(),
        )
    };
    let meta: Value = std::fs::read_to_string(dir.join("expected-metadata.json"))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null);
    Gold {
        text,
        title: field(&meta, &["title"]),
        byline: field(&meta, &["byline", "author"]),
        site: field(&meta, &["siteName", "sitename", "site"]),
        day: field(&meta, &["publishedTime", "date"]).and_then(|d| iso_day(&d)),
    }
}

fn pct(right: usize, of: usize) -> String {
    if of == 0 {
        "—".into()
    } else {
        format!("{:.0} % ({right}/{of})", 100.0 * right as f64 / of as f64)
    }
}

pub fn report(args: &[String]) {
    let pages = PathBuf::from(arg(args, "--pages").expect("--pages DIR"));
    let results = PathBuf::from(arg(args, "--results").expect("--results FILE.jsonl"));
    let dirs = page_dirs(&pages);
    let golds: BTreeMap<String, Gold> = dirs
        .iter()
        .map(|d| {
            (
                d.file_name().unwrap().to_string_lossy().into_owned(),
                gold(d),
            )
        })
        .collect();
    // The last record of a candidate on a page wins (a rerun replaces an earlier run).
    let mut recs: BTreeMap<(String, String), Record> = BTreeMap::new();
    for line in std::fs::read_to_string(&results).unwrap().lines() {
        if let Ok(r) = serde_json::from_str::<Record>(line) {
            recs.insert((r.candidate.clone(), r.page.clone()), r);
        }
    }
    let mut md = String::new();
    let mut per_page = String::from("page");
    let ids: Vec<&str> = CANDIDATES
        .iter()
        .map(|c| c.id)
        .filter(|id| recs.keys().any(|(c, _)| c == id))
        .collect();
    for id in &ids {
        write!(per_page, "\t{id}").unwrap();
    }
    per_page.push('\n');
    let mut f1_by: BTreeMap<(&str, &str), f64> = BTreeMap::new();

    writeln!(md, "Pages: {} ({}).\n", golds.len(), pages.display()).unwrap();
    writeln!(
        md,
        "| candidate | crate | body F1 | P | R | median F1 | title | byline | date (day) | site | pages/s | MB/s | errors / panics / crashes / timeouts / empty |"
    )
    .unwrap();
    writeln!(md, "|---|---|---|---|---|---|---|---|---|---|---|---|---|").unwrap();
    let mut dates_given = Vec::new();
    for id in &ids {
        let c = find(id).unwrap();
        let (mut ps, mut rs, mut fs) = (Vec::new(), Vec::new(), Vec::new());
        let mut right = [0usize; 4];
        let mut of = [0usize; 4];
        let mut fails = [0usize; 5];
        let (mut ns, mut bytes, mut timed) = (0u64, 0u64, 0usize);
        let mut given_without_gold = 0usize;
        let mut wrong_dates = 0usize;
        for (page, g) in &golds {
            let r = recs.get(&(id.to_string(), page.clone()));
            let status = r.map_or("missing", |r| r.status.as_str());
            match status {
                "ok" => {}
                "error" => fails[0] += 1,
                "panic" => fails[1] += 1,
                "crash" => fails[2] += 1,
                _ => fails[3] += 1,
            }
            if let Some(r) = r.filter(|r| r.ns > 0) {
                ns += r.ns;
                bytes += r.bytes;
                timed += 1;
            }
            let ok = r.filter(|r| r.status == "ok");
            if c.gives.body {
                let text = ok.map_or("", |r| r.text.as_str());
                if ok.is_some() && measure::tokens(text).is_empty() {
                    fails[4] += 1;
                }
                let Prf { p, r: rec, f1 } = measure::prf(text, &g.text);
                ps.push(p);
                rs.push(rec);
                fs.push(f1);
                f1_by.insert((id, page.as_str()), f1);
            }
            let pairs = [
                (&g.title, ok.and_then(|r| r.title.as_deref())),
                (&g.byline, ok.and_then(|r| r.byline.as_deref())),
                (&g.site, ok.and_then(|r| r.site.as_deref())),
            ];
            for (i, (gv, pv)) in pairs.iter().enumerate() {
                if let Some(gv) = gv {
                    of[i] += 1;
                    if pv.is_some_and(|p| same_words(p, gv)) {
                        right[i] += 1;
                    }
                }
            }
            let pday = ok.and_then(|r| r.date.as_deref()).and_then(iso_day);
            match (g.day, pday) {
                (Some(gd), Some(pd)) => {
                    of[3] += 1;
                    if gd == pd {
                        right[3] += 1;
                    } else {
                        wrong_dates += 1;
                    }
                }
                (Some(_), None) => of[3] += 1,
                (None, Some(_)) => given_without_gold += 1,
                (None, None) => {}
            }
        }
        let show = |gives: bool, i: usize| {
            if gives {
                pct(right[i], of[i])
            } else {
                "—".into()
            }
        };
        let body = |xs: &[f64]| {
            if c.gives.body {
                format!("{:.3}", mean(xs))
            } else {
                "—".into()
            }
        };
        let secs = ns as f64 / 1e9;
        writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.0} | {:.1} | {} / {} / {} / {} / {} |",
            c.id,
            c.what,
            body(&fs),
            body(&ps),
            body(&rs),
            if c.gives.body {
                format!("{:.3}", median(&fs))
            } else {
                "—".into()
            },
            show(c.gives.title, 0),
            show(c.gives.byline, 1),
            show(c.gives.date, 3),
            show(c.gives.site, 2),
            timed as f64 / secs,
            bytes as f64 / 1e6 / secs,
            fails[0],
            fails[1],
            fails[2],
            fails[3],
            fails[4],
        )
        .unwrap();
        if c.gives.date {
            dates_given.push((c.id, right[3], wrong_dates, of[3], given_without_gold));
        }
    }
    writeln!(
        md,
        "\nDates: right, wrong and missing on the pages whose gold has a date; dates given where the gold has none (not judged).\n"
    )
    .unwrap();
    writeln!(
        md,
        "| candidate | right | wrong | missing | given where gold has none |"
    )
    .unwrap();
    writeln!(md, "|---|---|---|---|---|").unwrap();
    for (id, right, wrong, of, extra) in dates_given {
        writeln!(
            md,
            "| {id} | {right} | {wrong} | {} | {extra} |",
            of - right - wrong
        )
        .unwrap();
    }

    // Failures in detail.
    let mut fail_lines = Vec::new();
    for r in recs.values() {
        if r.status != "ok" && golds.contains_key(&r.page) {
            let mut m = r.message.replace('\n', " ");
            m.truncate(160);
            fail_lines.push(format!(
                "| {} | {} | {} | {} |",
                r.candidate, r.page, r.status, m
            ));
        }
    }
    if !fail_lines.is_empty() {
        writeln!(
            md,
            "\n| candidate | page | status | message |\n|---|---|---|---|"
        )
        .unwrap();
        for l in fail_lines {
            writeln!(md, "{l}").unwrap();
        }
    }

    for page in golds.keys() {
        per_page.push_str(page);
        for id in &ids {
            match f1_by.get(&(*id, page.as_str())) {
                Some(f) => write!(per_page, "\t{f:.3}").unwrap(),
                None => per_page.push('\t'),
            }
        }
        per_page.push('\n');
    }
    std::fs::write(results.with_extension("perpage.tsv"), per_page).unwrap();

    if let Some(nested) = arg(args, "--nested") {
        let recs: Vec<NestedRecord> =
            serde_json::from_str(&std::fs::read_to_string(nested).unwrap()).unwrap();
        let mut depths: Vec<usize> = recs.iter().map(|r| r.depth).collect();
        depths.sort_unstable();
        depths.dedup();
        let mut by: BTreeMap<&str, BTreeMap<usize, &NestedRecord>> = BTreeMap::new();
        for r in &recs {
            by.entry(r.candidate.as_str())
                .or_default()
                .insert(r.depth, r);
        }
        write!(
            md,
            "\nNested `<div>`s (CPU seconds of one call; limit 60 s of CPU; a size after one that took over 15 s is not run):\n\n| candidate |"
        )
        .unwrap();
        for d in &depths {
            let b = recs.iter().find(|r| r.depth == *d).map_or(0, |r| r.bytes);
            write!(md, " {d} ({:.1} MB) |", b as f64 / 1e6).unwrap();
        }
        writeln!(md, "\n|---|{}", "---|".repeat(depths.len())).unwrap();
        let order: Vec<&str> = std::iter::once("scraper-parse")
            .chain(CANDIDATES.iter().map(|c| c.id))
            .collect();
        for id in order {
            let Some(row) = by.get(id) else { continue };
            write!(md, "| {id} |").unwrap();
            for d in &depths {
                let cell = match row.get(d) {
                    Some(r) if r.status == "ok" => format!("{:.2}", r.seconds),
                    Some(r) if r.status == "timeout" => "> 60 (killed)".into(),
                    Some(r) if r.status == "skipped" => "not run".into(),
                    Some(r) if r.status == "crash" => {
                        if r.message.contains("overflow") {
                            "crash: stack overflow".into()
                        } else {
                            format!("crash ({:.1} s)", r.seconds)
                        }
                    }
                    Some(r) => format!("{} {:.2}", r.status, r.seconds),
                    None => String::new(),
                };
                write!(md, " {cell} |").unwrap();
            }
            md.push('\n');
        }
    }

    if let Some(wasm) = arg(args, "--wasm") {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(wasm).unwrap()).unwrap();
        writeln!(
            md,
            "\nwasm32-unknown-unknown, opt-level \"z\", LTO, one call on a string:\n\n| probe | builds | .wasm bytes | gzip -9 | + over scraper (gz) | runs in Node | imports |\n|---|---|---|---|---|---|---|"
        )
        .unwrap();
        let base = v
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["probe"] == "scraper-parse")
            .and_then(|p| p["gzip"].as_u64())
            .unwrap_or(0);
        for p in v.as_array().unwrap() {
            let gz = p["gzip"].as_u64();
            writeln!(
                md,
                "| {} | {} | {} | {} | {} | {} | {} |",
                p["probe"].as_str().unwrap_or(""),
                if p["builds"].as_bool() == Some(true) {
                    "yes"
                } else {
                    "no"
                },
                p["raw"].as_u64().map_or("—".into(), |x| x.to_string()),
                gz.map_or("—".into(), |x| x.to_string()),
                gz.map_or("—".into(), |x| format!("{:+}", x as i64 - base as i64)),
                p["runs"].as_str().unwrap_or("—"),
                p["imports"].as_str().unwrap_or(""),
            )
            .unwrap();
        }
    }
    print!("{md}");
}
