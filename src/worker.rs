//! The page's side of the reading workers (`crates/worker`): a pool of them, one reader per core
//! and one assembler. It reads the added files' bytes (`Blob.arrayBuffer`, a bounded number at
//! once, never sent anywhere else), hands them to the least busy reader in batches, largest
//! first, passes what the readers read on to the assembler, reports progress, and returns the
//! bundle the assembler writes. The user's dictionary edits go to every worker before its first
//! file; a worker of its own writes the edited actors.toml or lists a bundle's names the
//! dictionary does not know. Owns the message protocol's page half; knows nothing about how
//! pages are read or shown.

use coverage_core::edit::Edit;
use coverage_core::model::ActorKind;
use coverage_core::unknown::UnknownName;
use futures::StreamExt;
use futures::channel::mpsc;
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::{BinaryHeap, VecDeque};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, MessageEvent, Worker};

/// The worker's loader script beside the page (`public/reader.js`), which starts its wasm.
const WORKER_SCRIPT: &str = "reader.js";
/// The workers' wasm, compiled once by the page and handed to each worker.
const WORKER_WASM: &str = "coverage-worker_bg.wasm";
/// Readers at most, whatever the core count: each holds the dictionaries and its own memory.
const MOST_READERS: usize = 8;
/// Files being read from disk at once: enough to hide each read's latency.
const READS_AT_ONCE: usize = 32;
/// Bytes read but not yet handed to a reader, at most: reading stops ahead of the readers there.
const QUEUED_BYTES: usize = 32 << 20;
/// A batch ends at this many bytes or files (a file larger than that is a batch of its own).
const BATCH_BYTES: usize = 256 << 10;
const BATCH_FILES: usize = 64;
/// Batches a reader holds at once: one it reads and one waiting, so it never idles.
const BATCHES_PER_READER: usize = 2;
/// Progress is shown at most this often (milliseconds), so the page stays free for the user.
const PROGRESS_EVERY_MS: f64 = 100.0;

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

/// One input: a file under its path among what was picked or dropped (`folder/sub/a.html`), or
/// an entry of a dropped folder the browser would not give, with its reason.
#[derive(Clone)]
pub struct Input {
    pub path: String,
    pub source: Source,
}

#[derive(Clone)]
pub enum Source {
    File(File),
    Failed(String),
}

impl Input {
    /// The base name, which the reader and the CLI name an article by.
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }

    /// The order the CLI reads a folder in: path components compared one by one (a folder's
    /// files come before a sibling whose name continues the folder's, as `walkdir` sorts).
    pub fn order(&self) -> Vec<String> {
        self.path
            .split('/')
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect()
    }

    pub fn file(&self) -> Option<&File> {
        match &self.source {
            Source::File(file) => Some(file),
            Source::Failed(_) => None,
        }
    }
}

impl From<File> for Input {
    /// A picked file, under its path inside a picked folder, else its name.
    fn from(file: File) -> Input {
        let path = Reflect::get(&file, &"webkitRelativePath".into())
            .ok()
            .and_then(|p| p.as_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| file.name());
        Input {
            path,
            source: Source::File(file),
        }
    }
}

/// What the pool's loop waits for.
enum Event {
    /// A worker's message.
    Reply(usize, JsValue),
    /// A file's bytes, or why the browser could not give them.
    Read(usize, Result<ArrayBuffer, String>),
    /// The workers' compiled wasm module.
    Module(Result<JsValue, String>),
    Cancelled,
}

/// The events of one reading.
pub struct Replies {
    events: mpsc::UnboundedReceiver<Event>,
    send: mpsc::UnboundedSender<Event>,
}

/// A running read, which `cancel` stops: the workers, readers first, the assembler last.
#[derive(Clone)]
pub struct Handle {
    workers: Rc<Vec<Worker>>,
    cancelled: Rc<Cell<bool>>,
    wake: mpsc::UnboundedSender<Event>,
}

impl Handle {
    /// Stops every worker at once; the read then ends with `None`.
    pub fn cancel(&self) {
        self.cancelled.set(true);
        self.stop();
        let _ = self.wake.unbounded_send(Event::Cancelled);
    }

    fn stop(&self) {
        for worker in self.workers.iter() {
            worker.terminate();
        }
    }

    fn readers(&self) -> usize {
        self.workers.len() - 1
    }

    fn assembler(&self) -> &Worker {
        &self.workers[self.workers.len() - 1]
    }
}

