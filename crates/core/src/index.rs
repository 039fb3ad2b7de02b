//! Filtering the corpus: one bitset (`roaring`) per facet value, a query that yields the matching
//! articles, every facet's crossfilter-style counts (each facet counted under the other facets'
//! selections) and the top actors and edges of the relationship map.
//!
//! A query never walks more articles than it must. Built once with the index: articles per
//! actor in all, per year and per outlet, and the whole corpus's edges. A facet's counts then
//! come from those tables when the other facets select nothing (or only years, or only outlets),
//! else from bitset intersections or from walking the (small) base set, whichever is cheaper.
//! The map's counts and edges walk either the matches or, when the matches are most of the
//! corpus, the articles that do *not* match, subtracted from the whole corpus's numbers.

use crate::bundle::{Columns, IndexPart, NONE};
use crate::model::ToneCounts;
use roaring::RoaringBitmap;

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

/// Per-slot tables (slots × actors) are built only up to this many cells; past it, counts
/// under a year or outlet selection walk the articles instead.
const TABLE_CELLS: usize = 1 << 22;

/// Articles and tone counts of one edge: `[articles, cooperation, conflict, neutral]`.
type EdgeSums = [u32; 4];

/// Bitsets and count tables over the article columns.
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
    /// Each article's slot in `years` and in `outlet_sets`.
    year_of: Vec<u32>,
    outlet_of: Vec<u32>,
    /// Articles per actor: in all, and per year slot / outlet slot (`slot * actors + actor`),
    /// the latter two empty when they would be too large.
    actor_total: Vec<u32>,
    actor_by_year: Vec<u32>,
    actor_by_outlet: Vec<u32>,
    /// Every edge of the whole corpus (distinct articles, copies left out): by lower actor
    /// (`pair_row[a]..pair_row[a + 1]`), the higher actor and the sums.
    pair_row: Vec<u32>,
    pair_partner: Vec<u32>,
    pair_sums: Vec<EdgeSums>,
}

impl Index {
    /// Builds the bitsets and tables from the bundle's index part: a few passes over the
    /// columns, each cheap, since the page does this at start-up.
    pub fn build(part: &IndexPart) -> Index {
        let cols = &part.columns;
        let n = cols.len();
        let actors = part.actors.len();
        let none_slot = part.outlets.len();

        // Years present, ascending, undated last; found with a flag per year, not a sort.
        let dated = || cols.date.iter().filter(|&&d| d != 0).map(|&d| d / 10_000);
        let first = dated().min().unwrap_or(0);
        let span = dated().max().map_or(0, |last| (last - first + 1) as usize);
        let mut present = vec![false; span];
        for y in dated() {
            present[(y - first) as usize] = true;
        }
        let mut slot_of_year = vec![0u32; span];
        let mut years: Vec<YearKey> = Vec::new();
        for (k, _) in present.iter().enumerate().filter(|(_, p)| **p) {
            slot_of_year[k] = years.len() as u32;
            years.push(Some((first + k as u32) as i16));
        }
        let undated = years.len() as u32;
        if cols.date.contains(&0) {
            years.push(None);
        }
        let year_of: Vec<u32> = cols
            .date
            .iter()
            .map(|&d| match d {
                0 => undated,
                d => slot_of_year[(d / 10_000 - first) as usize],
            })
            .collect();
        let outlet_of: Vec<u32> = cols
            .outlet
            .iter()
            .map(|&o| o.min(none_slot as u32))
            .collect();
        let mut year_sets = vec![RoaringBitmap::new(); years.len()];
        let mut outlet_sets = vec![RoaringBitmap::new(); none_slot + 1];
        for i in 0..n {
            year_sets[year_of[i] as usize].push(i as u32);
            outlet_sets[outlet_of[i] as usize].push(i as u32);
        }

        // One pass over the article → actors lists for the count tables...
        let tables = years.len().max(none_slot + 1).saturating_mul(actors) <= TABLE_CELLS;
        let mut actor_total = vec![0u32; actors];
        let (mut actor_by_year, mut actor_by_outlet) = if tables {
            (
                vec![0u32; years.len() * actors],
                vec![0u32; (none_slot + 1) * actors],
            )
        } else {
            (Vec::new(), Vec::new())
        };
        for block in blocks(n) {
            count_block(
                cols,
                block,
                (&year_of, &outlet_of),
                &mut actor_total,
                (&mut actor_by_year, &mut actor_by_outlet),
            );
        }
        // ...and one to transpose them (a counting sort), so each actor's set is built from
        // one ascending run.
        let mut start = Vec::with_capacity(actors + 1);
        start.push(0usize);
        for &t in &actor_total {
            start.push(start[start.len() - 1] + t as usize);
        }
        let mut fill = start.clone();
        let mut by_actor = vec![0u32; cols.actor_list.len()];
        for block in blocks(n) {
            transpose_block(cols, block, &mut fill, &mut by_actor);
        }
        let actor_sets = (0..actors)
            .map(|a| {
                let run = &by_actor[start[a]..start[a + 1]];
                // Ascending by construction; an article naming an actor twice is not.
                RoaringBitmap::from_sorted_iter(run.iter().copied())
                    .unwrap_or_else(|_| run.iter().copied().collect())
            })
            .collect();
        let (pair_row, pair_partner, pair_sums) = edge_rows(part, actors);
        Index {
            len: n as u32,
            actor_sets,
            years,
            year_sets,
            outlet_sets,
            all: RoaringBitmap::from_sorted_iter(0..n as u32).unwrap_or_default(),
            year_of,
            outlet_of,
            actor_total,
            actor_by_year,
            actor_by_outlet,
            pair_row,
            pair_partner,
            pair_sums,
        }
    }

