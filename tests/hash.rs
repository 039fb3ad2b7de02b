//! The URL hash ⇄ view state, as properties: any string parses without a panic and what it
//! yields reads back the same, and every state the page can be in survives `to_hash` → `parse`
//! unchanged and without notices. Native only (proptest does not build for wasm32).
#![cfg(not(target_arch = "wasm32"))]

use coverage_core::index::ActorMode;
use coverage_explorer::state::{MAX_MAP_SIZE, ViewState};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// Ids as the corpus writes them, the hash's own words, and any other non-empty text a link
/// could carry.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9][a-z0-9-]{0,20}",
        "(none|any|all|table)",
        "\\PC{1,12}",
        any::<String>()
    ]
    .prop_filter("ids are not empty", |s| !s.is_empty())
}

fn unique<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn view_state() -> impl Strategy<Value = ViewState> {
    (
        vec(id(), 0..4),
        prop_oneof![Just(ActorMode::All), Just(ActorMode::Any)],
        vec(option::of(1000i16..=9999), 0..4),
        vec(option::of(id()), 0..4),
        option::of(id()),
        option::of((id(), id())),
        1..=MAX_MAP_SIZE,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(actors, mode, years, outlets, article, edge, map_size, table, large)| ViewState {
                actors: unique(actors),
                mode,
                years: unique(years),
                outlets: unique(outlets),
                article,
                edge,
                map_size,
                table,
                large,
            },
        )
}

/// Hash-like text: the keys and separators the parser knows, among arbitrary characters.
fn hashy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("#".to_string()),
        Just("&".to_string()),
        Just("=".to_string()),
        Just(",".to_string()),
        Just("~".to_string()),
        Just("%".to_string()),
        "(actors|mode|years|outlets|article|edge|n|view)=",
        "(any|all|none|table|2019|0|300|301|-1|%[0-9a-fA-F]{2}|%[Ff][Ff])",
        "\\PC{0,6}",
        any::<String>(),
    ];
    vec(piece, 0..16).prop_map(|pieces| pieces.concat())
}

#[test]
fn an_outlet_named_none_is_not_the_unknown_outlet() {
    let (state, _) = ViewState::parse("outlets=non%65,none");
    assert_eq!(state.outlets, vec![Some("none".to_string()), None]);
    assert_eq!(ViewState::parse(&state.to_hash()).0, state);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_parses_without_panic(text in any::<String>()) {
        let _ = ViewState::parse(&text);
    }

    #[test]
    fn what_a_hash_yields_reads_back_the_same(text in hashy()) {
        let (state, _) = ViewState::parse(&text);
        let (again, notices) = ViewState::parse(&state.to_hash());
        prop_assert_eq!(again, state);
        prop_assert!(notices.is_empty(), "{:?}", notices);
    }

    #[test]
    fn every_state_round_trips(state in view_state()) {
        let hash = state.to_hash();
        let (back, notices) = ViewState::parse(&hash);
        prop_assert_eq!(&back, &state, "hash: {}", hash);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        let (with_mark, _) = ViewState::parse(&format!("#{hash}"));
        prop_assert_eq!(with_mark, state);
    }
}
