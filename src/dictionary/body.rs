//! The dictionary panel's body, built with plain DOM calls rather than typed Leptos views: the
//! names list, three forms and the edits. As typed views they cost the page's first-load wasm
//! about 23 KB gzip; built from a few shared functions, about 12 KB. Every text from the corpus
//! goes in as a text node; two listeners on the body (click, submit) serve every control.

use super::{Corpora, Edit, Explorer, described, kind_label, parse_kind, propose, refuse};
use coverage_core::model::ActorKind;
use coverage_core::unknown::UnknownName;
use gloo::events::EventListener;
use leptos::prelude::WithUntracked;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// Names listed at most, the most named first (`coverage suggest-actors` lists every one).
const LISTED: usize = 300;

/// A form field: id, label, what it holds.
type Field = (&'static str, &'static str, Holds);

/// The three forms: id, heading, button, fields.
const FORMS: [(&str, &str, &str, &[Field]); 3] = [
    (
        "add-actor",
        "Add an actor",
        "Add to the dictionary",
        &[
            ("new-name", "Name", Holds::Text),
            ("new-kind", "Kind", Holds::Kind),
            (
                "new-surname",
                "A person's surname, as printed alone",
                Holds::Text,
            ),
            (
                "new-aliases",
                "Other names, separated by commas",
                Holds::Text,
            ),
        ],
    ),
    (
        "add-alias",
        "Another name of an actor",
        "Add the name",
        &[
            ("alias-name", "Name as printed", Holds::Text),
            ("alias-actor", "Names the actor", Holds::Actor),
        ],
    ),
    (
        "merge-actors",
        "Merge two actors",
        "Merge",
        &[
            ("merge-from", "Merge", Holds::Actor),
            ("merge-into", "into", Holds::Actor),
        ],
    ),
];

/// What a form field holds.
#[derive(Clone, Copy)]
enum Holds {
    Text,
    Kind,
    Actor,
}

/// Corpora whose names are remembered.
const REMEMBERED: usize = 4;

thread_local! {
    /// The names of the last corpora asked about (by their explorer's address, newest last), so
    /// that opening the panel again, or going back to a corpus, asks the worker nothing.
    static NAMES: RefCell<Vec<(usize, Rc<Vec<UnknownName>>)>> = const { RefCell::new(Vec::new()) };
}

/// The built body: its listeners, removed when it is dropped.
pub struct Body {
    _listeners: [EventListener; 2],
}

fn document() -> Document {
    leptos::prelude::document()
}

/// Appends a `tag` element with `attrs` and `text` to `parent`.
fn add(parent: &Element, tag: &str, attrs: &[(&str, &str)], text: &str) -> Element {
    let e = document()
        .create_element(tag)
        .expect("the panel's tag names are valid");
    for (name, value) in attrs {
        let _ = e.set_attribute(name, value);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    let _ = parent.append_child(&e);
    e
}

fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

fn text_of(id: &str) -> String {
    by_id(id)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value().trim().to_string())
        .unwrap_or_default()
}

