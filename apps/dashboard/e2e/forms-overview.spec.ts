import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

const RUN = Date.now().toString(36);
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/forms-overview-${name}.png`, fullPage: true });

test('the Forms section lists every link by state, finds a patient and leads to their Forms tab', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);

  // This run's own patient with two links, one revoked.
  const lastName = `Overview${RUN}`;
  const name = `Farida ${lastName}`;
  const patient = await trpc<{ id: string }>(
    page,
    'patients.create',
    {
      firstName: 'Farida',
      lastName,
      phone: `93${String(Date.now() % 100_000_000).padStart(8, '0')}`,
      birthDate: '1988-02-29',
    },
    true,
  );
  const revoked = await trpc<{ id: string }>(page, 'forms.createLink', { patientId: patient.id }, true);
  await trpc(page, 'forms.createLink', { patientId: patient.id }, true);
  await trpc(page, 'forms.revokeLink', { id: revoked.id }, true);

  // The sidebar leads to the section; newest links come first, so both are on the first page.
  await page.getByRole('link', { name: 'Forms', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Forms', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit the questions' })).toHaveAttribute(
    'href',
    '/settings/questionnaire',
  );
  await expect(page.getByRole('tab', { name: /^All \(\d+\)$/ })).toHaveAttribute('aria-selected', 'true');
  const table = page.getByRole('table', { name: 'Form links' });
  const rows = table.getByRole('row').filter({ hasText: name });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Revoked' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Sent' }).filter({ hasNotText: 'Revoked' })).toHaveCount(1);
  await expect(rows.first()).toContainText(`by ${DEMO.staff.admin.name}`);
  await shot(page, '1280');

  await page.getByRole('tab', { name: /^Revoked/ }).click();
  await expect(page).toHaveURL(/tab=revoked/);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Revoked');

  await page.getByRole('tab', { name: /^Waiting/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Sent');

  // Search by the patient's name, across every state.
  await page.getByRole('tab', { name: /^All/ }).click();
  await page.getByLabel('Search by patient').fill(lastName);
  await expect(page).toHaveURL(new RegExp(`q=${lastName}`));
  await expect(table.getByRole('row')).toHaveCount(3); // the header and this patient's two links
  await expect(page.getByRole('tab', { name: 'All (2)' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Waiting (1)' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Revoked (1)' })).toBeVisible();

  // On a phone the links are cards.
  await page.setViewportSize({ width: 390, height: 844 });
  const cards = page.getByRole('list', { name: 'Form links' }).getByRole('listitem');
  await expect(cards).toHaveCount(2);
  await expect(table).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, '390');

  // The patient's name leads to their Forms tab.
  await cards.first().getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${patient.id}\\?tab=forms`));
  await expect(page.getByRole('tab', { name: 'Forms' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('list', { name: 'Form links' }).getByRole('listitem')).toHaveCount(2);
});
