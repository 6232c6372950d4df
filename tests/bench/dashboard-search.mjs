// Measures how long the dashboard takes to show search results with 1,000 claims.
// Not a test (no timing assertions anywhere): prints figures for the notes.
//   node tests/bench/dashboard-search.mjs [dist] [port]
// Builds the claims in local storage, opens the dashboard in headless Chromium, types
// queries one key at a time and reports, per keystroke, the time from the input event to
// the next frame after the table changed (median and worst over all keystrokes).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { draft, submitted, storeClaims } from '../e2e/fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] ?? join(here, '../../dist');
const port = Number(process.argv[3] ?? 8095);
const server = spawn('node', [join(here, '../e2e/serve.mjs'), dist, String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));

const words = ['Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Litware', 'Adatum', 'Wingtip', 'Proseware'];
const claims = [];
for (let i = 0; i < 1000; i += 1) {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const word = words[i % words.length];
  const fields = {
    partner_id: String(1000000 + i), customer_domain: `${word.toLowerCase()}${i}.com`,
    tenant_id: `72f988bf-86f1-41af-91ab-${String(i).padStart(12, '0')}`,
    solution_area: 'Microsoft365', activities: ['Usage'], products: [{ product: 'ExchangeOnline' }],
  };
  claims.push(i % 3 === 0 ? draft(id, `${word} rollout ${i}`, fields) : submitted(id, `${word} usage ${i}`, fields));
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/?now=2026-11-20T10:00:00Z`);
  await page.locator('header.app-header').waitFor();
  await storeClaims(page, claims);
  const loadStart = Date.now();
  await page.reload();
  await page.locator('table.claims tbody tr').first().waitFor();
  const loadMs = Date.now() - loadStart;
  const search = page.getByRole('searchbox');
  const timings = await page.evaluate(async (queries) => {
    const input = document.querySelector('input[type="search"]');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const result = [];
    for (const query of queries) {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      for (let n = 1; n <= query.length; n += 1) {
        input.value = query.slice(0, n);
        const start = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        result.push(performance.now() - start);
      }
    }
    return result;
  }, ['northwind', 'contoso12', '1000123', '72f988bf']);
  await search.fill('');
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)];
  console.log(`1,000 claims: first dashboard render after reload ${loadMs} ms (wall, includes wasm start)`);
  console.log(`search keystroke to next frame: median ${median.toFixed(1)} ms, worst ${timings.at(-1).toFixed(1)} ms over ${timings.length} keystrokes`);
} finally {
  await browser.close();
  server.kill();
}
