//! The relationship map: the most-named actors of the matching articles as an SVG graph (size by
//! articles, colour and shape by kind; edges by distinct articles, colour and dash by dominant
//! tone), laid out by the engine's deterministic force layout, and the same edges as a table.
//! The drawing is one escaped SVG string per answer; zooming, panning, highlighting and the
//! names' placement at the zoom shown live in `live`, `camera` and `labels`.

pub mod camera;
mod labels;
mod live;

use crate::ctx;
use crate::decimal::fixed;
use crate::state::MAX_MAP_SIZE;
use coverage_core::bundle::ActorInfo;
use coverage_core::index::{Edge, QueryResult};
use coverage_core::layout::{graph_of, layout, separate};
use coverage_core::model::{ActorKind, Tone};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Room around the layout's box for the radius of edge nodes and their labels.
const MARGIN_X: f32 = 60.0;
const MARGIN_Y: f32 = 25.0;
/// Layout seed: the same corpus and filters always give the same picture.
const SEED: u64 = 0x00c0_ffee;

/// Positions by actor index, in the unit square.
#[derive(Clone, PartialEq, Default)]
struct Positions(HashMap<u32, (f32, f32)>);

/// The layout's box in drawing units. Wide (800 × 500) on a wide element; on a squarer or a
/// taller one (a phone, the map enlarged on a phone) the box takes the element's shape, in a
/// few steps, with the same area: the nodes spread over the screen instead of sitting in a
/// wide strip across its middle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub w: f32,
    pub h: f32,
}

impl Frame {
    pub const WIDE: Frame = Frame { w: 800.0, h: 500.0 };

    /// The frame for an element `size` pixels wide and high: its width-to-height ratio rounded
    /// to a power of 1.25, from 0.51 (tall) up to the wide frame.
    pub fn for_size((w, h): (f32, f32)) -> Frame {
        if !(w > 0.0 && h > 0.0) {
            return Frame::WIDE;
        }
        let step = ((w / h).ln() / 1.25f32.ln()).round().clamp(-3.0, 2.0) as i32;
        if step >= 2 {
            return Frame::WIDE;
        }
        let ratio = 1.25f32.powi(step);
        let area = Frame::WIDE.w * Frame::WIDE.h;
        Frame {
            w: (area * ratio).sqrt().round(),
            h: (area / ratio).sqrt().round(),
        }
    }

    /// The whole drawing: the layout's box and the margins around it for edge nodes' radii
    /// and names.
    pub fn drawing(self) -> camera::Rect {
        camera::Rect {
            x: -MARGIN_X,
            y: -MARGIN_Y,
            w: self.w + 2.0 * MARGIN_X,
            h: self.h + 2.0 * MARGIN_Y,
        }
    }
}

fn place(r: &QueryResult, previous: Option<&Positions>, frame: Frame) -> Positions {
    let (nodes, edges) = graph_of(r, |actor| previous.and_then(|p| p.0.get(&actor).copied()));
    let mut pos = layout(&nodes, &edges, SEED);
    let max_articles = r.nodes.first().map_or(1, |n| n.articles).max(1);
    let radii: Vec<f32> = r
        .nodes
        .iter()
        // Squares and diamonds reach a little past the radius.
        .map(|n| 1.15 * radius(n.articles, max_articles))
        .collect();
    separate(&mut pos, &radii, (frame.w, frame.h), NODE_GAP);
    Positions(nodes.iter().map(|n| n.key).zip(pos).collect())
}

/// A node's radius in the view box: by the square root of its articles, so area tracks count.
fn radius(articles: u32, max_articles: u32) -> f32 {
    7.0 + 20.0 * (articles as f32 / max_articles.max(1) as f32).sqrt()
}

/// Pixels kept free between two nodes' shapes (about a label's height, so a label below a node
/// is not hidden by the next one).
const NODE_GAP: f32 = 12.0;

fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Cooperation => "cooperation",
        Tone::Conflict => "conflict",
        Tone::Neutral => "neutral",
    }
}

