import type { PatientPrincipal } from '@carelane/auth';
import {
  appointments,
  appointmentTypes,
  gatewayOrders,
  invoices,
  notifications,
  paymentLinks,
  payments,
} from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import {
  type CheckoutForm,
  type FakeRazorpay,
  RazorpayGateway,
  startFakeRazorpay,
} from '@carelane/integrations/payments';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCheckoutCallbackHandler } from '../src/http/razorpay-checkout';
import { createRazorpayWebhookHandler } from '../src/http/razorpay-webhook';
import { applyGatewayEvents } from '../src/payments/apply-events';
import { RELEASED_UNPAID_REASON, releaseUnpaidBookings } from '../src/payments/release-unpaid';
import {
  addDailyHours,
  callerAs,
  createClinic,
  createPatient,
  deps,
  indiaTime,
  serveRequests,
  signedInPatient,
} from './fixtures';
import { staffOf } from './patient-fixtures';

const KEYS = { keyId: 'rzp_test_prepay', keySecret: 'prepay-key-secret', webhookSecret: 'prepay-webhook-secret' };
const BOOKING_URL = 'http://booking.test';

let t: TestDatabase;
let fake: FakeRazorpay;
let gateway: RazorpayGateway;
let hook: Awaited<ReturnType<typeof serveRequests>>;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let callback: (req: Request) => Promise<Response>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  fake = await startFakeRazorpay(KEYS);
  gateway = new RazorpayGateway({ ...KEYS, baseUrl: fake.url });
  const apiDeps = async () => deps(t.db, { payments: gateway, bookingUrl: BOOKING_URL });
  hook = await serveRequests(createRazorpayWebhookHandler(apiDeps));
  fake.setWebhookUrl(hook.url);
  callback = createCheckoutCallbackHandler(apiDeps);
  clinic = await createClinic(t.db, 'Prepaid clinic');
  await addDailyHours(t.db, clinic);
  await t.db
    .update(appointmentTypes)
    .set({ requiresPrepayment: true, depositMinor: 20_000, minimumNoticeMinutes: 0 })
    .where(eq(appointmentTypes.id, clinic.type.id));
});
afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => hook.server.close(resolve));
  await t.close();
});

async function newPatient() {
  const patient = await createPatient(t.db, clinic.org.id);
  return (await signedInPatient(t.db, patient.id)) as PatientPrincipal;
}
const site = (principal: PatientPrincipal) =>
  callerAs(t.db, principal, {
    audience: 'patient',
    siteOrganizationId: clinic.org.id,
    payments: gateway,
    bookingUrl: BOOKING_URL,
  });
let hour = 9;
const book = (principal: PatientPrincipal) =>
  site(principal).portal.book({
    clinicianId: clinic.clinician.id,
    typeId: clinic.type.id,
    startsAt: indiaTime(5, hour++),
  });

/** What the patient's browser does on hosted Checkout: opens it, presses Pay or Fail, and is posted back. */
async function payOnCheckout(form: CheckoutForm, outcome: 'pay' | 'fail') {
  const page = await (await fetch(form.action, { method: 'POST', body: new URLSearchParams(form.fields) })).text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1]?.replaceAll('&#38;', '&') ?? '';
  const result = await fetch(new URL(action, fake.url), {
    method: 'POST',
    body: new URLSearchParams({ outcome }),
    redirect: 'manual',
  });
  const html = await result.text();
  const fields = Object.fromEntries(
    [...html.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [
      m[1] ?? '',
      (m[2] ?? '').replaceAll('&#34;', '"'),
    ]),
  );
  return fields;
}
const postBack = (fields: Record<string, string>) =>
  callback(
    new Request(`${BOOKING_URL}/api/payments/razorpay/callback`, { method: 'POST', body: new URLSearchParams(fields) }),
  );
const visitOf = async (id: string) => (await t.db.select().from(appointments).where(eq(appointments.id, id)))[0];

