import { test, expect } from '@playwright/test';
import { appReady, forbidNetwork, shot } from './helpers.mjs';
import { draft, keptAside, localClaimKeys, storeClaims } from './fixtures.mjs';

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

test('a long list shows a page of rows, all of them, in order, however a search replaces them', async ({ page }) => {
  // 130 drafts, alternately "Alpha" and "Beta", a minute apart: the newest first is
  // Beta 065, Alpha 065, Beta 064, … The table builds a screenful of rows before a paint
  // and the rest after: what counts is that the page ends up whole and in order.
  const claims = [];
  for (let n = 1; n <= 65; n += 1) {
    for (const [offset, group] of [[0, 'Alpha'], [1, 'Beta']]) {
      const minute = 2 * n + offset;
      const at = new Date(Date.UTC(2026, 10, 2, 9, 0) + minute * 60_000).toISOString().replace('.000', '');
      const id = `00000000-0000-4000-8000-${String(minute).padStart(12, '0')}`;
      claims.push(draft(id, `${group} ${String(n).padStart(3, '0')}`, {}, at));
    }
  }
  await page.goto('./');
  await appReady(page);
  await storeClaims(page, claims);
  await page.reload();
  await appReady(page);
  const names = page.locator('table.claims tbody tr td:first-child a');
  const newestFirst = (group, from, count) => Array.from({ length: count }, (_, i) => `${group} ${String(from - i).padStart(3, '0')}`);
  const both = (from, count) => newestFirst('Beta', from, count).flatMap((beta, i) => [beta, `Alpha ${beta.slice(5)}`]);

  await expect(names).toHaveCount(100);
  await expect(names).toHaveText(both(65, 50));
  await expect(page.locator('.more')).toContainText('Showing 100 of 130');

  // Every row shown is replaced: Beta's 65, newest first.
  const search = page.getByLabel('Search');
  await search.fill('beta');
  await expect(names).toHaveText(newestFirst('Beta', 65, 65));
  await expect(page.locator('.more')).toHaveCount(0);
  await shot(page, 'dashboard-search-replaced');

  // Nothing matches, then everything again: the table comes back whole and in order.
  await search.fill('gamma');
  await expect(page.locator('p.empty')).toBeVisible();
  await expect(names).toHaveCount(0);

  // Back to all: a page again, then the rest on "Show more".
  await search.fill('');
  await expect(names).toHaveText(both(65, 50));
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect(names).toHaveText(both(65, 65));
  await expect(page.locator('.more')).toHaveCount(0);

  // A status filter is a new filtering: a page again.
  await page.locator('button.status-count[data-status="draft"]').click();
  await expect(names).toHaveCount(100);
  await expect(page.locator('.more')).toContainText('Showing 100 of 130');
});
