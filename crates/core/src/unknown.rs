//! Names outside the dictionary: the persons and organisations the reader found from context
//! that `actors.toml` does not list, counted over a corpus, each with the line it was first
//! seen in. What `coverage suggest-actors` prints and the page's dictionary panel lists (its
//! worker reads them from a bundle); finding the names is `names`' work, not this module's.
//!
//! ```
//! use coverage_core::model::{ActorKind, Block, Paragraph};
//! use coverage_core::unknown::{Named, Tally};
//! let paragraphs = [Paragraph { kind: Block::Body, text: "Envoy Pak Song Ryol spoke.".into() }];
//! let pak = Named { id: "pak-song-ryol", name: "Pak Song Ryol", kind: ActorKind::Person, known: false };
//! let mut tally = Tally::default();
//! tally.add("a.txt", "", &paragraphs, [((1, 6, 19), pak)]);
//! let names = tally.finish(1);
//! assert_eq!((names[0].mentions, names[0].context.as_str()), (1, "Envoy Pak Song Ryol spoke."));
//! ```

use crate::bundle::{ArticleText, Bundle, BundleError, CHUNK_ARTICLES, IndexPart};
use crate::model::{ActorKind, Article, Paragraph};
use std::collections::HashMap;

/// The names outside the dictionary in a bundle whose texts it holds, seen at least
/// `min_mentions` times; an error for a bundle whose texts are files beside it.
pub fn in_bundle(bundle: &Bundle, min_mentions: u32) -> Result<Vec<UnknownName>, BundleError> {
    let mut tally = Tally::default();
    for chunk in 0..bundle.chunk_count() {
        for (k, text) in bundle.chunk(chunk)?.iter().enumerate() {
            tally.add_bundled(&bundle.index, chunk * CHUNK_ARTICLES + k, text);
        }
    }
    Ok(tally.finish(min_mentions))
}

/// Characters of context kept on each side of a mention.
const CONTEXT_CHARS: usize = 60;

/// An actor as a mention names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: ActorKind,
    /// Whether the dictionary lists it.
    pub known: bool,
}

/// Where a mention is: paragraph (0 is the title), byte start and end.
pub type Span = (u32, u32, u32);

/// A name the dictionary does not know, over a corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// Times it is named.
    pub mentions: u32,
    /// Articles naming it.
    pub articles: u32,
    /// The text around its first mention, on one line.
    pub context: String,
    /// The article it is first named in.
    pub source: String,
}

impl UnknownName {
    /// A first guess at a person's family name as printed alone: the first word, as East Asian
    /// names are written (for others it is to be checked).
    pub fn surname_guess(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}

/// Names outside the dictionary, gathered article by article in corpus order.
#[derive(Debug, Default)]
pub struct Tally {
    names: Vec<UnknownName>,
    by_id: HashMap<String, u32>,
}

impl Tally {
    /// One article: its source, title (paragraph 0), paragraphs and every mention in text order.
    pub fn add<'a>(
        &mut self,
        source: &str,
        title: &str,
        paragraphs: &[Paragraph],
        mentions: impl IntoIterator<Item = (Span, Named<'a>)>,
    ) {
        let mut seen: Vec<&str> = Vec::new();
        for ((paragraph, start, end), actor) in mentions {
            if actor.known {
                continue;
            }
            let first_here = !seen.contains(&actor.id);
            if first_here {
                seen.push(actor.id);
            }
            let i = match self.by_id.get(actor.id) {
                Some(&i) => i as usize,
                None => {
                    self.by_id
                        .insert(actor.id.to_string(), self.names.len() as u32);
                    self.names.push(UnknownName {
                        id: actor.id.to_string(),
                        name: actor.name.to_string(),
                        kind: actor.kind,
                        mentions: 0,
                        articles: 0,
                        context: context(title, paragraphs, paragraph, start, end),
                        source: source.to_string(),
                    });
                    self.names.len() - 1
                }
            };
            let entry = &mut self.names[i];
            entry.mentions += 1;
            if first_here {
                entry.articles += 1;
            }
        }
    }

    /// A read article.
    pub fn add_article(&mut self, article: &Article) {
        let mentions = article.mentions.iter().filter_map(|m| {
            let a = article.actors.get(m.actor as usize)?;
            let named = Named {
                id: &a.id,
                name: &a.name,
                kind: a.kind,
                known: a.known,
            };
            Some(((m.paragraph, m.start, m.end), named))
        });
        self.add(
            &article.source,
            article.title.as_deref().unwrap_or(""),
            &article.paragraphs,
            mentions,
        );
    }