    /// Position of a year value in `years`.
    pub fn year_slot(&self, year: YearKey) -> Option<usize> {
        self.years.iter().position(|y| *y == year)
    }

    fn outlet_slot(&self, outlet: Option<u32>) -> usize {
        let none = self.outlet_sets.len() - 1;
        outlet.map_or(none, |o| (o as usize).min(none))
    }

    /// The slots a facet's selection allows, or `None` when it selects nothing (no filter).
    fn slots(values: impl ExactSizeIterator<Item = Option<usize>>) -> Option<Vec<usize>> {
        if values.len() == 0 {
            return None;
        }
        let mut keyed: Vec<(u64, u32)> = values.flatten().map(|s| (s as u64, 0)).collect();
        sort_pairs(&mut keyed);
        let mut slots: Vec<usize> = keyed.into_iter().map(|(s, _)| s as usize).collect();
        slots.dedup();
        Some(slots)
    }

    fn union(slots: &Option<Vec<usize>>, of: &[RoaringBitmap]) -> Option<RoaringBitmap> {
        slots.as_ref().map(|slots| {
            slots
                .iter()
                .filter_map(|&s| of.get(s))
                .fold(RoaringBitmap::new(), |acc, set| acc | set)
        })
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
                it.fold(first, |acc, s| {
                    s.map_or_else(RoaringBitmap::new, |s| acc & s)
                })
            }
        })
    }

    /// Answers a selection: matches, crossfilter counts for every facet, and the top `top_n` map.
    pub fn query(&self, cols: &Columns, sel: &Selection, top_n: usize) -> QueryResult {
        let year_slots = Index::slots(sel.years.iter().map(|y| self.year_slot(*y)));
        let outlet_slots = Index::slots(sel.outlets.iter().map(|o| Some(self.outlet_slot(*o))));
        let actors = self.actor_filter(sel);
        let years = Index::union(&year_slots, &self.year_sets);
        let outlets = Index::union(&outlet_slots, &self.outlet_sets);
        let and = |x: &Option<RoaringBitmap>, y: &Option<RoaringBitmap>| match (x, y) {
            (None, None) => None,
            (Some(s), None) | (None, Some(s)) => Some(s.clone()),
            (Some(s), Some(t)) => Some(s & t),
        };
        // Each facet counts under the other facets' selections (`None`: the whole corpus).
        let base_actors = and(&years, &outlets);
        let base_years = and(&actors, &outlets);
        let base_outlets = and(&actors, &years);
        let matches = and(&base_actors, &actors).unwrap_or_else(|| self.all.clone());

        let year_counts = Index::slot_counts(base_years.as_ref(), &self.year_sets, &self.year_of);
        let outlet_counts =
            Index::slot_counts(base_outlets.as_ref(), &self.outlet_sets, &self.outlet_of);
        let actor_counts = match (&year_slots, &outlet_slots) {
            (None, None) => self.actor_total.clone(),
            (Some(slots), None) if !self.actor_by_year.is_empty() => {
                self.table_sum(&self.actor_by_year, slots)
            }
            (None, Some(slots)) if !self.actor_by_outlet.is_empty() => {
                self.table_sum(&self.actor_by_outlet, slots)
            }
            _ => self.walk_actors(
                cols,
                base_actors.iter().flatten(),
                1,
                vec![0; self.actor_total.len()],
            ),
        };
        // The map counts actors in the matches: the facet counts when no actor is selected,
        // else a walk of the matches or of the rest of the base, whichever is smaller.
        let named = match &actors {
            None => actor_counts.clone(),
            Some(_) => {
                let base_len = base_actors
                    .as_ref()
                    .map_or(u64::from(self.len), |b| b.len());
                if matches.len() * 2 <= base_len {
                    self.walk_actors(cols, matches.iter(), 1, vec![0; self.actor_total.len()])
                } else {
                    let rest = match &base_actors {
                        Some(b) => b - &matches,
                        None => &self.all - &matches,
                    };
                    self.walk_actors(cols, rest.iter(), -1, actor_counts.clone())
                }
            }
        };
        let nodes = top_nodes(&named, top_n);
        let edges = self.edges(cols, &nodes, &matches, base_actors.is_none());
        QueryResult {
            matches,
            actor_counts,
            year_counts,
            outlet_counts,
            nodes,
            edges,
        }
    }

    /// Counts per slot of a facet within `base` (`None`: everywhere): by walking `base` when it
    /// is small, else by intersecting it with each slot's set.
    fn slot_counts(
        base: Option<&RoaringBitmap>,
        sets: &[RoaringBitmap],
        slot_of: &[u32],
    ) -> Vec<u32> {
        match base {
            None => sets.iter().map(|s| s.len() as u32).collect(),
            Some(base) if base.len() <= 1024 * sets.len() as u64 => {
                let mut counts = vec![0u32; sets.len()];
                for i in base {
                    if let Some(c) = slot_of
                        .get(i as usize)
                        .and_then(|&s| counts.get_mut(s as usize))
                    {
                        *c += 1;
                    }
                }
                counts
            }
            Some(base) => sets
                .iter()
                .map(|s| s.intersection_len(base) as u32)
                .collect(),
        }
    }

    /// The sum of some rows of a slots × actors table.
    fn table_sum(&self, table: &[u32], slots: &[usize]) -> Vec<u32> {
        let width = self.actor_total.len();
        let mut out = vec![0u32; width];
        for &slot in slots {
            if let Some(row) = table.get(slot * width..(slot + 1) * width) {
                for (o, r) in out.iter_mut().zip(row) {
                    *o += r;
                }
            }
        }
        out
    }

    /// `counts` with each actor of the walked articles added (`sign` 1) or taken away (-1).
    fn walk_actors(
        &self,
        cols: &Columns,
        articles: impl Iterator<Item = u32>,
        sign: i32,
        mut counts: Vec<u32>,
    ) -> Vec<u32> {
        for i in articles {
            for &a in cols.actors(i as usize) {
                if let Some(c) = counts.get_mut(a as usize) {
                    *c = c.wrapping_add_signed(sign);
                }
            }
        }
        counts
    }

    /// Edges among `nodes` over the matches (copies left out), strongest first. With no year or
    /// outlet selection (`whole_base`) and most of the corpus matching, the corpus's edges less
    /// those of the articles that do not match.
    fn edges(
        &self,
        cols: &Columns,
        nodes: &[Node],
        matches: &RoaringBitmap,
        whole_base: bool,
    ) -> Vec<Edge> {
        let n = nodes.len();
        // Slot `n` collects every pair with an actor off the map and is never read: the walk
        // adds without a branch (whether a pair is on the map is a coin toss the CPU cannot
        // predict, and mispredictions were most of the walk's time).
        let m = n + 1;
        let mut slot = vec![n as u32; self.actor_total.len()];
        for (s, node) in nodes.iter().enumerate() {
            if let Some(x) = slot.get_mut(node.actor as usize) {
                *x = s as u32;
            }
        }
        let mut sums = vec![[0u32; 4]; m * m];
        let rest = u64::from(self.len) - matches.len();
        if whole_base && rest < matches.len() {
            for (sa, node) in nodes.iter().enumerate() {
                let a = node.actor as usize;
                let Some(row) = self.pair_row.get(a..a + 2) else {
                    continue;
                };
                for k in row[0] as usize..row[1] as usize {
                    let sb = slot[self.pair_partner[k] as usize] as usize;
                    sums[sa * m + sb] = self.pair_sums[k];
                }
            }
            if rest > 0 {
                walk_pairs::<false>(cols, &slot, m, &mut sums, (&self.all - matches).iter());
            }
        } else {
            walk_pairs::<true>(cols, &slot, m, &mut sums, matches.iter());
        }
        let mut edges: Vec<Edge> = Vec::new();
        for (sa, row) in sums.chunks_exact(m).take(n).enumerate() {
            for (sb, e) in row[..n].iter().enumerate() {
                if e[0] == 0 {
                    continue;
                }
                let (x, y) = (nodes[sa].actor, nodes[sb].actor);
                edges.push(Edge {
                    a: x.min(y),
                    b: x.max(y),
                    articles: e[0],
                    tone: ToneCounts {
                        cooperation: e[1],
                        conflict: e[2],
                        neutral: e[3],
                    },
                });
            }
        }
        sort_by(&mut edges, |x, y| {
            y.articles
                .cmp(&x.articles)
                .then(y.tone.total().cmp(&x.tone.total()))
                .then((x.a, x.b).cmp(&(y.a, y.b)))
        });
        edges
    }
    /// Matching articles that relate actors `a` and `b`, in article order.
    pub fn pair_articles(
        &self,
        cols: &Columns,
        matches: &RoaringBitmap,
        a: u32,
        b: u32,
    ) -> Vec<u32> {
        let (a, b) = (a.min(b), a.max(b));
        let both = match (
            self.actor_sets.get(a as usize),
            self.actor_sets.get(b as usize),
        ) {
            (Some(x), Some(y)) => x & y & matches,
            _ => return Vec::new(),
        };
        both.iter()
            .filter(|&i| cols.duplicate_of[i as usize] == NONE)
            .filter(|&i| {
                cols.pairs(i as usize)
                    .any(|p| cols.pair_a[p] == a && cols.pair_b[p] == b)
            })
            .collect()
    }
}

