//! The corpus as a whole: duplicates marked, relations gathered over distinct articles, and the
//! JSON report of `coverage ingest` (contract: `coverage-report/1`).

use crate::dedupe::{Page, body_text, find_duplicates};
use crate::model::{
    ActorKind, ActorRef, Article, Origin, Relation, RelationEvidence, Status, ToneCounts,
};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// Every article (in input order) and the relations between actors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub relations: Vec<Relation>,
}

impl Corpus {
    /// Marks duplicates and gathers relations. Articles keep their order.
    ///
    /// Copies are compared on their body paragraphs (`dedupe::body_text`); which copy is the
    /// original follows `dedupe::find_duplicates`: the earliest date, then the fuller copy,
    /// then input order.
    pub fn assemble(mut articles: Vec<Article>) -> Corpus {
        let texts: Vec<String> = articles.iter().map(body_text).collect();
        let pages: Vec<Page> = texts
            .iter()
            .zip(&articles)
            .map(|(text, a)| Page { text, date: a.date })
            .collect();
        let originals = find_duplicates(&pages);
        for (i, original) in originals.into_iter().enumerate() {
            articles[i].duplicate_of = original.map(|j| articles[j].source.clone());
        }
        let relations = relations(&articles);
        Corpus {
            articles,
            relations,
        }
    }

    /// The report as JSON, following `coverage-report/1`.
    pub fn to_json(&self) -> serde_json::Value {
        self.report(false)
    }

    /// The report with each article's clean body as `text` (`coverage ingest --text`; see
    /// `Article::body_text`).
    pub fn to_json_with_text(&self) -> serde_json::Value {
        self.report(true)
    }

    fn report(&self, with_text: bool) -> serde_json::Value {
        serde_json::to_value(ReportJson {
            schema: "coverage-report/1",
            articles: self
                .articles
                .iter()
                .map(|a| ArticleJson {
                    text: with_text.then(|| a.body_text()),
                    ..ArticleJson::from(a)
                })
                .collect(),
            relations: &self.relations,
        })
        .expect("the report serialises")
    }

    /// Actor ids and names as they appear in the corpus, for lookups by id.
    pub fn actor_names(&self) -> BTreeMap<&str, (&str, ActorKind)> {
        let mut out = BTreeMap::new();
        for a in self.articles.iter().flat_map(|a| &a.actors) {
            out.entry(a.id.as_str())
                .or_insert((a.name.as_str(), a.kind));
        }
        out
    }
}

/// Relations over articles that are not duplicates, strongest first.
fn relations(articles: &[Article]) -> Vec<Relation> {
    let mut by_pair: BTreeMap<(&str, &str), (HashSet<usize>, Relation)> = BTreeMap::new();
    for (i, article) in articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.duplicate_of.is_none())
    {
        for e in &article.evidence {
            let entry = by_pair
                .entry((e.a.as_str(), e.b.as_str()))
                .or_insert_with(|| {
                    (
                        HashSet::new(),
                        Relation {
                            source: e.a.clone(),
                            target: e.b.clone(),
                            articles: 0,
                            tone: ToneCounts::default(),
                            evidence: Vec::new(),
                        },
                    )
                });
            entry.0.insert(i);
            entry.1.tone.add(e.tone);
            entry.1.evidence.push(RelationEvidence {
                source: article.source.clone(),
                sentence: e.sentence.clone(),
                tone: e.tone,
                cue: e.cue.clone(),
                category: e.category,
                direction: e.direction,
            });
        }
    }
    let mut out: Vec<Relation> = by_pair
        .into_values()
        .map(|(set, mut r)| {
            r.articles = set.len() as u32;
            r
        })
        .collect();
    out.sort_by(|x, y| {
        y.articles
            .cmp(&x.articles)
            .then(y.evidence.len().cmp(&x.evidence.len()))
            .then_with(|| (&x.source, &x.target).cmp(&(&y.source, &y.target)))
    });
    out
}

#[derive(Serialize)]
struct ReportJson<'a> {
    schema: &'static str,
    articles: Vec<ArticleJson<'a>>,
    relations: &'a [Relation],
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    source: &'a str,
    status: Status,
    messages: &'a [String],
    outlet: Option<&'a str>,
    date: Option<String>,
    title: Option<&'a str>,
    byline: Option<&'a str>,
    wire: Option<&'a str>,
    language: &'a str,
    duplicate_of: Option<&'a str>,
    actors: &'a [ActorRef],
    url: Option<&'a str>,
    encoding: &'a str,
    /// Where outlet, date and title came from: "page", "sidecar" or "none".
    provenance: Provenance,
    /// The clean body, only when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

#[derive(Serialize)]
struct Provenance {
    outlet: Origin,
    date: Origin,
    title: Origin,
}

impl<'a> From<&'a Article> for ArticleJson<'a> {
    fn from(a: &'a Article) -> Self {
        ArticleJson {
            source: &a.source,
            status: a.status,
            messages: &a.messages,
            outlet: a.outlet.as_deref(),
            date: a.date.map(|d| d.to_string()),
            title: a.title.as_deref(),
            byline: a.byline.as_deref(),
            wire: a.wire.as_deref(),
            language: &a.language,
            duplicate_of: a.duplicate_of.as_deref(),
            actors: &a.actors,
            url: a.url.as_deref(),
            encoding: &a.encoding,
            provenance: Provenance {
                outlet: a.outlet_origin,
                date: a.date_origin,
                title: a.title_origin,
            },
            text: None,
        }
    }
}
