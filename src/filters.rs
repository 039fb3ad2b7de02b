//! The three facets: actors (searchable, grouped by kind, all/any), years (a bar chart: click a
//! bar, or drag across bars for a range; undated articles are a value of their own) and outlets.
//! Counts come from the query: each facet counted under the other facets' selections.

use crate::ctx;
use crate::state::ViewState;
use coverage_core::index::{ActorMode, YearKey};
use coverage_core::model::ActorKind;
use leptos::prelude::*;

/// How many actors of a kind are listed before "show all".
const SHORT_LIST: usize = 12;
/// How many are listed at most, after "show all" or for a search.
const LONG_LIST: usize = 100;

/// A facet's heading with its clear button.
#[component]
fn FacetHead(
    title: &'static str,
    facet: &'static str,
    #[prop(into)] active: Signal<bool>,
    on_clear: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="facet-head">
            <h2>{title}</h2>
            <button class="link" data-clear=facet disabled=move || !active.get() on:click=move |_| on_clear()>
                "clear"
            </button>
        </div>
    }
}

/// A facet value: a toggle button with a label and a count. Zero counts stay, greyed.
#[component]
fn FacetValue(
    value: String,
    label: String,
    #[prop(into)] count: Signal<u32>,
    #[prop(into)] pressed: Signal<bool>,
    on_toggle: impl Fn() + 'static,
    #[prop(optional)] extra_class: &'static str,
) -> impl IntoView {
    view! {
        <button
            class=format!("value {extra_class}")
            class:zero=move || count.get() == 0
            data-value=value
            aria-pressed=move || pressed.get().to_string()
            on:click=move |_| on_toggle()
        >
            <span class="label">{label}</span>
            <span class="count">{move || count.get()}</span>
        </button>
    }
}

#[component]
pub fn ActorFacet() -> impl IntoView {
    let c = ctx();
    let (ex, state, result) = (c.ex, c.state, c.result);
    let search = RwSignal::new(String::new());
    let show_all = RwSignal::new(false);
    let groups = [
        (ActorKind::Person, "People"),
        (ActorKind::Country, "Countries"),
        (ActorKind::Organization, "Organisations"),
    ];
    let group = move |kind: ActorKind, title: &'static str| {
        // A memo: toggling an actor already listed leaves the list, and its buttons, as they are.
        let listed = Memo::new(move |_| {
            let needle = lowercase(&search.get());
            let limit = if show_all.get() || !needle.is_empty() {
                LONG_LIST
            } else {
                SHORT_LIST
            };
            let selected = state.with(|s| s.actors.clone());
            let mut matching = ex
                .actors_by_count
                .iter()
                .copied()
                .filter(|&a| ex.actor(a).kind == kind)
                .filter(|&a| {
                    needle.is_empty()
                        || lowercase(&ex.actor(a).name).contains(&needle)
                        || ex.actor(a).id.contains(&needle)
                });
            let mut list: Vec<u32> = matching.by_ref().take(limit).collect();
            let more = matching.count();
            // Selected actors always stay visible.
            for id in selected {
                if let Some(a) = ex
                    .actor_index(&id)
                    .filter(|a| ex.actor(*a).kind == kind && !list.contains(a))
                {
                    list.push(a);
                }
            }
            (list, more)
        });
        let items = Memo::new(move |_| listed.with(|l| l.0.clone()));
        // Past `LONG_LIST`, the search box is the way in: hundreds of buttons help nobody, and
        // each one's counts would be redrawn on every click.
        let more = move || {
            let (n, shown_all) = (listed.with(|l| l.1), show_all.get());
            (n > 0 && (shown_all || !search.with(String::is_empty)))
                .then(|| format!("{n} more: type a name above to find one"))
        };
        view! {
            <div class="group" hidden=move || items.with(Vec::is_empty)>
                <h3>{title}</h3>
                <div class="values">
                    {move || {
                        items
                            .get()
                            .into_iter()
                            .map(|a| {
                                let info = ex.actor(a);
                                let id = info.id.clone();
                                let toggle_id = id.clone();
                                let pressed_id = id.clone();
                                let label = if info.known { info.name.clone() } else { format!("{} ·?", info.name) };
                                view! {
                                    <FacetValue
                                        value=id
                                        label=label
                                        count=Signal::derive(move || result.with(|r| r.actor_counts[a as usize]))
                                        pressed=Signal::derive(move || state.with(|s| s.actors.contains(&pressed_id)))
                                        on_toggle=move || state.update(|s| s.toggle_actor(&toggle_id))
                                        extra_class=if info.known { "" } else { "detected" }
                                    />
                                }
                            })
                            .collect_view()
                    }}
                </div>
                <p class="more-note" hidden=move || more().is_none()>{move || more().unwrap_or_default()}</p>
            </div>
        }
    };
    let mode_label = move || match state.with(|s| s.mode) {
        ActorMode::All => "all",
        ActorMode::Any => "any",
    };
    view! {
        <section class="facet" data-facet="actors" aria-label="Actors">
            <FacetHead
                title="Actors"
                facet="actors"
                active=Signal::derive(move || state.with(|s| !s.actors.is_empty()))
                on_clear=move || state.update(|s| s.actors.clear())
            />
            <div class="actor-tools">
                <input
                    id="actor-search"
                    type="search"
                    placeholder="Find an actor…"
                    aria-label="Find an actor"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
                // The name is the visible text ("match all"), as WCAG 2.5.3 wants; the title
                // says what it means and what a click does.
                <button
                    id="actor-mode"
                    class="button small"
                    title=move || match state.with(|s| s.mode) {
                        ActorMode::All => "Articles must name all the selected actors. Click to match any of them.",
                        ActorMode::Any => "Articles must name any of the selected actors. Click to match all of them.",
                    }
                    on:click=move |_| state.update(|s| s.mode = if s.mode == ActorMode::All { ActorMode::Any } else { ActorMode::All })
                >
                    "match " <strong>{mode_label}</strong>
                </button>
            </div>
            {groups.map(|(kind, title)| group(kind, title)).collect_view()}
            <button class="link more" on:click=move |_| show_all.update(|v| *v = !*v)>
                {move || if show_all.get() { "show fewer" } else { "show all actors" }}
            </button>
        </section>
    }
}

