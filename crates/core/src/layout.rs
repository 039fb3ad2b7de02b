//! Deterministic force-directed layout of the relationship map (Fruchterman–Reingold with
//! cooling). Same input, same picture: no randomness but a seeded hash. Nodes that were on the
//! previous map start where they were and move little, so the map stays stable as filters change.
//! Positions are in the unit square; the page scales them.
//!
//! Repulsion is exact for small maps; above `EXACT_NODES` nodes it is approximated Barnes–Hut
//! style (a quadtree; a far cell pushes as one body at its centre of mass), which is what keeps a
//! 300-actor map within a frame budget. The tree is built in node order, so it is deterministic.

/// Up to this many nodes, every pair repels exactly.
pub const EXACT_NODES: usize = 80;
/// Springs kept per node on a map larger than `EXACT_NODES` (the strongest edges).
const SPRINGS_PER_NODE: usize = 8;
/// Pull towards the middle per unit of distance on a 30-node map (it grows with the springs,
/// as `sqrt(n)`). Total repulsion on a node at distance `r` from the rest is about `1 / r`
/// (`n · k²` is 1), so an unconnected node settles at about `1 / sqrt(GRAVITY)` ≈ 0.58 from
/// the middle, near the connected ones rather than far out on its own.
const GRAVITY: f32 = 3.0;
/// Barnes–Hut opening angle: a cell this small relative to its distance acts as one body.
const THETA: f32 = 0.9;

/// A node to place: a stable key (the actor index) and its weight (articles).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutNode {
    pub key: u32,
    pub weight: f32,
    /// Where it was on the previous map, if it was there.
    pub previous: Option<(f32, f32)>,
}

/// The layout input for a query's map: its nodes weighted by articles (where each was before,
/// from `previous`), and its edges as pairs of node slots weighted by articles.
pub fn graph_of(
    r: &crate::index::QueryResult,
    previous: impl Fn(u32) -> Option<(f32, f32)>,
) -> (Vec<LayoutNode>, Vec<(usize, usize, f32)>) {
    let nodes: Vec<LayoutNode> = r
        .nodes
        .iter()
        .map(|n| LayoutNode {
            key: n.actor,
            weight: n.articles as f32,
            previous: previous(n.actor),
        })
        .collect();
    let slot: std::collections::HashMap<u32, usize> = r
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.actor, i))
        .collect();
    let edges = r
        .edges
        .iter()
        .filter_map(|e| Some((*slot.get(&e.a)?, *slot.get(&e.b)?, e.articles as f32)))
        .collect();
    (nodes, edges)
}

