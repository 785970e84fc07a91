import { expect, type Locator, type Page } from '@playwright/test';
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

/** "14:05" as the booking site prints it: "2:05 pm". */
export function twelveHour(label: string): string {
  const [hh = 0, mm = 0] = label.split(':').map(Number);
  return `${hh % 12 || 12}:${String(mm).padStart(2, '0')} ${hh < 12 ? 'am' : 'pm'}`;
}

export function minutesBetween(from: string, to: string): number {
  const minutes = (t: string) => {
    const [hh = 0, mm = 0] = t.split(':').map(Number);
    return hh * 60 + mm;
  };
  return minutes(to) - minutes(from);
}

/** Drags an element vertically by `dy` pixels with real pointer events. */
export async function dragBy(page: Page, target: Locator, dy: number) {
  const box = await target.boundingBox();
  if (!box) throw new Error('element not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(8, box.height / 2);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + dy / 2, { steps: 5 });
  await page.mouse.move(x, y + dy, { steps: 5 });
  await page.mouse.up();
}
