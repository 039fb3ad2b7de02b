//! "Keep it": the user's pages survive a reload. After a reading, the bundle, the list of what
//! could not be read and the files themselves are stored in this browser's IndexedDB, and the
//! dictionary edits beside them; at start the page shows them again, and "Forget my pages"
//! deletes them all. Owns that storage only:
//! nothing here reads pages or leaves the machine, and a page carrying a saved corpus
//! (`save_page`) does not restore over it.

use crate::add_pages::Corpora;
use crate::worker::Unreadable;
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "coverage-explorer";
const STORE: &str = "kept";
const KEY: &str = "pages";
/// The dictionary edits (`dictionary`), kept apart from the pages: they outlive a new reading.
const EDITS_KEY: &str = "dictionary";
/// The record's layout; a record of another version is ignored (and replaced by the next read).
const VERSION: u32 = 1;

/// Whether the user's pages are stored, and why storing failed. Reference-counted signals: the
/// page's one `Kept` outlives any one mount of the app (the browser tests mount it again and again).
#[derive(Clone)]
pub struct Kept {
    pub stored: ArcRwSignal<bool>,
    pub problem: ArcRwSignal<Option<String>>,
}

thread_local! {
    static KEPT: std::cell::OnceCell<Kept> = const { std::cell::OnceCell::new() };
}

/// The page's one `Kept` (signals live as long as the page).
fn kept() -> Kept {
    KEPT.with(|k| {
        k.get_or_init(|| Kept {
            stored: ArcRwSignal::new(false),
            problem: ArcRwSignal::new(None),
        })
        .clone()
    })
}

/// Unless the page carries its own corpus, shows the pages kept
/// from an earlier visit.
pub fn restore(corpora: Corpora, skip: bool) {
    let k = kept();
    restore_edits(k.clone());
    if skip {
        return;
    }
    leptos::task::spawn_local(async move {
        match load().await {
            Ok(Some((bytes, unreadable, files))) => {
                // A newer reading has begun or ended meanwhile: it wins. (The app may also have
                // been taken down meanwhile.)
                let newer = corpora.added.try_with_untracked(Option::is_some);
                let reading = corpora.reading.try_with_untracked(Option::is_some);
                if newer != Some(false) || reading != Some(false) {
                    return;
                }
                // Stored either way, so that "Forget my pages" can remove it.
                k.stored.set(true);
                match corpora.adopt(Arc::new(bytes), unreadable, files) {
                    Ok(()) => {}
                    Err(e) => k.problem.set(Some(format!(
                        "the pages kept from your last visit could not be shown ({e}); \"Forget my pages\" removes them"
                    ))),
                }
            }
            Ok(None) => {}
            Err(e) => k.problem.set(Some(format!(
                "the pages kept in this browser could not be read back ({e})"
            ))),
        }
    });
}

/// Shows the dictionary edits kept from an earlier visit, unless edits were made meanwhile.
fn restore_edits(k: Kept) {
    leptos::task::spawn_local(async move {
        let loaded = on_store(IdbTransactionMode::Readonly, |store| {
            store.get(&EDITS_KEY.into())
        })
        .await
        .and_then(|record| match record.dyn_into::<Uint8Array>() {
            Ok(bytes) => coverage_core::edit::decode(&bytes.to_vec()),
            Err(_) => Ok(Vec::new()),
        });
        match loaded {
            Ok(edits) => crate::dictionary::restored(edits),
            Err(e) => k.problem.set(Some(format!(
                "the dictionary edits kept in this browser could not be read back ({e})"
            ))),
        }
    });
}

/// Stores the dictionary edits (none: deletes them).
pub fn store_edits(edits: &[coverage_core::edit::Edit]) {
    let k = kept();
    let empty = edits.is_empty();
    let bytes = Uint8Array::from(coverage_core::edit::encode(edits).as_slice());
    leptos::task::spawn_local(async move {
        let stored = on_store(IdbTransactionMode::Readwrite, |store| {
            if empty {
                store.delete(&EDITS_KEY.into())
            } else {
                store.put_with_key(&bytes, &EDITS_KEY.into())
            }
        })
        .await;
        if let Err(e) = stored {
            k.problem.set(Some(format!(
                "your dictionary edits are used but could not be kept in this browser ({e})"
            )));
        }
    });
}

/// Stores a reading's bundle, what could not be read and the files (for "Add more pages").
pub fn store(bytes: Arc<Vec<u8>>, unreadable: Vec<Unreadable>, files: Vec<File>) {
    let k = kept();
    k.stored.set(false);
    leptos::task::spawn_local(async move {
        match save(&bytes, &unreadable, &files).await {
            Ok(()) => {
                k.problem.set(None);
                k.stored.set(true);
            }
            Err(e) => k.problem.set(Some(format!(
                "your pages are shown but could not be kept in this browser ({e}); they will be gone after a reload"
            ))),
        }
    });
}

/// "Forget my pages": deletes what is stored and shows the built corpus.
#[component]
pub fn ForgetPages() -> impl IntoView {
    let corpora = expect_context::<Corpora>();
    let k = kept();
    let for_click = k.clone();
    let forget = move |_| {
        corpora.forget();
        crate::dictionary::forget();
        let k = for_click.clone();
        leptos::task::spawn_local(async move {
            match delete().await {
                Ok(()) => {
                    k.stored.set(false);
                    k.problem.set(None);
                }
                Err(e) => k.problem.set(Some(format!(
                    "the pages kept in this browser could not be deleted ({e})"
                ))),
            }
        });
    };
    let (stored, problem, problem_text) = (k.stored.clone(), k.problem.clone(), k.problem);
    view! {
        <button id="forget-pages" class="button small"
            hidden=move || !stored.get() && !crate::dictionary::has_edits()
            title="Delete the pages and dictionary edits kept in this browser and show the built corpus"
            on:click=forget>
            "Forget my pages"
        </button>
        <p id="keep-problem" class="reading-error" role="alert" hidden=move || problem.with(Option::is_none)>
            {move || problem_text.get()}
        </p>
    }
}

