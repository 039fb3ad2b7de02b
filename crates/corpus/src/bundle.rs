//! Writing the page's bundle from an assembled corpus: actor and outlet tables, per-article
//! columns and texts, and the hash of the inputs. The format and its decoding are
//! `coverage_core::bundle`'s; this module only fills it.

use crate::report::Corpus;
use coverage_core::bundle::{
    ActorInfo, ArticleText, BuildInfo, Bundle, Columns, CorpusEdges, Encoded, EvidenceText,
    IndexPart, MentionRef, NONE, OutletInfo,
};
use coverage_core::model::{Day, Tone};
use reader::outlets::Profiles;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

/// SHA-256 (hex) of the corpus inputs, fed in the order given.
pub fn corpus_hash<'a>(inputs: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hasher = Sha256::new();
    for bytes in inputs {
        hasher.update(bytes);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn packed(day: Option<Day>) -> u32 {
    day.map_or(0, |d| {
        d.year as u32 * 10_000 + d.month as u32 * 100 + d.day as u32
    })
}

/// Builds the bundle from an assembled corpus: text chunks inline for a small corpus, as
/// separate files for a large one (see `Bundle::encode_auto`).
pub fn build(corpus: &Corpus, profiles: &Profiles, info: BuildInfo) -> Encoded {
    let (index, texts) = parts(corpus, profiles, info);
    Bundle::encode_auto(&index, &texts)
}

/// The index part and the article texts of a corpus.
pub fn parts(
    corpus: &Corpus,
    profiles: &Profiles,
    info: BuildInfo,
) -> (IndexPart, Vec<ArticleText>) {
    // Actors: dictionary order is not known here, so order by id for a stable bundle.
    let mut actor_map: BTreeMap<&str, ActorInfo> = BTreeMap::new();
    for a in corpus.articles.iter().flat_map(|a| &a.actors) {
        actor_map.entry(&a.id).or_insert_with(|| ActorInfo {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            known: a.known,
        });
    }
    let actor_index: HashMap<&str, u32> = actor_map
        .keys()
        .enumerate()
        .map(|(i, id)| (*id, i as u32))
        .collect();
    let mut outlet_map: BTreeMap<String, String> = BTreeMap::new();
    for name in corpus.articles.iter().filter_map(|a| a.outlet.as_ref()) {
        let id = profiles.lookup(name).map_or_else(
            || reader::names::slug(name),
            |o| profiles.outlets[o].id.clone(),
        );
        outlet_map.insert(id, name.clone());
    }
    let outlet_index: HashMap<&str, u32> = outlet_map
        .values()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i as u32))
        .collect();
    let source_index: HashMap<&str, u32> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.source.as_str(), i as u32))
        .collect();

    let mut cols = Columns::default();
    let mut texts = Vec::with_capacity(corpus.articles.len());
    cols.actor_start.push(0);
    cols.pair_start.push(0);
    for a in &corpus.articles {
        cols.source.push(a.source.clone());
        cols.title.push(a.title.clone().unwrap_or_default());
        cols.date.push(packed(a.date));
        cols.outlet.push(
            a.outlet
                .as_deref()
                .and_then(|o| outlet_index.get(o).copied())
                .unwrap_or(NONE),
        );
        cols.duplicate_of.push(
            a.duplicate_of
                .as_deref()
                .and_then(|d| source_index.get(d).copied())
                .unwrap_or(NONE),
        );
        cols.status.push(a.status);
        let local: Vec<u32> = a
            .actors
            .iter()
            .map(|x| actor_index[x.id.as_str()])
            .collect();
        let mut ids = local.clone();
        ids.sort_unstable();
        cols.actor_list.extend(&ids);
        cols.actor_start.push(cols.actor_list.len() as u32);
        let mut pairs: BTreeMap<(u32, u32), [u16; 3]> = BTreeMap::new();
        let mut evidence = Vec::with_capacity(a.evidence.len());
        for e in &a.evidence {
            let (x, y) = (actor_index[e.a.as_str()], actor_index[e.b.as_str()]);
            let key = (x.min(y), x.max(y));
            let slot = match e.tone {
                Tone::Cooperation => 0,
                Tone::Conflict => 1,
                Tone::Neutral => 2,
            };
            let counts = pairs.entry(key).or_default();
            counts[slot] = counts[slot].saturating_add(1);
            // The evidence's `a` and `b` are ordered by id, the text's by actor index.
            let direction = if x <= y {
                e.direction
            } else {
                e.direction.reversed()
            };
            evidence.push(EvidenceText {
                a: key.0,
                b: key.1,
                tone: e.tone,
                sentence: e.sentence.clone(),
                cue: e.cue_span,
                category: e.category,
                direction,
            });
        }
        for ((x, y), tone) in pairs {
            cols.pair_a.push(x);
            cols.pair_b.push(y);
            cols.pair_tone.push(tone);
        }
        cols.pair_start.push(cols.pair_a.len() as u32);
        texts.push(ArticleText {
            byline: a.byline.clone(),
            wire: a.wire.clone(),
            url: a.url.clone(),
            language: a.language.clone(),
            outlet_origin: a.outlet_origin,
            date_origin: a.date_origin,
            title_origin: a.title_origin,
            messages: a.messages.clone(),
            paragraphs: a.paragraphs.clone(),
            removed: a.removed.clone(),
            mentions: a
                .mentions
                .iter()
                .map(|m| MentionRef {
                    paragraph: m.paragraph,
                    start: m.start,
                    end: m.end,
                    actor: local[m.actor as usize],
                })
                .collect(),
            evidence,
        });
    }
    let index = IndexPart {
        info,
        actors: actor_map.into_values().collect(),
        outlets: outlet_map
            .into_iter()
            .map(|(id, name)| OutletInfo { id, name })
            .collect(),
        edges: CorpusEdges::of(&cols),
        columns: cols,
    };
    (index, texts)
}
