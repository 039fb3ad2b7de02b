//! "Fix the dictionary": the names the dictionary does not know in the shown corpus (gathered by
//! `coverage_core::unknown` from the bundle, as `coverage suggest-actors` gathers them from the pages),
//! and the user's edits: add a name as an actor, give an actor another name, merge two. The
//! reading worker checks each edit and writes actors.toml; the edits are kept with the kept
//! pages, and the user's pages are read again with them. Owns the edits and their panel; it
//! reads no pages and writes no TOML itself.

mod body;

use crate::add_pages::Corpora;
use crate::ctx;
use crate::data::Explorer;
use coverage_core::edit::Edit;
use coverage_core::model::ActorKind;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The edits and what the panel says about them. Reference-counted signals: they outlive any one
/// mount of the explorer (reading the pages again mounts it anew), as the kept pages' do.
#[derive(Clone)]
struct Edits {
    list: ArcRwSignal<Vec<Edit>>,
    /// actors.toml with `list`, once the worker has written it in this visit.
    text: ArcRwSignal<Option<String>>,
    busy: ArcRwSignal<bool>,
    status: ArcRwSignal<String>,
    problem: ArcRwSignal<Option<String>>,
    /// Whether the panel is open.
    open: ArcRwSignal<bool>,
    /// Set when an edit has the pages read again: the panel of the new explorer takes the focus.
    refocus: ArcRwSignal<bool>,
    /// Set once edits are made or forgotten in this visit, so a late restore does not undo them.
    touched: ArcRwSignal<bool>,
}

thread_local! {
    static EDITS: std::cell::OnceCell<Edits> = const { std::cell::OnceCell::new() };
}

fn edits() -> Edits {
    EDITS.with(|e| {
        e.get_or_init(|| Edits {
            list: ArcRwSignal::new(Vec::new()),
            text: ArcRwSignal::new(None),
            busy: ArcRwSignal::new(false),
            status: ArcRwSignal::new(String::new()),
            problem: ArcRwSignal::new(None),
            open: ArcRwSignal::new(false),
            refocus: ArcRwSignal::new(false),
            touched: ArcRwSignal::new(false),
        })
        .clone()
    })
}

/// The edits pages are read with now.
pub fn current() -> Vec<Edit> {
    edits().list.get_untracked()
}

/// Whether there are edits (tracked).
pub fn has_edits() -> bool {
    edits().list.with(|l| !l.is_empty())
}

/// The edits kept from an earlier visit, unless this visit has made its own.
pub fn restored(list: Vec<Edit>) {
    let e = edits();
    if !e.touched.get_untracked() {
        e.list.set(list);
    }
}

/// "Forget my pages": the edits go too.
pub fn forget() {
    let e = edits();
    e.touched.set(true);
    e.list.set(Vec::new());
    e.text.set(None);
    e.problem.set(None);
    e.status.set(String::new());
}

/// Makes `candidate` the edits once the worker has written them into actors.toml, keeps them,
/// and reads the user's pages again; `done` says what changed.
fn change(candidate: Vec<Edit>, corpora: Corpora, done: String) {
    let e = edits();
    e.busy.set(true);
    e.problem.set(None);
    e.status.set("Checking the edit…".into());
    leptos::task::spawn_local(async move {
        let written = if candidate.is_empty() {
            Ok(None)
        } else {
            crate::worker::edited_actors(&candidate).await.map(Some)
        };
        e.busy.set(false);
        match written {
            Ok(text) => {
                e.touched.set(true);
                crate::keep::store_edits(&candidate);
                e.list.set(candidate);
                e.text.set(text);
                let again = corpora.reread();
                e.refocus.set(again);
                e.status.set(if again {
                    format!("{done} Your pages are read again with the edited dictionary.")
                } else {
                    done
                });
            }
            Err(why) => {
                e.status.set(String::new());
                e.problem
                    .set(Some(format!("That edit cannot be made: {why}")));
            }
        }
    });
}

/// Adds `edit` to the edits, unless one is being checked.
fn propose(edit: Edit, corpora: Corpora, done: String) {
    let e = edits();
    if e.busy.get_untracked() {
        return;
    }
    let mut candidate = e.list.get_untracked();
    candidate.push(edit);
    change(candidate, corpora, done);
}

/// Takes back edit `i`.
fn undo(i: usize, ex: &Explorer, corpora: Corpora) {
    let e = edits();
    let mut candidate = e.list.get_untracked();
    if i < candidate.len() && !e.busy.get_untracked() {
        let gone = candidate.remove(i);
        change(
            candidate,
            corpora,
            format!("Undone: {}.", described(ex, &gone)),
        );
    }
}

/// Says why a form is not an edit.
fn refuse(why: &str) {
    edits().problem.set(Some(why.to_string()));
}

