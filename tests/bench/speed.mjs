// How fast the release build in dist/ is with many claims, against a plain-JS floor page
// reading the same database in the same run. Not a test: it asserts nothing about time
// and prints one table for the notes and the README.
//   node tests/bench/speed.mjs [dist] [port] [runs] [counts…]     (defaults: dist 8096 5 1000 10000)
// It builds no app: it measures what is in dist/ (build it with `make size` or
// `scripts/test.sh`). The claims come from the rules' realistic generator
// (`cargo run -p claim-rules --example realistic_export`), each taken through its whole
// life: 15 history entries, 2 PoE documents, 3 comments.
//
// Per count, in a fresh browser profile with the service worker blocked (every load
// comes from the local server; the floor page is served the same way):
// * import preview: the file chosen → the "Apply import" button shown (read, parse,
//   replay and classify every claim); against a plain-JS floor in the same context (the
//   same file chosen in a bare page → read as text and JSON.parse'd), median of `runs`;
// * import: "Apply import" pressed → the outcome "N claims stored" shown;
// * stored bytes per claim: navigator.storage.estimate() after the import ÷ N;
// * cold start: navigation → the first dashboard row in the DOM, and → the page's 100
//   rows in the DOM (the app builds a screenful of rows, 25, before the first paint and
//   the rest in the following frames), median of `runs` loads; the floor page (plain JS,
//   no framework: open the database, read every summary, sort, build the first 100 rows
//   at once) the same way; and the ratios;
// * search: a keystroke's input event → the next frame after the table changed (what
//   the partner sees first), over every keystroke of a few queries (median and worst;
//   each keystroke typed 0–16 ms after a frame, in turn, as a partner's keystrokes come),
//   and → the frame after the table's last change (every row of the page there, worst);
//   every keystroke with its query and the rows shown goes to
//   target/bench/keystrokes-N.json.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const dist = process.argv[2] ?? join(root, 'dist');
const port = Number(process.argv[3] ?? 8096);
const runs = Number(process.argv[4] ?? 5);
const counts = process.argv.length > 5 ? process.argv.slice(5).map(Number) : [1000, 10000];
const base = `http://127.0.0.1:${port}/`;
const now = '?now=2026-11-20T10:00:00Z';

