import { DEMO } from '@carelane/db/demo';
import { expect, test } from '@playwright/test';
import { readCodeFromInbox, URLS } from './helpers';

test.use({ viewport: { width: 390, height: 844 } });

test('the booking home page lists clinicians and filters them', async ({ page }) => {
  await page.goto(URLS.booking);
  const list = page.getByRole('list', { name: 'Clinicians' });
  await expect(list.getByRole('listitem')).toHaveCount(6);
  await page.getByLabel('Specialisation').selectOption('Dentistry');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('Dentistry');
  await expect(page.getByText('2 clinicians')).toBeVisible();
});

test('signed-out patients are sent to sign-in from My appointments', async ({ page }) => {
  await page.goto(`${URLS.booking}/appointments`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a patient signs in by a code and sees their own appointments', async ({ page, context }) => {
  await page.goto(`${URLS.booking}/sign-in`);
  await page.getByLabel('Mobile number').fill(DEMO.patient.phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByText(/a code is on its way/)).toBeVisible();

  const inbox = await context.newPage();
  const code = await readCodeFromInbox(inbox, DEMO.patient.phone);
  await inbox.close();

  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/appointments/);
  await expect(page.getByRole('heading', { name: 'My appointments' })).toBeVisible();
  await expect(page.getByText(`${DEMO.patient.firstName}, your visits`)).toBeVisible();
  const upcoming = page.getByRole('list', { name: 'Upcoming appointments' });
  const past = page.getByRole('list', { name: 'Past appointments' });
  expect(await upcoming.getByTestId('visit').count()).toBeGreaterThanOrEqual(2);
  expect(await past.getByTestId('visit').count()).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: 'test-results/my-appointments.png', fullPage: true });

  // Asking for another code straight away is throttled, with a sentence saying how long to wait.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto(`${URLS.booking}/appointments`);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Mobile number').fill(DEMO.patient.phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /Please wait \d+ seconds/ })).toBeVisible();
});