/// Adds (`ADD`) or takes away the edges of the walked articles, copies left out, to `sums`, an
/// `m` × `m` matrix over the map's slots (`slot`: actor → slot; slot `m - 1` is off the map).
fn walk_pairs<const ADD: bool>(
    cols: &Columns,
    slot: &[u32],
    m: usize,
    sums: &mut [EdgeSums],
    articles: impl Iterator<Item = u32>,
) {
    let off = (m - 1) as u32;
    for i in articles {
        let i = i as usize;
        if cols.duplicate_of[i] != NONE {
            continue;
        }
        let r = cols.pairs(i);
        let pairs = cols.pair_a[r.clone()]
            .iter()
            .zip(&cols.pair_b[r.clone()])
            .zip(&cols.pair_tone[r]);
        for ((&a, &b), &[co, cf, ne]) in pairs {
            let sa = slot.get(a as usize).copied().unwrap_or(off) as usize;
            let sb = slot.get(b as usize).copied().unwrap_or(off) as usize;
            if let Some(e) = sums.get_mut(sa * m + sb) {
                let d = [1, u32::from(co), u32::from(cf), u32::from(ne)];
                for (x, d) in e.iter_mut().zip(d) {
                    *x = if ADD {
                        x.wrapping_add(d)
                    } else {
                        x.wrapping_sub(d)
                    };
                }
            }
        }
    }
}

