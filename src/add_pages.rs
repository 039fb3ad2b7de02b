//! "Add your pages": the files a user picks (a button, a folder picker, or dropped on the page)
//! are read in the reading worker (`worker.rs`) into a bundle, which the page decodes as it
//! decodes its built-in one and then explores instead. Owns which corpus is shown, the progress
//! and the list of what could not be read; knows nothing about reading pages itself.

use crate::data::Explorer;
use crate::worker::{self, Handle, Progress, Unreadable};
use engine::bundle::NONE;
use engine::model::Status;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, FileList, HtmlInputElement};

/// A corpus read from the user's files.
#[derive(Clone)]
pub struct Added {
    pub ex: &'static Explorer,
    /// What could not be read, each with its reason.
    pub unreadable: Vec<Unreadable>,
    /// The counts as the CLI's report prints them.
    pub summary: String,
    /// The bundle `ex` was decoded from, for keeping and saving it.
    pub bytes: std::sync::Arc<Vec<u8>>,
}

/// Which corpora the page has and which one it shows, and how reading is going.
#[derive(Clone, Copy)]
pub struct Corpora {
    /// The corpus built into the page.
    pub built: Option<&'static Explorer>,
    /// The corpus the explorer shows.
    pub current: RwSignal<Option<&'static Explorer>>,
    /// The corpus read from the user's files, if any.
    pub added: RwSignal<Option<Added>>,
    /// Reading in progress.
    pub reading: RwSignal<Option<Progress>>,
    /// Why the last reading failed.
    pub problem: RwSignal<Option<String>>,
    /// The files of `added`, in name order, for "Add more pages".
    files: StoredValue<Vec<File>, LocalStorage>,
    running: StoredValue<Option<Handle>, LocalStorage>,
    /// Counts readings, so that an ended one cannot touch what a newer one shows.
    generation: StoredValue<u32>,
}

impl Corpora {
    pub fn new(built: Option<&'static Explorer>) -> Corpora {
        Corpora {
            built,
            current: RwSignal::new(built),
            added: RwSignal::new(None),
            reading: RwSignal::new(None),
            problem: RwSignal::new(None),
            files: StoredValue::new_local(Vec::new()),
            running: StoredValue::new_local(None),
            generation: StoredValue::new(0),
        }
    }

    /// Whether the explorer shows the user's pages.
    pub fn showing_added(&self) -> bool {
        let current = self.current.get();
        self.added
            .with(|a| a.as_ref().map(|a| a.ex))
            .is_some_and(|ex| current.is_some_and(|c| std::ptr::eq(c, ex)))
    }

    /// Reads `picked`: as a new set, or added to the pages already read (`more`).
    pub fn read(&self, picked: Vec<File>, more: bool) {
        if picked.is_empty() {
            return;
        }
        self.cancel();
        let mut files = if more {
            self.files.get_value()
        } else {
            Vec::new()
        };
        for file in picked {
            let same = |f: &File| {
                f.name() == file.name()
                    && f.size() == file.size()
                    && f.last_modified() == file.last_modified()
            };
            if !files.iter().any(same) {
                files.push(file);
            }
        }
        // Name order, as the CLI and build.rs read a folder.
        files.sort_by_cached_key(order_name);
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.problem.set(None);
        self.reading.set(Some(Progress {
            files_total: files.len(),
            ..Progress::default()
        }));
        let (handle, replies) = match worker::start() {
            Ok(started) => started,
            Err(e) => {
                self.reading.set(None);
                self.problem.set(Some(e));
                return;
            }
        };
        self.running.set_value(Some(handle.clone()));
        let this = *self;
        leptos::task::spawn_local(async move {
            let current = move || this.generation.get_value() == generation;
            let shown = move |p: &Progress| {
                if current() {
                    this.reading.set(Some(p.clone()));
                }
            };
            let edits = crate::dictionary::current();
            let result =
                worker::read(handle, replies, files.clone(), build_time(), edits, shown).await;
            if !current() {
                return;
            }
            this.running.set_value(None);
            this.reading.set(None);
            match result {
                Ok(Some(outcome)) => {
                    let bytes = std::sync::Arc::new(outcome.bundle);
                    match this.adopt(bytes.clone(), outcome.unreadable.clone(), files.clone()) {
                        Ok(()) => crate::keep::store(bytes, outcome.unreadable, files),
                        Err(e) => this.problem.set(Some(format!(
                            "the pages were read but their bundle is not valid: {e}"
                        ))),
                    }
                }
                Ok(None) => {}
                Err(e) => this.problem.set(Some(e)),
            }
        });
    }

