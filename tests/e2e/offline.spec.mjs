// Offline and installable: the service worker precaches exactly the build's files, the
// app then works with the network off (from any sub-path), a new build announces itself
// and reload brings it, a build that cannot be fetched whole is never used, the manifest
// makes the app installable, and the Content-Security-Policy needs no inline script.
import { chromium, test, expect } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appReady, forbidNetwork, shot } from './helpers.mjs';
import { storedClaims } from './fixtures.mjs';
import { buildOf, dist, nextBuild, startServer } from './pwa-server.mjs';

/** Wait until a service worker serves the page (after the first visit's install). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

/** The build the page was loaded from (the stamp in its index.html). */
function pageBuild(page) {
  return page.locator('meta[name="cpor-desk-build"]').getAttribute('content');
}

/** Cache Storage names of the page's origin. */
function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

/** Every console message and CSP violation of the page. */
function watchConsole(page) {
  const messages = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return messages;
}

test('after one visit the app works offline: it reloads, and a draft is written and stored', async ({ page, context }) => {
  const outside = forbidNetwork(page);
  await page.goto('./');
  await appReady(page);
  await controlled(page);
  const build = await pageBuild(page);
  expect(build).toMatch(/^[0-9a-f]{16}$/);

  await context.setOffline(true);
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.reload();
  await appReady(page);
  // The page, its loader, stylesheets and wasm all came from the service worker …
  expect(responses.map((r) => r.url())).toEqual(expect.arrayContaining([expect.stringMatching(/_bg\.wasm$/)]));
  for (const response of responses) expect(response.fromServiceWorker(), response.url()).toBe(true);
  // … because the network really is off: a file that is not part of the build fails.
  expect(await page.evaluate(() => fetch('./not-in-the-build.txt').then(() => 'reached', () => 'offline'))).toBe('offline');
  expect(await pageBuild(page)).toBe(build);

  // Write a draft offline: it is stored.
  await page.getByRole('link', { name: 'New claim' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New claim');
  const name = page.getByLabel('Claim name', { exact: true });
  await name.fill('Written offline – Contoso');
  await name.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const stored = await storedClaims(page);
  expect(stored.map((claim) => claim.fields.name)).toEqual(['Written offline – Contoso']);
  await shot(page, 'offline-1280-draft');

  // And it is still there after another offline reload.
  await page.reload();
  await appReady(page);
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await expect(page.locator('table.claims')).toContainText('Written offline – Contoso');
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'offline-360-dashboard');
  await context.setOffline(false);
  expect(outside).toEqual([]);
});

test('the cache holds exactly the files of the build', async ({ page }) => {
  await page.goto('./');
  await appReady(page);
  await controlled(page);
  const build = await pageBuild(page);
  const names = await cacheNames(page);
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(new RegExp(`^cpor-desk:/:${build}$`));
  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => new URL(request.url).pathname.slice(1)).sort();
  }, names[0]);
  const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
  const listed = JSON.parse(worker.match(/const BUILD = (\{[\s\S]*?\});\n/)[1]).files.map((f) => f.path).sort();
  expect(cached).toEqual(listed);
  // The list is every file Trunk wrote, hashed names included, and nothing else.
  expect(listed).toEqual(expect.arrayContaining(['index.html', 'manifest.webmanifest', 'public/icons/icon-192.png']));
  for (const path of listed) expect(existsSync(join(dist, path)), path).toBe(true);
  expect(listed.filter((path) => /^cpor-desk-[0-9a-f]+(_bg\.wasm|\.js)$/.test(path))).toHaveLength(2);
  expect(listed.filter((path) => /^loader-[0-9a-f]{16}\.js$/.test(path))).toHaveLength(1);
});

