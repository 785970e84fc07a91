import { DEMO } from '@carelane/db/demo';
import { expect, test } from '@playwright/test';
import { dragBy, minutesBetween, readCodeFromInbox, signInStaff, twelveHour, URLS } from '../../../e2e/helpers';

test.use({ viewport: { width: 390, height: 844 } });

test('the booking home page lists clinicians and filters them', async ({ page }) => {
  await page.goto(URLS.booking);
  const list = page.getByRole('list', { name: 'Clinicians' });
  await expect(list.getByRole('listitem')).toHaveCount(6);
  await page.getByLabel('Specialisation').selectOption('Dentistry');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('Dentistry');
  await expect(page.getByText('2 clinicians')).toBeVisible();
});

test('signed-out patients are sent to sign-in from My appointments', async ({ page }) => {
  await page.goto(`${URLS.booking}/appointments`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a patient signs in and books; the front desk moves it on the calendar; a clash changes nothing', async ({
  page,
  context,
  browser,
}) => {
  await page.goto(`${URLS.booking}/sign-in`);
  await page.getByLabel('Mobile number').fill(DEMO.patient.phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByText(/a code is on its way/)).toBeVisible();

  const inbox = await context.newPage();
  const code = await readCodeFromInbox(inbox, DEMO.patient.phone);
  await inbox.close();

  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/appointments/);
  await expect(page.getByRole('heading', { name: 'My appointments' })).toBeVisible();
  await expect(page.getByText(`${DEMO.patient.firstName}, your visits`)).toBeVisible();
  const upcoming = page.getByRole('list', { name: 'Upcoming appointments' });
  const past = page.getByRole('list', { name: 'Past appointments' });
  expect(await upcoming.getByTestId('visit').count()).toBeGreaterThanOrEqual(2);
  expect(await past.getByTestId('visit').count()).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: 'test-results/my-appointments.png', fullPage: true });
  const upcomingBefore = await upcoming.getByTestId('visit').count();

  // Book a visit: directory -> clinician -> a day -> a time -> confirm (the time is held meanwhile).
  await page.getByRole('link', { name: 'Find a clinician' }).click();
  await page.getByRole('link', { name: `Book with ${DEMO.staff.clinician.name}` }).click();
  await expect(page.getByRole('heading', { name: 'Book an appointment' })).toBeVisible();
  await page.getByLabel(/General consultation/).check();
  const days = page.getByRole('group', { name: 'Choose a day' }).getByRole('button');
  await days.nth(2).click();
  const times = page.getByRole('list', { name: /Free times on/ }).getByRole('button');
  const label = (await times.first().textContent())?.trim() ?? '';
  // A second free time that day, for the front desk to move the visit to.
  const laterLabel = (await times.last().textContent())?.trim() ?? '';
  await times.first().click();
  await expect(page.getByRole('heading', { name: 'Confirm your appointment' })).toBeVisible();
  await expect(page.getByText(/holding this time for you/)).toBeVisible();
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByText('Your appointment is booked.')).toBeVisible();
  await expect(upcoming.getByTestId('visit')).toHaveCount(upcomingBefore + 1);
  const booked = upcoming
    .getByTestId('visit')
    .filter({ hasText: 'General consultation' })
    .filter({ hasText: twelveHour(label) });
  await expect(booked.first()).toBeVisible();
  const bookedDate = await booked.first().getAttribute('data-date');

  // The front desk sees it on the calendar, drags it to the later time, then onto a busy time.
  const desk = await browser.newContext({ viewport: { width: 1400, height: 1900 } });
  const staff = await desk.newPage();
  await signInStaff(staff, DEMO.staff.frontDesk.email, DEMO.password);
  await expect(staff).toHaveURL(/\/today/);
  await staff.goto(`${URLS.dashboard}/calendar?date=${bookedDate}`);
  const card = staff.getByRole('button', {
    name: new RegExp(`^${label} ${DEMO.patient.firstName} ${DEMO.patient.lastName}`),
  });
  await expect(card).toBeVisible();
  await dragBy(staff, card, minutesBetween(label, laterLabel) * 2);
  await expect(staff.getByRole('status').filter({ hasText: `Moved ${DEMO.patient.firstName}` })).toBeVisible();
  const moved = staff.getByRole('button', {
    name: new RegExp(`^${laterLabel} ${DEMO.patient.firstName} ${DEMO.patient.lastName}`),
  });
  await expect(moved).toBeVisible();
  const column = staff.getByTestId(`column-${DEMO.staff.clinician.name}-${bookedDate}`);
  const other = column.getByTestId('appointment-card').filter({ hasNotText: DEMO.patient.firstName }).first();
  const from = await moved.boundingBox();
  const onto = await other.boundingBox();
  if (!from || !onto) throw new Error('cards not on screen');
  await dragBy(staff, moved, onto.y - from.y);
  await expect(staff.getByRole('alert').filter({ hasText: /already has an appointment/ })).toBeVisible();
  await expect(moved).toBeVisible();
  await staff.screenshot({ path: 'test-results/calendar.png' });
  await desk.close();
  await page.reload();
  await expect(
    upcoming
      .getByTestId('visit')
      .filter({ hasText: twelveHour(laterLabel) })
      .first(),
  ).toBeVisible();

  // Cancel it again: it moves to the past list as cancelled.
  const movedVisit = upcoming
    .getByTestId('visit')
    .filter({ hasText: twelveHour(laterLabel) })
    .first();
  await movedVisit.getByRole('button', { name: 'Cancel' }).click();
  await movedVisit.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(upcoming.getByTestId('visit')).toHaveCount(upcomingBefore);

  // Asking for another code straight away is throttled, with a sentence saying how long to wait.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto(`${URLS.booking}/appointments`);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Mobile number').fill(DEMO.patient.phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /Please wait \d+ seconds/ })).toBeVisible();
});
