import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { appReady, shot, shotWidths } from './helpers.mjs';
import { draft, storedClaims } from './fixtures.mjs';

test('a full disk: an import kept in memory and marked unsaved, later changes build on it, all saved once space returns', async ({ context, baseURL }) => {
  test.setTimeout(90_000);
  // Chromium enforces the quota when the database's files grow, so the test writes
  // something new: forty imported claims.
  const drafts = Array.from({ length: 40 }, (_, i) => draft(`77777777-7777-4777-8777-${String(i).padStart(12, '0')}`, `Imported draft ${i}`));
  const file = { format: 'cpor-desk', version: 1, exported_at: '2026-11-20T10:00:00Z', app_version: '0.1.0',
    policy: { review_start_business_days: 5, review_decision_business_days: 5, partner_response_business_days: 5,
      consent: { CalendarDays: 7 }, dispute_window_days: 30, dispute_review_business_days: 5, decision_target_business_days: 10 },
    calendar: { weekmask: '1111100', holidays: 'UsFederal', custom_holidays: [], time_zone: 'America/Los_Angeles' },
    claims: drafts };
  const page = await context.newPage();
  await page.goto('./?now=2026-11-20T10:00:00Z#/transfer');
  await appReady(page);
  // Chromium lowers the site's quota below what it uses: every write that grows the
  // database is refused.
  const cdp = await context.newCDPSession(page);
  const origin = new URL(baseURL).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await page.locator('#import-file').setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('button', { name: 'Apply import' }).click();
  const outcome = page.locator('.import-outcome');
  await expect(outcome).toContainText('0 claims stored.');
  await expect(outcome).toContainText('40 claims could not be stored and are only in this tab');
  const banner = page.locator('.banner.error');
  await expect(banner).toContainText('Browser storage is full');
  await expect(banner).toContainText('40 claims have changes that are only in this tab');
  await expect(banner.getByRole('link', { name: 'Export claims' })).toBeVisible();
  await shotWidths(page, 'storage-full-import', expect);
  expect(await storedClaims(page)).toEqual([]);

  // The next change builds on the unsaved version and is marked unsaved too.
  await page.goto(`./?now=2026-11-20T10:00:00Z#/claim/${drafts[0].id}/edit`);
  await page.getByLabel('Claim name', { exact: true }).fill('Renamed while full');
  await page.getByLabel('Claim name', { exact: true }).press('Tab');
  await expect(page.locator('.save-status')).toContainText('Not saved');
  await shotWidths(page, 'storage-full-wizard', expect);
  expect(await storedClaims(page)).toEqual([]);

  // The export carries everything.
  await banner.getByRole('link', { name: 'Export claims' }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export selected claims/ }).click();
  const exported = JSON.parse(await readFile(await (await downloadPromise).path(), 'utf8'));
  expect(exported.claims).toHaveLength(40);
  expect(exported.claims.map((c) => c.fields.name)).toContain('Renamed while full');

  // Space returns: the app tries again by itself, saves all, and the offer goes.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  const stored = await storedClaims(page);
  expect(stored).toHaveLength(40);
  expect(stored.find((c) => c.id === drafts[0].id).fields.name).toBe('Renamed while full');
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