test('from a sub-path, a new build is announced and reload brings it; old caches go', async ({ browser }) => {
  const server = await startServer(dist, '/team/cpor/');
  const second = nextBuild(dist, 'second');
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const outside = forbidNetwork(page);
    await page.goto(`${server.url}?now=2026-11-20T10:00:00Z`);
    await appReady(page);
    await controlled(page);
    const first = await pageBuild(page);
    expect(second.build).not.toBe(first);
    await expect(page.getByTestId('update-notice')).toHaveCount(0);

    // The site is deployed again. The next visit still shows the first build (from the
    // cache), while the browser installs the second one; then the notice appears.
    server.switchTo(second.folder);
    await page.reload();
    await appReady(page);
    expect(await pageBuild(page)).toBe(first);
    const notice = page.getByTestId('update-notice');
    await expect(notice).toContainText('A new version is ready.', { timeout: 60_000 });
    await shot(page, 'update-notice-1280');
    await page.setViewportSize({ width: 360, height: 800 });
    await shot(page, 'update-notice-360');
    await page.setViewportSize({ width: 1280, height: 860 });

    // Reload switches to the second build, and only its cache is left.
    await notice.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => pageBuild(page), { timeout: 30_000 }).toBe(second.build);
    await appReady(page);
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    expect(await cacheNames(page)).toEqual([`cpor-desk:/team/cpor/:${second.build}`]);
    const style = await page.evaluate(() => [...document.styleSheets].map((s) => s.href).find((href) => /main-/.test(href)));
    expect(style).toMatch(/main-second\.css$/);

    // Offline, the second build is what comes back.
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    expect(await pageBuild(page)).toBe(second.build);
    expect(outside).toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a build the server cannot give whole is never installed; the running one keeps working', async ({ browser }) => {
  const server = await startServer(dist, '/');
  // A deploy caught half-way: the new worker lists a stylesheet the server does not have
  // yet, and an index.html whose bytes are not the listed ones.
  const broken = nextBuild(dist, 'broken');
  rmSync(join(broken.folder, 'main-broken.css'));
  writeFileSync(join(broken.folder, 'index.html'), readFileSync(join(broken.folder, 'index.html'), 'utf8').replace('<title>', '<title>Half-deployed '));
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await appReady(page);
    await controlled(page);
    const first = await pageBuild(page);
    server.switchTo(broken.folder);
    const installs = page.evaluate(() => new Promise((resolve) => {
      navigator.serviceWorker.getRegistration().then((registration) => {
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker.addEventListener('statechange', () => {
            if (worker.state === 'redundant' || worker.state === 'installed') resolve(worker.state);
          });
        });
        registration.update().catch(() => resolve('update failed'));
      });
    }));
    expect(await installs).toBe('redundant');
    // No notice, no cache of the broken build; offline, the first build still runs.
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    expect(await cacheNames(page)).toEqual([`cpor-desk:/:${first}`]);
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    expect(await pageBuild(page)).toBe(first);
    await expect(page).toHaveTitle('CPOR Desk');
  } finally {
    await context.close();
    await server.close();
  }
});

test('the manifest makes the app installable and its icons load', async ({ baseURL }) => {
  // Chromium offers no installation in an off-the-record profile (Playwright's default),
  // so this test runs in a profile on disk.
  const profile = mkdtempSync(join(tmpdir(), 'cpor-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...test.info().project.use.launchOptions, baseURL });
  const page = context.pages()[0] ?? await context.newPage();
  try {
    await page.goto('./');
    await appReady(page);
    await controlled(page);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifestUrl = new URL(href, page.url()).href;
    const response = await page.request.get(manifestUrl);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = await response.json();
    expect(manifest).toMatchObject({
      name: 'CPOR Desk', short_name: 'CPOR Desk', display: 'standalone', start_url: './', scope: './', theme_color: '#1f4e79',
    });
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', manifest.theme_color);
    // Every icon loads, is the size it says, and there are 192 and 512 px ones for "any"
    // and for "maskable".
    for (const icon of manifest.icons) {
      const image = await page.request.get(new URL(icon.src, manifestUrl).href);
      expect(image.ok(), icon.src).toBe(true);
      expect(image.headers()['content-type']).toBe(icon.type);
      if (icon.type === 'image/png') {
        const bytes = await image.body();
        const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
        expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
      }
    }
    for (const purpose of ['any', 'maskable']) {
      const sizes = manifest.icons.filter((icon) => icon.purpose === purpose).map((icon) => icon.sizes);
      expect(sizes, purpose).toEqual(expect.arrayContaining(['192x192', '512x512']));
    }
    // Chromium's own verdict: the manifest parses and nothing stops installation.
    const cdp = await page.context().newCDPSession(page);
    const parsed = await cdp.send('Page.getAppManifest');
    expect(parsed.errors).toEqual([]);
    const installability = await cdp.send('Page.getInstallabilityErrors');
    expect(installability.installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the Content-Security-Policy allows no inline script, and the app runs without a violation', async ({ page }) => {
  const messages = watchConsole(page);
  const violations = [];
  await page.exposeFunction('reportViolation', (text) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto('./#/new');
  await appReady(page);
  await controlled(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directives['connect-src']).toEqual(["'self'"]);
  // No inline script in the page: the loader is a file.
  const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length);
  expect(inline).toBe(0);
  // Use the app a little (typing, saving, the dashboard) and reload from the worker.
  const name = page.getByLabel('Claim name', { exact: true });
  await name.fill('CSP check');
  await name.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await page.reload();
  await appReady(page);
  expect(violations).toEqual([]);
  expect(messages.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
  expect(messages.filter((m) => m.startsWith('error') || m.startsWith('pageerror'))).toEqual([]);
});
