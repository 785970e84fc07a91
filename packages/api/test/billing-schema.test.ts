import { gatewayEvents, invoices, payments, pgErrorInfo, refunds, treatments } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClinic } from './fixtures';

// The billing tables refuse impossible money whatever the code does (migration 0030).
let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db, 'Billing schema');
});
afterAll(() => t.close());

const refusal = async (write: () => Promise<unknown>) =>
  pgErrorInfo(
    await write().then(
      () => null,
      (e: unknown) => e,
    ),
  )?.code;

describe('billing tables', () => {
  const base = () => ({ organizationId: clinic.org.id, patientId: clinic.patient.id, currency: 'INR' });

  it('keep teeth in 1-32 and a discount within the price', async () => {
    const treatment = (tooth: number | null, priceMinor: number, discountMinor: number) =>
      t.db.insert(treatments).values({
        ...base(),
        tooth,
        description: 'Filling',
        priceMinor,
        discountMinor,
        createdById: clinic.clinician.id,
      });
    await expect(treatment(14, 150_000, 15_000)).resolves.toBeDefined();
    await expect(treatment(null, 50_000, 0)).resolves.toBeDefined();
    expect(await refusal(() => treatment(33, 1000, 0))).toBe('23514');
    expect(await refusal(() => treatment(0, 1000, 0))).toBe('23514');
    expect(await refusal(() => treatment(3, 1000, 1001))).toBe('23514');
  });

  it('number issued invoices only, and never refund more than was paid on one', async () => {
    const invoice = (values: Partial<typeof invoices.$inferInsert>) =>
      t.db.insert(invoices).values({ ...base(), ...values });
    await expect(invoice({})).resolves.toBeDefined();
    expect(await refusal(() => invoice({ status: 'issued' }))).toBe('23514');
    expect(await refusal(() => invoice({ number: 7 }))).toBe('23514');
    await expect(
      invoice({ status: 'issued', number: 1, totalMinor: 1000, paidMinor: 1000, refundedMinor: 400 }),
    ).resolves.toBeDefined();
    expect(await refusal(() => invoice({ status: 'issued', number: 1 }))).toBe('23505');
    expect(await refusal(() => invoice({ status: 'issued', number: 2, paidMinor: 500, refundedMinor: 501 }))).toBe(
      '23514',
    );
  });

  it('hold a gateway payment, a refund and an event once each', async () => {
    const payment = (id: string) =>
      t.db
        .insert(payments)
        .values({ ...base(), method: 'razorpay', amountMinor: 5000, status: 'captured', gatewayPaymentId: id });
    await expect(payment('pay_A')).resolves.toBeDefined();
    expect(await refusal(() => payment('pay_A'))).toBe('23505');
    // Cash has no gateway id; a gateway payment must have one.
    expect(
      await refusal(() =>
        t.db.insert(payments).values({ ...base(), method: 'razorpay', amountMinor: 5000, status: 'captured' }),
      ),
    ).toBe('23514');
    expect(
      await refusal(() =>
        t.db.insert(payments).values({ ...base(), method: 'cash', amountMinor: 0, status: 'captured' }),
      ),
    ).toBe('23514');
    const [cash] = await t.db
      .insert(payments)
      .values({ ...base(), method: 'cash', amountMinor: 2000, creditedMinor: 2000, status: 'captured' })
      .returning();
    const refund = (gatewayRefundId: string | null, amountMinor = 500) =>
      t.db.insert(refunds).values({
        organizationId: clinic.org.id,
        paymentId: cash?.id ?? '',
        amountMinor,
        currency: 'INR',
        status: 'processed',
        gatewayRefundId,
      });
    await expect(refund('rfnd_1')).resolves.toBeDefined();
    expect(await refusal(() => refund('rfnd_1'))).toBe('23505');
    expect(await refusal(() => refund(null, 0))).toBe('23514');
    const event = () => t.db.insert(gatewayEvents).values({ eventId: 'evt_1', event: 'payment.captured' });
    await expect(event()).resolves.toBeDefined();
    expect(await refusal(event)).toBe('23505');
  });
});