/// Articles per call of a block function.
const BLOCK: usize = 2048;

/// `0..n` in blocks of `BLOCK`. Start-up passes over every article run block by block through
/// functions that are never inlined: the browser runs a wasm function in its baseline code
/// until an optimised version is compiled in the background, and only the function's next call
/// uses it, so one long loop would run its whole length in baseline code (the first decode of
/// 100,000 articles took 3–4× as long as a second one before this).
fn blocks(n: usize) -> impl Iterator<Item = std::ops::Range<usize>> {
    (0..n).step_by(BLOCK).map(move |s| s..(s + BLOCK).min(n))
}

/// Adds the actors of a block of articles to the totals and, when kept, the per-slot tables.
#[inline(never)]
fn count_block(
    cols: &Columns,
    block: std::ops::Range<usize>,
    (year_of, outlet_of): (&[u32], &[u32]),
    total: &mut [u32],
    (by_year, by_outlet): (&mut [u32], &mut [u32]),
) {
    let actors = total.len();
    let tables = !by_year.is_empty();
    for i in block {
        let (y, o) = (year_of[i] as usize * actors, outlet_of[i] as usize * actors);
        for &a in cols.actors(i) {
            let a = a as usize;
            total[a] += 1;
            if tables {
                by_year[y + a] += 1;
                by_outlet[o + a] += 1;
            }
        }
    }
}

