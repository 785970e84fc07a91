import type { StaffPrincipal } from '@carelane/auth';
import { invoices, paymentLinks, payments, refunds } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyGatewayEvents } from '../src/payments/apply-events';
import { callerAs, createClinic } from './fixtures';
import { staffOf } from './patient-fixtures';
import { startPayments } from './payment-fixtures';

let t: TestDatabase;
let pay: Awaited<ReturnType<typeof startPayments>>;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let manager: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  pay = await startPayments(t.db, {
    keyId: 'rzp_test_refunds',
    keySecret: 'refund-secret',
    webhookSecret: 'refund-hook',
  });
  clinic = await createClinic(t.db, 'Refunds clinic');
  manager = await staffOf(t.db, clinic, 'manager');
});
afterAll(async () => {
  await pay.close();
  await t.close();
});

const staff = () => callerAs(t.db, manager, { payments: pay.gateway });
const invoiceRow = async (id: string) => (await t.db.select().from(invoices).where(eq(invoices.id, id)))[0];

/** An issued ₹1,000 invoice paid in full online through a payment link. */
async function paidOnline() {
  const draft = await staff().invoices.create({
    patientId: clinic.patient.id,
    lines: [{ description: 'Crown fitting', unitPriceMinor: 100_000 }],
  });
  await staff().invoices.issue({ id: draft.id });
  const link = await staff().invoices.createPaymentLink({ invoiceId: draft.id });
  const [row] = await t.db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
  await pay.fake.payLink(row?.gatewayLinkId ?? '');
  await pay.fake.settled();
  await applyGatewayEvents(t.db);
  const [payment] = await t.db.select().from(payments).where(eq(payments.invoiceId, draft.id));
  if (!payment) throw new Error('not paid');
  return { invoiceId: draft.id, payment };
}

describe('refunds of online payments', () => {
  it('go through the gateway, wait as pending, and move money once when refund.processed arrives', async () => {
    const { invoiceId, payment } = await paidOnline();
    expect(payment.creditedMinor).toBe(100_000);
    const refund = await staff().invoices.refund({
      paymentId: payment.id,
      amountMinor: 30_000,
      reason: 'Fitting redone',
    });
    expect(refund).toMatchObject({ status: 'pending', amountMinor: 30_000 });
    expect(refund.gatewayRefundId).toMatch(/^rfnd_/);
    // Nothing moves until the gateway says the refund is processed.
    expect((await invoiceRow(invoiceId))?.refundedMinor).toBe(0);
    // What is pending counts: 80,000 more would be beyond what is left (70,000).
    const beyond = await staff()
      .invoices.refund({ paymentId: payment.id, amountMinor: 80_000, reason: 'Too much' })
      .catch((e: unknown) => e);
    expect(beyond).toBeInstanceOf(TRPCError);
    expect((beyond as TRPCError).message).toBe('A refund cannot be more than was paid: at most ₹700 can be refunded.');

    await pay.fake.settled();
    await applyGatewayEvents(t.db);
    await applyGatewayEvents(t.db);
    const [after] = await t.db.select().from(refunds).where(eq(refunds.id, refund.id));
    expect(after).toMatchObject({ status: 'processed' });
    expect(after?.processedAt).toBeInstanceOf(Date);
    expect(await t.db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toHaveLength(1);
    const [credited] = await t.db.select().from(payments).where(eq(payments.id, payment.id));
    expect(credited).toMatchObject({ creditedMinor: 70_000, status: 'partially_refunded' });
    expect(await invoiceRow(invoiceId)).toMatchObject({ paidMinor: 100_000, refundedMinor: 30_000 });
  });

  it('another organization cannot refund it', async () => {
    const { payment } = await paidOnline();
    const other = await createClinic(t.db, 'Other clinic');
    const stranger = await staffOf(t.db, other, 'manager');
    const refused = await callerAs(t.db, stranger, { payments: pay.gateway })
      .invoices.refund({ paymentId: payment.id, amountMinor: 1_000, reason: 'Not ours' })
      .catch((e: unknown) => e);
    expect((refused as TRPCError).code).toBe('NOT_FOUND');
    expect(await t.db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toEqual([]);
  });
});
