import type { Server } from 'node:http';
import {
  appointments,
  gatewayEvents,
  gatewayOrders,
  invoices,
  notifications,
  patients,
  paymentLinks,
  payments,
  refunds,
} from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { type FakeRazorpay, RazorpayGateway, startFakeRazorpay } from '@carelane/integrations/payments';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRazorpayWebhookHandler } from '../src/http/razorpay-webhook';
import { applyGatewayEvents } from '../src/payments/apply-events';
import { callerAs, createClinic, deps, serveRequests } from './fixtures';
import { insertVisit, staffOf } from './patient-fixtures';

const KEYS = {
  keyId: 'rzp_test_carelane',
  keySecret: 'key-secret-for-tests',
  webhookSecret: 'webhook-secret-for-tests',
};

let t: TestDatabase;
let fake: FakeRazorpay;
let gateway: RazorpayGateway;
let hook: { url: string; server: Server };
let clinic: Awaited<ReturnType<typeof createClinic>>;
let other: Awaited<ReturnType<typeof createClinic>>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  fake = await startFakeRazorpay(KEYS);
  gateway = new RazorpayGateway({ ...KEYS, baseUrl: fake.url });
  hook = await serveRequests(createRazorpayWebhookHandler(async () => deps(t.db, { payments: gateway })));
  fake.setWebhookUrl(hook.url);
  clinic = await createClinic(t.db, 'Webhooks A');
  other = await createClinic(t.db, 'Webhooks B');
});
afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => hook.server.close(resolve));
  await t.close();
});

/** A pending prepaid visit with its gateway order, as the booking site would create it. */
async function prepaidVisit(amountMinor = 50_000, owner = clinic) {
  const visit = await insertVisit(t.db, owner, owner.patient.id, 3, 'pending');
  const order = await gateway.createOrder({ amountMinor, currency: 'INR', receipt: visit.id });
  await t.db.insert(gatewayOrders).values({
    organizationId: owner.org.id,
    patientId: owner.patient.id,
    gatewayOrderId: order.orderId,
    appointmentId: visit.id,
    amountMinor,
    currency: 'INR',
  });
  return { visit, order };
}

const post = (body: string, signature: string, eventId: string) =>
  fetch(hook.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-razorpay-signature': signature, 'x-razorpay-event-id': eventId },
    body,
  });

const paymentRow = async (gatewayPaymentId: string) =>
  (await t.db.select().from(payments).where(eq(payments.gatewayPaymentId, gatewayPaymentId)))[0];

