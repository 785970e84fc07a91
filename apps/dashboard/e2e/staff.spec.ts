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

  // The menu offers only what the role may use: front desk bills, but has no staff list, and
  // nobody is offered a section that is not built.
  const menu = page.getByRole('navigation', { name: 'Main' }).first();
  await menu.getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByRole('heading', { name: 'Billing' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Staff' })).toHaveCount(0);
  await expect(menu.getByRole('link', { name: 'Analytics' })).toHaveCount(0);
  // A typed address says why, with nothing to retry.
  await page.goto(`${URLS.dashboard}/staff`);
  await expect(page.getByText('Not available for your role')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);

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

test('each role is offered its own sections: the admin reaches Staff, a clinician has no Messages', async ({
  page,
}) => {
  const menu = page.getByRole('navigation', { name: 'Main' }).first();
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await menu.getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('heading', { name: 'Staff' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Staff members' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  // Signing out navigates to sign-in: let it land before starting the next sign-in.
  await expect(page).toHaveURL(/\/sign-in/);

  await signInStaff(page, DEMO.staff.clinician.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await expect(menu.getByRole('link', { name: 'Messages' })).toHaveCount(0);
  await expect(menu.getByRole('link', { name: 'Patients' })).toBeVisible();
  await page.goto(`${URLS.dashboard}/messages`);
  await expect(page.getByText('Not available for your role')).toBeVisible();
  await page.screenshot({ path: 'test-results/not-allowed.png', fullPage: true });
});
