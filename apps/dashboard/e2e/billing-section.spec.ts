import { DEMO } from '@carelane/db/demo';
import { expect, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

// This run's own patient, so the demo's bills stay as seeded.
const PHONE = `94${String(Date.now() % 100_000_000).padStart(8, '0')}`;

type Takings = { days: { date: string; netMinor: number }[]; currency: string };

test('an issued, part-paid invoice is outstanding on the Billing page, found by number, and in the takings', async ({
  page,
}) => {
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  const profile = await trpc<{ organization: { zone: string } }>(page, 'me.profile');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: profile.organization.zone }).format(new Date());
  const takingsToday = async () =>
    (await trpc<Takings>(page, 'invoices.takings', { from: today, to: today })).days[0]?.netMinor ?? 0;
  const before = await takingsToday();

  const patient = await trpc<{ id: string }>(
    page,
    'patients.create',
    { firstName: 'Ishaan', lastName: 'Billing', phone: PHONE, birthDate: '1988-02-03' },
    true,
  );
  const draft = await trpc<{ id: string }>(
    page,
    'invoices.create',
    { patientId: patient.id, lines: [{ description: 'Scaling and polishing', unitPriceMinor: 320_000 }] },
    true,
  );
  const invoice = await trpc<{ id: string; number: number }>(page, 'invoices.issue', { id: draft.id }, true);
  await trpc(page, 'invoices.recordPayment', { invoiceId: invoice.id, method: 'cash', amountMinor: 120_050 }, true);
  const after = await takingsToday();
  expect(after - before).toBe(120_050);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('navigation').getByRole('link', { name: 'Billing' }).first().click();
  await expect(page).toHaveURL(/\/billing/);
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Outstanding \(\d+\)$/ })).toHaveAttribute('aria-selected', 'true');

  // Outstanding (the default tab) lists it with its balance.
  const table = page.getByRole('table', { name: 'Invoices' });
  const row = table.getByRole('row').filter({ hasText: 'Ishaan Billing' });
  await expect(row.getByRole('link', { name: `#${invoice.number} invoice of Ishaan Billing` })).toBeVisible();
  await expect(row).toContainText('₹3,200');
  await expect(row).toContainText('₹1,200.50');
  await expect(row).toContainText('₹1,999.50');
  await expect(row).toContainText('Partly paid');
  await expect(row.getByRole('link', { name: `#${invoice.number} invoice of Ishaan Billing` })).toHaveAttribute(
    'href',
    `/invoices/${invoice.id}`,
  );
  await expect(row.getByRole('link', { name: 'Ishaan Billing', exact: true })).toHaveAttribute(
    'href',
    `/patients/${patient.id}?tab=payments`,
  );

  // Search by the invoice number: it alone is listed, and the tab counts follow the search.
  await page.getByLabel('Search invoices').fill(`#${invoice.number}`);
  await expect(page).toHaveURL(new RegExp(`q=%23${invoice.number}`));
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('tab', { name: 'Outstanding (1)' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Paid (0)' })).toBeVisible();
  await page.getByRole('tab', { name: 'Paid (0)' }).click();
  await expect(page.getByText('No invoice matches')).toBeVisible();
  await page.getByRole('tab', { name: 'All (1)' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'Ishaan Billing' })).toBeVisible();

  // The takings panel shows today's money with this payment in it, cash among the methods.
  const money = (minor: number) =>
    new Intl.NumberFormat('en-IN', {
      style: 'currency',
      currency: 'INR',
      minimumFractionDigits: minor % 100 === 0 ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(minor / 100);
  await expect(page.getByTestId('takings-today')).toHaveText(money(after));
  await expect(page.getByRole('list', { name: 'Today by method' })).toContainText('Cash');
  await expect(page.getByRole('list', { name: 'Takings by day' }).getByRole('listitem')).toHaveCount(7);
  await page.screenshot({ path: 'test-results/billing-1280.png', fullPage: true });

  // On a phone: cards instead of the table, same figures.
  await page.setViewportSize({ width: 390, height: 844 });
  const card = page.getByRole('list', { name: 'Invoices' }).getByRole('listitem').filter({ hasText: 'Ishaan Billing' });
  await expect(card).toContainText('₹1,999.50');
  await expect(card).toContainText('Partly paid');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/billing-390.png', fullPage: true });
});
