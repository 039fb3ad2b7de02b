//! The whole corpus's relation graph in the formats other tools open (CSV, GEXF, GraphML), as
//! `coverage export` writes it. The writers themselves are `coverage_core::export`'s, shared with
//! the page, which exports the current query's map instead.

use crate::report::Corpus;
use coverage_core::export::{
    Acts, GRAPH_DESCRIPTION, Graph, GraphEdge, GraphNode, edges_csv, gexf, graphml,
};
use coverage_core::model::Status;
use std::collections::{BTreeMap, HashSet};

/// The whole corpus's relation graph: every relation, with who acts on whom in its
/// evidence, and as nodes the actors they join (by id), each with the distinct readable
/// articles naming it.
pub fn graph<'a>(corpus: &'a Corpus) -> Graph<'a> {
    let in_edges: HashSet<&str> = corpus
        .relations
        .iter()
        .flat_map(|r| [r.source.as_str(), r.target.as_str()])
        .collect();
    let mut by_id: BTreeMap<&str, GraphNode<'a>> = BTreeMap::new();
    for article in corpus
        .articles
        .iter()
        .filter(|a| a.duplicate_of.is_none() && a.status != Status::Error)
    {
        for a in article
            .actors
            .iter()
            .filter(|a| in_edges.contains(a.id.as_str()))
        {
            by_id
                .entry(&a.id)
                .or_insert(GraphNode {
                    id: &a.id,
                    name: &a.name,
                    kind: a.kind,
                    articles: 0,
                })
                .articles += 1;
        }
    }
    let names = corpus.actor_names();
    let name = |id: &'a str| names.get(id).map_or(id, |(n, _)| *n);
    let edges = corpus
        .relations
        .iter()
        .map(|r| GraphEdge {
            source: &r.source,
            target: &r.target,
            source_name: name(&r.source),
            target_name: name(&r.target),
            articles: r.articles,
            tone: r.tone,
            acts: Some(Acts::of(r.evidence.iter().map(|e| e.direction))),
        })
        .collect();
    Graph {
        nodes: by_id.into_values().collect(),
        edges,
    }
}

/// The corpus's relations as CSV ([`edges_csv`]).
pub fn to_csv(corpus: &Corpus) -> String {
    edges_csv(&graph(corpus))
}

/// The corpus's relation graph as GEXF 1.3 ([`gexf`]).
pub fn to_gexf(corpus: &Corpus) -> String {
    gexf(&graph(corpus), GRAPH_DESCRIPTION)
}

/// The corpus's relation graph as GraphML ([`graphml`]).
pub fn to_graphml(corpus: &Corpus) -> String {
    graphml(&graph(corpus))
}
