//! Evidence: which actors of an article a sentence relates, and how. Splits the article's
//! paragraphs into sentences, turns the actors' mentions into participants, asks `relations` for
//! the links a sentence states and writes each as an `Evidence`. Knows nothing of tone cues.

use crate::dictionary::Dictionary;
use crate::model::{Article, Direction, Evidence, Mention};
use crate::outlets::Profiles;
use crate::relations::{self, ToneLexicon};
use crate::sentences;

/// What the evidence reader knows before reading articles.
#[derive(Debug, Clone)]
pub struct EvidenceReader {
    lexicon: ToneLexicon,
}

impl EvidenceReader {
    pub fn new(_dict: &Dictionary, _profiles: &Profiles) -> EvidenceReader {
        EvidenceReader {
            lexicon: ToneLexicon::new(),
        }
    }

    /// The evidence of an article whose actors are found, and messages for the article.
    pub fn read(&self, article: &Article, dict: &Dictionary) -> (Vec<Evidence>, Vec<String>) {
        let title = article.title.clone().unwrap_or_default();
        let texts: Vec<&str> = std::iter::once(title.as_str())
            .chain(article.paragraphs.iter().map(|p| p.text.as_str()))
            .collect();
        // Each actor's country, looked up once rather than for every pair in every sentence.
        let countries: Vec<Option<&str>> = article
            .actors
            .iter()
            .map(|a| {
                dict.by_id
                    .get(&a.id)
                    .and_then(|&i| dict.country_of(i))
                    .map(|c| dict.actors[c as usize].id.as_str())
            })
            .collect();
        let mut evidence = Vec::new();
        for (p, text) in texts.iter().enumerate() {
            let in_para: Vec<&Mention> = article
                .mentions
                .iter()
                .filter(|m| m.paragraph == p as u32)
                .collect();
            // A sentence relates two actors: a paragraph naming fewer is not split into sentences,
            // nor is the rest of a paragraph after the last name (mentions are in text order).
            let Some(last) = in_para.last() else {
                continue;
            };
            if in_para.iter().all(|m| m.actor == last.actor) {
                continue;
            }
            for (s, e) in sentences::split_until(text, last.start as usize) {
                // First mention of each actor in the sentence.
                let mut firsts: Vec<&Mention> = Vec::new();
                for m in in_para
                    .iter()
                    .filter(|m| m.start as usize >= s && m.end as usize <= e)
                {
                    if !firsts.iter().any(|f| f.actor == m.actor) {
                        firsts.push(m);
                    }
                }
                if firsts.len() < 2 {
                    continue;
                }
                let sentence = &text[s..e];
                let names: Vec<(usize, usize)> = in_para
                    .iter()
                    .filter(|m| m.start as usize >= s && m.end as usize <= e)
                    .map(|m| (m.start as usize - s, m.end as usize - s))
                    .collect();
                let cues = self.lexicon.cues_outside(sentence, &names);
                for (x, mx) in firsts.iter().enumerate() {
                    for my in &firsts[x + 1..] {
                        let (ax, ay) = (
                            &article.actors[mx.actor as usize],
                            &article.actors[my.actor as usize],
                        );
                        // A person and their own country are not a relation.
                        if countries[mx.actor as usize] == Some(ay.id.as_str())
                            || countries[my.actor as usize] == Some(ax.id.as_str())
                        {
                            continue;
                        }
                        let span = |m: &Mention| (m.start as usize - s, m.end as usize - s);
                        let (tone, cue) = relations::tone_for_pair(&cues, span(mx), span(my));
                        let (a, b) = if ax.id <= ay.id { (ax, ay) } else { (ay, ax) };
                        evidence.push(Evidence {
                            a: a.id.clone(),
                            b: b.id.clone(),
                            sentence: sentence.to_string(),
                            tone,
                            cue: cue.map(|c| sentence[c.start..c.end].to_string()),
                            cue_span: cue.map(|c| (c.start as u32, c.end as u32)),
                            category: None,
                            direction: Direction::None,
                        });
                    }
                }
            }
        }
        (evidence, Vec::new())
    }
}
