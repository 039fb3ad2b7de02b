//! The page's side of the reading worker (`crates/worker`): starts it, hands it the added
//! files one by one in name order (read with `Blob.arrayBuffer`, never sent anywhere else),
//! reports progress, and returns the bundle it writes. The user's dictionary edits go first. Owns the message protocol's page half;
//! knows nothing about how pages are read or shown.

use engine::edit::Edit;
use engine::model::ActorKind;
use engine::unknown::UnknownName;
use futures::StreamExt;
use futures::channel::mpsc;
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, MessageEvent, Worker};

/// The worker's loader script beside the page (`public/reader.js`), which starts its wasm.
const WORKER_SCRIPT: &str = "reader.js";
/// Files handed to the worker before it has answered for the earlier ones: enough to keep it
/// busy while the next file is read from disk, few enough to bound memory.
const IN_FLIGHT: usize = 3;

/// How far reading has come.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
    pub bytes_done: f64,
    pub seconds: f64,
}

impl Progress {
    /// Megabytes read per second so far.
    pub fn mb_per_second(&self) -> f64 {
        if self.seconds <= 0.0 {
            0.0
        } else {
            self.bytes_done / 1e6 / self.seconds
        }
    }
}

/// An input (or a page inside a container) that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub name: String,
    pub reason: String,
}

/// What reading gave: the bundle bytes and what could not be read.
pub struct Outcome {
    pub bundle: Vec<u8>,
    pub unreadable: Vec<Unreadable>,
}

/// A running read, which `cancel` stops.
#[derive(Clone)]
pub struct Handle {
    worker: Worker,
    cancelled: Rc<Cell<bool>>,
}

impl Handle {
    /// Stops the worker at once; the read then ends with `None`.
    pub fn cancel(&self) {
        self.cancelled.set(true);
        self.worker.terminate();
    }
}

/// Starts the worker. Fails where workers cannot start (a page opened from `file://`).
pub fn start() -> Result<(Handle, mpsc::UnboundedReceiver<JsValue>), String> {
    let worker = Worker::new(WORKER_SCRIPT).map_err(|e| {
        format!(
            "the reading worker could not start ({}); adding pages needs the served page, not one opened from a file",
            shown(&e)
        )
    })?;
    let (send, receive) = mpsc::unbounded::<JsValue>();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let _ = send.unbounded_send(event.data());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let cancelled = Rc::new(Cell::new(false));
    let stopped = Rc::clone(&cancelled);
    // A worker stopped while it loads reports that its script failed: not an error then.
    let failed = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
        if !stopped.get() {
            leptos::logging::error!("reading worker: {}", event.message());
        }
    });
    worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
    failed.forget();
    Ok((Handle { worker, cancelled }, receive))
}

/// Reads `files` (already in name order) in the worker with the built-in dictionaries and the
/// user's `edits`, calling `progress` after each; `Ok(None)` when cancelled.
pub async fn read(
    handle: Handle,
    mut replies: mpsc::UnboundedReceiver<JsValue>,
    files: Vec<File>,
    built: String,
    edits: Vec<Edit>,
    progress: impl Fn(&Progress),
) -> Result<Option<Outcome>, String> {
    let started = now();
    let mut state = Progress {
        files_total: files.len(),
        ..Progress::default()
    };
    let mut unreadable = Vec::new();
    // The worker says when it listens; a message sent before would be lost.
    let Some(ready) = replies.next().await else {
        return Ok(None);
    };
    if kind(&ready) != "ready" {
        return Err(failure(&ready));
    }
    if !edits.is_empty() && dictionary(&handle, &mut replies, &edits).await?.is_none() {
        return Ok(None);
    }
    let mut in_flight = 0usize;
    let mut sent = 0usize;
    while sent < files.len() || in_flight > 0 {
        if handle.cancelled.get() {
            return Ok(None);
        }
        if sent < files.len() && in_flight < IN_FLIGHT {
            let file = &files[sent];
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => Uint8Array::new(&buffer),
                // The file went away or is a folder: the worker is told nothing, the list says why.
                Err(e) => {
                    unreadable.push(Unreadable {
                        name: file.name(),
                        reason: format!("the browser could not read this file ({})", shown(&e)),
                    });
                    sent += 1;
                    state.files_done += 1;
                    progress(&state);
                    continue;
                }
            };
            let message = object(&[
                ("type", "file".into()),
                ("index", (sent as u32).into()),
                ("name", file.name().into()),
                ("bytes", bytes.clone().into()),
            ]);
            let transfer = Array::of1(&bytes.buffer());
            handle
                .worker
                .post_message_with_transfer(&message, &transfer)
                .map_err(|e| shown(&e))?;
            sent += 1;
            in_flight += 1;
            continue;
        }
        let Some(message) = replies.next().await else {
            return Ok(None);
        };
        if kind(&message) != "read" {
            return Err(failure(&message));
        }
        in_flight -= 1;
        state.files_done += 1;
        state.bytes_done += get(&message, "bytes").as_f64().unwrap_or(0.0);
        state.seconds = (now() - started) / 1000.0;
        let errors = Array::from(&get(&message, "errors"));
        for pair in errors.iter() {
            let pair = Array::from(&pair);
            unreadable.push(Unreadable {
                name: pair.get(0).as_string().unwrap_or_default(),
                reason: pair.get(1).as_string().unwrap_or_default(),
            });
        }
        progress(&state);
    }
    let finish = object(&[("type", "finish".into()), ("built", built.into())]);
    handle.worker.post_message(&finish).map_err(|e| shown(&e))?;
    let Some(message) = replies.next().await else {
        return Ok(None);
    };
    if kind(&message) != "bundle" {
        return Err(failure(&message));
    }
    handle.worker.terminate();
    Ok(Some(Outcome {
        bundle: Uint8Array::new(&get(&message, "bytes")).to_vec(),
        unreadable,
    }))
}

