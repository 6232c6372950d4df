// The app in each of its five languages, as a new user whose browser prefers that
// language would meet it: dashboard, the wizard with a wrong field, a claim with
// refused actions (the rules' refusals and problems) and a running deadline, settings,
// and a refused import (the rules' import problem). On every
// screen: <html lang> is the language, and no text of the English catalogue is visible
// (names that stay the same in that language aside). Screenshots at 1280 and 360 px,
// with no sideways scrolling and no clipped button.
import { test, expect } from '@playwright/test';
import { appReady, catalogue, forbidNetwork, shotWidths, visibleEnglish } from './helpers.mjs';
import { draft, entry, storeClaims, submitted } from './fixtures.mjs';

// The users' own texts (names, comments) are shown as typed; they avoid words that are
// also whole pieces of English catalogue texts ("the", "Partner"), which the check below
// would count as untranslated.
const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const fields = {
  partner_id: '1234567', customer_domain: 'fabrikam.example', tenant_id: tenant,
  solution_area: 'Microsoft365', activities: ['Usage'], products: [{ product: 'MicrosoftTeams' }],
  customer_contact: { name: 'Dana Smith', title: 'CIO', email: 'dana@fabrikam.example' },
  partner_contact: { name: 'Ari Lindqvist', email: 'ari@northwind.example' },
};

/** A claim waiting for the partner's answer to an information request of Fri 2026-11-20. */
function waitingForPartner() {
  const claim = submitted('a1a1a1a1-1111-4111-8111-111111111111', 'Fabrikam Teams', fields,
    '2026-11-18T17:00:00Z', '2026-11-19T17:00:00Z');
  claim.poe = [{ id: '0b7f6d2e-1c3a-4e5f-9a8b-7c6d5e4f3a2b', file_name: 'sow.pdf', media_type: 'application/pdf',
    size: 48213, sha256: 'a'.repeat(64), added_at: '2026-11-18T17:30:00Z', added_by: 'Partner', note: '' }];
  claim.history.push(
    entry('2026-11-20T17:00:00Z', 'Reviewer', 'StartReview', 'Submitted', 'UnderReview'),
    entry('2026-11-20T18:00:00Z', 'Reviewer', 'RequestInformation', 'UnderReview', 'PartnerActionRequired', {
      comment: 'Signed SOW missing.',
      detail: { InformationRequest: { reasons: ['MissingCustomerAcknowledgment'], products_to_remove: [] } },
    }),
  );
  claim.status = 'PartnerActionRequired';
  claim.revision = 4;
  claim.updated_at = '2026-11-20T18:00:00Z';
  return claim;
}

/** A draft that cannot be submitted yet. */
const incomplete = draft('b2b2b2b2-2222-4222-8222-222222222222', 'Northwind', {}, '2026-11-19T09:00:00Z');

const NOW = '2026-11-24T18:00:00Z';

const LANGUAGES = [
  // browser locale (navigator.languages), the app's language tag
  { browser: 'sv-FI', tag: 'sv' },
  { browser: 'de-DE', tag: 'de' },
  { browser: 'nl-BE', tag: 'nl' },
  { browser: 'zh-CN', tag: 'zh-Hans' },
  { browser: 'en-GB', tag: 'en' },
];

