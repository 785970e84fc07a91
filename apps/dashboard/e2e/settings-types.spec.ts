import { DEMO } from '@carelane/db/demo';
import { expect, test } from '@playwright/test';
import { signInStaff, URLS } from '../../../e2e/helpers';

test('an appointment type the server refuses says which fields to fix in plain words, prices in the clinic’s currency', async ({
  page,
}) => {
  await signInStaff(page, DEMO.staff.manager.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await page.goto(`${URLS.dashboard}/settings`);
  await page.getByRole('button', { name: 'Edit General consultation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit General consultation' });
  await expect(dialog.getByLabel('Price (₹)')).toHaveValue('500');

  // A whole number passes the form's own check; the server's limit is 4 hours.
  await dialog.getByLabel('Slot interval (minutes)').fill('300');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Check the highlighted fields: Slot interval (minutes).');
  await expect(dialog.getByText('At most 4 hours')).toBeVisible();
  await expect(dialog.getByLabel('Slot interval (minutes)')).toBeFocused();

  // What the form itself refuses reads the same way.
  await dialog.getByLabel('Slot interval (minutes)').fill('15');
  await dialog.getByLabel('Price (₹)').fill('499.999');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Check the highlighted fields: Price.');
  await expect(dialog.getByText('Enter the price like 500 or 499.50')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