describe('Razorpay webhooks', () => {
  it('a paid order confirms the prepaid visit and credits once, however often the events are replayed', async () => {
    const { visit, order } = await prepaidVisit();
    const paid = await fake.pay(order.orderId, { succeed: true });
    await fake.settled();
    expect(fake.deliveries.filter((d) => d.status === 200).length).toBeGreaterThanOrEqual(3);
    expect(await applyGatewayEvents(t.db)).toBe(3);
    const row = await paymentRow(paid.paymentId);
    expect(row).toMatchObject({
      method: 'razorpay',
      status: 'captured',
      creditedMinor: 50_000,
      appointmentId: visit.id,
    });
    const [booked] = await t.db.select().from(appointments).where(eq(appointments.id, visit.id));
    expect(booked).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' });
    // Razorpay delivers at least once: the same events again change nothing.
    for (const d of fake.deliveries.filter((x) => x.body.includes(paid.paymentId))) {
      expect((await post(d.body, d.signature, d.eventId)).status).toBe(200);
    }
    expect(await applyGatewayEvents(t.db)).toBe(0);
    expect((await paymentRow(paid.paymentId))?.creditedMinor).toBe(50_000);
  });

  it('10 concurrent deliveries of one event record and credit it once', async () => {
    const { order } = await prepaidVisit(70_000);
    const before = fake.deliveries.length;
    const paid = await fake.pay(order.orderId, { succeed: true });
    await fake.settled();
    const captured = fake.deliveries.slice(before).find((d) => d.event === 'payment.captured');
    if (!captured) throw new Error('no payment.captured delivery');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post(captured.body, captured.signature, captured.eventId)),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    const recorded = await t.db.select().from(gatewayEvents).where(eq(gatewayEvents.eventId, captured.eventId));
    expect(recorded).toHaveLength(1);
    await Promise.all([applyGatewayEvents(t.db), applyGatewayEvents(t.db)]);
    expect((await paymentRow(paid.paymentId))?.creditedMinor).toBe(70_000);
  });

  it('a tampered body or signature is refused and changes nothing', async () => {
    const { order } = await prepaidVisit(90_000);
    fake.setWebhookUrl(undefined);
    const before = fake.deliveries.length;
    await fake.pay(order.orderId, { succeed: true });
    await fake.settled();
    fake.setWebhookUrl(hook.url);
    const d = fake.deliveries.slice(before).find((x) => x.event === 'payment.captured');
    if (!d) throw new Error('no delivery');
    const tampered = d.body.replace('"amount":90000', '"amount":9000000');
    expect(tampered).not.toBe(d.body);
    expect((await post(tampered, d.signature, 'evt_tampered')).status).toBe(400);
    // The last hex digit changed (a fixed '0' would be no change one time in 16).
    const badSignature = `${d.signature.slice(0, -1)}${d.signature.endsWith('0') ? '1' : '0'}`;
    expect((await post(d.body, badSignature, 'evt_badsig')).status).toBe(400);
    expect((await post(d.body, '', 'evt_nosig')).status).toBe(400);
    const stored = await t.db.select().from(gatewayEvents);
    expect(stored.map((e) => e.eventId)).not.toEqual(expect.arrayContaining(['evt_tampered']));
    expect(stored.some((e) => ['evt_tampered', 'evt_badsig', 'evt_nosig'].includes(e.eventId))).toBe(false);
  });

  it('any order and repetition of events, a refund among them, ends crediting capture minus refund', async () => {
    const invoiceAmount = 120_000;
    const [invoice] = await t.db
      .insert(invoices)
      .values({
        organizationId: clinic.org.id,
        patientId: clinic.patient.id,
        currency: 'INR',
        status: 'issued',
        number: 1,
        subtotalMinor: invoiceAmount,
        totalMinor: invoiceAmount,
      })
      .returning();
    const order = await gateway.createOrder({
      amountMinor: invoiceAmount,
      currency: 'INR',
      receipt: invoice?.id ?? '',
    });
    await t.db.insert(gatewayOrders).values({
      organizationId: clinic.org.id,
      patientId: clinic.patient.id,
      gatewayOrderId: order.orderId,
      invoiceId: invoice?.id ?? null,
      amountMinor: invoiceAmount,
      currency: 'INR',
    });
    const paid = await fake.pay(order.orderId, { succeed: true, duplicate: true, outOfOrder: true });
    await fake.refund(paid.paymentId, { amountMinor: 20_000, duplicate: true });
    await fake.settled();
    await applyGatewayEvents(t.db);
    await applyGatewayEvents(t.db);
    expect((await t.db.select().from(gatewayEvents)).filter((e) => e.error !== null)).toEqual([]);
    const row = await paymentRow(paid.paymentId);
    expect(row).toMatchObject({ status: 'partially_refunded', creditedMinor: 100_000 });
    const [after] = await t.db
      .select()
      .from(invoices)
      .where(eq(invoices.id, invoice?.id ?? ''));
    expect([after?.paidMinor, after?.refundedMinor]).toEqual([120_000, 20_000]);
    // The refund made at the gateway is kept as a row, once.
    const given = await t.db
      .select()
      .from(refunds)
      .where(eq(refunds.paymentId, row?.id ?? ''));
    expect(given.map((r) => [r.amountMinor, r.status, r.gatewayRefundId?.startsWith('rfnd_')])).toEqual([
      [20_000, 'processed', true],
    ]);
  });

  it("never credits another organization's order, whatever the event says", async () => {
    const { visit, order } = await prepaidVisit(60_000, other);
    const paid = await fake.pay(order.orderId, { succeed: true });
    await fake.settled();
    await applyGatewayEvents(t.db);
    const row = await paymentRow(paid.paymentId);
    expect(row?.organizationId).toBe(other.org.id);
    expect(row?.patientId).toBe(other.patient.id);
    expect(row?.appointmentId).toBe(visit.id);
  });

  it('a payment link for the balance, sent by SMS with consent, pays the invoice when paid', async () => {
    await t.db.update(patients).set({ consentSms: true }).where(eq(patients.id, clinic.patient.id));
    const [invoice] = await t.db
      .insert(invoices)
      .values({
        organizationId: clinic.org.id,
        patientId: clinic.patient.id,
        currency: 'INR',
        status: 'issued',
        number: 2,
        subtotalMinor: 80_000,
        totalMinor: 80_000,
        paidMinor: 30_000,
      })
      .returning();
    const desk = await staffOf(t.db, clinic, 'front_desk');
    const link = await callerAs(t.db, desk, { payments: gateway }).invoices.createPaymentLink({
      invoiceId: invoice?.id ?? '',
      sendVia: 'sms',
    });
    expect(link).toMatchObject({ amountMinor: 50_000, sentVia: 'sms' });
    const [sms] = await t.db.select().from(notifications).where(eq(notifications.kind, 'payment_link'));
    expect(sms?.payload).toMatchObject({ amount: '₹500', what: 'invoice 2', link: link.url });
    const [row] = await t.db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    await fake.payLink(row?.gatewayLinkId ?? '', { duplicate: true });
    await fake.settled();
    await applyGatewayEvents(t.db);
    await applyGatewayEvents(t.db);
    const [after] = await t.db
      .select()
      .from(invoices)
      .where(eq(invoices.id, invoice?.id ?? ''));
    expect(after?.paidMinor).toBe(80_000);
    const [paidLink] = await t.db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect(paidLink?.status).toBe('paid');
    const again = await callerAs(t.db, desk, { payments: gateway })
      .invoices.createPaymentLink({ invoiceId: invoice?.id ?? '' })
      .catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'This invoice is already paid.' });
  });
});