/// Places nodes; `edges` are index pairs into `nodes` with a weight (articles).
///
/// ```
/// use coverage_core::layout::{layout, LayoutNode};
/// let nodes: Vec<LayoutNode> = (0..3).map(|k| LayoutNode { key: k, weight: 1.0, previous: None }).collect();
/// let a = layout(&nodes, &[(0, 1, 1.0), (1, 2, 1.0)], 7);
/// assert_eq!(a, layout(&nodes, &[(0, 1, 1.0), (1, 2, 1.0)], 7));
/// assert!(a.iter().all(|&(x, y)| (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y)));
/// ```
pub fn layout(nodes: &[LayoutNode], edges: &[(usize, usize, f32)], seed: u64) -> Vec<(f32, f32)> {
    let n = nodes.len();
    if n == 0 {
        return Vec::new();
    }
    let mut pos: Vec<(f32, f32)> = start_positions(nodes, edges, seed);
    if n == 1 {
        return vec![nodes[0].previous.unwrap_or((0.5, 0.5))];
    }
    let k = (1.0 / n as f32).sqrt();
    let k2 = k * k;
    let known = nodes.iter().filter(|x| x.previous.is_some()).count();
    // Mostly known nodes: start cool and cool fast, so no node drifts more than ~0.1 and the
    // picture does not jump; a fresh map gets the full schedule (a little shorter for a big map,
    // whose many small steps settle it sooner).
    let warm = known * 2 > n;
    let mut temperature = if warm { 0.01 } else { 0.1 };
    let cooling = if warm || n > EXACT_NODES { 0.9 } else { 0.97 };
    // Each edge's pull grows with the log of its weight; computed once. A big map keeps only
    // its strongest edges as springs (a few per node): the weak ones barely move it, and a dense
    // map has tens of thousands of them.
    let mut springs: Vec<(usize, usize, f32)> = edges
        .iter()
        .filter(|&&(a, b, _)| a < n && b < n && a != b)
        .map(|&(a, b, w)| (a, b, (1.0 + w.max(0.0)).ln()))
        .collect();
    if n > EXACT_NODES && springs.len() > SPRINGS_PER_NODE * n {
        // Strongest first, ties in edge order: by (key, position) through the shared sort.
        let mut keyed: Vec<(u64, u32)> = springs
            .iter()
            .enumerate()
            .map(|(i, s)| (u64::from(u32::MAX - total_order(s.2)), i as u32))
            .collect();
        crate::index::sort_pairs(&mut keyed);
        springs = keyed
            .iter()
            .take(SPRINGS_PER_NODE * n)
            .map(|&(_, i)| springs[i as usize])
            .collect();
    }
    // Spring strengths relative to the strongest (0.3 to 1), so that the counts of a big corpus
    // (thousands of articles per pair) pull no harder than those of five pages; and a dense
    // map (every pair of 30 frequent actors linked) as if each node had about four springs,
    // or its springs outweigh repulsion and the map collapses into a knot.
    let strongest = springs.iter().map(|s| s.2).fold(0.0f32, f32::max).max(1e-6);
    let degree = 2.0 * springs.len() as f32 / n as f32;
    let density = (4.0 / degree.max(1e-6)).min(1.0);
    for s in &mut springs {
        s.2 = (0.3 + 0.7 * s.2 / strongest) * density / k;
    }
    let mut disp = vec![(0.0f32, 0.0f32); n];
    let mut tree = QuadTree::default();
    for _ in 0..300 {
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        if n <= EXACT_NODES {
            for i in 0..n {
                for j in i + 1..n {
                    let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                    let d2 = (dx * dx + dy * dy).max(1e-6);
                    let f = k2 / d2;
                    disp[i].0 += dx * f;
                    disp[i].1 += dy * f;
                    disp[j].0 -= dx * f;
                    disp[j].1 -= dy * f;
                }
            }
        } else {
            tree.build(&pos);
            for (i, d) in disp.iter_mut().enumerate() {
                let (fx, fy) = tree.push(i, pos[i], k2);
                d.0 += fx;
                d.1 += fy;
            }
        }
        for &(a, b, pull) in &springs {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-3);
            let f = d * pull;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        let mut moved = 0.0f32;
        // Springs pull in proportion to 1 / k = sqrt(n); gravity keeps the same balance.
        let centre = GRAVITY * (n as f32 / 30.0).sqrt();
        for i in 0..n {
            // A pull to the middle keeps unconnected nodes near the others.
            disp[i].0 += (0.5 - pos[i].0) * centre;
            disp[i].1 += (0.5 - pos[i].1) * centre;
            let len = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1)
                .sqrt()
                .max(1e-9);
            let step = len.min(temperature);
            // Free to leave the box (nodes pinned to its edges would line up along them);
            // `fit` brings the picture back. The bound only stops a runaway.
            pos[i].0 = (pos[i].0 + disp[i].0 / len * step).clamp(-1.0, 2.0);
            pos[i].1 = (pos[i].1 + disp[i].1 / len * step).clamp(-1.0, 2.0);
            moved = moved.max(step);
        }
        temperature *= cooling;
        if moved < 5e-4 {
            break;
        }
    }
    fit(&mut pos);
    pos
}

/// Pushes apart nodes that overlap once drawn: `radius` per node in pixels, the unit square
/// drawn `width` × `height` pixels, `gap` pixels kept between neighbours. A few rounds of
/// pairwise nudges (each pair moves apart by its overlap, half each), then back into the box;
/// deterministic like the layout. Forces place nodes by their centres only, so the biggest
/// nodes in the busiest part of a map otherwise hide each other and their labels.
pub fn separate(pos: &mut [(f32, f32)], radius: &[f32], (width, height): (f32, f32), gap: f32) {
    let n = pos.len().min(radius.len());
    for _ in 0..SEPARATION_ROUNDS {
        let mut moved = false;
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (
                    (pos[j].0 - pos[i].0) * width,
                    (pos[j].1 - pos[i].1) * height,
                );
                let want = radius[i] + radius[j] + gap;
                let d2 = dx * dx + dy * dy;
                if d2 >= want * want {
                    continue;
                }
                let d = d2.sqrt();
                // Coincident nodes part along a direction fixed by their indices.
                let (ux, uy) = if d > 1e-3 {
                    (dx / d, dy / d)
                } else {
                    let angle = (i * 31 + j * 17) as f32;
                    (angle.cos(), angle.sin())
                };
                let push = (want - d) / 2.0;
                pos[i].0 -= ux * push / width;
                pos[i].1 -= uy * push / height;
                pos[j].0 += ux * push / width;
                pos[j].1 += uy * push / height;
                moved = true;
            }
        }
        for p in pos.iter_mut() {
            p.0 = p.0.clamp(BOX.0.0, BOX.0.1);
            p.1 = p.1.clamp(BOX.1.0, BOX.1.1);
        }
        if !moved {
            break;
        }
    }
}

