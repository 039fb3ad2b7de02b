// Starts the reading worker (crates/worker): loads its wasm-bindgen glue, which Trunk builds
// for workers without a content hash, and instantiates its wasm. A file rather than a blob:
// URL, so the page's Content-Security-Policy (script-src 'self') allows it as it is.
importScripts("coverage-worker.js");
wasm_bindgen({ module_or_path: "coverage-worker_bg.wasm" });
