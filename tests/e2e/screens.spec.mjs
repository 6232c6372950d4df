// Every screen in every language, at 1280 and 360 px: screenshots to look at, and a
// layout check on each (no sideways scrolling, no clipped button). The walk in
// languages.spec.mjs covers the dashboard, the wizard's first step, claims, settings and
// a refused import; this covers the rest of the wizard, an approved claim, and export
// with an import preview.
import { test, expect } from '@playwright/test';
import { appReady, shotWidths } from './helpers.mjs';
import { draft, entry, storeClaims, submittable } from './fixtures.mjs';

const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** A draft that uses every part of the wizard: Business Applications, a Dynamics 365
 *  product with several subscriptions, a technical contact, a PoE file. */
function fullDraft() {
  const claim = draft('d4d4d4d4-4444-4444-8444-444444444444', 'Contoso Dynamics 365 Sales', {
    partner_id: '1234567', customer_domain: 'contoso.com', tenant_id: tenant,
    solution_area: 'BusinessApplications', activities: ['Presales', 'Usage'],
    products: [{ product: 'Dynamics365Sales', several_subscriptions: true, subscription_id: '' },
      { product: 'PowerApps' }],
    customer_contact: { name: 'Dana Smith', title: 'CIO', email: 'dana.contoso.com' },
    partner_contact: { name: 'Ari Partner', email: 'ari@fabrikam.example' },
  }, '2026-11-19T09:00:00Z');
  // Added and ticked through the history, as the app records them (imports replay it).
  const document = { id: '1b7f6d2e-1c3a-4e5f-9a8b-7c6d5e4f3a2b', file_name: 'statement-of-work-signed.pdf',
    media_type: 'application/pdf', size: 482113, sha256: 'b'.repeat(64), added_at: '2026-11-19T10:00:00Z',
    added_by: 'Partner', note: 'Signed by the customer' };
  const checklist = { about_this_claim: true, customer_acknowledgment: false, dates_recent: true,
    solution_described: false, products_named: true };
  claim.history.push(
    entry('2026-11-19T10:00:00Z', 'Partner', 'AddPoe', 'Draft', 'Draft', { changes: [{ field: 'poe[0]', old: null, new: document }] }),
    entry('2026-11-19T10:05:00Z', 'Partner', 'Edit', 'Draft', 'Draft', {
      changes: [{ field: 'poe_checklist', old: claim.poe_checklist, new: checklist }],
    }),
  );
  claim.poe = [document];
  claim.poe_checklist = checklist;
  claim.revision = claim.history.length;
  claim.updated_at = '2026-11-19T10:05:00Z';
  return claim;
}

/** An approved claim in its consent period, with comments and a long history. */
function approved() {
  const claim = submittable('e5e5e5e5-5555-4555-8555-555555555555', 'Fabrikam Microsoft 365', {
    partner_id: '7654321', customer_domain: 'fabrikam.example', tenant_id: tenant,
    solution_area: 'Microsoft365', activities: ['Usage'],
    products: [{ product: 'MicrosoftTeams' }, { product: 'ExchangeOnline' }, { product: 'MicrosoftIntune' }],
    customer_contact: { name: 'Lee Chen', title: 'IT Director', email: 'lee@fabrikam.example' },
    partner_contact: { name: 'Ari Partner', email: 'ari@northwind.example' },
  }, '2026-11-02T09:00:00Z', '2026-11-03T17:00:00Z');
  claim.history.push(
    entry('2026-11-04T17:00:00Z', 'Reviewer', 'StartReview', 'Submitted', 'UnderReview'),
    entry('2026-11-05T18:00:00Z', 'Reviewer', 'RequestInformation', 'UnderReview', 'PartnerActionRequired', {
      comment: 'The dates on the PoE are missing.',
      detail: { InformationRequest: { reasons: ['MissingOrOldDates', 'MissingProducts'], products_to_remove: ['MicrosoftIntune'] } },
    }),
    entry('2026-11-06T18:00:00Z', 'Partner', 'Respond', 'PartnerActionRequired', 'UnderReview', { comment: 'Dated SOW added.' }),
    entry('2026-11-10T18:00:00Z', 'Reviewer', 'Approve', 'UnderReview', 'Approved'),
  );
  claim.comments = [
    { author: 'Reviewer', at: '2026-11-05T18:00:00Z', text: 'The dates on the PoE are missing.' },
    { author: 'Partner', at: '2026-11-06T18:00:00Z', text: 'Dated SOW added.' },
  ];
  claim.status = 'Approved';
  claim.revision = claim.history.length;
  claim.updated_at = '2026-11-10T18:00:00Z';
  return claim;
}

const NOW = '2026-11-12T18:00:00Z';
const LANGUAGES = [['en-US', 'en'], ['sv-SE', 'sv'], ['de-DE', 'de'], ['nl-NL', 'nl'], ['zh-CN', 'zh-Hans']];

for (const [browser, tag] of LANGUAGES) {
  test.describe(`screens in ${tag}`, () => {
    test.use({ locale: browser });

    test(`the wizard's steps, an approved claim and export in ${tag}`, async ({ page }) => {
      test.setTimeout(240_000);
      const claim = fullDraft();
      await page.goto(`./?now=${NOW}`);
      await appReady(page);
      await storeClaims(page, [claim, approved()]);
      await page.reload();
      await appReady(page);
      await expect(page.locator('html')).toHaveAttribute('lang', tag);

      for (const step of ['activity', 'products', 'contacts', 'poe', 'review']) {
        await page.goto(`./?now=${NOW}#/claim/${claim.id}/edit?step=${step}`);
        await page.reload();
        await appReady(page);
        await expect(page.locator('.wizard-step h2')).toBeVisible();
        await shotWidths(page, `screen-${tag}-wizard-${step}`, expect);
      }

      await page.goto(`./?now=${NOW}#/claim/${approved().id}`);
      await page.reload();
      await appReady(page);
      await expect(page.locator('.claim-head .phase-badge')).toBeVisible();
      // Open the earlier clocks and the "not possible now" list, so they are in the picture.
      for (const summary of await page.locator('.ended-clocks summary, .not-now summary').all()) await summary.click();
      await shotWidths(page, `screen-${tag}-claim-approved`, expect);

      await page.goto(`./?now=${NOW}#/transfer`);
      await page.reload();
      await appReady(page);
      const exported = JSON.stringify({ format: 'cpor-desk', version: 1, exported_at: NOW, app_version: '0.1.0',
        policy: { review_start_business_days: 5, review_decision_business_days: 5, partner_response_business_days: 5,
          consent: { CalendarDays: 7 }, dispute_window_days: 30, dispute_review_business_days: 5, decision_target_business_days: 10 },
        calendar: { weekmask: '1111100', holidays: 'UsFederal', custom_holidays: [], time_zone: 'America/Los_Angeles' },
        claims: [approved(), { ...fullDraft(), id: 'f6f6f6f6-6666-4666-8666-666666666666' }] });
      await page.locator('#import-file').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
      await expect(page.locator('.import-preview')).toBeVisible();
      await shotWidths(page, `screen-${tag}-transfer-preview`, expect);
    });
  });
}
