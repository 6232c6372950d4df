// Deadlines to calendars: the .ics files the claim page and the dashboard offer, and the
// one `cpor ics` writes from an export, read back by an independent parser (ical.js,
// which resolves each time through the file's own VTIMEZONE) and checked instant by
// instant, in the week US daylight saving time ends (Sunday 2026-11-01).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { appReady, forbidNetwork, shot } from './helpers.mjs';
import { storeClaims, submittable } from './fixtures.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = '2026-10-30T12:00:00Z';
const fields = {
  partner_id: '1234567', customer_domain: 'contoso.com', tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  solution_area: 'Microsoft365', activities: ['Usage'], products: [{ product: 'ExchangeOnline' }],
};
// Submitted Wednesday 2026-10-28 10:00 PDT: review start and decision target run.
const contoso = submittable('33333333-3333-4333-8333-333333333333', 'Contoso, Ltd; Teams rollout', fields,
  '2026-10-28T16:00:00Z', '2026-10-28T17:00:00Z');
// Submitted Monday 2026-10-26.
const fabrikam = submittable('44444444-4444-4444-8444-444444444444', 'Fabrikam Exchange', { ...fields, customer_domain: 'fabrikam.com' },
  '2026-10-26T16:00:00Z', '2026-10-26T17:00:00Z');

/** Every event of an .ics text, with instants as UTC ISO strings. */
function events(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const alarm = component.getFirstSubcomponent('valarm');
    const start = event.startDate.toJSDate();
    const trigger = alarm.getFirstPropertyValue('trigger');
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      zone: event.endDate.zone.tzid,
      start: start.toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      reminder: new Date(start.getTime() + trigger.toSeconds() * 1000).toISOString(),
      alarm: alarm.getFirstPropertyValue('action'),
    };
  });
}

/** The RFC 5545 shape of the file itself: CRLF lines, folded at 75 octets. */
function expectWellFormed(text) {
  expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
}

// Review start: 5 business days → the end of Wednesday 11-04, now in PST (UTC-8);
// reminder Tuesday 11-03 09:00 PST. Decision target: 10 business days, skipping
// Veterans Day (Wednesday 11-11) → the end of Thursday 11-12; reminder Tuesday 11-10.
const contosoEvents = [
  { uid: '33333333-3333-4333-8333-333333333333-review_start@cpor-desk', start: '2026-11-05T07:00:00.000Z',
    end: '2026-11-05T08:00:00.000Z', reminder: '2026-11-03T17:00:00.000Z' },
  { uid: '33333333-3333-4333-8333-333333333333-decision_target@cpor-desk', start: '2026-11-13T07:00:00.000Z',
    end: '2026-11-13T08:00:00.000Z', reminder: '2026-11-10T17:00:00.000Z' },
];

async function openClaim(page, id) {
  await page.goto(`./?now=${NOW}#/claim/${id}`);
  await appReady(page);
  await expect(page.locator('.clock')).toHaveCount(2);
}

async function download(page, button) {
  const downloaded = page.waitForEvent('download');
  await button.click();
  const file = await downloaded;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('the claim page offers its two running deadlines as a calendar file', async ({ page }) => {
  const outside = forbidNetwork(page);
  await page.goto('./');
  await appReady(page);
  await storeClaims(page, [contoso, fabrikam]);
  await openClaim(page, contoso.id);
  const button = page.getByRole('button', { name: 'Add deadlines to calendar (.ics)' });
  await expect(button).toBeVisible();
  await page.locator('.sec-clocks').screenshot({ path: `${root}/target/e2e/screenshots/ics-claim-1280-clocks.png` });
  const file = await download(page, button);
  expect(file.name).toBe('cpor-deadlines-33333333.ics');
  expectWellFormed(file.text);
  const found = events(file.text);
  expect(found.map(({ uid, start, end, reminder }) => ({ uid, start, end, reminder }))).toEqual(contosoEvents);
  expect(found.every((event) => event.zone === 'America/Los_Angeles' && event.alarm === 'DISPLAY')).toBe(true);
  expect(found[0].summary).toBe('Contoso, Ltd; Teams rollout: review should start');
  expect(found[0].description).toContain('A Microsoft reviewer is expected to start the review.');
  expect(found[0].description).toContain('flagged overdue');
  expect(found[0].description).toContain('(America/Los_Angeles)');
  // The commas and semicolons of the claim's name are escaped in the file itself.
  expect(file.text.replace(/\r\n /g, '')).toContain('SUMMARY:Contoso\\, Ltd\\; Teams rollout: review should start\r\n');

  await page.setViewportSize({ width: 360, height: 800 });
  await page.locator('.sec-clocks').screenshot({ path: `${root}/target/e2e/screenshots/ics-claim-360-clocks.png` });
  expect(outside).toEqual([]);
});

test('the dashboard offers every running deadline; re-downloading keeps the same UIDs', async ({ page }) => {
  await page.goto('./');
  await appReady(page);
  await storeClaims(page, [contoso, fabrikam]);
  await page.goto(`./?now=${NOW}#/`);
  await page.reload();
  await appReady(page);
  const button = page.getByRole('button', { name: 'All running deadlines (.ics)' });
  await expect(button).toBeVisible();
  await shot(page, 'ics-dashboard-1280');
  const first = await download(page, button);
  expect(first.name).toBe('cpor-deadlines-2026-10-30.ics');
  expectWellFormed(first.text);
  const all = events(first.text);
  expect(all).toHaveLength(4);
  expect(all.map((event) => event.end)).toEqual([...all.map((event) => event.end)].sort());
  // Fabrikam, submitted Monday 10-26: review start due by the end of Monday 11-02 (PST).
  expect(all[0]).toMatchObject({ uid: '44444444-4444-4444-8444-444444444444-review_start@cpor-desk', end: '2026-11-03T08:00:00.000Z',
    reminder: '2026-10-30T16:00:00.000Z' });
  expect(all.filter((event) => event.uid.startsWith('3333')).map((e) => e.end)).toEqual(contosoEvents.map((e) => e.end));
  const again = events((await download(page, button)).text);
  expect(again.map((event) => event.uid)).toEqual(all.map((event) => event.uid));
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'ics-dashboard-360');
});

test('cpor ics on the app\'s export writes the same events', async ({ page }) => {
  test.setTimeout(240_000); // may build the cpor binary first
  await page.goto('./');
  await appReady(page);
  await storeClaims(page, [contoso, fabrikam]);
  await page.goto(`./?now=${NOW}#/transfer`);
  await page.reload();
  await appReady(page);
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export selected claims/ }).click();
  const exported = await (await downloaded).path();
  const text = execFileSync('cargo', ['run', '--quiet', '-p', 'claim-rules', '--bin', 'cpor', '--',
    'ics', exported, '--claim', '33333333', '--now', NOW], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  expectWellFormed(text);
  const found = events(text);
  expect(found.map(({ uid, start, end, reminder }) => ({ uid, start, end, reminder }))).toEqual(contosoEvents);
  expect(found[1].summary).toBe('Contoso, Ltd; Teams rollout: decision target');
});
