// A printable claim: Chromium prints the claim page to PDF on A4 and on Letter; each is
// one or two pages holding the header, deadlines, details, PoE with full fingerprints
// and history, and nothing of the screen's navigation, buttons or forms. The pages are
// rendered to PNG (poppler's pdftoppm) to be looked at, and their text is read back
// (pdftotext) for the checks.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appReady, screenshotDir } from './helpers.mjs';
import { entry, storeClaims, submitted } from './fixtures.mjs';

const printDir = join(screenshotDir, '..', 'print');
mkdirSync(printDir, { recursive: true });

const ID = '5a0c3e2b-7d41-4f6a-9b8c-1d2e3f4a5b6c';
const HASHES = ['3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea',
  'a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e'];

/** A claim under review after an information request and the partner's response. */
function claim() {
  const base = submitted(ID, 'Contoso Teams and Exchange rollout', {
    partner_id: '1234567', customer_domain: 'contoso.com', tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    solution_area: 'Microsoft365', activities: ['Usage'],
    products: [{ product: 'MicrosoftTeams' }, { product: 'ExchangeOnline' }],
    customer_contact: { name: 'Dana Smith', title: 'CIO', email: 'dana@contoso.com' },
    partner_contact: { name: 'Ari Partner', email: 'ari@fabrikam.example' },
  }, '2026-11-16T17:00:00Z', '2026-11-17T17:00:00Z');
  base.poe = HASHES.map((sha256, n) => ({
    id: `0b7f6d2e-1c3a-4e5f-9a8b-7c6d5e4f3a2${n}`, file_name: n ? 'teams-usage-report.pdf' : 'signed-statement-of-work.pdf',
    media_type: 'application/pdf', size: 48213 + n * 1000, sha256, added_at: '2026-11-16T17:30:00Z', added_by: 'Partner',
    note: n ? '' : 'Signed by the customer\'s CIO',
  }));
  base.history.push(
    entry('2026-11-18T17:00:00Z', 'Reviewer', 'StartReview', 'Submitted', 'UnderReview'),
    entry('2026-11-19T17:00:00Z', 'Reviewer', 'RequestInformation', 'UnderReview', 'PartnerActionRequired', {
      comment: 'Please add the customer-signed statement of work.',
      detail: { InformationRequest: { reasons: ['MissingCustomerAcknowledgment'], products_to_remove: [] } },
    }),
    entry('2026-11-20T17:00:00Z', 'Partner', 'Respond', 'PartnerActionRequired', 'UnderReview', {
      comment: 'Signed statement of work attached in Partner Center.',
    }),
  );
  base.status = 'UnderReview';
  base.revision = base.history.length;
  base.updated_at = '2026-11-20T17:00:00Z';
  return base;
}

function pdfText(path) {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

function pdfPages(path) {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(info.match(/^Pages:\s+(\d+)/m)[1]);
}

for (const format of ['A4', 'Letter']) {
  test(`the claim prints on one or two ${format} pages, without navigation or buttons`, async ({ page }) => {
    await page.goto('./');
    await appReady(page);
    await storeClaims(page, [claim()]);
    // Monday 2026-11-23, 10:00 in Los Angeles.
    await page.goto(`./?now=2026-11-23T18:00:00Z#/claim/${ID}`);
    await page.reload();
    await appReady(page);
    await expect(page.locator('.history-entry')).toHaveCount(5);
    await expect(page.locator('.clock')).toHaveCount(2);

    const path = join(printDir, `claim-${format}.pdf`);
    await page.pdf({ path, format });
    const pages = pdfPages(path);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    // Rendered for looking at: target/e2e/screenshots/print-claim-<format>-<page>.png
    execFileSync('pdftoppm', ['-png', '-r', '70', path, join(screenshotDir, `print-claim-${format}`)]);

    const text = pdfText(path).replace(/\s+/g, ' ');
    for (const expected of ['Contoso Teams and Exchange rollout', 'Printed from CPOR Desk on', 'Deadlines', 'Review decision',
      'Decision target', 'Details', 'contoso.com', 'Dana Smith', 'Proof of execution', 'signed-statement-of-work.pdf',
      'History', 'Request information', 'Please add the customer-signed statement of work.', 'Respond and resubmit']) {
      expect(text, expected).toContain(expected);
    }
    // Whole fingerprints (a table cell may wrap one over two lines).
    const compact = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const hash of HASHES) expect(compact, hash).toContain(hash);
    for (const absent of ['Skip to content', 'New claim', 'Export & import', 'Settings', 'Record as', 'Edit details',
      'Add deadlines to calendar', 'Add comment', 'Acting as', 'Timeline picture', 'Locked']) {
      expect(text, absent).not.toContain(absent);
    }
  });
}