fn kind_class(kind: ActorKind) -> &'static str {
    kind.as_str()
}

/// The map with its controls; shows the table instead when asked, across the page when
/// enlarged (Escape shrinks it back).
#[component]
pub fn MapPanel() -> impl IntoView {
    let state = ctx().state;
    // A memo: the map (and its layout, warm-started from the previous one) must outlive other
    // state changes.
    let table = Memo::new(move |_| state.with(|s| s.table));
    let large = Memo::new(move |_| state.with(|s| s.large));
    let panel = NodeRef::<leptos::html::Section>::new();
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        use wasm_bindgen::JsCast;
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if ev.key() == "Escape" && !typing && large.get_untracked() {
            state.update(|s| s.large = false);
        }
    });
    on_cleanup(move || escape.remove());
    let toggle_large = move |_| {
        let enlarge = !large.get_untracked();
        state.update(|s| s.large = enlarge);
        if enlarge {
            // The panel moves to the top of the page: bring it into view.
            request_animation_frame(move || {
                if let Some(panel) = panel.try_get_untracked().flatten() {
                    panel.scroll_into_view();
                }
            });
        }
    };
    view! {
        <section class="map-panel" class:large=large aria-label="Relationship map" node_ref=panel>
            <div class="map-controls">
                <h2>"Who relates to whom"</h2>
                <label class="size">
                    "Actors on map "
                    <input
                        id="map-size"
                        type="number"
                        min="2"
                        max=MAX_MAP_SIZE.to_string()
                        prop:value=move || state.with(|s| s.map_size).to_string()
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                                state.update(|s| s.map_size = n.clamp(2, MAX_MAP_SIZE));
                            }
                        }
                    />
                </label>
                <button
                    id="map-table"
                    class="button small"
                    aria-pressed=move || table.get().to_string()
                    on:click=move |_| state.update(|s| s.table = !s.table)
                >
                    {move || if table.get() { "Show map" } else { "Show as table" }}
                </button>
                <button id="map-enlarge" class="button small" on:click=toggle_large>
                    {move || if large.get() { "Shrink map" } else { "Enlarge map" }}
                </button>
            </div>
            <Legend />
            {move || if table.get() { view! { <EdgeTable /> }.into_any() } else { view! { <MapSvg /> }.into_any() }}
        </section>
    }
}

#[component]
fn Legend() -> impl IntoView {
    view! {
        <div class="legend" aria-hidden="true">
            <span class="key"><svg width="14" height="14"><circle cx="7" cy="7" r="6" class="node person" /></svg>"person"</span>
            <span class="key"><svg width="14" height="14"><rect x="1" y="1" width="12" height="12" class="node country" /></svg>"country"</span>
            <span class="key"><svg width="14" height="14"><polygon points="7,0 14,7 7,14 0,7" class="node organization" /></svg>"organisation"</span>
            <span class="key"><svg width="30" height="10"><line x1="0" y1="5" x2="30" y2="5" class="edge cooperation" /></svg>"cooperation"</span>
            <span class="key"><svg width="30" height="10"><line x1="0" y1="5" x2="30" y2="5" class="edge conflict" /></svg>"conflict"</span>
            <span class="key"><svg width="30" height="10"><line x1="0" y1="5" x2="30" y2="5" class="edge neutral" /></svg>"neutral"</span>
        </div>
    }
}

/// A node as drawn: its actor, its centre in the view box, its radius and articles.
#[derive(Clone, PartialEq)]
struct NodeView {
    actor: u32,
    articles: u32,
    x: f32,
    y: f32,
    r: f32,
}

/// An edge as drawn: the line's path and width (screen pixels at any zoom), and the counts it
/// stands for.
#[derive(Clone, PartialEq)]
struct EdgeView {
    edge: Edge,
    path: String,
    width: f32,
}

/// What the map draws for one answer, in drawing order.
#[derive(Clone, PartialEq)]
struct Drawing {
    /// Most-named first, so the smaller nodes lie on top and stay clickable.
    nodes: Vec<NodeView>,
    /// The drawn edges, weakest first, so the strongest lie on top.
    edges: Vec<EdgeView>,
    /// Edges among the nodes, drawn or not.
    total_edges: usize,
}

