import type { StaffPrincipal } from '@carelane/auth';
import { auditLog, treatmentPlans, treatments } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic, createPatient } from './fixtures';
import { staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let dentist: StaffPrincipal;
let frontDesk: StaffPrincipal;
let dentistB: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Plans A');
  b = await createClinic(t.db, 'Plans B');
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

/** A fresh patient of clinic A with planned treatments on the given teeth (₹1,000 each, ₹100 off the first). */
async function patientWith(teeth: number[]) {
  const patient = await createPatient(t.db, a.org.id);
  const caller = callerAs(t.db, dentist);
  const made = [];
  for (const [i, tooth] of teeth.entries()) {
    made.push(
      await caller.treatments.create({
        patientId: patient.id,
        description: `Filling ${tooth}`,
        tooth,
        priceMinor: 100_000,
        discountMinor: i === 0 ? 10_000 : 0,
      }),
    );
  }
  return { patient, ids: made.map((m) => m.id) };
}

const planActions = (planId: string) =>
  t.db
    .select({ action: auditLog.action, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'treatment_plan'), eq(auditLog.entityId, planId)))
    .orderBy(asc(auditLog.id));

describe('treatment plans', () => {
  it('group planned treatments with totals, are audited, and are accepted', async () => {
    const { patient, ids } = await patientWith([3, 14]);
    const caller = callerAs(t.db, dentist);
    const plan = await caller.treatmentPlans.create({
      patientId: patient.id,
      name: 'Upper fillings',
      treatmentIds: ids,
    });
    expect(plan).toMatchObject({ name: 'Upper fillings', status: 'proposed', decidedAt: null });
    const [listed] = await callerAs(t.db, frontDesk).treatmentPlans.forPatient({ patientId: patient.id });
    expect(listed?.treatments.map((x) => x.tooth)).toEqual([3, 14]);
    expect(listed?.totals).toMatchObject({ priceMinor: 200_000, discountMinor: 10_000, totalMinor: 190_000 });
    expect(listed?.currency).toBe('INR');
    const accepted = await caller.treatmentPlans.accept({ id: plan.id });
    expect(accepted.status).toBe('accepted');
    expect(accepted.decidedAt).toBeInstanceOf(Date);
    expect((await planActions(plan.id)).map((x) => x.action)).toEqual([
      'treatment_plan.create',
      'treatment_plan.accept',
    ]);
    const reads = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'treatment_plan.list'), eq(auditLog.entityId, patient.id)));
    expect(reads.length).toBe(1);
    // Once accepted, work starts; it could not while the plan was only proposed.
    expect((await caller.treatments.update({ id: ids[0] ?? '', status: 'in_progress' })).status).toBe('in_progress');
    const declineStarted = await failure(() => caller.treatmentPlans.decline({ id: plan.id }));
    expect(declineStarted.code).toBe('CONFLICT');
    expect(declineStarted.message).toMatch(/has started/);
  });

  it('take only this patient’s planned treatments that no other open plan holds', async () => {
    const { patient, ids } = await patientWith([8, 9]);
    const other = await patientWith([19]);
    const caller = callerAs(t.db, dentist);
    const first = await caller.treatmentPlans.create({
      patientId: patient.id,
      name: 'Front',
      treatmentIds: [ids[0] ?? ''],
    });
    const taken = await failure(() =>
      caller.treatmentPlans.create({ patientId: patient.id, name: 'Again', treatmentIds: [ids[0] ?? ''] }),
    );
    expect(taken.code).toBe('BAD_REQUEST');
    expect(taken.message).toMatch(/already in the plan "Front"/);
    const otherPatients = await failure(() =>
      caller.treatmentPlans.create({ patientId: patient.id, name: 'Mixed', treatmentIds: [other.ids[0] ?? ''] }),
    );
    expect(otherPatients.code).toBe('BAD_REQUEST');
    expect(otherPatients.message).toMatch(/another patient/);
    const done = await caller.treatments.create({
      patientId: patient.id,
      description: 'X-ray',
      priceMinor: 1,
      status: 'done',
    });
    const started = await failure(() =>
      caller.treatmentPlans.create({ patientId: patient.id, name: 'Done', treatmentIds: [done.id] }),
    );
    expect(started.code).toBe('BAD_REQUEST');
    expect(started.message).toMatch(/only planned treatments/);
    const foreign = await failure(() =>
      callerAs(t.db, dentistB).treatmentPlans.create({ patientId: b.patient.id, name: 'Theirs', treatmentIds: ids }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
    expect((await failure(() => callerAs(t.db, dentistB).treatmentPlans.accept({ id: first.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await failure(() => callerAs(t.db, dentistB).treatmentPlans.forPatient({ patientId: patient.id }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (await failure(() => callerAs(t.db, frontDesk).treatmentPlans.create({ patientId: patient.id, name: 'Desk' })))
        .code,
    ).toBe('FORBIDDEN');
    const blank = await failure(() => caller.treatmentPlans.create({ patientId: patient.id, name: ' ' }));
    expect(blank.code).toBe('BAD_REQUEST');
    // Nothing of the refused attempts was kept.
    const plans = await t.db.select().from(treatmentPlans).where(eq(treatmentPlans.patientId, patient.id));
    expect(plans.map((p) => p.name)).toEqual(['Front']);
    const [second] = await t.db
      .select()
      .from(treatments)
      .where(eq(treatments.id, ids[1] ?? ''));
    expect(second?.planId).toBeNull();
  });

  it('change only while proposed', async () => {
    const { patient, ids } = await patientWith([30, 31, 32]);
    const caller = callerAs(t.db, dentist);
    const plan = await caller.treatmentPlans.create({
      patientId: patient.id,
      name: 'Lower',
      treatmentIds: [ids[0] ?? ''],
    });
    await caller.treatmentPlans.update({
      id: plan.id,
      name: 'Lower right',
      addTreatmentIds: [ids[1] ?? '', ids[2] ?? ''],
      removeTreatmentIds: [ids[0] ?? ''],
    });
    const [listed] = await caller.treatmentPlans.forPatient({ patientId: patient.id });
    expect(listed?.name).toBe('Lower right');
    expect(listed?.treatments.map((x) => x.tooth)).toEqual([31, 32]);
    expect(listed?.totals.totalMinor).toBe(200_000);
    const notIn = await failure(() =>
      caller.treatmentPlans.update({ id: plan.id, removeTreatmentIds: [ids[0] ?? ''] }),
    );
    expect(notIn.code).toBe('BAD_REQUEST');
    const added = await caller.treatments.create({
      patientId: patient.id,
      description: 'Crown',
      tooth: 31,
      priceMinor: 500_000,
      planId: plan.id,
    });
    expect(added.planId).toBe(plan.id);
    await caller.treatmentPlans.accept({ id: plan.id });
    const locked = await failure(() => caller.treatmentPlans.update({ id: plan.id, addTreatmentIds: [ids[0] ?? ''] }));
    expect(locked.code).toBe('CONFLICT');
    expect(locked.message).toBe('This plan was accepted; propose it again before changing its treatments.');
    const repriced = await failure(() => caller.treatments.update({ id: added.id, priceMinor: 1 }));
    expect(repriced.code).toBe('CONFLICT');
    expect((await failure(() => caller.treatments.remove({ id: added.id }))).code).toBe('CONFLICT');
    const late = await failure(() =>
      caller.treatments.create({ patientId: patient.id, description: 'Late', priceMinor: 1, planId: plan.id }),
    );
    expect(late.code).toBe('CONFLICT');
    const update = (await planActions(plan.id)).find((x) => x.action === 'treatment_plan.update');
    expect(update?.changes).toEqual({
      name: { from: 'Lower', to: 'Lower right' },
      addTreatmentIds: { to: [ids[1], ids[2]] },
      removeTreatmentIds: { to: [ids[0]] },
    });
  });

  it('declined keep their treatments, recorded as declined and not started, with the reason', async () => {
    const { patient, ids } = await patientWith([12]);
    const caller = callerAs(t.db, dentist);
    const plan = await caller.treatmentPlans.create({ patientId: patient.id, name: 'Crown', treatmentIds: ids });
    const notYet = await failure(() => caller.treatments.update({ id: ids[0] ?? '', status: 'done' }));
    expect(notYet.code).toBe('CONFLICT');
    expect(notYet.message).toMatch(/has not accepted this plan/);
    await caller.treatmentPlans.decline({ id: plan.id, reason: 'Wants a second opinion' });
    const [listed] = await caller.treatmentPlans.forPatient({ patientId: patient.id });
    expect(listed).toMatchObject({ status: 'declined', declineReason: 'Wants a second opinion' });
    expect(listed?.treatments.map((x) => x.id)).toEqual(ids);
    const again = await failure(() => caller.treatmentPlans.decline({ id: plan.id }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe('This plan is already declined.');
    const acceptDeclined = await failure(() => caller.treatmentPlans.accept({ id: plan.id }));
    expect(acceptDeclined.message).toMatch(/Only a proposed plan can be accepted/);
    // Offered again in a new plan: the declined plan's record of it moves, and the audit says from where.
    const offer = await caller.treatmentPlans.create({
      patientId: patient.id,
      name: 'Crown, later',
      treatmentIds: ids,
    });
    const [created] = await planActions(offer.id);
    expect(created?.changes?.treatmentIds).toEqual({ to: ids, from: { [ids[0] ?? '']: plan.id } });
  });

  it('accept an empty plan never, and one of two decisions sent at once', async () => {
    const { patient, ids } = await patientWith([4, 5]);
    const caller = callerAs(t.db, dentist);
    const empty = await caller.treatmentPlans.create({ patientId: patient.id, name: 'Empty' });
    expect((await failure(() => caller.treatmentPlans.accept({ id: empty.id }))).message).toMatch(/Add a treatment/);
    const plan = await caller.treatmentPlans.create({ patientId: patient.id, name: 'Both', treatmentIds: ids });
    const results = await Promise.allSettled([
      callerAs(t.db, dentist).treatmentPlans.accept({ id: plan.id }),
      callerAs(t.db, dentist).treatmentPlans.accept({ id: plan.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && (refused.reason as TRPCError).message).toBe(
      'This plan is already accepted.',
    );
    const decisions = await Promise.allSettled([
      callerAs(t.db, dentist).treatmentPlans.decline({ id: empty.id }),
      callerAs(t.db, dentist).treatmentPlans.decline({ id: empty.id }),
    ]);
    expect(decisions.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await planActions(plan.id)).filter((x) => x.action === 'treatment_plan.accept').length).toBe(1);
  });

  it('accepted and declined at once end declined: a decline after the accept withdraws it', async () => {
    const { patient, ids } = await patientWith([6]);
    const plan = await callerAs(t.db, dentist).treatmentPlans.create({
      patientId: patient.id,
      name: 'Race',
      treatmentIds: ids,
    });
    const [accept, decline] = await Promise.allSettled([
      callerAs(t.db, dentist).treatmentPlans.accept({ id: plan.id }),
      callerAs(t.db, dentist).treatmentPlans.decline({ id: plan.id }),
    ]);
    expect(decline.status).toBe('fulfilled');
    // Either the accept came first (and was withdrawn) or it found the plan declined.
    if (accept.status === 'rejected') expect((accept.reason as TRPCError).code).toBe('CONFLICT');
    const [row] = await t.db.select().from(treatmentPlans).where(eq(treatmentPlans.id, plan.id));
    expect(row?.status).toBe('declined');
    const actions = (await planActions(plan.id)).map((x) => x.action);
    expect(actions).toEqual(
      accept.status === 'fulfilled'
        ? ['treatment_plan.create', 'treatment_plan.accept', 'treatment_plan.decline']
        : ['treatment_plan.create', 'treatment_plan.decline'],
    );
  });

  it('a treatment cannot join two plans created at once', async () => {
    const { patient, ids } = await patientWith([20]);
    const results = await Promise.allSettled([
      callerAs(t.db, dentist).treatmentPlans.create({ patientId: patient.id, name: 'One', treatmentIds: ids }),
      callerAs(t.db, dentist).treatmentPlans.create({ patientId: patient.id, name: 'Two', treatmentIds: ids }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && (refused.reason as TRPCError).message).toMatch(/already in/);
    const plans = await t.db.select().from(treatmentPlans).where(eq(treatmentPlans.patientId, patient.id));
    expect(plans.length).toBe(1);
  });
});
