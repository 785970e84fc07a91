import { DEMO } from '@carelane/db/demo';
import { expect, test } from '@playwright/test';
import { readCodeFromInbox, signInStaff, URLS } from '../../../e2e/helpers';

test('signed-out staff are sent to sign-in', async ({ page }) => {
  await page.goto(`${URLS.dashboard}/today`);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { name: 'Sign in to your clinic' })).toBeVisible();
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signInStaff(page, DEMO.staff.frontDesk.email, 'wrong-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Email, phone or password is not correct.' })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('front desk signs in and sees today’s appointments by clinician', async ({ page }) => {
  await signInStaff(page, DEMO.staff.frontDesk.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(page.getByText(DEMO.staff.frontDesk.name)).toBeVisible();
  // The seed gives every clinician of the first centre appointments today.
  const meera = page.getByRole('list', { name: `Appointments with ${DEMO.staff.clinician.name}` });
  await expect(meera.getByRole('listitem').first()).toBeVisible();
  expect(await meera.getByRole('listitem').count()).toBeGreaterThan(2);
  await expect(page.getByText(/\d+ appointments/)).toBeVisible();
  await page.screenshot({ path: 'test-results/today.png', fullPage: true });

  // Navigation reaches the other sections; coming sections say what is coming.
  await page.getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByRole('heading', { name: 'Billing' })).toBeVisible();
  await page.getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { name: 'Analytics' })).toBeVisible();
  await expect(page.getByText('Coming soon')).toBeVisible();

  // Signing out ends the session: the protected page sends us back to sign-in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`${URLS.dashboard}/today`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('staff can sign in with a one-time code sent to their phone', async ({ page, context }) => {
  await page.goto(`${URLS.dashboard}/sign-in`);
  await page.getByRole('tab', { name: 'One-time code' }).click();
  await page.getByLabel('Mobile number').fill(DEMO.staff.frontDesk.phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByText(/a 6-digit code is on its way/)).toBeVisible();
  const inbox = await context.newPage();
  const code = await readCodeFromInbox(inbox, DEMO.staff.frontDesk.phone);
  await inbox.close();
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/today/);
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
});
