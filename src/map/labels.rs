//! Where the map writes its names, for the zoom shown: names keep one size on the screen, so
//! the closer the view, the more of them fit. Each goes below, above, right or left of its
//! node where it covers no other name and no other node, else where it covers only their rims,
//! else across its own node (a big node in a knot), in order of priority (the node in focus
//! and its neighbours, then the most-named); the others stay unnamed until there is room.
//! Knows boxes and text widths, not the DOM.

use super::camera::Rect;
use std::fmt::Write as _;

/// The names' font size on the screen, in pixels (the style sheet's `.node-label`).
pub const LABEL_PX: f32 = 13.0;
/// A name's line height on the screen, and where its baseline sits in that line.
const LINE_PX: f32 = 15.0;
const BASELINE_PX: f32 = 11.5;
/// Pixels between a node's edge and its name.
const GAP_PX: f32 = 3.0;
/// Pixels kept free inside the map's edges: a browser's font may reach a few pixels past the
/// line box assumed here (Firefox's did, by two and a bit).
const EDGE_PX: f32 = 4.0;

/// A node as drawn: centre and radius in drawing units (the shapes reach `1.15 × r`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spot {
    pub x: f32,
    pub y: f32,
    pub r: f32,
}

/// Where a node's name goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelPlace {
    Below,
    Above,
    Right,
    Left,
    /// Across the node itself.
    Over,
}

impl LabelPlace {
    fn class(self) -> &'static str {
        match self {
            LabelPlace::Below => "below",
            LabelPlace::Above => "above",
            LabelPlace::Right => "right",
            LabelPlace::Left => "left",
            LabelPlace::Over => "over",
        }
    }
}

/// A placed name: its node, its side, and its anchor and baseline in drawing units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Label {
    pub node: usize,
    pub place: LabelPlace,
    pub x: f32,
    pub y: f32,
}

/// A name's width on the screen, in pixels: wide (CJK, Hangul, kana) characters take a full
/// em, others a little over half of one.
fn text_px(name: &str) -> f32 {
    let ems: f32 = name
        .chars()
        .map(|c| match c as u32 {
            0x1100..=0x11ff
            | 0x2e80..=0xa4cf
            | 0xac00..=0xd7af
            | 0xf900..=0xfaff
            | 0xff00..=0xff60 => 1.0,
            _ if c.is_uppercase() => 0.66,
            _ => 0.53,
        })
        .sum();
    ems * LABEL_PX
}

/// Boxes as (left, top, right, bottom) in drawing units.
type Box = (f32, f32, f32, f32);

fn overlaps(a: Box, b: Box) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn inside(a: Box, frame: &Rect) -> bool {
    a.0 >= frame.x && a.1 >= frame.y && a.2 <= frame.x + frame.w && a.3 <= frame.y + frame.h
}

