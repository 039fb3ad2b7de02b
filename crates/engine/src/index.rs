//! Filtering the corpus: one bitset (`roaring`) per facet value, a query that yields the matching
//! articles, every facet's crossfilter-style counts (each facet counted under the other facets'
//! selections) and the top actors and edges of the relationship map.

use crate::bundle::{Columns, IndexPart, NONE};
use crate::model::ToneCounts;
use roaring::RoaringBitmap;
use std::collections::HashMap;

/// How selected actors combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActorMode {
    /// Articles naming every selected actor.
    #[default]
    All,
    /// Articles naming at least one selected actor.
    Any,
}

/// A year facet value: a year, or undated.
pub type YearKey = Option<i16>;

/// What the user selected. Empty facets do not filter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    /// Actor indices.
    pub actors: Vec<u32>,
    pub mode: ActorMode,
    pub years: Vec<YearKey>,
    /// Outlet indices; `None` is "no outlet known".
    pub outlets: Vec<Option<u32>>,
}

/// A node of the map: an actor and its matching articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub actor: u32,
    pub articles: u32,
}

/// An edge of the map: two actors, distinct articles relating them, and tone counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub a: u32,
    pub b: u32,
    pub articles: u32,
    pub tone: ToneCounts,
}

/// The answer to a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryResult {
    pub matches: RoaringBitmap,
    /// Per actor index, under the year and outlet selections.
    pub actor_counts: Vec<u32>,
    /// Per entry of `Index::years`, under the actor and outlet selections.
    pub year_counts: Vec<u32>,
    /// Per outlet index (and a last entry for "no outlet"), under the actor and year selections.
    pub outlet_counts: Vec<u32>,
    /// The most-named actors among the matches, most first.
    pub nodes: Vec<Node>,
    /// Edges among `nodes`, strongest first.
    pub edges: Vec<Edge>,
}

/// Bitsets over the article columns.
#[derive(Debug, Clone)]
pub struct Index {
    pub len: u32,
    pub actor_sets: Vec<RoaringBitmap>,
    /// Years present, ascending, then `None` when some articles are undated.
    pub years: Vec<YearKey>,
    year_sets: Vec<RoaringBitmap>,
    /// One per outlet, then one for articles with no outlet.
    outlet_sets: Vec<RoaringBitmap>,
    all: RoaringBitmap,
}

impl Index {
    /// Builds the bitsets from the bundle's index part.
    pub fn build(part: &IndexPart) -> Index {
        let cols = &part.columns;
        let n = cols.len();
        let mut actor_sets = vec![RoaringBitmap::new(); part.actors.len()];
        let mut outlet_sets = vec![RoaringBitmap::new(); part.outlets.len() + 1];
        let mut by_year: HashMap<YearKey, RoaringBitmap> = HashMap::new();
        for i in 0..n {
            let id = i as u32;
            for &a in cols.actors(i) {
                if let Some(set) = actor_sets.get_mut(a as usize) {
                    set.push(id);
                }
            }
            let o = cols.outlet[i];
            let slot = if o == NONE || o as usize >= part.outlets.len() { part.outlets.len() } else { o as usize };
            outlet_sets[slot].push(id);
            by_year.entry(cols.year(i)).or_default().push(id);
        }
        let mut years: Vec<YearKey> = by_year.keys().copied().collect();
        years.sort_by_key(|y| (y.is_none(), *y));
        let year_sets = years.iter().map(|y| by_year.remove(y).unwrap_or_default()).collect();
        Index { len: n as u32, actor_sets, years, year_sets, outlet_sets, all: (0..n as u32).collect() }
    }

    /// Position of a year value in `years`.
    pub fn year_slot(&self, year: YearKey) -> Option<usize> {
        self.years.iter().position(|y| *y == year)
    }

    fn outlet_slot(&self, outlet: Option<u32>) -> usize {
        let none = self.outlet_sets.len() - 1;
        outlet.map_or(none, |o| (o as usize).min(none))
    }

    /// The set one facet's selection allows (all articles when nothing is selected).
    fn union(&self, sets: impl Iterator<Item = Option<usize>>, of: &[RoaringBitmap]) -> Option<RoaringBitmap> {
        let mut any = false;
        let mut out = RoaringBitmap::new();
        for slot in sets {
            any = true;
            if let Some(set) = slot.and_then(|s| of.get(s)) {
                out |= set;
            }
        }
        any.then_some(out)
    }