fn choice_of(id: &str) -> String {
    by_id(id)
        .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

fn set_value(id: &str, value: &str) {
    if let Some(e) = by_id(id) {
        let _ = js_sys::Reflect::set(&e, &"value".into(), &value.into());
    }
}

fn set_hidden(e: &Element, hidden: bool) {
    let _ = e.toggle_attribute_with_force("hidden", hidden);
}

impl Body {
    /// Builds the body into `root` (empty) for the corpus `ex`, under the sentence `note`.
    pub fn build(root: &Element, ex: &'static Explorer, corpora: Corpora, note: &str) -> Body {
        add(root, "p", &[("class", "dictionary-note")], note);
        let grid = add(root, "div", &[("class", "dictionary-grid")], "");
        let unknown = add(
            &grid,
            "section",
            &[("class", "unknown"), ("aria-labelledby", "unknown-title")],
            "",
        );
        add(
            &unknown,
            "h2",
            &[("id", "unknown-title")],
            "Names the dictionary does not know",
        );
        let holder = add(&unknown, "div", &[("id", "unknown-list")], "");
        add(
            &holder,
            "p",
            &[("id", "finding-names"), ("class", "unknown-none")],
            "Finding the names…",
        );
        forms(&add(&grid, "div", &[("class", "dictionary-forms")], ""), ex);
        edits(&grid);
        add(
            root,
            "p",
            &[
                ("id", "dictionary-status"),
                ("class", "dictionary-status"),
                ("role", "status"),
                ("tabindex", "-1"),
            ],
            "",
        );
        let problem = add(
            root,
            "p",
            &[
                ("id", "dictionary-problem"),
                ("class", "reading-error"),
                ("role", "alert"),
            ],
            "",
        );
        set_hidden(&problem, true);

        let names: Rc<RefCell<Rc<Vec<UnknownName>>>> = Rc::default();
        find_names(ex, corpora, holder, Rc::clone(&names));
        let clicked = EventListener::new(root, "click", move |event| {
            let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            let data = |name: &str| {
                target
                    .closest(&format!("[{name}]"))
                    .ok()
                    .flatten()
                    .and_then(|e| e.get_attribute(name))
                    .and_then(|v| v.parse::<usize>().ok())
            };
            if let Some(i) = data("data-pick") {
                if let Some(n) = names.borrow().get(i) {
                    pick(n);
                }
            } else if let Some(i) = data("data-undo") {
                super::undo(i, ex, corpora);
            } else if target.id() == "export-actors" {
                leptos::task::spawn_local(async move {
                    let said = super::export().await;
                    if let Some(e) = by_id("export-status") {
                        e.set_text_content(Some(&said));
                    }
                });
            }
        });
        let sent = EventListener::new_with_options(
            root,
            "submit",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            move |event| {
                event.prevent_default();
                if let Some(form) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                    send(&form.id(), ex, corpora);
                }
            },
        );
        Body {
            _listeners: [clicked, sent],
        }
    }
}

/// The three forms, with the corpus's dictionary actors to choose from.
fn forms(parent: &Element, ex: &Explorer) {
    for (id, title, button, fields) in FORMS {
        let title_id = format!("{id}-title");
        let form = add(
            parent,
            "form",
            &[
                ("id", id),
                ("class", "dictionary-form"),
                ("aria-labelledby", &title_id),
            ],
            "",
        );
        add(&form, "h3", &[("id", &title_id)], title);
        for &(field, label, holds) in fields {
            add(&form, "label", &[("for", field)], label);
            let attrs = [("id", field)];
            match holds {
                Holds::Text => {
                    add(
                        &form,
                        "input",
                        &[
                            ("id", field),
                            ("type", "text"),
                            ("autocomplete", "off"),
                            ("spellcheck", "false"),
                        ],
                        "",
                    );
                }
                Holds::Kind => {
                    let select = add(&form, "select", &attrs, "");
                    for k in ActorKind::ALL {
                        add(&select, "option", &[("value", k.as_str())], kind_label(k));
                    }
                }
                Holds::Actor => {
                    let select = add(&form, "select", &attrs, "");
                    add(&select, "option", &[("value", "")], "Choose an actor");
                    // The bundle lists actors by id, made from names: near enough alphabetical.
                    for a in ex.bundle.index.actors.iter().filter(|a| a.known) {
                        add(&select, "option", &[("value", &a.id)], &a.name);
                    }
                }
            }
        }
        add(
            &form,
            "button",
            &[("type", "submit"), ("class", "button")],
            button,
        );
    }
}

