//! The page's reading worker: a Web Worker that reads the files a user adds (pages and
//! containers of pages, through `reader`, the CLI's own path) and writes the bundle the page
//! then decodes as it decodes its built-in one. It owns the messages below; the page's
//! `src/worker.rs` sends and receives them. It knows nothing about the DOM.
//!
//! Messages are plain objects, one `type` field each:
//! - in `{type: "file", index, name, bytes: Uint8Array}`: read the next file (files come in name
//!   order, one message each); out `{type: "read", index, pages, bytes, errors: [[name, reason]…]}`.
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
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// What the worker holds between messages: the dictionaries, the articles read so far (in
    /// file order) and the corpus hash fed so far.
    struct State {
        knowledge: engine::Knowledge,
        articles: Vec<Article>,
        hash: reader::CorpusHash,
        files: u32,
    }

    impl State {
        fn new() -> State {
            State {
                knowledge: reader::builtin_knowledge(),
                articles: Vec::new(),
                hash: reader::CorpusHash::new(reader::BUILTIN_ACTORS, reader::BUILTIN_OUTLETS, ""),
                files: 0,
            }
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
                    state.hash.add(&bytes);
                    state.files += 1;
                    let errors = Array::new();
                    let before = state.articles.len();
                    let knowledge = &state.knowledge;
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
                "finish" => {
                    let built = field(data, "built")?.as_string().unwrap_or_default();
                    let done = slot.take().unwrap_or_else(State::new);
                    let info = BuildInfo {
                        files: done.files,
                        built,
                        corpus_hash: done.hash.finish(),
                    };
                    let bytes = reader::bundle(&done.knowledge, done.articles, info);
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
