//! The relation graph and the article list in formats other tools open: CSV (spreadsheets),
//! GEXF and GraphML (Gephi, yEd, NetworkX). The writers take plain nodes and edges, so the CLI
//! (the whole corpus, with `ingest`) and the page (the current query's map) share them; an edge
//! may carry who acts on whom in its evidence, which the XML formats write beside an undirected
//! edge. This module neither reads pages nor queries the index.
//!
//! ```
//! use coverage_core::export::{Graph, GraphEdge, GraphNode, edges_csv};
//! use coverage_core::model::{ActorKind, ToneCounts};
//!
//! let node = |id, name| GraphNode { id, name, kind: ActorKind::Country, articles: 2 };
//! let graph = Graph {
//!     nodes: vec![node("russia", "Russia"), node("north-korea", "North Korea")],
//!     edges: vec![GraphEdge {
//!         source: "north-korea",
//!         target: "russia",
//!         source_name: "North Korea",
//!         target_name: "Russia",
//!         articles: 2,
//!         tone: ToneCounts { cooperation: 3, conflict: 0, neutral: 1 },
//!         acts: None,
//!     }],
//! };
//! assert_eq!(
//!     edges_csv(&graph).lines().nth(1),
//!     Some("north-korea,russia,North Korea,Russia,2,3,0,1,cooperation")
//! );
//! ```

use crate::bundle::{IndexPart, NONE};
use crate::model::{ActorKind, Direction, Status, ToneCounts};
use std::fmt::Write;

/// What a GEXF file says about itself when the caller has nothing more specific.
pub const GRAPH_DESCRIPTION: &str = "Actors and the sentences that relate them";

/// An actor as a node of the graph: its id, display name, kind and article count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphNode<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: ActorKind,
    pub articles: u32,
}

/// A relation's evidence by who acts: the source on the target, the target on the source, both
/// together. Evidence whose sentence does not say counts in none of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Acts {
    pub source_acts: u32,
    pub target_acts: u32,
    pub mutual: u32,
}

impl Acts {
    /// Counts directions given from the source's side (`AToB`: the source acts).
    ///
    /// ```
    /// use coverage_core::export::Acts;
    /// use coverage_core::model::Direction;
    /// let acts = Acts::of([Direction::AToB, Direction::None, Direction::Mutual, Direction::AToB]);
    /// assert_eq!(acts, Acts { source_acts: 2, target_acts: 0, mutual: 1 });
    /// ```
    pub fn of(directions: impl IntoIterator<Item = Direction>) -> Acts {
        let mut out = Acts::default();
        for d in directions {
            out.add(d);
        }
        out
    }

    /// Counts one more piece of evidence, its direction given from the source's side.
    pub fn add(&mut self, direction: Direction) {
        match direction {
            Direction::AToB => self.source_acts += 1,
            Direction::BToA => self.target_acts += 1,
            Direction::Mutual => self.mutual += 1,
            Direction::None => {}
        }
    }
}

/// A relation as an edge: the two actors (ids and names), distinct articles, tone counts and,
/// when the caller has the evidence's directions, who acts on whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphEdge<'a> {
    pub source: &'a str,
    pub target: &'a str,
    pub source_name: &'a str,
    pub target_name: &'a str,
    pub articles: u32,
    pub tone: ToneCounts,
    /// `None` when the directions were not read: the XML formats then write none for the edge
    /// (and declare none when no edge has them).
    pub acts: Option<Acts>,
}

/// Nodes and edges, written in the order given. Every edge's ends should be nodes (the XML
/// formats refer to them by id).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Graph<'a> {
    pub nodes: Vec<GraphNode<'a>>,
    pub edges: Vec<GraphEdge<'a>>,
}

impl Graph<'_> {
    /// Whether any edge says who acts on whom (so the XML formats declare those values).
    fn has_acts(&self) -> bool {
        self.edges.iter().any(|e| e.acts.is_some())
    }
}

