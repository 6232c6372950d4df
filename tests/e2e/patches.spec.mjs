// Edits are field patches: two tabs changing different fields of one claim both keep their
// change; two tabs changing the same field get a choice showing both values, and nothing
// is overwritten until the user chooses.
import { test, expect } from '@playwright/test';
import { appReady, shot } from './helpers.mjs';
import { draft, storeClaims, storedClaims } from './fixtures.mjs';

// Real time in both tabs: a simulated clock (`?now=`) starts when each page loads, so
// the tab opened later would be behind the other's history entries.
const claim = draft('66666666-6666-4666-8666-666666666666', 'Fabrikam renewal', {
  partner_id: '1234567', customer_domain: 'fabrikam.com',
});

/** Two tabs of one browser on `hash`, with `claim` stored. */
async function twoTabs(context, hash) {
  const first = await context.newPage();
  await first.goto('./');
  await appReady(first);
  await storeClaims(first, [claim]);
  await first.goto(`./${hash}`);
  await first.reload();
  await appReady(first);
  const second = await context.newPage();
  await second.goto(`./${hash}`);
  await appReady(second);
  return [first, second];
}

async function editDetails(page) {
  await page.getByRole('button', { name: 'Edit details' }).click();
  await expect(page.locator('.details-form')).toBeVisible();
}

test('details form: two tabs changing different fields both keep their change', async ({ context }) => {
  const [first, second] = await twoTabs(context, `#/claim/${claim.id}`);
  await editDetails(first);
  await editDetails(second);
  await second.getByLabel('Customer domain').fill('fabrikam.net');

  await first.getByLabel('Claim name').fill('Fabrikam renewal 2027');
  await first.getByRole('button', { name: 'Save changes' }).click();
  await expect(first.locator('.details .feedback')).toHaveText('Changes saved.');
  // The second tab's open form shows the other tab's name at once, its own domain kept.
  await expect(second.getByLabel('Claim name')).toHaveValue('Fabrikam renewal 2027');
  await expect(second.getByLabel('Customer domain')).toHaveValue('fabrikam.net');
  await second.getByRole('button', { name: 'Save changes' }).click();
  await expect(second.locator('.details .feedback')).toHaveText('Changes saved.');
  await expect(second.locator('.conflict')).toHaveCount(0);

  const [stored] = await storedClaims(first);
  expect(stored.fields.name).toBe('Fabrikam renewal 2027');
  expect(stored.fields.customer_domain).toBe('fabrikam.net');
  await first.reload();
  await appReady(first);
  await expect(first.locator('.details-list')).toContainText('Fabrikam renewal 2027');
  await expect(first.locator('.details-list')).toContainText('fabrikam.net');
});

test('details form: the same field changed in two tabs shows both values; the chosen one is stored', async ({ context }) => {
  const [first, second] = await twoTabs(context, `#/claim/${claim.id}`);
  await editDetails(first);
  await editDetails(second);
  await second.getByLabel('Claim name').fill('Name typed in the second tab');

  await first.getByLabel('Claim name').fill('Name saved in the first tab');
  await first.getByRole('button', { name: 'Save changes' }).click();
  await expect(first.locator('.details .feedback')).toHaveText('Changes saved.');
  // What the second tab typed is not replaced under its cursor.
  await expect(second.getByLabel('Claim name')).toHaveValue('Name typed in the second tab');

  await second.getByRole('button', { name: 'Save changes' }).click();
  const choice = second.locator('.conflict');
  await expect(choice).toBeVisible();
  await expect(second.locator('.details-form > .form-error')).toContainText('Claim name was changed elsewhere');
  await expect(choice.locator('[data-side="take_theirs"]')).toContainText('Name saved in the first tab');
  await expect(choice.locator('[data-side="take_yours"]')).toContainText('Name typed in the second tab');
  // Nothing was overwritten by the refused save.
  expect((await storedClaims(second))[0].fields.name).toBe('Name saved in the first tab');
  await shot(second, 'conflict-details-1280');
  await second.setViewportSize({ width: 360, height: 800 });
  await choice.scrollIntoViewIfNeeded();
  await shot(second, 'conflict-details-360');
  await second.setViewportSize({ width: 1280, height: 800 });
  // In Dutch, both values and the words around them.
  await second.locator('#language-switch').selectOption('nl');
  await expect(choice).toContainText('Elders gewijzigd terwijl u aan het bewerken was');
  await expect(choice.locator('legend')).toHaveText('Naam van de claim');
  await choice.scrollIntoViewIfNeeded();
  await shot(second, 'conflict-details-nl-1280');
  await second.locator('#language-switch').selectOption('en');

  // Saving without choosing asks for a choice.
  await choice.getByRole('button', { name: 'Save my choice' }).click();
  await expect(choice).toContainText('Choose a value for each field first.');
  await choice.getByLabel('Yours').check();
  await choice.getByRole('button', { name: 'Save my choice' }).click();
  await expect(second.locator('.details .feedback')).toHaveText('Changes saved.');
  expect((await storedClaims(second))[0].fields.name).toBe('Name typed in the second tab');
  // The first tab follows.
  await expect(first.locator('.details-list')).toContainText('Name typed in the second tab');
});

test('wizard: the same field changed in another tab asks the partner to choose; keeping the other value shows it', async ({ context }) => {
  const [first, second] = await twoTabs(context, `#/claim/${claim.id}/edit?step=partner`);
  const partnerId = (page) => page.getByLabel('Partner ID (MPN ID)', { exact: true });
  await second.getByLabel('Customer domain', { exact: true }).fill('fabrikam.org');
  await partnerId(first).fill('7654321');
  await partnerId(first).press('Tab');
  await expect(first.locator('.save-status')).toHaveAttribute('data-state', 'saved');
  // The other tab's change to another field arrives in the open wizard at once.
  await expect(partnerId(second)).toHaveValue('7654321');

  await first.getByLabel('Customer domain', { exact: true }).fill('fabrikam.de');
  await first.getByLabel('Customer domain', { exact: true }).press('Tab');
  await expect(first.locator('.save-status')).toHaveAttribute('data-state', 'saved');
  await second.getByLabel('Customer domain', { exact: true }).press('Tab');
  const choice = second.locator('.conflict');
  await expect(choice).toBeVisible();
  await expect(second.locator('.save-status')).toHaveAttribute('data-state', 'failed');
  await expect(choice.locator('[data-side="take_theirs"]')).toContainText('fabrikam.de');
  await expect(choice.locator('[data-side="take_yours"]')).toContainText('fabrikam.org');
  await shot(second, 'conflict-wizard-1280');

  await choice.getByLabel('Saved elsewhere').check();
  await choice.getByRole('button', { name: 'Save my choice' }).click();
  await expect(choice).toHaveCount(0);
  await expect(second.getByLabel('Customer domain', { exact: true })).toHaveValue('fabrikam.de');
  await expect(second.locator('.save-status')).toHaveAttribute('data-state', 'saved');
  const [stored] = await storedClaims(second);
  expect(stored.fields.customer_domain).toBe('fabrikam.de');
  expect(stored.fields.partner_id).toBe('7654321');
});
