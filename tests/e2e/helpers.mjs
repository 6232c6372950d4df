// Shared helpers for the end-to-end tests.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), '../../target/e2e/screenshots');
mkdirSync(screenshotDir, { recursive: true });

/** Full-page screenshot kept as a test artifact. */
export async function shot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Fail the test on any request that leaves loopback (the app makes no network calls). */
export function forbidNetwork(page) {
  const outside = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) {
      outside.push(request.url());
    }
  });
  return outside;
}

/** Wait until the wasm app has mounted. */
export async function appReady(page) {
  await page.locator('header.app-header').waitFor();
}
