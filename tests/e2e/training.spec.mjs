// The training workspace: found from the navigation, a scenario played with the steps and
// with the clock (the auto-rejection appears as the clock passes the partner's deadline),
// taken over on the claim page, reset; real claims byte-for-byte unchanged throughout.
import { test, expect } from '@playwright/test';
import { appReady, catalogue, forbidNetwork, shotWidths, visibleEnglish } from './helpers.mjs';
import { storeClaims, submitted } from './fixtures.mjs';

const real = submitted('66666666-6666-4666-8666-666666666666', 'Fabrikam real claim', {
  partner_id: '1234567', customer_domain: 'fabrikam.com', tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  solution_area: 'Microsoft365', activities: ['Usage'], products: [{ product: 'MicrosoftIntune' }],
});

/**
 * Everything stored outside the training workspace, raw: local storage entries and every
 * IndexedDB database's records (training's own database or stores left out).
 */
async function realStorage(page) {
  return page.evaluate(async () => {
    const local = Object.keys(localStorage)
      .filter((key) => !key.startsWith('cpor-desk-training/'))
      .sort()
      .map((key) => [key, localStorage.getItem(key)]);
    const idb = [];
    const databases = indexedDB.databases ? await indexedDB.databases() : [];
    for (const { name } of databases) {
      if (!name || name.includes('training')) continue;
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of [...db.objectStoreNames].sort()) {
        if (store.includes('training')) continue;
        const rows = await new Promise((resolve, reject) => {
          const tx = db.transaction(store, 'readonly');
          const keys = tx.objectStore(store).getAllKeys();
          const values = tx.objectStore(store).getAll();
          tx.oncomplete = () => resolve(keys.result.map((key, i) => [JSON.stringify(key), JSON.stringify(values.result[i])]));
          tx.onerror = () => reject(tx.error);
        });
        idb.push([name, store, rows]);
      }
      db.close();
    }
    return { local, idb };
  });
}

/** How many claims the training workspace's database holds. */
const trainingClaims = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const request = indexedDB.open('cpor-desk-training');
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains('claims')) { db.close(); resolve(0); return; }
    const count = db.transaction('claims', 'readonly').objectStore('claims').count();
    count.onsuccess = () => { db.close(); resolve(count.result); };
    count.onerror = () => { db.close(); reject(count.error); };
  };
}));
const ours = (page) => page.locator('.training-claim[data-claim-key="claim.ours"]');

