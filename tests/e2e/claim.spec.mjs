// The claim page: recording what happened in Partner Center as partner, reviewer and
// customer; live deadlines; automatic transitions; refusals explained.
import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import { appReady, forbidNetwork, screenshotDir, shot } from './helpers.mjs';
import { storedClaims } from './fixtures.mjs';

/** The page at 360 px wide, whole and section by section (a whole narrow page is too tall to read as one picture). */
async function narrowShots(page, name) {
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, `${name}-360`);
  for (const section of ['claim-head', 'sec-actions', 'sec-clocks', 'sec-timeline', 'sec-details', 'sec-history']) {
    const part = page.locator(`.${section}`);
    if (await part.count()) await part.screenshot({ path: join(screenshotDir, `${name}-360-${section}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function entry(at, actor, action, from, to, extra = {}) {
  return { at, recorded_at: at, actor, action, from, to, changes: [], comment: '', detail: null, ...extra };
}

/** A complete Microsoft 365 usage claim, submitted on Thu 2026-11-19, with `history` after that. */
function submittedClaim(id, history = [], status = 'Submitted') {
  return {
    id, revision: 2 + history.length,
    created_at: '2026-11-18T17:00:00Z', updated_at: '2026-11-19T17:00:00Z', status,
    fields: {
      name: 'Contoso Teams rollout', partner_id: '1234567', customer_domain: 'contoso.com', tenant_id: tenant,
      solution_area: 'Microsoft365', activities: ['Usage'],
      products: [{ product: 'MicrosoftTeams', several_subscriptions: false, subscription_id: '' },
        { product: 'ExchangeOnline', several_subscriptions: false, subscription_id: '' }],
      customer_contact: { name: 'Dana Smith', title: 'CIO', email: 'dana@contoso.com' },
      technical_contact: { name: '', title: '', email: '' },
      partner_contact: { name: 'Ari Partner', email: 'ari@fabrikam.example' },
      revenue_association: { solution_seller_name: '', customer_name: '', isv_solution_name: '' },
    },
    poe: [{ id: '0b7f6d2e-1c3a-4e5f-9a8b-7c6d5e4f3a2b', file_name: 'signed-sow.pdf', media_type: 'application/pdf', size: 48213,
      sha256: 'a'.repeat(64), added_at: '2026-11-18T17:30:00Z', added_by: 'Partner', note: '' }],
    poe_checklist: { about_this_claim: true, customer_acknowledgment: true, dates_recent: true, solution_described: true, products_named: true },
    comments: [],
    history: [
      entry('2026-11-18T17:00:00Z', 'Partner', 'Create', null, 'Draft'),
      entry('2026-11-19T17:00:00Z', 'Partner', 'Submit', 'Draft', 'Submitted'),
      ...history,
    ],
  };
}

async function seed(page, claims) {
  await page.goto('./');
  await appReady(page);
  await page.evaluate((claims) => {
    for (const claim of claims) localStorage.setItem(`cpor-desk/v1/claim/${claim.id}`, JSON.stringify(claim));
  }, claims);
}

async function open(page, id, now) {
  await page.goto(`./?now=${now}#/claim/${id}`);
  await appReady(page);
  await expect(page.locator('.claim-page h1')).toBeVisible();
}

async function actAs(page, role) {
  await page.getByRole('radio', { name: role }).check();
}

/** Open an action's form, fill it with `fill`, and record it. */
async function record(page, actionName, fill = async () => {}) {
  const item = page.locator('.action[data-allowed="true"]').filter({ has: page.getByRole('button', { name: actionName, exact: true }) });
  await item.getByRole('button', { name: actionName, exact: true }).click();
  const form = item.locator('form.action-form');
  await expect(form).toBeVisible();
  await fill(form);
  await form.getByRole('button', { name: /^Record as / }).click();
  await expect(page.locator('.actions .feedback')).toContainText('Recorded');
}

const statusBadge = (page) => page.locator('.claim-head .status-badge:not(.phase-badge)');
const phaseBadge = (page) => page.locator('.claim-head .phase-badge');

test('reviewer asks for information, partner responds, approval becomes official after the consent period', async ({ page }) => {
  const outside = forbidNetwork(page);
  const id = '5a0c3e2b-7d41-4f6a-9b8c-1d2e3f4a5b6c';
  await seed(page, [submittedClaim(id)]);
  // Friday 2026-11-20, 10:00 in Los Angeles.
  await open(page, id, '2026-11-20T18:00:00Z');
  await expect(statusBadge(page)).toHaveText('Submitted');
  await expect(page.locator('.clock[data-clock="review_start"]')).toBeVisible();

  // After submission the partner may change the Partner ID, but not the claim's name.
  await page.getByRole('button', { name: 'Edit details' }).click();
  await expect(page.getByLabel('Claim name')).toHaveAttribute('readonly', '');
  await expect(page.locator('.details-form')).toContainText('after submission only the Partner ID');
  await page.getByLabel('Partner ID (MPN)').fill('7654321');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.details .feedback')).toHaveText('Changes saved.');
  await expect(page.locator('.history-entry[data-action="edit"]')).toContainText('1234567');

  await actAs(page, 'Reviewer');
  await expect(page.getByRole('button', { name: 'Edit details' })).toHaveCount(0);
  await record(page, 'Start review');
  await expect(statusBadge(page)).toHaveText('Under review');

  await record(page, 'Request information', async (form) => {
    await form.getByLabel('Missing customer acknowledgment').check();
    await form.getByLabel('Comment', { exact: true }).fill('Please add the customer-signed statement of work.');
  });
  await expect(statusBadge(page)).toHaveText('Partner action required');
  // 5 business days from Fri 2026-11-20 with Thanksgiving (Thu 11-26) off: Mon 2026-11-30.
  const response = page.locator('.clock[data-clock="partner_response"]');
  await expect(response.locator('.clock-due')).toHaveText('Due by end of Mon, Nov 30, 2026');
  await expect(response.locator('.countdown')).toContainText('business days left');
  await expect(response.locator('.clock-who')).toHaveText('You act');
  await expect(page.locator('.timeline svg .tl-now')).toBeVisible();
  await shot(page, 'claim-partner-action-required-1280');
  await narrowShots(page, 'claim-partner-action-required');

  await actAs(page, 'Partner');
  await page.getByLabel('New comment').fill('Signed SOW attached in Partner Center.');
  await page.getByRole('button', { name: 'Add comment' }).click();
  // The reviewer's request comment is in the thread too; the partner's comes last.
  await expect(page.locator('.comment-list .comment')).toHaveCount(2);
  await expect(page.locator('.comment-list .comment').last()).toContainText('Signed SOW attached');
  await expect(page.locator('.comment-list .comment').last()).toContainText('Partner');
  await record(page, 'Respond and resubmit');
  await expect(statusBadge(page)).toHaveText('Under review');

  await actAs(page, 'Reviewer');
  await record(page, 'Approve');
  await expect(phaseBadge(page)).toHaveText('Approved — consent period');
  await expect(page.locator('.phase-detail')).toContainText('the customer can decline until the end of Fri, Nov 27, 2026');
  await expect(page.locator('.clock[data-clock="customer_consent"]')).toBeVisible();

  // Seven calendar days later the consent period is over: the association is official.
  await open(page, id, '2026-11-28T18:00:00Z');
  await expect(phaseBadge(page)).toHaveText('Approved — official');
  await expect(phaseBadge(page)).toHaveAttribute('data-phase', 'official');
  await expect(page.locator('.history-entry[data-action="consent_ended"]')).toContainText('Nov 28, 2026, 12:00 AM');
  await shot(page, 'claim-official-1280');
  expect(outside).toEqual([]);
});

test('a missed partner response deadline rejects the claim at the deadline; the partner disputes', async ({ page }) => {
  const id = '6b1d4f3c-8e52-4a7b-8c9d-2e3f4a5b6c7d';
  const claim = submittedClaim(id, [
    entry('2026-11-20T17:00:00Z', 'Reviewer', 'StartReview', 'Submitted', 'UnderReview'),
    entry('2026-11-20T18:00:00Z', 'Reviewer', 'RequestInformation', 'UnderReview', 'PartnerActionRequired', {
      comment: 'Dates on the PoE are missing.',
      detail: { InformationRequest: { reasons: ['MissingOrOldDates'], products_to_remove: [] } },
    }),
  ], 'PartnerActionRequired');
  await seed(page, [claim]);
  // Wednesday 2026-12-02: the response was due by the end of Monday 2026-11-30.
  await open(page, id, '2026-12-02T18:00:00Z');
  await expect(statusBadge(page)).toHaveText('Rejected');
  await expect(page.locator('.phase-detail')).toContainText('No partner response');
  const expired = page.locator('.history-entry[data-action="partner_response_expired"]');
  await expect(expired).toContainText('Dec 1, 2026, 12:00 AM');
  await expect(expired).toContainText('System');
  await expect(page.locator('.clock[data-clock="dispute_window"] .clock-who')).toHaveText('You act');
  await shot(page, 'claim-auto-rejected-1280');
  await narrowShots(page, 'claim-auto-rejected');

  await record(page, 'Dispute the rejection', async (form) => {
    await form.getByLabel('Business justification').fill('The customer confirmed the dates by e-mail on 2026-11-24.');
  });
  await expect(statusBadge(page)).toHaveText('Disputed');
  await expect(page.locator('.history-entry[data-action="dispute"]')).toContainText('confirmed the dates');
  await expect(page.locator('.clock[data-clock="dispute_review"]')).toBeVisible();
});

test('refused actions say why: an incomplete draft cannot be submitted, a reviewer cannot act on a draft', async ({ page }) => {
  const id = '7c2e5a4d-9f63-4b8c-9dae-3f4a5b6c7d8e';
  const draft = submittedClaim(id);
  draft.status = 'Draft';
  draft.revision = 1;
  draft.history = [entry('2026-11-18T17:00:00Z', 'Partner', 'Create', null, 'Draft')];
  draft.fields.partner_id = '';
  draft.fields.customer_contact = { name: '', title: '', email: '' };
  draft.poe = [];
  await seed(page, [draft]);
  await open(page, id, '2026-11-20T18:00:00Z');
  await expect(statusBadge(page)).toHaveText('Draft');

  const submit = page.locator('.action[data-action="submit"]');
  await expect(submit).toHaveAttribute('data-allowed', 'false');
  await expect(submit.getByRole('button', { name: 'Submit' })).toBeDisabled();
  await expect(submit.locator('.refusal')).toContainText('Fix these first');
  await expect(submit.locator('.refusal li')).not.toHaveCount(0);
  await expect(submit.locator('.refusal')).toContainText('proof-of-execution');
  await expect(page.getByRole('link', { name: 'Continue editing' })).toHaveAttribute('href', `#/claim/${id}/edit`);
  await shot(page, 'claim-draft-1280');
  await narrowShots(page, 'claim-draft');

  await actAs(page, 'Reviewer');
  await expect(page.locator('.action[data-allowed="true"]')).toHaveCount(0);
  await page.locator('.not-now summary').click();
  await expect(page.locator('.not-now li[data-action="start_review"]')).toContainText('Start review is not possible while the claim is Draft');
  await expect(page.locator('.sec-comments .refusal')).toContainText('not possible while the claim is Draft');

  // Deleting asks first.
  await actAs(page, 'Partner');
  await page.getByRole('button', { name: 'Delete draft' }).click();
  await expect(page.getByText('Delete this draft for good?')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page).toHaveURL(/#\/$/);
  await expect.poll(async () => (await storedClaims(page)).map((claim) => claim.id)).not.toContain(id);
});

test('proof of execution on the claim page: a file that cannot be read says so, and the picker works again', async ({ page }) => {
  const id = '7b1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
  const draft = submittedClaim(id);
  draft.status = 'Draft';
  draft.revision = 1;
  draft.poe = [];
  draft.history = draft.history.slice(0, 1);
  await seed(page, [draft]);
  await open(page, id, '2026-11-20T18:00:00Z');
  const picker = page.locator('.poe .poe-add');
  await expect(picker.locator('label.file-button')).toHaveText('Add documents');
  // A file that is gone by the time it is read (deleted or moved after choosing it).
  await page.evaluate(() => {
    const slice = Blob.prototype.slice;
    Blob.prototype.slice = function (...args) {
      if (this.name === 'moved-away.pdf') throw new Error('The file could not be found');
      return slice.apply(this, args);
    };
  });
  await page.locator('#poe-add').setInputFiles({ name: 'moved-away.pdf', mimeType: 'application/pdf', buffer: Buffer.from('gone') });
  await expect(picker.getByRole('alert')).toContainText('moved-away.pdf could not be read (The file could not be found)');
  await expect(picker.locator('.poe-status')).not.toContainText('Reading');
  expect((await storedClaims(page))[0].poe).toEqual([]);

  const content = Buffer.from('Statement of work, signed by the customer');
  await page.locator('#poe-add').setInputFiles({ name: 'signed-sow.pdf', mimeType: 'application/pdf', buffer: content });
  await expect(page.locator('.poe-table')).toContainText('signed-sow.pdf');
  await expect(picker.locator('.poe-status')).toHaveText('Added: signed-sow.pdf.');
  const { createHash } = await import('node:crypto');
  await expect.poll(async () => (await storedClaims(page))[0].poe.map((d) => d.sha256))
    .toEqual([createHash('sha256').update(content).digest('hex')]);
  await shot(page, 'claim-poe-added-1280');
});