/// Files a block of articles under each of their actors (`fill`: next free place per actor).
#[inline(never)]
fn transpose_block(
    cols: &Columns,
    block: std::ops::Range<usize>,
    fill: &mut [usize],
    by_actor: &mut [u32],
) {
    for i in block {
        for &a in cols.actors(i) {
            let at = &mut fill[a as usize];
            by_actor[*at] = i as u32;
            *at += 1;
        }
    }
}

/// The `top_n` actors with the most articles (ties: lower index first), most first.
fn top_nodes(counts: &[u32], top_n: usize) -> Vec<Node> {
    // Most articles first, then the lower index: one key, so the shared sort orders them.
    let mut keyed: Vec<(u64, u32)> = counts
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(a, c)| ((u64::from(u32::MAX - *c) << 32) | a as u64, *c))
        .collect();
    sort_pairs(&mut keyed);
    keyed
        .into_iter()
        .take(top_n)
        .map(|(key, articles)| Node {
            actor: key as u32,
            articles,
        })
        .collect()
}

/// Sorts (key, id) pairs, smallest key first. The one compiled sort by key that the index, the
/// layout and the page share: each `sort_by` with a closure of its own is a copy of the standard
/// library's sort, several KB of wasm apiece.
#[inline(never)]
pub fn sort_pairs(pairs: &mut [(u64, u32)]) {
    pairs.sort_unstable();
}

/// Sorts ids stably by a comparison: the one compiled comparison sort the index and the page share.
#[inline(never)]
pub fn sort_ids_by(ids: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> std::cmp::Ordering) {
    ids.sort_by(|&a, &b| cmp(a, b));
}

/// Sorts `items` stably by `cmp` through [`sort_ids_by`] (an order of positions, then the items
/// moved into it), so that no list compiles a sort of its own.
pub fn sort_by<T>(items: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    sort_ids_by(&mut order, &mut |a, b| {
        cmp(&items[a as usize], &items[b as usize])
    });
    let mut old: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.iter().filter_map(|&i| old[i as usize].take()));
}

