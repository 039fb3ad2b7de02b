//! The relationship map: the most-named actors of the matching articles as an SVG graph (size by
//! articles, colour and shape by kind; edges by distinct articles, colour and dash by dominant
//! tone), laid out by the engine's deterministic force layout, and the same edges as a table.

use crate::ctx;
use crate::state::MAX_MAP_SIZE;
use engine::index::{Edge, QueryResult};
use engine::layout::{LayoutNode, layout};
use engine::model::{ActorKind, Tone};
use leptos::prelude::*;
use std::collections::HashMap;

const WIDTH: f32 = 1000.0;
const HEIGHT: f32 = 620.0;
/// Layout seed: the same corpus and filters always give the same picture.
const SEED: u64 = 0x00c0_ffee;

/// Positions by actor index, in the unit square.
#[derive(Clone, PartialEq, Default)]
struct Positions(HashMap<u32, (f32, f32)>);

fn place(r: &QueryResult, previous: Option<&Positions>) -> Positions {
    let nodes: Vec<LayoutNode> = r
        .nodes
        .iter()
        .map(|n| LayoutNode {
            key: n.actor,
            weight: n.articles as f32,
            previous: previous.and_then(|p| p.0.get(&n.actor).copied()),
        })
        .collect();
    let slot: HashMap<u32, usize> = r
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.actor, i))
        .collect();
    let edges: Vec<(usize, usize, f32)> = r
        .edges
        .iter()
        .filter_map(|e| Some((*slot.get(&e.a)?, *slot.get(&e.b)?, e.articles as f32)))
        .collect();
    let pos = layout(&nodes, &edges, SEED);
    Positions(nodes.iter().map(|n| n.key).zip(pos).collect())
}

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

/// The map with its controls; shows the table instead when asked.
#[component]
pub fn MapPanel() -> impl IntoView {
    let state = ctx().state;
    let table = move || state.with(|s| s.table);
    view! {
        <section class="map-panel" aria-label="Relationship map">
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
                    aria-pressed=move || table().to_string()
                    on:click=move |_| state.update(|s| s.table = !s.table)
                >
                    {move || if table() { "Show map" } else { "Show as table" }}
                </button>
            </div>
            <Legend />
            {move || if table() { view! { <EdgeTable /> }.into_any() } else { view! { <MapSvg /> }.into_any() }}
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

#[component]
fn MapSvg() -> impl IntoView {
    let c = ctx();
    let (ex, state, result) = (c.ex, c.state, c.result);
    let positions =
        Memo::new(move |previous: Option<&Positions>| result.with(|r| place(r, previous)));
    let at = move |actor: u32| {
        positions
            .with(|p| p.0.get(&actor).copied().unwrap_or((0.5, 0.5)))
            .to_owned()
    };
    let xy = move |actor: u32| {
        let (x, y) = at(actor);
        (x * WIDTH, y * HEIGHT)
    };
    let max_articles = move || {
        result
            .with(|r| r.nodes.first().map_or(1, |n| n.articles))
            .max(1) as f32
    };
    let max_edge = move || {
        result
            .with(|r| r.edges.iter().map(|e| e.articles).max().unwrap_or(1))
            .max(1) as f32
    };
    let open_edge = move |e: Edge| {
        let (a, b) = (ex.actor(e.a).id.clone(), ex.actor(e.b).id.clone());
        state.update(|s| s.edge = Some((a, b)));
    };
    let edges = move || {
        result.with(|r| r.edges.clone()).into_iter().rev().map(|e| {
            let (x1, y1) = xy(e.a);
            let (x2, y2) = xy(e.b);
            let (na, nb) = (ex.actor(e.a).name.clone(), ex.actor(e.b).name.clone());
            let tone = e.tone.dominant();
            let width = 1.0 + 7.0 * (e.articles as f32 / max_edge()).sqrt();
            let label = format!(
                "{na} – {nb}: {} article{}; {} cooperation, {} conflict, {} neutral",
                e.articles,
                if e.articles == 1 { "" } else { "s" },
                e.tone.cooperation,
                e.tone.conflict,
                e.tone.neutral
            );
            let aria = label.clone();
            let selected = {
                let (a, b) = (ex.actor(e.a).id.clone(), ex.actor(e.b).id.clone());
                move || state.with(|s| s.edge.as_ref().is_some_and(|(x, y)| (*x == a && *y == b) || (*x == b && *y == a)))
            };
            view! {
                <g
                    class=format!("edge-hit {}", tone_class(tone))
                    class:selected=selected
                    data-source=ex.actor(e.a).id.clone()
                    data-target=ex.actor(e.b).id.clone()
                    tabindex="0"
                    role="button"
                    aria-label=aria
                    on:click=move |_| open_edge(e)
                    on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); open_edge(e) }
                >
                    <title>{label}</title>
                    <line class="hit" x1=x1 y1=y1 x2=x2 y2=y2 />
                    <line class=format!("edge {}", tone_class(tone)) x1=x1 y1=y1 x2=x2 y2=y2 stroke-width=width />
                </g>
            }
        }).collect_view()
    };
    let nodes = move || {
        result.with(|r| r.nodes.clone()).into_iter().map(|n| {
            let info = ex.actor(n.actor);
            let (x, y) = xy(n.actor);
            let radius = 7.0 + 20.0 * (n.articles as f32 / max_articles()).sqrt();
            let id = info.id.clone();
            let toggle_id = id.clone();
            let key_id = id.clone();
            let pressed_id = id.clone();
            let pressed = move || state.with(|s| s.actors.contains(&pressed_id));
            let label = format!("{}: {} article{}", info.name, n.articles, if n.articles == 1 { "" } else { "s" });
            let aria = label.clone();
            let shape = match info.kind {
                ActorKind::Person => view! { <circle class="node person" cx=x cy=y r=radius /> }.into_any(),
                ActorKind::Country => view! {
                    <rect class="node country" x=x - radius * 0.9 y=y - radius * 0.9 width=radius * 1.8 height=radius * 1.8 rx="3" />
                }.into_any(),
                ActorKind::Organization => view! {
                    <polygon class="node organization" points=format!("{x},{} {},{y} {x},{} {},{y}", y - radius * 1.15, x + radius * 1.15, y + radius * 1.15, x - radius * 1.15) />
                }.into_any(),
            };
            view! {
                <g
                    class=format!("actor {}", kind_class(info.kind))
                    class:selected=pressed
                    data-actor=id
                    tabindex="0"
                    role="button"
                    aria-pressed=move || state.with(|s| s.actors.contains(&key_id)).to_string()
                    aria-label=aria
                    on:click={
                        let toggle_id = toggle_id.clone();
                        move |_| state.update(|s| s.toggle_actor(&toggle_id))
                    }
                    on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        state.update(|s| s.toggle_actor(&toggle_id))
                    }
                >
                    <title>{label}</title>
                    {shape}
                    <text class="node-label" x=x y=y + radius + 14.0>{info.name.clone()}</text>
                </g>
            }
        }).collect_view()
    };
    view! {
        <div class="map-wrap">
            <svg id="map" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="group" aria-label="Relationship map: actors are nodes, shared sentences are edges; press Enter on an edge for its evidence">
                <g class="edges">{edges}</g>
                <g class="nodes">{nodes}</g>
            </svg>
            <p class="map-empty" hidden=move || result.with(|r| !r.nodes.is_empty())>"No actors in the matching articles."</p>
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
        edges.sort_by(|x, y| match key {
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
