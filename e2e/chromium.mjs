// Launching Debian's Chromium through playwright-core, for the end-to-end tests and the
// benchmark pages alike: one list of flags (TOOLCHAIN.md) and one executable path.

import { chromium } from 'playwright-core';

// Flags that behave on this machine kind: no background connections to a closed network, no
// GPU, no sandbox (CI runs as root). Playwright makes its own empty profile.
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium, headless, with the flags above and any `extra` ones (`E2E_CHROMIUM` overrides the
 *  executable). */
export function launchChromium(extra = []) {
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extra],
    timeout: 30_000,
  });
}
