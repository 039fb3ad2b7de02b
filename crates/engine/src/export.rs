//! The relation graph in formats other tools open: CSV (spreadsheets), GEXF and GraphML (Gephi,
//! yEd, NetworkX). Nodes are actors with their kind and article count; edges carry distinct
//! articles, tone counts and the dominant tone; GEXF and GraphML also who acts on whom (evidence
//! where the source acts on the target, the target on the source, both together). The graph
//! stays undirected.

use crate::model::{ActorKind, Direction, Relation, Status};
use crate::report::Corpus;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

/// An actor as a node of the graph.
struct Node<'a> {
    id: &'a str,
    name: &'a str,
    kind: ActorKind,
    articles: u32,
}

fn nodes(corpus: &Corpus) -> Vec<Node<'_>> {
    let in_edges: HashSet<&str> = corpus
        .relations
        .iter()
        .flat_map(|r| [r.source.as_str(), r.target.as_str()])
        .collect();
    let mut by_id: BTreeMap<&str, Node<'_>> = BTreeMap::new();
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
                .or_insert(Node {
                    id: &a.id,
                    name: &a.name,
                    kind: a.kind,
                    articles: 0,
                })
                .articles += 1;
        }
    }
    by_id.into_values().collect()
}

/// Escapes text for XML attributes and content.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Evidence of a relation by direction: source acts on target, target on source, mutual.
fn directions(r: &Relation) -> [u32; 3] {
    let mut out = [0; 3];
    for e in &r.evidence {
        match e.direction {
            Direction::AToB => out[0] += 1,
            Direction::BToA => out[1] += 1,
            Direction::Mutual => out[2] += 1,
            Direction::None => {}
        }
    }
    out
}

/// Quotes a CSV field when it needs it.
fn csv(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// One row per relation: ids, names, distinct articles, tone counts, dominant tone.
pub fn to_csv(corpus: &Corpus) -> String {
    let names = corpus.actor_names();
    let name = |id: &str| names.get(id).map_or(id.to_string(), |(n, _)| n.to_string());
    let mut out = String::from(
        "source,target,source_name,target_name,articles,cooperation,conflict,neutral,dominant_tone\n",
    );
    for r in &corpus.relations {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{}",
            csv(&r.source),
            csv(&r.target),
            csv(&name(&r.source)),
            csv(&name(&r.target)),
            r.articles,
            r.tone.cooperation,
            r.tone.conflict,
            r.tone.neutral,
            r.tone.dominant().as_str()
        );
    }
    out
}

/// GEXF 1.3, as Gephi reads it.
pub fn to_gexf(corpus: &Corpus) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n\
         <meta><creator>coverage-explorer</creator><description>Actors and the sentences that relate them</description></meta>\n\
         <graph defaultedgetype=\"undirected\" mode=\"static\">\n\
         <attributes class=\"node\"><attribute id=\"kind\" title=\"kind\" type=\"string\"/><attribute id=\"articles\" title=\"articles\" type=\"integer\"/></attributes>\n\
         <attributes class=\"edge\"><attribute id=\"articles\" title=\"articles\" type=\"integer\"/><attribute id=\"cooperation\" title=\"cooperation\" type=\"integer\"/><attribute id=\"conflict\" title=\"conflict\" type=\"integer\"/><attribute id=\"neutral\" title=\"neutral\" type=\"integer\"/><attribute id=\"tone\" title=\"dominant tone\" type=\"string\"/><attribute id=\"source_acts\" title=\"evidence where the source acts on the target\" type=\"integer\"/><attribute id=\"target_acts\" title=\"evidence where the target acts on the source\" type=\"integer\"/><attribute id=\"mutual\" title=\"evidence where both act together\" type=\"integer\"/></attributes>\n<nodes>\n",
    );
    for n in nodes(corpus) {
        let _ = writeln!(
            out,
            "<node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"kind\" value=\"{}\"/><attvalue for=\"articles\" value=\"{}\"/></attvalues></node>",
            xml(n.id),
            xml(n.name),
            n.kind.as_str(),
            n.articles
        );
    }
    out.push_str("</nodes>\n<edges>\n");
    for (i, r) in corpus.relations.iter().enumerate() {
        let [st, ts, mu] = directions(r);
        let _ = writeln!(
            out,
            "<edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues><attvalue for=\"articles\" value=\"{}\"/><attvalue for=\"cooperation\" value=\"{}\"/><attvalue for=\"conflict\" value=\"{}\"/><attvalue for=\"neutral\" value=\"{}\"/><attvalue for=\"tone\" value=\"{}\"/><attvalue for=\"source_acts\" value=\"{st}\"/><attvalue for=\"target_acts\" value=\"{ts}\"/><attvalue for=\"mutual\" value=\"{mu}\"/></attvalues></edge>",
            xml(&r.source),
            xml(&r.target),
            r.articles,
            r.articles,
            r.tone.cooperation,
            r.tone.conflict,
            r.tone.neutral,
            r.tone.dominant().as_str()
        );
    }
    out.push_str("</edges>\n</graph>\n</gexf>\n");
    out
}

/// GraphML, as Gephi, yEd and NetworkX read it.
pub fn to_graphml(corpus: &Corpus) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
         <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n\
         <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n\
         <key id=\"n_articles\" for=\"node\" attr.name=\"articles\" attr.type=\"int\"/>\n\
         <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n\
         <key id=\"cooperation\" for=\"edge\" attr.name=\"cooperation\" attr.type=\"int\"/>\n\
         <key id=\"conflict\" for=\"edge\" attr.name=\"conflict\" attr.type=\"int\"/>\n\
         <key id=\"neutral\" for=\"edge\" attr.name=\"neutral\" attr.type=\"int\"/>\n\
         <key id=\"tone\" for=\"edge\" attr.name=\"tone\" attr.type=\"string\"/>\n\
         <key id=\"source_acts\" for=\"edge\" attr.name=\"source_acts\" attr.type=\"int\"/>\n\
         <key id=\"target_acts\" for=\"edge\" attr.name=\"target_acts\" attr.type=\"int\"/>\n\
         <key id=\"mutual\" for=\"edge\" attr.name=\"mutual\" attr.type=\"int\"/>\n\
         <graph id=\"coverage\" edgedefault=\"undirected\">\n",
    );
    for n in nodes(corpus) {
        let _ = writeln!(
            out,
            "<node id=\"{}\"><data key=\"label\">{}</data><data key=\"kind\">{}</data><data key=\"n_articles\">{}</data></node>",
            xml(n.id),
            xml(n.name),
            n.kind.as_str(),
            n.articles
        );
    }
    for r in &corpus.relations {
        let [st, ts, mu] = directions(r);
        let _ = writeln!(
            out,
            "<edge source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data><data key=\"cooperation\">{}</data><data key=\"conflict\">{}</data><data key=\"neutral\">{}</data><data key=\"tone\">{}</data><data key=\"source_acts\">{st}</data><data key=\"target_acts\">{ts}</data><data key=\"mutual\">{mu}</data></edge>",
            xml(&r.source),
            xml(&r.target),
            r.articles,
            r.tone.cooperation,
            r.tone.conflict,
            r.tone.neutral,
            r.tone.dominant().as_str()
        );
    }
    out.push_str("</graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv("a,b"), "\"a,b\"");
        assert_eq!(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv("plain"), "plain");
    }

    #[test]
    fn xml_escapes_markup_and_drops_controls() {
        assert_eq!(
            xml("<a href='x'>&\u{1}"),
            "&lt;a href=&apos;x&apos;&gt;&amp;"
        );
    }
}