/// Resolves with the request's result when it succeeds.
async fn done(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await.map_err(|_| {
        request
            .error()
            .ok()
            .flatten()
            .map_or_else(|| "IndexedDB failed".to_string(), |e| e.message())
    })?;
    request.result().map_err(|e| shown(&e))
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = window()
        .indexed_db()
        .map_err(|e| shown(&e))?
        .ok_or("this browser offers no IndexedDB here")?;
    let request = factory.open_with_u32(DATABASE, 1).map_err(|e| shown(&e))?;
    let upgrade = Closure::<dyn Fn(web_sys::Event)>::new({
        let request = request.clone();
        move |_| {
            if let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>())
                && !db.object_store_names().contains(STORE)
            {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = done(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    result?.dyn_into::<IdbDatabase>().map_err(|e| shown(&e))
}

/// Runs one request on the store and waits for its transaction to commit.
async fn on_store(
    mode: IdbTransactionMode,
    make: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(|e| shown(&e))?;
    let committed = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    // Awaited (and so handled) even when the request fails first: a failed request aborts the
    // transaction, whose rejection would otherwise go unhandled.
    let committed = JsFuture::from(committed);
    let store = tx.object_store(STORE).map_err(|e| shown(&e))?;
    let request = make(&store).map_err(|e| shown(&e))?;
    let value = done(&request).await?;
    committed.await.map_err(|_| {
        tx.error()
            .map_or_else(|| "the transaction failed".to_string(), |e| e.message())
    })?;
    db.close();
    Ok(value)
}

async fn save(bytes: &[u8], unreadable: &[Unreadable], files: &[File]) -> Result<(), String> {
    let record = Object::new();
    let set = |name: &str, value: &JsValue| Reflect::set(&record, &name.into(), value);
    let list: Array = unreadable
        .iter()
        .map(|u| Array::of2(&u.name.as_str().into(), &u.reason.as_str().into()))
        .collect();
    let files = file_records(files).await?;
    set("version", &VERSION.into())
        .and_then(|_| set("bundle", &Uint8Array::from(bytes).into()))
        .and_then(|_| set("unreadable", &list))
        .and_then(|_| set("files", &files))
        .map_err(|e| shown(&e))?;
    on_store(IdbTransactionMode::Readwrite, |store| {
        store.put_with_key(&record, &KEY.into())
    })
    .await
    .map(|_| ())
}

type Loaded = (Vec<u8>, Vec<Unreadable>, Vec<File>);

async fn load() -> Result<Option<Loaded>, String> {
    let record = on_store(IdbTransactionMode::Readonly, |store| store.get(&KEY.into())).await?;
    if !record.is_object() {
        return Ok(None);
    }
    let get = |name: &str| Reflect::get(&record, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if get("version").as_f64() != Some(f64::from(VERSION)) {
        return Ok(None);
    }
    let bundle = get("bundle")
        .dyn_into::<Uint8Array>()
        .map_err(|_| "the kept record has no bundle".to_string())?
        .to_vec();
    let unreadable = Array::from(&get("unreadable"))
        .iter()
        .map(|pair| {
            let pair = Array::from(&pair);
            Unreadable {
                name: pair.get(0).as_string().unwrap_or_default(),
                reason: pair.get(1).as_string().unwrap_or_default(),
            }
        })
        .collect();
    let files = Array::from(&get("files"))
        .iter()
        .filter_map(file_from_record)
        .collect();
    Ok(Some((bundle, unreadable, files)))
}

/// The files as `{ name, bytes }` records: WebKit stores no `File` or `Blob` in IndexedDB in a
/// private or automated session ("Error preparing Blob/File data to be stored"), and every
/// browser stores an `ArrayBuffer`.
async fn file_records(files: &[File]) -> Result<Array, String> {
    let records = Array::new();
    for file in files {
        let bytes = JsFuture::from(file.array_buffer())
            .await
            .map_err(|e| shown(&e))?;
        let record = Object::new();
        Reflect::set(&record, &"name".into(), &file.name().into())
            .and_then(|_| Reflect::set(&record, &"bytes".into(), &bytes))
            .map_err(|e| shown(&e))?;
        records.push(&record);
    }
    Ok(records)
}

/// A file back from its record (or as stored by a page that kept `File`s themselves).
fn file_from_record(record: JsValue) -> Option<File> {
    if let Some(file) = record.dyn_ref::<File>() {
        return Some(file.clone());
    }
    let name = Reflect::get(&record, &"name".into()).ok()?.as_string()?;
    let bytes = Reflect::get(&record, &"bytes".into()).ok()?;
    File::new_with_buffer_source_sequence(&Array::of1(&bytes), &name).ok()
}

async fn delete() -> Result<(), String> {
    on_store(IdbTransactionMode::Readwrite, |store| {
        store.delete(&KEY.into())
    })
    .await?;
    on_store(IdbTransactionMode::Readwrite, |store| {
        store.delete(&EDITS_KEY.into())
    })
    .await
    .map(|_| ())
}

fn shown(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .or_else(|| e.dyn_ref::<web_sys::DomException>().map(|e| e.message()))
        .unwrap_or_else(|| format!("{e:?}"))
}
