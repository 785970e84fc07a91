import { expect, test } from '@playwright/test';
import { readCodeFromInbox, URLS } from '../../../e2e/helpers';

test.use({ viewport: { width: 390, height: 844 } });

// In the block the demo seed keeps clear of, so the clinic has never heard of it.
const NEW_PHONE = '+919800050001';

test('a new number registers on the booking site and reaches My appointments', async ({ page, context }) => {
  await page.goto(`${URLS.booking}/appointments`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fappointments/);
  await page.getByLabel('Mobile number').fill('98000 50001');
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByText(/a code is on its way/)).toBeVisible();

  const inbox = await context.newPage();
  const code = await readCodeFromInbox(inbox, NEW_PHONE);
  await inbox.close();

  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Tell us who you are' })).toBeVisible();
  await expect(page.getByLabel('First name')).toBeFocused();
  await page.screenshot({ path: 'test-results/registration-details.png', fullPage: true });

  // Sent empty: each missing field says so, and the first one takes the focus.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Enter your first name')).toBeVisible();
  await expect(page.getByText('Enter your last name')).toBeVisible();
  await expect(page.getByLabel('First name')).toBeFocused();
  await page.screenshot({ path: 'test-results/registration-errors.png', fullPage: true });

  await page.getByLabel('First name').fill('Nisha');
  await page.getByLabel('Last name').fill('Rao');
  await page.getByLabel('Email (optional)').fill('nisha.rao@example.com');
  await page.getByLabel('Date of birth (optional)').fill('1992-07-15');
  await page.getByLabel('On WhatsApp').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(/\/appointments$/);
  await expect(page.getByRole('heading', { name: 'My appointments' })).toBeVisible();
  await expect(page.getByText('Nisha, your visits')).toBeVisible();
  await page.screenshot({ path: 'test-results/registration-signed-in.png', fullPage: true });
});
