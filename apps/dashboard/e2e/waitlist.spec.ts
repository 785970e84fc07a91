import { DEMO } from '@carelane/db/demo';
import { expect, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';

const patientName = `${DEMO.patient.firstName} ${DEMO.patient.lastName}`;

test('the front desk adds a patient to the waitlist for a clinician, sees the entry and removes it', async ({
  page,
}) => {
  await signInStaff(page, DEMO.staff.frontDesk.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await page.getByRole('link', { name: 'Waitlist' }).click();
  await expect(page.getByRole('heading', { name: 'Waitlist', level: 1 })).toBeVisible();
  // The demo seed puts no one on the waitlist.
  await expect(page.getByText('No one is waiting')).toBeVisible();

  await page.getByRole('button', { name: 'Add to waitlist' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to the waitlist' });
  // The dialog opens on the patient search; find the patient by the digits of their phone.
  await expect(dialog.getByLabel('Patient', { exact: true })).toBeFocused();
  await dialog.getByLabel('Patient', { exact: true }).fill(DEMO.patient.phone.slice(-10));
  await dialog.getByRole('list', { name: 'Matching patients' }).getByRole('button', { name: patientName }).click();
  // Keyboard focus moves to what replaced the results.
  await expect(dialog.getByRole('button', { name: 'Change patient' })).toBeFocused();
  await dialog.getByLabel('Clinician', { exact: true }).selectOption({ label: DEMO.staff.clinician.name });
  await dialog.getByLabel('Appointment type').selectOption({ label: 'General consultation (15 min)' });
  await dialog.getByLabel('Notes (optional)').fill('Mornings only');
  await dialog.getByRole('button', { name: 'Add to waitlist' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Added ${patientName} to the waitlist for ${DEMO.staff.clinician.name}.`)).toBeVisible();

  const entry = page.getByRole('article', { name: patientName });
  await expect(entry).toContainText(DEMO.staff.clinician.name);
  await expect(entry).toContainText('General consultation');
  await expect(entry).toContainText('Mornings only');
  await expect(entry).toContainText('Waiting under an hour');
  await expect(entry).toContainText('No time offered yet.');
  await expect(entry.getByRole('link', { name: /98765\s?00001/ })).toHaveAttribute('href', `tel:${DEMO.patient.phone}`);

  // Filtering by the clinician keeps the entry; by another specialisation hides it.
  await page.getByLabel('Clinician', { exact: true }).selectOption({ label: DEMO.staff.clinician.name });
  await expect(page).toHaveURL(/clinician=/);
  await expect(entry).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Specialisation').selectOption('Dentistry');
  await expect(page.getByText('No one matches these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(entry).toBeVisible();

  await page.screenshot({ path: 'test-results/waitlist-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/waitlist-mobile.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Removing asks first; keeping changes nothing.
  await entry.getByRole('button', { name: `Remove ${patientName} from the waitlist` }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove from the waitlist?' });
  await expect(confirm).toContainText(`with ${DEMO.staff.clinician.name}`);
  await expect(confirm.getByRole('button', { name: 'Keep on waitlist' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Keep on waitlist' }).click();
  await expect(confirm).toBeHidden();
  await expect(entry).toBeVisible();

  await entry.getByRole('button', { name: `Remove ${patientName} from the waitlist` }).click();
  await confirm.getByRole('button', { name: 'Remove from waitlist' }).click();
  await expect(page.getByText(`Removed ${patientName} from the waitlist.`)).toBeVisible();
  await expect(entry).toHaveCount(0);
  await expect(page.getByText('No one is waiting')).toBeVisible();

  // The removed entry is still on record under its status.
  await page.getByLabel('Status').selectOption({ label: 'Removed or left' });
  await expect(entry).toContainText('Removed or left');
  await expect(entry.getByRole('button', { name: /Remove/ })).toHaveCount(0);
});
