process.env.E2E_BROWSERS = 'chromium,firefox,webkit';
await import('./a11y.mjs');
