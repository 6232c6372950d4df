// Deadlines count in the calendar's zone (Los Angeles by default) whatever the browser's
// zone; a viewer elsewhere also sees the deadline in their own time, and settings say
// whose zone counts.
import { test, expect } from '@playwright/test';
import { appReady, catalogue, shotWidths } from './helpers.mjs';
import { entry, storeClaims, submitted } from './fixtures.mjs';

const id = 'c3c3c3c3-3333-4333-8333-333333333333';

/** Information requested on Fri 2026-11-20: the partner must answer by the end of Mon
 *  2026-11-30 in Los Angeles (Thanksgiving off), which is 2026-12-01T08:00:00Z. */
function claim() {
  const claim = submitted(id, 'Contoso Teams', {
    partner_id: '1234567', customer_domain: 'contoso.com', tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    solution_area: 'Microsoft365', activities: ['Usage'], products: [{ product: 'MicrosoftTeams' }],
  }, '2026-11-18T17:00:00Z', '2026-11-19T17:00:00Z');
  claim.history.push(
    entry('2026-11-20T17:00:00Z', 'Reviewer', 'StartReview', 'Submitted', 'UnderReview'),
    entry('2026-11-20T18:00:00Z', 'Reviewer', 'RequestInformation', 'UnderReview', 'PartnerActionRequired', {
      detail: { InformationRequest: { reasons: ['MissingOrOldDates'], products_to_remove: [] } },
    }),
  );
  claim.status = 'PartnerActionRequired';
  claim.revision = 4;
  return claim;
}

const VIEWERS = [
  // zone, the deadline's instant on the viewer's clock, the language
  { zone: 'Europe/Stockholm', local: 'Tue, Dec 1, 9:00 AM', locale: 'en-US', tag: 'en' },
  { zone: 'Asia/Shanghai', local: 'Tue, Dec 1, 4:00 PM', locale: 'en-US', tag: 'en' },
  { zone: 'America/New_York', local: 'Tue, Dec 1, 3:00 AM', locale: 'en-US', tag: 'en' },
  { zone: 'Europe/Stockholm', local: 'tis 1 dec. 9:00', locale: 'sv-SE', tag: 'sv' },
  { zone: 'Asia/Shanghai', local: '12月1日周二 16:00', locale: 'zh-CN', tag: 'zh-Hans' },
];

for (const { zone, local, locale, tag } of VIEWERS) {
  test.describe(`a viewer in ${zone} (${locale})`, () => {
    test.use({ timezoneId: zone, locale });

    test('sees the deadline in Los Angeles and in their own time', async ({ page }) => {
      await page.goto('./?now=2026-11-24T18:00:00Z');
      await appReady(page);
      await storeClaims(page, [claim()]);
      await page.goto(`./?now=2026-11-24T18:00:00Z#/claim/${id}`);
      await page.reload();
      await appReady(page);
      const due = page.locator('.clock[data-clock="partner_response"] .clock-due');
      await expect(due).toContainText('Los Angeles');
      await expect(due).toContainText(local);
      if (tag === 'en') {
        await expect(due).toHaveText(`Due by end of Mon, Nov 30, 2026 in Los Angeles (${local} your time)`);
      }
      // The page says which zone its other times are in.
      await expect(page.locator('.zone-note')).toContainText('America/Los_Angeles');
      await expect(page.locator('.zone-note')).toContainText(zone);
      await shotWidths(page, `tz-${zone.replace('/', '-')}-${tag}-claim`, expect);

      // Settings say whose zone counts, and why.
      await page.goto('./#/settings');
      await appReady(page);
      const why = page.locator('#time-zone-why');
      await expect(why).toContainText(catalogue(tag)['settings.time_zone_why'].slice(0, 20));
      await expect(why).toContainText(zone);
    });
  });
}

test.describe('a viewer in Los Angeles', () => {
  test.use({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });

  test('sees the deadline once, with no zone added', async ({ page }) => {
    await page.goto('./?now=2026-11-24T18:00:00Z');
    await appReady(page);
    await storeClaims(page, [claim()]);
    await page.goto(`./?now=2026-11-24T18:00:00Z#/claim/${id}`);
    await page.reload();
    await appReady(page);
    await expect(page.locator('.clock[data-clock="partner_response"] .clock-due')).toHaveText('Due by end of Mon, Nov 30, 2026');
    await expect(page.locator('.zone-note')).toHaveCount(0);
  });
});
