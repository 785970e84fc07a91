import { DEMO } from '@carelane/db/demo';
import { expect, type Page, test } from '@playwright/test';
import { signInStaff, URLS } from '../../../e2e/helpers';
import { trpc } from '../../../e2e/trpc';

const RUN = Date.now().toString(36);
const EMAIL = `kavya.${RUN}@example.com`;

/** A visit far beyond the demo's appointments, booked as the calendar books it; the first pair the API takes. */
async function bookVisit(page: Page, patientId: string) {
  const [centre] = await trpc<Array<{ id: string }>>(page, 'centres.list');
  const day = await trpc<{ clinicians: Array<{ id: string }> }>(page, 'calendar.view', {
    view: 'day',
    centreId: centre?.id,
  });
  const types = await trpc<Array<{ id: string }>>(page, 'appointmentTypes.list');
  // 10:30 India time, 60 days ahead, or a day later when nobody works that day (staff book inside hours).
  const first = Math.ceil((Date.now() + 60 * 86_400_000) / 86_400_000) * 86_400_000 + 5 * 3_600_000;
  for (let later = 0; later < 3; later++) {
    const startsAt = new Date(first + later * 86_400_000);
    for (const clinician of day.clinicians) {
      for (const type of types) {
        const input = { centreId: centre?.id, clinicianId: clinician.id, patientId, typeId: type.id, startsAt };
        const booked = await trpc<{ id: string }>(page, 'appointments.create', input, true).catch(() => null);
        if (booked) return { id: booked.id, startsAt };
      }
    }
  }
  throw new Error('no clinician and type could be booked');
}

test('a booking emails its confirmation with the calendar invitation; its confirm link shows on the calendar', async ({
  page,
  browser,
}) => {
  await signInStaff(page, DEMO.staff.frontDesk.email, DEMO.password);
  await expect(page).toHaveURL(/\/today/);
  // A patient who agreed to email only: the confirmation goes by email, through the SMTP adapter.
  const patient = await trpc<{ id: string }>(
    page,
    'patients.create',
    {
      firstName: 'Kavya',
      lastName: `Email${RUN}`,
      phone: `93${String(Date.now() % 100_000_000).padStart(8, '0')}`,
      email: EMAIL,
      consentSms: false,
      consentWhatsapp: false,
      consentEmail: true,
    },
    true,
  );
  const visit = await bookVisit(page, patient.id);

  // The worker delivers it to the local SMTP server; the development inbox shows what arrived.
  const email = page.getByTestId('dev-message').filter({ hasText: EMAIL }).filter({ hasText: 'your visit' });
  await expect(async () => {
    await page.goto(`${URLS.dashboard}/dev/outbox?channel=email`);
    await expect(email).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(email).toContainText('via fake SMTP');
  const invitation = email.getByTestId('dev-attachment').getByRole('link', { name: /Calendar invitation/ });
  await expect(invitation).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/confirmation-email.png', fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), invitation.click()]);
  const ics = await download.createReadStream().then(
    (stream) =>
      new Promise<string>((resolve, reject) => {
        let text = '';
        stream.on('data', (chunk) => {
          text += String(chunk);
        });
        stream.on('end', () => resolve(text));
        stream.on('error', reject);
      }),
  );
  expect(ics).toContain('METHOD:REQUEST');
  expect(ics).toContain(`UID:${visit.id}@`);
  const start = visit.startsAt.toISOString().replace(/[-:]/g, '').replace('.000', '');
  expect(ics).toContain(`DTSTART:${start}`);

  // The patient's record lists what was sent to them.
  await page.goto(`${URLS.dashboard}/patients/${patient.id}?tab=messages`);
  const sent = page.getByRole('tabpanel').getByText('Booking confirmation').filter({ visible: true });
  await expect(sent.first()).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/patient-messages.png', fullPage: true });
  await page.goto(`${URLS.dashboard}/dev/outbox?channel=email`);

  // The patient follows the email's confirm link, on a phone, without signing in.
  const body = (await email.getByTestId('dev-body').textContent()) ?? '';
  const link = /https?:\/\/\S+\/r\/[A-Za-z0-9_-]+/.exec(body)?.[0];
  expect(link).toBeDefined();
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const patientPage = await phone.newPage();
  await patientPage.goto(new URL(new URL(link ?? '').pathname, URLS.booking).toString());
  await patientPage.getByRole('button', { name: "Yes, I'll be there" }).click();
  await expect(patientPage.getByRole('status')).toContainText('Thank you');
  await phone.close();

  // The front desk sees it confirmed on the calendar.
  const date = new Date(visit.startsAt.getTime() + 5.5 * 3_600_000).toISOString().slice(0, 10);
  await page.goto(`${URLS.dashboard}/calendar?date=${date}`);
  const card = page.getByTestId('appointment-card').filter({ hasText: `Kavya Email${RUN}` });
  await expect(card.getByRole('img', { name: 'Confirmed by the patient' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/confirmation-calendar.png' });
});
