import { expect, type Page, test } from '@playwright/test';
import { readCodeFromInbox, URLS } from './helpers';

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
});