    /// Article `article` of a bundle, from its index part and its text.
    pub fn add_bundled(&mut self, index: &IndexPart, article: usize, text: &ArticleText) {
        let cols = &index.columns;
        let (Some(source), Some(title)) = (cols.source.get(article), cols.title.get(article))
        else {
            return;
        };
        let mentions = text.mentions.iter().filter_map(|m| {
            let a = index.actors.get(m.actor as usize)?;
            let named = Named {
                id: &a.id,
                name: &a.name,
                kind: a.kind,
                known: a.known,
            };
            Some(((m.paragraph, m.start, m.end), named))
        });
        self.add(source, title, &text.paragraphs, mentions);
    }

    /// The names seen at least `min_mentions` times, most mentioned first (then by id).
    pub fn finish(self, min_mentions: u32) -> Vec<UnknownName> {
        let mut list = self.names;
        list.retain(|n| n.mentions >= min_mentions);
        // Ids are unique, so the order is total.
        list.sort_unstable_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.id.cmp(&b.id)));
        list
    }
}

/// The text around a mention (paragraph 0 is the title), on one line, cut with "…".
fn context(title: &str, paragraphs: &[Paragraph], paragraph: u32, start: u32, end: u32) -> String {
    let text = if paragraph == 0 {
        title
    } else {
        paragraphs
            .get(paragraph as usize - 1)
            .map_or("", |p| p.text.as_str())
    };
    let (s, e) = (start as usize, end as usize);
    let (Some(before), Some(after)) = (text.get(..s), text.get(e..)) else {
        return String::new();
    };
    if e < s {
        return String::new();
    }
    let from = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS)
        .map_or(0, |(i, _)| i);
    let to = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| e + i);
    format!(
        "{}{}{}",
        if from > 0 { "…" } else { "" },
        text[from..to].replace(['\n', '\r'], " "),
        if to < text.len() { "…" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    fn body(text: &str) -> Paragraph {
        Paragraph {
            kind: Block::Body,
            text: text.to_string(),
        }
    }

    const PAK: Named<'static> = Named {
        id: "pak-song-ryol",
        name: "Pak Song Ryol",
        kind: ActorKind::Person,
        known: false,
    };
    const RUSSIA: Named<'static> = Named {
        id: "russia",
        name: "Russia",
        kind: ActorKind::Country,
        known: true,
    };

    #[test]
    fn known_actors_are_not_listed() {
        let mut tally = Tally::default();
        let p = [body("Russia hosted Pak Song Ryol.")];
        tally.add("a", "", &p, [((1, 0, 6), RUSSIA), ((1, 14, 27), PAK)]);
        let ids: Vec<String> = tally.finish(1).into_iter().map(|n| n.id).collect();
        assert_eq!(ids, ["pak-song-ryol"]);
    }

    #[test]
    fn mentions_count_every_time_and_articles_once_each() {
        let mut tally = Tally::default();
        let p = [body("Pak Song Ryol met Pak Song Ryol.")];
        tally.add("a", "", &p, [((1, 0, 13), PAK), ((1, 18, 31), PAK)]);
        tally.add("b", "", &p, [((1, 0, 13), PAK)]);
        let n = &tally.finish(1)[0];
        assert_eq!((n.mentions, n.articles, n.source.as_str()), (3, 2, "a"));
    }

    #[test]
    fn fewer_mentions_than_asked_are_left_out() {
        let mut tally = Tally::default();
        tally.add("a", "Pak Song Ryol", &[], [((0, 0, 13), PAK)]);
        assert!(tally.finish(2).is_empty());
    }

    #[test]
    fn a_long_paragraph_is_cut_around_the_mention() {
        let long = format!(
            "{} Pak Song Ryol {}",
            "word ".repeat(40),
            "more ".repeat(40)
        );
        let start = long.find("Pak").unwrap() as u32;
        let mut tally = Tally::default();
        tally.add("a", "", &[body(&long)], [((1, start, start + 13), PAK)]);
        let context = tally.finish(1).remove(0).context;
        assert!(
            context.starts_with('…') && context.ends_with('…'),
            "{context}"
        );
        assert!(context.contains("Pak Song Ryol"));
        assert!(context.chars().count() < long.chars().count());
    }

    #[test]
    fn a_span_outside_its_text_gives_no_context_rather_than_a_panic() {
        let mut tally = Tally::default();
        tally.add(
            "a",
            "",
            &[body("short")],
            [((1, 3, 90), PAK), ((7, 0, 1), PAK)],
        );
        assert_eq!(tally.finish(1)[0].context, "");
    }
}