    /// Reads the user's pages again (the dictionary changed); false when there are none to read
    /// (none added, or a corpus that came inside the page without its pages).
    pub fn reread(&self) -> bool {
        let files = self.files.get_value();
        let again = !files.is_empty() && self.added.with_untracked(Option::is_some);
        if again {
            self.read(files, false);
        }
        again
    }

    /// Whether the user's pages can be read again.
    pub fn can_reread(&self) -> bool {
        self.added.with(Option::is_some) && self.files.with_value(|f| !f.is_empty())
    }

    /// Decodes `bytes` (a bundle read from `files`, kept, or saved in the page) and shows it as
    /// the user's pages.
    pub fn adopt(
        &self,
        bytes: std::sync::Arc<Vec<u8>>,
        unreadable: Vec<Unreadable>,
        files: Vec<File>,
    ) -> Result<(), engine::bundle::BundleError> {
        let ex = Explorer::from_bytes(&bytes)?;
        // The explorer lives as long as the page: views hold it by reference.
        let ex: &'static Explorer = Box::leak(Box::new(ex));
        let summary = summary(ex);
        self.files.set_value(files);
        self.added.set(Some(Added {
            ex,
            unreadable,
            summary,
            bytes,
        }));
        self.current.set(Some(ex));
        Ok(())
    }

    /// Drops the user's pages and shows the built corpus.
    pub fn forget(&self) {
        self.cancel();
        self.files.set_value(Vec::new());
        self.added.set(None);
        self.current.set(self.built);
    }

    /// Stops reading; the shown corpus stays as it was.
    pub fn cancel(&self) {
        if let Some(handle) = self.running.get_value() {
            handle.cancel();
        }
        self.running.set_value(None);
        self.generation.set_value(self.generation.get_value() + 1);
        self.reading.set(None);
    }
}

/// The name a file is ordered by: its path inside a picked folder, else its name.
fn order_name(file: &File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

/// Now, as `build.rs` writes its build time (RFC 3339, whole seconds, UTC).
fn build_time() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    match iso.split_once('.') {
        Some((seconds, _)) => format!("{seconds}Z"),
        None => iso,
    }
}

/// "N pages: A ok, B warning, C error; D duplicates; E relations", counted from the decoded
/// bundle, in the words of `coverage ingest`'s report.
pub fn summary(ex: &Explorer) -> String {
    let cols = ex.cols();
    let count = |s: Status| cols.status.iter().filter(|&&x| x == s).count();
    format!(
        "{} pages: {} ok, {} warning, {} error; {} duplicates; {} relations",
        cols.len(),
        count(Status::Ok),
        count(Status::Warning),
        count(Status::Error),
        cols.duplicate_of.iter().filter(|&&d| d != NONE).count(),
        ex.bundle.index.edges.a.len()
    )
}

