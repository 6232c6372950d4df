import { test, expect } from '@playwright/test';
import { appReady, forbidNetwork, shot } from './helpers.mjs';
import { keptAside, localClaimKeys } from './fixtures.mjs';

test('empty dashboard invites a first claim', async ({ page }) => {
  const outside = forbidNetwork(page);
  await page.goto('./');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Claims');
  await expect(page.getByText('No claims yet.')).toBeVisible();
  await shot(page, 'dashboard-empty');
  expect(outside).toEqual([]);
});

test('dashboard renders claims moved from local storage, and keeps an unreadable entry aside', async ({ page }) => {
  await page.goto('./');
  await appReady(page);
  const claim = {
    id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', revision: 1,
    created_at: '2026-11-02T09:00:00Z', updated_at: '2026-11-02T09:00:00Z', status: 'Draft',
    fields: {
      name: 'Contoso usage', partner_id: '1234567', customer_domain: 'contoso.com', tenant_id: '',
      solution_area: 'Microsoft365', activities: ['Usage'], products: [],
      customer_contact: { name: '', title: '', email: '' }, technical_contact: { name: '', title: '', email: '' },
      partner_contact: { name: '', email: '' },
      revenue_association: { solution_seller_name: '', customer_name: '', isv_solution_name: '' },
    },
    history: [{ at: '2026-11-02T09:00:00Z', recorded_at: '2026-11-02T09:00:00Z', actor: 'Partner', action: 'Create', from: null, to: 'Draft' }],
  };
  await page.evaluate((claim) => {
    localStorage.setItem(`cpor-desk/v1/claim/${claim.id}`, JSON.stringify(claim));
    localStorage.setItem('cpor-desk/v1/claim/00000000-0000-4000-8000-000000000000', '{not json');
  }, claim);
  await page.reload();
  await appReady(page);
  const row = page.locator(`tr[data-claim-id="${claim.id}"]`);
  await expect(row).toContainText('Contoso usage');
  await expect(row).toContainText('contoso.com');
  await expect(page.locator('[data-status="draft"] .count')).toHaveText('1');
  await expect(page.locator('.banner.kept-aside')).toContainText('kept aside exactly as it was found');
  await expect(page.locator('.banner.kept-aside')).toContainText('cpor-desk/v1/claim/00000000-0000-4000-8000-000000000000');
  await shot(page, 'dashboard-one-claim');
  // Moved: out of local storage, into the database's kept-aside store as the very text.
  expect(await localClaimKeys(page)).toEqual([]);
  expect((await keptAside(page)).map((record) => record.raw)).toEqual(['{not json']);
});
