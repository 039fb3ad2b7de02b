// The end-to-end tests that run in every browser engine, in one process that launches each
// engine once (driver.mjs shares it among the files): the smoke check, "Add your pages" against
// the CLI's report, folders picked and dropped (read in the CLI's walk order, walked to their
// last file), "Fix the dictionary" against the CLI with the edited actors.toml, "Export this
// view", and axe-core on every view. E2E_BROWSERS chooses the engines, all three by
// default. `cargo xtask test` serves dist/ and runs this file under
// xvfb-run (WebKitGTK needs a display) with E2E_BASE_URL, E2E_DIST and COVERAGE_BIN set; by hand,
// with `cargo xtask serve` running and the release CLI built:
//   E2E_BASE_URL=http://127.0.0.1:8080/ xvfb-run -a node e2e/browsers.mjs

import { ENGINES } from './driver.mjs';

process.env.E2E_BROWSERS ||= ENGINES.join(',');

await import('./smoke.mjs');
await import('./add-pages.mjs');
await import('./add-folders.mjs');
await import('./dictionary.mjs');
await import('./export.mjs');
await import('./a11y.mjs');
