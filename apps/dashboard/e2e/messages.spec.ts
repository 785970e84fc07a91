import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

const RUN = Date.now().toString(36);
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/shots/messages-${name}.png`, fullPage: true });

test('staff filter the message history, open a message with its attempts and resend it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInStaff(page, DEMO.staff.admin.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);

  // The demo seed has no messages: this run's patient gets a form link by SMS and one by email.
  const lastName = `Messages${RUN}`;
  const name = `Nandini ${lastName}`;
  const patient = await trpc<{ id: string }>(
    page,
    'patients.create',
    {
      firstName: 'Nandini',
      lastName,
      phone: `94${String(Date.now() % 100_000_000).padStart(8, '0')}`,
      email: `nandini.${RUN}@example.com`,
      consentSms: true,
      consentEmail: true,
      birthDate: '1990-04-12',
    },
    true,
  );
  await trpc(page, 'forms.createLink', { patientId: patient.id, sendVia: 'sms' }, true);
  await trpc(page, 'forms.createLink', { patientId: patient.id, sendVia: 'email' }, true);

  await page.getByRole('link', { name: 'Messages', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Messages' });
  const mine = table.getByRole('row').filter({ hasText: name });
  await expect(mine).toHaveCount(2);

  await page.getByLabel('Channel').selectOption('sms');
  await expect(page).toHaveURL(/channel=sms/);
  await expect(mine).toHaveCount(1);
  await expect(mine.first()).toContainText('SMS');
  await expect(table.getByRole('row').filter({ hasText: 'Email' })).toHaveCount(0);
  await shot(page, 'history');

  // The message: its text as sent, each attempt, and Resend.
  await mine.first().getByRole('button').click();
  const dialog = page.getByRole('dialog', { name: 'Message' });
  await expect(dialog.getByText('Form link', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Text as sent' })).toBeVisible();
  const attempts = dialog.getByRole('list', { name: 'Attempts' });
  await expect(attempts.getByRole('listitem')).toHaveCount(1);
  await expect(attempts.getByRole('listitem').first()).toContainText('Sent');
  await shot(page, 'dialog');
  await dialog.getByRole('button', { name: 'Resend' }).click();
  await expect(dialog.getByText('Queued to send again now.')).toBeVisible();
  await expect(dialog.getByText(/Sent again 1 time/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The copy is the newest row of the history.
  await expect(mine).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText(name);

  // Statistics count the messages by channel and kind.
  await page.getByRole('tab', { name: 'Statistics' }).click();
  const byChannel = page.getByRole('table', { name: 'By channel' });
  await expect(byChannel.getByRole('row', { name: /SMS/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'By kind' }).getByRole('row', { name: /Form link/ })).toBeVisible();
  await shot(page, 'stats');

  // A phone-wide screen: the list becomes cards and nothing overflows.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(
    page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: name }),
  ).toHaveCount(2);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'phone');
});
