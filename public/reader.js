// Starts a reading worker (crates/worker): loads its wasm-bindgen glue (Trunk builds it for
// workers without a content hash), then instantiates the wasm module the page compiled once for
// all of its workers and posts as the first message, so the code is compiled (and optimised)
// once, not once per worker. A file rather than a blob: URL, so the page's
// Content-Security-Policy (script-src 'self') allows it as it is.
importScripts('coverage-worker.js');
self.onmessage = (event) => {
  self.onmessage = null;
  wasm_bindgen({ module_or_path: event.data });
};