/// Escapes text for XML attributes and content, dropping the characters XML 1.0 cannot hold
/// (controls other than tab and line ends, U+FFFE and U+FFFF). Tabs and line ends go in as
/// character references, which a parser keeps even inside an attribute (where a literal one
/// would be read as a space).
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
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

/// A text cell from scraped pages: quoted when needed, and a leading `=`, `+`, `-`, `@`, tab or
/// carriage return (which a spreadsheet would run as a formula) kept as text behind an
/// apostrophe.
fn text_cell(field: &str) -> String {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        csv(&format!("'{field}"))
    } else {
        csv(field)
    }
}

/// One row per edge: ids, names, distinct articles, tone counts, dominant tone.
pub fn edges_csv(graph: &Graph) -> String {
    let mut out = String::from(
        "source,target,source_name,target_name,articles,cooperation,conflict,neutral,dominant_tone\n",
    );
    for e in &graph.edges {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{}",
            csv(e.source),
            csv(e.target),
            text_cell(e.source_name),
            text_cell(e.target_name),
            e.articles,
            e.tone.cooperation,
            e.tone.conflict,
            e.tone.neutral,
            e.tone.dominant().as_str()
        );
    }
    out
}

/// GEXF 1.3, as Gephi and NetworkX read it: nodes with their kind and article count, edges
/// weighted by distinct articles with tone counts, the dominant tone and, where the edge has
/// them, who acts on whom (`source_acts`, `target_acts`, `mutual`; the edge stays undirected).
/// `description` goes into the file's `<meta>` (what the graph shows: the whole corpus, or a
/// filtered view).
pub fn gexf(graph: &Graph, description: &str) -> String {
    let acts_declared = if graph.has_acts() {
        "<attribute id=\"source_acts\" title=\"evidence where the source acts on the target\" type=\"integer\"/><attribute id=\"target_acts\" title=\"evidence where the target acts on the source\" type=\"integer\"/><attribute id=\"mutual\" title=\"evidence where both act together\" type=\"integer\"/>"
    } else {
        ""
    };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n\
         <meta><creator>coverage-explorer</creator><description>{}</description></meta>\n\
         <graph defaultedgetype=\"undirected\" mode=\"static\">\n\
         <attributes class=\"node\"><attribute id=\"kind\" title=\"kind\" type=\"string\"/><attribute id=\"articles\" title=\"articles\" type=\"integer\"/></attributes>\n\
         <attributes class=\"edge\"><attribute id=\"articles\" title=\"articles\" type=\"integer\"/><attribute id=\"cooperation\" title=\"cooperation\" type=\"integer\"/><attribute id=\"conflict\" title=\"conflict\" type=\"integer\"/><attribute id=\"neutral\" title=\"neutral\" type=\"integer\"/><attribute id=\"tone\" title=\"dominant tone\" type=\"string\"/>{acts_declared}</attributes>\n<nodes>\n",
        xml(description)
    );
    for n in &graph.nodes {
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
    for (i, e) in graph.edges.iter().enumerate() {
        let acts = e.acts.map_or_else(String::new, |a| {
            format!(
                "<attvalue for=\"source_acts\" value=\"{}\"/><attvalue for=\"target_acts\" value=\"{}\"/><attvalue for=\"mutual\" value=\"{}\"/>",
                a.source_acts, a.target_acts, a.mutual
            )
        });
        let _ = writeln!(
            out,
            "<edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues><attvalue for=\"articles\" value=\"{}\"/><attvalue for=\"cooperation\" value=\"{}\"/><attvalue for=\"conflict\" value=\"{}\"/><attvalue for=\"neutral\" value=\"{}\"/><attvalue for=\"tone\" value=\"{}\"/>{acts}</attvalues></edge>",
            xml(e.source),
            xml(e.target),
            e.articles,
            e.articles,
            e.tone.cooperation,
            e.tone.conflict,
            e.tone.neutral,
            e.tone.dominant().as_str()
        );
    }
    out.push_str("</edges>\n</graph>\n</gexf>\n");
    out
}

