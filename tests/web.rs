//! Component tests of the page in a real browser (`wasm-bindgen-test`, headless Chromium):
//! the bundled seed corpus decodes, filters combine as documented, the URL hash round-trips, the
//! rendered map and list match the query, and the map zooms, pans, enlarges and highlights.
#![cfg(target_arch = "wasm32")]

use coverage_core::index::{ActorMode, Selection};
use coverage_explorer::data::explorer;
use coverage_explorer::state::ViewState;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn bundle_holds_the_five_seeds() {
    let ex = explorer().expect("bundle decodes");
    assert_eq!(ex.cols().len(), 5);
    assert_eq!(ex.bundle.index.info.files, 5);
    assert_eq!(ex.bundle.index.info.corpus_hash.len(), 64);
}

#[wasm_bindgen_test]
fn filters_combine_and_within_or_across() {
    let ex = explorer().unwrap();
    let putin = ex.actor_index("vladimir-putin").unwrap();
    let moon = ex.actor_index("moon-jae-in").unwrap();
    let yoon = ex.actor_index("yoon-suk-yeol").unwrap();
    let query = |sel: &Selection| ex.index.query(ex.cols(), sel, 30).matches.len();
    let all = Selection {
        actors: vec![moon, yoon],
        ..Default::default()
    };
    let any = Selection {
        actors: vec![moon, yoon],
        mode: ActorMode::Any,
        ..Default::default()
    };
    assert!(query(&all) < query(&any));
    let putin_2019 = Selection {
        actors: vec![putin],
        years: vec![Some(2019)],
        ..Default::default()
    };
    let putin_2019_or_2017 = Selection {
        actors: vec![putin],
        years: vec![Some(2019), Some(2017)],
        ..Default::default()
    };
    assert!(query(&putin_2019) < query(&putin_2019_or_2017));
    assert_eq!(query(&Selection::default()), 5);
}

#[wasm_bindgen_test]
fn unknown_link_values_become_notices() {
    let ex = explorer().unwrap();
    let (state, syntax) =
        ViewState::parse("#actors=vladimir-putin,nobody&years=1850&outlets=nowhere");
    assert!(syntax.is_empty());
    let (sel, notices) = ex.resolve(&state);
    assert_eq!(sel.actors.len(), 1);
    assert!(sel.years.is_empty() && sel.outlets.is_empty());
    assert_eq!(notices.len(), 3);
}

/// The app mounted in a container of its own, at `hash`; dropped, it unmounts and leaves.
struct Mounted {
    container: web_sys::HtmlElement,
    handle: Option<Box<dyn std::any::Any>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.take();
        self.container.remove();
    }
}