/// The edits' section: the list (filled by `show`) and actors.toml to download.
fn edits(parent: &Element) {
    let section = add(
        parent,
        "section",
        &[
            ("class", "dictionary-edits"),
            ("aria-labelledby", "edits-title"),
        ],
        "",
    );
    add(&section, "h3", &[("id", "edits-title")], "Your edits");
    add(
        &section,
        "p",
        &[("id", "no-edits"), ("class", "unknown-none")],
        "None yet.",
    );
    add(&section, "ol", &[("id", "dictionary-edits")], "");
    add(
        &section,
        "button",
        &[
            ("id", "export-actors"),
            ("type", "button"),
            ("class", "button small"),
            ("aria-describedby", "export-actors-note"),
        ],
        "Download actors.toml",
    );
    let note = add(
        &section,
        "p",
        &[("id", "export-actors-note"), ("class", "dictionary-hint")],
        "The shipped actors.toml with your edits. In a folder of its own, ",
    );
    add(&note, "code", &[], "coverage ingest --corpus FOLDER PAGES");
    let _ = note.append_with_str_1(" reads your pages as this page does.");
    add(
        &section,
        "p",
        &[
            ("id", "export-status"),
            ("class", "dictionary-hint"),
            ("role", "status"),
        ],
        "",
    );
}

/// The element `id` under `root` (which may not be in the document yet).
fn under(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("#{id}")).ok().flatten()
}

/// Shows the edits, what the last one did and why one could not be made.
pub fn show(
    root: &Element,
    ex: &Explorer,
    list: &[Edit],
    status: &str,
    problem: Option<&str>,
    busy: bool,
) {
    let by_id = |id: &str| under(root, id);
    if let Some(e) = by_id("dictionary-status") {
        e.set_text_content(Some(status));
    }
    if let Some(e) = by_id("dictionary-problem") {
        e.set_text_content(problem);
        set_hidden(&e, problem.is_none());
    }
    if let Some(e) = by_id("no-edits") {
        set_hidden(&e, !list.is_empty());
    }
    if let Some(e) = by_id("export-actors") {
        let _ = e.toggle_attribute_with_force("disabled", list.is_empty() || busy);
    }
    let Some(ol) = by_id("dictionary-edits") else {
        return;
    };
    ol.set_text_content(None);
    for (i, edit) in list.iter().enumerate() {
        let text = described(ex, edit);
        let li = add(&ol, "li", &[], &text);
        let undo = add(
            &li,
            "button",
            &[
                ("type", "button"),
                ("class", "button small"),
                ("data-undo", &i.to_string()),
                ("aria-label", &format!("Undo: {text}")),
            ],
            "Undo",
        );
        let _ = undo.toggle_attribute_with_force("disabled", busy);
    }
}

/// Moves the focus to the line saying what the last edit did, once the body is in the page.
pub fn focus_status(root: &Element) {
    if let Some(e) = under(root, "dictionary-status").and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        gloo::timers::callback::Timeout::new(0, move || {
            let _ = e.focus();
        })
        .forget();
    }
}

