import { expect, type Page } from '@playwright/test';
import { URLS } from './urls';

export { URLS };

/** Reads the newest sign-in code the local channel "delivered" to `phone`, from /dev/outbox. */
export async function readCodeFromInbox(page: Page, phone: string): Promise<string> {
  let code = '';
  await expect(async () => {
    await page.goto(`${URLS.dashboard}/dev/outbox`);
    const message = page
      .getByTestId('dev-message')
      .filter({ has: page.getByTestId('dev-recipient').getByText(phone, { exact: true }) })
      .first();
    const body = (await message.getByTestId('dev-body').textContent()) ?? '';
    const match = /\b(\d{6})\b/.exec(body);
    expect(match).not.toBeNull();
    code = match?.[1] ?? '';
  }).toPass({ timeout: 15_000 });
  return code;
}

export async function signInStaff(page: Page, identifier: string, password: string) {
  await page.goto(`${URLS.dashboard}/sign-in`);
  await page.getByLabel('Email or phone').fill(identifier);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
