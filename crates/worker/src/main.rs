//! The page's reading worker: a Web Worker that reads the files a user adds (pages and
//! containers of pages, through `reader`, the CLI's own path) and writes the bundle the page
//! then decodes as it decodes its built-in one. It owns the messages below; the page's
//! `src/worker.rs` sends and receives them. It knows nothing about the DOM.
//!
//! Messages are plain objects, one `type` field each:
//! - in `{type: "file", index, name, bytes: Uint8Array}`: read the next file (files come in name
//!   order, one message each); out `{type: "read", index, pages, bytes, errors: [[name, reason]…]}`.
//! - in `{type: "dictionary", edits: Uint8Array}` (before the first file): read with the built-in
//!   actors.toml and these edits (`engine::edit::encode`d, applied by `reader::edit`); out
//!   `{type: "dictionary", actors}`, the edited actors.toml, or `failed` saying which edit cannot be.
//! - in `{type: "names", bundle: Uint8Array}`: the names the dictionary does not know in a bundle
//!   (`engine::unknown`, what `coverage suggest-actors` lists); out `{type: "names", names:
//!   [[id, name, kind, mentions, articles, context, source]…]}`, most named first.
//! - in `{type: "finish", built}`: assemble what was read (duplicates, relations) and build the
//!   bundle; out `{type: "bundle", bytes: Uint8Array}`.
//! - out `{type: "ready"}` once, when the worker listens; `{type: "failed", message}` when a
//!   message cannot be understood.

#[cfg(target_arch = "wasm32")]
fn main() {
    run::start();
}

/// The worker only runs in a browser; natively there is nothing to do.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("coverage-worker runs as a Web Worker inside the page (trunk builds it)");
}

#[cfg(target_arch = "wasm32")]
mod run {
    use engine::bundle::BuildInfo;
    use engine::model::{Article, Status};
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use std::borrow::Cow;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// What the worker holds between messages: the actors.toml to read with, the dictionaries
    /// and the corpus hash fed so far (made at the first file), the articles read so far (in
    /// file order).
    struct State {
        actors: Cow<'static, str>,
        ready: Option<(engine::Knowledge, reader::CorpusHash)>,
        articles: Vec<Article>,
        files: u32,
    }

    impl State {
        fn new() -> State {
            State {
                actors: Cow::Borrowed(reader::BUILTIN_ACTORS),
                ready: None,
                articles: Vec::new(),
                files: 0,
            }
        }

        /// Makes the dictionaries (the costly part: once, and not for a worker that is only
        /// asked to write actors.toml) and starts the corpus hash.
        fn prepare(&mut self) -> Result<(), String> {
            if self.ready.is_none() {
                let knowledge =
                    engine::Knowledge::from_sources(&self.actors, reader::BUILTIN_OUTLETS, "")
                        .map_err(|e| e.to_string())?;
                let hash = reader::CorpusHash::new(&self.actors, reader::BUILTIN_OUTLETS, "");
                self.ready = Some((knowledge, hash));
            }
            Ok(())
        }
    }

    thread_local! {
        static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    }

    pub fn start() {
        console_error_panic_hook::set_once();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let answer = handle(&event.data()).unwrap_or_else(|message| {
                object(&[("type", "failed".into()), ("message", message.into())])
            });
            // A page that went away cannot be told anything.
            let _ = reply.post_message(&answer);
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

    fn handle(data: &JsValue) -> Result<JsValue, String> {
        let kind = field(data, "type")?.as_string().unwrap_or_default();
        STATE.with(|cell| {
            let mut slot = cell.borrow_mut();
            let state = slot.get_or_insert_with(State::new);
            match kind.as_str() {
                "file" => {
                    let index = field(data, "index")?;
                    let name = field(data, "name")?.as_string().unwrap_or_default();
                    let bytes = Uint8Array::new(&field(data, "bytes")?).to_vec();
                    state.prepare()?;
                    let Some((knowledge, hash)) = &mut state.ready else {
                        return Err("the dictionaries are not ready".into());
                    };
                    hash.add(&bytes);
                    state.files += 1;
                    let errors = Array::new();
                    let before = state.articles.len();
                    let articles = &mut state.articles;
                    reader::read_file(knowledge, &name, &bytes, &mut |article| {
                        if article.status == Status::Error {
                            let pair = Array::new();
                            pair.push(&article.source.as_str().into());
                            pair.push(&article.messages.join("; ").into());
                            errors.push(&pair);
                        }
                        articles.push(article);
                    });
                    Ok(object(&[
                        ("type", "read".into()),
                        ("index", index),
                        ("pages", ((state.articles.len() - before) as u32).into()),
                        ("bytes", (bytes.len() as f64).into()),
                        ("errors", errors.into()),
                    ]))
                }
                "dictionary" => {
                    if state.ready.is_some() {
                        return Err("the dictionary is set before the first file".into());
                    }
                    let bytes = Uint8Array::new(&field(data, "edits")?).to_vec();
                    let edits = engine::edit::decode(&bytes)?;
                    let actors = reader::edit::apply(reader::BUILTIN_ACTORS, &edits)?;
                    let answer = object(&[
                        ("type", "dictionary".into()),
                        ("actors", actors.as_str().into()),
                    ]);
                    state.actors = Cow::Owned(actors);
                    Ok(answer)
                }
                "names" => {
                    let bytes = Uint8Array::new(&field(data, "bundle")?).to_vec();
                    let bundle =
                        engine::bundle::Bundle::decode(&bytes).map_err(|e| e.to_string())?;
                    let names = engine::unknown::in_bundle(&bundle, 1).map_err(|e| match e {
                        engine::bundle::BundleError::External(_) => "this corpus keeps its texts in files beside the page, so its names are not listed here; `coverage suggest-actors` lists them from its pages".to_string(),
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
                    Ok(object(&[("type", "names".into()), ("names", list.into())]))
                }
                "finish" => {
                    let built = field(data, "built")?.as_string().unwrap_or_default();
                    let mut done = slot.take().unwrap_or_else(State::new);
                    done.prepare()?;
                    let Some((knowledge, hash)) = done.ready else {
                        return Err("the dictionaries are not ready".into());
                    };
                    let info = BuildInfo {
                        files: done.files,
                        built,
                        corpus_hash: hash.finish(),
                    };
                    let bytes = reader::bundle(&knowledge, done.articles, info);
                    let array = Uint8Array::from(bytes.as_slice());
                    Ok(object(&[
                        ("type", "bundle".into()),
                        ("bytes", array.into()),
                    ]))
                }
                other => Err(format!("unknown message type {other:?}")),
            }
        })
    }
}