fn files_of(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The files an `<input type=file>` holds, which it then forgets (so the same files can be
/// picked again).
fn take_files(event: &leptos::ev::Event) -> Vec<File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = files_of(input.files());
    input.set_value("");
    files
}

/// Files dropped anywhere on the page are read as a new set.
pub fn listen_for_drops(corpora: Corpora) {
    let over = window_event_listener(leptos::ev::dragover, |e| e.prevent_default());
    let dropped = window_event_listener(leptos::ev::drop, move |e| {
        e.prevent_default();
        let files = files_of(e.data_transfer().and_then(|d| d.files()));
        corpora.read(files, corpora.added.with_untracked(Option::is_some));
    });
    on_cleanup(move || {
        over.remove();
        dropped.remove();
    });
}

/// The bar under the header: the buttons, the progress while reading, and what was read.
#[component]
pub fn AddPages() -> impl IntoView {
    let corpora = expect_context::<Corpora>();
    let reading = move || corpora.reading.get().is_some();
    let has_added = move || corpora.added.with(Option::is_some);
    view! {
        <section class="add-pages" aria-label="Your pages">
            <div class="add-row">
                <label class="button file-button" class:busy=reading>
                    {move || if has_added() { "Read other pages" } else { "Add your pages" }}
                    <input type="file" id="add-pages" class="visually-hidden" multiple
                        on:change=move |e| corpora.read(take_files(&e), false) />
                </label>
                <label class="button small file-button">
                    "A folder"
                    <input type="file" id="add-folder" class="visually-hidden" multiple prop:webkitdirectory=true
                        on:change=move |e| corpora.read(take_files(&e), false) />
                </label>
                <label class="button small file-button" hidden=move || !has_added()>
                    "Add more pages"
                    <input type="file" id="add-more" class="visually-hidden" multiple
                        on:change=move |e| corpora.read(take_files(&e), true) />
                </label>
                <span class="add-hint" hidden=reading>
                    "…or drop files here: pages (.html, .txt), .zip, .warc, .warc.gz, .jsonl, .csv. They are read on this computer; nothing is sent anywhere."
                </span>
                <CorpusSwitch />
                <crate::save_page::SavePage />
                <crate::keep::ForgetPages />
            </div>
            <ReadingProgress />
            <p id="reading-error" class="reading-error" role="alert" hidden=move || corpora.problem.with(Option::is_none)>
                {move || corpora.problem.get().map(|p| format!("Your pages could not be read: {p}"))}
            </p>
            <ReadResult />
        </section>
    }
}

/// "Back to the built corpus" while the user's pages are shown, "Back to your pages" otherwise.
#[component]
fn CorpusSwitch() -> impl IntoView {
    let corpora = expect_context::<Corpora>();
    move || {
        let added = corpora.added.with(|a| a.as_ref().map(|a| a.ex))?;
        Some(if corpora.showing_added() {
            let built = corpora.built?;
            view! {
                <button id="back-to-built" class="button small" on:click=move |_| corpora.current.set(Some(built))>
                    "Back to the built corpus"
                </button>
            }
            .into_any()
        } else {
            view! {
                <button id="show-added" class="button small" on:click=move |_| corpora.current.set(Some(added))>
                    "Back to your pages"
                </button>
            }
            .into_any()
        })
    }
}

#[component]
fn ReadingProgress() -> impl IntoView {
    let corpora = expect_context::<Corpora>();
    move || {
        corpora.reading.get().map(|p| {
            let status = format!(
                "{} of {} files read · {:.1} MB/s",
                p.files_done,
                p.files_total,
                p.mb_per_second()
            );
            view! {
                <div class="reading" role="status">
                    <label for="reading-progress">"Reading your pages"</label>
                    <progress id="reading-progress" max=p.files_total.max(1) value=p.files_done>{status.clone()}</progress>
                    <span id="reading-status">{status}</span>
                    <button id="cancel-reading" class="button small" on:click=move |_| corpora.cancel()>"Cancel"</button>
                </div>
            }
        })
    }
}

/// What the last reading gave, while its corpus is shown: the counts and what could not be read.
#[component]
fn ReadResult() -> impl IntoView {
    let corpora = expect_context::<Corpora>();
    move || {
        if !corpora.showing_added() {
            return None;
        }
        let added = corpora.added.get()?;
        let count = added.unreadable.len();
        Some(view! {
            <div class="read-result">
                <p id="reading-summary" role="status">{added.summary}</p>
                <details id="unreadable" hidden=count == 0 open=count <= 10>
                    <summary>{format!("{count} could not be read")}</summary>
                    <ul>
                        {added.unreadable.into_iter().map(|u| view! {
                            <li><span class="source">{u.name}</span>": "{u.reason}</li>
                        }).collect_view()}
                    </ul>
                </details>
            </div>
        })
    }
}
