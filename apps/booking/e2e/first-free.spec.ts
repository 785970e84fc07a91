import { expect, test } from '@playwright/test';
import { URLS } from '../../../e2e/helpers';

test.use({ viewport: { width: 390, height: 844 } });

test('a patient finds the first free dental time across clinicians and picks whom to see', async ({ page }) => {
  await page.goto(URLS.booking);
  await page.getByLabel('Specialisation').selectOption('Dentistry');
  await page.getByRole('link', { name: 'see the first free time with anyone' }).click();
  await expect(page).toHaveURL(/\/first-free\?specialisation=Dentistry/);
  await expect(page.getByRole('heading', { name: 'The first free time' })).toBeVisible();
  await expect(page.getByLabel('Specialisation')).toHaveValue('Dentistry');

  const times = page.getByRole('list', { name: /Free times on/ }).getByRole('button');
  await expect(times.first()).toBeVisible();
  // Each time says who is free: one clinician by name, or how many.
  await expect(times.first()).toContainText(/Dr\.|clinicians/);
  await page.screenshot({ path: 'test-results/first-free.png', fullPage: true });

  // A time both dentists have free, when there is one, lists both.
  const shared = times.filter({ hasText: '2 clinicians' }).first();
  const chosen = (await shared.count()) > 0 ? shared : times.first();
  await chosen.click();
  await expect(page.getByRole('heading', { name: 'Whom would you like to see?' })).toBeVisible();
  const people = page.getByRole('group', { name: 'Clinicians free at this time' }).getByRole('radio');
  expect(await people.count()).toBeGreaterThanOrEqual(1);
  await expect(people.first()).toBeChecked();
  await people.last().check();
  await page.screenshot({ path: 'test-results/first-free-whom.png', fullPage: true });

  // Signed out: sign in first, then back to that clinician's page with the time chosen.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  const callback = decodeURIComponent(new URL(page.url()).searchParams.get('callbackUrl') ?? '');
  expect(callback).toMatch(/^\/clinicians\/[a-z0-9-]+\?type=[0-9a-f-]{36}&start=\d{4}-\d{2}-\d{2}T/);
});
