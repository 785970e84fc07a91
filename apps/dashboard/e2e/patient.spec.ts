import { DEMO } from '@carelane/db/demo';
import { expect, test } from '@playwright/test';
import { readCodeFromInbox, URLS } from './helpers';

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

test('a patient signs in by a code, sees their appointments, books a visit and cancels it', async ({
  page,
  context,
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
  await times.first().click();
  await expect(page.getByRole('heading', { name: 'Confirm your appointment' })).toBeVisible();
  await expect(page.getByText(/holding this time for you/)).toBeVisible();
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByText('Your appointment is booked.')).toBeVisible();
  await expect(upcoming.getByTestId('visit')).toHaveCount(upcomingBefore + 1);
  const [hh = 0, mm = 0] = label.split(':').map(Number);
  const shown = `${hh % 12 || 12}:${String(mm).padStart(2, '0')} ${hh < 12 ? 'am' : 'pm'}`;
  const booked = upcoming.getByTestId('visit').filter({ hasText: 'General consultation' }).filter({ hasText: shown });
  await expect(booked.first()).toBeVisible();

  // Cancel it again: it moves to the past list as cancelled.
  await booked.first().getByRole('button', { name: 'Cancel' }).click();
  await booked.first().getByRole('button', { name: 'Cancel appointment' }).click();
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
