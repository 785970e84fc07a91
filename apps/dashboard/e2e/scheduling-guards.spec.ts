import { addLocalDays, isoWeekdayOf, localDate } from '@carelane/core';
import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff, URLS } from '../../../e2e/helpers';

// A Tuesday five weeks on, past the demo's appointments and the calendar spec's Mondays. Dr. Meera
// works 09:00–13:00 and 14:00–18:00 on weekdays: 13:00 is her lunch break.
const ZONE = 'Asia/Kolkata';
const inFiveWeeks = addLocalDays(localDate(new Date(), ZONE), 35);
const TUESDAY = addLocalDays(inFiveWeeks, (9 - isoWeekdayOf(inFiveWeeks)) % 7);
const MEERA = DEMO.staff.clinician.name;
const GRID_START_HOUR = 8;
const PX_PER_MINUTE = 2;

test.use({ viewport: { width: 1400, height: 1100 } });

async function bookAt(page: Page, hour: number) {
  await page.getByTestId(`column-${MEERA}-${TUESDAY}`).click({
    position: { x: 20, y: ((hour - GRID_START_HOUR) * 60 + 5) * PX_PER_MINUTE },
  });
  const dialog = page.getByRole('dialog', { name: `Book with ${MEERA}` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Patient').fill('SH-0000');
  const match = dialog.getByRole('list', { name: 'Matching patients' }).getByRole('button').first();
  const name = (await match.locator('span').first().textContent())?.trim() ?? '';
  await match.click();
  await dialog.getByLabel('Appointment type').selectOption({ label: 'General consultation (15 min)' });
  return { dialog, name };
}

test('a break needs a deliberate overbooking; time off over a visit lists it first, then the calendar flags it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInStaff(page, DEMO.staff.centreManager.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);

  // 13:00 is Dr. Meera's break: refused with the reason, booked only as an overbooking with a reason.
  await page.goto(`${URLS.dashboard}/calendar?date=${TUESDAY}`);
  const lunch = await bookAt(page, 13);
  await lunch.dialog.getByRole('button', { name: 'Book appointment' }).click();
  await expect(lunch.dialog.getByRole('alert')).toContainText(`${MEERA} does not work at 13:00`);
  await expect(lunch.dialog.getByRole('alert')).toContainText('(break 13:00–14:00)');
  await page.screenshot({ path: 'test-results/booking-in-break.png' });
  await lunch.dialog.getByLabel(/Overbook deliberately/).check();
  await lunch.dialog.getByLabel('Reason for overbooking').fill('Only time the patient can come');
  await lunch.dialog.getByRole('button', { name: 'Book appointment' }).click();
  await expect(lunch.dialog).toBeHidden();

  // A visit at 10:00, then time off over the morning: the visit is listed before anything is saved.
  const morning = await bookAt(page, 10);
  await morning.dialog.getByRole('button', { name: 'Book appointment' }).click();
  await expect(morning.dialog).toBeHidden();
  await page.goto(`${URLS.dashboard}/availability`);
  await page.getByLabel('Clinician').selectOption({ label: MEERA });
  await page.getByLabel('From', { exact: true }).fill(TUESDAY);
  await page.getByLabel('Whole days').uncheck();
  await page.getByLabel('Start', { exact: true }).fill('09:00');
  await page.getByLabel('End', { exact: true }).fill('12:00');
  await page.getByLabel('Reason (optional)').fill('Conference');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'This time off covers 1 booked visit' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('list', { name: 'Booked visits it covers' })).toContainText(morning.name);
  await expect(confirm).toContainText('10:00');
  await page.screenshot({ path: 'test-results/time-off-over-visits.png' });
  await confirm.getByRole('button', { name: 'Save anyway' }).click();
  await expect(confirm).toBeHidden();
  const planned = page.getByRole('list', { name: 'Planned exceptions' }).getByRole('listitem');
  await expect(planned.filter({ hasText: 'Conference' })).toHaveCount(1);

  // The calendar marks the visit, in words, until it is moved or cancelled.
  await page.goto(`${URLS.dashboard}/calendar?date=${TUESDAY}`);
  const card = page.getByRole('button', { name: new RegExp(`^10:00 ${morning.name}`) });
  await expect(card).toHaveAccessibleName(/Off: time off 09:00–12:00 — move or cancel/);
  await expect(card).toContainText('⚠ Off');
  await page.screenshot({ path: 'test-results/calendar-off-hours.png' });

  // Put the morning back for other specs.
  await page.goto(`${URLS.dashboard}/availability`);
  await page.getByLabel('Clinician').selectOption({ label: MEERA });
  await planned.filter({ hasText: 'Conference' }).getByRole('button', { name: 'Remove' }).click();
  await expect(planned.filter({ hasText: 'Conference' })).toHaveCount(0);
});
