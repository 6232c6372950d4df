import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { appReady, shot, shotWidths } from './helpers.mjs';
import { submitted, storeClaims, storedClaims } from './fixtures.mjs';

const claim = submitted('55555555-5555-4555-8555-555555555555', 'Litware usage', {
  partner_id: '1234567', customer_domain: 'litware.com', tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  solution_area: 'Microsoft365', activities: ['Usage'], products: [{ product: 'MicrosoftIntune' }],
});

async function comment(page, text) {
  await page.getByLabel('New comment').fill(text);
  await page.getByRole('button', { name: 'Add comment' }).click();
}

test('a full disk keeps the change in memory, marks it unsaved, builds on it, and saves it once space returns', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await page.goto('./?now=2026-11-20T10:00:00Z');
  await appReady(page);
  await storeClaims(page, [claim]);
  await page.goto(`./?now=2026-11-20T10:00:00Z#/claim/${claim.id}`);
  await page.reload();
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Litware usage');
  // Chromium lowers the site's quota below what it uses: every write is refused.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });

  await comment(page, 'Written while storage is full');
  const banner = page.locator('.banner.error');
  await expect(banner).toContainText('Browser storage is full');
  await expect(banner.getByRole('link', { name: 'Export claims' })).toBeVisible();
  await expect(page.locator('.persisted.not-saved')).toContainText('Not saved');
  await expect(page.getByText('Written while storage is full').first()).toBeVisible();
  await shotWidths(page, 'storage-full', expect);
  // The stored claim is unchanged…
  expect(await storedClaims(page)).toEqual([claim]);
  // …and the next action builds on the unsaved version, not on the stored one.
  await comment(page, 'Second comment, still full');
  await expect(page.getByText('Second comment, still full').first()).toBeVisible();
  await expect(page.getByText('Written while storage is full').first()).toBeVisible();
  await expect(page.locator('.persisted.not-saved')).toBeVisible();
  expect(await storedClaims(page)).toEqual([claim]);

  // The export carries both.
  await banner.getByRole('link', { name: 'Export claims' }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export selected claims/ }).click();
  const text = await readFile(await (await downloadPromise).path(), 'utf8');
  expect(JSON.parse(text).claims[0].comments.map((c) => c.text)).toEqual(['Written while storage is full', 'Second comment, still full']);

  // Space returns: the app tries again by itself, saves both, and the offer goes.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  const [stored] = await storedClaims(page);
  expect(stored.comments.map((c) => c.text)).toEqual(['Written while storage is full', 'Second comment, still full']);
  expect(stored.revision).toBe(claim.revision + 2);
});

test('storage blocked by the browser: the app works in memory, says so, and offers an export', async ({ page }) => {
  // What Chromium does when a site may not store data: opening a database throws.
  await page.addInitScript(() => {
    const blocked = {
      open() { throw new DOMException('Access to the IndexedDB API is denied in this context.', 'SecurityError'); },
      deleteDatabase() { throw new DOMException('Access to the IndexedDB API is denied in this context.', 'SecurityError'); },
    };
    Object.defineProperty(window, 'indexedDB', { get: () => blocked, configurable: true });
  });
  await page.goto('./#/new');
  await appReady(page);
  const banner = page.locator('.banner.error');
  await expect(banner).toContainText("works in this tab's memory only");
  await expect(banner.getByRole('link', { name: 'Export claims' })).toBeVisible();
  await page.getByLabel('Claim name', { exact: true }).fill('Kept in memory');
  await page.getByLabel('Claim name', { exact: true }).press('Tab');
  await expect(page.locator('.save-status')).toContainText('Not saved');
  await expect(banner).toContainText('1 claim has changes that are only in this tab');
  await shotWidths(page, 'storage-blocked', expect);
  await page.goto('./#/');
  await expect(page.locator('tr', { hasText: 'Kept in memory' })).toBeVisible();
  await shot(page, 'storage-blocked-dashboard');
});