/// GraphML, as Gephi, yEd and NetworkX read it, with the same values as [`gexf`].
pub fn graphml(graph: &Graph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
         <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n\
         <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n\
         <key id=\"n_articles\" for=\"node\" attr.name=\"articles\" attr.type=\"int\"/>\n\
         <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n\
         <key id=\"cooperation\" for=\"edge\" attr.name=\"cooperation\" attr.type=\"int\"/>\n\
         <key id=\"conflict\" for=\"edge\" attr.name=\"conflict\" attr.type=\"int\"/>\n\
         <key id=\"neutral\" for=\"edge\" attr.name=\"neutral\" attr.type=\"int\"/>\n\
         <key id=\"tone\" for=\"edge\" attr.name=\"tone\" attr.type=\"string\"/>\n",
    );
    if graph.has_acts() {
        out.push_str(
            "<key id=\"source_acts\" for=\"edge\" attr.name=\"source_acts\" attr.type=\"int\"/>\n\
             <key id=\"target_acts\" for=\"edge\" attr.name=\"target_acts\" attr.type=\"int\"/>\n\
             <key id=\"mutual\" for=\"edge\" attr.name=\"mutual\" attr.type=\"int\"/>\n",
        );
    }
    out.push_str("<graph id=\"coverage\" edgedefault=\"undirected\">\n");
    for n in &graph.nodes {
        let _ = writeln!(
            out,
            "<node id=\"{}\"><data key=\"label\">{}</data><data key=\"kind\">{}</data><data key=\"n_articles\">{}</data></node>",
            xml(n.id),
            xml(n.name),
            n.kind.as_str(),
            n.articles
        );
    }
    for e in &graph.edges {
        let acts = e.acts.map_or_else(String::new, |a| {
            format!(
                "<data key=\"source_acts\">{}</data><data key=\"target_acts\">{}</data><data key=\"mutual\">{}</data>",
                a.source_acts, a.target_acts, a.mutual
            )
        });
        let _ = writeln!(
            out,
            "<edge source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data><data key=\"cooperation\">{}</data><data key=\"conflict\">{}</data><data key=\"neutral\">{}</data><data key=\"tone\">{}</data>{acts}</edge>",
            xml(e.source),
            xml(e.target),
            e.articles,
            e.tone.cooperation,
            e.tone.conflict,
            e.tone.neutral,
            e.tone.dominant().as_str()
        );
    }
    out.push_str("</graph>\n</graphml>\n");
    out
}

/// The header of [`articles_csv`].
pub const ARTICLES_HEADER: &str = "source,title,outlet,date,status,duplicate_of,actors,actor_ids";