#[component]
pub fn YearFacet() -> impl IntoView {
    let c = ctx();
    let (ex, state, result) = (c.ex, c.state, c.result);
    let years: Vec<YearKey> = ex.index.years.clone();
    let years_for_drag = years.clone();
    // A drag across bars selects the range; a click toggles one year.
    let drag: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let dragged = RwSignal::new(false);
    let finish = move || {
        if let Some((a, b)) = drag.get_untracked()
            && a != b
        {
            let (lo, hi) = (a.min(b), a.max(b));
            let range: Vec<YearKey> = years_for_drag[lo..=hi]
                .iter()
                .copied()
                .filter(Option::is_some)
                .collect();
            state.update(|s| s.years = range);
            dragged.set(true);
        }
        drag.set(None);
    };
    let up = window_event_listener(leptos::ev::pointerup, move |_| finish());
    on_cleanup(move || up.remove());
    let max = move || {
        result
            .with(|r| r.year_counts.iter().copied().max().unwrap_or(0))
            .max(1)
    };
    let bars = years
        .iter()
        .enumerate()
        .map(|(slot, &year)| {
            let label = year.map_or_else(|| "no date".to_string(), |y| y.to_string());
            let value = year.map_or_else(|| "none".to_string(), |y| y.to_string());
            let count = Signal::derive(move || result.with(|r| r.year_counts[slot]));
            let in_drag = move || drag.get().is_some_and(|(a, b)| (a.min(b)..=a.max(b)).contains(&slot));
            view! {
                <button
                    class="bar"
                    class:undated=year.is_none()
                    class:zero=move || count.get() == 0
                    class:dragging=in_drag
                    data-value=value
                    title=format!("{label}: click to toggle, drag across years for a range")
                    aria-pressed=move || state.with(|s| s.years.contains(&year)).to_string()
                    on:pointerdown=move |_| drag.set(Some((slot, slot)))
                    on:pointerenter=move |_| drag.update(|d| if let Some((a, _)) = *d { *d = Some((a, slot)) })
                    on:click=move |_| {
                        if dragged.get_untracked() {
                            dragged.set(false);
                        } else {
                            state.update(|s| s.toggle_year(year));
                        }
                    }
                >
                    <span class="fill" style:height=move || format!("{}%", count.get() * 100 / max())></span>
                    <span class="count">{move || count.get()}</span>
                    <span class="year">{label.clone()}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="facet" data-facet="years" aria-label="Years">
            <FacetHead
                title="Years"
                facet="years"
                active=Signal::derive(move || state.with(|s| !s.years.is_empty()))
                on_clear=move || state.update(|s| s.years.clear())
            />
            <div class="bars" role="group" aria-label="Articles per year">{bars}</div>
        </section>
    }
}

#[component]
pub fn OutletFacet() -> impl IntoView {
    let c = ctx();
    let (ex, state, result) = (c.ex, c.state, c.result);
    let unknown_slot = ex.bundle.index.outlets.len();
    let has_unknown = ex.index_has_unknown_outlet();
    let values = ex
        .outlets_by_count
        .iter()
        .map(|&o| {
            let info = &ex.bundle.index.outlets[o as usize];
            let id = info.id.clone();
            let pressed_id = Some(id.clone());
            let toggle_id = Some(id.clone());
            view! {
                <FacetValue
                    value=id
                    label=info.name.clone()
                    count=Signal::derive(move || result.with(|r| r.outlet_counts[o as usize]))
                    pressed=Signal::derive(move || state.with(|s| s.outlets.contains(&pressed_id)))
                    on_toggle=move || state.update(|s: &mut ViewState| s.toggle_outlet(toggle_id.clone()))
                />
            }
        })
        .collect_view();
    let unknown = has_unknown.then(|| {
        view! {
            <FacetValue
                value="none".to_string()
                label="Outlet not known".to_string()
                count=Signal::derive(move || result.with(|r| r.outlet_counts[unknown_slot]))
                pressed=Signal::derive(move || state.with(|s| s.outlets.contains(&None)))
                on_toggle=move || state.update(|s| s.toggle_outlet(None))
                extra_class="unknown"
            />
        }
    });
    view! {
        <section class="facet" data-facet="outlets" aria-label="Outlets">
            <FacetHead
                title="Outlets"
                facet="outlets"
                active=Signal::derive(move || state.with(|s| !s.outlets.is_empty()))
                on_clear=move || state.update(|s| s.outlets.clear())
            />
            <div class="values">{values} {unknown}</div>
        </section>
    }
}

/// A name in lower case for the actor search. In the page the browser lowers it: Rust's
/// `to_lowercase` brings Unicode's case tables (~18 KB of wasm) into the first load for this
/// one search box.
#[cfg(target_arch = "wasm32")]
fn lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

#[cfg(not(target_arch = "wasm32"))]
fn lowercase(text: &str) -> String {
    text.to_lowercase()
}
