//! The engine as `bench/page` calls it from JavaScript: decode a bundle and build its index, answer
//! a selection (match count, every facet's counts, the strongest edges) and lay out the top of the
//! map. Only wiring: what is measured is `coverage_core::bundle`, `coverage_core::index` and `coverage_core::layout`.
//! JavaScript times each call; nothing here reads a clock.

use coverage_core::bundle::Bundle;
use coverage_core::index::{ActorMode, Index, Selection};
use coverage_core::layout::{LayoutNode, graph_of, layout};
use wasm_bindgen::prelude::*;

/// Layout seed, as the page uses.
const SEED: u64 = 0x00c0_ffee;

/// A decoded bundle with its index, and the graph last prepared for the layout.
#[wasm_bindgen]
pub struct Bench {
    bundle: Bundle,
    index: Index,
    nodes: Vec<LayoutNode>,
    edges: Vec<(usize, usize, f32)>,
    positions: Vec<(f32, f32)>,
}

#[wasm_bindgen]
impl Bench {
    /// Decodes bundle bytes and builds the index: what the page does at start-up.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<Bench, JsError> {
        let bundle = Bundle::decode(bytes)?;
        let index = Index::build(&bundle.index);
        Ok(Bench {
            bundle,
            index,
            nodes: Vec::new(),
            edges: Vec::new(),
            positions: Vec::new(),
        })
    }

    pub fn articles(&self) -> u32 {
        self.index.len
    }

    pub fn actors(&self) -> u32 {
        self.bundle.index.actors.len() as u32
    }

    /// The year facet's values in the index's order (ascending, undated last): a year, or -1
    /// for undated.
    pub fn years(&self) -> Vec<i32> {
        self.index
            .years
            .iter()
            .map(|y| y.map_or(-1, i32::from))
            .collect()
    }

    /// Outlets in the bundle (the facet has one more value: no outlet known).
    pub fn outlets(&self) -> u32 {
        self.bundle.index.outlets.len() as u32
    }

    /// Answers a selection. `years` holds years (-1: undated), `outlets` outlet indices (-1: no
    /// outlet known). Returns, flat: the match count; the actor count and each actor's count;
    /// the year count and each year's count (in `years` order); the outlet count and each
    /// outlet's count (the last is "no outlet"); the edge count and, per edge, actor a, actor b,
    /// articles, cooperation, conflict, neutral — the `edges` strongest edges among the `nodes`
    /// most-named actors of the matches.
    pub fn query(
        &self,
        actors: &[u32],
        any: bool,
        years: &[i32],
        outlets: &[i32],
        nodes: usize,
        edges: usize,
    ) -> Vec<u32> {
        let sel = Selection {
            actors: actors.to_vec(),
            mode: if any { ActorMode::Any } else { ActorMode::All },
            years: years
                .iter()
                .map(|&y| (y >= 0).then_some(y as i16))
                .collect(),
            outlets: outlets
                .iter()
                .map(|&o| (o >= 0).then_some(o as u32))
                .collect(),
        };
        let r = self.index.query(&self.bundle.index.columns, &sel, nodes);
        let shown = &r.edges[..r.edges.len().min(edges)];
        let mut out = Vec::with_capacity(
            4 + r.actor_counts.len()
                + r.year_counts.len()
                + r.outlet_counts.len()
                + 6 * shown.len(),
        );
        out.push(r.matches.len() as u32);
        for counts in [&r.actor_counts, &r.year_counts, &r.outlet_counts] {
            out.push(counts.len() as u32);
            out.extend_from_slice(counts);
        }
        out.push(shown.len() as u32);
        for e in shown {
            out.extend_from_slice(&[
                e.a,
                e.b,
                e.articles,
                e.tone.cooperation,
                e.tone.conflict,
                e.tone.neutral,
            ]);
        }
        out
    }

    /// Prepares the map of the whole corpus with its `nodes` most-named actors for `layout`, and
    /// returns it: node count, then per node its actor; edge count, then per edge the two node
    /// slots and the articles relating them.
    pub fn top_graph(&mut self, nodes: usize) -> Vec<u32> {
        let r = self
            .index
            .query(&self.bundle.index.columns, &Selection::default(), nodes);
        (self.nodes, self.edges) = graph_of(&r, |_| None);
        let mut out = vec![self.nodes.len() as u32];
        out.extend(self.nodes.iter().map(|n| n.key));
        out.push(self.edges.len() as u32);
        for &(a, b, w) in &self.edges {
            out.extend_from_slice(&[a as u32, b as u32, w as u32]);
        }
        out
    }

    /// Lays out the prepared graph from scratch (a fresh map); returns the node count.
    pub fn layout(&mut self) -> u32 {
        self.positions = layout(&self.nodes, &self.edges, SEED);
        self.positions.len() as u32
    }

    /// The last layout's positions, x and y per node, in the unit square.
    pub fn positions(&self) -> Vec<f32> {
        self.positions.iter().flat_map(|&(x, y)| [x, y]).collect()
    }
}
