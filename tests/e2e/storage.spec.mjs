import { test, expect } from '@playwright/test';
import { appReady, shot } from './helpers.mjs';
import { submitted, storeClaims, storedClaims } from './fixtures.mjs';

const claim = submitted('55555555-5555-4555-8555-555555555555', 'Litware usage', {
  partner_id: '1234567', customer_domain: 'litware.com', tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  solution_area: 'Microsoft365', activities: ['Usage'], products: [{ product: 'MicrosoftIntune' }],
});

test('a full storage keeps the change in memory, says so, and offers an export', async ({ page }) => {
  await page.goto('./?now=2026-11-20T10:00:00Z');
  await appReady(page);
  await storeClaims(page, [claim]);
  await page.goto(`./?now=2026-11-20T10:00:00Z#/claim/${claim.id}`);
  await page.reload();
  await appReady(page);
  // Fill local storage to its quota.
  await page.evaluate(() => {
    let size = 1 << 20;
    for (let i = 0; size >= 16; i += 1) {
      try { localStorage.setItem(`filler/${i}`, 'x'.repeat(size)); } catch { size = Math.floor(size / 2); }
    }
  });
  await page.getByLabel('New comment').fill('Written while storage is full');
  await page.getByRole('button', { name: 'Add comment' }).click();
  const banner = page.locator('.banner.error');
  await expect(banner).toContainText('Browser storage is full');
  await expect(banner.getByRole('link', { name: 'Export claims' })).toBeVisible();
  // The change stands in this tab…
  await expect(page.getByText('Written while storage is full').first()).toBeVisible();
  await shot(page, 'storage-full');
  // …the stored claim is unchanged…
  expect((await storedClaims(page))[0]).toEqual(claim);
  // …and the export carries the change.
  await banner.getByRole('link', { name: 'Export claims' }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export selected claims/ }).click();
  const download = await downloadPromise;
  const text = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  expect(JSON.parse(text).claims[0].comments.map((c) => c.text)).toEqual(['Written while storage is full']);
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler/')).forEach((k) => localStorage.removeItem(k)));
});