/// Downloads actors.toml with the edits (written by the worker unless it already has been);
/// what happened, in a sentence.
async fn export() -> String {
    let e = edits();
    let text = match e.text.get_untracked() {
        Some(text) => Ok(text),
        None => crate::worker::edited_actors(&e.list.get_untracked()).await,
    };
    let saved = text.and_then(|text| {
        let blob = gloo::file::Blob::new_with_options(text.as_str(), Some("application/toml"));
        e.text.set(Some(text));
        crate::export::download("actors.toml", blob)
    });
    match saved {
        Ok(()) => "Saved actors.toml.".into(),
        Err(why) => format!("actors.toml could not be made: {why}"),
    }
}

/// The actor's display name in this corpus (or the built one: an actor merged away is in
/// neither after), else its id.
fn name_of(ex: &Explorer, id: &str) -> String {
    let named = |ex: &Explorer| {
        ex.actor_index(id)
            .and_then(|i| ex.bundle.index.actors.get(i as usize))
            .map(|a| a.name.clone())
    };
    named(ex)
        .or_else(|| crate::data::explorer().ok().and_then(named))
        .unwrap_or_else(|| id.to_string())
}

/// An edit in words, with the corpus's names for its actors.
fn described(ex: &Explorer, edit: &Edit) -> String {
    match edit {
        Edit::AddActor {
            name,
            kind,
            surname,
            aliases,
        } => {
            let mut s = format!("Added {name} ({})", kind_label(*kind));
            if let Some(surname) = surname {
                s.push_str(&format!(", surname {surname}"));
            }
            if !aliases.is_empty() {
                s.push_str(&format!(", also {}", aliases.join(", ")));
            }
            s
        }
        Edit::AddAlias { actor, alias } => {
            format!("“{alias}” is {}", name_of(ex, actor))
        }
        Edit::Merge { from, into } => {
            format!("Merged {} into {}", name_of(ex, from), name_of(ex, into))
        }
    }
}

fn kind_label(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Country => "country",
        ActorKind::Organization => "organisation",
    }
}

/// "person" | "country" | "organization", as the select's values are.
fn parse_kind(value: &str) -> ActorKind {
    ActorKind::ALL
        .into_iter()
        .find(|k| k.as_str() == value)
        .unwrap_or(ActorKind::Organization)
}

/// The panel: a disclosure under "Your pages", whose body is built only while open.
#[component]
pub fn DictionaryPanel() -> impl IntoView {
    let e = edits();
    let (open, shown, list) = (e.open.clone(), e.open.clone(), e.list.clone());
    let count = move || match list.with(Vec::len) {
        0 => String::new(),
        1 => "1 edit".into(),
        n => format!("{n} edits"),
    };
    view! {
        <details id="dictionary" class="dictionary" prop:open=move || shown.get()
            on:toggle=move |ev| {
                let now = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                if now != open.get_untracked() {
                    open.set(now);
                }
            }>
            <summary>
                <span class="dictionary-title">"Fix the dictionary"</span>
                <span class="dictionary-count">{count}</span>
            </summary>
            {move || e.open.get().then(|| view! { <Body /> })}
        </details>
    }
}

/// What edits do to the corpus shown, in a sentence.
fn scope_note(corpora: Corpora) -> &'static str {
    match (corpora.showing_added(), corpora.can_reread()) {
        (true, true) => {
            "Each edit is checked, kept in this browser with your pages, and your pages are read again with it: the counts, filters and map then follow the edited dictionary."
        }
        (true, false) => {
            "This corpus came inside the page without its pages, so it cannot be read again here. Your edits are kept, apply to pages you add, and go into the actors.toml below."
        }
        (false, true) => {
            "This corpus was built into the page, which holds what was read from its pages but not the pages, so it cannot be read again here. Your own pages are read again with each edit and shown; the actors.toml below rebuilds this corpus with the edits (coverage bundle --corpus FOLDER)."
        }
        (false, false) => {
            "This corpus was built into the page, which holds what was read from its pages but not the pages, so it cannot be read again here. Your edits are checked and kept, apply to the pages you add, and go into the actors.toml below: a build with it (coverage bundle --corpus FOLDER) gives this corpus with them."
        }
    }
}

/// The panel's body: built once into its element (`body`), then kept current with the edits.
#[component]
fn Body() -> impl IntoView {
    let ex = ctx().ex;
    let corpora = expect_context::<Corpora>();
    let root = NodeRef::<html::Div>::new();
    let built = StoredValue::new_local(None::<body::Body>);
    let e = edits();
    Effect::new(move |_| {
        let shown = (e.list.get(), e.status.get(), e.problem.get(), e.busy.get());
        let Some(div) = root.get() else { return };
        if built.with_value(Option::is_none) {
            let note = untrack(|| scope_note(corpora));
            built.set_value(Some(body::Body::build(&div, ex, corpora, note)));
            // The explorer was mounted anew after an edit had the pages read again: the
            // focus, lost with the old panel, goes to the line saying what the edit did.
            if e.refocus.get_untracked() {
                e.refocus.set(false);
                body::focus_status(&div);
            }
        }
        body::show(&div, ex, &shown.0, &shown.1, shown.2.as_deref(), shown.3);
    });
    view! { <div class="dictionary-body" node_ref=root></div> }
}
