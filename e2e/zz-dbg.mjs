process.env.E2E_BROWSERS = 'webkit';
const { browserFor, closeBrowsers } = await import('./driver.mjs');
const b = await browserFor('webkit');
let page = await b.newPage();
await page.goto('http://127.0.0.1:8091/'); await page.rendered(30000); await page.close();
page = await b.newPage();
await page.goto('http://127.0.0.1:8091/'); await page.rendered(30000);
await page.setFiles('#add-pages', ['empty.txt', 'grain-deal.txt'].map(f => '/work/wt/browsers/e2e/fixtures/add-pages/' + f));
await page.waitForSelector('#reading-summary', { timeout: 30000 });
console.log('sw', await page.evaluate(() => !!navigator.serviceWorker?.controller));
await page.click('#save-page');
for (let i = 0; i < 20; i++) {
  await new Promise(r => setTimeout(r, 500));
  const st = await page.evaluate(() => ({ d: window.__e2e.downloads.map(d => [d.name, d.data?.length, d.error]), p: document.getElementById('save-problem')?.textContent, dis: document.getElementById('save-page')?.disabled }));
  console.log(JSON.stringify(st));
  if (st.d.length) break;
}
await page.close(); await closeBrowsers();
