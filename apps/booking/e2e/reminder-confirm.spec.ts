import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signAction } from '@carelane/api/confirm-link';
import { addLocalDays, localDate } from '@carelane/core';
import { DEMO } from '@carelane/db/demo';
import { expect, test } from '@playwright/test';
import { signInStaff, URLS } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

const ZONE = 'Asia/Kolkata';

/** The secret the e2e servers sign with: the data folder's development secret (see playwright.config.ts). */
function appSecret(): string {
  // biome-ignore lint/style/noProcessEnv: set by playwright.config.ts for every worker
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set');
  return readFileSync(join(dataDir, 'auth-secret'), 'utf8').trim();
}

type Day = {
  columns: Array<{
    clinicianName: string;
    appointments: Array<{ id: string; status: string; startsAt: string; patient: { name: string } }>;
  }>;
};

test('a patient confirms from a reminder link; the front desk sees it on the calendar', async ({ browser, page }) => {
  // A demo visit a few days ahead, found as the front desk sees the calendar.
  await signInStaff(page, DEMO.staff.frontDesk.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  let found: { id: string; date: string; patient: string } | undefined;
  for (let days = 2; days <= 10 && !found; days++) {
    const date = addLocalDays(localDate(new Date(), ZONE), days);
    const view = await trpc<Day>(page, 'calendar.view', { view: 'day', date });
    const visit = view.columns
      .flatMap((c) => c.appointments)
      .find((a) => a.status === 'confirmed' || a.status === 'pending');
    if (visit) found = { id: visit.id, date, patient: visit.patient.name };
  }
  if (!found) throw new Error('no upcoming demo visit');
  const token = signAction(
    { appointmentId: found.id, action: 'confirm', expiresAt: new Date(Date.now() + 86_400_000) },
    appSecret(),
  );

  // The patient, on a phone, without signing in.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const patientPage = await phone.newPage();
  await patientPage.goto(`${URLS.booking}/r/${token}`);
  const confirm = patientPage.getByRole('button', { name: "Yes, I'll be there" });
  await expect(confirm).toBeVisible();
  const when = (await patientPage.getByTestId('visit-when').textContent()) ?? '';
  await patientPage.screenshot({ path: '/tmp/shots/confirm-link.png', fullPage: true });
  // Opening the link changed nothing (scanners open links too).
  await patientPage.reload();
  await expect(confirm).toBeVisible();
  await confirm.click();
  await expect(patientPage.getByRole('status').filter({ hasText: `Thank you — see you on ${when}` })).toBeVisible();
  await patientPage.screenshot({ path: '/tmp/shots/confirm-done.png', fullPage: true });
  await phone.close();

  // The front desk sees the mark on the calendar and the time in the dialog.
  await page.goto(`${URLS.dashboard}/calendar?date=${found.date}`);
  const card = page.getByTestId('appointment-card').filter({ has: page.getByTestId('patient-confirmed') });
  await expect(card.first()).toBeVisible();
  await expect(page.getByRole('img', { name: 'Confirmed by the patient' }).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/confirm-calendar.png' });
  await card.first().click();
  await expect(page.getByTestId('patient-confirmed-at')).toContainText(/Patient confirmed at \d\d:\d\d .*\(link\)/);
  await page.screenshot({ path: '/tmp/shots/confirm-dialog.png' });
});