thread_local! {
    /// The workers' module once compiled: later readings start from it at once.
    static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// The workers' wasm module, compiled (streaming, as it downloads) the first time it is asked for.
async fn module() -> Result<JsValue, String> {
    if let Some(module) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(module);
    }
    let window = web_sys::window().ok_or("there is no window to load the reading worker in")?;
    let response = window.fetch_with_str(WORKER_WASM);
    let module = JsFuture::from(js_sys::WebAssembly::compile_streaming(&response))
        .await
        .map_err(|e| {
            format!(
                "the reading worker's code could not be loaded ({})",
                shown(&e)
            )
        })?;
    MODULE.with(|m| *m.borrow_mut() = Some(module.clone()));
    Ok(module)
}

/// How many readers: one per core, at least one, at most `MOST_READERS`.
fn reader_count() -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    (cores as usize).clamp(1, MOST_READERS)
}

/// Starts one worker, which passes each message it posts to `on_message`; it loads its wasm when
/// it is posted the compiled module (`module`). Fails where workers cannot start (a page opened
/// from `file://`).
fn spawn(
    on_message: impl Fn(JsValue) + 'static,
    stopped: Rc<Cell<bool>>,
) -> Result<Worker, String> {
    let worker = Worker::new(WORKER_SCRIPT).map_err(|e| {
        format!(
            "the reading worker could not start ({}); adding pages needs the served page, not one opened from a file",
            shown(&e)
        )
    })?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        on_message(event.data());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A worker stopped while it loads reports that its script failed: not an error then.
    let failed = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
        if !stopped.get() {
            leptos::logging::error!("reading worker: {}", event.message());
        }
    });
    worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
    failed.forget();
    Ok(worker)
}

/// Starts the pool. Fails where workers cannot start (a page opened from `file://`).
pub fn start() -> Result<(Handle, Replies), String> {
    let (send, events) = mpsc::unbounded::<Event>();
    let cancelled = Rc::new(Cell::new(false));
    let mut workers = Vec::new();
    for id in 0..=reader_count() {
        let to_loop = send.clone();
        let on_message = move |data| {
            let _ = to_loop.unbounded_send(Event::Reply(id, data));
        };
        match spawn(on_message, Rc::clone(&cancelled)) {
            Ok(worker) => workers.push(worker),
            Err(e) => {
                for started in &workers {
                    Worker::terminate(started);
                }
                return Err(e);
            }
        }
    }
    let handle = Handle {
        workers: Rc::new(workers),
        cancelled,
        wake: send.clone(),
    };
    Ok((handle, Replies { events, send }))
}

/// A file read and waiting for a reader; the largest goes first.
struct Queued {
    index: usize,
    bytes: Option<ArrayBuffer>,
    len: usize,
    error: Option<String>,
}

impl PartialEq for Queued {
    fn eq(&self, other: &Queued) -> bool {
        self.index == other.index
    }
}
impl Eq for Queued {}
impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Queued) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Queued {
    /// Larger first, then earlier in name order.
    fn cmp(&self, other: &Queued) -> std::cmp::Ordering {
        self.len.cmp(&other.len).then(other.index.cmp(&self.index))
    }
}

/// One reader's share: whether it listens, and the bytes of the batches it holds, oldest first.
#[derive(Default)]
struct Share {
    ready: bool,
    batches: VecDeque<usize>,
}

impl Share {
    fn held(&self) -> usize {
        self.batches.iter().sum()
    }
}

