//! Text out: the report as a readable table, and actor suggestions as paste-ready TOML.

use corpus::Corpus;
use coverage_core::model::{ActorKind, Status};
use coverage_core::unknown::Tally;
use std::fmt::Write;

fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        format!("{text:<width$}")
    } else {
        let cut: String = text.chars().take(width - 1).collect();
        format!("{cut}…")
    }
}

/// One row per file, the messages that explain warnings and errors, then a summary.
pub fn table(corpus: &Corpus) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<28} {:<7} {:<20} {:<10} {:<40} ACTORS",
        "SOURCE", "STATUS", "OUTLET", "DATE", "TITLE"
    );
    for a in &corpus.articles {
        let status = match a.status {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Error => "error",
        };
        let date = a.date.map_or("-".to_string(), |d| d.to_string());
        let mut actors: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
        actors.truncate(6);
        let more = a.actors.len().saturating_sub(6);
        let _ = writeln!(
            out,
            "{} {:<7} {} {:<10} {} {}{}{}",
            clip(&a.source, 28),
            status,
            clip(a.outlet.as_deref().unwrap_or("-"), 20),
            date,
            clip(a.title.as_deref().unwrap_or("-"), 40),
            actors.join(", "),
            if more > 0 {
                format!(" +{more}")
            } else {
                String::new()
            },
            a.duplicate_of
                .as_ref()
                .map_or(String::new(), |d| format!("  [copy of {d}]"))
        );
    }
    let with_messages: Vec<_> = corpus
        .articles
        .iter()
        .filter(|a| !a.messages.is_empty())
        .collect();
    if !with_messages.is_empty() {
        out.push_str("\nNotes:\n");
        for a in with_messages {
            for m in &a.messages {
                let _ = writeln!(out, "  {}: {m}", a.source);
            }
        }
    }
    let count = |s: Status| corpus.articles.iter().filter(|a| a.status == s).count();
    let _ = writeln!(
        out,
        "\n{} pages: {} ok, {} warning, {} error; {} duplicates; {} relations",
        corpus.articles.len(),
        count(Status::Ok),
        count(Status::Warning),
        count(Status::Error),
        corpus
            .articles
            .iter()
            .filter(|a| a.duplicate_of.is_some())
            .count(),
        corpus.relations.len()
    );
    out
}

/// Names not in the dictionary, most mentioned first, as `[[actor]]` entries with their context
/// (`coverage_core::unknown` gathers them, as it does for the page's dictionary panel).
pub fn suggestions(corpus: &Corpus, min_mentions: u32) -> String {
    let mut tally = Tally::default();
    corpus.articles.iter().for_each(|a| tally.add_article(a));
    let list = tally.finish(min_mentions);
    let mut out = String::new();
    if list.is_empty() {
        out.push_str("# No names outside the dictionary were found.\n");
    }
    for c in &list {
        let _ = writeln!(
            out,
            "# {} mention(s) in {} article(s); first in {}:",
            c.mentions, c.articles, c.source
        );
        let _ = writeln!(out, "#   {}", c.context);
        let _ = writeln!(
            out,
            "[[actor]]\nid = {:?}\nname = {:?}\nkind = {:?}",
            c.id,
            c.name,
            c.kind.as_str()
        );
        if c.kind == ActorKind::Person {
            let _ = writeln!(
                out,
                "surname = {:?}  # check: the family name as printed alone",
                c.surname_guess()
            );
        }
        out.push('\n');
    }
    out
}