/// Rounds of `separate`: enough for a crowded 300-node map to come apart.
const SEPARATION_ROUNDS: usize = 50;

/// The box positions are kept in (the page adds margins for labels beyond it).
const BOX: ((f32, f32), (f32, f32)) = ((0.08, 0.92), (0.05, 0.9));

/// Stretches the positions to fill `BOX` on each axis (at most 4× at once), so a map uses the
/// canvas whatever the balance of its forces; a warm-started map that already fills it moves
/// little.
fn fit(pos: &mut [(f32, f32)]) {
    if pos.len() < 2 {
        return;
    }
    let axis = |get: fn(&(f32, f32)) -> f32, (lo, hi): (f32, f32), pos: &[(f32, f32)]| {
        let min = pos.iter().map(get).fold(f32::MAX, f32::min);
        let max = pos.iter().map(get).fold(f32::MIN, f32::max);
        let extent = max - min;
        if extent < 1e-4 {
            return (1.0, (lo + hi) / 2.0 - min);
        }
        let scale = ((hi - lo) / extent).min(4.0);
        // Centre the stretched extent in the box.
        let offset = (lo + hi) / 2.0 - (min + max) / 2.0 * scale;
        (scale, offset)
    };
    let (sx, ox) = axis(|p| p.0, BOX.0, pos);
    let (sy, oy) = axis(|p| p.1, BOX.1, pos);
    for p in pos.iter_mut() {
        p.0 = (p.0 * sx + ox).clamp(BOX.0.0, BOX.0.1);
        p.1 = (p.1 * sy + oy).clamp(BOX.1.0, BOX.1.1);
    }
}

/// No body in a cell (an inner cell, an empty one, or a crowded deepest leaf).
const NO_BODY: u32 = u32::MAX;
/// Deeper than this, bodies share a cell (coincident points would split it forever).
const MAX_DEPTH: u32 = 24;

/// A square of the quadtree.
#[derive(Debug, Clone, Copy)]
struct Cell {
    x: f32,
    y: f32,
    size: f32,
    /// Bodies in the cell, and the sum (after `QuadTree::build`, the mean) of their positions.
    mass: f32,
    mx: f32,
    my: f32,
    body: u32,
    /// First of the four children, allocated together; 0 for a leaf (the root is no child).
    first: u32,
}

/// A Barnes–Hut quadtree over the positions, rebuilt each step into the same buffers.
#[derive(Debug, Default)]
struct QuadTree {
    cells: Vec<Cell>,
    parent: Vec<u32>,
    stack: Vec<u32>,
}

impl QuadTree {
    fn add(&mut self, x: f32, y: f32, size: f32, parent: u32) {
        self.cells.push(Cell {
            x,
            y,
            size,
            mass: 0.0,
            mx: 0.0,
            my: 0.0,
            body: NO_BODY,
            first: 0,
        });
        self.parent.push(parent);
    }

