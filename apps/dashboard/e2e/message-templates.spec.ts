import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/shots/templates-${name}.png`, fullPage: true });

test('an admin edits the Hindi WhatsApp reminder with a live preview and changes the reminder schedule', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Edit messages' }).click();
  await expect(page.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();

  const wording = page.getByRole('region', { name: 'Message wording' });
  await wording.getByLabel('Message', { exact: true }).selectOption('reminder');
  await wording.getByLabel('Language').selectOption('hi');
  await wording.getByRole('tab', { name: 'WhatsApp' }).click();
  const body = wording.getByLabel('Message text');
  const preview = wording.getByTestId('preview');
  const original = await body.inputValue();
  expect(original).toContain('{{date}}');

  // The preview follows the text as it is typed, with the Hindi example values.
  await body.fill(`${original}\nधन्यवाद {{patientName}}`);
  await expect(preview).toContainText('धन्यवाद आशा वर्मा');
  await expect(preview).toContainText('मंगल 3 दिस॰');

  // Without {{date}} the reminder is refused before it reaches the server.
  const save = wording.getByRole('button', { name: 'Save', exact: true });
  await body.fill(original.replaceAll('{{date}}', ''));
  await expect(wording.getByText('A reminder must contain {{date}}.')).toBeVisible();
  await expect(save).toBeDisabled();
  await shot(page, 'error');

  // Put it back with the new closing line, save, and it is there after a reload.
  const edited = `${original}\nधन्यवाद {{patientName}}`;
  await body.fill(edited);
  await expect(wording.getByText('A reminder must contain {{date}}.')).toBeHidden();
  await expect(save).toBeEnabled();
  await save.click();
  await expect(wording.getByText(/^Saved the /)).toBeVisible();
  await expect(wording.getByText('Customised')).toBeVisible();
  await shot(page, 'saved');

  // SMS shows its segments and encoding live.
  await wording.getByRole('tab', { name: 'SMS' }).click();
  await expect(wording.getByTestId('sms-segments')).toContainText('Unicode');

  // The reminder schedule: add 30 minutes before and save.
  const schedule = page.getByRole('region', { name: 'Reminder schedule' });
  await schedule.getByLabel('Number').fill('30');
  await schedule.getByLabel('Unit').selectOption('minutes');
  await schedule.getByRole('button', { name: 'Add reminder' }).click();
  await expect(schedule.getByText('30 minutes before')).toBeVisible();
  await schedule.getByRole('button', { name: 'Move SMS up' }).click();
  await schedule.getByRole('button', { name: 'Save schedule' }).click();
  await expect(schedule.getByText('Saved the reminder schedule.')).toBeVisible();

  await page.reload();
  await expect(schedule.getByText('30 minutes before')).toBeVisible();
  await expect(schedule.getByRole('listitem').filter({ hasText: 'SMS' }).first()).toContainText('1.');
  await wording.getByLabel('Message', { exact: true }).selectOption('reminder');
  await wording.getByLabel('Language').selectOption('hi');
  await wording.getByRole('tab', { name: 'WhatsApp' }).click();
  await expect(body).toHaveValue(edited);
  await shot(page, 'reloaded');
});
