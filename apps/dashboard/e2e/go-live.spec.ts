import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { type FreshSystem, startFreshSystem } from '../../../e2e/fresh-system';
import { twelveHour } from '../../../e2e/helpers';

// A real clinic goes live on a fresh, empty system: no demo, its own database and ports, started
// here (not by the config's webServer, which runs the demo clinics for the other specs).
const DASHBOARD = 'http://localhost:3210';
const BOOKING = 'http://localhost:3211';
const SHOTS = join(tmpdir(), 'carelane-go-live-shots');

const ADMIN = { name: 'Asha Rao', email: 'asha@lotus-clinic.example', password: 'lotus pond at dawn 42' };
const CLINICIAN = { name: 'Dr. Kavya Iyer', email: 'kavya@lotus-clinic.example', password: 'kavya sees patients 7' };
const DESK = { name: 'Ravi Menon', email: 'ravi@lotus-clinic.example', password: 'ravi answers phones 9' };
const PATIENT = { phone: '+919800070001', typed: '98000 70001', firstName: 'Meenal', lastName: 'Joshi' };
const TYPE = 'First consultation';

let system: FreshSystem | null = null;
let setupCode = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(270_000);
  mkdirSync(SHOTS, { recursive: true });
  system = await startFreshSystem({ dashboard: 3210, booking: 3211 });
  setupCode = system.setupCode;
});

