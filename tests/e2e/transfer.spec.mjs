import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { appReady, forbidNetwork, shot } from './helpers.mjs';
import { clearStorage, draft, entry, submittable, storeClaims, storedClaims } from './fixtures.mjs';

const contoso = submittable('11111111-1111-4111-8111-111111111111', 'Contoso M365 usage', {
  partner_id: '1234567', customer_domain: 'contoso.com', tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  solution_area: 'Microsoft365', activities: ['Usage'], products: [{ product: 'ExchangeOnline' }],
});
const fabrikam = draft('22222222-2222-4222-8222-222222222222', 'Fabrikam presales');

test('export, clear storage, import: the same claims come back', async ({ page }) => {
  const outside = forbidNetwork(page);
  await page.goto('./?now=2026-11-20T10:00:00Z');
  await appReady(page);
  await storeClaims(page, [contoso, fabrikam]);
  await page.goto('./?now=2026-11-20T10:00:00Z#/transfer');
  await page.reload();
  await appReady(page);
  const before = await storedClaims(page);
  expect(before).toHaveLength(2);

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export selected claims/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('cpor-desk-export-2026-11-20.json');
  const file = await download.path();
  const document = JSON.parse(readFileSync(file, 'utf8'));
  expect(document.format).toBe('cpor-desk');
  expect(document.version).toBe(1);
  expect(document.claims).toHaveLength(2);
  await shot(page, 'transfer-export');

  await clearStorage(page);
  await page.reload();
  await appReady(page);
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.locator('.import-counts')).toContainText('2 New');
  await shot(page, 'transfer-import-preview');
  expect(await storedClaims(page)).toHaveLength(0);
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 claims stored.' })).toBeVisible();
  expect(await storedClaims(page)).toEqual(before);

  // Importing the same file again changes nothing.
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.locator('.import-counts')).toContainText('2 Identical');
  await expect(page.getByText('There is nothing to apply')).toBeVisible();
  expect(outside).toEqual([]);
});

test('a malformed file is refused with its problems listed, and nothing changes', async ({ page }) => {
  await page.goto('./');
  await appReady(page);
  await storeClaims(page, [contoso]);
  await page.goto('./#/transfer');
  await page.reload();
  await appReady(page);
  const before = await storedClaims(page);
  const broken = {
    format: 'cpor-desk', version: 1, exported_at: '2026-11-20T10:00:00Z', app_version: '0.1.0',
    policy: { review_start_business_days: 5, review_decision_business_days: 5, partner_response_business_days: 5,
      consent: { CalendarDays: 7 }, dispute_window_days: 30, dispute_review_business_days: 5, decision_target_business_days: 10 },
    calendar: { weekmask: '1111100', holidays: 'UsFederal', custom_holidays: [], time_zone: 'Mars/Olympus' },
    claims: [{ ...contoso, id: '33333333-3333-4333-8333-333333333333', status: 'Approved' }, { id: 'not-a-uuid' }],
  };
  await page.locator('#import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const problems = page.locator('.import-problems');
  await expect(problems).toContainText('was not imported');
  await expect(problems).toContainText('$.calendar.time_zone');
  await expect(problems).toContainText('$.claims[0]');
  await expect(problems).toContainText('$.claims[1]');
  await shot(page, 'transfer-import-refused');
  expect(await storedClaims(page)).toEqual(before);

  await page.locator('#import-file').setInputFiles({ name: 'text.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "cpor-desk", ') });
  await expect(problems).toContainText('$');
  expect(await storedClaims(page)).toEqual(before);

  // A file saved in another encoding (Latin-1 "é" at byte 12) is named as such, with
  // where, not read with replacement characters.
  const latin1 = Buffer.concat([Buffer.from('{"format": "'), Buffer.from([0xe9]), Buffer.from('"}')]);
  await page.locator('#import-file').setInputFiles({ name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
  await expect(problems).toContainText('The file is not UTF-8 text (the byte at offset 12 cannot be read)');
  await shot(page, 'transfer-import-not-utf8');
  expect(await storedClaims(page)).toEqual(before);
});

test('a claim changed both here and in the file is kept twice', async ({ page }) => {
  await page.goto('./');
  await appReady(page);
  const here = structuredClone(contoso);
  here.revision = contoso.revision + 1;
  here.history.push(entry('2026-11-04T10:00:00Z', 'Partner', 'Comment', 'Submitted', 'Submitted', { comment: 'here' }));
  const there = structuredClone(contoso);
  there.revision = contoso.revision + 1;
  there.history.push(entry('2026-11-04T11:00:00Z', 'Reviewer', 'StartReview', 'Submitted', 'UnderReview'));
  there.status = 'UnderReview';
  await storeClaims(page, [here]);
  await page.goto('./#/transfer');
  await page.reload();
  await appReady(page);
  const file = { format: 'cpor-desk', version: 1, exported_at: '2026-11-20T10:00:00Z', app_version: '0.1.0',
    policy: { review_start_business_days: 5, review_decision_business_days: 5, partner_response_business_days: 5,
      consent: { CalendarDays: 7 }, dispute_window_days: 30, dispute_review_business_days: 5, decision_target_business_days: 10 },
    calendar: { weekmask: '1111100', holidays: 'UsFederal', custom_holidays: [], time_zone: 'America/Los_Angeles' },
    claims: [there] };
  await page.locator('#import-file').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.locator('.import-counts')).toContainText('1 Conflicting');
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.locator('.import-outcome')).toContainText('1 claim stored.');
  const stored = await storedClaims(page);
  expect(stored).toHaveLength(2);
  expect(stored.find((c) => c.id === here.id)).toEqual(here);
  const copy = stored.find((c) => c.id !== here.id);
  expect(copy.fields.name).toBe('Contoso M365 usage (imported copy)');
  expect(copy.links.conflict_copy_of).toBe(here.id);
});

test('an impossible history is refused at its entry, with the rule, and nothing changes', async ({ page }) => {
  await page.goto('./');
  await appReady(page);
  await page.goto('./#/transfer');
  await page.reload();
  await appReady(page);
  // A partner "approves" a draft: the lifecycle never allows it.
  const forged = draft('66666666-6666-4666-8666-666666666666', 'Forged approval');
  forged.history.push(entry('2026-11-03T10:00:00Z', 'Partner', 'Approve', 'Draft', 'Approved'));
  forged.status = 'Approved';
  forged.revision = 2;
  const file = { format: 'cpor-desk', version: 1, exported_at: '2026-11-20T10:00:00Z', app_version: '0.1.0',
    policy: { review_start_business_days: 0, review_decision_business_days: 5, partner_response_business_days: 5,
      consent: { CalendarDays: 7 }, dispute_window_days: 30, dispute_review_business_days: 5, decision_target_business_days: 10 },
    calendar: { weekmask: '1111100', holidays: 'UsFederal', custom_holidays: [], time_zone: 'America/Los_Angeles' },
    claims: [forged] };
  await page.locator('#import-file').setInputFiles({ name: 'forged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const problems = page.locator('.import-problems');
  await expect(problems).toContainText('$.policy.review_start_business_days');
  await page.locator('#import-file').setInputFiles({ name: 'forged.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...file, policy: { ...file.policy, review_start_business_days: 5 } })) });
  await expect(problems).toContainText('$.claims[0].history[1]');
  await expect(problems).toContainText('Approve');
  await shot(page, 'transfer-import-impossible-history');
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'transfer-import-impossible-history-360');
  expect(await storedClaims(page)).toEqual([]);
});
