import type { StaffPrincipal } from '@carelane/auth';
import { invoiceStatus } from '@carelane/core';
import { invoices, patients, payments, refunds } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { invoiceBalanceSql, invoiceStatusSql } from '../src/routers/invoices/status-sql';
import { callerAs, createClinic, createPatient } from './fixtures';
import { staffOf } from './patient-fixtures';

type Clinic = Awaited<ReturnType<typeof createClinic>>;

let t: TestDatabase;
let a: Clinic;
let b: Clinic;
let desk: StaffPrincipal;
let deskB: StaffPrincipal;
let zubaida: { id: string; mrn: string };
let quentin: { id: string; mrn: string };

async function namedPatient(clinic: Clinic, firstName: string, lastName: string, mrn: string) {
  const patient = await createPatient(t.db, clinic.org.id);
  await t.db.update(patients).set({ firstName, lastName, mrn }).where(eq(patients.id, patient.id));
  return { id: patient.id, mrn };
}

let nextNumber = 1;
/** An invoice written straight to the table with the money facts the test needs. */
function invoiceRow(
  clinic: Clinic,
  patientId: string,
  facts: { status: 'draft' | 'issued' | 'void'; total: number; paid?: number; refunded?: number; createdAt?: Date },
) {
  return {
    organizationId: clinic.org.id,
    centreId: clinic.centre.id,
    patientId,
    currency: 'INR',
    status: facts.status,
    number: facts.status === 'draft' ? null : nextNumber++,
    issuedOn: facts.status === 'draft' ? null : '2026-11-20',
    subtotalMinor: facts.total,
    totalMinor: facts.total,
    paidMinor: facts.paid ?? 0,
    refundedMinor: facts.refunded ?? 0,
    ...(facts.createdAt ? { createdAt: facts.createdAt } : {}),
  };
}

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Billing A');
  b = await createClinic(t.db, 'Billing B');
  desk = await staffOf(t.db, a, 'front_desk');
  deskB = await staffOf(t.db, b, 'front_desk');
  zubaida = await namedPatient(a, 'Zubaida', 'Khanum', 'BL-000101');
  quentin = await namedPatient(a, 'Quentin', 'Fernandes', 'BL-000202');
});
afterAll(() => t.close());

