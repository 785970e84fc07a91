import type { StaffPrincipal } from '@carelane/auth';
import { localChannelMessages, notificationAttempts, notifications, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import type { MessageChannels } from '@carelane/integrations';
import {
  type FakeSmtp,
  type FakeTwilio,
  SmtpEmailChannel,
  startFakeSmtp,
  startFakeTwilio,
  TwilioSmsChannel,
  UnconfiguredChannel,
} from '@carelane/integrations/messaging';
import { and, asc, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAction } from '../src/messaging/confirm-link';
import { type DeliveryDeps, deliverNotification } from '../src/messaging/deliver';
import { deliverDueNotifications } from '../src/messaging/deliver-due';
import { localChannels } from '../src/messaging/local-channel';
import {
  addAllDayHours,
  callerAs,
  createClinic,
  createPatient,
  createStaff,
  indiaTime,
  SECRET,
  signedInStaff,
} from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let frontDesk: StaffPrincipal;
let smtp: FakeSmtp;
let twilio: FakeTwilio;
let deps: DeliveryDeps;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db, 'Sunrise Test Clinic');
  await addAllDayHours(t.db, clinic);
  const desk = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
  frontDesk = (await signedInStaff(t.db, desk.id)).principal as StaffPrincipal;
  smtp = await startFakeSmtp();
  twilio = await startFakeTwilio({ accountSid: 'AC_test', authToken: 'token' });
  const channels: MessageChannels = {
    ...localChannels(t.db),
    email: new SmtpEmailChannel({
      host: smtp.host,
      port: smtp.port,
      secure: false,
      from: 'Clinic <no-reply@clinic.test>',
    }),
    sms: new TwilioSmsChannel({ accountSid: 'AC_test', authToken: 'token', from: '+15005550006', baseUrl: twilio.url }),
  };
  deps = {
    db: t.db,
    channels,
    secret: SECRET,
    bookingUrl: 'https://book.clinic.test',
    emailFrom: 'no-reply@clinic.test',
    policy: { retryBaseMs: 0, maxAttempts: 3 },
  };
});
afterAll(async () => {
  await Promise.all([smtp.close(), twilio.close()]);
  await t.close();
});

async function patientWith(values: Partial<typeof patients.$inferInsert>) {
  const patient = await createPatient(t.db, clinic.org.id);
  if (Object.keys(values).length > 0) await t.db.update(patients).set(values).where(eq(patients.id, patient.id));
  return { ...patient, ...values };
}

async function book(patientId: string, startsAt: Date) {
  return callerAs(t.db, frontDesk).appointments.create({
    centreId: clinic.centre.id,
    clinicianId: clinic.clinician.id,
    patientId,
    typeId: clinic.type.id,
    startsAt,
  });
}

async function messageOf(appointmentId: string, kind: string) {
  const [row] = await t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.appointmentId, appointmentId), eq(notifications.kind, kind)))
    .orderBy(asc(notifications.createdAt));
  if (!row) throw new Error(`no ${kind}`);
  return row;
}

const attemptsOf = (id: string) =>
  t.db
    .select()
    .from(notificationAttempts)
    .where(eq(notificationAttempts.notificationId, id))
    .orderBy(asc(notificationAttempts.attempt));