/// Reads `inputs` (in name order: an input's place is its index) in the pool with the built-in
/// dictionaries and the user's `edits`, calling `progress` now and then; `Ok(None)` when
/// cancelled.
pub async fn read(
    handle: Handle,
    replies: Replies,
    inputs: Vec<Input>,
    built: String,
    edits: Vec<Edit>,
    progress: impl Fn(&Progress),
) -> Result<Option<Outcome>, String> {
    let Replies { mut events, send } = replies;
    // Every worker takes the edits before its first file: the readers read with them, the
    // assembler hashes the edited actors.toml. A worker counts as listening once it has them.
    let dictionary = (!edits.is_empty()).then(|| dictionary_message(&edits));
    let listening = |worker: &Worker, message: &JsValue| -> Result<bool, String> {
        match (kind(message).as_str(), &dictionary) {
            ("ready", Some(dictionary)) => {
                worker.post_message(dictionary).map_err(|e| shown(&e))?;
                Ok(false)
            }
            ("ready", None) | ("dictionary", Some(_)) => Ok(true),
            _ => Err(failure(message)),
        }
    };
    let started = now();
    let compiled = send.clone();
    leptos::task::spawn_local(async move {
        let _ = compiled.unbounded_send(Event::Module(module().await));
    });
    let mut state = Progress {
        files_total: inputs.len(),
        ..Progress::default()
    };
    progress(&state);
    let mut shown_at = started;
    let mut unreadable: Vec<(u32, Unreadable)> = Vec::new();
    let mut shares: Vec<Share> = (0..handle.readers()).map(|_| Share::default()).collect();
    let mut assembler_ready = false;
    // The readers' output, held until the assembler listens.
    let mut for_assembler: Vec<(JsValue, JsValue)> = Vec::new();
    let mut queue: BinaryHeap<Queued> = BinaryHeap::new();
    let mut queued_bytes = 0usize;
    let (mut next, mut reading) = (0usize, 0usize);
    while state.files_done < inputs.len() {
        // Read ahead while the readers are not too far behind.
        while next < inputs.len() && reading < READS_AT_ONCE && queued_bytes < QUEUED_BYTES {
            match &inputs[next].source {
                Source::File(file) => {
                    let promise = file.array_buffer();
                    let send = send.clone();
                    let index = next;
                    leptos::task::spawn_local(async move {
                        let bytes = JsFuture::from(promise)
                            .await
                            .map(JsCast::unchecked_into)
                            .map_err(|e| {
                                format!("the browser could not read this file ({})", shown(&e))
                            });
                        let _ = send.unbounded_send(Event::Read(index, bytes));
                    });
                    reading += 1;
                }
                Source::Failed(reason) => queue.push(Queued {
                    index: next,
                    bytes: None,
                    len: 0,
                    error: Some(reason.clone()),
                }),
            }
            next += 1;
        }
        dispatch(&handle, &inputs, &mut shares, &mut queue, &mut queued_bytes)?;
        let Some(event) = events.next().await else {
            return Ok(None);
        };
        if handle.cancelled.get() {
            return Ok(None);
        }
        match event {
            Event::Cancelled => return Ok(None),
            Event::Module(module) => {
                let module = module?;
                for worker in handle.workers.iter() {
                    worker.post_message(&module).map_err(|e| shown(&e))?;
                }
            }
            Event::Read(index, bytes) => {
                reading -= 1;
                let (bytes, len, error) = match bytes {
                    Ok(buffer) => {
                        let len = buffer.byte_length() as usize;
                        (Some(buffer), len, None)
                    }
                    Err(reason) => (None, 0, Some(reason)),
                };
                queued_bytes += len;
                queue.push(Queued {
                    index,
                    bytes,
                    len,
                    error,
                });
            }
            Event::Reply(id, message) if id == handle.readers() => {
                assembler_ready = listening(handle.assembler(), &message)?;
                if assembler_ready {
                    for (forward, transfer) in for_assembler.drain(..) {
                        post(handle.assembler(), &forward, &transfer)?;
                    }
                }
            }
            Event::Reply(id, message) => match kind(&message).as_str() {
                "ready" | "dictionary" => {
                    shares[id].ready = listening(&handle.workers[id], &message)?;
                }
                "read" => {
                    shares[id].batches.pop_front();
                    for file in Array::from(&get(&message, "files")).iter() {
                        state.files_done += 1;
                        state.bytes_done += get(&file, "bytes").as_f64().unwrap_or(0.0);
                    }
                    for error in Array::from(&get(&message, "errors")).iter() {
                        let error = Array::from(&error);
                        unreadable.push((
                            error.get(0).as_f64().unwrap_or(0.0) as u32,
                            Unreadable {
                                name: error.get(1).as_string().unwrap_or_default(),
                                reason: error.get(2).as_string().unwrap_or_default(),
                            },
                        ));
                    }
                    let (forward, transfer) = (get(&message, "forward"), get(&message, "transfer"));
                    if assembler_ready {
                        post(handle.assembler(), &forward, &transfer)?;
                    } else {
                        for_assembler.push((forward, transfer));
                    }
                }
                _ => return Err(failure(&message)),
            },
        }
        let at = now();
        if at - shown_at >= PROGRESS_EVERY_MS || state.files_done == inputs.len() {
            state.seconds = (at - started) / 1000.0;
            progress(&state);
            shown_at = at;
        }
    }
    // Every file is read: the readers may go, and the assembler writes the bundle.
    for reader in &handle.workers[..handle.readers()] {
        reader.terminate();
    }
    while !assembler_ready {
        match events.next().await {
            None | Some(Event::Cancelled) => return Ok(None),
            Some(Event::Reply(id, message)) if id == handle.readers() => {
                assembler_ready = listening(handle.assembler(), &message)?;
            }
            Some(_) => {}
        }
    }
    for (forward, transfer) in for_assembler.drain(..) {
        post(handle.assembler(), &forward, &transfer)?;
    }
    let finish = object(&[("type", "finish".into()), ("built", built.into())]);
    post(handle.assembler(), &finish, &Array::new().into())?;
    let message = loop {
        match events.next().await {
            None | Some(Event::Cancelled) => return Ok(None),
            Some(Event::Reply(id, message)) if id == handle.readers() => break message,
            Some(_) => {}
        }
    };
    if handle.cancelled.get() {
        return Ok(None);
    }
    if kind(&message) != "bundle" {
        return Err(failure(&message));
    }
    handle.stop();
    // Error articles in name order, each file's in its order.
    coverage_core::index::sort_by(&mut unreadable, |x, y| x.0.cmp(&y.0));
    Ok(Some(Outcome {
        bundle: Uint8Array::new(&get(&message, "bytes")).to_vec(),
        unreadable: unreadable.into_iter().map(|(_, u)| u).collect(),
    }))
}

