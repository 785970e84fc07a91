import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';

const RUN = Date.now().toString(36);
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/price-list-${name}.png`, fullPage: true });

test('an admin adds a procedure at 18 % GST, edits it, finds it; a no-show fee on a type survives a reload', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Price list' });

  // Add "Scaling and polishing" at ₹1,500 + 18 % GST.
  await section.getByRole('button', { name: 'Add procedure' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add procedure' });
  await dialog.getByLabel('Name').fill('Scaling and polishing');
  await dialog.getByLabel('Code (optional)').fill('SP-E2E');
  await dialog.getByLabel('Price (₹)').fill('1500');
  await dialog.getByLabel('GST rate (%)').fill('18.255');
  await dialog.getByLabel('Done on a tooth').uncheck();
  await dialog.getByRole('button', { name: 'Add procedure' }).click();
  await expect(dialog.getByText('Enter the rate in percent like 18 or 12.5 (at most 2 decimals)')).toBeVisible();
  await expect(dialog.getByLabel('GST rate (%)')).toBeFocused();
  await dialog.getByLabel('GST rate (%)').fill('18');
  await shot(page, 'dialog-1280');
  await dialog.getByRole('button', { name: 'Add procedure' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByText('Saved Scaling and polishing.')).toBeVisible();
  let row = section.getByRole('row', { name: /Scaling and polishing/ });
  await expect(row).toContainText('₹1,500');
  await expect(row).toContainText('18 %');

  // The same name again is a conflict told in plain words, beside nothing.
  await section.getByRole('button', { name: 'Add procedure' }).click();
  dialog = page.getByRole('dialog', { name: 'Add procedure' });
  await dialog.getByLabel('Name').fill('scaling and polishing');
  await dialog.getByLabel('Price (₹)').fill('100');
  await dialog.getByRole('button', { name: 'Add procedure' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A procedure with this name is already on the price list.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Edit: the dialog shows rupees and percent as typed; the new price lands in the list.
  await section.getByRole('button', { name: 'Edit Scaling and polishing' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit Scaling and polishing' });
  await expect(dialog.getByLabel('Price (₹)')).toHaveValue('1500');
  await expect(dialog.getByLabel('GST rate (%)')).toHaveValue('18');
  await dialog.getByLabel('Price (₹)').fill('1650.50');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  row = section.getByRole('row', { name: /Scaling and polishing/ });
  await expect(row).toContainText('₹1,650.50');

  // The search box filters as it is typed, by name or code.
  await section.getByLabel('Search the price list').fill('sp-e2e');
  await expect(section.getByRole('row')).toHaveCount(2);
  await expect(row).toBeVisible();
  await section.getByLabel('Search the price list').fill('polish');
  await expect(row).toBeVisible();
  await shot(page, 'settings-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await section.scrollIntoViewIfNeeded();
  await shot(page, 'settings-390');
  await page.setViewportSize({ width: 1280, height: 900 });

  // A no-show fee on a type is saved and shown again after a reload.
  const types = page.getByRole('region', { name: 'Appointment types' });
  await types.getByRole('button', { name: 'Edit Dental check-up' }).click();
  let typeDialog = page.getByRole('dialog', { name: 'Edit Dental check-up' });
  await expect(typeDialog.getByLabel('No-show fee (₹)')).toHaveValue('0');
  await typeDialog.getByLabel('No-show fee (₹)').fill('300');
  await typeDialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(typeDialog).toBeHidden();
  await page.reload();
  await types.getByRole('button', { name: 'Edit Dental check-up' }).click();
  typeDialog = page.getByRole('dialog', { name: 'Edit Dental check-up' });
  await expect(typeDialog.getByLabel('No-show fee (₹)')).toHaveValue('300');
  await expect(typeDialog.getByText('Offered as an invoice line when a patient does not come.')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'type-dialog-390');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Put the shared demo data back: no fee, and the procedure renamed and retired.
  await typeDialog.getByLabel('No-show fee (₹)').fill('0');
  await typeDialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(typeDialog).toBeHidden();
  await page.getByRole('region', { name: 'Price list' }).getByLabel('Search the price list').fill('');
  await section.getByRole('button', { name: 'Edit Scaling and polishing' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit Scaling and polishing' });
  await dialog.getByLabel('Name').fill(`Scaling and polishing (test ${RUN})`);
  await dialog.getByLabel('Active').uncheck();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('row', { name: new RegExp(`test ${RUN}`) })).toContainText('Retired');
});