test('a scenario plays with steps and with the clock, is taken over and reset; real claims are untouched', async ({ page }) => {
  const outside = forbidNetwork(page);
  const en = catalogue('en');
  await page.goto('./');
  await appReady(page);
  await storeClaims(page, [real]);
  await page.reload();
  await appReady(page);
  await expect(page.getByRole('table').getByText('Fabrikam real claim')).toBeVisible();
  const before = await realStorage(page);
  expect(JSON.stringify(before.idb)).toContain('Fabrikam real claim');

  // Found from the navigation; the band says it is training.
  await page.getByRole('navigation').getByRole('link', { name: 'Training' }).click();
  await expect(page).toHaveURL(/#\/training$/);
  await expect(page.getByTestId('training-band')).toContainText(en['training.band']);
  await expect(page.getByText('Fabrikam real claim')).toHaveCount(0);

  // Start the missed-information scenario: at its start, the claim is a draft.
  await page.locator('[data-scenario="information_missed"] button').click();
  await expect(page.locator('h1')).toHaveText(en['scenario.title.information_missed']);
  await expect(ours(page)).toHaveAttribute('data-status', 'draft');
  await expect(page.locator('#training-progress')).toHaveText('0 of 7 steps done');

  // → steps forward (keyboard), the button too; the lesson follows.
  await page.keyboard.press('ArrowRight');
  await expect(ours(page)).toHaveAttribute('data-status', 'submitted');
  await expect(page.locator('.step-panel')).toContainText('Step 1 of 7');
  await expect(page.locator('.step-panel .lesson')).toContainText('The partner submits the claim.');
  await page.locator('#training-next').click();
  await expect(ours(page)).toHaveAttribute('data-status', 'under_review');
  // Ask the room before the information request: three dates, then the right one and why.
  await expect(page.locator('.ask-room .room-question')).toHaveText(en['scenario.question.partner_response']);
  await expect(page.locator('.room-choice')).toHaveCount(3);
  await page.locator('#training-reveal').click();
  await expect(page.locator('.room-choice[data-verdict="right"]')).toHaveCount(1);
  await expect(page.locator('.room-choice[data-verdict="right"]')).toContainText('Wed, Mar 18, 2026');
  await expect(page.locator('.room-why')).toContainText('business days after');
  await page.locator('#training-next').click();
  await expect(ours(page)).toHaveAttribute('data-status', 'partner_action_required');
  await expect(page.locator('.step-panel .lesson')).toContainText('until the end of Wed, Mar 18, 2026');
  await expect(ours(page).locator('[data-clock="partner_response"]')).toBeVisible();

  // ← steps back.
  await page.keyboard.press('ArrowLeft');
  await expect(ours(page)).toHaveAttribute('data-status', 'under_review');
  await page.locator('#training-next').click();
  await expect(ours(page)).toHaveAttribute('data-status', 'partner_action_required');

  // Jump to an hour before the partner's deadline, play at an hour a second (space), and
  // the claim is rejected when the clock passes the deadline.
  await page.locator('#training-jump').fill('2026-03-18T23:00');
  await page.locator('.jump button[type="submit"]').click();
  await expect(page.locator('#training-now')).toContainText('11:00');
  await expect(ours(page)).toHaveAttribute('data-status', 'partner_action_required');
  await page.locator('#speed-hour_per_second').check();
  await page.locator('h1').click();
  await page.keyboard.press(' ');
  await expect(page.locator('#training-play')).toHaveAttribute('aria-pressed', 'true');
  await expect(ours(page)).toHaveAttribute('data-status', 'rejected', { timeout: 30_000 });
  await page.keyboard.press(' ');
  await expect(page.locator('#training-play')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.step-panel .lesson')).toContainText('Nobody responded by the end of Wed, Mar 18, 2026');

  // Back to the deadline step exactly, then to the start.
  await page.locator('#training-start').click();
  await expect(ours(page)).toHaveAttribute('data-status', 'draft');
  await expect(page.locator('#training-progress')).toHaveText('0 of 7 steps done');

  // Next event or deadline runs through the whole script to its end.
  for (let i = 0; i < 12 && (await page.locator('#training-progress').innerText()) !== '7 of 7 steps done'; i += 1) {
    await page.locator('#training-next-event').click();
  }
  await expect(page.locator('#training-progress')).toHaveText('7 of 7 steps done');
  await expect(ours(page)).toHaveAttribute('data-status', 'approved');
  await expect(page.locator('.step-panel .lesson')).toContainText('The association is official');

  // Take over: act on the claim page (a comment), inside training.
  await ours(page).getByRole('link', { name: en['training.open_claim'] }).click();
  await expect(page).toHaveURL(/#\/training\/claim\//);
  await expect(page.getByTestId('training-band')).toBeVisible();
  await page.getByLabel('New comment').fill('Trainer was here');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await expect(page.getByText('Trainer was here').first()).toBeVisible();
  await page.getByTestId('training-band').getByRole('link', { name: en['training.to_scenarios'] }).click();
  await expect(page.locator('.taken-over')).toBeVisible();
  // Stepping returns to the script.
  await page.locator('#training-previous').click();
  await expect(page.locator('.taken-over')).toHaveCount(0);

  // Reset: the training claims are gone.
  await expect.poll(() => trainingClaims(page)).toBe(1);
  await page.locator('#training-choose').click();
  await page.locator('#training-reset').click();
  await expect(page.locator('.training-reset .banner.ok')).toBeVisible();
  await expect.poll(() => trainingClaims(page)).toBe(0);

  // Leaving returns to the real claims exactly as they were.
  await page.getByTestId('training-band').getByRole('link', { name: en['training.leave'] }).click();
  await expect(page.getByRole('table').getByText('Fabrikam real claim')).toBeVisible();
  expect(await realStorage(page)).toEqual(before);
  expect(outside).toEqual([]);
});

const LANGUAGES = [['en-US', 'en'], ['sv-SE', 'sv'], ['de-DE', 'de'], ['nl-NL', 'nl'], ['zh-CN', 'zh-Hans']];

test('a reload returns to the same point of the session, paused; a training draft opens in the training wizard; IDs are unique', async ({ page }) => {
  const en = catalogue('en');
  await page.goto('./#/training');
  await appReady(page);
  await page.locator('[data-scenario="information_missed"] button').click();
  await expect(ours(page)).toHaveAttribute('data-status', 'draft');

  // A draft: "Continue editing" opens the wizard inside training, on the training claim.
  await ours(page).getByRole('link', { name: en['training.open_claim'] }).click();
  // Its way back names where it leads: training, not the dashboard.
  await expect(page.locator('.crumb a')).toHaveText(en['training.nav']);
  await expect(page.locator('.crumb a')).toHaveAttribute('href', '#/training');
  await page.getByRole('link', { name: 'Continue editing' }).click();
  await expect(page).toHaveURL(/#\/training\/claim\/[0-9a-f-]{36}\/edit/);
  await expect(page.getByTestId('training-band')).toBeVisible();
  await expect(page.getByLabel('Claim name', { exact: true })).not.toHaveValue('');
  await page.getByTestId('training-band').getByRole('link', { name: en['training.to_scenarios'] }).click();

  // Two steps on, the answer revealed, larger type; then a reload.
  await page.locator('#training-next').click();
  await page.locator('#training-next').click();
  await page.locator('#training-reveal').click();
  await page.locator('#training-large-type').check();
  await expect(page.locator('#training-progress')).toHaveText('2 of 7 steps done');
  const now = await page.locator('#training-now').innerText();
  // Every element ID on the page is unique (two timelines once named theirs alike).
  const duplicates = () => page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    return ids.filter((id, index) => ids.indexOf(id) !== index);
  });
  expect(await duplicates()).toEqual([]);
  await page.reload();
  await appReady(page);
  await expect(page.locator('h1')).toHaveText(en['scenario.title.information_missed']);
  await expect(page.locator('#training-progress')).toHaveText('2 of 7 steps done');
  await expect(page.locator('#training-now')).toHaveText(now);
  await expect(page.locator('#training-play')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.room-choice[data-verdict="right"]')).toHaveCount(1);
  await expect(page.locator('#training-large-type')).toBeChecked();
  expect(await duplicates()).toEqual([]);

});


test('every scenario runs to its last step in the release build, with no refusal', async ({ page }) => {
  const en = catalogue('en');
  await page.goto('./#/training');
  await appReady(page);
  const ids = await page.locator('[data-scenario]').evaluateAll((cards) => cards.map((card) => card.dataset.scenario));
  expect(ids.length).toBeGreaterThanOrEqual(8);
  for (const id of ids) {
    await page.locator(`[data-scenario="${id}"] button`).click();
    await expect(page.locator('h1')).toHaveText(en[`scenario.title.${id}`]);
    const total = Number(/of (\d+)/.exec(await page.locator('#training-progress').innerText())[1]);
    for (let step = 1; step <= total; step += 1) {
      await page.locator('#training-next').click();
      await expect(page.locator('#training-progress')).toHaveText(`${step} of ${total} steps done`);
    }
    await expect(page.locator('.step-panel')).toContainText(en['training.finished']);
    await expect(page.locator('.banner.error')).toHaveCount(0);
    await page.locator('#training-choose').click();
  }
});

for (const [browser, tag] of LANGUAGES) {
  test.describe(`training screens in ${tag}`, () => {
    test.use({ locale: browser });
    test(`scenario list and player, looked at (${tag})`, async ({ page }) => {
      await page.goto('./#/training');
      await appReady(page);
      await expect(page.locator('.scenario-card')).toHaveCount(8);
      await shotWidths(page, `training-${tag}-scenarios`, expect);
      await page.locator('[data-scenario="christmas_deadline"] button').click();
      // Up to the request before Christmas, asked of the room and revealed.
      const scenario = page.locator('.step-panel');
      await expect(scenario).toBeVisible();
      for (let i = 0; i < 7 && await page.locator('.ask-room').count() === 0; i += 1) await page.locator('#training-next').click();
      await page.locator('#training-reveal').click();
      await expect(page.locator('.room-why')).toBeVisible();
      await shotWidths(page, `training-${tag}-ask`, expect);
      await page.locator('#training-next').click();
      await expect(page.locator('.ask-room')).toHaveCount(0);
      await shotWidths(page, `training-${tag}-step`, expect);
      if (tag !== 'en') expect.soft(await visibleEnglish(page, tag)).toEqual([]);
      await page.locator('#training-large-type').check();
      await shotWidths(page, `training-${tag}-large`, expect);
      await page.locator('#training-large-type').uncheck();
    });
  });
}