describe('prepayment at booking', () => {
  it('a prepaid booking waits, is paid on Checkout, verified on return and confirmed; the webhooks credit nothing more', async () => {
    const patient = await newPatient();
    const booked = await book(patient);
    expect(booked).toMatchObject({ status: 'pending', prepaymentMinor: 20_000 });
    const checkout = await site(patient).portal.pay({ appointmentId: booked.id });
    expect(checkout).toMatchObject({ amountMinor: 20_000, action: `${fake.url}/v1/checkout/embedded` });
    expect(checkout.fields.callback_url).toBe(`${BOOKING_URL}/api/payments/razorpay/callback`);
    // Opening Checkout again reuses the open order (Razorpay allows several attempts on one).
    const again = await site(patient).portal.pay({ appointmentId: booked.id });
    expect(again.fields.order_id).toBe(checkout.fields.order_id);

    // A link to pay from the phone went out by SMS (the one channel this patient agreed to), valid for the hold.
    const [link] = await t.db.select().from(paymentLinks).where(eq(paymentLinks.appointmentId, booked.id));
    expect(link).toMatchObject({ amountMinor: 20_000, status: 'created' });
    expect((link?.expiresAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(25 * 60_000);
    const [sms] = await t.db.select().from(notifications).where(eq(notifications.patientId, patient.patientId));
    expect(sms).toMatchObject({ channel: 'sms', kind: 'payment_link' });

    const fields = await payOnCheckout(checkout, 'pay');
    const answer = await postBack(fields);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`${BOOKING_URL}/appointments?payment=paid&appointment=${booked.id}`);
    expect(await visitOf(booked.id)).toMatchObject({ status: 'confirmed', paymentStatus: 'partly_paid' });
    const [row] = await t.db.select().from(payments).where(eq(payments.appointmentId, booked.id));
    expect(row).toMatchObject({ method: 'razorpay', status: 'captured', creditedMinor: 20_000 });

    // The webhooks arrive afterwards (and the callback is posted twice): nothing is credited again.
    await fake.settled();
    await applyGatewayEvents(t.db);
    await postBack(fields);
    const rows = await t.db.select().from(payments).where(eq(payments.appointmentId, booked.id));
    expect(rows.map((r) => r.creditedMinor)).toEqual([20_000]);
    // Paid through Checkout, so the link cannot be paid as well.
    const [cancelled] = await t.db
      .select()
      .from(paymentLinks)
      .where(eq(paymentLinks.id, link?.id ?? ''));
    expect(cancelled?.status).toBe('cancelled');
    await expect(fake.payLink(link?.gatewayLinkId ?? '')).rejects.toThrow(/cancelled/);
    const [order] = await t.db.select().from(gatewayOrders).where(eq(gatewayOrders.appointmentId, booked.id));
    expect(order?.status).toBe('paid');
    const paidAgain = await site(patient)
      .portal.pay({ appointmentId: booked.id })
      .catch((e: unknown) => e);
    expect(paidAgain).toBeInstanceOf(TRPCError);
    expect((paidAgain as TRPCError).code).toBe('CONFLICT');
  });

  it('a forged or altered signature changes nothing; a failed payment leaves the visit pending', async () => {
    const patient = await newPatient();
    const booked = await book(patient);
    const checkout = await site(patient).portal.pay({ appointmentId: booked.id });
    const failed = await payOnCheckout(checkout, 'fail');
    const failedAnswer = await postBack(failed);
    expect(failedAnswer.headers.get('location')).toBe(
      `${BOOKING_URL}/appointments?payment=failed&appointment=${booked.id}`,
    );
    const fields = await payOnCheckout(checkout, 'pay');
    const forged = await postBack({ ...fields, razorpay_signature: '0'.repeat(64) });
    expect(forged.headers.get('location')).toContain('payment=unverified');
    const otherOrder = await postBack({ ...fields, razorpay_order_id: 'order_doesnotexist' });
    expect(otherOrder.headers.get('location')).toBe(`${BOOKING_URL}/appointments?payment=failed`);
    expect(await visitOf(booked.id)).toMatchObject({ status: 'pending', paymentStatus: 'unpaid' });
    expect(await t.db.select().from(payments).where(eq(payments.appointmentId, booked.id))).toEqual([]);
  });

  it('a patient can pay only their own pending visit', async () => {
    const owner = await newPatient();
    const stranger = await newPatient();
    const booked = await book(owner);
    const theirs = await site(stranger)
      .portal.pay({ appointmentId: booked.id })
      .catch((e: unknown) => e);
    expect((theirs as TRPCError).code).toBe('NOT_FOUND');
    await t.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, booked.id));
    const cancelled = await site(owner)
      .portal.pay({ appointmentId: booked.id })
      .catch((e: unknown) => e);
    expect((cancelled as TRPCError).message).toMatch(/cancelled/);
  });

  it('an unpaid prepaid booking is released after the hold, and its time can be booked again', async () => {
    const slow = await newPatient();
    const startsAt = indiaTime(6, 10);
    const slot = { clinicianId: clinic.clinician.id, typeId: clinic.type.id, startsAt };
    const booked = await site(slow).portal.book(slot);
    // Both open Checkout and leave it; their money comes only after the release.
    const slowOrder = (await site(slow).portal.pay({ appointmentId: booked.id })).fields.order_id ?? '';
    const lucky = await newPatient();
    const luckyVisit = await book(lucky);
    const luckyOrder = (await site(lucky).portal.pay({ appointmentId: luckyVisit.id })).fields.order_id ?? '';
    const paying = await newPatient();
    const paid = await book(paying);
    await site(paying)
      .portal.pay({ appointmentId: paid.id })
      .then((form) => payOnCheckout(form, 'pay'))
      .then(postBack);
    expect(await releaseUnpaidBookings(t.db, new Date(Date.now() + 29 * 60_000))).toBe(0);
    expect(await releaseUnpaidBookings(t.db, new Date(Date.now() + 31 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(await visitOf(booked.id)).toMatchObject({ status: 'cancelled', cancellationReason: RELEASED_UNPAID_REASON });
    expect((await visitOf(paid.id))?.status).toBe('confirmed');
    const late = await site(slow)
      .portal.pay({ appointmentId: booked.id })
      .catch((e: unknown) => e);
    expect((late as TRPCError).message).toMatch(/cancelled/);
    const again = await site(await newPatient()).portal.book(slot);
    expect(again.status).toBe('pending');

    // Money after the release: a time still free is booked again; a time taken meanwhile is not.
    expect((await visitOf(luckyVisit.id))?.status).toBe('cancelled');
    await fake.pay(luckyOrder, { succeed: true });
    await fake.pay(slowOrder, { succeed: true });
    await fake.settled();
    await applyGatewayEvents(t.db);
    expect(await visitOf(luckyVisit.id)).toMatchObject({ status: 'confirmed', cancellationReason: null });
    expect(await visitOf(booked.id)).toMatchObject({ status: 'cancelled', paymentStatus: 'partly_paid' });
    expect((await visitOf(again.id))?.status).toBe('pending');
  });

  it('staff send a payment link for what a visit still owes; a visit on an invoice is paid through the invoice', async () => {
    const patient = await newPatient();
    const booked = await book(patient);
    const desk = await staffOf(t.db, clinic, 'front_desk');
    const staff = callerAs(t.db, desk, { payments: gateway });
    // The visit's deposit (₹200) is paid online; the link asks for the rest of the ₹500 fee.
    await site(patient)
      .portal.pay({ appointmentId: booked.id })
      .then((form) => payOnCheckout(form, 'pay'))
      .then(postBack);
    const link = await staff.appointments.createPaymentLink({ appointmentId: booked.id, sendVia: 'sms' });
    expect(link).toMatchObject({ amountMinor: 30_000, sentVia: 'sms' });
    const [row] = await t.db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    await fake.payLink(row?.gatewayLinkId ?? '', { duplicate: true });
    await fake.settled();
    await applyGatewayEvents(t.db);
    expect(await visitOf(booked.id)).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' });
    const paid = await staff.appointments.createPaymentLink({ appointmentId: booked.id }).catch((e: unknown) => e);
    expect(paid).toMatchObject({ code: 'CONFLICT', message: 'This visit is already paid.' });

    const other = await book(await newPatient());
    await t.db.update(appointments).set({ status: 'completed' }).where(eq(appointments.id, other.id));
    const visitOwner = await visitOf(other.id);
    const draft = await staff.invoices.create({
      patientId: visitOwner?.patientId ?? '',
      lines: [{ appointmentId: other.id }],
    });
    await staff.invoices.issue({ id: draft.id });
    const [issued] = await t.db.select().from(invoices).where(eq(invoices.id, draft.id));
    const billed = await staff.appointments.createPaymentLink({ appointmentId: other.id }).catch((e: unknown) => e);
    expect(billed).toMatchObject({
      code: 'CONFLICT',
      message: `This visit is billed on invoice ${issued?.number}: send a payment link for that invoice instead.`,
    });
  });

  it('without a payment gateway on the server, a prepaid type is booked as confirmed and paid at the clinic', async () => {
    const patient = await newPatient();
    const offline = callerAs(t.db, patient, { audience: 'patient', siteOrganizationId: clinic.org.id });
    const booked = await offline.portal.book({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      startsAt: indiaTime(7, hour++),
    });
    expect(booked).toMatchObject({ status: 'confirmed', prepaymentMinor: 0 });
    expect(await t.db.select().from(paymentLinks).where(eq(paymentLinks.appointmentId, booked.id))).toEqual([]);
  });
});