/// The message that has a worker read with the built-in dictionaries and `edits`.
fn dictionary_message(edits: &[Edit]) -> JsValue {
    let edits = Uint8Array::from(engine::edit::encode(edits).as_slice());
    object(&[("type", "dictionary".into()), ("edits", edits.into())])
}

/// Tells a ready worker to read with the built-in dictionaries and `edits`; `None` when it
/// stopped, an error saying which edit cannot be made.
async fn dictionary(
    handle: &Handle,
    replies: &mut mpsc::UnboundedReceiver<JsValue>,
    edits: &[Edit],
) -> Result<Option<()>, String> {
    handle
        .worker
        .post_message(&dictionary_message(edits))
        .map_err(|e| shown(&e))?;
    let Some(answer) = replies.next().await else {
        return Ok(None);
    };
    if kind(&answer) != "dictionary" {
        return Err(failure(&answer));
    }
    Ok(Some(()))
}

/// Asks a worker of its own one question: `message` in, the answer of type `answer` out.
async fn ask(message: &JsValue, answer: &str) -> Result<JsValue, String> {
    let (handle, mut replies) = start()?;
    let reply = async {
        let stopped = || "the reading worker stopped".to_string();
        let ready = replies.next().await.ok_or_else(stopped)?;
        if kind(&ready) != "ready" {
            return Err(failure(&ready));
        }
        handle.worker.post_message(message).map_err(|e| shown(&e))?;
        let reply = replies.next().await.ok_or_else(stopped)?;
        if kind(&reply) != answer {
            return Err(failure(&reply));
        }
        Ok(reply)
    }
    .await;
    handle.worker.terminate();
    reply
}

/// actors.toml with the user's `edits`, written (and checked) by the worker; an error says
/// which edit cannot be made and why.
pub async fn edited_actors(edits: &[Edit]) -> Result<String, String> {
    let reply = ask(&dictionary_message(edits), "dictionary").await?;
    get(&reply, "actors")
        .as_string()
        .ok_or_else(|| "the reading worker wrote no actors.toml".to_string())
}

/// The names the dictionary does not know in a bundle, most named first, as the worker finds
/// them (`engine::unknown`, what `coverage suggest-actors` lists).
pub async fn unknown_names(bundle: &[u8]) -> Result<Vec<UnknownName>, String> {
    let bytes = Uint8Array::from(bundle);
    let message = object(&[("type", "names".into()), ("bundle", bytes.into())]);
    let reply = ask(&message, "names").await?;
    let text = |row: &Array, i: u32| row.get(i).as_string().unwrap_or_default();
    let count = |row: &Array, i: u32| row.get(i).as_f64().unwrap_or(0.0) as u32;
    Ok(Array::from(&get(&reply, "names"))
        .iter()
        .map(|row| {
            let row = Array::from(&row);
            let kind = text(&row, 2);
            UnknownName {
                id: text(&row, 0),
                name: text(&row, 1),
                kind: ActorKind::ALL
                    .into_iter()
                    .find(|k| k.as_str() == kind)
                    .unwrap_or(ActorKind::Organization),
                mentions: count(&row, 3),
                articles: count(&row, 4),
                context: text(&row, 5),
                source: text(&row, 6),
            }
        })
        .collect())
}

fn get(message: &JsValue, name: &str) -> JsValue {
    Reflect::get(message, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn kind(message: &JsValue) -> String {
    get(message, "type").as_string().unwrap_or_default()
}

fn failure(message: &JsValue) -> String {
    get(message, "message")
        .as_string()
        .unwrap_or_else(|| format!("the reading worker answered {}", kind(message)))
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&o, &(*name).into(), value);
    }
    o.into()
}

fn shown(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