/// The corpus's edges as rows by lower actor (the bundle keeps them in that order).
fn edge_rows(part: &IndexPart, actors: usize) -> (Vec<u32>, Vec<u32>, Vec<EdgeSums>) {
    let e = &part.edges;
    let mut start = vec![0u32; actors + 1];
    for &a in &e.a {
        if let Some(s) = start.get_mut(a as usize + 1) {
            *s += 1;
        }
    }
    for k in 0..actors {
        start[k + 1] += start[k];
    }
    (start, e.b.clone(), e.sums.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{ActorInfo, BuildInfo, CorpusEdges, OutletInfo};
    use crate::model::{ActorKind, Status};
    use std::collections::HashMap;

    /// Four articles: 0 (2019, outlet 0, actors 0 1), 1 (2019, outlet 1, actors 0 2),
    /// 2 (undated, no outlet, actors 1 2), 3 (2023, outlet 0, actors 0 1 2; copy of 0).
    fn part() -> IndexPart {
        let actor = |id: &str| ActorInfo {
            id: id.into(),
            name: id.into(),
            kind: ActorKind::Person,
            known: true,
        };
        let outlet = |id: &str| OutletInfo {
            id: id.into(),
            name: id.into(),
        };
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
            edges: CorpusEdges::of(&columns),
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
        let all = Selection {
            actors: vec![0, 2],
            ..Default::default()
        };
        assert_eq!(
            idx.query(&p.columns, &all, 30)
                .matches
                .iter()
                .collect::<Vec<_>>(),
            vec![1, 3]
        );
        let any = Selection {
            actors: vec![0, 2],
            mode: ActorMode::Any,
            ..Default::default()
        };
        assert_eq!(idx.query(&p.columns, &any, 30).matches.len(), 4);
    }

    #[test]
    fn each_facet_counts_under_the_others() {
        let p = part();
        let idx = Index::build(&p);
        let sel = Selection {
            years: vec![Some(2019)],
            outlets: vec![Some(0)],
            ..Default::default()
        };
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
        let sel = Selection {
            years: vec![None],
            outlets: vec![None],
            ..Default::default()
        };
        assert_eq!(
            idx.query(&p.columns, &sel, 30)
                .matches
                .iter()
                .collect::<Vec<_>>(),
            vec![2]
        );
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
        assert!(
            r2.edges
                .iter()
                .all(|e| r2.nodes.iter().any(|n| n.actor == e.a)
                    && r2.nodes.iter().any(|n| n.actor == e.b))
        );
        let matches = r.matches.clone();
        assert_eq!(idx.pair_articles(&p.columns, &matches, 1, 0), vec![0]);
    }

    /// A small generator (xorshift) so the random corpora are the same on every run.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
    }

    /// A corpus with skewed actor frequencies, undated and outlet-less articles, copies, tones
    /// of all sizes, and pairs naming an actor missing from the article's list.
    pub(crate) fn random_part(seed: u64, n: usize, actors: u32) -> IndexPart {
        let mut rng = Rng(seed | 1);
        let mut c = Columns {
            actor_start: vec![0],
            pair_start: vec![0],
            ..Columns::default()
        };
        for i in 0..n {
            c.source.push(format!("page_{i:05}.txt"));
            c.title.push(format!("Title {}", rng.below(1000)));
            c.date.push(if rng.below(10) == 0 {
                0
            } else {
                (2015 + rng.below(6) as u32) * 10_000 + 101
            });
            c.outlet.push(if rng.below(8) == 0 {
                NONE
            } else {
                rng.below(5) as u32
            });
            c.duplicate_of.push(if i > 0 && rng.below(20) == 0 {
                rng.below(i as u64) as u32
            } else {
                NONE
            });
            c.status.push(crate::model::Status::Ok);
            let mut list: Vec<u32> = (0..actors)
                .filter(|&a| rng.below(u64::from(a) + 2) == 0)
                .collect();
            list.dedup();
            c.actor_list.extend(&list);
            c.actor_start.push(c.actor_list.len() as u32);
            let mut pairs = Vec::new();
            for x in 0..list.len() {
                for y in x + 1..list.len() {
                    if rng.below(3) == 0 {
                        pairs.push((list[x], list[y]));
                    }
                }
            }
            if rng.below(50) == 0 {
                pairs.push((actors - 2, actors - 1));
            }
            pairs.sort_unstable();
            pairs.dedup();
            for (a, b) in pairs {
                c.pair_a.push(a);
                c.pair_b.push(b);
                let big = rng.below(30) == 0;
                let t = |r: &mut Rng| r.below(if big { 9 } else { 2 }) as u16;
                c.pair_tone.push([t(&mut rng), t(&mut rng), t(&mut rng)]);
            }
            c.pair_start.push(c.pair_a.len() as u32);
        }
        IndexPart {
            info: BuildInfo::default(),
            actors: (0..actors)
                .map(|a| ActorInfo {
                    id: format!("a{a}"),
                    name: format!("A {a}"),
                    kind: ActorKind::Person,
                    known: true,
                })
                .collect(),
            outlets: (0..5)
                .map(|o| OutletInfo {
                    id: format!("o{o}"),
                    name: format!("O {o}"),
                })
                .collect(),
            edges: CorpusEdges::of(&c),
            columns: c,
        }
    }

    /// The query spelled out article by article: what every shortcut must agree with.
    fn naive(idx: &Index, p: &IndexPart, sel: &Selection, top_n: usize) -> QueryResult {
        let c = &p.columns;
        let year_ok = |i: usize| sel.years.is_empty() || sel.years.contains(&c.year(i));
        let outlet_ok = |i: usize| {
            let o = (c.outlet[i] != NONE).then_some(c.outlet[i]);
            sel.outlets.is_empty() || sel.outlets.contains(&o)
        };
        let actor_ok = |i: usize| {
            let list = c.actors(i);
            sel.actors.is_empty()
                || match sel.mode {
                    ActorMode::All => sel.actors.iter().all(|a| list.contains(a)),
                    ActorMode::Any => sel.actors.iter().any(|a| list.contains(a)),
                }
        };
        let mut r = QueryResult {
            matches: RoaringBitmap::new(),
            actor_counts: vec![0; p.actors.len()],
            year_counts: vec![0; idx.years.len()],
            outlet_counts: vec![0; p.outlets.len() + 1],
            nodes: Vec::new(),
            edges: Vec::new(),
        };
        let mut named = vec![0u32; p.actors.len()];
        let mut edges: HashMap<(u32, u32), Edge> = HashMap::new();
        for i in 0..c.len() {
            let (y, o, a) = (year_ok(i), outlet_ok(i), actor_ok(i));
            if y && o {
                for &x in c.actors(i) {
                    r.actor_counts[x as usize] += 1;
                }
            }
            if a && o {
                r.year_counts[idx.year_slot(c.year(i)).unwrap()] += 1;
            }
            if a && y {
                r.outlet_counts[idx.outlet_slot((c.outlet[i] != NONE).then_some(c.outlet[i]))] += 1;
            }
            if a && y && o {
                r.matches.insert(i as u32);
                for &x in c.actors(i) {
                    named[x as usize] += 1;
                }
            }
        }
        r.nodes = top_nodes(&named, top_n);
        let on: Vec<u32> = r.nodes.iter().map(|n| n.actor).collect();
        for i in &r.matches {
            let i = i as usize;
            if c.duplicate_of[i] != NONE {
                continue;
            }
            for k in c.pairs(i) {
                let (a, b) = (c.pair_a[k], c.pair_b[k]);
                if on.contains(&a) && on.contains(&b) {
                    let e = edges.entry((a, b)).or_insert(Edge {
                        a,
                        b,
                        articles: 0,
                        tone: ToneCounts::default(),
                    });
                    e.articles += 1;
                    e.tone.cooperation += u32::from(c.pair_tone[k][0]);
                    e.tone.conflict += u32::from(c.pair_tone[k][1]);
                    e.tone.neutral += u32::from(c.pair_tone[k][2]);
                }
            }
        }
        r.edges = edges.into_values().collect();
        r.edges.sort_by(|x, y| {
            y.articles
                .cmp(&x.articles)
                .then(y.tone.total().cmp(&x.tone.total()))
                .then((x.a, x.b).cmp(&(y.a, y.b)))
        });
        r
    }

    #[test]
    fn every_shortcut_agrees_with_the_article_by_article_answer() {
        let p = random_part(7, 3000, 24);
        let idx = Index::build(&p);
        let mut rng = Rng(99);
        for round in 0..400 {
            let pick = |rng: &mut Rng, max: u64| rng.below(max);
            let mut sel = Selection {
                mode: if pick(&mut rng, 2) == 0 {
                    ActorMode::All
                } else {
                    ActorMode::Any
                },
                ..Selection::default()
            };
            for _ in 0..pick(&mut rng, 4) {
                // Mostly frequent actors (large match sets), sometimes unknown ones.
                sel.actors.push(pick(&mut rng, 30) as u32 % 26);
            }
            for _ in 0..pick(&mut rng, 3) {
                sel.years.push(match pick(&mut rng, 8) {
                    0 => None,
                    1 => Some(1900),
                    k => Some(2013 + k as i16),
                });
            }
            for _ in 0..pick(&mut rng, 3) {
                sel.outlets.push(match pick(&mut rng, 6) {
                    0 => None,
                    k => Some(k as u32 - 1),
                });
            }
            let top_n = [1, 5, 30][round % 3];
            let got = idx.query(&p.columns, &sel, top_n);
            assert_eq!(got, naive(&idx, &p, &sel, top_n), "{sel:?} top {top_n}");
        }
    }
}
