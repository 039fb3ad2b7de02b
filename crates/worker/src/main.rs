//! The page's reading worker: a Web Worker that reads the files a user adds (pages and
//! containers of pages, through `reader`, the CLI's own path) and writes the bundle the page
//! then decodes as it decodes its built-in one. The page runs a pool of them (`src/worker.rs`):
//! several readers, one per core, and one assembler that gathers what they read. This file owns
//! the messages below; it knows nothing about the DOM or about which worker plays which part.
//!
//! Messages are plain objects, one `type` field each; byte buffers are transferred, not copied.
//! - out `{type: "ready"}` once, when the worker listens; `{type: "failed", message}` when a
//!   message cannot be understood.
//! - in `{type: "read", files: [{index, name, bytes?: ArrayBuffer, error?}…]}` (reader): read a
//!   batch of files (`index` is the file's place in name order; `error` says why the browser could
//!   not read it, which makes it an error article as in the CLI); out `{type: "read", files:
//!   [{index, pages, bytes}…], errors: [[index, name, reason]…], forward, transfer}`, where `forward` is
//!   the assembler's message (`transfer` its buffers): the page posts it on unchanged.
//! - in `{type: "articles", articles: Uint8Array, raw: [[index, ArrayBuffer?]…]}` (assembler): the
//!   read articles (postcard of `[(index, [Article…])…]`) and each file's bytes, for the corpus
//!   hash, which takes the files in name order whatever order they come in.
//! - in `{type: "finish", built}` (assembler): assemble what was read (duplicates, relations) in
//!   name order and build the bundle; out `{type: "bundle", bytes: Uint8Array}`.
//! - in `{type: "dictionary", edits: Uint8Array}` (reader and assembler, before their first
//!   `read` or `articles`): read, and hash, with the built-in actors.toml and these edits
//!   (`coverage_core::edit::encode`d, applied by `intake::edit`); out `{type: "dictionary", actors}`, the
//!   edited actors.toml, or `failed` saying which edit cannot be made.
//! - in `{type: "names", bundle: Uint8Array}`: the names the dictionary does not know in a bundle
//!   (`coverage_core::unknown`, what `coverage suggest-actors` lists); out `{type: "names", names:
//!   [[id, name, kind, mentions, articles, context, source]…]}`, most named first.

#[cfg(target_arch = "wasm32")]
fn main() {
    run::start();
}

/// The worker only runs in a browser; natively there is nothing to do.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("coverage-worker runs as a Web Worker inside the page (trunk builds it)");
}

#[cfg(any(target_arch = "wasm32", test))]
mod batch;

#[cfg(target_arch = "wasm32")]
mod run {
    use crate::batch::{Gathered, read_batch};
    use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
    use std::borrow::Cow;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// What the worker holds between messages: the actors.toml it reads and hashes with, the
    /// dictionaries once it reads, what it gathered once it assembles.
    struct State {
        actors: Cow<'static, str>,
        knowledge: Option<reader::Knowledge>,
        gathered: Gathered,
        /// Whether a file or a reader's articles came: the dictionary is set before.
        begun: bool,
    }

    impl Default for State {
        fn default() -> State {
            State {
                actors: Cow::Borrowed(intake::BUILTIN_ACTORS),
                knowledge: None,
                gathered: Gathered::default(),
                begun: false,
            }
        }
    }

    thread_local! {
        static STATE: RefCell<State> = RefCell::new(State::default());
    }

