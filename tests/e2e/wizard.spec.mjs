// The new-claim wizard: messages beside fields, drafts that survive a reload, PoE files
// fingerprinted in the browser, the "still needed" list linking to fields, and submit.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { appReady, forbidNetwork, shot } from './helpers.mjs';
import { keptAside, storedClaims } from './fixtures.mjs';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SUBSCRIPTION = '0b5c2a5e-7d1f-4c3a-9e8b-1a2b3c4d5e6f';

/** The draft ID in the address (`#/claim/<id>/edit?step=…`). */
function draftId(page) {
  const match = /#\/claim\/([0-9a-f-]{36})\/edit/.exec(page.url());
  return match && match[1];
}

/** Type into a labelled field and leave it (the `change` event saves and shows messages). */
async function type(page, label, text) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(text);
  await input.press('Tab');
}

/** The claim as stored, once the page no longer says "Saving…". */
async function stored(page, id) {
  await expect(page.locator('.save-status[data-state="pending"], .persisted.saving')).toHaveCount(0);
  return (await storedClaims(page)).find((claim) => claim.id === id) ?? null;
}

async function next(page) {
  await page.getByRole('button', { name: /^Next:/ }).click();
}

test('a draft with wrong input shows each message, is corrected, completed and submitted', async ({ page }) => {
  test.setTimeout(120_000); // a long walk through every step
  const outside = forbidNetwork(page);
  await page.goto('./#/new');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New claim');
  await expect(page.locator('.stepper [aria-current="step"]')).toContainText('Partner and customer');
  // Nothing is stored until something is typed.
  expect(await storedClaims(page)).toHaveLength(0);
  await shot(page, 'wizard-1280-1-partner-empty');

  // Step 1 with wrong values: each message appears beside its field.
  await type(page, 'Claim name', 'Contoso – Dynamics 365 Sales rollout');
  await type(page, 'Partner ID (MPN ID)', '12ab');
  await type(page, 'Customer domain', 'contoso');
  await type(page, 'Customer tenant ID', 'not-a-guid');
  await expect(page.locator('#wiz-partner_id-messages')).toContainText('may only contain digits');
  await expect(page.locator('#wiz-customer_domain-messages')).toContainText('at least two labels');
  await expect(page.locator('#wiz-tenant_id-messages')).toContainText('must be a GUID');
  await expect(page.locator('#wiz-partner_id')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#wiz-partner_id')).toHaveAttribute('aria-describedby', /wiz-partner_id-messages/);
  await expect(page.locator('#wiz-name-messages')).toHaveText('');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await shot(page, 'wizard-1280-1-partner-errors');

  // The draft was created on the first change and the address resumes it.
  const id = draftId(page);
  expect(id).toBeTruthy();
  expect((await stored(page, id)).fields.partner_id).toBe('12ab');

  // Reload mid-wizard: the draft comes back with what was typed, messages and all.
  await page.getByLabel('Customer domain', { exact: true }).fill('contoso.co');
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel('Claim name', { exact: true })).toHaveValue('Contoso – Dynamics 365 Sales rollout');
  await expect(page.getByLabel('Partner ID (MPN ID)', { exact: true })).toHaveValue('12ab');
  await expect(page.getByLabel('Customer domain', { exact: true })).toHaveValue('contoso.co');
  await expect(page.locator('#wiz-tenant_id-messages')).toContainText('must be a GUID');
  expect(draftId(page)).toBe(id);

  // Corrected: the messages go away.
  await type(page, 'Partner ID (MPN ID)', '1234567');
  await type(page, 'Customer domain', 'Contoso.com');
  await type(page, 'Customer tenant ID', TENANT.toUpperCase());
  for (const field of ['partner_id', 'customer_domain', 'tenant_id']) {
    await expect(page.locator(`#wiz-${field}-messages`)).toHaveText('');
    await expect(page.locator(`#wiz-${field}`)).not.toHaveAttribute('aria-invalid', 'true');
  }
  await expect(page.locator('.stepper-item').first()).toContainText('Complete');

  // Step 2: area and activity, each activity with the program it leads to.
  await next(page);
  await expect(page.locator('#wizard-step-title')).toBeFocused();
  await expect(page.locator('#wizard-step-title')).toHaveText('Solution area and activity');
  await page.getByLabel('Business Applications').check();
  await expect(page.getByLabel('Presales')).toBeVisible();
  await expect(page.locator('.choice', { hasText: 'Presales' })).toContainText('OSA Sell');
  await page.getByLabel('Usage').check();
  await expect(page.locator('.programs-summary')).toContainText('OSU-Business Applications');
  await shot(page, 'wizard-1280-2-activity');
  // Microsoft 365 offers Usage only.
  await page.getByLabel('Microsoft 365').check();
  await expect(page.getByLabel('Presales')).toHaveCount(0);
  await page.getByLabel('Business Applications').check();

  // Step 3: a Dynamics 365 product, with several subscriptions and no subscription ID yet.
  await next(page);
  await page.getByLabel('Dynamics 365 Sales', { exact: true }).check();
  const sales = page.locator('li.product', { hasText: 'Dynamics 365 Sales' });
  await sales.getByLabel('The customer has several subscriptions of this product').check();
  await expect(sales.getByLabel('Subscription ID')).toBeVisible();
  await shot(page, 'wizard-1280-3-products');

  // Step 4: contacts, with a wrong e-mail; the technical contact is asked for.
  await next(page);
  await expect(page.getByRole('group', { name: "Customer's technical contact" })).toBeVisible();
  const customer = page.getByRole('group', { name: 'Customer contact' });
  await customer.getByLabel('Name').fill('Jane Doe');
  await customer.getByLabel('Job title').fill('IT manager');
  await customer.getByLabel('E-mail').fill('jane.contoso.com');
  await customer.getByLabel('E-mail').press('Tab');
  await expect(page.locator('#wiz-customer_contact-email-messages')).toContainText('has no @');
  const partner = page.getByRole('group', { name: 'Your contact' });
  await partner.getByLabel('Name').fill('Sam Partner');
  await partner.getByLabel('E-mail').fill('sam@fabrikam.com');
  await partner.getByLabel('E-mail').press('Tab');
  await shot(page, 'wizard-1280-4-contacts');

  // Step 5: a PoE file, fingerprinted in the browser; the readiness checklist.
  await next(page);
  const content = Buffer.from('Statement of work, signed by Contoso on 3 March.\n'.repeat(200));
  const sha256 = createHash('sha256').update(content).digest('hex');
  await page.locator('#wiz-poe-files').setInputFiles({ name: 'sow-signed.pdf', mimeType: 'application/pdf', buffer: content });
  const item = page.locator('.poe-item', { hasText: 'sow-signed.pdf' });
  await expect(item).toBeVisible();
  await expect(item.locator('code.sha256')).toHaveText(sha256);
  await expect(item).toContainText('application/pdf');
  await expect(item).toContainText(`${content.length.toLocaleString('en')} bytes`);
  const poe = (await stored(page, id)).poe;
  expect(poe).toHaveLength(1);
  expect(poe[0]).toMatchObject({ file_name: 'sow-signed.pdf', media_type: 'application/pdf', size: content.length, sha256, added_by: 'Partner' });
  for (const check of ['PoeAboutClaim', 'CustomerAcknowledgment', 'DatesRecent', 'SolutionDescribed', 'ProductsNamed']) {
    await page.locator(`#wiz-readiness-${check}`).check();
  }
  await expect(page.locator('.readiness-state[data-state="ok"]')).toHaveCount(5);
  await shot(page, 'wizard-1280-5-poe');

  // Step 6: Submit lists what is still missing, each item linking to its field.
  await next(page);
  const missing = page.locator('#wiz-missing');
  await expect(missing).toContainText('Still needed before you can submit (3)');
  await expect(missing).toContainText('has no @');
  await expect(missing).toContainText('several Dynamics 365 Sales subscriptions');
  await expect(missing).toContainText('add the customer\'s technical contact');
  await page.getByRole('button', { name: 'Submit claim' }).click();
  await expect(missing).toBeFocused();
  expect((await stored(page, id)).status).toBe('Draft');
  await shot(page, 'wizard-1280-6-review-missing');

  await missing.getByRole('button', { name: /technical contact/ }).click();
  await expect(page.locator('#wiz-technical_contact-name')).toBeFocused();
  await expect(page.locator('#wiz-technical_contact-messages')).toContainText('Dynamics 365 product is claimed');
  const technical = page.getByRole('group', { name: "Customer's technical contact" });
  await technical.getByLabel('Name').fill('Tom Admin');
  await technical.getByLabel('Job title').fill('Dynamics administrator');
  await technical.getByLabel('E-mail').fill('tom@contoso.com');
  await technical.getByLabel('E-mail').press('Tab');
  await expect(page.locator('#wiz-technical_contact-messages')).toHaveText('');

  await page.locator('.stepper').getByRole('button', { name: /Review and submit/ }).click();
  await missing.getByRole('button', { name: /has no @/ }).click();
  await expect(page.locator('#wiz-customer_contact-email')).toBeFocused();
  await page.locator('#wiz-customer_contact-email').fill('jane@contoso.com');
  await page.locator('#wiz-customer_contact-email').press('Tab');
  await expect(page.locator('#wiz-customer_contact-email-messages')).toHaveText('');

  await page.locator('.stepper').getByRole('button', { name: /Review and submit/ }).click();
  await missing.getByRole('button', { name: /subscriptions/ }).click();
  const subscription = page.locator('#wiz-products-Dynamics365Sales-subscription_id');
  await expect(subscription).toBeFocused();
  await subscription.fill('0b5c2a5e');
  await subscription.press('Tab');
  await expect(page.locator('#wiz-products-Dynamics365Sales-subscription_id-messages')).toContainText('must be a GUID');
  await subscription.fill(SUBSCRIPTION);
  await subscription.press('Tab');
  await expect(page.locator('#wiz-products-Dynamics365Sales-subscription_id-messages')).toHaveText('');

  // Complete: ready, and submitted.
  await page.locator('.stepper').getByRole('button', { name: /Review and submit/ }).click();
  await expect(missing).toContainText('Ready to submit');
  await expect(page.locator('.stepper-item.complete')).toHaveCount(5);
  await shot(page, 'wizard-1280-6-review-ready');
  await page.getByRole('button', { name: 'Submit claim' }).click();
  await expect(page).toHaveURL(new RegExp(`#/claim/${id}$`));
  const submitted = await stored(page, id);
  expect(submitted.status).toBe('Submitted');
  expect(submitted.fields).toMatchObject({
    partner_id: '1234567', customer_domain: 'contoso.com', tenant_id: TENANT,
    solution_area: 'BusinessApplications', activities: ['Usage'],
    technical_contact: { name: 'Tom Admin', title: 'Dynamics administrator', email: 'tom@contoso.com' },
  });
  expect(submitted.fields.products).toEqual([{ product: 'Dynamics365Sales', several_subscriptions: true, subscription_id: SUBSCRIPTION }]);
  expect(outside).toEqual([]);
});

