import type { StaffPrincipal } from '@carelane/auth';
import { auditLog, invoiceLines, invoices } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic } from './fixtures';
import { staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let manager: StaffPrincipal;
let dentist: StaffPrincipal;
let frontDesk: StaffPrincipal;
let dentistB: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Treatments A');
  b = await createClinic(t.db, 'Treatments B');
  manager = await staffOf(t.db, a, 'manager');
  dentist = await staffOf(t.db, a, 'clinician');
  frontDesk = await staffOf(t.db, a, 'front_desk');
  dentistB = await staffOf(t.db, b, 'clinician');
});
afterAll(() => t.close());

const failure = async (run: () => Promise<unknown>) => {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

describe('the price list', () => {
  it('is kept by managers, in the organization currency, with plain conflicts', async () => {
    const saved = await callerAs(t.db, manager).procedures.save({
      name: 'Root canal',
      code: 'D3310',
      priceMinor: 650_000,
    });
    expect(saved).toMatchObject({ currency: 'INR', perTooth: true, taxRateBasisPoints: 0, active: true });
    const dup = await failure(() => callerAs(t.db, manager).procedures.save({ name: 'root canal', priceMinor: 1 }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toBe('A procedure with this name is already on the price list.');
    expect(
      (await failure(() => callerAs(t.db, frontDesk).procedures.save({ name: 'X-ray', priceMinor: 1 }))).code,
    ).toBe('FORBIDDEN');
    await callerAs(t.db, manager).procedures.save({
      id: saved.id,
      name: 'Root canal',
      priceMinor: 700_000,
      active: false,
    });
    expect((await callerAs(t.db, frontDesk).procedures.list()).map((p) => p.name)).not.toContain('Root canal');
    const all = await callerAs(t.db, frontDesk).procedures.list({ includeInactive: true });
    expect(all.find((p) => p.id === saved.id)?.priceMinor).toBe(700_000);
    expect(await callerAs(t.db, dentistB).procedures.list({ includeInactive: true })).toEqual([]);
    const managerB = await staffOf(t.db, b, 'manager');
    const other = await failure(() =>
      callerAs(t.db, managerB).procedures.save({ id: saved.id, name: 'Stolen', priceMinor: 1 }),
    );
    expect(other.code).toBe('NOT_FOUND');
  });
});

describe('treatments', () => {
  it('come from the price list by tooth, are audited, and change status', async () => {
    const crown = await callerAs(t.db, manager).procedures.save({ name: 'Crown', priceMinor: 1_200_000 });
    const noTooth = await failure(() =>
      callerAs(t.db, dentist).treatments.create({ patientId: a.patient.id, procedureId: crown.id }),
    );
    expect(noTooth.code).toBe('BAD_REQUEST');
    expect(noTooth.message).toMatch(/Choose the tooth for Crown/);
    const made = await callerAs(t.db, dentist).treatments.create({
      patientId: a.patient.id,
      procedureId: crown.id,
      tooth: 30,
      discountMinor: 100_000,
    });
    expect(made).toMatchObject({
      description: 'Crown',
      priceMinor: 1_200_000,
      discountMinor: 100_000,
      tooth: 30,
      status: 'planned',
    });
    await callerAs(t.db, dentist).treatments.create({
      patientId: a.patient.id,
      description: 'Consultation and advice',
      priceMinor: 50_000,
      status: 'done',
      performedOn: '2026-11-20',
    });
    const updated = await callerAs(t.db, dentist).treatments.update({ id: made.id, status: 'in_progress' });
    expect(updated?.status).toBe('in_progress');
    const listed = await callerAs(t.db, frontDesk).treatments.forPatient({ patientId: a.patient.id });
    expect(listed.map((x) => [x.tooth, x.description, x.status])).toEqual([
      [30, 'Crown', 'in_progress'],
      [null, 'Consultation and advice', 'done'],
    ]);
    const actions = await t.db
      .select({ action: auditLog.action, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'treatment'), eq(auditLog.entityId, made.id)));
    expect(actions.map((x) => x.action)).toEqual(['treatment.create', 'treatment.update']);
    expect(actions[1]?.changes).toEqual({ status: { from: 'planned', to: 'in_progress' } });
  });

  it('refuse bad teeth and discounts, other roles and other organizations, changing nothing', async () => {
    const tooth33 = await failure(() =>
      callerAs(t.db, dentist).treatments.create({
        patientId: a.patient.id,
        description: 'Filling',
        priceMinor: 1000,
        tooth: 33,
      }),
    );
    expect(tooth33.code).toBe('BAD_REQUEST');
    expect(tooth33.message).toMatch(/1 to 32/);
    const discount = await failure(() =>
      callerAs(t.db, dentist).treatments.create({
        patientId: a.patient.id,
        description: 'Filling',
        priceMinor: 1000,
        discountMinor: 1001,
      }),
    );
    expect(discount.message).toMatch(/discount cannot be more than the price/);
    const desk = await failure(() =>
      callerAs(t.db, frontDesk).treatments.create({
        patientId: a.patient.id,
        description: 'Filling',
        priceMinor: 1000,
      }),
    );
    expect(desk.code).toBe('FORBIDDEN');
    const otherPatient = await failure(() =>
      callerAs(t.db, dentistB).treatments.create({ patientId: a.patient.id, description: 'Filling', priceMinor: 1000 }),
    );
    expect(otherPatient.code).toBe('NOT_FOUND');
    const [mine] = await callerAs(t.db, dentist).treatments.forPatient({ patientId: a.patient.id });
    expect(
      (await failure(() => callerAs(t.db, dentistB).treatments.update({ id: mine?.id ?? '', status: 'done' }))).code,
    ).toBe('NOT_FOUND');
    expect((await callerAs(t.db, dentist).treatments.forPatient({ patientId: a.patient.id })).length).toBe(2);
  });

  it('are removed only while planned and not invoiced', async () => {
    const caller = callerAs(t.db, dentist);
    const planned = await caller.treatments.create({
      patientId: a.patient.id,
      description: 'Scaling',
      priceMinor: 80_000,
    });
    const billed = await caller.treatments.create({
      patientId: a.patient.id,
      description: 'Sealant',
      priceMinor: 30_000,
    });
    const done = await caller.treatments.create({
      patientId: a.patient.id,
      description: 'X-ray',
      priceMinor: 20_000,
      status: 'done',
    });
    const [invoice] = await t.db
      .insert(invoices)
      .values({ organizationId: a.org.id, patientId: a.patient.id, currency: 'INR' })
      .returning();
    await t.db.insert(invoiceLines).values({
      organizationId: a.org.id,
      invoiceId: invoice?.id ?? '',
      position: 1,
      kind: 'treatment',
      description: 'Sealant',
      unitPriceMinor: 30_000,
      totalMinor: 30_000,
      treatmentId: billed.id,
    });
    expect((await failure(() => caller.treatments.remove({ id: done.id }))).message).toMatch(
      /Only a planned treatment/,
    );
    expect((await failure(() => caller.treatments.remove({ id: billed.id }))).message).toMatch(/on an invoice/);
    expect(await caller.treatments.remove({ id: planned.id })).toEqual({ id: planned.id });
    const left = (await caller.treatments.forPatient({ patientId: a.patient.id })).map((x) => x.id);
    expect(left).not.toContain(planned.id);
    expect(left).toEqual(expect.arrayContaining([billed.id, done.id]));
  });
});