async fn mount_at(hash: &str) -> Mounted {
    let document = leptos::prelude::document();
    // The page's stylesheet, once: sizes on the screen (names, the map's shape) come from it.
    if document.get_element_by_id("page-style").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("page-style");
        style.set_text_content(Some(include_str!("../style/main.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
    let _ = leptos::prelude::window().location().set_hash(hash);
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), coverage_explorer::App);
    tick().await;
    Mounted {
        container,
        handle: Some(Box::new(handle)),
    }
}

impl Mounted {
    fn find(&self, selector: &str) -> web_sys::Element {
        self.container
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
    }

    fn all(&self, selector: &str) -> Vec<web_sys::Element> {
        let list = self.container.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    fn click(&self, selector: &str) {
        self.find(selector)
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
    }

    /// The map's view box as (x, y, width, height).
    fn view_box(&self) -> (f32, f32, f32, f32) {
        let v: Vec<f32> = self
            .find("svg#map")
            .get_attribute("viewBox")
            .expect("the map has a view box")
            .split(' ')
            .map(|n| n.parse().unwrap())
            .collect();
        (v[0], v[1], v[2], v[3])
    }

    fn has_class(&self, selector: &str, class: &str) -> bool {
        self.find(selector).class_list().contains(class)
    }
}

fn key(target: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn event(target: &web_sys::Element, name: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(name, &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

/// Lets the browser run its timers and observers for `ms` milliseconds.
async fn wait_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.05
}

#[wasm_bindgen_test]
async fn rendered_map_has_one_node_per_visible_actor() {
    let ex = explorer().unwrap();
    let app = mount_at("").await;
    let expected = ex.index.query(ex.cols(), &Selection::default(), 30);
    assert_eq!(app.all("svg#map [data-actor]").len(), expected.nodes.len());
    let drawn = expected
        .edges
        .len()
        .min(coverage_explorer::map::edge_budget(expected.nodes.len()));
    assert_eq!(app.all("svg#map [data-source][data-target]").len(), drawn);
    assert_eq!(app.find("#match-count").text_content().unwrap(), "5");
    assert_eq!(app.all("#articles [data-source]").len(), 5);
    // Names are placed for the zoom shown, and only ever once per node.
    let labels = app.all("svg#map .labels text");
    assert!(!labels.is_empty() && labels.len() <= expected.nodes.len());
}

#[wasm_bindgen_test]
async fn zoomed_in_names_stay_whole_inside_the_map() {
    let app = mount_at("").await;
    let svg = app.find("svg#map");
    for _ in 0..3 {
        app.click("#map-zoom-in");
    }
    key(&svg, "ArrowLeft");
    key(&svg, "ArrowUp");
    let frame = svg.get_bounding_client_rect();
    let names = app.all("svg#map .labels text");
    assert!(!names.is_empty(), "some names are shown close up");
    for name in names {
        let r = name.get_bounding_client_rect();
        let text = name.text_content().unwrap_or_default();
        // A pixel or two of slack for the font's own measures.
        assert!(
            r.left() >= frame.left() - 2.0
                && r.right() <= frame.right() + 2.0
                && r.top() >= frame.top() - 2.0
                && r.bottom() <= frame.bottom() + 2.0,
            "{text} is cut at the map's edge: {:?} outside {:?}",
            (r.left(), r.top(), r.right(), r.bottom()),
            (frame.left(), frame.top(), frame.right(), frame.bottom())
        );
    }
}

#[wasm_bindgen_test]
async fn zoom_buttons_and_keys_move_the_view_without_redrawing() {
    let app = mount_at("").await;
    let whole = app.view_box();
    let first_node = app.find("svg#map [data-actor]");
    assert!(
        app.find("#map-zoom-out").has_attribute("disabled"),
        "nothing to zoom out of"
    );

    app.click("#map-zoom-in");
    let (x, y, w, h) = app.view_box();
    assert!(
        close(w * 1.5, whole.2) && close(h * 1.5, whole.3),
        "{:?}",
        app.view_box()
    );
    assert!(
        close(x + w / 2.0, whole.0 + whole.2 / 2.0),
        "zooms around the middle"
    );
    tick().await;
    assert!(!app.find("#map-zoom-out").has_attribute("disabled"));

    let svg = app.find("svg#map");
    key(&svg, "ArrowRight");
    assert!(
        app.view_box().0 > x,
        "the right arrow shows more of the right"
    );
    key(&svg, "ArrowDown");
    assert!(
        app.view_box().1 > y,
        "the down arrow shows more of the bottom"
    );
    key(&svg, "+");
    assert!(app.view_box().2 < w, "+ zooms in");
    key(&svg, "-");
    key(&svg, "-");
    assert!(app.view_box().2 > w, "- zooms out");
    key(&svg, "0");
    assert_eq!(app.view_box(), whole, "0 resets");
    app.click("#map-zoom-in");
    app.click("#map-zoom-reset");
    assert_eq!(app.view_box(), whole, "Reset resets");

    // Zooming moved the camera only: the drawing is the same elements.
    assert!(
        app.find("svg#map [data-actor]")
            .is_same_node(Some(&first_node))
    );
}

#[wasm_bindgen_test]
async fn hover_and_focus_light_up_neighbours_and_dim_the_rest() {
    // Enlarged, as one reads a crowded map (and measured: the resize observer has run).
    let app = mount_at("#map=large").await;
    wait_ms(100).await;
    // The node with the most drawn edges, and its neighbours by the drawn edges.
    let edges: Vec<(String, String)> = app
        .all("svg#map [data-source][data-target]")
        .iter()
        .map(|e| {
            (
                e.get_attribute("data-source").unwrap(),
                e.get_attribute("data-target").unwrap(),
            )
        })
        .collect();
    let ids: Vec<String> = app
        .all("svg#map [data-actor]")
        .iter()
        .map(|n| n.get_attribute("data-actor").unwrap())
        .collect();
    let degree = |id: &String| edges.iter().filter(|(a, b)| a == id || b == id).count();
    let hub = ids.iter().max_by_key(|id| degree(id)).unwrap().clone();
    let mut expected: Vec<String> = edges
        .iter()
        .filter_map(|(a, b)| {
            (*a == hub)
                .then(|| b.clone())
                .or_else(|| (*b == hub).then(|| a.clone()))
        })
        .chain([hub.clone()])
        .collect();
    expected.sort();
    expected.dedup();
    assert!(
        expected.len() < ids.len(),
        "the test needs a node not next to the hub"
    );

    let node = app.find(&format!("svg#map [data-actor=\"{hub}\"] .node"));
    event(&node, "pointerover");
    assert!(app.has_class("svg#map", "focusing"));
    let mut lit: Vec<String> = app
        .all("svg#map .actor.near")
        .iter()
        .map(|n| n.get_attribute("data-actor").unwrap())
        .collect();
    lit.sort();
    assert_eq!(lit, expected);
    assert_eq!(app.all("svg#map .edge-hit.near").len(), degree(&hub));
    // The node is named, and most of its neighbours even in the test's small window (700 ×
    // 270 pixels enlarged), without one name over another.
    let named = app.all("svg#map .labels .node-label.near");
    let hub_name = app
        .find(&format!("svg#map [data-actor=\"{hub}\"] title"))
        .text_content()
        .unwrap();
    assert!(
        named
            .iter()
            .any(|n| hub_name.starts_with(&format!("{}:", n.text_content().unwrap()))),
        "{hub_name} is named"
    );
    assert!(
        4 * named.len() >= 3 * expected.len(),
        "{} of {}",
        named.len(),
        expected.len()
    );
    // Names are placed by widths estimated from their characters; a browser's font may draw a
    // name up to two pixels wider than the estimate (Firefox's text boxes, with their side
    // bearings, measured 1.5 pixels over), which nobody sees as one name over another.
    let rects: Vec<web_sys::DomRect> = named.iter().map(|n| n.get_bounding_client_rect()).collect();
    let slack = 2.0;
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            let apart = a.right() <= b.left() + slack
                || b.right() <= a.left() + slack
                || a.bottom() <= b.top() + slack
                || b.bottom() <= a.top() + slack;
            assert!(
                apart,
                "two lit names overlap: ({}, {})–({}, {}) and ({}, {})–({}, {})",
                a.left(),
                a.top(),
                a.right(),
                a.bottom(),
                b.left(),
                b.top(),
                b.right(),
                b.bottom()
            );
        }
    }

    event(&app.find("svg#map"), "pointerleave");
    assert!(!app.has_class("svg#map", "focusing"));
    assert!(app.all("svg#map .near").is_empty());

    // Keyboard focus on an edge lights the edge and its two nodes.
    let edge = app.find("svg#map [data-source][data-target]");
    let (a, b) = (
        edge.get_attribute("data-source").unwrap(),
        edge.get_attribute("data-target").unwrap(),
    );
    edge.unchecked_ref::<web_sys::SvgElement>().focus().unwrap();
    assert!(app.has_class("svg#map", "focusing"));
    let mut lit: Vec<String> = app
        .all("svg#map .actor.near")
        .iter()
        .map(|n| n.get_attribute("data-actor").unwrap())
        .collect();
    lit.sort();
    let mut pair = vec![a, b];
    pair.sort();
    assert_eq!(lit, pair);
    assert_eq!(app.all("svg#map .edge-hit.near").len(), 1);
    assert!(edge.class_list().contains("near"));
}

#[wasm_bindgen_test]
async fn the_open_edge_is_marked_until_its_evidence_closes() {
    let app = mount_at("").await;
    assert!(app.all("svg#map .marked path").is_empty());
    let edge = app.find("svg#map [data-source][data-target]");
    let (a, b) = (
        edge.get_attribute("data-source").unwrap(),
        edge.get_attribute("data-target").unwrap(),
    );
    key(&edge, "Enter");
    tick().await;
    let selected = app.all("svg#map .edge-hit.selected");
    assert_eq!(selected.len(), 1);
    assert_eq!(selected[0].get_attribute("data-source").unwrap(), a);
    assert_eq!(selected[0].get_attribute("data-target").unwrap(), b);
    assert_eq!(app.all("svg#map .marked .halo").len(), 1);
    // Its two ends are ringed, so a short edge between close nodes is found too.
    let mut ends: Vec<String> = app
        .all("svg#map .actor.end")
        .iter()
        .map(|n| n.get_attribute("data-actor").unwrap())
        .collect();
    ends.sort();
    let mut pair = vec![a.clone(), b.clone()];
    pair.sort();
    assert_eq!(ends, pair);
    // Zooming keeps the mark: the drawing is not rebuilt.
    app.click("#map-zoom-in");
    assert_eq!(app.all("svg#map .marked .halo").len(), 1);
    app.click("#evidence .panel-head button");
    tick().await;
    assert!(app.all("svg#map .marked path").is_empty());
    assert!(app.all("svg#map .edge-hit.selected").is_empty());
    assert!(app.all("svg#map .actor.end").is_empty());
}

#[wasm_bindgen_test]
async fn enlarge_goes_into_the_link_and_escape_shrinks() {
    let app = mount_at("").await;
    assert!(!app.has_class(".map-panel", "large"));
    app.click("#map-enlarge");
    tick().await;
    assert!(app.has_class(".map-panel", "large"));
    assert_eq!(
        app.find("#map-enlarge").text_content().unwrap(),
        "Shrink map"
    );
    let hash = leptos::prelude::window().location().hash().unwrap();
    assert!(hash.contains("map=large"), "{hash}");
    key(&app.find("svg#map"), "Escape");
    tick().await;
    assert!(!app.has_class(".map-panel", "large"));
    assert_eq!(
        app.find("#map-enlarge").text_content().unwrap(),
        "Enlarge map"
    );
    drop(app);
    // A link to the enlarged map opens it enlarged.
    let app = mount_at("#map=large").await;
    assert!(app.has_class(".map-panel", "large"));
}
