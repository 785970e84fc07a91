import { DEMO } from '@carelane/db/demo';
import { expect, test } from '@playwright/test';
import { readCodeFromInbox, signInStaff, URLS } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

// This run's own patient, so the demo patient's bills stay as seeded.
const PHONE = `93${String(Date.now() % 100_000_000).padStart(8, '0')}`;
const E164 = `+91${PHONE}`;

test('staff bill a patient and take a part payment; the patient sees it, the balance and the invoice', async ({
  page,
  context,
}) => {
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  const patient = await trpc<{ id: string }>(
    page,
    'patients.create',
    { firstName: 'Meera', lastName: 'Payments', phone: PHONE, birthDate: '1990-05-17' },
    true,
  );
  const draft = await trpc<{ id: string }>(
    page,
    'invoices.create',
    { patientId: patient.id, lines: [{ description: 'Root canal', unitPriceMinor: 450_000 }] },
    true,
  );
  const invoice = await trpc<{ id: string; number: number }>(page, 'invoices.issue', { id: draft.id }, true);
  const payment = await trpc<{ id: string }>(
    page,
    'invoices.recordPayment',
    { invoiceId: invoice.id, method: 'upi', amountMinor: 150_000 },
    true,
  );
  await context.clearCookies();

  // Signed out, the page asks for sign-in first and comes back.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`${URLS.booking}/payments`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpayments/);
  await page.getByLabel('Mobile number').fill(PHONE);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByText(/a code is on its way/)).toBeVisible();
  const inbox = await context.newPage();
  const code = await readCodeFromInbox(inbox, E164);
  await inbox.close();
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/payments/);
  await expect(page.getByRole('heading', { name: 'Payments', level: 1 })).toBeVisible();
  await expect(page.getByText('You owe ₹3,000 in all.')).toBeVisible();

  // To pay: no link was sent, so the invoice is paid at the clinic.
  const owed = page.getByRole('list', { name: 'Invoices with a balance' });
  await expect(owed).toContainText(`Invoice ${invoice.number}: ₹3,000 left to pay`);

  const payments = page.getByRole('list', { name: 'Your payments' });
  await expect(payments.getByRole('listitem')).toHaveCount(1);
  await expect(payments).toContainText('₹1,500');
  await expect(payments).toContainText('UPI');
  await expect(payments).toContainText(`Invoice ${invoice.number}`);
  await expect(payments.getByRole('link', { name: /^Receipt for ₹1,500 paid on/ })).toHaveAttribute(
    'href',
    `/api/receipts/${payment.id}`,
  );

  const invoices = page.getByRole('list', { name: 'Your invoices' });
  const card = invoices.getByRole('listitem').filter({ hasText: `Invoice ${invoice.number}` });
  await expect(card).toContainText('Partly paid');
  await expect(card.getByRole('table', { name: `Lines of invoice ${invoice.number}` })).toContainText('Root canal');
  await expect(card).toContainText('₹4,500');
  await expect(card.getByRole('link', { name: `Download invoice ${invoice.number}` }).first()).toHaveAttribute(
    'href',
    `/api/invoices/${invoice.id}/pdf`,
  );
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Payments' })).toBeVisible();
  await page.screenshot({ path: 'test-results/payments-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: 'test-results/payments-1280.png', fullPage: true });
});
