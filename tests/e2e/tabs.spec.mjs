import { test, expect } from '@playwright/test';
import { appReady } from './helpers.mjs';
import { submitted, storeClaims, storedClaims } from './fixtures.mjs';

const claim = submitted('44444444-4444-4444-8444-444444444444', 'Northwind usage', {
  partner_id: '1234567', customer_domain: 'northwind.com', tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  solution_area: 'Microsoft365', activities: ['Usage'], products: [{ product: 'MicrosoftTeams' }],
});

async function comment(page, text) {
  await page.getByLabel('New comment').fill(text);
  await page.getByRole('button', { name: 'Add comment' }).click();
}

test('two tabs editing the same claim: each sees the other\'s change and nothing is overwritten', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('./?now=2026-11-20T10:00:00Z');
  await appReady(first);
  await storeClaims(first, [claim]);
  await first.goto(`./?now=2026-11-20T10:00:00Z#/claim/${claim.id}`);
  await first.reload();
  await appReady(first);
  const second = await context.newPage();
  await second.goto(`./?now=2026-11-20T10:00:00Z#/claim/${claim.id}`);
  await appReady(second);

  await comment(second, 'Comment from the second tab');
  // The first tab follows the storage event without a reload…
  await expect(first.getByText('Comment from the second tab').first()).toBeVisible();
  // …so its own comment builds on the second tab's revision instead of replacing it.
  await comment(first, 'Comment from the first tab');
  await expect(second.getByText('Comment from the first tab').first()).toBeVisible();

  const [stored] = await storedClaims(first);
  const texts = stored.comments.map((c) => c.text);
  expect(texts).toEqual(['Comment from the second tab', 'Comment from the first tab']);
  expect(stored.revision).toBe(claim.revision + 2);
});

test('a write based on an older revision is refused and the stored claim is kept', async ({ page }) => {
  await page.goto('./?now=2026-11-20T10:00:00Z');
  await appReady(page);
  await storeClaims(page, [claim]);
  await page.goto(`./?now=2026-11-20T10:00:00Z#/claim/${claim.id}`);
  await page.reload();
  await appReady(page);
  // Another tab's write that this tab has not heard of yet (no storage event reaches the
  // tab that writes, so this simulates a race between two tabs).
  const newer = { ...claim, revision: 3, comments: [{ author: 'Partner', at: '2026-11-20T09:00:00Z', text: 'Saved in another tab' }] };
  newer.history = [...claim.history, { at: '2026-11-20T09:00:00Z', recorded_at: '2026-11-20T09:00:00Z', actor: 'Partner', action: 'Comment', from: 'Submitted', to: 'Submitted', changes: [], comment: 'Saved in another tab', detail: null }];
  await page.evaluate((newer) => localStorage.setItem(`cpor-desk/v1/claim/${newer.id}`, JSON.stringify(newer)), newer);
  await comment(page, 'Comment based on the old revision');
  await expect(page.getByText('changed in another tab')).toBeVisible();
  const [stored] = await storedClaims(page);
  expect(stored.comments.map((c) => c.text)).toEqual(['Saved in another tab']);
  // The page now shows the stored version.
  await expect(page.getByText('Saved in another tab').first()).toBeVisible();
});
