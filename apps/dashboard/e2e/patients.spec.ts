import { DEMO } from '@carelane/db/demo';
import { expect, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';

const patientName = `${DEMO.patient.firstName} ${DEMO.patient.lastName}`;

test('the front desk finds a patient by a misspelt name, opens the record and changes the phone', async ({ page }) => {
  test.slow(); // scrolls through the whole registry, page by page
  await signInStaff(page, DEMO.staff.frontDesk.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();

  // The figures and the whole registry before any search: the 300 demo patients, and any an
  // earlier test imported.
  const stats = page.getByRole('region', { name: 'Patient statistics' });
  await expect(stats.getByText('Seen in the last 90 days')).toBeVisible();
  const count = page.getByText(/^[\d,]+ patients$/);
  await expect(count).toBeVisible();
  const total = Number((await count.textContent())?.replace(/\D/g, ''));
  expect(total).toBeGreaterThanOrEqual(300);
  const table = page.getByRole('list', { name: 'Patients' });
  // Rows are drawn only while on screen: far fewer than all of them.
  expect(await table.getByRole('link').count()).toBeLessThan(100);

  // The splits behind the figures, as bars with their numbers.
  await stats.getByText('By sex, age and lead source').click();
  await expect(stats.getByRole('heading', { name: 'Lead source' })).toBeVisible();
  await page.screenshot({ path: 'test-results/patients-all-desktop.png', fullPage: true });

  // Scrolling to the end loads page after page until the last patient is drawn.
  await expect(async () => {
    await page.mouse.wheel(0, 20_000);
    await expect(table.locator(`li[aria-posinset="${total}"]`)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
  await page.evaluate(() => window.scrollTo(0, 0));

  // Search as you type, with a typo in each word; the query lands in the address.
  await page.getByLabel('Search patients').fill('Arjn Sharm');
  await expect(page).toHaveURL(/q=Arjn\+Sharm/);
  const row = table.getByRole('link', { name: patientName });
  await expect(row.first()).toBeVisible();

  await page.screenshot({ path: 'test-results/patients-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/patients-mobile.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // A filter chip narrows the list and is removed with its own button.
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByLabel('Sex').selectOption('female');
  const chip = page.getByRole('list', { name: 'Active filters' });
  await expect(chip).toContainText('Female');
  await page.getByRole('button', { name: 'Remove filter: Female' }).click();
  await expect(chip).not.toContainText('Female');
  await expect(row.first()).toBeVisible();

  await row.first().click();
  await expect(page.getByRole('heading', { name: patientName, level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('98765 00001');

  await page.screenshot({ path: 'test-results/patient-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/patient-mobile.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The front desk sees that notes exist, never their text.
  await page.getByRole('tab', { name: 'Notes' }).click();
  await expect(page.getByRole('button', { name: 'Add a note or session' })).toHaveCount(0);

  // Edit the phone in another common format; it is saved in E.164 and shown formatted.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('link', { name: `Edit ${patientName}` }).click();
  const phone = page.getByLabel('Mobile number');
  await expect(phone).toHaveValue(DEMO.patient.phone);
  await phone.fill('098765 11199');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: patientName, level: 1 })).toBeVisible();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('+91 98765 11199');

  // A new patient with that number is refused on the field, naming who has it, with a way there.
  await page.getByRole('link', { name: '← Patients' }).click();
  await page.getByRole('link', { name: 'New patient' }).click();
  await page.getByLabel('First name').fill('Kavya');
  await page.getByLabel('Birth date').fill('2999-01-01');
  await page.getByLabel('Mobile number').fill('+91 98765 11199');
  await page.getByRole('button', { name: 'Add patient' }).click();
  // The API's own schema, run in the browser, refuses the impossible date before anything is sent.
  await expect(page.getByText('The birth date cannot be in the future')).toBeVisible();
  await page.getByLabel('Birth date').fill('2019-06-01');
  await page.getByRole('button', { name: 'Add patient' }).click();
  await expect(page.getByText(`Another patient already has this number: ${patientName}`)).toBeVisible();
  await expect(page.getByLabel('Mobile number')).toHaveAttribute('aria-invalid', 'true');
  // The link goes straight to the patient who holds the number.
  await page.getByRole('link', { name: new RegExp(`^Open ${patientName} \\([A-Z]+-\\d+\\)$`) }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);

  // Put the demo patient's number back: other tests sign in with it.
  await page.getByRole('link', { name: `Edit ${patientName}` }).click();
  await page.getByLabel('Mobile number').fill(DEMO.patient.phone);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('98765 00001');
});

test('a clinician writes a session with vitals on a patient and amends it; the original is kept', async ({ page }) => {
  await signInStaff(page, DEMO.staff.clinician.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await page.goto('/patients');
  await page.getByLabel('Search patients').fill('sharma arjun');
  await page.getByRole('list', { name: 'Patients' }).getByRole('link', { name: patientName }).click();
  await page.getByRole('tab', { name: 'Notes' }).click();
  await expect(page).toHaveURL(/tab=notes/);

  await page.getByRole('button', { name: 'Add a note or session' }).click();
  await page.getByLabel('Kind').selectOption('session');
  await page.getByLabel('Note', { exact: true }).fill('Follow-up for blood pressure.');
  // Vitals are checked in the browser by the API's own ranges before anything is sent.
  await page.getByLabel('Temperature (°C)').fill('98.6');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Temperature must be between 30 and 45 °C')).toBeVisible();
  await page.getByLabel('Temperature (°C)').fill('37.2');
  await page.getByLabel('Systolic pressure (mmHg)').fill('138');
  await page.getByLabel('Diastolic pressure (mmHg)').fill('88');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Note added.')).toBeVisible();
  const session = page.getByRole('article', { name: `Session by ${DEMO.staff.clinician.name}` });
  await expect(session).toContainText('Follow-up for blood pressure.');
  await expect(session).toContainText('Systolic pressure 138 mmHg');

  await session.getByRole('button', { name: 'Amend this session' }).click();
  await page.getByLabel('Note', { exact: true }).fill('Follow-up for blood pressure; review in two weeks.');
  await page.getByLabel('Why it is amended').fill('Added the review date');
  await page.getByRole('button', { name: 'Save amendment' }).click();
  await expect(page.getByText('Amended; the original is kept.')).toBeVisible();
  await expect(session).toContainText('review in two weeks');
  await expect(session).toContainText('amended 1×');
  await session.getByText('Earlier versions and reasons').click();
  await expect(session).toContainText('Added the review date');
});
