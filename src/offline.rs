//! Offline use: registers the service worker (`public/sw.js`) that keeps the app shell cached,
//! so an installed or once-visited page opens without a network. Only over http(s) in a secure
//! context; a page opened from a file (the one-file page) needs no worker and gets none.

use leptos::prelude::window;
use wasm_bindgen_futures::{JsFuture, spawn_local};

/// Registers `sw.js` beside the page; a failure is a warning in the console, never an error
/// of the page (it works online without the worker).
pub fn register_service_worker() {
    let window = window();
    let protocol = window.location().protocol().unwrap_or_default();
    if !matches!(protocol.as_str(), "http:" | "https:") || !window.is_secure_context() {
        return;
    }
    let registered = window.navigator().service_worker().register("./sw.js");
    spawn_local(async move {
        if let Err(error) = JsFuture::from(registered).await {
            leptos::logging::warn!(
                "the page will not work offline: its service worker did not register ({error:?})"
            );
        }
    });
}