test('an abandoned wizard leaves nothing, and drafts save while typing pauses', async ({ page }) => {
  await page.goto('./#/new');
  await appReady(page);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByText('No claims yet.')).toBeVisible();
  await page.goto('./#/new');
  await appReady(page);
  await page.getByLabel('Claim name', { exact: true }).pressSequentially('Fabrikam Teams');
  // No blur: the draft is saved after the pause in typing.
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible({ timeout: 5000 });
  const id = draftId(page);
  expect((await stored(page, id)).fields.name).toBe('Fabrikam Teams');
  // Only one edit for the whole word, not one per keystroke (create + nothing else).
  expect((await stored(page, id)).history).toHaveLength(1);
});

test('the wizard on a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./#/new');
  await appReady(page);
  await type(page, 'Claim name', 'Northwind usage');
  await type(page, 'Partner ID (MPN ID)', '12ab');
  await type(page, 'Customer domain', 'northwind.com');
  const steps = ['partner', 'activity', 'products', 'contacts', 'poe', 'review'];
  for (const [index, step] of steps.entries()) {
    if (index > 0) {
      await next(page);
    }
    await expect(page.locator('.step-position')).toHaveText(`Step ${index + 1} of 6`);
    if (step === 'activity') {
      await page.getByLabel('Microsoft 365').check();
      await page.getByLabel('Usage').check();
    }
    if (step === 'products') {
      await page.getByLabel('Microsoft Teams').check();
    }
    if (step === 'poe') {
      await page.locator('#wiz-poe-files').setInputFiles({ name: 'meeting-notes.cpordesk-unknown', mimeType: '', buffer: Buffer.from('notes') });
      await expect(page.locator('.poe-item')).toContainText('application/octet-stream');
    }
    // Nothing may force sideways scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `step ${step} scrolls sideways`).toBeLessThanOrEqual(0);
    await shot(page, `wizard-360-${index + 1}-${step}`);
  }
});

