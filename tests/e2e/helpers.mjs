// Shared helpers for the end-to-end tests.
import { mkdirSync, readFileSync } from 'node:fs';
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

/** Wait until the wasm app has mounted and opened its claims (database, move from local storage). */
export async function appReady(page) {
  await page.locator('header.app-header').waitFor();
  await page.locator('main .opening').waitFor({ state: 'detached' });
}

/** The catalogue of a language (`locales/<tag>.json`), flattened to `{ "a.b": text }`. */
export function catalogue(tag) {
  const path = join(dirname(fileURLToPath(import.meta.url)), '../../locales', `${tag}.json`);
  const flat = {};
  (function walk(node, prefix) {
    for (const [key, value] of Object.entries(node)) {
      const at = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'object' && value !== null) walk(value, at); else flat[at] = value;
    }
  })(JSON.parse(readFileSync(path, 'utf8')), '');
  return flat;
}

/**
 * The English catalogue's texts, as the pieces a page would show (split at their
 * {{ parameters }}), that must not appear on a page in language `tag`: pieces with a
 * word of three letters or more, less those the language's own catalogue also uses
 * (names that stay the same, such as "CPOR Desk", "Status" or "Partner").
 */
export function englishTexts(tag) {
  const theirs = Object.values(catalogue(tag));
  const pieces = new Set();
  for (const text of Object.values(catalogue('en'))) {
    for (const piece of text.split(/\{\{\s*\w+\s*\}\}/)) {
      const trimmed = piece.trim().replace(/^[\s:;·(—–-]+|[\s:;·)—–.-]+$/g, '');
      if (!/\p{L}{3,}/u.test(trimmed)) continue;
      if (theirs.some((own) => own.includes(trimmed))) continue;
      pieces.add(trimmed);
    }
  }
  return [...pieces];
}

/** The English catalogue texts visible on the page (expected: none). */
export async function visibleEnglish(page, tag) {
  const text = await page.evaluate(() => document.body.innerText);
  return englishTexts(tag).filter((piece) => {
    const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
  });
}

/**
 * Layout problems at the current width: the page scrolls sideways, or a button's text
 * does not fit it (clipped). Boxes that scroll on purpose (`.table-scroll`,
 * `.timeline-scroll`) are left alone.
 */
export async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in ${root.clientWidth} px`);
    }
    for (const element of document.querySelectorAll('button, .button, select, label, .status-badge, .tag')) {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden' || element.closest('.visually-hidden, .sr-only')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || element.closest('.table-scroll, .timeline-scroll')) continue;
      const text = (element.innerText || '').trim().slice(0, 40);
      if (element.scrollWidth > element.clientWidth + 1 && style.overflowX !== 'auto') {
        problems.push(`"${text}" is clipped (${element.scrollWidth} px of text in ${element.clientWidth} px)`);
      }
      if (box.right > root.clientWidth + 1) {
        problems.push(`"${text}" runs off the screen (right edge at ${Math.round(box.right)} px)`);
      }
    }
    return problems;
  });
}

/** Screenshots at 1280 and 360 px, checking the layout at each; back to 1280 after. */
export async function shotWidths(page, name, expect) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 860 });
    // Let layout settle after the resize (no timing assumption: wait for a frame).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
    expect.soft(await layoutProblems(page), `${name} at ${width} px`).toEqual([]);
    await shot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}
