// Starts the page: imports the wasm-bindgen glue and instantiates the wasm. Trunk names both
// files (with their content hashes) on the script tag that loads this file (`pattern_script` in
// Trunk.toml). It is a file rather than Trunk's inline loader so that the page's
// Content-Security-Policy can forbid inline scripts. The one-file page does not use it.
const tag = document.querySelector('script[data-js][data-wasm]');
const glue = await import(new URL(tag.dataset.js, document.baseURI).href);
await glue.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
