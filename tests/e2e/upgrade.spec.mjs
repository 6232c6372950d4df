// The first start of the IndexedDB version on a browser the previous version used: every
// claim of local storage moves into the database, byte for byte; an entry that cannot be
// read is kept aside as found, listed and downloadable.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { appReady, shotWidths } from './helpers.mjs';
import { draft, keptAside, localClaimKeys, storedEntries, storeClaims, submittable, submitted } from './fixtures.mjs';

const claims = [
  submittable('11111111-1111-4111-8111-111111111111', 'Contoso M365 usage', {
    partner_id: '1234567', customer_domain: 'contoso.com', tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    solution_area: 'Microsoft365', activities: ['Usage'], products: [{ product: 'ExchangeOnline' }],
  }),
  draft('22222222-2222-4222-8222-222222222222', 'Fabrikam presales', { customer_domain: 'fabrikam.com' }),
  submitted('33333333-3333-4333-8333-333333333333', 'Litware deployment', { customer_domain: 'litware.com' }),
];
const damagedKey = 'cpor-desk/v1/claim/44444444-4444-4444-8444-444444444444';
const damaged = '{"id": "44444444-4444-4444-8444-444444444444", "revision": 3, "fields": {"name": "Tailspin';

for (const language of ['en', 'sv']) {
  test(`yesterday's local storage arrives intact, the damaged entry kept aside (${language})`, async ({ page }) => {
    await page.goto('./?now=2026-11-20T10:00:00Z');
    await appReady(page);
    if (language !== 'en') await page.locator('#language-switch').selectOption(language);
    // The previous version's data: three claims as it wrote them, and one damaged entry.
    await storeClaims(page, claims);
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [damagedKey, damaged]);
    await page.reload();
    await appReady(page);

    for (const claim of claims) {
      await expect(page.locator(`tr[data-claim-id="${claim.id}"]`)).toContainText(claim.fields.name);
    }
    const banner = page.locator('.banner.kept-aside');
    await expect(banner).toContainText(damagedKey);
    // Moved: the database holds every claim as the very text local storage held…
    const texts = Object.fromEntries(await storedEntries(page, 'claims'));
    for (const claim of claims) expect(texts[claim.id]).toBe(JSON.stringify(claim));
    // …the damaged entry as found, and local storage none of them any more.
    expect((await keptAside(page)).map((record) => [record.key, record.raw])).toEqual([[damagedKey, damaged]]);
    expect(await localClaimKeys(page)).toEqual([]);
    await shotWidths(page, `upgrade-dashboard-${language}`, expect);

    // The damaged entry downloads as it was found.
    const downloadPromise = page.waitForEvent('download');
    await banner.locator('li button').first().click();
    const download = await downloadPromise;
    expect(readFileSync(await download.path(), 'utf8')).toBe(damaged);

    // A moved claim opens (its full record read when opened).
    await page.goto(`./?now=2026-11-20T10:00:00Z#/claim/${claims[2].id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Litware deployment');
  });
}

test('a kept-aside entry can be discarded, after a confirmation', async ({ page }) => {
  await page.goto('./');
  await appReady(page);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [damagedKey, damaged]);
  await page.reload();
  await appReady(page);
  const banner = page.locator('.banner.kept-aside');
  await expect(banner).toContainText(damagedKey);
  page.once('dialog', (dialog) => dialog.dismiss());
  await banner.getByRole('button', { name: 'Discard' }).click();
  await expect(banner).toContainText(damagedKey);
  expect(await keptAside(page)).toHaveLength(1);
  page.once('dialog', (dialog) => dialog.accept());
  await banner.getByRole('button', { name: 'Discard' }).click();
  await expect(banner).toHaveCount(0);
  expect(await keptAside(page)).toHaveLength(0);
});