    fn actor_filter(&self, sel: &Selection) -> Option<RoaringBitmap> {
        if sel.actors.is_empty() {
            return None;
        }
        let sets = sel.actors.iter().map(|&a| self.actor_sets.get(a as usize));
        Some(match sel.mode {
            ActorMode::Any => sets.flatten().fold(RoaringBitmap::new(), |acc, s| acc | s),
            ActorMode::All => {
                let mut it = sets;
                let first = it.next().flatten().cloned().unwrap_or_default();
                it.fold(first, |acc, s| s.map_or_else(RoaringBitmap::new, |s| acc & s))
            }
        })
    }

    /// Answers a selection: matches, crossfilter counts for every facet, and the top `top_n` map.
    pub fn query(&self, cols: &Columns, sel: &Selection, top_n: usize) -> QueryResult {
        let actors = self.actor_filter(sel);
        let years = self.union(sel.years.iter().map(|y| self.year_slot(*y)), &self.year_sets);
        let outlets = self.union(sel.outlets.iter().map(|o| Some(self.outlet_slot(*o))), &self.outlet_sets);
        let and = |parts: [&Option<RoaringBitmap>; 2]| -> RoaringBitmap {
            let mut out = self.all.clone();
            for p in parts.into_iter().flatten() {
                out &= p;
            }
            out
        };
        let base_actors = and([&years, &outlets]);
        let base_years = and([&actors, &outlets]);
        let base_outlets = and([&actors, &years]);
        let matches = match &actors {
            Some(a) => &base_actors & a,
            None => base_actors.clone(),
        };

        let mut actor_counts = vec![0u32; self.actor_sets.len()];
        for i in &base_actors {
            for &a in cols.actors(i as usize) {
                actor_counts[a as usize] += 1;
            }
        }
        let mut year_counts = vec![0u32; self.years.len()];
        for (slot, set) in self.year_sets.iter().enumerate() {
            year_counts[slot] = set.intersection_len(&base_years) as u32;
        }
        let outlet_counts = self.outlet_sets.iter().map(|s| s.intersection_len(&base_outlets) as u32).collect();

        let (nodes, edges) = self.map(cols, &matches, top_n);
        QueryResult { matches, actor_counts, year_counts, outlet_counts, nodes, edges }
    }

    /// The `top_n` most-named actors in `matches` and the edges among them (distinct articles only).
    fn map(&self, cols: &Columns, matches: &RoaringBitmap, top_n: usize) -> (Vec<Node>, Vec<Edge>) {
        let mut counts = vec![0u32; self.actor_sets.len()];
        for i in matches {
            for &a in cols.actors(i as usize) {
                counts[a as usize] += 1;
            }
        }
        let mut nodes: Vec<Node> =
            counts.iter().enumerate().filter(|(_, c)| **c > 0).map(|(a, c)| Node { actor: a as u32, articles: *c }).collect();
        nodes.sort_by(|x, y| y.articles.cmp(&x.articles).then(x.actor.cmp(&y.actor)));
        nodes.truncate(top_n);
        let mut on_map = vec![false; self.actor_sets.len()];
        for n in &nodes {
            on_map[n.actor as usize] = true;
        }
        let mut edges: HashMap<(u32, u32), Edge> = HashMap::new();
        for i in matches {
            let i = i as usize;
            if cols.duplicate_of[i] != NONE {
                continue;
            }
            for p in cols.pairs(i) {
                let (a, b) = (cols.pair_a[p], cols.pair_b[p]);
                if !on_map[a as usize] || !on_map[b as usize] {
                    continue;
                }
                let e = edges.entry((a, b)).or_insert(Edge { a, b, articles: 0, tone: ToneCounts::default() });
                e.articles += 1;
                let [co, cf, ne] = cols.pair_tone[p];
                e.tone.cooperation += co as u32;
                e.tone.conflict += cf as u32;
                e.tone.neutral += ne as u32;
            }
        }
        let mut edges: Vec<Edge> = edges.into_values().collect();
        edges.sort_by(|x, y| y.articles.cmp(&x.articles).then(y.tone.total().cmp(&x.tone.total())).then((x.a, x.b).cmp(&(y.a, y.b))));
        (nodes, edges)
    }

