import { readFile } from 'node:fs/promises';
import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

// This run's own procedure, patient and treatment, so the demo's shared data is untouched.
const RUN = Date.now().toString(36);
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/billing-tab-${name}.png`, fullPage: true });

test('front desk invoices a done treatment, issues it, takes a cash part payment and then the rest', async ({
  page,
  browser,
}) => {
  // The admin prices a procedure and records the treatment; the front desk bills it.
  const admin = await browser.newPage();
  await signInStaff(admin, DEMO.staff.admin.email, DEMO.password);
  await expect(admin).toHaveURL(/\/today/);
  const procedureName = `Root canal ${RUN}`;
  const procedure = await trpc<{ id: string }>(
    admin,
    'procedures.save',
    { name: procedureName, priceMinor: 450_000 },
    true,
  );
  const patient = await trpc<{ id: string }>(
    admin,
    'patients.create',
    { firstName: 'Bela', lastName: `Bills${RUN}`, phone: `93${String(Date.now() % 100_000_000).padStart(8, '0')}` },
    true,
  );
  await trpc(
    admin,
    'treatments.create',
    { patientId: patient.id, procedureId: procedure.id, tooth: 19, status: 'done' },
    true,
  );
  await admin.close();

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInStaff(page, DEMO.staff.frontDesk.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  await page.goto(`/patients/${patient.id}?tab=payments`);
  await expect(page.getByTestId('patient-balance')).toHaveText('Nothing owed');
  await expect(page.getByText('No invoices yet')).toBeVisible();

  await page.getByRole('button', { name: 'New invoice' }).click();
  const dialog = page.getByRole('dialog', { name: 'New invoice' });
  const item = dialog.getByLabel(`${procedureName} (tooth 19) · ₹4,500`);
  await item.check();
  const totals = dialog.getByRole('definition');
  await expect(totals.last()).toHaveText('₹4,500');
  // A 10 % invoice discount previews exactly, then is taken off again.
  await dialog.getByLabel('Discount %').fill('10');
  await expect(totals.last()).toHaveText('₹4,050');
  await dialog.getByLabel('Discount %').fill('');
  await shot(page, 'new-invoice-1280');
  await dialog.getByRole('button', { name: 'Save and issue' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Invoice \d+ issued\.$/)).toBeVisible();
  await expect(page.getByTestId('patient-balance')).toHaveText('Owes ₹4,500');

  const invoices = page.getByRole('table', { name: 'Invoices' });
  await expect(invoices.getByRole('row')).toHaveCount(2);
  await expect(invoices).toContainText('Issued');
  await invoices.getByRole('link', { name: /^Invoice \d+$/ }).click();
  await expect(page).toHaveURL(/\/invoices\//);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Issued');
  await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute('href', /\/api\/invoices\/.+\/pdf$/);
  // Front desk may not void.
  await expect(page.getByRole('button', { name: 'Void' })).toHaveCount(0);

  // A cash part payment: the amount starts at the balance.
  await page.getByRole('button', { name: 'Record payment' }).click();
  const pay = page.getByRole('dialog', { name: 'Record payment' });
  await expect(pay.getByLabel('Amount (INR)')).toHaveValue('4500');
  await pay.getByLabel('Amount (INR)').fill('5000');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(pay.getByText('That is more than the balance of ₹4,500.')).toBeVisible();
  await pay.getByLabel('Method').selectOption('cash');
  await pay.getByLabel('Amount (INR)').fill('1500.50');
  await pay.getByLabel('Reference (optional)').fill('Desk receipt 1');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(pay).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Partly paid');
  await expect(page.getByTestId('invoice-balance')).toHaveText('₹2,999.50');
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText('Desk receipt 1');
  await expect(page.getByRole('link', { name: 'Receipt' })).toHaveAttribute('href', /\/api\/payments\/.+\/receipt$/);
  await shot(page, 'invoice-partly-paid-1280');
  // The receipt of that cash payment downloads as a PDF.
  const [receipt] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Receipt' }).click(),
  ]);
  expect(receipt.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await readFile((await receipt.path()) ?? '');
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(5_000);

  // The rest: prefilled with the new balance.
  await page.getByRole('button', { name: 'Record payment' }).click();
  await expect(pay.getByLabel('Amount (INR)')).toHaveValue('2999.50');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(pay).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Paid');
  await expect(page.getByTestId('invoice-balance')).toHaveText('₹0');
  await expect(page.getByRole('button', { name: 'Record payment' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Patient’s payments' }).click();
  await expect(page.getByTestId('patient-balance')).toHaveText('Nothing owed');
  const statement = page.getByRole('table', { name: 'Statement' });
  await expect(statement.getByRole('row')).toHaveCount(4);
  await expect(statement.getByRole('row').last()).toContainText('₹0');
  await shot(page, 'tab-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'tab-390');
  await page.getByRole('link', { name: /^Invoice \d+$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Paid');
  await shot(page, 'invoice-390');
});
