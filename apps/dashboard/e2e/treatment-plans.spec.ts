import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

// This run's own patient, so the demo's shared data is untouched.
const RUN = Date.now().toString(36);
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/treatment-plans-${name}.png`, fullPage: true });

async function planOnTooth(page: Page, tooth: number, description: string, price: string) {
  await page.getByRole('button', { name: new RegExp(`^Tooth ${tooth} \\(`) }).click();
  await page.getByRole('button', { name: `Add treatment on tooth ${tooth}` }).click();
  const dialog = page.getByRole('dialog', { name: `Add treatment on tooth ${tooth}` });
  await dialog.getByLabel('Procedure').selectOption({ index: 0 });
  await dialog.getByLabel('Description').fill(description);
  await dialog.getByLabel('Price (INR)').fill(price);
  await dialog.getByRole('button', { name: 'Add treatment' }).click();
  await expect(dialog).toBeHidden();
}

test('a dentist plans two teeth, groups them in a plan with its total, and records the patient accepting it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  const patient = await trpc<{ id: string }>(
    page,
    'patients.create',
    { firstName: 'Nila', lastName: `Plan${RUN}`, phone: `93${String(Date.now() % 100_000_000).padStart(8, '0')}` },
    true,
  );
  await page.context().clearCookies();

  await signInStaff(page, DEMO.staff.clinician.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await page.goto(`/patients/${patient.id}?tab=treatments`);
  await expect(page.getByText('No treatment plans yet')).toBeVisible();

  await planOnTooth(page, 3, 'Root canal', '6500');
  await planOnTooth(page, 14, 'Composite filling', '1500');

  await page.getByRole('button', { name: 'New plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'New plan' });
  await dialog.getByLabel('Plan name').fill('Upper molars');
  await dialog.getByRole('checkbox', { name: /Root canal/ }).check();
  await expect(dialog.getByText('1 chosen · Total ₹6,500')).toBeVisible();
  await dialog.getByRole('checkbox', { name: /Composite filling/ }).check();
  await expect(dialog.getByText('2 chosen · Total ₹8,000')).toBeVisible();
  await dialog.getByRole('button', { name: 'Propose plan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Proposed the plan Upper molars.')).toBeVisible();

  const plan = page.getByRole('article', { name: 'Upper molars' });
  await expect(plan).toContainText('Proposed');
  await expect(plan).toContainText('Tooth 3 (FDI 16');
  await expect(plan).toContainText('Tooth 14 (FDI 26');
  await expect(plan.getByRole('definition').last()).toHaveText('₹8,000');
  // Work on a plan the patient has not accepted cannot start; the API says why.
  const rootCanal = page.getByRole('list', { name: 'All treatments' }).getByRole('article', { name: 'Root canal' });
  await rootCanal.getByRole('button', { name: 'Mark in progress for Root canal' }).click();
  await expect(rootCanal.getByRole('alert')).toContainText('has not accepted this plan');
  await plan.scrollIntoViewIfNeeded();
  await shot(page, '1280');

  await page.setViewportSize({ width: 390, height: 844 });
  await plan.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, '390');
  await page.setViewportSize({ width: 1280, height: 900 });

  await plan.getByRole('button', { name: 'Accept Upper molars' }).click();
  const confirm = page.getByRole('dialog', { name: 'Accept Upper molars' });
  await expect(confirm).toContainText('2 treatments for ₹8,000');
  await confirm.getByRole('button', { name: 'Accept plan' }).click();
  await expect(confirm).toBeHidden();
  await expect(plan).toContainText('Accepted');
  await expect(plan.getByRole('button', { name: 'Accept Upper molars' })).toHaveCount(0);
  await expect(plan.getByRole('button', { name: 'Withdraw Upper molars' })).toBeVisible();
  await shot(page, 'accepted');
});
