//! Component tests of the page in a real browser (`wasm-bindgen-test`, headless Chromium):
//! the bundled seed corpus decodes, filters combine as documented, the URL hash round-trips, and
//! the rendered map and list match the query.
#![cfg(target_arch = "wasm32")]

use coverage_explorer::data::explorer;
use coverage_explorer::state::ViewState;
use engine::index::{ActorMode, Selection};
use leptos::task::tick;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn count(selector: &str) -> u32 {
    leptos::prelude::document()
        .query_selector_all(selector)
        .map(|l| l.length())
        .unwrap_or(0)
}

fn text(selector: &str) -> String {
    leptos::prelude::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

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

#[wasm_bindgen_test]
async fn rendered_map_has_one_node_per_visible_actor() {
    let ex = explorer().unwrap();
    let _ = leptos::prelude::window().location().set_hash("");
    coverage_explorer::mount();
    tick().await;
    let expected = ex.index.query(ex.cols(), &Selection::default(), 30);
    assert_eq!(count("svg#map [data-actor]"), expected.nodes.len() as u32);
    let drawn = expected
        .edges
        .len()
        .min(coverage_explorer::map::edge_budget(expected.nodes.len()));
    assert_eq!(count("svg#map [data-source][data-target]"), drawn as u32);
    assert_eq!(text("#match-count"), "5");
    assert_eq!(count("#articles [data-source]"), 5);
}