/// Places the names of `spots` drawn at `k` screen pixels per drawing unit, inside `frame`.
/// `first` come first, in their order, and may cover other nodes (not names); then every other
/// node, most-named (lowest index) first. A node whose name fits nowhere gets no label.
pub fn place_labels(
    spots: &[Spot],
    names: &[&str],
    k: f32,
    first: &[usize],
    frame: &Rect,
) -> Vec<Label> {
    let k = k.max(1e-3);
    let px = |v: f32| v / k;
    let frame = &Rect {
        x: frame.x + px(EDGE_PX),
        y: frame.y + px(EDGE_PX),
        w: (frame.w - 2.0 * px(EDGE_PX)).max(0.0),
        h: (frame.h - 2.0 * px(EDGE_PX)).max(0.0),
    };
    let node_boxes: Vec<Box> = spots
        .iter()
        .map(|s| (s.x - s.r, s.y - s.r, s.x + s.r, s.y + s.r))
        .collect();
    let mut order: Vec<usize> = Vec::with_capacity(spots.len());
    let mut queued = vec![false; spots.len()];
    for &i in first.iter().chain(&(0..spots.len()).collect::<Vec<_>>()) {
        if i < spots.len() && !queued[i] {
            queued[i] = true;
            order.push(i);
        }
    }
    let mut placed: Vec<Box> = Vec::new();
    let mut labels = Vec::new();
    for (rank, &i) in order.iter().enumerate() {
        let Some(name) = names.get(i) else { continue };
        let s = spots[i];
        let reach = 1.15 * s.r + px(GAP_PX);
        let (w, h) = (px(text_px(name)), px(LINE_PX));
        // Centred below or above, beside, then below or above slid a third of the name to one
        // side (still touching the node), each clear of other nodes; then the four sides again
        // over the outer half of other nodes' radii; then across the node itself, over the outer
        // 60 % of others'. (A name over a rim, drawn on its halo, still reads.)
        let slide = w / 3.0;
        let (below, above) = (s.y + reach, s.y - reach - h);
        let (middle, right, left) = (s.y - h / 2.0, s.x + reach, s.x - reach - w);
        let centred = s.x - w / 2.0;
        let candidates = [
            (LabelPlace::Below, (centred, below), 1.0),
            (LabelPlace::Above, (centred, above), 1.0),
            (LabelPlace::Right, (right, middle), 1.0),
            (LabelPlace::Left, (left, middle), 1.0),
            (LabelPlace::Below, (centred + slide, below), 1.0),
            (LabelPlace::Below, (centred - slide, below), 1.0),
            (LabelPlace::Above, (centred + slide, above), 1.0),
            (LabelPlace::Above, (centred - slide, above), 1.0),
            (LabelPlace::Below, (centred, below), 0.5),
            (LabelPlace::Above, (centred, above), 0.5),
            (LabelPlace::Right, (right, middle), 0.5),
            (LabelPlace::Left, (left, middle), 0.5),
            (LabelPlace::Over, (centred, middle), 0.4),
        ];
        // A name in focus (a lit neighbour) may also stand a line further off, or beside its
        // node a line higher or lower: in a hub's crowd every neighbour is named.
        let crowded = [
            (LabelPlace::Below, (centred, below + h), 1.0),
            (LabelPlace::Above, (centred, above - h), 1.0),
            (LabelPlace::Right, (right, middle - h), 1.0),
            (LabelPlace::Right, (right, middle + h), 1.0),
            (LabelPlace::Left, (left, middle - h), 1.0),
            (LabelPlace::Left, (left, middle + h), 1.0),
        ];
        let priority = rank < first.len();
        let extra = if priority { &crowded[..] } else { &[] };
        let spot =
            candidates
                .into_iter()
                .chain(extra.iter().copied())
                .find(|&(_, (left, top), core)| {
                    let b = (left, top, left + w, top + h);
                    inside(b, frame)
                        && !placed.iter().any(|&p| overlaps(b, p))
                        && (priority
                            || !node_boxes.iter().enumerate().any(|(j, n)| {
                                let shrink = (1.0 - core) * spots[j].r;
                                j != i
                                    && overlaps(
                                        b,
                                        (n.0 + shrink, n.1 + shrink, n.2 - shrink, n.3 - shrink),
                                    )
                            }))
                });
        if let Some((place, (left, top), _)) = spot {
            placed.push((left, top, left + w, top + h));
            let x = match place {
                LabelPlace::Below | LabelPlace::Above | LabelPlace::Over => left + w / 2.0,
                LabelPlace::Right => left,
                LabelPlace::Left => left + w,
            };
            labels.push(Label {
                node: i,
                place,
                x,
                y: top + px(BASELINE_PX),
            });
        }
    }
    labels
}