    /// Matching articles that relate actors `a` and `b`, in article order.
    pub fn pair_articles(&self, cols: &Columns, matches: &RoaringBitmap, a: u32, b: u32) -> Vec<u32> {
        let (a, b) = (a.min(b), a.max(b));
        let both = match (self.actor_sets.get(a as usize), self.actor_sets.get(b as usize)) {
            (Some(x), Some(y)) => x & y & matches,
            _ => return Vec::new(),
        };
        both.iter()
            .filter(|&i| cols.duplicate_of[i as usize] == NONE)
            .filter(|&i| cols.pairs(i as usize).any(|p| cols.pair_a[p] == a && cols.pair_b[p] == b))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{ActorInfo, BuildInfo, OutletInfo};
    use crate::model::{ActorKind, Status};

    /// Four articles: 0 (2019, outlet 0, actors 0 1), 1 (2019, outlet 1, actors 0 2),
    /// 2 (undated, no outlet, actors 1 2), 3 (2023, outlet 0, actors 0 1 2; copy of 0).
    fn part() -> IndexPart {
        let actor = |id: &str| ActorInfo { id: id.into(), name: id.into(), kind: ActorKind::Person, known: true };
        let outlet = |id: &str| OutletInfo { id: id.into(), name: id.into() };
        let columns = Columns {
            source: (0..4).map(|i| format!("{i}.txt")).collect(),
            title: vec![String::new(); 4],
            date: vec![20190420, 20190501, 0, 20230908],
            outlet: vec![0, 1, NONE, 0],
            duplicate_of: vec![NONE, NONE, NONE, 0],
            status: vec![Status::Ok; 4],
            actor_start: vec![0, 2, 4, 6, 9],
            actor_list: vec![0, 1, 0, 2, 1, 2, 0, 1, 2],
            pair_start: vec![0, 1, 2, 3, 4],
            pair_a: vec![0, 0, 1, 0],
            pair_b: vec![1, 2, 2, 1],
            pair_tone: vec![[1, 0, 0], [0, 2, 0], [0, 0, 1], [1, 0, 0]],
        };
        IndexPart {
            info: BuildInfo::default(),
            actors: vec![actor("a"), actor("b"), actor("c")],
            outlets: vec![outlet("x"), outlet("y")],
            columns,
        }
    }

    #[test]
    fn empty_selection_matches_everything() {
        let p = part();
        let r = Index::build(&p).query(&p.columns, &Selection::default(), 30);
        assert_eq!(r.matches.len(), 4);
        assert_eq!(r.actor_counts, vec![3, 3, 3]);
        assert_eq!(r.year_counts, vec![2, 1, 1]); // 2019, 2023, undated
        assert_eq!(r.outlet_counts, vec![2, 1, 1]);
    }

    #[test]
    fn all_versus_any() {
        let p = part();
        let idx = Index::build(&p);
        let all = Selection { actors: vec![0, 2], ..Default::default() };
        assert_eq!(idx.query(&p.columns, &all, 30).matches.iter().collect::<Vec<_>>(), vec![1, 3]);
        let any = Selection { actors: vec![0, 2], mode: ActorMode::Any, ..Default::default() };
        assert_eq!(idx.query(&p.columns, &any, 30).matches.len(), 4);
    }

    #[test]
    fn each_facet_counts_under_the_others() {
        let p = part();
        let idx = Index::build(&p);
        let sel = Selection { years: vec![Some(2019)], outlets: vec![Some(0)], ..Default::default() };
        let r = idx.query(&p.columns, &sel, 30);
        assert_eq!(r.matches.iter().collect::<Vec<_>>(), vec![0]);
        // Years ignore the year selection: outlet 0 has 2019 and 2023.
        assert_eq!(r.year_counts, vec![1, 1, 0]);
        // Outlets ignore the outlet selection: 2019 has outlets 0 and 1.
        assert_eq!(r.outlet_counts, vec![1, 1, 0]);
        assert_eq!(r.actor_counts, vec![1, 1, 0]);
    }

    #[test]
    fn undated_and_no_outlet_are_values() {
        let p = part();
        let idx = Index::build(&p);
        let sel = Selection { years: vec![None], outlets: vec![None], ..Default::default() };
        assert_eq!(idx.query(&p.columns, &sel, 30).matches.iter().collect::<Vec<_>>(), vec![2]);
    }

    #[test]
    fn edges_skip_copies_and_keep_top_nodes() {
        let p = part();
        let idx = Index::build(&p);
        let r = idx.query(&p.columns, &Selection::default(), 30);
        let ab = r.edges.iter().find(|e| (e.a, e.b) == (0, 1)).unwrap();
        assert_eq!(ab.articles, 1, "the copy (article 3) does not count again");
        assert_eq!(r.edges.len(), 3);
        let r2 = idx.query(&p.columns, &Selection::default(), 2);
        assert_eq!(r2.nodes.len(), 2);
        assert!(r2.edges.iter().all(|e| r2.nodes.iter().any(|n| n.actor == e.a) && r2.nodes.iter().any(|n| n.actor == e.b)));
        let matches = r.matches.clone();
        assert_eq!(idx.pair_articles(&p.columns, &matches, 1, 0), vec![0]);
    }
}
