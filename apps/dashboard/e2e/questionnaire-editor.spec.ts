import type { Questionnaire } from '@carelane/core';
import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

type Current = { version: number | null; questionnaire: Questionnaire };

const card = (page: Page, position: number, label: string) =>
  page.getByRole('listitem', { name: `Question ${position}: ${label}`, exact: true });

test('an admin adds, orders and conditions questions, publishes a version, and meets a newer one', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  // Specs share one database: what is published now is published again at the end.
  const before = await trpc<Current>(page, 'forms.questionnaire');
  const count = before.questionnaire.questions.length;
  const version = (before.version ?? 0) + 1;

  await page.goto('/settings');
  await page.getByRole('link', { name: 'Edit the questions' }).click();
  await expect(page.getByRole('heading', { name: 'Medical-history form', level: 1 })).toBeVisible();
  const publish = page.getByRole('button', { name: `Publish version ${version}` }).first();
  await expect(publish).toBeVisible();

  // A yes/no question, required, then a follow-up shown only after "Yes".
  await page.getByRole('button', { name: 'Add question' }).click();
  const vape = count + 1;
  await expect(page.getByLabel(`Question ${vape}`, { exact: true })).toBeFocused();
  await page.getByLabel(`Question ${vape}`, { exact: true }).fill('Do you vape?');
  await page.getByLabel(`Type of question ${vape}`).selectOption({ label: 'Yes / no' });
  await page.getByLabel(`Question ${vape} is required`).check();
  await page.getByRole('button', { name: 'Add question' }).click();
  const follow = count + 2;
  await page.getByLabel(`Question ${follow}`, { exact: true }).fill('How often do you vape?');
  await page
    .getByLabel(`Show question ${follow}`)
    .selectOption({ label: `When question ${vape}, “Do you vape?”, is…` });
  await expect(card(page, follow, 'How often do you vape?').getByLabel('Answer', { exact: true })).toHaveValue('yes');
  await expect(page.getByText('Id do-you-vape (set from the text until published)')).toBeVisible();

  // Up one with the button, up one more by keyboard drag on the handle.
  await page.getByRole('button', { name: `Move up question ${vape}` }).click();
  await expect(card(page, vape - 1, 'Do you vape?')).toBeVisible();
  const handle = page.getByRole('button', { name: `Drag question ${vape - 1} to reorder` });
  // Each key waits for the drag's announcement: the library measures the cards between keys.
  await handle.focus();
  await page.keyboard.press('Space');
  const live = page.locator('[id^="DndLiveRegion"]');
  await expect(live).toHaveText(`“Do you vape?” is over position ${vape - 1} of ${follow}.`);
  await page.keyboard.press('ArrowUp');
  await expect(live).toHaveText(`“Do you vape?” is over position ${vape - 2} of ${follow}.`);
  await page.keyboard.press('Space');
  await expect(card(page, vape - 2, 'Do you vape?')).toBeVisible();
  await expect(card(page, follow, 'How often do you vape?')).toBeVisible();

  // The preview shows the follow-up only after "Yes".
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByLabel('How often do you vape?')).toHaveCount(0);
  await preview
    .getByRole('group', { name: /^Do you vape\?/ })
    .getByLabel('Yes')
    .check();
  await expect(preview.getByLabel('How often do you vape?')).toBeVisible();
  await page.screenshot({ path: '/tmp/questionnaire-desktop.png', fullPage: true });

  await publish.click();
  await expect(page.getByRole('status').filter({ hasText: `Published version ${version}.` })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('questionnaire-version')).toContainText(`Version ${version}, published`);
  await expect(card(page, vape - 2, 'Do you vape?')).toBeVisible();
  await expect(card(page, follow, 'How often do you vape?')).toBeVisible();
  await expect(page.getByLabel(`Question ${vape - 2} is required`)).toBeChecked();
  await expect(page.getByLabel(`Show question ${follow}`)).toHaveValue('do-you-vape');
  await expect(page.getByText('Id do-you-vape (kept, so earlier answers still match)')).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/questionnaire-phone.png', fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Someone else publishes meanwhile (the questions as they were): publishing these edits is refused.
  const restored = await trpc<{ version: number }>(
    page,
    'forms.publish',
    { baseVersion: version, questions: before.questionnaire.questions },
    true,
  );
  expect(restored.version).toBe(version + 1);
  await page.getByLabel(`Question ${follow}`, { exact: true }).fill('How many times a day?');
  await page
    .getByRole('button', { name: `Publish version ${version + 1}` })
    .first()
    .click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Someone else published these questions meanwhile' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Load the latest' }).click();
  await expect(page.getByTestId('questionnaire-version')).toContainText(`Version ${version + 1}, published`);
  await expect(page.getByRole('heading', { name: `Questions (${count})` })).toBeVisible();
  await expect(page.getByText('Do you vape?')).toHaveCount(0);
});