/// One row per article, in the order given, with what the bundle's index part holds: the source
/// file, title, outlet name, ISO date, read status, the source of the article it repeats, and its
/// actors (names and ids, `; `-separated). Texts, bylines and URLs live in the text chunks and
/// are not here.
pub fn articles_csv(part: &IndexPart, articles: &[u32]) -> String {
    let cols = &part.columns;
    let mut out = String::with_capacity(64 + 160 * articles.len());
    out.push_str(ARTICLES_HEADER);
    out.push('\n');
    for &i in articles.iter().filter(|&&i| (i as usize) < cols.len()) {
        let i = i as usize;
        let outlet = part
            .outlets
            .get(cols.outlet[i] as usize)
            .map_or("", |o| o.name.as_str());
        let copy_of = match cols.duplicate_of[i] {
            NONE => "",
            d => cols.source.get(d as usize).map_or("", String::as_str),
        };
        let status = match cols.status[i] {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Error => "error",
        };
        let actors = cols
            .actors(i)
            .iter()
            .filter_map(|&a| part.actors.get(a as usize));
        let names: Vec<&str> = actors.clone().map(|a| a.name.as_str()).collect();
        let ids: Vec<&str> = actors.map(|a| a.id.as_str()).collect();
        let _ = writeln!(
            out,
            "{},{},{},{},{status},{},{},{}",
            text_cell(&cols.source[i]),
            text_cell(&cols.title[i]),
            text_cell(outlet),
            cols.date_text(i).unwrap_or_default(),
            text_cell(copy_of),
            text_cell(&names.join("; ")),
            csv(&ids.join("; "))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{ActorInfo, OutletInfo};
    use crate::model::Tone;

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

    #[test]
    fn a_cell_a_spreadsheet_would_run_stays_text() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("+1"), "'+1");
        assert_eq!(text_cell("Kim = leader"), "Kim = leader");
    }

    fn tone(cooperation: u32, conflict: u32, neutral: u32) -> ToneCounts {
        ToneCounts {
            cooperation,
            conflict,
            neutral,
        }
    }

    /// Three actors, two edges (one with who acts on whom, one without); one name needs
    /// escaping everywhere.
    fn sample() -> Graph<'static> {
        Graph {
            nodes: vec![
                GraphNode {
                    id: "russia",
                    name: "Russia",
                    kind: ActorKind::Country,
                    articles: 4,
                },
                GraphNode {
                    id: "north-korea",
                    name: "North Korea",
                    kind: ActorKind::Country,
                    articles: 3,
                },
                GraphNode {
                    id: "un-sc",
                    name: "Council \"UNSC\", <New York> & co",
                    kind: ActorKind::Organization,
                    articles: 1,
                },
            ],
            edges: vec![
                GraphEdge {
                    source: "north-korea",
                    target: "russia",
                    source_name: "North Korea",
                    target_name: "Russia",
                    articles: 3,
                    tone: tone(2, 1, 4),
                    acts: Some(Acts {
                        source_acts: 2,
                        target_acts: 0,
                        mutual: 3,
                    }),
                },
                GraphEdge {
                    source: "russia",
                    target: "un-sc",
                    source_name: "Russia",
                    target_name: "Council \"UNSC\", <New York> & co",
                    articles: 1,
                    tone: tone(0, 2, 0),
                    acts: None,
                },
            ],
        }
    }

    #[test]
    fn edges_csv_has_a_row_per_edge_with_its_dominant_tone() {
        let text = edges_csv(&sample());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "source,target,source_name,target_name,articles,cooperation,conflict,neutral,dominant_tone",
                "north-korea,russia,North Korea,Russia,3,2,1,4,neutral",
                "russia,un-sc,Russia,\"Council \"\"UNSC\"\", <New York> & co\",1,0,2,0,conflict",
            ]
        );
        assert_eq!(tone(2, 1, 4).dominant(), Tone::Neutral);
    }

    #[test]
    fn gexf_declares_every_node_and_weighs_edges_by_articles() {
        let text = gexf(&sample(), "Putin & Kim <2019>");
        assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">"));
        assert!(text.contains("<description>Putin &amp; Kim &lt;2019&gt;</description>"));
        assert_eq!(text.matches("<node ").count(), 3);
        assert_eq!(text.matches("<edge ").count(), 2);
        assert!(text.contains(
            "<node id=\"un-sc\" label=\"Council &quot;UNSC&quot;, &lt;New York&gt; &amp; co\"><attvalues><attvalue for=\"kind\" value=\"organization\"/><attvalue for=\"articles\" value=\"1\"/></attvalues></node>"
        ));
        assert!(text.contains(
            "<edge id=\"0\" source=\"north-korea\" target=\"russia\" weight=\"3\"><attvalues><attvalue for=\"articles\" value=\"3\"/><attvalue for=\"cooperation\" value=\"2\"/><attvalue for=\"conflict\" value=\"1\"/><attvalue for=\"neutral\" value=\"4\"/><attvalue for=\"tone\" value=\"neutral\"/><attvalue for=\"source_acts\" value=\"2\"/><attvalue for=\"target_acts\" value=\"0\"/><attvalue for=\"mutual\" value=\"3\"/></attvalues></edge>"
        ));
        assert!(text.contains("<attvalue for=\"tone\" value=\"conflict\"/></attvalues></edge>"));
        assert!(text.ends_with("</edges>\n</graph>\n</gexf>\n"));
    }

    #[test]
    fn graphml_keys_every_value_it_writes() {
        let text = graphml(&sample());
        assert_eq!(text.matches("<node ").count(), 3);
        assert_eq!(text.matches("<edge ").count(), 2);
        for key in text.split("<data key=\"").skip(1) {
            let key = &key[..key.find('"').unwrap()];
            assert!(
                text.contains(&format!("<key id=\"{key}\"")),
                "{key} is not declared"
            );
        }
    }

    #[test]
    fn who_acts_is_declared_only_when_an_edge_says_it() {
        let mut graph = sample();
        assert!(gexf(&graph, "").contains("<attribute id=\"source_acts\""));
        assert!(graphml(&graph).contains("<key id=\"mutual\""));
        assert!(graphml(&graph).contains(
            "<data key=\"source_acts\">2</data><data key=\"target_acts\">0</data><data key=\"mutual\">3</data></edge>"
        ));
        for e in &mut graph.edges {
            e.acts = None;
        }
        for text in [gexf(&graph, ""), graphml(&graph)] {
            assert!(!text.contains("source_acts"), "{text}");
            assert!(!text.contains("mutual"), "{text}");
        }
    }

    #[test]
    fn edges_csv_leaves_who_acts_out() {
        let mut graph = sample();
        let with = edges_csv(&graph);
        for e in &mut graph.edges {
            e.acts = None;
        }
        assert_eq!(with, edges_csv(&graph));
    }

    #[test]
    fn an_empty_graph_is_still_a_whole_document() {
        let empty = Graph::default();
        assert_eq!(edges_csv(&empty).lines().count(), 1);
        assert!(gexf(&empty, GRAPH_DESCRIPTION).contains("<nodes>\n</nodes>\n<edges>\n</edges>"));
        assert!(graphml(&empty).ends_with("</graph>\n</graphml>\n"));
    }

    fn part() -> IndexPart {
        let mut part = IndexPart {
            actors: vec![
                ActorInfo {
                    id: "russia".into(),
                    name: "Russia".into(),
                    kind: ActorKind::Country,
                    known: true,
                },
                ActorInfo {
                    id: "kim-jong-un".into(),
                    name: "Kim Jong Un".into(),
                    kind: ActorKind::Person,
                    known: true,
                },
            ],
            outlets: vec![OutletInfo {
                id: "yonhap".into(),
                name: "Yonhap".into(),
            }],
            ..IndexPart::default()
        };
        let c = &mut part.columns;
        c.source = vec!["a.txt".into(), "b.html".into(), "c.txt".into()];
        c.title = vec![
            "Kim visits Russia".into(),
            "=cmd|' /C calc'!A0".into(),
            String::new(),
        ];
        c.date = vec![20240619, 0, 20240620];
        c.outlet = vec![0, NONE, 0];
        c.duplicate_of = vec![NONE, NONE, 0];
        c.status = vec![Status::Ok, Status::Warning, Status::Ok];
        c.actor_start = vec![0, 2, 2, 4];
        c.actor_list = vec![0, 1, 0, 1];
        c.pair_start = vec![0, 0, 0, 0];
        part
    }

    #[test]
    fn articles_csv_writes_what_the_index_holds_in_the_order_asked() {
        let text = articles_csv(&part(), &[2, 1, 0]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                ARTICLES_HEADER,
                "c.txt,,Yonhap,2024-06-20,ok,a.txt,Russia; Kim Jong Un,russia; kim-jong-un",
                "b.html,'=cmd|' /C calc'!A0,,,warning,,,",
                "a.txt,Kim visits Russia,Yonhap,2024-06-19,ok,,Russia; Kim Jong Un,russia; kim-jong-un",
            ]
        );
    }

    #[test]
    fn articles_csv_skips_indices_past_the_corpus() {
        assert_eq!(articles_csv(&part(), &[7, 0]).lines().count(), 2);
    }

    /// Fields of a CSV text as RFC 4180 reads them: quoted fields may hold commas, doubled
    /// quotes and line breaks.
    fn read_csv(text: &str) -> Vec<Vec<String>> {
        let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(!quoted, "a quoted field runs to the end of the file");
        assert!(
            field.is_empty() && row.is_empty(),
            "the last row has no line end"
        );
        rows
    }

    /// Names no writer should trip on: separators, quotes, line breaks, markup, non-Latin
    /// letters, a formula.
    const AWKWARD: [&str; 6] = [
        "Council \"UNSC\", <New York> & co",
        "two\nlines",
        "carriage\r\nreturn",
        "O'Brien, Pat",
        "김정은 · Ким Чен Ын",
        "=HYPERLINK(\"http://example.invalid\",\"x\")",
    ];

    fn awkward_graph() -> Graph<'static> {
        let ids = ["a", "b", "c", "d", "e", "f"];
        let nodes = ids
            .iter()
            .zip(AWKWARD)
            .map(|(&id, name)| GraphNode {
                id,
                name,
                kind: ActorKind::Person,
                articles: 1,
            })
            .collect::<Vec<_>>();
        let edges = nodes
            .windows(2)
            .map(|w| GraphEdge {
                source: w[0].id,
                target: w[1].id,
                source_name: w[0].name,
                target_name: w[1].name,
                articles: 1,
                tone: tone(1, 0, 0),
                acts: Some(Acts::of([Direction::BToA])),
            })
            .collect();
        Graph { nodes, edges }
    }

    #[test]
    fn edges_csv_reads_back_to_the_same_names() {
        let rows = read_csv(&edges_csv(&awkward_graph()));
        assert_eq!(rows.len(), 1 + AWKWARD.len() - 1);
        assert!(rows.iter().all(|r| r.len() == 9), "{rows:?}");
        for (row, pair) in rows[1..].iter().zip(AWKWARD.windows(2)) {
            assert_eq!(row[2], pair[0]);
            // A formula comes back as text, behind an apostrophe.
            let expected = if pair[1].starts_with('=') {
                format!("'{}", pair[1])
            } else {
                pair[1].to_string()
            };
            assert_eq!(row[3], expected);
        }
    }

    #[test]
    fn articles_csv_reads_back_to_the_same_titles() {
        let mut part = part();
        part.columns.title = vec![AWKWARD[0].into(), AWKWARD[1].into(), AWKWARD[2].into()];
        part.outlets[0].name = AWKWARD[3].into();
        let rows = read_csv(&articles_csv(&part, &[0, 1, 2]));
        assert_eq!(rows.len(), 4);
        assert!(rows.iter().all(|r| r.len() == 8), "{rows:?}");
        let titles: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
        assert_eq!(titles, &AWKWARD[..3]);
        assert_eq!(rows[1][2], AWKWARD[3]);
    }

    /// The graph a GEXF file describes, as an XML parser reads it: node (id, label), edge
    /// (source, target, weight), and the attribute ids declared per class.
    struct ReadGexf {
        nodes: Vec<(String, String)>,
        edges: Vec<(String, String, String)>,
        undirected: bool,
    }

    fn read_gexf(text: &str) -> ReadGexf {
        let doc = roxmltree::Document::parse(text).expect("GEXF is well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "gexf");
        assert_eq!(root.tag_name().namespace(), Some("http://gexf.net/1.3"));
        let graph = root
            .children()
            .find(|n| n.has_tag_name("graph"))
            .expect("a graph element");
        let declared = |class: &str| -> Vec<String> {
            graph
                .children()
                .filter(|n| n.has_tag_name("attributes") && n.attribute("class") == Some(class))
                .flat_map(|a| a.children().filter_map(|n| n.attribute("id")))
                .map(String::from)
                .collect()
        };
        let (node_attrs, edge_attrs) = (declared("node"), declared("edge"));
        let values_declared = |el: roxmltree::Node, attrs: &[String]| {
            for v in el.descendants().filter(|n| n.has_tag_name("attvalue")) {
                let key = v.attribute("for").unwrap_or_default();
                assert!(attrs.iter().any(|a| a == key), "{key} is not declared");
            }
        };
        let mut nodes = Vec::new();
        let mut edges = Vec::new();
        for el in graph.descendants() {
            if el.has_tag_name("node") {
                values_declared(el, &node_attrs);
                nodes.push((
                    el.attribute("id").unwrap().to_string(),
                    el.attribute("label").unwrap().to_string(),
                ));
            } else if el.has_tag_name("edge") {
                values_declared(el, &edge_attrs);
                edges.push((
                    el.attribute("source").unwrap().to_string(),
                    el.attribute("target").unwrap().to_string(),
                    el.attribute("weight").unwrap().to_string(),
                ));
            }
        }
        ReadGexf {
            nodes,
            edges,
            undirected: graph.attribute("defaultedgetype") == Some("undirected"),
        }
    }

    #[test]
    fn gexf_parses_back_to_the_same_names_and_pairs() {
        let graph = awkward_graph();
        let read = read_gexf(&gexf(&graph, "a view: \"x\" & <y>"));
        let labels: Vec<&str> = read.nodes.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, AWKWARD);
        let ids: Vec<&str> = read.nodes.iter().map(|(id, _)| id.as_str()).collect();
        for (source, target, weight) in &read.edges {
            assert!(ids.contains(&source.as_str()) && ids.contains(&target.as_str()));
            assert_eq!(weight, "1");
        }
        assert_eq!(read.edges.len(), graph.edges.len());
        assert!(read.undirected, "pairs carry no direction");
    }

    #[test]
    fn gexf_description_reads_back_unescaped() {
        let text = gexf(&sample(), "Putin & Kim <2019> \"talks\"");
        let doc = roxmltree::Document::parse(&text).unwrap();
        let description = doc
            .descendants()
            .find(|n| n.has_tag_name("description"))
            .and_then(|n| n.text());
        assert_eq!(description, Some("Putin & Kim <2019> \"talks\""));
    }

    #[test]
    fn graphml_is_well_formed_with_the_same_names() {
        let text = graphml(&awkward_graph());
        let doc = roxmltree::Document::parse(&text).expect("GraphML is well-formed XML");
        let labels: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("data") && n.attribute("key") == Some("label"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(labels, AWKWARD);
    }

    proptest::proptest! {
        /// Any name, control characters included, gives a file an XML parser reads, with the
        /// name back as written less what XML cannot hold.
        #[test]
        fn any_name_gives_well_formed_gexf(name in "\\PC{0,12}[\u{0}-\u{1f}\u{fffe}\u{ffff}<>&\"']{0,4}\\PC{0,12}") {
            let graph = Graph {
                nodes: vec![GraphNode { id: "x", name: &name, kind: ActorKind::Country, articles: 1 }],
                edges: vec![],
            };
            let read = read_gexf(&gexf(&graph, &name));
            let kept: String = name
                .chars()
                .filter(|&c| (c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
                .filter(|&c| c != '\u{FFFE}' && c != '\u{FFFF}')
                .collect();
            proptest::prop_assert_eq!(&read.nodes[0].1, &kept);
        }

        /// Any fields come back from the CSV as written (a formula behind an apostrophe).
        #[test]
        fn any_name_reads_back_from_csv(a in "\\PC{0,20}", b in "[,\"\n\r a-z]{0,20}") {
            let graph = Graph {
                nodes: vec![],
                edges: vec![GraphEdge {
                    source: "x", target: "y", source_name: &a, target_name: &b,
                    articles: 1, tone: tone(0, 0, 1), acts: None,
                }],
            };
            let rows = read_csv(&edges_csv(&graph));
            proptest::prop_assert_eq!(rows.len(), 2);
            let cell = |s: &str| if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
            proptest::prop_assert_eq!(&rows[1][2], &cell(&a));
            proptest::prop_assert_eq!(&rows[1][3], &cell(&b));
        }
    }
}