    pub fn start() {
        console_error_panic_hook::set_once();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let answer = handle(&event.data()).unwrap_or_else(|message| {
                Some((
                    object(&[("type", "failed".into()), ("message", message.into())]),
                    Array::new(),
                ))
            });
            // A page that went away cannot be told anything.
            if let Some((answer, transfer)) = answer {
                let _ = reply.post_message_with_transfer(&answer, &transfer);
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let _ = scope.post_message(&object(&[("type", "ready".into())]));
    }

    fn field(data: &JsValue, name: &str) -> Result<JsValue, String> {
        Reflect::get(data, &name.into()).map_err(|_| format!("the message has no {name}"))
    }

    fn object(fields: &[(&str, JsValue)]) -> JsValue {
        let o = Object::new();
        for (name, value) in fields {
            let _ = Reflect::set(&o, &(*name).into(), value);
        }
        o.into()
    }

    /// The answer to one message and the buffers it transfers; `None` for no answer.
    fn handle(data: &JsValue) -> Result<Option<(JsValue, Array)>, String> {
        let kind = field(data, "type")?.as_string().unwrap_or_default();
        STATE.with(|cell| {
            let mut state = cell.borrow_mut();
            match kind.as_str() {
                "read" => {
                    state.begun = true;
                    if state.knowledge.is_none() {
                        // Made once, at the first batch: the costly part of a reader.
                        let knowledge = reader::Knowledge::from_sources(
                            &state.actors,
                            intake::BUILTIN_OUTLETS,
                            "",
                        )
                        .map_err(|e| e.to_string())?;
                        state.knowledge = Some(knowledge);
                    }
                    let Some(knowledge) = &state.knowledge else {
                        return Err("the dictionaries are not ready".into());
                    };
                    read(knowledge, &field(data, "files")?).map(Some)
                }
                "articles" => {
                    state.begun = true;
                    let articles = Uint8Array::new(&field(data, "articles")?).to_vec();
                    state.gathered.add_articles(&articles)?;
                    for pair in Array::from(&field(data, "raw")?).iter() {
                        let pair = Array::from(&pair);
                        let index = pair.get(0).as_f64().unwrap_or(-1.0);
                        let bytes = pair.get(1);
                        let bytes = bytes.is_object().then(|| Uint8Array::new(&bytes).to_vec());
                        state.gathered.add_raw(index as u32, bytes);
                    }
                    Ok(None)
                }
                "finish" => {
                    let built = field(data, "built")?.as_string().unwrap_or_default();
                    let fresh = Gathered::new(&state.actors);
                    let gathered = std::mem::replace(&mut state.gathered, fresh);
                    let bytes = gathered.bundle(built)?;
                    let array = Uint8Array::from(bytes.as_slice());
                    let transfer = Array::of1(&array.buffer());
                    Ok(Some((
                        object(&[("type", "bundle".into()), ("bytes", array.into())]),
                        transfer,
                    )))
                }
                "dictionary" => {
                    if state.begun {
                        return Err("the dictionary is set before the first file".into());
                    }
                    let bytes = Uint8Array::new(&field(data, "edits")?).to_vec();
                    let edits = coverage_core::edit::decode(&bytes)?;
                    let actors = intake::edit::apply(intake::BUILTIN_ACTORS, &edits)?;
                    let answer = object(&[
                        ("type", "dictionary".into()),
                        ("actors", actors.as_str().into()),
                    ]);
                    // The corpus hash takes the actors.toml the pages are read with.
                    state.gathered = Gathered::new(&actors);
                    state.actors = Cow::Owned(actors);
                    Ok(Some((answer, Array::new())))
                }
                "names" => {
                    let bytes = Uint8Array::new(&field(data, "bundle")?).to_vec();
                    let bundle =
                        coverage_core::bundle::Bundle::decode(&bytes).map_err(|e| e.to_string())?;
                    let names = coverage_core::unknown::in_bundle(&bundle, 1).map_err(|e| match e {
                        coverage_core::bundle::BundleError::External(_) => "this corpus keeps its texts in files beside the page, so its names are not listed here; `coverage suggest-actors` lists them from its pages".to_string(),
                        e => e.to_string(),
                    })?;
                    let list: Array = names
                        .into_iter()
                        .map(|n| -> JsValue {
                            let row = Array::new();
                            for text in [n.id, n.name, n.kind.as_str().to_string()] {
                                row.push(&text.into());
                            }
                            row.push(&n.mentions.into());
                            row.push(&n.articles.into());
                            row.push(&n.context.into());
                            row.push(&n.source.into());
                            row.into()
                        })
                        .collect();
                    Ok(Some((
                        object(&[("type", "names".into()), ("names", list.into())]),
                        Array::new(),
                    )))
                }
                other => Err(format!("unknown message type {other:?}")),
            }
        })
    }

    /// Reads a batch: the answer for the page, with the assembler's message inside it.
    fn read(knowledge: &reader::Knowledge, files: &JsValue) -> Result<(JsValue, Array), String> {
        let files = Array::from(files);
        let mut inputs = Vec::with_capacity(files.length() as usize);
        let raw = Array::new();
        let transfer = Array::new();
        for file in files.iter() {
            let index = field(&file, "index")?.as_f64().unwrap_or(-1.0) as u32;
            let name = field(&file, "name")?.as_string().unwrap_or_default();
            let buffer = field(&file, "bytes")?;
            let content = match buffer.dyn_ref::<ArrayBuffer>() {
                Some(buffer) => {
                    transfer.push(buffer);
                    Ok(Uint8Array::new(buffer).to_vec())
                }
                None => Err(field(&file, "error")?
                    .as_string()
                    .unwrap_or_else(|| "the browser could not read this file".into())),
            };
            raw.push(&Array::of2(&index.into(), &buffer));
            inputs.push((index, name, content));
        }
        let read = read_batch(knowledge, inputs);
        let done = Array::new();
        for file in &read.files {
            done.push(&object(&[
                ("index", file.index.into()),
                ("pages", file.pages.into()),
                ("bytes", (file.bytes as f64).into()),
            ]));
        }
        let errors = Array::new();
        for (index, name, reason) in &read.errors {
            errors.push(&Array::of3(
                &(*index).into(),
                &name.as_str().into(),
                &reason.as_str().into(),
            ));
        }
        let articles = Uint8Array::from(read.articles.as_slice());
        transfer.push(&articles.buffer());
        let forward = object(&[
            ("type", "articles".into()),
            ("articles", articles.into()),
            ("raw", raw.into()),
        ]);
        let answer = object(&[
            ("type", "read".into()),
            ("files", done.into()),
            ("errors", errors.into()),
            ("forward", forward),
            ("transfer", transfer.clone().into()),
        ]);
        Ok((answer, transfer))
    }
}