    fn build(&mut self, pos: &[(f32, f32)]) {
        self.cells.clear();
        self.parent.clear();
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for &(x, y) in pos {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        let size = (x1 - x0).max(y1 - y0).max(1e-6) * 1.0001;
        self.add(x0, y0, size, 0);
        for (i, &p) in pos.iter().enumerate() {
            self.insert(i as u32, p, pos);
        }
        // Leaves hold their bodies' sums; add them up the tree (children come after parents),
        // then turn sums into centres of mass.
        for c in (1..self.cells.len()).rev() {
            let (mass, mx, my) = (self.cells[c].mass, self.cells[c].mx, self.cells[c].my);
            let p = &mut self.cells[self.parent[c] as usize];
            p.mass += mass;
            p.mx += mx;
            p.my += my;
        }
        for c in &mut self.cells {
            if c.mass > 0.0 {
                c.mx /= c.mass;
                c.my /= c.mass;
            }
        }
    }

    fn quadrant(c: &Cell, (x, y): (f32, f32)) -> u32 {
        let half = c.size / 2.0;
        u32::from(x >= c.x + half) + 2 * u32::from(y >= c.y + half)
    }

    /// Puts a body in its leaf; only leaves hold mass until `build` sums it up.
    fn insert(&mut self, body: u32, p: (f32, f32), pos: &[(f32, f32)]) {
        let mut at = 0usize;
        let mut depth = 0;
        loop {
            let c = self.cells[at];
            if c.first != 0 {
                at = (c.first + QuadTree::quadrant(&c, p)) as usize;
                depth += 1;
                continue;
            }
            if c.mass > 0.0 && depth < MAX_DEPTH {
                // An occupied leaf: split it, move its body down, and go on down.
                let old = c.body;
                let old_p = pos[old as usize];
                let first = self.cells.len() as u32;
                let half = c.size / 2.0;
                for q in 0..4 {
                    let (qx, qy) = ((q % 2) as f32, (q / 2) as f32);
                    self.add(c.x + half * qx, c.y + half * qy, half, at as u32);
                }
                let to = &mut self.cells[(first + QuadTree::quadrant(&c, old_p)) as usize];
                to.body = old;
                to.mass = 1.0;
                to.mx = old_p.0;
                to.my = old_p.1;
                let cell = &mut self.cells[at];
                cell.first = first;
                cell.body = NO_BODY;
                cell.mass = 0.0;
                cell.mx = 0.0;
                cell.my = 0.0;
                continue;
            }
            let cell = &mut self.cells[at];
            // An empty leaf takes the body; a full deepest one adds it to a crowd.
            cell.body = if cell.mass == 0.0 { body } else { NO_BODY };
            cell.mass += 1.0;
            cell.mx += p.0;
            cell.my += p.1;
            return;
        }
    }

    /// The repulsion on body `i` at `p` from every other body.
    fn push(&mut self, i: usize, p: (f32, f32), k2: f32) -> (f32, f32) {
        let (mut fx, mut fy) = (0.0f32, 0.0f32);
        let theta2 = THETA * THETA;
        self.stack.clear();
        self.stack.push(0);
        while let Some(at) = self.stack.pop() {
            let c = self.cells[at as usize];
            if c.body == i as u32 {
                continue;
            }
            let (mut mass, mut mx, mut my) = (c.mass, c.mx, c.my);
            let contains = p.0 >= c.x && p.0 <= c.x + c.size && p.1 >= c.y && p.1 <= c.y + c.size;
            if c.first == 0 && c.body == NO_BODY && contains {
                // A crowded deepest leaf holding this body too: the others, without it.
                if mass <= 1.0 {
                    continue;
                }
                mx = (mx * mass - p.0) / (mass - 1.0);
                my = (my * mass - p.1) / (mass - 1.0);
                mass -= 1.0;
            }
            let (dx, dy) = (p.0 - mx, p.1 - my);
            let d2 = dx * dx + dy * dy;
            if c.first == 0 || (!contains && c.size * c.size < theta2 * d2) {
                let f = mass * k2 / d2.max(1e-6);
                fx += dx * f;
                fy += dy * f;
            } else {
                for child in c.first..c.first + 4 {
                    if self.cells[child as usize].mass > 0.0 {
                        self.stack.push(child);
                    }
                }
            }
        }
        (fx, fy)
    }
}

fn start_positions(
    nodes: &[LayoutNode],
    edges: &[(usize, usize, f32)],
    seed: u64,
) -> Vec<(f32, f32)> {
    let mut pos: Vec<Option<(f32, f32)>> = nodes.iter().map(|n| n.previous).collect();
    let any_known = pos.iter().any(Option::is_some);
    // New nodes start near a neighbour that was already placed, else at a seeded spot.
    for i in 0..nodes.len() {
        if pos[i].is_some() {
            continue;
        }
        let h = splitmix(seed ^ (nodes[i].key as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let jitter = (
            (h & 0xffff) as f32 / 65535.0 - 0.5,
            ((h >> 16) & 0xffff) as f32 / 65535.0 - 0.5,
        );
        let neighbour = if any_known {
            edges.iter().find_map(|&(a, b, _)| match (a == i, b == i) {
                (true, _) => nodes.get(b).and_then(|x| x.previous),
                (_, true) => nodes.get(a).and_then(|x| x.previous),
                _ => None,
            })
        } else {
            None
        };
        pos[i] = Some(match neighbour {
            Some((x, y)) => (x + jitter.0 * 0.1, y + jitter.1 * 0.1),
            None => (0.5 + jitter.0 * 0.8, 0.5 + jitter.1 * 0.8),
        });
    }
    pos.into_iter().map(|p| p.unwrap_or((0.5, 0.5))).collect()
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A float's place in `total_cmp`'s order as an unsigned number.
fn total_order(x: f32) -> u32 {
    let bits = x.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nodes(n: u32) -> Vec<LayoutNode> {
        (0..n)
            .map(|k| LayoutNode {
                key: k,
                weight: 1.0,
                previous: None,
            })
            .collect()
    }

    #[test]
    fn connected_nodes_end_closer_than_unconnected() {
        let ns = nodes(4);
        let p = layout(&ns, &[(0, 1, 5.0), (2, 3, 5.0)], 1);
        let d = |a: usize, b: usize| ((p[a].0 - p[b].0).powi(2) + (p[a].1 - p[b].1).powi(2)).sqrt();
        assert!(d(0, 1) < d(0, 2) && d(2, 3) < d(1, 3), "{p:?}");
    }

    #[test]
    fn known_nodes_stay_near_where_they_were() {
        let first = layout(&nodes(10), &[(0, 1, 1.0), (1, 2, 1.0)], 3);
        let mut again: Vec<LayoutNode> = nodes(11)
            .into_iter()
            .enumerate()
            .map(|(i, mut n)| {
                n.previous = first.get(i).copied();
                n
            })
            .collect();
        again[10].previous = None;
        let second = layout(&again, &[(0, 1, 1.0), (1, 2, 1.0), (10, 0, 1.0)], 3);
        for i in 0..10 {
            let shift =
                ((first[i].0 - second[i].0).powi(2) + (first[i].1 - second[i].1).powi(2)).sqrt();
            assert!(shift < 0.2, "node {i} moved {shift}");
        }
    }

    /// Every pair of 30 actors linked by thousands of articles (a big corpus's map) must not
    /// collapse into a knot: it fills the box and no two nodes sit on top of each other.
    #[test]
    fn a_dense_heavy_map_spreads_out() {
        let ns = nodes(30);
        let mut edges = Vec::new();
        for a in 0..30 {
            for b in a + 1..30 {
                edges.push((a, b, 30_000.0 / (1 + a + b) as f32));
            }
        }
        let p = layout(&ns, &edges, 11);
        let (xs, ys): (Vec<f32>, Vec<f32>) = p.iter().copied().unzip();
        let span = |v: &[f32]| {
            v.iter().copied().fold(f32::MIN, f32::max) - v.iter().copied().fold(f32::MAX, f32::min)
        };
        assert!(span(&xs) > 0.7 && span(&ys) > 0.7, "{p:?}");
        let mut closest = f32::MAX;
        for i in 0..30 {
            for j in i + 1..30 {
                closest =
                    closest.min(((p[i].0 - p[j].0).powi(2) + (p[i].1 - p[j].1).powi(2)).sqrt());
            }
        }
        assert!(closest > 0.03, "two nodes {closest} apart: {p:?}");
    }

    #[test]
    fn separation_leaves_no_overlap_in_a_crowded_middle() {
        // Twelve nodes of radius 20 px piled within a few pixels of the middle of an 800 × 500
        // canvas, two of them on the same spot.
        let mut pos: Vec<(f32, f32)> = (0..11)
            .map(|i| {
                (
                    0.5 + 0.004 * (i as f32).cos(),
                    0.5 + 0.004 * (i as f32).sin(),
                )
            })
            .collect();
        pos.push(pos[3]);
        let radius = vec![20.0; pos.len()];
        separate(&mut pos, &radius, (800.0, 500.0), 4.0);
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let d = (((pos[i].0 - pos[j].0) * 800.0).powi(2)
                    + ((pos[i].1 - pos[j].1) * 500.0).powi(2))
                .sqrt();
                assert!(d >= 40.0, "nodes {i} and {j} are {d} px apart: {pos:?}");
            }
        }
        assert!(pos.iter().all(|&(x, y)| (BOX.0.0..=BOX.0.1).contains(&x) && (BOX.1.0..=BOX.1.1).contains(&y)));
    }

    #[test]
    fn no_nodes_no_positions() {
        assert!(layout(&[], &[], 0).is_empty());
    }
}
