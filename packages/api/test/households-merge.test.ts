import type { StaffPrincipal } from '@carelane/auth';
import { appointments, auditLog, clinicalNotes, households, patients, waitlistEntries } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic } from './fixtures';
import { insertVisit, staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let frontDesk: StaffPrincipal;
let manager: StaffPrincipal;
let clinician: StaffPrincipal;
let adminB: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Clinic A');
  b = await createClinic(t.db, 'Clinic B');
  frontDesk = await staffOf(t.db, a, 'front_desk');
  manager = await staffOf(t.db, a, 'centre_manager');
  clinician = await staffOf(t.db, a, 'clinician');
  adminB = await staffOf(t.db, b, 'admin');
});
afterAll(() => t.close());

describe('households', () => {
  it("links a family; a child without a phone is reached on the guardian's", async () => {
    const caller = callerAs(t.db, frontDesk);
    const mother = await caller.patients.create({ firstName: 'Anita', lastName: 'Desai', phone: '9811100001' });
    const child = await caller.patients.create({ firstName: 'Rohan', lastName: 'Desai', birthDate: '2019-06-01' });
    const father = await caller.patients.create({ firstName: 'Vikram', lastName: 'Desai', phone: '9811100002' });

    const first = await caller.households.link({
      patientId: child.id,
      relatedPatientId: mother.id,
      relationship: 'child',
    });
    const second = await caller.households.link({
      patientId: father.id,
      relatedPatientId: mother.id,
      relationship: 'spouse',
    });
    expect(second.householdId).toBe(first.householdId);
    expect(second.members.map((m) => [m.name, m.relationship])).toEqual([
      ['Anita Desai', 'self'],
      ['Rohan Desai', 'child'],
      ['Vikram Desai', 'spouse'],
    ]);
    const [household] = await t.db.select().from(households).where(eq(households.id, first.householdId));
    expect(household?.name).toBe('Desai household');

    const record = await caller.patients.byId({ id: child.id });
    expect(record.household?.id).toBe(first.householdId);
    expect(record.householdMembers.map((m) => m.name).sort()).toEqual(['Anita Desai', 'Vikram Desai']);
    expect(record.contactPhone).toEqual({ phone: '+919811100001', viaPatientId: mother.id });

    // A guardian outside the parents takes precedence once linked.
    const aunt = await caller.patients.create({ firstName: 'Sunita', lastName: 'Rao', phone: '9811100003' });
    await caller.households.link({ patientId: aunt.id, relatedPatientId: mother.id, relationship: 'guardian' });
    expect((await caller.patients.byId({ id: child.id })).contactPhone?.viaPatientId).toBe(aunt.id);

    // Linking from inside the household: the newcomer joins with the relationship read from their side.
    const baby = await caller.patients.create({ firstName: 'Mira', lastName: 'Desai' });
    const joined = await caller.households.link({
      patientId: mother.id,
      relatedPatientId: baby.id,
      relationship: 'parent',
    });
    expect(joined.members.find((m) => m.id === mother.id)?.relationship).toBe('self');
    expect(joined.members.find((m) => m.id === baby.id)?.relationship).toBe('child');

    const links = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, first.householdId), eq(auditLog.action, 'household.link')));
    expect(links).toHaveLength(4);
  });

  it('unlinks, dissolving a household of one, and refuses joining two households', async () => {
    const caller = callerAs(t.db, frontDesk);
    const [p1, p2, p3, p4] = await Promise.all(
      ['Asha', 'Bala', 'Chitra', 'Dev'].map((firstName) => caller.patients.create({ firstName, lastName: 'Iyer' })),
    );
    if (!p1 || !p2 || !p3 || !p4) throw new Error('no patients');
    const h1 = await caller.households.link({ patientId: p2.id, relatedPatientId: p1.id, relationship: 'sibling' });
    await caller.households.link({ patientId: p4.id, relatedPatientId: p3.id, relationship: 'spouse' });
    await expect(
      caller.households.link({ patientId: p2.id, relatedPatientId: p3.id, relationship: 'other' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Bala Iyer already belongs to another household. Remove them from it first.',
    });

    await caller.households.unlink({ patientId: p2.id });
    const rows = await t.db.select().from(patients).where(eq(patients.householdId, h1.householdId));
    expect(rows).toHaveLength(0);
    expect(await t.db.select().from(households).where(eq(households.id, h1.householdId))).toHaveLength(0);
  });

  it('refuses linking a patient to themselves, and other organizations are NOT_FOUND', async () => {
    await expect(
      callerAs(t.db, frontDesk).households.link({
        patientId: a.patient.id,
        relatedPatientId: a.patient.id,
        relationship: 'other',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      callerAs(t.db, adminB).households.link({
        patientId: b.patient.id,
        relatedPatientId: a.patient.id,
        relationship: 'spouse',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerAs(t.db, adminB).households.unlink({ patientId: a.patient.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('patients.merge', () => {
  it('moves visits, notes, waitlist wishes and household to the survivor, fills its gaps, and audits both', async () => {
    const caller = callerAs(t.db, frontDesk);
    const survivor = await caller.patients.create({ firstName: 'Arjun', lastName: 'Sharma', tags: ['vip'] });
    const duplicate = await caller.patients.create({
      firstName: 'Arjun',
      lastName: 'Sharma',
      phone: '9822200001',
      email: 'arjun@example.com',
      bloodGroup: 'O+',
      tags: ['diabetic'],
    });
    const sister = await caller.patients.create({ firstName: 'Neha', lastName: 'Sharma' });
    const { householdId } = await caller.households.link({
      patientId: duplicate.id,
      relatedPatientId: sister.id,
      relationship: 'sibling',
    });
    const visit = await insertVisit(t.db, a, duplicate.id, -5);
    await insertVisit(t.db, a, duplicate.id, 3, 'confirmed');
    const note = await callerAs(t.db, clinician).clinicalNotes.create({
      patientId: duplicate.id,
      appointmentId: visit.id,
      body: 'Seen',
    });
    await t.db.insert(waitlistEntries).values({
      organizationId: a.org.id,
      patientId: duplicate.id,
      clinicianId: a.clinician.id,
      typeId: a.type.id,
      fromDate: '2030-01-01',
      toDate: '2030-01-31',
    });

    const result = await callerAs(t.db, manager).patients.merge({ survivorId: survivor.id, duplicateId: duplicate.id });
    expect(result.moved).toEqual({
      appointments: 2,
      clinicalNotes: 1,
      waitlistEntries: 1,
      slotHolds: 0,
      formRequests: 0,
      formSubmissions: 0,
    });
    expect(result.survivor).toMatchObject({
      phone: '+919822200001',
      email: 'arjun@example.com',
      bloodGroup: 'O+',
      tags: ['vip', 'diabetic'],
      householdId,
      householdRelationship: 'sibling',
    });
    expect(await t.db.select().from(appointments).where(eq(appointments.patientId, duplicate.id))).toHaveLength(0);
    const [movedNote] = await t.db.select().from(clinicalNotes).where(eq(clinicalNotes.id, note.id));
    expect(movedNote?.patientId).toBe(survivor.id);

    const merged = await caller.patients.byId({ id: duplicate.id });
    expect(merged.mergedIntoId).toBe(survivor.id);
    expect(merged.mergedInto).toEqual({ id: survivor.id, name: 'Arjun Sharma', mrn: survivor.mrn });
    expect(merged.phone).toBe('+919822200001');
    expect(merged.householdId).toBeNull();
    expect((await caller.patients.byId({ id: survivor.id })).counts).toEqual({ appointments: 2, notes: 1 });

    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, a.org.id), eq(auditLog.actorId, manager.userId)));
    expect(
      entries
        .filter((e) => e.action.startsWith('patient.'))
        .map((e) => [e.action, e.entityId])
        .sort(),
    ).toEqual(
      [
        ['patient.merge', survivor.id],
        ['patient.merged_into', duplicate.id],
      ].sort(),
    );

    // The merged record is read-only, pointing at the survivor.
    const readOnly = `This record was merged into Arjun Sharma (${survivor.mrn}) and can no longer be changed. Please open that record instead.`;
    await expect(caller.patients.update({ id: duplicate.id, values: { notes: 'x' } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: readOnly,
    });
    await expect(caller.patients.archive({ id: duplicate.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      callerAs(t.db, clinician).clinicalNotes.create({ patientId: duplicate.id, body: 'x' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: readOnly });
    await expect(
      caller.households.link({ patientId: duplicate.id, relatedPatientId: sister.id, relationship: 'sibling' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    // Merging into a merged record, or a merged record again, is refused.
    const third = await caller.patients.create({ firstName: 'Third' });
    await expect(
      callerAs(t.db, manager).patients.merge({ survivorId: duplicate.id, duplicateId: third.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      callerAs(t.db, manager).patients.merge({ survivorId: third.id, duplicateId: duplicate.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a survivor with its own household keeps it; the household the duplicate leaves alone is dissolved', async () => {
    const caller = callerAs(t.db, frontDesk);
    const [survivor, spouse, duplicate, brother] = await Promise.all(
      ['Kiran', 'Lakshmi', 'Kiran', 'Mohan'].map((firstName) =>
        caller.patients.create({ firstName, lastName: 'Nair' }),
      ),
    );
    if (!survivor || !spouse || !duplicate || !brother) throw new Error('no patients');
    const own = await caller.households.link({
      patientId: spouse.id,
      relatedPatientId: survivor.id,
      relationship: 'spouse',
    });
    const other = await caller.households.link({
      patientId: brother.id,
      relatedPatientId: duplicate.id,
      relationship: 'sibling',
    });
    const result = await callerAs(t.db, manager).patients.merge({ survivorId: survivor.id, duplicateId: duplicate.id });
    expect(result.survivor.householdId).toBe(own.householdId);
    expect(await t.db.select().from(households).where(eq(households.id, other.householdId))).toHaveLength(0);
    const [left] = await t.db.select().from(patients).where(eq(patients.id, brother.id));
    expect(left?.householdId).toBeNull();
  });

  it('two people merging the same duplicate at once: one merge happens, the other is told', async () => {
    const caller = callerAs(t.db, frontDesk);
    const [one, two, duplicate] = await Promise.all(
      ['Pooja', 'Pooja', 'Puja'].map((firstName) => caller.patients.create({ firstName, lastName: 'Menon' })),
    );
    if (!one || !two || !duplicate) throw new Error('no patients');
    await insertVisit(t.db, a, duplicate.id, -1);
    const results = await Promise.allSettled([
      callerAs(t.db, manager).patients.merge({ survivorId: one.id, duplicateId: duplicate.id }),
      callerAs(t.db, manager).patients.merge({ survivorId: two.id, duplicateId: duplicate.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({
      code: 'CONFLICT',
      message: `Puja Menon (${duplicate.mrn}) has already been merged.`,
    });
    const visits = await t.db.select().from(appointments).where(eq(appointments.patientId, duplicate.id));
    expect(visits).toHaveLength(0);
  });

  it('refuses itself, other organizations (NOT_FOUND), and roles without patients:merge', async () => {
    const caller = callerAs(t.db, manager);
    await expect(caller.patients.merge({ survivorId: a.patient.id, duplicateId: a.patient.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller.patients.merge({ survivorId: a.patient.id, duplicateId: b.patient.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      callerAs(t.db, adminB).patients.merge({ survivorId: b.patient.id, duplicateId: a.patient.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      callerAs(t.db, frontDesk).patients.merge({ survivorId: a.patient.id, duplicateId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [row] = await t.db.select().from(patients).where(eq(patients.id, b.patient.id));
    expect(row?.mergedIntoId).toBeNull();
  });
});
