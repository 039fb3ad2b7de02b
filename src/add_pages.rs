//! "Add your pages": the files a user picks (a button, a folder picker, or files and folders
//! dropped on the page, folders walked to their last file) are read by the reading workers
//! (`worker.rs`) into a bundle, which the page decodes as it decodes its built-in one and then
//! explores instead. Owns which corpus is shown, the progress and the list of what could not be
//! read; knows nothing about reading pages itself.

use crate::data::Explorer;
use crate::worker::{self, Handle, Input, Progress, Source, Unreadable};
use coverage_core::bundle::NONE;
use coverage_core::model::Status;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileList, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry,
    HtmlInputElement,
};

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
    /// The inputs of `added`, in name order, for "Add more pages".
    files: StoredValue<Vec<Input>, LocalStorage>,
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
        self.read_inputs(picked.into_iter().map(Input::from).collect(), more);
    }

    /// Reads `picked` (files, and entries of dropped folders that could not be had), in the
    /// order the CLI reads a folder: as a new set, or added to the pages already read (`more`).
    pub fn read_inputs(&self, picked: Vec<Input>, more: bool) {
        if picked.is_empty() {
            return;
        }
        self.cancel();
        let mut files = if more {
            self.files.get_value()
        } else {
            Vec::new()
        };
        let mut seen: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, input) in files.iter().enumerate() {
            seen.entry(input.path.clone()).or_default().push(i);
        }
        for input in picked {
            // The same file picked again is read once. Only a path seen before is compared by
            // size and time: asking a browser for those costs a call to the disk per file.
            let again = seen
                .get(&input.path)
                .is_some_and(|earlier| earlier.iter().any(|&i| same_file(&files[i], &input)));
            if !again {
                seen.entry(input.path.clone())
                    .or_default()
                    .push(files.len());
                files.push(input);
            }
        }
        let orders: Vec<Vec<String>> = files.iter().map(Input::order).collect();
        let mut positions: Vec<u32> = (0..files.len() as u32).collect();
        coverage_core::index::sort_ids_by(&mut positions, &mut |a, b| {
            orders[a as usize].cmp(&orders[b as usize])
        });
        let mut taken: Vec<Option<Input>> =
            std::mem::take(&mut files).into_iter().map(Some).collect();
        files.extend(positions.iter().filter_map(|&i| taken[i as usize].take()));
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
                    match this.adopt_inputs(
                        bytes.clone(),
                        outcome.unreadable.clone(),
                        files.clone(),
                    ) {
                        Ok(()) => crate::keep::store(bytes, outcome.unreadable, file_list(&files)),
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
            self.read_inputs(files, false);
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
    ) -> Result<(), coverage_core::bundle::BundleError> {
        self.adopt_inputs(
            bytes,
            unreadable,
            files.into_iter().map(Input::from).collect(),
        )
    }

    fn adopt_inputs(
        &self,
        bytes: std::sync::Arc<Vec<u8>>,
        unreadable: Vec<Unreadable>,
        files: Vec<Input>,
    ) -> Result<(), coverage_core::bundle::BundleError> {
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

/// Whether two inputs under one path are the same file (same size and time).
fn same_file(a: &Input, b: &Input) -> bool {
    match (a.file(), b.file()) {
        (Some(a), Some(b)) => a.size() == b.size() && a.last_modified() == b.last_modified(),
        _ => false,
    }
}

/// The files among `inputs`, for keeping.
fn file_list(inputs: &[Input]) -> Vec<File> {
    inputs.iter().filter_map(Input::file).cloned().collect()
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

/// Files and folders dropped anywhere on the page are read (added to the pages already read,
/// when there are some).
pub fn listen_for_drops(corpora: Corpora) {
    let over = window_event_listener(leptos::ev::dragover, |e| e.prevent_default());
    let dropped = window_event_listener(leptos::ev::drop, move |e| {
        e.prevent_default();
        let Some(transfer) = e.data_transfer() else {
            return;
        };
        // The entries must be taken while the event runs; walking them may take longer.
        let (entries, files) = dropped_entries(&transfer);
        leptos::task::spawn_local(async move {
            let mut inputs: Vec<Input> = files.into_iter().map(Input::from).collect();
            for entry in entries {
                walk(entry, &mut inputs).await;
            }
            corpora.read_inputs(inputs, corpora.added.with_untracked(Option::is_some));
        });
    });
    on_cleanup(move || {
        over.remove();
        dropped.remove();
    });
}

/// What was dropped: entries to walk where the browser gives them (`webkitGetAsEntry`, in every
/// browser the page supports), else the plain files.
fn dropped_entries(transfer: &DataTransfer) -> (Vec<FileSystemEntry>, Vec<File>) {
    let items = transfer.items();
    let mut entries = Vec::new();
    let mut files = Vec::new();
    for i in 0..items.length() {
        let Some(item) = items.get(i) else { continue };
        if item.kind() != "file" {
            continue;
        }
        match item.webkit_get_as_entry() {
            Ok(Some(entry)) => entries.push(entry),
            _ => files.extend(item.get_as_file().ok().flatten()),
        }
    }
    if entries.is_empty() && files.is_empty() {
        files = files_of(transfer.files());
    }
    (entries, files)
}

/// Every file under `entry` (itself, when it is a file), under its path; what cannot be listed
/// or opened is an input with the browser's reason, so that nothing dropped goes unlisted.
async fn walk(entry: FileSystemEntry, inputs: &mut Vec<Input>) {
    let mut stack = vec![entry];
    while let Some(entry) = stack.pop() {
        let path = entry.full_path().trim_start_matches('/').to_string();
        let path = if path.is_empty() { entry.name() } else { path };
        if entry.is_directory() {
            let folder: FileSystemDirectoryEntry = entry.unchecked_into();
            match list(&folder).await {
                Ok(children) => stack.extend(children),
                Err(reason) => inputs.push(Input {
                    path,
                    source: Source::Failed(format!("this folder could not be listed ({reason})")),
                }),
            }
        } else {
            let file: FileSystemFileEntry = entry.unchecked_into();
            let source = match callback(|ok, err| {
                file.file_with_callback_and_callback(ok, err);
                Ok(())
            })
            .await
            {
                Ok(file) => Source::File(file.unchecked_into()),
                Err(reason) => {
                    Source::Failed(format!("the browser could not open this file ({reason})"))
                }
            };
            inputs.push(Input { path, source });
        }
    }
}

/// A folder's entries: `readEntries` gives them a batch at a time, until an empty one.
async fn list(folder: &FileSystemDirectoryEntry) -> Result<Vec<FileSystemEntry>, String> {
    let reader = folder.create_reader();
    let mut all = Vec::new();
    loop {
        let batch =
            callback(|ok, err| reader.read_entries_with_callback_and_callback(ok, err)).await?;
        let batch = js_sys::Array::from(&batch);
        if batch.length() == 0 {
            return Ok(all);
        }
        all.extend(batch.iter().map(JsCast::unchecked_into::<FileSystemEntry>));
    }
}

/// The value an entry API passes to its success callback, or the error it passes to the other.
async fn callback(
    call: impl FnOnce(&js_sys::Function, &js_sys::Function) -> Result<(), wasm_bindgen::JsValue>,
) -> Result<wasm_bindgen::JsValue, String> {
    let mut call = Some(call);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Some(Err(e)) = call.take().map(|call| call(&resolve, &reject)) {
            let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &e);
        }
    });
    JsFuture::from(promise).await.map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| {
                js_sys::Reflect::get(&e, &"message".into())
                    .ok()?
                    .as_string()
            })
            .unwrap_or_else(|| "no reason given".into())
    })
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

/// The progress bar, its figures and Cancel while reading. The figures change in place (the
/// progress is shown at most ten times a second), so Cancel is never rebuilt under a click.
#[component]
fn ReadingProgress() -> impl IntoView {
    let corpora = expect_context::<Corpora>();
    let progress = move || corpora.reading.get().unwrap_or_default();
    let status = move || {
        let p = progress();
        format!(
            "{} of {} files read · {} MB/s",
            p.files_done,
            p.files_total,
            crate::decimal::fixed(p.mb_per_second(), 1)
        )
    };
    view! {
        <Show when=move || corpora.reading.with(Option::is_some)>
            <div class="reading" role="status">
                <label for="reading-progress">"Reading your pages"</label>
                <progress id="reading-progress" max=move || progress().files_total.max(1)
                    value=move || progress().files_done>{status}</progress>
                <span id="reading-status">{status}</span>
                <button id="cancel-reading" class="button small" on:click=move |_| corpora.cancel()>"Cancel"</button>
            </div>
        </Show>
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