describe('delivering the outbox', () => {
  it('emails the booking confirmation with the visit as a calendar invitation', async () => {
    const patient = await patientWith({ consentSms: false, consentEmail: true, email: 'asha@test.example' });
    const startsAt = indiaTime(3, 11, 30);
    const visit = await book(patient.id, startsAt);
    const confirmation = await messageOf(visit.id, 'booking_confirmation');
    expect(await deliverNotification(deps, confirmation.id)).toBe('sent');

    const email = await smtp.waitFor((m) => m.to.includes('asha@test.example'));
    expect(email.subject).toContain('Sunrise Test Clinic');
    expect(email.text).toContain(clinic.clinician.name);
    expect(email.text).toContain('11:30 am');
    const ics = email.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics).toBeDefined();
    const event = new ICAL.Event(
      ICAL.Component.fromString(ics?.content.toString('utf8') ?? '').getFirstSubcomponent('vevent') ?? undefined,
    );
    expect(event.startDate.toJSDate().getTime()).toBe(startsAt.getTime());
    expect(event.uid).toBe(`${visit.id}@book.clinic.test`);

    const [sent] = await t.db.select().from(notifications).where(eq(notifications.id, confirmation.id));
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, error: null });
    expect(sent?.body).toContain(clinic.clinician.name);
    expect((await attemptsOf(confirmation.id)).map((a) => a.outcome)).toEqual(['sent']);
  });

  it('renders reminders in the patient language with a signed confirm link', async () => {
    const patient = await patientWith({ language: 'hi' });
    const visit = await book(patient.id, indiaTime(4, 18));
    const reminder = await messageOf(visit.id, 'reminder');
    // Due now, as if its time had come.
    await t.db.update(notifications).set({ nextAttemptAt: sql`now()` }).where(eq(notifications.id, reminder.id));
    expect(await deliverNotification(deps, reminder.id)).toBe('sent');
    const sms = twilio.messages.find((m) => m.to === patient.phone);
    expect(sms?.body).toContain('शाम 6:00');
    expect(sms?.idempotencyKey).toBe(reminder.idempotencyKey);
    const tokens = [...(sms?.body ?? '').matchAll(/https:\/\/book\.clinic\.test\/r\/([A-Za-z0-9_-]+)/g)].map(
      (m) => m[1],
    );
    // The Hindi SMS default asks only to confirm: two links do not fit three Unicode segments.
    expect(tokens.map((token) => verifyAction(token ?? '', SECRET, new Date()))).toEqual([
      { ok: true, appointmentId: visit.id, action: 'confirm' },
    ]);
  });

  it('retries a failing provider, then gives up with the reason and falls back to the next channel', async () => {
    const patient = await patientWith({ consentEmail: true, email: 'fallback@test.example' });
    const visit = await book(patient.id, indiaTime(5, 10));
    const confirmation = await messageOf(visit.id, 'booking_confirmation');
    expect(confirmation.channel).toBe('sms');
    twilio.failNext(3, 503);
    expect(await deliverNotification(deps, confirmation.id)).toBe('retry');
    expect(await deliverNotification(deps, confirmation.id)).toBe('retry');
    expect(await deliverNotification(deps, confirmation.id)).toBe('failed');
    const [failed] = await t.db.select().from(notifications).where(eq(notifications.id, confirmation.id));
    expect(failed?.status).toBe('failed');
    expect(failed?.error).toMatch(/^Gave up after 3 attempts: twilio server \(503\).* Sent by email instead\.$/);
    expect((await attemptsOf(confirmation.id)).map((a) => a.outcome)).toEqual(['failed', 'failed', 'gave_up']);

    const [instead] = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.idempotencyKey, `${confirmation.idempotencyKey}>email`));
    expect(instead).toMatchObject({ channel: 'email', recipient: 'fallback@test.example', status: 'pending' });
    expect(await deliverNotification(deps, instead?.id ?? '')).toBe('sent');
    await smtp.waitFor((m) => m.to.includes('fallback@test.example'));
  });

  it('a message the provider refuses fails at once', async () => {
    const patient = await patientWith({});
    const visit = await book(patient.id, indiaTime(5, 12));
    const confirmation = await messageOf(visit.id, 'booking_confirmation');
    twilio.failNext(1, 400);
    expect(await deliverNotification(deps, confirmation.id)).toBe('failed');
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, confirmation.id));
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.error).toMatch(/^twilio rejected \(400\)/);
  });

  it('never sends on a channel the patient withdrew consent from after the message was written', async () => {
    const patient = await patientWith({});
    const visit = await book(patient.id, indiaTime(5, 14));
    const confirmation = await messageOf(visit.id, 'booking_confirmation');
    await t.db.update(patients).set({ consentSms: false }).where(eq(patients.id, patient.id));
    const before = twilio.messages.length;
    expect(await deliverNotification(deps, confirmation.id)).toBe('cancelled');
    expect(twilio.messages).toHaveLength(before);
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, confirmation.id));
    expect(row).toMatchObject({ status: 'cancelled', error: 'Test has not agreed to SMS messages.' });
  });

  it('sends a message exactly once when deliverers race for it', async () => {
    const patient = await patientWith({});
    const visit = await book(patient.id, indiaTime(6, 10));
    const confirmation = await messageOf(visit.id, 'booking_confirmation');
    const local = { ...deps, channels: localChannels(t.db) };
    const outcomes = await Promise.all([
      deliverNotification(local, confirmation.id),
      deliverNotification(local, confirmation.id),
      deliverDueNotifications(local),
      deliverNotification(local, confirmation.id),
    ]);
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    const delivered = await t.db
      .select()
      .from(localChannelMessages)
      .where(eq(localChannelMessages.notificationId, confirmation.id));
    expect(delivered).toHaveLength(1);
  });

  it('takes over a message whose worker died mid-call, with the same idempotency key', async () => {
    const patient = await patientWith({});
    const visit = await book(patient.id, indiaTime(6, 12));
    const confirmation = await messageOf(visit.id, 'booking_confirmation');
    // A worker claimed it, the provider got it, and the worker died before recording the answer.
    twilio.delayNext(1, 1_500);
    const dying = deliverNotification({ ...deps, policy: { ...deps.policy, leaseMs: 200 } }, confirmation.id);
    await new Promise((r) => setTimeout(r, 400));
    expect(await deliverNotification(deps, confirmation.id)).toBe('sent');
    await dying;
    const toPatient = twilio.messages.filter((m) => m.to === patient.phone);
    expect(toPatient).toHaveLength(1);
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, confirmation.id));
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await attemptsOf(confirmation.id)).map((a) => a.outcome)).toEqual(['interrupted', 'sent']);
  });

  it('does not send a reminder of a visit cancelled after it was queued', async () => {
    const patient = await patientWith({});
    const visit = await book(patient.id, indiaTime(7, 10));
    const reminder = await messageOf(visit.id, 'reminder');
    // The worker would look at it only if due and pending; cancel leaves it cancelled, so nothing goes.
    await callerAs(t.db, frontDesk).appointments.cancel({ id: visit.id, reason: 'Patient called' });
    await t.db.update(notifications).set({ nextAttemptAt: sql`now()` }).where(eq(notifications.id, reminder.id));
    expect(await deliverNotification(deps, reminder.id)).toBe('skipped');
  });

  it('thanks the patient for a desk payment with a receipt naming the invoice', async () => {
    const patient = await patientWith({ consentSms: false, consentEmail: true, email: 'receipt@test.example' });
    const visit = await book(patient.id, indiaTime(8, 10));
    const desk = callerAs(t.db, frontDesk);
    const draft = await desk.invoices.create({ patientId: patient.id, lines: [{ appointmentId: visit.id }] });
    const invoice = await desk.invoices.issue({ id: draft.id });
    if (!invoice) throw new Error('not issued');
    await desk.invoices.recordPayment({ invoiceId: invoice.id, method: 'cash', amountMinor: 20_000 });
    const [receipt] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.patientId, patient.id), eq(notifications.kind, 'receipt')));
    expect(receipt).toMatchObject({ channel: 'email', status: 'pending' });
    expect(await deliverNotification(deps, receipt?.id ?? '')).toBe('sent');
    const email = await smtp.waitFor((m) => m.to.includes('receipt@test.example') && m.subject.includes('receipt'));
    expect(email.text).toContain(`₹200 for invoice ${invoice.number}`);
    expect(email.text).toContain('https://book.clinic.test/payments');
  });

  it('in production a channel without a provider refuses, and the message goes on by the next', async () => {
    const patient = await patientWith({ consentEmail: true, email: 'unconfigured@test.example' });
    const visit = await book(patient.id, indiaTime(8, 14));
    const confirmation = await messageOf(visit.id, 'booking_confirmation');
    const production = { ...deps, channels: { ...deps.channels, sms: new UnconfiguredChannel('sms') } };
    expect(await deliverNotification(production, confirmation.id)).toBe('failed');
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, confirmation.id));
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.error).toBe('No SMS provider is configured on this server. Sent by email instead.');
  });
});