/// Fills the forms with a name from the list and moves to the first field.
fn pick(n: &UnknownName) {
    set_value("new-name", &n.name);
    set_value("new-kind", n.kind.as_str());
    let surname = if n.kind == ActorKind::Person {
        n.surname_guess()
    } else {
        ""
    };
    set_value("new-surname", surname);
    set_value("new-aliases", "");
    set_value("alias-name", &n.name);
    if let Some(e) = by_id("new-name").and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// A form was sent: its edit, or why it cannot be one.
fn send(form: &str, ex: &Explorer, corpora: Corpora) {
    let name_of = |id: &str| super::name_of(ex, id);
    let edit = match form {
        "add-actor" => {
            let (name, surname) = (text_of("new-name"), text_of("new-surname"));
            let kind = parse_kind(&choice_of("new-kind"));
            if name.is_empty() {
                return refuse("Give the actor's name.");
            }
            if kind == ActorKind::Person && surname.is_empty() {
                return refuse("Give the person's surname: the family name as printed alone.");
            }
            let aliases = text_of("new-aliases")
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect();
            let done = format!("Added {name}.");
            let surname = (kind == ActorKind::Person).then_some(surname);
            let edit = Edit::AddActor {
                name,
                kind,
                surname,
                aliases,
            };
            (edit, done)
        }
        "add-alias" => {
            let (alias, actor) = (text_of("alias-name"), choice_of("alias-actor"));
            if alias.is_empty() || actor.is_empty() {
                return refuse("Give the name as printed and choose the actor it names.");
            }
            let done = format!("“{alias}” now names {}.", name_of(&actor));
            (Edit::AddAlias { actor, alias }, done)
        }
        "merge-actors" => {
            let (from, into) = (choice_of("merge-from"), choice_of("merge-into"));
            if from.is_empty() || into.is_empty() || from == into {
                return refuse("Choose two different actors.");
            }
            let done = format!("Merged {} into {}.", name_of(&from), name_of(&into));
            (Edit::Merge { from, into }, done)
        }
        _ => return,
    };
    propose(edit.0, corpora, edit.1);
}

/// Asks the worker for the names the dictionary does not know in the shown corpus (unless they
/// are known from before) and lists them in `holder`.
fn find_names(
    ex: &'static Explorer,
    corpora: Corpora,
    holder: Element,
    names: Rc<RefCell<Rc<Vec<UnknownName>>>>,
) {
    let key = ex as *const Explorer as usize;
    let cached = NAMES.with_borrow(|n| {
        n.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, list)| Rc::clone(list))
    });
    if let Some(list) = cached {
        list_names(&holder, &list);
        *names.borrow_mut() = list;
        return;
    }
    let bytes = if corpora.showing_added() {
        corpora
            .added
            .with_untracked(|a| a.as_ref().map(|a| a.bytes.clone()))
    } else {
        None
    };
    leptos::task::spawn_local(async move {
        let bytes: &[u8] = match &bytes {
            Some(b) => b,
            None => crate::data::built_bytes(),
        };
        match crate::worker::unknown_names(bytes).await {
            Ok(list) => {
                let list = Rc::new(list);
                NAMES.with_borrow_mut(|n| {
                    if n.len() == REMEMBERED {
                        n.remove(0);
                    }
                    n.push((key, Rc::clone(&list)));
                });
                list_names(&holder, &list);
                *names.borrow_mut() = list;
            }
            Err(why) => {
                holder.set_text_content(None);
                add(
                    &holder,
                    "p",
                    &[("class", "unknown-none")],
                    &format!("The names could not be listed: {why}"),
                );
            }
        }
    });
}

/// The names, most named first, each with its counts and the line it was first seen in; a
/// name's button fills the forms with it.
fn list_names(holder: &Element, list: &[UnknownName]) {
    holder.set_text_content(None);
    if list.is_empty() {
        add(
            holder,
            "p",
            &[("class", "unknown-none")],
            "Every name the reader found in this corpus is in the dictionary.",
        );
        return;
    }
    let total = list.len();
    let intro = if total > LISTED {
        format!(
            "{total} in this corpus; the {LISTED} most named are listed. Choose one to fill in the forms."
        )
    } else {
        format!("{total} in this corpus, most named first. Choose one to fill in the forms.")
    };
    add(holder, "p", &[("class", "unknown-intro")], &intro);
    let ol = add(
        holder,
        "ol",
        &[("id", "unknown-names"), ("class", "unknown-names")],
        "",
    );
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    for (i, n) in list.iter().take(LISTED).enumerate() {
        let li = add(&ol, "li", &[("data-id", &n.id)], "");
        add(
            &li,
            "button",
            &[
                ("type", "button"),
                ("class", "link unknown-name"),
                ("data-pick", &i.to_string()),
            ],
            &n.name,
        );
        let _ = li.append_with_str_1(" ");
        let counts = format!(
            "{} · {} in {}",
            kind_label(n.kind),
            plural(n.mentions, "mention", "mentions"),
            plural(n.articles, "article", "articles")
        );
        add(&li, "span", &[("class", "unknown-counts")], &counts);
        let context = add(&li, "span", &[("class", "unknown-context")], "");
        match n.context.find(&n.name) {
            Some(at) => {
                let _ = context.append_with_str_1(&n.context[..at]);
                add(&context, "mark", &[], &n.name);
                let _ = context.append_with_str_1(&n.context[at + n.name.len()..]);
            }
            None => {
                let _ = context.append_with_str_1(&n.context);
            }
        }
        add(
            &context,
            "span",
            &[("class", "unknown-source")],
            &format!(" — {}", n.source),
        );
    }
}