/// The drawing of an answer at positions `p` in `frame`, over an actor table of `actors`
/// entries (an actor outside it is not drawn, so every node and edge drawn has a name and an
/// id).
fn drawing(r: &QueryResult, p: &Positions, frame: Frame, actors: usize) -> Drawing {
    let at = |actor: u32| {
        let (x, y) = p.0.get(&actor).copied().unwrap_or((0.5, 0.5));
        (x * frame.w, y * frame.h)
    };
    let known = |actor: u32| (actor as usize) < actors;
    let max_articles = r.nodes.first().map_or(1, |n| n.articles);
    let max_edge = r.edges.iter().map(|e| e.articles).max().unwrap_or(1).max(1) as f32;
    let nodes = r
        .nodes
        .iter()
        .filter(|n| known(n.actor))
        .map(|n| {
            let (x, y) = at(n.actor);
            NodeView {
                actor: n.actor,
                articles: n.articles,
                x,
                y,
                r: radius(n.articles, max_articles),
            }
        })
        .collect();
    let drawn = &r.edges[..edge_budget(r.nodes.len()).min(r.edges.len())];
    let edges = drawn
        .iter()
        .rev()
        .filter(|e| known(e.a) && known(e.b))
        .map(|e| {
            let ((x1, y1), (x2, y2)) = (at(e.a), at(e.b));
            EdgeView {
                edge: *e,
                path: format!(
                    "M{} {}L{} {}",
                    fixed(x1, 1),
                    fixed(y1, 1),
                    fixed(x2, 1),
                    fixed(y2, 1)
                ),
                width: 1.0 + 4.0 * (e.articles as f32 / max_edge).sqrt(),
            }
        })
        .collect();
    Drawing {
        nodes,
        edges,
        total_edges: r.edges.len(),
    }
}

/// How many edges the map draws for `nodes` nodes: the strongest ones. Every pair of 30 frequent
/// actors is often linked somewhere in a large corpus (435 lines), which is a hairball to read
/// and thousands of elements to redraw on every click; the table lists every edge.
pub fn edge_budget(nodes: usize) -> usize {
    (2 * nodes).max(20)
}

/// What a click or key press on the map landed on.
enum Hit {
    Actor(String),
    Edge(String, String),
}

