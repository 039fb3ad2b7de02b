//! Deterministic force-directed layout of the relationship map (Fruchterman–Reingold with
//! cooling). Same input, same picture: no randomness but a seeded hash. Nodes that were on the
//! previous map start where they were and move little, so the map stays stable as filters change.
//! Positions are in the unit square; the page scales them.

/// A node to place: a stable key (the actor index) and its weight (articles).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutNode {
    pub key: u32,
    pub weight: f32,
    /// Where it was on the previous map, if it was there.
    pub previous: Option<(f32, f32)>,
}

/// Places nodes; `edges` are index pairs into `nodes` with a weight (articles).
///
/// ```
/// use engine::layout::{layout, LayoutNode};
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
    let known = nodes.iter().filter(|x| x.previous.is_some()).count();
    // Mostly known nodes: start cool and cool fast, so no node drifts more than ~0.1 and the
    // picture does not jump; a fresh map gets the full schedule.
    let warm = known * 2 > n;
    let mut temperature = if warm { 0.01 } else { 0.1 };
    let cooling = if warm { 0.9 } else { 0.97 };
    let mut disp = vec![(0.0f32, 0.0f32); n];
    for _ in 0..300 {
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(1e-6);
                let f = k * k / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(a, b, w) in edges {
            if a >= n || b >= n || a == b {
                continue;
            }
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-3);
            let f = d / k * (1.0 + w.max(0.0)).ln().max(0.3);
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        let mut moved = 0.0f32;
        for i in 0..n {
            // A pull to the middle keeps unconnected nodes on the canvas.
            disp[i].0 += (0.5 - pos[i].0) * 0.02 * n as f32 * k;
            disp[i].1 += (0.5 - pos[i].1) * 0.02 * n as f32 * k;
            let len = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1)
                .sqrt()
                .max(1e-9);
            let step = len.min(temperature);
            pos[i].0 = (pos[i].0 + disp[i].0 / len * step).clamp(0.08, 0.92);
            pos[i].1 = (pos[i].1 + disp[i].1 / len * step).clamp(0.05, 0.9);
            moved = moved.max(step);
        }
        temperature *= cooling;
        if moved < 5e-4 {
            break;
        }
    }
    pos
}

fn start_positions(
    nodes: &[LayoutNode],
    edges: &[(usize, usize, f32)],
    seed: u64,
) -> Vec<(f32, f32)> {
    let mut pos: Vec<Option<(f32, f32)>> = nodes.iter().map(|n| n.previous).collect();
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
        let neighbour = edges.iter().find_map(|&(a, b, _)| match (a == i, b == i) {
            (true, _) => nodes.get(b).and_then(|x| x.previous),
            (_, true) => nodes.get(a).and_then(|x| x.previous),
            _ => None,
        });
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

    #[test]
    fn no_nodes_no_positions() {
        assert!(layout(&[], &[], 0).is_empty());
    }
}
