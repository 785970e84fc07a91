import { addLocalDays, isoWeekdayOf, localDate } from '@carelane/core';
import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff, URLS } from '../../../e2e/helpers';

// The demo seed books up to 14 days ahead; four weeks on, the calendar is empty but for what
// this test books. A Monday: Dr. Meera works 09:00–13:00 and 14:00–18:00 on weekdays.
const ZONE = 'Asia/Kolkata';
const inFourWeeks = addLocalDays(localDate(new Date(), ZONE), 28);
const MONDAY = addLocalDays(inFourWeeks, (8 - isoWeekdayOf(inFourWeeks)) % 7);
const WEEK_BEFORE = addLocalDays(MONDAY, -7);
const MEERA = DEMO.staff.clinician.name;
/** The grid starts at 08:00 (no one at the centre starts earlier) and draws 2 px a minute. */
const GRID_START_HOUR = 8;
const PX_PER_MINUTE = 2;

test.use({ viewport: { width: 1400, height: 1100 } });

/** Clicks the empty grid of `clinician` on `date` at `hour`:05, which snaps to `hour`:00. */
async function clickEmptyTime(page: Page, clinician: string, date: string, hour: number) {
  const column = page.getByTestId(`column-${clinician}-${date}`);
  await column.click({ position: { x: 20, y: ((hour - GRID_START_HOUR) * 60 + 5) * PX_PER_MINUTE } });
}

/** In the open booking dialog: finds a patient other than the demo one by record number; returns the name. */
async function pickPatient(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog', { name: `Book with ${MEERA}` });
  await dialog.getByLabel('Patient').fill('SH-0000');
  const match = dialog
    .getByRole('list', { name: 'Matching patients' })
    .getByRole('button')
    .filter({ hasNotText: DEMO.patient.firstName })
    .first();
  const name = (await match.locator('span').first().textContent())?.trim() ?? '';
  expect(name).not.toBe('');
  await match.click();
  await expect(dialog.getByRole('button', { name: /^Change/ })).toBeVisible();
  await expect(dialog).toContainText(name);
  return name;
}

test('the front desk books from an empty time, then a weekly series around a clash, and sees it on the week', async ({
  page,
}) => {
  await signInStaff(page, DEMO.staff.frontDesk.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);

  // One appointment: click 10:00 in Dr. Meera's column, find the patient, choose the type, book.
  await page.goto(`${URLS.dashboard}/calendar?date=${MONDAY}`);
  await clickEmptyTime(page, MEERA, MONDAY, 10);
  const dialog = page.getByRole('dialog', { name: `Book with ${MEERA}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Start time')).toHaveValue('10:00');
  const patient = await pickPatient(page);
  await dialog.getByLabel('Appointment type').selectOption({ label: 'General consultation (15 min)' });
  await dialog.getByRole('button', { name: 'Book appointment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Booked ${patient} with ${MEERA} at 10:00.` })).toBeVisible();
  const column = page.getByTestId(`column-${MEERA}-${MONDAY}`);
  await expect(
    column.getByRole('button', { name: new RegExp(`^10:00 ${patient}, General consultation`) }),
  ).toBeVisible();

  // A weekly series from the week before at the same time: its second date clashes with that visit.
  await page.goto(`${URLS.dashboard}/calendar?date=${WEEK_BEFORE}`);
  await clickEmptyTime(page, MEERA, WEEK_BEFORE, 10);
  await expect(dialog).toBeVisible();
  await pickPatient(page);
  await dialog.getByLabel('Appointment type').selectOption({ label: 'General consultation (15 min)' });
  await dialog.getByLabel('Repeat weekly').check();
  await dialog.getByLabel('How many times').fill('4');
  await dialog.getByRole('button', { name: 'Check dates' }).click();
  const dates = dialog.getByRole('list', { name: 'Dates in the series' }).getByRole('listitem');
  await expect(dates).toHaveCount(4);
  const weeks = [0, 1, 2, 3].map((n) => addLocalDays(WEEK_BEFORE, 7 * n));
  await expect(dates.nth(0)).toHaveText(`${weeks[0]} 10:00 — free`);
  await expect(dates.nth(1)).toContainText(`${weeks[1]} 10:00 — `);
  await expect(dates.nth(1)).not.toContainText('free');
  await expect(dates.nth(2)).toHaveText(`${weeks[2]} 10:00 — free`);
  await expect(dates.nth(3)).toHaveText(`${weeks[3]} 10:00 — free`);
  // Another time needs another check; back at 10:00 the checked dates hold again.
  await dialog.getByLabel('Start time').fill('10:30');
  await expect(dates).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Check dates' })).toBeVisible();
  await dialog.getByLabel('Start time').fill('10:00');
  await expect(dates).toHaveCount(4);
  await dialog.getByRole('button', { name: 'Book 3 free dates' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /Booked 3 of 4 weekly appointments for / })).toBeVisible();

  // The week view of Dr. Meera shows each occurrence on its Monday, and the clash kept its one visit.
  await page.getByRole('button', { name: 'Week' }).click();
  await page.getByLabel('Clinician').selectOption({ label: MEERA });
  const cardsOn = (date: string) =>
    page.getByTestId(`column-${MEERA}-${date}`).getByRole('button', { name: /^10:00 / });
  await expect(cardsOn(WEEK_BEFORE)).toHaveCount(1);
  await expect(cardsOn(WEEK_BEFORE)).toHaveAccessibleName(/General consultation/);
  for (const date of weeks.slice(1)) {
    await page.getByRole('button', { name: 'Next week' }).click();
    await expect(cardsOn(date)).toHaveCount(1);
  }
  await page.screenshot({ path: 'test-results/calendar-week-series.png' });
});