function claimsFile(count) {
  const dir = join(root, 'target/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `claims-${count}.json`);
  if (!existsSync(file)) {
    const text = execFileSync('cargo', ['run', '-q', '-p', 'claim-rules', '--example', 'realistic_export', '--', String(count)],
      { cwd: root, maxBuffer: 1 << 30 });
    writeFileSync(file, text);
  }
  return file;
}

// The floor: what any page needs to do to show the same 100 rows, without a framework.
const FLOOR = `<!doctype html><meta charset="utf-8"><title>floor</title><table class="claims"><tbody></tbody></table>
<script>
const open = indexedDB.open('cpor-desk');
open.onsuccess = () => {
  const tx = open.result.transaction('summaries', 'readonly');
  const all = tx.objectStore('summaries').getAll();
  all.onsuccess = () => {
    const rows = all.result.map((text) => JSON.parse(text).summary ?? JSON.parse(text))
      .filter((s) => !s.archived)
      .sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1))
      .slice(0, 100);
    const body = document.querySelector('tbody');
    for (const s of rows) {
      const tr = document.createElement('tr');
      for (const text of [s.name, s.status, s.customer_domain, s.partner_id, s.updated_at]) {
        const td = document.createElement('td'); td.textContent = text; tr.append(td);
      }
      body.append(tr);
    }
  };
};
</script>`;

// The import floor: choosing the file in a bare page, reading it and JSON.parse.
const IMPORT_FLOOR = `<!doctype html><meta charset="utf-8"><title>import floor</title><input type="file" id="f">
<script>
document.getElementById('f').addEventListener('change', (event) => {
  const reader = new FileReader();
  reader.onload = () => { window.parsed = JSON.parse(reader.result).claims.length; };
  reader.readAsText(event.target.files[0]);
});
</script>`;

// Records, relative to navigation start, when the first dashboard row enters the DOM,
// and when the page's 100 rows are there (the benchmark's claims are more than a page).
const ROWS = () => {
  new MutationObserver((_, observer) => {
    const rows = document.querySelectorAll('table.claims tbody tr').length;
    if (rows > 0 && window.firstRow === undefined) window.firstRow = performance.now();
    if (rows >= 100) {
      window.pageRows = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true });
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${Math.round(value)} ms`;

async function coldStart(context, url) {
  const page = await context.newPage();
  await page.addInitScript(ROWS);
  await page.goto(url);
  await page.waitForFunction(() => window.pageRows !== undefined, null, { timeout: 300_000 });
  const at = await page.evaluate(() => ({ first: window.firstRow, page: window.pageRows }));
  await page.close();
  return at;
}

async function measure(browser, count) {
  const file = claimsFile(count);
  const context = await browser.newContext({
    serviceWorkers: 'block', timezoneId: 'America/Los_Angeles', locale: 'en-US', viewport: { width: 1280, height: 860 },
  });
  await context.route('**/floor.html', (route) => route.fulfill({ contentType: 'text/html', body: FLOOR }));
  await context.route('**/import-floor.html', (route) => route.fulfill({ contentType: 'text/html', body: IMPORT_FLOOR }));
  const importFloor = [];
  for (let run = 0; run < runs; run += 1) {
    const bare = await context.newPage();
    await bare.goto(`${base}import-floor.html`);
    const started = Date.now();
    await bare.locator('#f').setInputFiles(file);
    await bare.waitForFunction(() => window.parsed !== undefined, null, { timeout: 300_000 });
    importFloor.push(Date.now() - started);
    await bare.close();
  }
  const page = await context.newPage();
  await page.goto(`${base}${now}#/transfer`);
  await page.locator('#import-file').waitFor();
  // Timed from here (wall clock around the browser's work; Playwright's own overhead is a
  // few milliseconds, far below these figures).
  let started = Date.now();
  await page.locator('#import-file').setInputFiles(file);
  await page.getByRole('button', { name: 'Apply import' }).waitFor({ timeout: 600_000 });
  const preview = Date.now() - started;
  started = Date.now();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await page.locator('.import-outcome').filter({ hasText: `${count.toLocaleString('en-US')} claims stored` })
    .waitFor({ timeout: 900_000 });
  const imported = Date.now() - started;
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
  await page.close();

  const app = [];
  const floor = [];
  for (let run = 0; run < runs; run += 1) {
    app.push(await coldStart(context, `${base}${now}`));
    floor.push(await coldStart(context, `${base}floor.html`));
  }

  const dashboard = await context.newPage();
  await dashboard.goto(`${base}${now}`);
  await dashboard.locator('table.claims tbody tr').first().waitFor({ timeout: 300_000 });
  const keystrokes = await dashboard.evaluate(async (queries) => {
    const input = document.querySelector('input[type="search"]');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const result = [];
    for (const query of queries) {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      for (let n = 1; n <= query.length; n += 1) {
        // A partner's keystroke comes at any point of a frame, not just after one: each
        // is typed a different few milliseconds after the last frame (0 to 16, in turn).
        await new Promise((resolve) => setTimeout(resolve, (result.length * 7) % 17));
        input.value = query.slice(0, n);
        const start = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        const ms = performance.now() - start;
        const count = () => document.querySelectorAll('table.claims tbody tr').length;
        const rows = count();
        // Until a frame leaves the table as it was: the time of its last change.
        let complete = ms;
        for (let seen = rows; ;) {
          await frame();
          if (count() === seen) break;
          seen = count();
          complete = performance.now() - start;
        }
        result.push({ query: query.slice(0, n), ms, rows, complete, rowsComplete: count() });
      }
    }
    return result;
  }, ['rollout 12', 'customer777', '4000123', 'teams']);
  await context.close();
  // Every keystroke, for looking into the worst ones.
  writeFileSync(join(root, `target/bench/keystrokes-${count}.json`), JSON.stringify(keystrokes, null, 1));
  keystrokes.sort((a, b) => a.ms - b.ms);
  return {
    count,
    fileBytes: statSync(file).size,
    preview,
    importFloor: median(importFloor),
    imported,
    bytesPerClaim: usage / count,
    appFirst: median(app.map((at) => at.first)),
    appPage: median(app.map((at) => at.page)),
    floor: median(floor.map((at) => at.page)),
    searchMedian: median(keystrokes.map((k) => k.ms)),
    searchWorst: keystrokes.at(-1).ms,
    searchCompleteWorst: Math.max(...keystrokes.map((k) => k.complete)),
  };
}

const server = spawn('node', [join(here, '../e2e/serve.mjs'), dist, String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const results = [];
  for (const count of counts) results.push(await measure(browser, count));
  console.log(`| claims | file | import preview | plain-JS read + parse | ratio | import (stored) | stored bytes per claim | cold start to first rows / to 100 rows (median of ${runs}) | plain-JS floor (100 rows) | ratios | search keystroke median / worst | worst to all rows |`);
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(`| ${r.count.toLocaleString('en-US')} | ${(r.fileBytes / 1e6).toFixed(1)} MB | ${ms(r.preview)} | ${ms(r.importFloor)} | ${(r.preview / r.importFloor).toFixed(1)}× | ${ms(r.imported)} | ${Math.round(r.bytesPerClaim).toLocaleString('en-US')} | ${ms(r.appFirst)} / ${ms(r.appPage)} | ${ms(r.floor)} | ${(r.appFirst / r.floor).toFixed(1)}× / ${(r.appPage / r.floor).toFixed(1)}× | ${r.searchMedian.toFixed(1)} / ${r.searchWorst.toFixed(1)} ms | ${r.searchCompleteWorst.toFixed(1)} ms |`);
  }
} finally {
  await browser.close();
  server.kill();
}
