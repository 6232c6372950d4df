import { test, expect } from '@playwright/test';
import { appReady } from './helpers.mjs';
import { submitted, storeClaims, storedClaims } from './fixtures.mjs';

test('two tabs: a change saved in one tab appears in the other without a reload', async ({ context }) => {
  const claim = submitted('44444444-4444-4444-8444-444444444444', 'Northwind usage', {
    partner_id: '1234567', customer_domain: 'northwind.com', tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    solution_area: 'Microsoft365', activities: ['Usage'], products: [{ product: 'MicrosoftTeams' }],
  });
  const first = await context.newPage();
  await first.goto('./?now=2026-11-20T10:00:00Z');
  await appReady(first);
  await storeClaims(first, [claim]);
  await first.reload();
  await appReady(first);
  const second = await context.newPage();
  await second.goto('./?now=2026-11-20T10:00:00Z');
  await appReady(second);
  await expect(first.locator(`tr[data-claim-id="${claim.id}"]`)).toContainText('Northwind usage');
  await expect(second.locator(`tr[data-claim-id="${claim.id}"]`)).toContainText('Northwind usage');

  // The second tab writes a newer revision behind the first tab's back, as the app would.
  await second.evaluate((claim) => {
    const changed = { ...claim, revision: 3, updated_at: '2026-11-20T10:00:00Z', fields: { ...claim.fields, name: 'Northwind usage (renamed)' } };
    changed.history = [...claim.history, { at: '2026-11-20T10:00:00Z', recorded_at: '2026-11-20T10:00:00Z', actor: 'Partner', action: 'Comment', from: 'Submitted', to: 'Submitted', comment: 'from tab two' }];
    localStorage.setItem(`cpor-desk/v1/claim/${claim.id}`, JSON.stringify(changed));
  }, claim);
  // The first tab follows the storage event.
  await expect(first.locator(`tr[data-claim-id="${claim.id}"]`)).toContainText('Northwind usage (renamed)');
  const stored = await storedClaims(first);
  expect(stored[0].revision).toBe(3);
});
