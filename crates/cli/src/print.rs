//! Text out: the report as a readable table, and actor suggestions as paste-ready TOML.

use engine::Corpus;
use engine::model::{ActorKind, Status};
use std::collections::BTreeMap;
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

/// Names not in the dictionary, most mentioned first, as `[[actor]]` entries with their context.
pub fn suggestions(corpus: &Corpus, min_mentions: u32) -> String {
    struct Candidate<'a> {
        name: &'a str,
        kind: ActorKind,
        mentions: u32,
        articles: u32,
        context: String,
        source: &'a str,
    }
    let mut by_id: BTreeMap<&str, Candidate<'_>> = BTreeMap::new();
    for article in &corpus.articles {
        for (i, actor) in article.actors.iter().enumerate().filter(|(_, a)| !a.known) {
            let c = by_id.entry(&actor.id).or_insert_with(|| Candidate {
                name: &actor.name,
                kind: actor.kind,
                mentions: 0,
                articles: 0,
                context: context(article, i as u32),
                source: &article.source,
            });
            c.mentions += actor.mentions;
            c.articles += 1;
        }
    }
    let mut list: Vec<(&str, Candidate<'_>)> = by_id
        .into_iter()
        .filter(|(_, c)| c.mentions >= min_mentions)
        .collect();
    list.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(b.0)));
    let mut out = String::new();
    if list.is_empty() {
        out.push_str("# No names outside the dictionary were found.\n");
    }
    for (id, c) in list {
        let _ = writeln!(
            out,
            "# {} mention(s) in {} article(s); first in {}:",
            c.mentions, c.articles, c.source
        );
        let _ = writeln!(out, "#   {}", c.context);
        let _ = writeln!(
            out,
            "[[actor]]\nid = {:?}\nname = {:?}\nkind = {:?}",
            id,
            c.name,
            c.kind.as_str()
        );
        if c.kind == ActorKind::Person {
            let surname = c.name.split_whitespace().next().unwrap_or(c.name);
            let _ = writeln!(
                out,
                "surname = {surname:?}  # check: the family name as printed alone"
            );
        }
        out.push('\n');
    }
    out
}

/// The paragraph text around an actor's first mention, on one line.
fn context(article: &engine::model::Article, actor: u32) -> String {
    let Some(m) = article.mentions.iter().find(|m| m.actor == actor) else {
        return String::new();
    };
    let text = if m.paragraph == 0 {
        article.title.as_deref().unwrap_or("")
    } else {
        article
            .paragraphs
            .get(m.paragraph as usize - 1)
            .map_or("", |p| p.text.as_str())
    };
    let (s, e) = (m.start as usize, m.end as usize);
    let from = text[..s].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    let to = text[e..]
        .char_indices()
        .nth(60)
        .map_or(text.len(), |(i, _)| e + i);
    format!(
        "{}{}{}",
        if from > 0 { "…" } else { "" },
        &text[from..to],
        if to < text.len() { "…" } else { "" }
    )
}
