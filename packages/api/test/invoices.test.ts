import type { StaffPrincipal } from '@carelane/auth';
import { appointments, appointmentTypes, auditLog } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic } from './fixtures';
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
  a = await createClinic(t.db, 'Invoices A');
  b = await createClinic(t.db, 'Invoices B');
  manager = await staffOf(t.db, a, 'manager');
  dentist = await staffOf(t.db, a, 'clinician');
  desk = await staffOf(t.db, a, 'front_desk');
  deskB = await staffOf(t.db, b, 'front_desk');
});
afterAll(() => t.close());

const failure = async (run: () => Promise<unknown>) => {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

/** A draft with a crown (18 % GST, ₹1,000 off) and a visit, issued. */
async function issuedInvoice() {
  const crown = await callerAs(t.db, manager).procedures.save({
    name: `Crown ${Math.random()}`,
    priceMinor: 1_200_000,
    taxRateBasisPoints: 1800,
  });
  const treatment = await callerAs(t.db, dentist).treatments.create({
    patientId: a.patient.id,
    procedureId: crown.id,
    tooth: 3,
    discountMinor: 100_000,
    status: 'done',
  });
  const visit = await insertVisit(t.db, a, a.patient.id, -1);
  const draft = await callerAs(t.db, desk).invoices.create({
    patientId: a.patient.id,
    lines: [{ treatmentId: treatment.id }, { appointmentId: visit.id }],
  });
  return callerAs(t.db, desk).invoices.issue({ id: draft.id });
}

describe('invoices', () => {
  it('are built from treatments and visits with exact totals, and numbered without gaps when issued', async () => {
    const invoice = await issuedInvoice();
    // Crown 12,000.00 - 1,000.00 = 11,000.00 + 18 % = 1,980.00 tax; the visit 500.00 untaxed.
    expect(invoice).toMatchObject({
      status: 'issued',
      subtotalMinor: 1_250_000,
      discountMinor: 100_000,
      taxMinor: 198_000,
      totalMinor: 1_348_000,
    });
    const full = await callerAs(t.db, desk).invoices.byId({ id: invoice?.id ?? '' });
    await callerAs(t.db, desk).invoices.forPatient({ patientId: a.patient.id });
    const reads = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(inArray(auditLog.entityId, [invoice?.id ?? '', a.patient.id]));
    expect(reads.map((r) => r.action)).toEqual(expect.arrayContaining(['invoice.read', 'patient.billing.read']));
    expect(full.lines.map((l) => [l.kind, l.description, l.totalMinor])).toEqual([
      ['treatment', expect.stringMatching(/^Crown .* \(tooth 3\)$/), 1_298_000],
      ['appointment', expect.stringMatching(/^Consultation on \d{4}-\d{2}-\d{2}$/), 50_000],
    ]);
    const drafts = await Promise.all(
      Array.from({ length: 8 }, () =>
        callerAs(t.db, desk).invoices.create({
          patientId: a.patient.id,
          lines: [{ description: 'Toothbrush', unitPriceMinor: 9_900 }],
        }),
      ),
    );
    const issued = await Promise.all(drafts.map((d) => callerAs(t.db, desk).invoices.issue({ id: d.id })));
    const numbers = issued.map((i) => i?.number ?? 0).sort((x, y) => x - y);
    expect(numbers).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const again = await failure(() => callerAs(t.db, desk).invoices.issue({ id: drafts[0]?.id ?? '' }));
    expect(again.code).toBe('CONFLICT');
    // The crown and the visit are billed already: never twice.
    const twice = await failure(() =>
      callerAs(t.db, desk).invoices.create({
        patientId: a.patient.id,
        lines: [{ treatmentId: full.lines[0]?.treatmentId ?? '' }],
      }),
    );
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toMatch(/already billed on invoice 1/);
    const visitTwice = await failure(() =>
      callerAs(t.db, desk).invoices.create({
        patientId: a.patient.id,
        lines: [{ appointmentId: full.lines[1]?.appointmentId ?? '' }],
      }),
    );
    expect(visitTwice.message).toMatch(/visit is already billed/);
  });

  it('take part payments up to the balance, and refunds never beyond what was paid', async () => {
    const invoice = await issuedInvoice();
    const id = invoice?.id ?? '';
    const cash = await callerAs(t.db, desk).invoices.recordPayment({
      invoiceId: id,
      method: 'cash',
      amountMinor: 500_000,
    });
    expect((await callerAs(t.db, desk).invoices.byId({ id })).status).toBe('partly_paid');
    // The crown's share of the ₹5,000 received: 12,980 of 13,480 billed, exactly.
    const listed = await callerAs(t.db, dentist).treatments.forPatient({ patientId: a.patient.id });
    const crown = listed.find((row) => row.billing?.invoiceId === id);
    expect(crown?.billing).toEqual({ invoiceId: id, invoiceNumber: invoice?.number, paidMinor: 481_454 });
    const over = await failure(() =>
      callerAs(t.db, desk).invoices.recordPayment({ invoiceId: id, method: 'upi', amountMinor: 848_001 }),
    );
    expect(over.code).toBe('BAD_REQUEST');
    expect(over.message).toMatch(/more than the balance of ₹8,480/);
    await callerAs(t.db, desk).invoices.recordPayment({
      invoiceId: id,
      method: 'upi',
      amountMinor: 848_000,
      reference: 'UPI 4411',
    });
    const paid = await callerAs(t.db, desk).invoices.byId({ id });
    expect([paid.status, paid.balanceMinor, paid.paidMinor]).toEqual(['paid', 0, 1_348_000]);

    const tooMuch = await failure(() =>
      callerAs(t.db, manager).invoices.refund({ paymentId: cash.id, amountMinor: 500_001, reason: 'Overcharged' }),
    );
    expect(tooMuch.code).toBe('BAD_REQUEST');
    expect(tooMuch.message).toMatch(/cannot be more than was paid/);
    expect(
      (
        await failure(() =>
          callerAs(t.db, desk).invoices.refund({ paymentId: cash.id, amountMinor: 100, reason: 'Oops' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    await callerAs(t.db, manager).invoices.refund({
      paymentId: cash.id,
      amountMinor: 200_000,
      reason: 'Crown redone free',
    });
    const after = await callerAs(t.db, desk).invoices.byId({ id });
    expect([after.status, after.balanceMinor, after.refunds.length]).toEqual(['partly_paid', 200_000, 1]);
    const rest = await failure(() =>
      callerAs(t.db, manager).invoices.refund({ paymentId: cash.id, amountMinor: 300_001, reason: 'More' }),
    );
    expect(rest.message).toMatch(/at most ₹3,000/);
    const owed = await callerAs(t.db, desk).invoices.forPatient({ patientId: a.patient.id });
    expect(owed.balanceMinor).toBeGreaterThanOrEqual(200_000);
  });

  it('are voided only without money, and never reached from another organization', async () => {
    const invoice = await issuedInvoice();
    const id = invoice?.id ?? '';
    const payment = await callerAs(t.db, desk).invoices.recordPayment({
      invoiceId: id,
      method: 'card',
      amountMinor: 1000,
    });
    const held = await failure(() => callerAs(t.db, manager).invoices.void({ id, reason: 'Wrong patient' }));
    expect(held.message).toMatch(/Refund it before voiding/);
    await callerAs(t.db, manager).invoices.refund({
      paymentId: payment.id,
      amountMinor: 1000,
      reason: 'Wrong patient',
    });
    expect((await callerAs(t.db, manager).invoices.void({ id, reason: 'Wrong patient' }))?.status).toBe('void');
    const late = await failure(() =>
      callerAs(t.db, desk).invoices.recordPayment({ invoiceId: id, method: 'cash', amountMinor: 1 }),
    );
    expect(late.message).toMatch(/void/);
    for (const run of [
      () => callerAs(t.db, deskB).invoices.byId({ id }),
      () => callerAs(t.db, deskB).invoices.recordPayment({ invoiceId: id, method: 'cash', amountMinor: 1 }),
      () => callerAs(t.db, deskB).invoices.forPatient({ patientId: a.patient.id }),
      () =>
        callerAs(t.db, deskB).invoices.create({
          patientId: b.patient.id,
          lines: [{ appointmentId: invoice?.id ?? '' }],
        }),
    ]) {
      expect((await failure(run)).code).toBe('NOT_FOUND');
    }
  });

  it('bill a late cancellation or a no-show at the fee its type sets, once, and only for such a visit', async () => {
    await t.db
      .update(appointmentTypes)
      .set({ lateCancellationFeeMinor: 20_000, noShowFeeMinor: 30_000 })
      .where(eq(appointmentTypes.id, a.type.id));
    const missed = await insertVisit(t.db, a, a.patient.id, -2, 'no_show');
    const late = await insertVisit(t.db, a, a.patient.id, -3, 'cancelled');
    await t.db.update(appointments).set({ lateCancellation: true }).where(eq(appointments.id, late.id));
    const done = await insertVisit(t.db, a, a.patient.id, -4, 'completed');
    const draft = await callerAs(t.db, desk).invoices.create({
      patientId: a.patient.id,
      lines: [
        { appointmentId: missed.id, kind: 'no_show_fee' },
        { appointmentId: late.id, kind: 'late_cancellation_fee' },
        // The visit itself may still be billed beside its fee.
        { appointmentId: missed.id },
      ],
    });
    const full = await callerAs(t.db, desk).invoices.byId({ id: draft.id });
    expect(full.lines.map((l) => [l.kind, l.description.split(':')[0], l.totalMinor])).toEqual([
      ['no_show_fee', 'No-show fee', 30_000],
      ['late_cancellation_fee', 'Late cancellation fee', 20_000],
      ['appointment', expect.stringMatching(/^Consultation on /), 50_000],
    ]);
    const twice = await failure(() =>
      callerAs(t.db, desk).invoices.create({
        patientId: a.patient.id,
        lines: [{ appointmentId: missed.id, kind: 'no_show_fee' }],
      }),
    );
    expect([twice.code, twice.message]).toEqual(['CONFLICT', 'This fee is already billed on a draft invoice.']);
    const notMissed = await failure(() =>
      callerAs(t.db, desk).invoices.create({
        patientId: a.patient.id,
        lines: [{ appointmentId: done.id, kind: 'no_show_fee' }],
      }),
    );
    expect(notMissed.code).toBe('BAD_REQUEST');
    expect(notMissed.message).toBe('Only a visit marked as a no-show can carry a no-show fee.');
    expect((notMissed.cause as { issues?: { path: unknown[] }[] }).issues?.[0]?.path).toEqual(['lines', '0', 'kind']);
  });

  it('bill planned work only once the patient accepted its plan', async () => {
    const crown = await callerAs(t.db, manager).procedures.save({
      name: `Onlay ${Math.random()}`,
      priceMinor: 500_000,
    });
    const planned = await callerAs(t.db, dentist).treatments.create({
      patientId: a.patient.id,
      procedureId: crown.id,
      tooth: 19,
    });
    const early = await failure(() =>
      callerAs(t.db, desk).invoices.create({ patientId: a.patient.id, lines: [{ treatmentId: planned.id }] }),
    );
    expect([early.code, early.message]).toEqual([
      'BAD_REQUEST',
      'Only work under way or done, or planned work in an accepted plan, can be billed.',
    ]);
    const billable = await callerAs(t.db, desk).invoices.billable({ patientId: a.patient.id });
    expect(billable.treatments.map((x) => x.id)).not.toContain(planned.id);
    const plan = await callerAs(t.db, dentist).treatmentPlans.create({
      patientId: a.patient.id,
      name: 'Lower left onlay',
      treatmentIds: [planned.id],
    });
    await callerAs(t.db, dentist).treatmentPlans.accept({ id: plan.id });
    const accepted = await callerAs(t.db, desk).invoices.billable({ patientId: a.patient.id });
    expect(accepted.treatments.map((x) => x.id)).toContain(planned.id);
    const draft = await callerAs(t.db, desk).invoices.create({
      patientId: a.patient.id,
      lines: [{ treatmentId: planned.id }],
    });
    expect(draft.totalMinor).toBe(500_000);
  });
});
