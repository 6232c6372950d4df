// Where the time goes: a CPU profile of one thing the speed benchmark measures, taken in
// headless Chromium on a build that keeps function names (`make profile-build` writes it
// to target/dist-prof: the release build without wasm-opt). Not a test; prints the
// functions with the most time, self and inclusive, and writes the whole profile to
// target/bench/<what>.cpuprofile (open it in Chromium's DevTools, Performance panel).
//   node tests/bench/profile.mjs preview [dist] [claims]   the import preview of a file
//   node tests/bench/profile.mjs start [dist] [claims]     a start with that many claims stored
//   node tests/bench/profile.mjs search [dist] [claims]    the search keystroke that replaces
//                                                          every shown row ("customer" → "customer7")
// (defaults: target/dist-prof, 1000). The claims file is the speed benchmark's.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const what = process.argv[2];
if (!['preview', 'start', 'search'].includes(what)) {
  console.error('usage: node tests/bench/profile.mjs preview|start|search [dist] [claims]');
  process.exit(2);
}
const dist = process.argv[3] ?? join(root, 'target/dist-prof');
const count = Number(process.argv[4] ?? 1000);
const port = 8098;
const base = `http://127.0.0.1:${port}/?now=2026-11-20T10:00:00Z`;

const dir = join(root, 'target/bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, `claims-${count}.json`);
if (!existsSync(file)) {
  writeFileSync(file, execFileSync('cargo', ['run', '-q', '-p', 'claim-rules', '--example', 'realistic_export', '--', String(count)],
    { cwd: root, maxBuffer: 1 << 30 }));
}

const server = spawn('node', [join(here, '../e2e/serve.mjs'), dist, String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ serviceWorkers: 'block', timezoneId: 'America/Los_Angeles', locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${base}#/transfer`);
  await page.locator('#import-file').waitFor();
  const profiler = async (target) => {
    const cdp = await context.newCDPSession(target);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    return cdp;
  };
  let cdp;
  let started = Date.now();
  if (what === 'preview') {
    cdp = await profiler(page);
    await page.locator('#import-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Apply import' }).waitFor({ timeout: 600_000 });
  } else {
    await page.locator('#import-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Apply import' }).click({ timeout: 600_000 });
    await page.locator('.import-outcome').waitFor({ timeout: 900_000 });
    // The import's page shares the renderer, and would be profiled with the start.
    await page.close();
    const fresh = await context.newPage();
    if (what === 'start') {
      cdp = await profiler(fresh);
      started = Date.now();
    }
    await fresh.goto(base);
    await fresh.locator('table.claims tbody tr').first().waitFor({ timeout: 300_000 });
    if (what === 'search') {
      const search = fresh.locator('input[type="search"]');
      await search.fill('customer');
      await fresh.waitForTimeout(500);
      cdp = await profiler(fresh);
      started = Date.now();
      await search.fill('customer7');
      await fresh.locator('table.claims tbody tr[data-claim-id]').first().waitFor();
      await fresh.waitForTimeout(300);
    }
  }
  const wall = Date.now() - started;
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(join(dir, `${what}.cpuprofile`), JSON.stringify(profile));

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sampled = new Map();
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + profile.timeDeltas[i] / 1000));
  const label = (node) => (node.callFrame.functionName || `(${node.callFrame.url.split('/').pop() || 'anonymous'})`)
    .replace(/\[[0-9a-f]{16}\]/g, '');
  const self = new Map();
  const inclusive = new Map();
  for (const [id, ms] of sampled) {
    const name = label(nodes.get(id));
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const outer = label(nodes.get(at));
      if (!seen.has(outer)) {
        seen.add(outer);
        inclusive.set(outer, (inclusive.get(outer) ?? 0) + ms);
      }
    }
  }
  const print = (title, map, n) => {
    console.log(`\n${title}`);
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.length > 160 ? `${name.slice(0, 157)}...` : name}`);
    }
  };
  console.log(`${what}, ${count} claims: ${wall} ms wall clock while profiling (the profiler slows it)`);
  print('self time', self, 25);
  print('inclusive time', inclusive, 40);
} finally {
  await browser.close();
  server.kill();
}