// Also after a failure: nothing of this system outlives the run.
test.afterAll(async () => {
  await system?.stop();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${DASHBOARD}/sign-in`);
  await page.getByLabel('Email or phone').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/today/);
}

/** The newest message the local fakes received for `to`, as /dev/outbox shows it. */
async function messageTo(page: Page, to: string, pattern: RegExp): Promise<{ text: string; match: RegExpExecArray }> {
  let text = '';
  let match: RegExpExecArray | null = null;
  await expect(async () => {
    await page.goto(`${DASHBOARD}/dev/outbox`);
    const message = page
      .getByTestId('dev-message')
      .filter({ has: page.getByTestId('dev-recipient').getByText(to, { exact: true }) })
      .first();
    text = (await message.textContent()) ?? '';
    match = pattern.exec((await message.getByTestId('dev-body').textContent()) ?? '');
    expect(match).not.toBeNull();
  })
    .toPass({ timeout: 20_000 })
    .catch(async (err: unknown) => {
      await shot(page, `outbox-without-${to}`);
      throw err;
    });
  if (!match) throw new Error('no message');
  return { text, match };
}

async function newPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 1000 } });
  return context.newPage();
}

test('a new clinic sets itself up, brings its staff, takes an online booking and lets someone go', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await newPage(browser);

  await test.step('1. setup with the printed code', async () => {
    // Nothing to book yet: the booking site says so calmly.
    await admin.goto(BOOKING);
    await expect(admin.getByRole('heading', { name: 'This clinic’s booking site is not set up yet' })).toBeVisible();
    await admin.goto(`${DASHBOARD}/sign-in`);
    await expect(admin).toHaveURL(/\/setup/);
    await admin.getByLabel('Setup code').fill(setupCode);
    await admin.getByLabel('Organization name').fill('Lotus Family Clinic');
    await admin.getByLabel('Booking-site address').fill('lotus-clinic');
    await admin.getByLabel('Centre name').fill('Jayanagar');
    await admin.getByLabel('Address', { exact: true }).fill('14 Ninth Main Road');
    await admin.getByLabel('City').fill('Bengaluru');
    await admin.getByLabel('Your name').fill(ADMIN.name);
    await admin.getByLabel('Email').fill(ADMIN.email);
    await admin.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await admin.getByLabel('Password again').fill(ADMIN.password);
    await shot(admin, '01-setup');
    await admin.getByRole('button', { name: 'Create my clinic' }).click();
    await expect(admin).toHaveURL(/\/today/);
    await expect(admin.getByRole('heading', { name: 'Today' })).toBeVisible();
    await shot(admin, '01-today');
  });

  await test.step('2. add a second centre', async () => {
    await admin.goto(`${DASHBOARD}/centres`);
    await admin.getByRole('button', { name: 'Add a centre' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add a centre' });
    await dialog.getByLabel('Centre name').fill('Koramangala');
    await dialog.getByLabel('Address').fill('3 Eighty Feet Road');
    await dialog.getByLabel('City').fill('Bengaluru');
    await shot(admin, '02-centre-dialog');
    await dialog.getByRole('button', { name: 'Add centre' }).click();
    await expect(dialog).toBeHidden();
    const open = admin.getByRole('list', { name: 'Open centres' });
    await expect(open.getByRole('listitem')).toHaveCount(2);
    await expect(open.getByRole('heading', { name: 'Koramangala' })).toBeVisible();
    await shot(admin, '02-centres');
  });

  const inviteLinks: Record<string, string> = {};
  await test.step('3. invite a clinician and a front-desk person; they accept and set passwords', async () => {
    for (const [person, role] of [
      [CLINICIAN, 'Clinician'],
      [DESK, 'Front desk'],
    ] as const) {
      await admin.goto(`${DASHBOARD}/staff`);
      await admin.getByRole('button', { name: 'Invite staff' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Invite staff' });
      await dialog.getByLabel('Full name').fill(person.name);
      await dialog.getByLabel('Email').fill(person.email);
      await dialog.getByLabel('Role').selectOption({ label: role });
      await dialog.getByRole('checkbox', { name: /Jayanagar/ }).check();
      await shot(admin, `03-invite-${role}`);
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await expect(dialog).toBeHidden();
      const row = admin.getByRole('table', { name: 'Staff members' }).getByRole('row').filter({ hasText: person.name });
      await expect(row).toContainText(/invited/i);
    }
    await shot(admin, '03-staff-invited');

    for (const person of [CLINICIAN, DESK]) {
      const { text, match } = await messageTo(admin, person.email, /(http:\/\/localhost:3210\/invite\/[\w-]+)/);
      expect(text).toContain('via fake SMTP');
      inviteLinks[person.email] = match[1] ?? '';
    }
    await shot(admin, '03-outbox');

    for (const person of [CLINICIAN, DESK]) {
      const page = await newPage(browser, 390);
      await page.goto(inviteLinks[person.email] ?? '');
      await page.getByLabel('New password').fill(person.password);
      await page.getByLabel('Type it again').fill(person.password);
      await shot(page, `03-accept-${person.email}`);
      await page.getByRole('button', { name: 'Set password and continue' }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      await expect(page.getByLabel('Email or phone')).toHaveValue(person.email);
      await page.context().close();
    }
  });

  const clinician = await newPage(browser);
  await test.step('4. the clinician fills in the profile and weekly hours', async () => {
    await signIn(clinician, CLINICIAN.email, CLINICIAN.password);
    await clinician.getByRole('navigation', { name: 'Main' }).first().getByRole('link', { name: 'My profile' }).click();
    await clinician.getByLabel('Title (optional)').fill('Family physician');
    await clinician.getByRole('combobox', { name: 'Specialisations' }).fill('General medicine');
    await clinician.getByRole('combobox', { name: 'Specialisations' }).press('Enter');
    await expect(clinician.getByRole('list', { name: 'Specialisations chosen' })).toContainText('General medicine');
    await clinician.getByRole('combobox', { name: 'Languages' }).fill('Kannada');
    await clinician.getByRole('combobox', { name: 'Languages' }).press('Enter');
    await expect(clinician.getByRole('list', { name: 'Languages chosen' })).toContainText('Kannada');
    await clinician.getByLabel('Bio (optional)').fill('Twenty years of caring for families in south Bengaluru.');
    await clinician.getByLabel(/Consultation fee/).fill('600');
    await clinician.getByRole('checkbox', { name: 'In person' }).check();
    await clinician.getByRole('button', { name: /Create profile|Save profile/ }).click();
    await expect(clinician.getByText(/saved/i).first()).toBeVisible();
    await shot(clinician, '04-profile');

    await clinician.goto(`${DASHBOARD}/availability`);
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
      await clinician
        .getByRole('button', { name: `Add hours on ${day}` })
        .first()
        .click();
      await clinician.getByLabel(`${day} start`).first().fill('09:00');
      await clinician.getByLabel(`${day} end`).first().fill('17:00');
    }
    await clinician.getByRole('button', { name: 'Save weekly hours' }).first().click();
    await expect(clinician.getByText(/Saved\. The new hours apply from/).first()).toBeVisible();
    await shot(clinician, '04-hours');
  });

  await test.step('5. the admin adds an appointment type the clinician offers', async () => {
    await admin.goto(`${DASHBOARD}/settings`);
    await admin.getByRole('button', { name: 'Add type' }).first().click();
    const dialog = admin.getByRole('dialog', { name: 'Add appointment type' });
    await dialog.getByLabel('Name', { exact: true }).fill(TYPE);
    await dialog.getByRole('checkbox', { name: new RegExp(CLINICIAN.name) }).check();
    await dialog.getByLabel(/^Price/).fill('600');
    await shot(admin, '05-type-dialog');
    await dialog.getByRole('button', { name: 'Add type' }).click();
    await expect(dialog).toBeHidden();
    await expect(admin.getByText(TYPE).first()).toBeVisible();
    await shot(admin, '05-types');
  });

  let bookedLabel = '';
  let bookedDate = '';
  await test.step('6. a new patient finds the clinician on the booking site, registers by code and books', async () => {
    const patient = await newPage(browser, 390);
    await patient.goto(BOOKING);
    const list = patient.getByRole('list', { name: 'Clinicians' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await shot(patient, '06-directory');
    await patient.getByRole('link', { name: `Book with ${CLINICIAN.name}` }).click();
    await expect(patient.getByRole('heading', { name: 'Book an appointment' })).toBeVisible();
    await patient.getByLabel(new RegExp(TYPE)).check();
    const days = patient.getByRole('group', { name: 'Choose a day' }).getByRole('button');
    await days.nth(1).click();
    const times = patient.getByRole('list', { name: /Free times on/ }).getByRole('button');
    bookedLabel = (await times.first().textContent())?.trim() ?? '';
    await shot(patient, '06-clinician');
    await times.first().click();

    // Not signed in: the site asks for the phone number, sends a code, then who they are.
    await patient.getByLabel('Mobile number').fill(PATIENT.typed);
    await patient.getByRole('button', { name: 'Send code' }).click();
    await expect(patient.getByText(/a code is on its way/)).toBeVisible();
    const inbox = await patient.context().newPage();
    const { match } = await messageTo(inbox, PATIENT.phone, /\b(\d{6})\b/);
    await inbox.close();
    await patient.getByLabel('6-digit code').fill(match[1] ?? '');
    await patient.getByRole('button', { name: 'Sign in' }).click();
    await expect(patient.getByRole('heading', { name: 'Tell us who you are' })).toBeVisible();
    await patient.getByLabel('First name').fill(PATIENT.firstName);
    await patient.getByLabel('Last name').fill(PATIENT.lastName);
    await shot(patient, '06-register');
    await patient.getByRole('button', { name: 'Continue' }).click();

    await expect(patient.getByRole('heading', { name: 'Confirm your appointment' })).toBeVisible();
    await shot(patient, '06-confirm');
    await patient.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(patient.getByText('Your appointment is booked.')).toBeVisible();
    const visit = patient
      .getByRole('list', { name: 'Upcoming appointments' })
      .getByTestId('visit')
      .filter({ hasText: TYPE })
      .filter({ hasText: twelveHour(bookedLabel) });
    await expect(visit).toHaveCount(1);
    bookedDate = (await visit.getAttribute('data-date')) ?? '';
    await shot(patient, '06-booked');
    await patient.context().close();
  });

  await test.step('7. the clinician sees the visit on the calendar', async () => {
    await clinician.goto(`${DASHBOARD}/calendar?date=${bookedDate}`);
    const card = clinician.getByRole('button', {
      name: new RegExp(`^${bookedLabel} ${PATIENT.firstName} ${PATIENT.lastName}`),
    });
    await expect(card).toBeVisible();
    await shot(clinician, '07-calendar');
  });

  await test.step('8. the admin deactivates the front-desk person, whose open page is refused next', async () => {
    const desk = await newPage(browser);
    await signIn(desk, DESK.email, DESK.password);
    await shot(desk, '08-desk-today');

    await admin.goto(`${DASHBOARD}/staff`);
    await admin
      .getByRole('button', { name: `Deactivate: ${DESK.name}` })
      .first()
      .click();
    const dialog = admin.getByRole('dialog', { name: `Deactivate ${DESK.name}?` });
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect(dialog.getByText(`${DESK.name} is deactivated.`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    const row = admin.getByRole('table', { name: 'Staff members' }).getByRole('row').filter({ hasText: DESK.name });
    await expect(row).toContainText(/deactivated/i);
    await shot(admin, '08-staff-deactivated');

    // The desk's page is still open; its next request finds the session gone.
    await desk.getByRole('navigation', { name: 'Main' }).first().getByRole('link', { name: 'Calendar' }).click();
    await expect(desk).toHaveURL(/\/sign-in/);
    await shot(desk, '08-desk-refused');
    await signInAttemptRefused(desk);
  });
});

async function signInAttemptRefused(page: Page) {
  await page.getByLabel('Email or phone').fill(DESK.email);
  await page.getByLabel('Password', { exact: true }).fill(DESK.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // With the right password they are told why, and whom to ask.
  await expect(page.getByRole('alert').filter({ hasText: 'This account is disabled.' })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await shot(page, '08-desk-sign-in-refused');
}
