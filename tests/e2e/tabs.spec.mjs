import { test, expect } from '@playwright/test';
import { appReady } from './helpers.mjs';
import { keptAside, submitted, storeClaims, storedClaims } from './fixtures.mjs';

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
  // The first tab follows the broadcast without a reload…
  await expect(first.getByText('Comment from the second tab').first()).toBeVisible();
  // …so its own comment builds on the second tab's revision instead of replacing it.
  await comment(first, 'Comment from the first tab');
  await expect(second.getByText('Comment from the first tab').first()).toBeVisible();

  const [stored] = await storedClaims(first);
  const texts = stored.comments.map((c) => c.text);
  expect(texts).toEqual(['Comment from the second tab', 'Comment from the first tab']);
  expect(stored.revision).toBe(claim.revision + 2);
});

test('a write based on an older revision is refused: the stored claim stays, this tab\'s version is kept aside', async ({ page }) => {
  await page.goto('./?now=2026-11-20T10:00:00Z');
  await appReady(page);
  await storeClaims(page, [claim]);
  await page.goto(`./?now=2026-11-20T10:00:00Z#/claim/${claim.id}`);
  await page.reload();
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Northwind usage');
  // Another tab's write that this tab has not heard of yet (written straight into the
  // database, without the broadcast a tab sends: a race between two tabs).
  const newer = { ...claim, revision: 3, comments: [{ author: 'Partner', at: '2026-11-20T09:00:00Z', text: 'Saved in another tab' }] };
  newer.history = [...claim.history, { at: '2026-11-20T09:00:00Z', recorded_at: '2026-11-20T09:00:00Z', actor: 'Partner', action: 'Comment', from: 'Submitted', to: 'Submitted', changes: [], comment: 'Saved in another tab', detail: null }];
  await page.evaluate((newer) => new Promise((resolve, reject) => {
    const open = indexedDB.open('cpor-desk');
    open.onsuccess = () => {
      const tx = open.result.transaction(['claims', 'summaries'], 'readwrite');
      tx.objectStore('claims').put(JSON.stringify(newer), newer.id);
      // The summary is derived: without one, it is rebuilt from the claim.
      tx.objectStore('summaries').delete(newer.id);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), newer);
  await comment(page, 'Comment based on the old revision');
  await expect(page.getByText('saved claim')).toBeVisible();
  const [stored] = await storedClaims(page);
  expect(stored.comments.map((c) => c.text)).toEqual(['Saved in another tab']);
  // The page now shows the stored version…
  await expect(page.getByText('Saved in another tab').first()).toBeVisible();
  // …and this tab's version is kept aside, nothing lost.
  const kept = await keptAside(page);
  expect(kept).toHaveLength(1);
  expect(JSON.parse(kept[0].raw).comments.map((c) => c.text)).toEqual(['Comment based on the old revision']);
  await expect(page.locator('.banner.kept-aside')).toContainText(claim.id);
});