/// The actor or edge element an event came from, by its data attributes (one listener on the
/// map serves every node and edge, so redrawing adds no listeners).
fn hit(ev: &web_sys::Event) -> Option<Hit> {
    use wasm_bindgen::JsCast;
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let g = el.closest("[data-actor], [data-source]").ok()??;
    if let Some(actor) = g.get_attribute("data-actor") {
        return Some(Hit::Actor(actor));
    }
    Some(Hit::Edge(
        g.get_attribute("data-source")?,
        g.get_attribute("data-target")?,
    ))
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Appends `text` escaped for an SVG attribute or text node (names come from scraped pages).
fn esc(out: &mut String, text: &str) {
    out.push_str(&html_escape::encode_safe(text));
}

/// Whether edge `e` joins the actors `pair` names, either way round.
fn is_pair(e: &Edge, info: &[ActorInfo], pair: Option<&(String, String)>) -> bool {
    let (Some(a), Some(b)) = (info.get(e.a as usize), info.get(e.b as usize)) else {
        return false;
    };
    pair.is_some_and(|(x, y)| (*x == a.id && *y == b.id) || (*x == b.id && *y == a.id))
}

/// The map's markup for one drawing: edges, the edge whose evidence is open drawn again over
/// them with a halo, nodes (each a focusable button), and an empty group the names go into
/// (`labels`, placed for the zoom shown).
///
/// Written as one string and set as the SVG's content in one step. Keyed components with an
/// effect per attribute cost ~15 ms of reactive bookkeeping per filter change at 30 nodes and
/// 60 edges (about 800 effects); the string is built in well under a millisecond and parsed by
/// the browser in about one. Everything scraped is escaped (`esc`).
fn markup(
    d: &Drawing,
    info: &[ActorInfo],
    actors: &[String],
    edge: Option<&(String, String)>,
) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(512 * (d.nodes.len() + d.edges.len()));
    let mut marked = String::new();
    out.push_str(r#"<g class="edges">"#);
    for v in &d.edges {
        let (Some(a), Some(b)) = (info.get(v.edge.a as usize), info.get(v.edge.b as usize)) else {
            continue;
        };
        let e = v.edge;
        let tone = tone_class(e.tone.dominant());
        let selected = is_pair(&e, info, edge);
        let mut label = String::new();
        esc(
            &mut label,
            &format!(
                "{} – {}: {} article{}; {} cooperation, {} conflict, {} neutral",
                a.name,
                b.name,
                e.articles,
                plural(e.articles),
                e.tone.cooperation,
                e.tone.conflict,
                e.tone.neutral
            ),
        );
        let _ = write!(
            out,
            r#"<g class="edge-hit {tone}{}" data-source=""#,
            if selected { " selected" } else { "" }
        );
        esc(&mut out, &a.id);
        out.push_str(r#"" data-target=""#);
        esc(&mut out, &b.id);
        let _ = write!(
            out,
            r#"" tabindex="0" role="button" aria-label="{label}"><title>{label}</title><path class="hit" d="{path}"/><path class="edge {tone}" d="{path}" stroke-width="{w}"/></g>"#,
            path = v.path,
            w = fixed(v.width, 2)
        );
        if selected {
            let _ = write!(
                marked,
                r#"<path class="halo" d="{path}"/><path class="casing" d="{path}"/><path class="edge {tone}" d="{path}" stroke-width="{w}"/>"#,
                path = v.path,
                w = fixed(v.width, 2)
            );
        }
    }
    // The open edge again, above the others (not above the nodes): marked while its evidence
    // is shown. Clicks pass through it to the edge itself.
    out.push_str(r#"</g><g class="marked" aria-hidden="true">"#);
    out.push_str(&marked);
    out.push_str(r#"</g><g class="nodes">"#);
    for n in &d.nodes {
        let Some(info) = info.get(n.actor as usize) else {
            continue;
        };
        let pressed = actors.contains(&info.id);
        // An end of the edge whose evidence is open: ringed, so a short edge is found too.
        let end = edge.is_some_and(|(a, b)| *a == info.id || *b == info.id);
        let mut label = String::new();
        esc(
            &mut label,
            &format!(
                "{}: {} article{}",
                info.name,
                n.articles,
                plural(n.articles)
            ),
        );
        let _ = write!(
            out,
            r#"<g class="actor {}{}{}" data-actor=""#,
            kind_class(info.kind),
            if pressed { " selected" } else { "" },
            if end { " end" } else { "" }
        );
        esc(&mut out, &info.id);
        let _ = write!(
            out,
            r#"" tabindex="0" role="button" aria-pressed="{pressed}" aria-label="{label}" transform="translate({} {})"><title>{label}</title>"#,
            fixed(n.x, 1),
            fixed(n.y, 1)
        );
        let r = n.r;
        let _ = match info.kind {
            ActorKind::Person => write!(
                out,
                r#"<circle class="node person" cx="0" cy="0" r="{}"/>"#,
                fixed(r, 1)
            ),
            ActorKind::Country => write!(
                out,
                r#"<rect class="node country" x="{}" y="{}" width="{}" height="{}" rx="3"/>"#,
                fixed(-0.9 * r, 1),
                fixed(-0.9 * r, 1),
                fixed(1.8 * r, 1),
                fixed(1.8 * r, 1)
            ),
            ActorKind::Organization => {
                let k = 1.15 * r;
                write!(
                    out,
                    r#"<polygon class="node organization" points="0,{} {k},0 0,{k} {},0"/>"#,
                    fixed(-k, 1),
                    fixed(-k, 1),
                    k = fixed(k, 1)
                )
            }
        };
        out.push_str("</g>");
    }
    // Names above every node, so no later node hides one; the nodes carry them as labels.
    out.push_str(r#"</g><g class="labels" aria-hidden="true"></g>"#);
    out
}

/// What the live part needs of a drawing: node spots, names and ids, edges as node pairs, and
/// which edge's evidence is open.
fn scene(d: &Drawing, info: &[ActorInfo], edge: Option<&(String, String)>) -> live::Scene {
    let slot: HashMap<u32, usize> = d
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.actor, i))
        .collect();
    let actor = |a: u32| info.get(a as usize);
    let edges: Vec<(usize, usize)> = d
        .edges
        .iter()
        .map(|v| {
            (
                slot.get(&v.edge.a).copied().unwrap_or(usize::MAX),
                slot.get(&v.edge.b).copied().unwrap_or(usize::MAX),
            )
        })
        .collect();
    live::Scene::new(
        d.nodes
            .iter()
            .map(|n| labels::Spot {
                x: n.x,
                y: n.y,
                r: n.r,
            })
            .collect(),
        d.nodes
            .iter()
            .map(|n| actor(n.actor).map_or_else(String::new, |a| a.name.clone()))
            .collect(),
        d.nodes
            .iter()
            .map(|n| actor(n.actor).map_or_else(String::new, |a| a.id.clone()))
            .collect(),
        edges,
        d.edges.iter().position(|v| is_pair(&v.edge, info, edge)),
    )
}

/// The key of the map element that has the keyboard focus, to give it back after a redraw.
fn focused_key(svg: &web_sys::Element) -> Option<(String, Option<String>)> {
    let active = leptos::prelude::document().active_element()?;
    if !svg.contains(Some(&active)) {
        return None;
    }
    if let Some(actor) = active.get_attribute("data-actor") {
        return Some((actor, None));
    }
    Some((
        active.get_attribute("data-source")?,
        active.get_attribute("data-target"),
    ))
}

/// Focuses the element with that key after a redraw, if it is still drawn.
fn refocus(svg: &web_sys::Element, key: &(String, Option<String>)) {
    use wasm_bindgen::JsCast;
    let quote = |v: &str| v.replace('\\', "\\\\").replace('"', "\\\"");
    let selector = match key {
        (actor, None) => format!(r#"[data-actor="{}"]"#, quote(actor)),
        (a, Some(b)) => format!(
            r#"[data-source="{}"][data-target="{}"]"#,
            quote(a),
            quote(b)
        ),
    };
    if let Some(el) = svg
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::SvgElement>().ok())
    {
        let _ = el.focus();
    }
}

#[component]
fn MapSvg() -> impl IntoView {
    let c = ctx();
    let (ex, state, result) = (c.ex, c.state, c.result);
    let info: &'static [ActorInfo] = &ex.bundle.index.actors;
    // The frame follows the element's shape (measured by the live part).
    let frame = RwSignal::new(Frame::WIDE);
    let positions = Memo::new(move |previous: Option<&Positions>| {
        let f = frame.get();
        result.with(|r| place(r, previous, f))
    });
    let drawing = Memo::new(move |_| {
        let f = frame.get();
        result.with(|r| positions.with(|p| drawing(r, p, f, info.len())))
    });
    let limits = RwSignal::new(live::Limits {
        can_zoom_out: false,
        can_zoom_in: true,
    });
    let live = Rc::new(RefCell::new(live::Live::new(Frame::WIDE, limits, frame)));
    // The listeners live as long as the map; dropping them removes them.
    let hooks = StoredValue::new_local(None::<live::Hooks>);
    let act = move |h: Hit| match h {
        Hit::Actor(id) => state.update(|s| s.toggle_actor(&id)),
        Hit::Edge(a, b) => state.update(|s| s.edge = Some((a, b))),
    };
    let click_live = Rc::clone(&live);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let acts = click_live
            .try_borrow_mut()
            .is_ok_and(|mut l| l.take_click());
        if acts && let Some(h) = hit(&ev) {
            act(h);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if (ev.key() == "Enter" || ev.key() == " ")
            && let Some(h) = hit(&ev)
        {
            ev.prevent_default();
            act(h);
        }
    };
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let draw_live = Rc::clone(&live);
    Effect::new(move |_| {
        let shape = frame.get();
        let (html, scene, large) = drawing.with(|d| {
            state.with(|s| {
                (
                    markup(d, info, &s.actors, s.edge.as_ref()),
                    scene(d, info, s.edge.as_ref()),
                    s.large,
                )
            })
        });
        let Some(svg) = svg.get() else { return };
        let svg: &web_sys::Element = &svg;
        if hooks.with_value(Option::is_none) {
            draw_live
                .borrow_mut()
                .redrawn(svg, live::Scene::default(), shape);
            hooks.set_value(Some(live::attach(svg, &draw_live)));
        }
        let focus = focused_key(svg);
        svg.set_inner_html(&html);
        if let Ok(mut l) = draw_live.try_borrow_mut() {
            l.large = large;
            l.measure();
            l.redrawn(svg, scene, shape);
        }
        if let Some(key) = focus {
            refocus(svg, &key);
        }
    });
    let omitted = move || {
        drawing.with(|d| {
            (d.edges.len() < d.total_edges).then(|| {
                format!(
                    "Lines: the {} strongest of {} pairs. “Show as table” lists them all.",
                    d.edges.len(),
                    d.total_edges
                )
            })
        })
    };
    let help = move || {
        if state.with(|s| s.large) {
            "Drag to move · scroll or pinch to zoom · keys: + − 0 and arrows · Esc shrinks the map"
        } else {
            "Drag to move · Ctrl + scroll or pinch to zoom · keys: + − 0 and arrows"
        }
    };
    let (zoom_in, zoom_out, reset) = (Rc::clone(&live), Rc::clone(&live), live);
    view! {
        <div class="map-wrap">
            <div class="map-tools">
                <p class="map-help" id="map-help">{help}</p>
                <div class="zoom" role="group" aria-label="Zoom">
                    <button
                        id="map-zoom-in"
                        class="button small"
                        aria-label="Zoom in (+)"
                        title="Zoom in (+)"
                        disabled=move || !limits.get().can_zoom_in
                        on:click=move |_| zoom_in.borrow_mut().zoom_in()
                    >
                        "+"
                    </button>
                    <button
                        id="map-zoom-out"
                        class="button small"
                        aria-label="Zoom out (−)"
                        title="Zoom out (−)"
                        disabled=move || !limits.get().can_zoom_out
                        on:click=move |_| zoom_out.borrow_mut().zoom_out()
                    >
                        "−"
                    </button>
                    <button
                        id="map-zoom-reset"
                        class="button small"
                        aria-label="Reset zoom (0)"
                        title="Reset zoom (0)"
                        disabled=move || !limits.get().can_zoom_out
                        on:click=move |_| reset.borrow_mut().reset()
                    >
                        "Reset"
                    </button>
                </div>
            </div>
            <svg
                id="map"
                tabindex="0"
                role="group"
                aria-label="Relationship map: actors are nodes, shared sentences are edges; press Enter on an edge for its evidence"
                aria-describedby="map-help"
                on:click=on_click
                on:keydown=on_key
                node_ref=svg
            ></svg>
            <p class="map-empty" hidden=move || result.with(|r| !r.nodes.is_empty())>"No actors in the matching articles."</p>
            <p class="map-note" id="map-note" hidden=move || omitted().is_none()>{move || omitted().unwrap_or_default()}</p>
        </div>
    }
}

/// Column the edge table is sorted by.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Pair,
    Articles,
    Cooperation,
    Conflict,
    Neutral,
}

/// The map's edges as a sortable table, for screen readers and for reading exact numbers.
#[component]
fn EdgeTable() -> impl IntoView {
    let c = ctx();
    let (ex, state, result) = (c.ex, c.state, c.result);
    let sort = RwSignal::new(SortBy::Articles);
    let rows = move || {
        let mut edges = result.with(|r| r.edges.clone());
        let key = sort.get();
        coverage_core::index::sort_by(&mut edges, |x, y| match key {
            SortBy::Pair => (&ex.actor(x.a).name, &ex.actor(x.b).name)
                .cmp(&(&ex.actor(y.a).name, &ex.actor(y.b).name)),
            SortBy::Articles => y.articles.cmp(&x.articles),
            SortBy::Cooperation => y.tone.cooperation.cmp(&x.tone.cooperation),
            SortBy::Conflict => y.tone.conflict.cmp(&x.tone.conflict),
            SortBy::Neutral => y.tone.neutral.cmp(&x.tone.neutral),
        });
        edges
    };
    let header = move |label: &'static str, key: SortBy| {
        view! {
            <th scope="col" aria-sort=move || if sort.get() == key { "descending" } else { "none" }>
                <button class="link" on:click=move |_| sort.set(key)>{label}</button>
            </th>
        }
    };
    view! {
        <table id="edge-table" class="edge-table">
            <caption>"Pairs of actors named in the same sentence, in the matching articles"</caption>
            <thead>
                <tr>
                    {header("Actors", SortBy::Pair)}
                    {header("Articles", SortBy::Articles)}
                    {header("Cooperation", SortBy::Cooperation)}
                    {header("Conflict", SortBy::Conflict)}
                    {header("Neutral", SortBy::Neutral)}
                </tr>
            </thead>
            <tbody>
                {move || rows().into_iter().map(|e| {
                    let (a, b) = (ex.actor(e.a).id.clone(), ex.actor(e.b).id.clone());
                    let (source, target) = (a.clone(), b.clone());
                    view! {
                        <tr data-source=source data-target=target class=tone_class(e.tone.dominant())>
                            <td>
                                <button class="link" on:click=move |_| state.update(|s| s.edge = Some((a.clone(), b.clone())))>
                                    {format!("{} – {}", ex.actor(e.a).name, ex.actor(e.b).name)}
                                </button>
                            </td>
                            <td>{e.articles}</td>
                            <td>{e.tone.cooperation}</td>
                            <td>{e.tone.conflict}</td>
                            <td>{e.tone.neutral}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coverage_core::model::ToneCounts;

    /// Names and ids come from scraped pages: whatever they hold must reach the map as text.
    #[test]
    fn markup_escapes_everything_from_the_corpus() {
        let hostile = |id: &str, name: &str, kind| ActorInfo {
            id: id.into(),
            name: name.into(),
            kind,
            known: false,
        };
        let info = vec![
            hostile(
                "a\"><script>x()</script>",
                "<img src=x onerror=alert(1)>",
                ActorKind::Person,
            ),
            hostile(
                "b' onclick='y()",
                "Tom & \"Jerry\" </text><svg onload=z()>",
                ActorKind::Organization,
            ),
        ];
        let r = QueryResult {
            matches: Default::default(),
            actor_counts: vec![3, 2],
            year_counts: Vec::new(),
            outlet_counts: Vec::new(),
            nodes: vec![
                coverage_core::index::Node {
                    actor: 0,
                    articles: 3,
                },
                coverage_core::index::Node {
                    actor: 1,
                    articles: 2,
                },
            ],
            edges: vec![Edge {
                a: 0,
                b: 1,
                articles: 2,
                tone: ToneCounts {
                    cooperation: 1,
                    conflict: 0,
                    neutral: 1,
                },
            }],
        };
        let d = drawing(&r, &Positions::default(), Frame::WIDE, info.len());
        let html = markup(
            &d,
            &info,
            &[info[0].id.clone()],
            Some(&(info[0].id.clone(), info[1].id.clone())),
        );
        for raw in [
            "<script",
            "<img",
            "<svg",
            "</text><svg",
            "onclick='",
            "\"Jerry\"",
        ] {
            assert!(
                !html.contains(raw),
                "{raw:?} reached the markup unescaped:\n{html}"
            );
        }
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        // Every element the string opens is one the map draws.
        let tags: std::collections::BTreeSet<&str> = html
            .split('<')
            .skip(1)
            .filter(|t| !t.starts_with('/'))
            .map(|t| {
                t.split(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or_default()
            })
            .collect();
        let drawn: std::collections::BTreeSet<&str> =
            ["g", "title", "path", "circle", "polygon", "text"]
                .into_iter()
                .collect();
        assert!(tags.is_subset(&drawn), "unexpected elements {tags:?}");
        // The selected node and edge are marked; the edge is drawn again with its halo.
        assert!(
            html.contains("class=\"actor person selected end\""),
            "{html}"
        );
        assert!(html.contains("class=\"actor organization end\""), "{html}");
        assert!(
            html.contains("class=\"edge-hit neutral selected\"")
                || html.contains("class=\"edge-hit cooperation selected\""),
            "{html}"
        );
        assert!(html.contains(r#"<g class="marked" aria-hidden="true"><path class="halo""#));
        let scene = scene(&d, &info, Some(&(info[1].id.clone(), info[0].id.clone())));
        assert_eq!(scene.selected_edge, Some(0));
        assert_eq!(scene.lit(live::Target::Node(1)), (vec![1, 0], vec![0]));
    }

    #[test]
    fn no_halo_without_open_evidence() {
        let info = vec![ActorInfo {
            id: "a".into(),
            name: "A".into(),
            kind: ActorKind::Country,
            known: true,
        }];
        let r = QueryResult {
            matches: Default::default(),
            actor_counts: vec![1],
            year_counts: Vec::new(),
            outlet_counts: Vec::new(),
            nodes: vec![coverage_core::index::Node {
                actor: 0,
                articles: 1,
            }],
            edges: Vec::new(),
        };
        let d = drawing(&r, &Positions::default(), Frame::WIDE, info.len());
        let html = markup(&d, &info, &[], None);
        assert!(
            html.contains(r#"<g class="marked" aria-hidden="true"></g>"#),
            "{html}"
        );
    }

    #[test]
    fn the_frame_takes_the_elements_shape_with_the_same_area() {
        // The map in the page's centre column, wide: the wide frame.
        assert_eq!(Frame::for_size((684.0, 409.0)), Frame::WIDE);
        assert_eq!(Frame::for_size((1360.0, 700.0)), Frame::WIDE);
        assert_eq!(Frame::for_size((0.0, 0.0)), Frame::WIDE);
        // A phone: square in the page, tall when enlarged.
        let square = Frame::for_size((350.0, 350.0));
        assert_eq!(square.w, square.h);
        let tall = Frame::for_size((350.0, 650.0));
        assert!(tall.h > 1.5 * tall.w, "{tall:?}");
        assert_eq!(
            Frame::for_size((350.0, 2000.0)),
            tall,
            "no taller than that"
        );
        for f in [square, tall] {
            let area = f.w * f.h / (Frame::WIDE.w * Frame::WIDE.h);
            assert!((area - 1.0).abs() < 0.01, "{f:?}");
        }
        // Small changes of size keep the frame (no new layout on every pixel of a resize).
        assert_eq!(Frame::for_size((352.0, 347.0)), square);
    }

    /// A node or edge whose actor the table does not hold is not drawn (so every drawn element
    /// has a name, and the live part's indices match the markup's children).
    #[test]
    fn actors_outside_the_table_are_not_drawn() {
        let r = QueryResult {
            matches: Default::default(),
            actor_counts: vec![1, 1],
            year_counts: Vec::new(),
            outlet_counts: Vec::new(),
            nodes: vec![
                coverage_core::index::Node {
                    actor: 0,
                    articles: 2,
                },
                coverage_core::index::Node {
                    actor: 7,
                    articles: 1,
                },
            ],
            edges: vec![Edge {
                a: 0,
                b: 7,
                articles: 1,
                tone: ToneCounts::default(),
            }],
        };
        let d = drawing(&r, &Positions::default(), Frame::WIDE, 2);
        assert_eq!(d.nodes.len(), 1);
        assert!(d.edges.is_empty());
    }
}