for (const { browser, tag } of LANGUAGES) {
  test.describe(`browser set to ${browser}`, () => {
    test.use({ locale: browser });

    test(`the app opens in ${tag}: every screen in that language`, async ({ page }) => {
      test.setTimeout(180_000);
      const words = catalogue(tag);
      const outside = forbidNetwork(page);
      const noEnglish = async (screen) => {
        await expect(page.locator('html')).toHaveAttribute('lang', tag);
        if (tag !== 'en') expect.soft(await visibleEnglish(page, tag), `English on ${screen}`).toEqual([]);
      };

      await page.goto(`./?now=${NOW}`);
      await appReady(page);
      await storeClaims(page, [waitingForPartner(), incomplete]);
      await page.reload();
      await appReady(page);

      // Dashboard: statuses in the language's words.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(words['dashboard.title']);
      await expect(page.locator('[data-status="partner_action_required"] .label')).toHaveText(words['status.partner_action_required']);
      await expect(page.locator('tr[data-claim-id] .status-name').first()).toBeVisible();
      await expect(page.locator('.attention-list')).toContainText(words['clock.partner_response']);
      await noEnglish('the dashboard');
      await shotWidths(page, `lang-${tag}-dashboard`, expect);

      // The wizard with a wrong field: the message stands beside it.
      await page.goto(`./?now=${NOW}#/new`);
      await appReady(page);
      await expect(page.locator('.step-position')).toHaveText(words['wizard.step_of'].replace('{{ n }}', '1').replace('{{ total }}', '6'));
      await page.locator('#wiz-partner_id').fill('12ab');
      await page.locator('#wiz-partner_id').press('Tab');
      await expect(page.locator('#wiz-partner_id')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#wiz-partner_id-messages .field-message')).toHaveCount(1);
      await expect(page.locator('.save-status')).toHaveText(words['wizard.save_done']);
      await noEnglish('the wizard');
      await shotWidths(page, `lang-${tag}-wizard`, expect);

      // A claim whose submission the rules refuse, saying why.
      await page.goto(`./?now=${NOW}#/claim/${incomplete.id}`);
      await appReady(page);
      const submit = page.locator('.action[data-action="submit"]');
      await expect(submit).toHaveAttribute('data-allowed', 'false');
      await expect(submit.locator('.refusal')).toContainText(words['claim.actions.fix_first']);
      await expect(page.locator('.claim-head .status-badge')).toHaveText(words['status.draft']);
      // What the rules refuse, in the language's words: the problems that block the
      // submission, and why the other actions are not available now.
      await expect(submit.locator('.refusal li').first()).toBeVisible();
      const notNow = page.locator('details.not-now');
      await notNow.locator('summary').click();
      await expect(notNow.locator('.refusal').first()).toBeVisible();
      await noEnglish('a refused action');
      await shotWidths(page, `lang-${tag}-claim-refused`, expect);

      // A claim with a running deadline: the partner's answer is due.
      const waiting = waitingForPartner();
      await page.goto(`./?now=${NOW}#/claim/${waiting.id}`);
      await appReady(page);
      await expect(page.locator('.claim-head .status-badge').first()).toHaveText(words['status.partner_action_required']);
      const response = page.locator('.clock[data-clock="partner_response"]');
      await expect(response.locator('.clock-who')).toHaveText(words['claim.clocks.you_act']);
      await expect(response.locator('.countdown[data-urgency="running"]')).toBeVisible();
      await noEnglish('a running deadline');
      await shotWidths(page, `lang-${tag}-claim-running`, expect);

      // Settings.
      await page.goto(`./?now=${NOW}#/settings`);
      await appReady(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(words['settings.title']);
      await noEnglish('settings');
      await shotWidths(page, `lang-${tag}-settings`, expect);

      // A refused import: the problems are listed, nothing changes.
      await page.goto(`./?now=${NOW}#/transfer`);
      await appReady(page);
      // A file from a newer version of the app: the rules' import problem, worded here.
      await page.locator('#import-file').setInputFiles({ name: 'newer.json', mimeType: 'application/json',
        buffer: Buffer.from('{"format": "cpor-desk", "version": 99, "claims": []}') });
      await expect(page.locator('.import-problems')).toContainText(words['transfer.not_imported']);
      const tooNew = words['import_problem.version.too_new'].replace('{{ version }}', '99').replace('{{ supported }}', '1');
      await expect(page.locator('.import-problems li')).toContainText(tooNew);
      await noEnglish('a refused import');
      await shotWidths(page, `lang-${tag}-transfer-refused`, expect);
      expect(outside).toEqual([]);
    });
  });
}

test.describe('a browser in a language the app does not speak', () => {
  test.use({ locale: 'fr-FR' });

  test('opens in English', async ({ page }) => {
    await page.goto('./');
    await appReady(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Claims');
  });
});

test.describe('choosing a language', () => {
  test.use({ locale: 'en-US' });

  test('the header switch applies at once, without a reload, and is remembered', async ({ page }) => {
    const de = catalogue('de');
    await page.goto('./#/settings');
    await appReady(page);
    await page.evaluate(() => { window.notReloaded = true; });
    await page.locator('#language-switch').selectOption('de');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(de['settings.title']);
    await expect(page.locator('nav a[href="#/"]')).toHaveText(de['nav.dashboard']);
    expect(await page.evaluate(() => window.notReloaded)).toBe(true);
    const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('cpor-desk/v1/settings')));
    expect(stored.locale).toBe('de');

    // Remembered, whatever the browser prefers.
    await page.reload();
    await appReady(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.locator('#language-switch')).toHaveValue('de');

    // Saving the settings form keeps the language chosen meanwhile (the form does not hold it).
    await page.locator('#settings-language').selectOption('zh-Hans');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await page.getByRole('button', { name: catalogue('zh-Hans')['settings.save'] }).click();
    await expect(page.getByRole('status').filter({ hasText: catalogue('zh-Hans')['settings.saved'] })).toBeVisible();
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('cpor-desk/v1/settings')));
    expect(saved.locale).toBe('zh-Hans');
  });

  test('the claims table follows a switch at once: labels, status, clock, unnamed draft', async ({ page }) => {
    await page.goto(`./?now=${NOW}`);
    await appReady(page);
    await storeClaims(page, [waitingForPartner(), draft('c3c3c3c3-3333-4333-8333-333333333333', '', {}, '2026-11-19T09:00:00Z')]);
    await page.reload();
    await appReady(page);
    const table = page.locator('table.claims');
    const unnamed = table.locator('tr[data-claim-id="c3c3c3c3-3333-4333-8333-333333333333"]');
    const waiting = table.locator('tr[data-claim-id="a1a1a1a1-1111-4111-8111-111111111111"]');
    await expect(unnamed.locator('td').first()).toHaveText(catalogue('en')['common.unnamed']);
    for (const tag of ['de', 'zh-Hans', 'en']) {
      const words = catalogue(tag);
      await page.locator('#language-switch').selectOption(tag);
      await expect(unnamed.locator('td').first()).toHaveText(words['common.unnamed']);
      await expect(unnamed.locator('td').nth(4)).toHaveText(words['common.not_set']);
      await expect(waiting.locator('td').nth(1)).toHaveAttribute('data-label', words['dashboard.col_domain']);
      await expect(waiting.locator('.status-name')).toHaveText(words['status.partner_action_required']);
      await expect(waiting.locator('.clock-name')).toHaveText(words['clock.partner_response']);
      await expect(page.locator('.attention-list li').first().locator('.tag')).toHaveText(words['dashboard.your_action']);
    }
    await expect(table.locator('tbody tr')).toHaveCount(2);
  });

  test('a language that cannot be stored still applies in the tab, and the user is told', async ({ page }) => {
    await page.goto('./');
    await appReady(page);
    // Make every write fail, as a full or disabled storage would.
    await page.evaluate(() => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await page.locator('#language-switch').selectOption('sv');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(page.getByRole('status').filter({ hasText: catalogue('sv')['language.not_saved'] })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('cpor-desk/v1/settings'))).toBeNull();
  });
});