/// The message that has a worker read (and hash) with the built-in dictionaries and `edits`.
fn dictionary_message(edits: &[Edit]) -> JsValue {
    let edits = Uint8Array::from(coverage_core::edit::encode(edits).as_slice());
    object(&[("type", "dictionary".into()), ("edits", edits.into())])
}

/// Asks a worker of its own one question: `message` in, the answer of type `answer` out.
async fn ask(message: &JsValue, answer: &str) -> Result<JsValue, String> {
    let module = module().await?;
    let (send, mut replies) = mpsc::unbounded::<JsValue>();
    let stopped = Rc::new(Cell::new(false));
    let worker = spawn(
        move |data| {
            let _ = send.unbounded_send(data);
        },
        Rc::clone(&stopped),
    )?;
    let reply = async {
        let gone = || "the reading worker stopped".to_string();
        worker.post_message(&module).map_err(|e| shown(&e))?;
        let ready = replies.next().await.ok_or_else(gone)?;
        if kind(&ready) != "ready" {
            return Err(failure(&ready));
        }
        worker.post_message(message).map_err(|e| shown(&e))?;
        let reply = replies.next().await.ok_or_else(gone)?;
        if kind(&reply) != answer {
            return Err(failure(&reply));
        }
        Ok(reply)
    }
    .await;
    stopped.set(true);
    worker.terminate();
    reply
}

/// actors.toml with the user's `edits`, written (and checked) by a worker; an error says which
/// edit cannot be made and why.
pub async fn edited_actors(edits: &[Edit]) -> Result<String, String> {
    let reply = ask(&dictionary_message(edits), "dictionary").await?;
    get(&reply, "actors")
        .as_string()
        .ok_or_else(|| "the reading worker wrote no actors.toml".to_string())
}

/// The names the dictionary does not know in a bundle, most named first, as a worker finds
/// them (`coverage_core::unknown`, what `coverage suggest-actors` lists).
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

/// Hands queued files to readers that listen and hold fewer than `BATCHES_PER_READER` batches,
/// the least loaded first, each a batch of the largest files waiting.
fn dispatch(
    handle: &Handle,
    inputs: &[Input],
    shares: &mut [Share],
    queue: &mut BinaryHeap<Queued>,
    queued_bytes: &mut usize,
) -> Result<(), String> {
    while !queue.is_empty() {
        let Some(id) = (0..shares.len())
            .filter(|&i| shares[i].ready && shares[i].batches.len() < BATCHES_PER_READER)
            .min_by_key(|&i| shares[i].held())
        else {
            return Ok(());
        };
        let files = Array::new();
        let transfer = Array::new();
        let mut bytes = 0usize;
        while let Some(file) = queue.peek() {
            if files.length() > 0
                && (bytes + file.len > BATCH_BYTES || files.length() as usize >= BATCH_FILES)
            {
                break;
            }
            let Some(file) = queue.pop() else { break };
            bytes += file.len;
            *queued_bytes -= file.len;
            let mut fields = vec![
                ("index", (file.index as u32).into()),
                ("name", inputs[file.index].name().into()),
            ];
            if let Some(buffer) = file.bytes {
                transfer.push(&buffer);
                fields.push(("bytes", buffer.into()));
            }
            if let Some(error) = file.error {
                fields.push(("error", error.into()));
            }
            files.push(&object(&fields));
        }
        let message = object(&[("type", "read".into()), ("files", files.into())]);
        post(&handle.workers[id], &message, &transfer.into())?;
        shares[id].batches.push_back(bytes);
    }
    Ok(())
}

fn post(worker: &Worker, message: &JsValue, transfer: &JsValue) -> Result<(), String> {
    worker
        .post_message_with_transfer(message, transfer)
        .map_err(|e| shown(&e))
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