test('a reload within the typing pause keeps what was typed, stored in the database', async ({ page }) => {
  await page.goto('./#/new');
  await appReady(page);
  await page.getByLabel('Claim name', { exact: true }).fill('Typed');
  await page.getByLabel('Claim name', { exact: true }).press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const id = draftId(page);
  await page.getByLabel('Customer domain', { exact: true }).fill('contoso.co');
  await page.reload(); // within the typing pause: rescued on leaving, stored on the next start
  await appReady(page);
  await expect(page.getByLabel('Customer domain', { exact: true })).toHaveValue('contoso.co');
  const claim = await stored(page, id);
  expect(claim.fields.customer_domain).toBe('contoso.co');
  expect(claim.fields.name).toBe('Typed');
  // The rescue copy is gone once the claim is stored.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('/rescue/')))).toEqual([]);
});

test('a rescue made on a version another tab has since replaced is kept aside, not written over it', async ({ page }) => {
  await page.goto('./#/new');
  await appReady(page);
  await type(page, 'Claim name', 'Stored name');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const id = draftId(page);
  const before = await stored(page, id);
  // What a page closed in the middle of an edit would have left, made on an older revision
  // than the database holds now (another tab saved in between); and a damaged rescue.
  await page.evaluate(({ id, claim }) => {
    const rescued = { ...claim, fields: { ...claim.fields, name: 'Rescued name' }, revision: claim.revision };
    localStorage.setItem(`cpor-desk/rescue/${id}`, JSON.stringify({ base: claim.revision - 1, claim: rescued }));
    localStorage.setItem('cpor-desk/rescue/00000000-0000-4000-8000-000000000000', '{"base": 1, "claim": tru');
  }, { id, claim: before });
  await page.goto('./#/');
  await page.reload();
  await appReady(page);
  await expect(page.getByRole('status').filter({ hasText: 'Another tab saved claim' })).toBeVisible();
  const after = await stored(page, id);
  expect(after).toEqual(before);
  const kept = await keptAside(page);
  expect(kept.some((record) => record.raw.includes('Rescued name') && JSON.stringify(record.reason).includes('ChangedInAnotherTab'))).toBe(true);
  expect(kept.some((record) => record.raw === '{"base": 1, "claim": tru')).toBe(true);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('/rescue/')))).toEqual([]);
});
