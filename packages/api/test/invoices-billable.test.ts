import type { StaffPrincipal } from '@carelane/auth';
import { appointments, appointmentTypes, auditLog } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic, createPatient } from './fixtures';
import { insertVisit, staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let manager: StaffPrincipal;
let dentist: StaffPrincipal;
let desk: StaffPrincipal;
let deskB: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Billable A');
  b = await createClinic(t.db, 'Billable B');
  manager = await staffOf(t.db, a, 'manager');
  dentist = await staffOf(t.db, a, 'clinician');
  desk = await staffOf(t.db, a, 'front_desk');
  deskB = await staffOf(t.db, b, 'front_desk');
});
afterAll(() => t.close());

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('invoices.billable', () => {
  it('lists unbilled treatments and visits; billed ones leave and come back when their invoice is void', async () => {
    const patient = await createPatient(t.db, a.org.id);
    const filling = await callerAs(t.db, manager).procedures.save({
      name: `Filling ${Math.random()}`,
      priceMinor: 150_000,
      taxRateBasisPoints: 1800,
    });
    const treatment = await callerAs(t.db, dentist).treatments.create({
      patientId: patient.id,
      procedureId: filling.id,
      tooth: 14,
      discountMinor: 10_000,
      status: 'done',
    });
    const done = await insertVisit(t.db, a, patient.id, -1, 'completed');
    await insertVisit(t.db, a, patient.id, 2, 'confirmed');
    await insertVisit(t.db, a, patient.id, -2, 'cancelled');

    const before = await callerAs(t.db, desk).invoices.billable({ patientId: patient.id });
    expect(before.treatments).toEqual([
      expect.objectContaining({
        id: treatment.id,
        amountMinor: 140_000,
        description: expect.stringMatching(/tooth 14/),
      }),
    ]);
    expect(before.visits).toEqual([
      expect.objectContaining({
        id: done.id,
        amountMinor: 50_000,
        description: expect.stringMatching(/^Consultation on /),
      }),
    ]);
    expect(before.fees).toEqual([]);

    const draft = await callerAs(t.db, desk).invoices.create({
      patientId: patient.id,
      lines: [{ treatmentId: treatment.id }, { appointmentId: done.id }],
    });
    const billed = await callerAs(t.db, desk).invoices.billable({ patientId: patient.id });
    expect([billed.treatments, billed.visits]).toEqual([[], []]);

    await callerAs(t.db, desk).invoices.issue({ id: draft.id });
    await callerAs(t.db, manager).invoices.void({ id: draft.id, reason: 'Wrong patient' });
    const again = await callerAs(t.db, desk).invoices.billable({ patientId: patient.id });
    expect([ids(again.treatments), ids(again.visits)]).toEqual([[treatment.id], [done.id]]);

    const read = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'patient.billable.read'), eq(auditLog.entityId, patient.id)));
    expect(read).toHaveLength(3);
  });

  it('offers late-cancellation and no-show fees only when the type sets an amount, once', async () => {
    const patient = await createPatient(t.db, a.org.id);
    const missed = await insertVisit(t.db, a, patient.id, -3, 'no_show');
    const late = await insertVisit(t.db, a, patient.id, -4, 'cancelled');
    await t.db.update(appointments).set({ lateCancellation: true }).where(eq(appointments.id, late.id));

    const none = await callerAs(t.db, desk).invoices.billable({ patientId: patient.id });
    expect(none.fees).toEqual([]);

    await t.db
      .update(appointmentTypes)
      .set({ lateCancellationFeeMinor: 20_000, noShowFeeMinor: 30_000 })
      .where(eq(appointmentTypes.id, a.type.id));
    const offered = await callerAs(t.db, desk).invoices.billable({ patientId: patient.id });
    expect(offered.fees.map((f) => [f.id, f.kind, f.amountMinor])).toEqual([
      [late.id, 'late_cancellation_fee', 20_000],
      [missed.id, 'no_show_fee', 30_000],
    ]);
    // A missed visit is not itself billable as a visit.
    expect(offered.visits).toEqual([]);

    await callerAs(t.db, desk).invoices.create({
      patientId: patient.id,
      lines: [{ appointmentId: missed.id, kind: 'no_show_fee' }],
    });
    const left = await callerAs(t.db, desk).invoices.billable({ patientId: patient.id });
    expect(left.fees.map((f) => f.kind)).toEqual(['late_cancellation_fee']);
  });

  it('is NOT_FOUND for another organization’s patient', async () => {
    const error = await callerAs(t.db, deskB)
      .invoices.billable({ patientId: a.patient.id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
  });
});

describe('invoices.statement', () => {
  it('runs the balance through invoices issued, payments, refunds and voids, in exact paise', async () => {
    const patient = await createPatient(t.db, a.org.id);
    const bill = async (price: number) => {
      const draft = await callerAs(t.db, desk).invoices.create({
        patientId: patient.id,
        lines: [{ description: 'Toothpaste', unitPriceMinor: price }],
      });
      return callerAs(t.db, desk).invoices.issue({ id: draft.id });
    };
    const first = await bill(123_45);
    const payment = await callerAs(t.db, desk).invoices.recordPayment({
      invoiceId: first?.id ?? '',
      method: 'cash',
      amountMinor: 100_00,
    });
    await callerAs(t.db, manager).invoices.refund({ paymentId: payment.id, amountMinor: 10_01, reason: 'Overcharged' });
    const second = await bill(50_00);
    await callerAs(t.db, manager).invoices.void({ id: second?.id ?? '', reason: 'Duplicate' });
    // A draft is not on the statement.
    await callerAs(t.db, desk).invoices.create({
      patientId: patient.id,
      lines: [{ description: 'Floss', unitPriceMinor: 1_00 }],
    });

    const statement = await callerAs(t.db, desk).invoices.statement({ patientId: patient.id });
    expect(statement.entries.map((e) => [e.kind, e.amountMinor, e.balanceMinor])).toEqual([
      ['invoice', 123_45, 123_45],
      ['payment', -100_00, 23_45],
      ['refund', 10_01, 33_46],
      ['invoice', 50_00, 83_46],
      ['void', -50_00, 33_46],
    ]);
    expect(statement.balanceMinor).toBe(33_46);
    const billing = await callerAs(t.db, desk).invoices.forPatient({ patientId: patient.id });
    expect(billing.balanceMinor).toBe(statement.balanceMinor);

    const other = await callerAs(t.db, deskB)
      .invoices.statement({ patientId: patient.id })
      .catch((e: unknown) => e);
    expect((other as TRPCError).code).toBe('NOT_FOUND');
  });
});
