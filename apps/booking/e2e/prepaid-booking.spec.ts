import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { readCodeFromInbox, signInStaff, URLS } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

test.use({ viewport: { width: 390, height: 844 } });

// In the block the demo seed keeps clear of, so the clinic has never heard of it.
const PHONE = '+919800050011';

async function registerOnBookingSite(page: Page) {
  await page.goto(`${URLS.booking}/appointments`);
  await page.getByLabel('Mobile number').fill(PHONE.slice(3));
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByText(/a code is on its way/)).toBeVisible();
  const inbox = await page.context().newPage();
  const code = await readCodeFromInbox(inbox, PHONE);
  await inbox.close();
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('First name').fill('Meera');
  await page.getByLabel('Last name').fill('Prepaid');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'My appointments' })).toBeVisible();
}

test('a patient books a prepaid online session, pays on the (fake) Razorpay Checkout and sees it paid', async ({
  page,
  browser,
}) => {
  await registerOnBookingSite(page);
  await page.goto(URLS.booking);
  await page.getByRole('link', { name: 'Book with Ananya Rao' }).click();
  await page.getByLabel(/Online therapy session/).check();
  const times = page.getByRole('list', { name: /Free times on/ }).getByRole('button');
  await times.first().click();
  await expect(page.getByRole('heading', { name: 'Confirm your appointment' })).toBeVisible();
  await expect(page.getByText('₹1,500, paid now to confirm')).toBeVisible();
  await page.screenshot({ path: 'test-results/prepaid-confirm.png', fullPage: true });

  // Checkout fails first: back on My appointments the visit waits for payment, and nothing was taken.
  await page.getByRole('button', { name: 'Book and pay ₹1,500' }).click();
  await expect(page.getByRole('heading', { name: 'Test checkout' })).toBeVisible();
  await expect(page.getByText('INR 1500.00')).toBeVisible();
  await page.screenshot({ path: 'test-results/prepaid-checkout.png', fullPage: true });
  await page.getByRole('button', { name: 'Fail' }).click();
  await expect(page).toHaveURL(/\/appointments\?payment=failed&appointment=/);
  await expect(page.getByText('The payment did not go through and no money was taken.')).toBeVisible();
  const visit = page.getByRole('list', { name: 'Upcoming appointments' }).getByTestId('visit').first();
  await expect(visit).toContainText('Online therapy session');
  await expect(visit).toContainText(/Waiting for your payment until .*; after that the time is released/);
  await page.screenshot({ path: 'test-results/prepaid-failed.png', fullPage: true });

  // Paying again from the visit: the callback verifies the signature and the visit is confirmed.
  await visit.getByRole('button', { name: 'Pay ₹1,500 now' }).click();
  await expect(page.getByRole('heading', { name: 'Test checkout' })).toBeVisible();
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(/\/appointments\?payment=paid&appointment=/);
  await expect(page.getByText('Thank you, your payment is received and your appointment is confirmed.')).toBeVisible();
  await expect(visit).toContainText('Confirmed');
  await expect(visit).not.toContainText('Waiting for your payment');
  await page.screenshot({ path: 'test-results/prepaid-paid.png', fullPage: true });

  // The clinic gives ₹500 back: Razorpay (the fake) processes it and the worker applies the refund.
  const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await office.newPage();
  await signInStaff(staff, DEMO.staff.admin.email, DEMO.password);
  await expect(staff).toHaveURL(/\/today/);
  const found = await trpc<{ items: Array<{ id: string }> }>(staff.request, 'patients.list', { q: PHONE, limit: 5 });
  await staff.goto(`/patients/${found.items[0]?.id ?? ''}?tab=payments`);
  const payments = staff.getByRole('table', { name: 'Payments' });
  await expect(payments).toContainText('₹1,500');
  await payments.getByRole('button', { name: 'Refund' }).click();
  const dialog = staff.getByRole('dialog', { name: 'Refund payment' });
  await dialog.getByLabel('Amount (INR)').fill('500');
  await dialog.getByLabel('Reason').fill('Session shortened');
  await dialog.getByRole('button', { name: 'Refund' }).click();
  await expect(staff.getByText('Refund of ₹500 sent to Razorpay; it shows here once processed.')).toBeVisible();
  await expect(async () => {
    await staff.reload();
    await expect(staff.getByRole('table', { name: 'Payments' })).toContainText('Partly refunded', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await staff.screenshot({ path: 'test-results/prepaid-refunded.png', fullPage: true });
  await office.close();
});
