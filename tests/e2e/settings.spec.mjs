import { test, expect } from '@playwright/test';
import { appReady, shot, shotWidths } from './helpers.mjs';
import { keptAside } from './fixtures.mjs';

test('settings: a bad time zone is refused beside the field; a good one is saved', async ({ page }) => {
  await page.goto('./#/settings');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  const zone = page.getByLabel('Time zone');
  await expect(zone).toHaveValue('America/Los_Angeles');
  await zone.fill('Mars/Olympus_Mons');
  await zone.blur();
  await expect(page.locator('#time-zone-message')).toContainText('not a known IANA time zone');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was saved' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('cpor-desk/v1/settings'))).toBeNull();
  await shot(page, 'settings-bad-zone');

  await zone.fill('Europe/Stockholm');
  await zone.blur();
  await page.getByLabel('Partner response (after an information request)').fill('7');
  await page.getByLabel('Partner response (after an information request)').blur();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('cpor-desk/v1/settings')));
  expect(stored.policy.calendar.time_zone).toBe('Europe/Stockholm');
  expect(stored.policy.partner_response_business_days).toBe(7);
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Stockholm');
  await shot(page, 'settings-saved');
});

test('settings: an unreadable stored settings entry is reported and kept aside before saving', async ({ page }) => {
  await page.goto('./');
  await appReady(page);
  await page.evaluate(() => localStorage.setItem('cpor-desk/v1/settings', '{"policy": broken'));
  await page.goto('./#/settings');
  await page.reload();
  await appReady(page);
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  // The damaged entry is in the kept-aside store, listed and downloadable, not lost.
  const kept = await keptAside(page);
  expect(kept.map((entry) => entry.raw)).toEqual(['{"policy": broken']);
  await expect(page.locator('.banner.kept-aside')).toContainText('cpor-desk/v1/settings');
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('cpor-desk/v1/settings')));
  expect(stored.revision).toBe(1);
});

test('settings: saved in another tab meanwhile, this tab\'s save writes nothing and says so; saving again writes', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('./#/settings');
  await appReady(first);
  const second = await context.newPage();
  await second.goto('./#/settings');
  await appReady(second);

  await first.getByLabel('Time zone').fill('Europe/Amsterdam');
  await first.getByRole('button', { name: 'Save settings' }).click();
  await expect(first.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  await second.getByLabel('Time zone').fill('Asia/Shanghai');
  await second.getByRole('button', { name: 'Save settings' }).click();
  await expect(second.getByRole('status').filter({ hasText: 'Settings were saved in another tab' })).toBeVisible();
  const stored = () => first.evaluate(() => JSON.parse(localStorage.getItem('cpor-desk/v1/settings')));
  expect((await stored()).policy.calendar.time_zone).toBe('Europe/Amsterdam');
  // The form keeps what was typed here; saving again is a decision made knowingly.
  await expect(second.getByLabel('Time zone')).toHaveValue('Asia/Shanghai');
  await shot(second, 'settings-changed-elsewhere');
  await second.getByRole('button', { name: 'Save settings' }).click();
  await expect(second.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  expect((await stored()).policy.calendar.time_zone).toBe('Asia/Shanghai');
  expect((await stored()).revision).toBe(2);
});

test('settings: every national holiday set is offered, China says which years it knows, and the choice is saved', async ({ page }) => {
  await page.goto('./#/settings');
  await appReady(page);
  const holidays = page.getByLabel('Public holidays');
  await expect(holidays.locator('option')).toHaveText([
    'No built-in holidays', 'US federal holidays', 'Swedish public holidays',
    'German nationwide public holidays', 'Dutch national holidays', 'Chinese official calendar',
  ]);
  await expect(page.getByText('Only the published years')).toHaveCount(0);
  await holidays.selectOption('cn');
  await expect(page.getByText('Only the published years, 2001 to 2026')).toBeVisible();
  await page.setViewportSize({ width: 360, height: 800 });
  await holidays.scrollIntoViewIfNeeded();
  await shot(page, 'settings-holidays-cn-360');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('cpor-desk/v1/settings')));
  expect(stored.policy.calendar.holidays).toBe('China');
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel('Public holidays')).toHaveValue('cn');
});

for (const language of ['en', 'de']) {
  test(`the storage section says where claims are kept and how much space is used (${language})`, async ({ page }) => {
    await page.goto('./#/settings');
    await appReady(page);
    if (language !== 'en') await page.locator('#language-switch').selectOption(language);
    const section = page.locator('.storage-settings');
    await expect(section.locator('.storage-estimate')).toContainText(language === 'en' ? 'Used:' : 'Belegt:');
    await expect(section.locator('.storage-estimate')).toContainText('MB');
    await expect(section.locator('.storage-persistence')).not.toBeEmpty();
    await section.scrollIntoViewIfNeeded();
    await shotWidths(page, `settings-storage-${language}`, expect);
  });
}
