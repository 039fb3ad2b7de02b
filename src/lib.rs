//! coverage-explorer, the page: filters a bundled corpus of news coverage by actor, year and
//! outlet, draws who relates to whom, and shows the sentences behind every edge. This module
//! holds the app root, the shared context and the URL-hash sync; each UI concern has a module.

pub mod add_pages;
pub mod articles;
pub mod data;
pub mod decimal;
pub mod dictionary;
pub mod evidence;
pub mod export;
pub mod filters;
pub mod keep;
pub mod map;
pub mod offline;
pub mod reader;
pub mod save_page;
pub mod state;
pub mod worker;

use coverage_core::index::{QueryResult, Selection};
use data::Explorer;
use leptos::prelude::*;
use state::ViewState;

/// What every component reads: the corpus, the view state and the current query answer.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub ex: &'static Explorer,
    pub state: RwSignal<ViewState>,
    pub result: Memo<QueryResult>,
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// The page root: the explorer over the shown corpus (the built one, or the user's pages), or
/// a clear message when the bundle cannot be read.
#[component]
pub fn App() -> impl IntoView {
    let built = data::explorer();
    let corpora = add_pages::Corpora::new(built.ok());
    provide_context(corpora);
    add_pages::listen_for_drops(corpora);
    // A saved page shows the corpus it carries; otherwise the pages kept from a last visit.
    keep::restore(corpora, save_page::adopt_embedded(corpora));
    move || match (corpora.current.get(), built) {
        (Some(ex), _) => view! { <Explorer ex=ex /> }.into_any(),
        (None, Err(message)) => view! {
            <main class="fatal">
                <h1>"The corpus could not be loaded"</h1>
                <p>{message.to_string()}</p>
                <p>"Rebuild the page with " <code>"cargo xtask serve"</code> "."</p>
            </main>
        }
        .into_any(),
        (None, Ok(_)) => ().into_any(),
    }
}

fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The explorer over a decoded corpus.
#[component]
pub fn Explorer(ex: &'static Explorer) -> impl IntoView {
    let (initial, link_notices) = ViewState::parse(&location_hash());
    let state = RwSignal::new(initial);
    let link_notices = RwSignal::new(link_notices);

    let resolved: Memo<(Selection, Vec<String>)> =
        Memo::new(move |_| state.with(|s| ex.resolve(s)));
    let map_size = Memo::new(move |_| state.with(|s| s.map_size));
    let result = Memo::new(move |_| {
        let n = map_size.get();
        resolved.with(|(sel, _)| ex.index.query(ex.cols(), sel, n))
    });
    provide_context(Ctx { ex, state, result });

    // The state lives in the URL hash: write it on change, read it on back/forward.
    Effect::new(move |_| {
        let hash = state.with(ViewState::to_hash);
        if location_hash().trim_start_matches('#') != hash {
            let _ = window().location().set_hash(&hash);
        }
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let (parsed, notices) = ViewState::parse(&location_hash());
        if state.with_untracked(|s| *s != parsed) {
            state.set(parsed);
        }
        link_notices.set(notices);
    });
    on_cleanup(move || listener.remove());

    let notices = move || {
        let mut all = link_notices.get();
        all.extend(resolved.with(|(_, n)| n.clone()));
        all
    };
    let total = ex.cols().len();
    let count = move || result.with(|r| r.matches.len()).to_string();

    view! {
        <header class="top">
            <div class="brand">
                <h1>"Coverage explorer"</h1>
                <p class="tagline">"North Korea – Russia in the news: who appears with whom, where, and how it is framed"</p>
            </div>
            <div class="summary" role="status" aria-live="polite">
                <span id="match-count">{count}</span>
                <span class="of">{format!(" of {total} articles match")}</span>
            </div>
            <button
                id="clear-all"
                class="button"
                on:click=move |_| state.update(ViewState::clear_filters)
                disabled=move || state.with(|s| s.actors.is_empty() && s.years.is_empty() && s.outlets.is_empty())
            >
                "Clear all filters"
            </button>
        </header>
        <add_pages::AddPages />
        <dictionary::DictionaryPanel />
        <div id="notice" class="notice" role="alert" hidden=move || notices().is_empty()>
            <ul>{move || notices().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            <button class="link" on:click=move |_| {
                link_notices.set(Vec::new());
                state.update(|s| drop_unknown(ex, s));
            }>"Dismiss"</button>
        </div>
        <div class="layout">
            <aside class="filters" aria-label="Filters">
                <filters::ActorFacet />
                <filters::YearFacet />
                <filters::OutletFacet />
            </aside>
            <main class="centre">
                <map::MapPanel />
                <p class="hint" hidden=move || state.with(|s| s.edge.is_some())>
                    "Click a node to filter by that actor. Click a line between two actors to read the sentences behind it."
                </p>
                <evidence::EvidencePanel />
                <export::ExportPanel />
            </main>
            <section class="side" aria-label="Articles">
                <reader::Reader />
                <articles::ArticleList />
            </section>
        </div>
        <BuildInfo />
    }
}

/// Removes values the corpus does not have, so dismissing a notice also cleans the link.
fn drop_unknown(ex: &Explorer, s: &mut ViewState) {
    s.actors.retain(|a| ex.actor_index(a).is_some());
    s.years.retain(|y| ex.index.year_slot(*y).is_some());
    s.outlets
        .retain(|o| o.as_deref().is_none_or(|o| ex.outlet_index(o).is_some()));
    if s.article
        .as_deref()
        .is_some_and(|a| ex.article_index(a).is_none())
    {
        s.article = None;
    }
    if s.edge
        .as_ref()
        .is_some_and(|(a, b)| ex.actor_index(a).is_none() || ex.actor_index(b).is_none())
    {
        s.edge = None;
    }
}

/// The footer: what the bundle was built from, so a view can be cited and reproduced.
#[component]
fn BuildInfo() -> impl IntoView {
    let info = &ctx().ex.bundle.index.info;
    view! {
        <footer class="build" id="build-info">
            <span>{format!("Built from {} files", info.files)}</span>
            " · "
            <span>"on " <time datetime=info.built.clone()>{info.built.clone()}</time></span>
            " · "
            <span>"corpus SHA-256 " <code class="hash" title="SHA-256 of actors.toml, outlets.toml, sources.toml and every article, concatenated in that order (articles in name order)">{info.corpus_hash.clone()}</code></span>
        </footer>
    }
}

/// Mounts the app on the page body and, over http(s), registers the offline service worker.
pub fn mount() {
    console_error_panic_hook::set_once();
    offline::register_service_worker();
    leptos::mount::mount_to_body(App);
}