const failure = async (run: () => Promise<unknown>) => {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

describe('invoiceStatusSql', () => {
  it('gives every invoice the status and balance core gives it, on every boundary', async () => {
    const clinic = await createClinic(t.db, 'Billing statuses');
    const values = [];
    for (const status of ['draft', 'issued', 'void'] as const) {
      for (const total of [0, 1000]) {
        for (const [paid, refunded] of [
          [0, 0],
          [400, 0],
          [1000, 0],
          [1200, 0],
          [1000, 1000],
          [1000, 1],
          [400, 400],
        ] as const) {
          values.push(invoiceRow(clinic, clinic.patient.id, { status, total, paid, refunded }));
        }
      }
    }
    const rows = await t.db.insert(invoices).values(values).returning({ id: invoices.id, status: invoices.status });
    const fromSql = await t.db
      .select({
        id: invoices.id,
        status: invoiceStatusSql,
        balanceMinor: invoiceBalanceSql,
        totalMinor: invoices.totalMinor,
        paidMinor: invoices.paidMinor,
        refundedMinor: invoices.refundedMinor,
        raw: invoices.status,
      })
      .from(invoices)
      .where(
        inArray(
          invoices.id,
          rows.map((r) => r.id),
        ),
      );
    expect(fromSql).toHaveLength(values.length);
    for (const row of fromSql) {
      const core = invoiceStatus({ ...row, voided: row.raw === 'void', issued: row.raw !== 'draft' });
      expect({ status: row.status, balanceMinor: row.balanceMinor }).toEqual(core);
    }
    // Every status occurs, so the agreement covers each branch.
    expect(new Set(fromSql.map((r) => r.status))).toEqual(new Set(['draft', 'issued', 'partly_paid', 'paid', 'void']));
  });
});

describe('invoices.list', () => {
  let owing: string;
  let partly: string;
  let paid: string;
  let draft: string;
  let voided: string;
  let owingNumber: number;

  beforeAll(async () => {
    const base = Date.parse('2026-11-01T10:00:00Z');
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    const rows = await t.db
      .insert(invoices)
      .values([
        invoiceRow(a, zubaida.id, { status: 'issued', total: 50_000, createdAt: at(1) }),
        invoiceRow(a, zubaida.id, { status: 'issued', total: 80_000, paid: 30_000, createdAt: at(2) }),
        invoiceRow(a, quentin.id, { status: 'issued', total: 20_000, paid: 25_000, refunded: 5_000, createdAt: at(3) }),
        invoiceRow(a, quentin.id, { status: 'draft', total: 10_000, createdAt: at(4) }),
        invoiceRow(a, quentin.id, { status: 'void', total: 15_000, paid: 15_000, refunded: 15_000, createdAt: at(5) }),
      ])
      .returning();
    [owing, partly, paid, draft, voided] = rows.map((r) => r.id) as [string, string, string, string, string];
    owingNumber = rows[0]?.number ?? 0;
  });

  it('lists a tab newest first with status, patient and money, and counts every tab', async () => {
    const list = await callerAs(t.db, desk).invoices.list({ tab: 'outstanding', limit: 50 });
    expect(list.rows.map((r) => [r.id, r.status, r.totalMinor, r.paidMinor, r.balanceMinor])).toEqual([
      [partly, 'partly_paid', 80_000, 30_000, 50_000],
      [owing, 'issued', 50_000, 0, 50_000],
    ]);
    expect(list.rows[0]?.patient).toEqual({ id: zubaida.id, name: 'Zubaida Khanum', mrn: 'BL-000101' });
    expect(list.counts).toEqual({ outstanding: 2, draft: 1, paid: 1, void: 1, all: 5 });
    expect(list.nextCursor).toBeNull();

    const ids = async (tab: 'draft' | 'paid' | 'void' | 'all') =>
      (await callerAs(t.db, desk).invoices.list({ tab, limit: 50 })).rows.map((r) => r.id);
    expect(await ids('draft')).toEqual([draft]);
    expect(await ids('paid')).toEqual([paid]);
    expect(await ids('void')).toEqual([voided]);
    expect(await ids('all')).toEqual([voided, draft, paid, partly, owing]);
    const voidRow = (await callerAs(t.db, desk).invoices.list({ tab: 'void', limit: 50 })).rows[0];
    expect(voidRow).toMatchObject({ status: 'void', balanceMinor: 0, number: expect.any(Number) });
  });

  it('searches by patient name, record number and invoice number, counting only what matches', async () => {
    const search = (text: string) => callerAs(t.db, desk).invoices.list({ tab: 'all', search: text, limit: 50 });
    const byName = await search('zubaida');
    expect(byName.rows.map((r) => r.id)).toEqual([partly, owing]);
    expect(byName.counts).toEqual({ outstanding: 2, draft: 0, paid: 0, void: 0, all: 2 });
    expect((await search('BL-000202')).rows.map((r) => r.id)).toEqual([voided, draft, paid]);
    for (const text of [`${owingNumber}`, `#${owingNumber}`, `INV-${owingNumber}`]) {
      expect((await search(text)).rows.map((r) => r.id)).toEqual([owing]);
    }
    expect((await search('nobody-like-this')).rows).toEqual([]);
  });

  it('pages through invoices created at the same instant without gaps or repeats', async () => {
    const clinic = await createClinic(t.db, 'Billing pages');
    const viewer = await staffOf(t.db, clinic, 'front_desk');
    const same = new Date('2026-11-02T09:00:00.123456Z');
    const made = await t.db
      .insert(invoices)
      .values(
        Array.from({ length: 7 }, () =>
          invoiceRow(clinic, clinic.patient.id, { status: 'issued', total: 100, createdAt: same }),
        ),
      )
      .returning({ id: invoices.id });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const list = await callerAs(t.db, viewer).invoices.list({ tab: 'all', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...list.rows.map((r) => r.id));
      if (!list.nextCursor) break;
      cursor = list.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(made.map((m) => m.id)));
  });

  it("never shows another organization's invoices, even given its centre", async () => {
    const list = await callerAs(t.db, deskB).invoices.list({ tab: 'all', limit: 50 });
    expect(list.rows.some((r) => [owing, partly, paid, draft, voided].includes(r.id))).toBe(false);
    const aimed = await callerAs(t.db, deskB).invoices.list({ tab: 'all', centreId: a.centre.id, limit: 50 });
    expect(aimed.rows).toEqual([]);
    expect(aimed.counts.all).toBe(0);
    expect((await callerAs(t.db, deskB).invoices.list({ tab: 'all', search: 'zubaida', limit: 50 })).rows).toEqual([]);
  });

  it('refuses bad input naming the field', async () => {
    const caller = callerAs(t.db, desk);
    // @ts-expect-error: not a tab
    const tab = await failure(() => caller.invoices.list({ tab: 'owing', limit: 10 }));
    expect(tab.code).toBe('BAD_REQUEST');
    expect(tab.message).toContain('tab');
    const cursor = await failure(() => caller.invoices.list({ tab: 'all', cursor: 'nope', limit: 10 }));
    expect(cursor.code).toBe('BAD_REQUEST');
    expect(cursor.message).toContain('cursor');
  });
});

describe('invoices.takings', () => {
  it('counts money per day in the organization zone, per method, across midnight in Asia/Kolkata', async () => {
    const clinic = await createClinic(t.db, 'Billing takings');
    const viewer = await staffOf(t.db, clinic, 'front_desk');
    const [invoice] = await t.db
      .insert(invoices)
      .values(invoiceRow(clinic, clinic.patient.id, { status: 'issued', total: 1_000_000 }))
      .returning();
    if (!invoice) throw new Error('no invoice');
    const base = {
      organizationId: clinic.org.id,
      patientId: clinic.patient.id,
      invoiceId: invoice.id,
      currency: 'INR',
    };
    // 18:29 UTC is 23:59 on the 20th in Kolkata; 18:31 UTC is 00:01 on the 21st.
    const inserted = await t.db
      .insert(payments)
      .values([
        {
          ...base,
          method: 'cash',
          amountMinor: 10_001,
          creditedMinor: 7_001,
          status: 'captured',
          receivedAt: new Date('2026-11-20T18:29:00Z'),
        },
        {
          ...base,
          method: 'upi',
          amountMinor: 20_000,
          creditedMinor: 20_000,
          status: 'captured',
          receivedAt: new Date('2026-11-20T18:31:00Z'),
        },
        {
          ...base,
          method: 'razorpay',
          amountMinor: 30_000,
          creditedMinor: 25_000,
          status: 'partially_refunded',
          gatewayPaymentId: `pay_${Math.random()}`,
          gatewayState: { capturedMinor: 30_000, refunds: { rfnd_1: 5_000 } },
          receivedAt: new Date('2026-11-21T05:00:00Z'),
          updatedAt: new Date('2026-11-21T06:00:00Z'),
        },
        // Received before the range: not counted.
        {
          ...base,
          method: 'cash',
          amountMinor: 99_900,
          creditedMinor: 99_900,
          status: 'captured',
          receivedAt: new Date('2026-11-19T18:29:59Z'),
        },
      ])
      .returning();
    const cash = inserted[0];
    const online = inserted.find((p) => p.method === 'razorpay');
    if (!cash || !online) throw new Error('no payment');
    // An online refund is a row once the gateway says it is processed (refund.processed).
    await t.db.insert(refunds).values({
      organizationId: clinic.org.id,
      paymentId: online.id,
      amountMinor: 5_000,
      currency: 'INR',
      status: 'processed',
      gatewayRefundId: `rfnd_${Math.random()}`,
      processedAt: new Date('2026-11-21T06:00:00Z'),
    });
    await t.db.insert(refunds).values({
      organizationId: clinic.org.id,
      paymentId: cash.id,
      amountMinor: 3_000,
      currency: 'INR',
      status: 'processed',
      reason: 'Overcharged',
      createdAt: new Date('2026-11-20T18:40:00Z'),
      processedAt: new Date('2026-11-20T18:40:00Z'),
    });
    // Another organization's money in the same hours: never counted.
    await t.db.insert(payments).values({
      organizationId: b.org.id,
      patientId: b.patient.id,
      currency: 'INR',
      method: 'cash',
      amountMinor: 55_500,
      creditedMinor: 55_500,
      status: 'captured',
      receivedAt: new Date('2026-11-20T18:30:00Z'),
    });

    const takings = await callerAs(t.db, viewer).invoices.takings({ from: '2026-11-20', to: '2026-11-22' });
    expect(takings).toMatchObject({ zone: 'Asia/Kolkata', currency: 'INR' });
    expect(takings.days.map((d) => [d.date, d.receivedMinor, d.refundedMinor, d.netMinor])).toEqual([
      ['2026-11-20', 10_001, 0, 10_001],
      ['2026-11-21', 50_000, 8_000, 42_000],
      ['2026-11-22', 0, 0, 0],
    ]);
    expect(takings.days[1]?.methods.map((m) => [m.label, m.receivedMinor, m.refundedMinor])).toEqual([
      ['Cash', 0, 3_000],
      ['UPI', 20_000, 0],
      ['Online', 30_000, 5_000],
    ]);
    expect(takings.methods.map((m) => [m.method, m.label, m.netMinor])).toEqual([
      ['cash', 'Cash', 7_001],
      ['upi', 'UPI', 20_000],
      ['razorpay', 'Online', 25_000],
    ]);
    expect(takings.totals).toEqual({ receivedMinor: 60_001, refundedMinor: 8_000, netMinor: 52_001 });

    const other = await callerAs(t.db, deskB).invoices.takings({ from: '2026-11-20', to: '2026-11-21' });
    expect(other.totals.receivedMinor).toBe(55_500);
  });

  it('refuses a backwards or over-long range naming the field', async () => {
    const caller = callerAs(t.db, desk);
    const backwards = await failure(() => caller.invoices.takings({ from: '2026-11-21', to: '2026-11-20' }));
    expect(backwards.code).toBe('BAD_REQUEST');
    expect(backwards.message).toContain('to');
    const bad = await failure(() => caller.invoices.takings({ from: '2026-13-01', to: '2026-11-20' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('from');
  });
});
