// Loads one probe .wasm, lists what it imports, and runs it once on a page: does it work
// without wasm-bindgen's JS glue? Usage: node wasm-run.mjs probe.wasm page.html
import { readFileSync } from "node:fs";

const [file, page] = process.argv.slice(2);
const module = new WebAssembly.Module(readFileSync(file));
const imports = WebAssembly.Module.imports(module);
const stubs = {};
for (const i of imports) {
  stubs[i.module] ??= {};
  stubs[i.module][i.name] = () => {
    throw new Error(`called import ${i.module}.${i.name}`);
  };
}
const names = imports.map((i) => `${i.module}.${i.name}`);
let runs;
try {
  const { exports } = new WebAssembly.Instance(module, stubs);
  const bytes = new TextEncoder().encode(readFileSync(page, "utf8"));
  const ptr = exports.alloc(bytes.length);
  new Uint8Array(exports.memory.buffer, ptr, bytes.length).set(bytes);
  const n = exports.run(ptr, bytes.length);
  runs = `ok (${n})`;
} catch (e) {
  runs = `fails: ${String(e.message).split("\n")[0].slice(0, 80)}`;
}
console.log(JSON.stringify({ runs, imports: names.join(" ") }));