/// The labels' markup: one `<text>` per placed name (escaped), `near` on those of `near` nodes.
pub fn labels_markup(labels: &[Label], names: &[&str], near: &[bool]) -> String {
    let mut out = String::with_capacity(80 * labels.len());
    for l in labels {
        let near = if near.get(l.node).copied().unwrap_or(false) {
            " near"
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<text class="node-label {}{near}" x="{}" y="{}">"#,
            l.place.class(),
            crate::decimal::fixed(l.x, 1),
            crate::decimal::fixed(l.y, 1)
        );
        super::esc(&mut out, names.get(l.node).copied().unwrap_or_default());
        out.push_str("</text>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Rect = Rect {
        x: -60.0,
        y: -25.0,
        w: 920.0,
        h: 550.0,
    };

    fn spot(x: f32, y: f32, r: f32) -> Spot {
        Spot { x, y, r }
    }

    fn boxes_of(labels: &[Label], names: &[&str], k: f32) -> Vec<Box> {
        labels
            .iter()
            .map(|l| {
                let w = text_px(names[l.node]) / k;
                let left = match l.place {
                    LabelPlace::Below | LabelPlace::Above | LabelPlace::Over => l.x - w / 2.0,
                    LabelPlace::Right => l.x,
                    LabelPlace::Left => l.x - w,
                };
                let top = l.y - BASELINE_PX / k;
                (left, top, left + w, top + LINE_PX / k)
            })
            .collect()
    }

    /// A knot: eight nodes a name's width apart, with long names.
    fn knot() -> (Vec<Spot>, Vec<&'static str>) {
        let spots = (0..8)
            .map(|i| {
                spot(
                    400.0 + 30.0 * (i % 3) as f32,
                    250.0 + 25.0 * (i / 3) as f32,
                    8.0,
                )
            })
            .collect();
        let names = vec![
            "Democratic People's Republic",
            "Russian Federation",
            "United Nations Security Council",
            "Vladimir Putin",
            "Kim Jong Un",
            "Moon Jae-in",
            "Korean Central News Agency",
            "Sergei Shoigu",
        ];
        (spots, names)
    }

    #[test]
    fn names_never_overlap_each_other() {
        let (spots, names) = knot();
        for k in [0.4, 1.0, 2.5, 6.0] {
            let labels = place_labels(&spots, &names, k, &[], &FRAME);
            let boxes = boxes_of(&labels, &names, k);
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    assert!(!overlaps(*a, *b), "k {k}: {a:?} and {b:?} overlap");
                }
            }
        }
    }

    #[test]
    fn closer_views_name_more_nodes_and_the_most_named_first() {
        let (spots, names) = knot();
        let named = |k: f32| place_labels(&spots, &names, k, &[], &FRAME);
        let far = named(0.8);
        let near = named(8.0);
        assert!(
            !far.is_empty() && far[0].node == 0,
            "the most-named node is named first"
        );
        assert!(
            far.len() < spots.len(),
            "a knot seen from afar cannot name everyone"
        );
        assert_eq!(
            near.len(),
            spots.len(),
            "close enough, every node has its name"
        );
    }

    #[test]
    fn a_name_goes_to_another_side_before_it_is_left_out() {
        // Two nodes side by side: the second's name below would cover the first's.
        let spots = [spot(400.0, 200.0, 10.0), spot(430.0, 200.0, 10.0)];
        let names = ["United Nations", "Russia"];
        let labels = place_labels(&spots, &names, 1.0, &[], &FRAME);
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[0].place, LabelPlace::Below);
        assert_ne!(labels[1].place, LabelPlace::Below);
    }

    #[test]
    fn names_do_not_cover_other_nodes_unless_in_focus() {
        // A node right under a big one: the big one's name cannot go below, nor above (the
        // frame's top), so it goes to a side.
        let spots = [spot(400.0, -5.0, 12.0), spot(400.0, 24.0, 6.0)];
        let names = ["North Korea", "Kim"];
        let labels = place_labels(&spots, &names, 1.0, &[], &FRAME);
        let big = labels
            .iter()
            .find(|l| l.node == 0)
            .expect("the big node is named");
        assert!(
            matches!(big.place, LabelPlace::Right | LabelPlace::Left),
            "{big:?}"
        );
    }

    #[test]
    fn a_name_slides_sideways_below_before_going_over_its_node() {
        // At the frame's top (nothing above), with nodes on both sides and one below-left.
        let spots = [
            spot(400.0, -5.0, 12.0),
            spot(440.0, -5.0, 6.0),
            spot(360.0, -5.0, 6.0),
            spot(370.0, 30.0, 6.0),
        ];
        let names = ["Vladimir Putin", "a", "b", "c"];
        let labels = place_labels(&spots, &names, 1.0, &[], &FRAME);
        let big = labels.iter().find(|l| l.node == 0).expect("named");
        assert_eq!(big.place, LabelPlace::Below);
        assert!(
            big.x > 400.0,
            "slid right, away from the node below-left: {big:?}"
        );
        let boxes = boxes_of(&labels, &names, 1.0);
        assert!(boxes[0].0 < 400.0, "still under its node");
    }

    #[test]
    fn a_name_may_touch_a_neighbours_rim_before_going_over_its_own_node() {
        // At the frame's top, nodes on both sides, and one just below whose rim the name grazes.
        let spots = [
            spot(400.0, -5.0, 12.0),
            spot(440.0, -5.0, 6.0),
            spot(360.0, -5.0, 6.0),
            spot(400.0, 30.0, 6.0),
        ];
        let names = ["Vladimir Putin", "a", "b", "c"];
        let labels = place_labels(&spots, &names, 1.0, &[], &FRAME);
        let big = labels.iter().find(|l| l.node == 0).expect("named");
        assert_eq!((big.place, big.x), (LabelPlace::Below, 400.0));
    }

    #[test]
    fn nodes_in_focus_are_named_first() {
        let (spots, names) = knot();
        let last = 7;
        let focused = place_labels(&spots, &names, 0.8, &[last, 4], &FRAME);
        assert_eq!((focused[0].node, focused[1].node), (last, 4));
    }

    #[test]
    fn a_big_node_boxed_in_by_others_is_named_across_itself() {
        // A big node with a small one on every side, all close.
        let spots = [
            spot(400.0, 250.0, 20.0),
            spot(400.0, 285.0, 6.0),
            spot(400.0, 215.0, 6.0),
            spot(445.0, 250.0, 6.0),
            spot(355.0, 250.0, 6.0),
        ];
        let names = ["North Korea", "a", "b", "c", "d"];
        let labels = place_labels(&spots, &names, 1.0, &[], &FRAME);
        assert_eq!(labels[0].node, 0);
        assert_eq!(labels[0].place, LabelPlace::Over);
    }

    #[test]
    fn names_stay_inside_the_frame() {
        let spots = [spot(850.0, 500.0, 8.0)];
        let labels = place_labels(
            &spots,
            &["A rather long organisation name"],
            1.0,
            &[],
            &FRAME,
        );
        assert_eq!(labels.len(), 1);
        assert_eq!(labels[0].place, LabelPlace::Left);
    }

    #[test]
    fn names_keep_clear_of_the_frames_edge() {
        // Below its node the name would end two pixels above the frame's bottom: too close for
        // fonts that reach past their line box, so it goes above.
        let bottom = FRAME.y + FRAME.h;
        let reach = 1.15 * 8.0 + GAP_PX;
        let spots = [spot(400.0, bottom - 2.0 - LINE_PX - reach, 8.0)];
        let labels = place_labels(&spots, &["Moon Jae-in"], 1.0, &[], &FRAME);
        assert_eq!(labels[0].place, LabelPlace::Above);
    }

    #[test]
    fn labels_markup_escapes_names() {
        let labels = [Label {
            node: 0,
            place: LabelPlace::Below,
            x: 1.0,
            y: 2.0,
        }];
        let html = labels_markup(&labels, &["<b>&\"x\"</b>"], &[true]);
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("class=\"node-label below near\""), "{html}");
    }
}
