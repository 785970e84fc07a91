import type { StaffPrincipal } from '@carelane/auth';
import { auditLog } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic, createStaff, signedInStaff } from './fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let adminA: StaffPrincipal;
let frontDeskA: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Clinic A');
  b = await createClinic(t.db, 'Clinic B');
  adminA = (await signedInStaff(t.db, (await createStaff(t.db, a.org.id, a.centre.id, 'admin')).id))
    .principal as StaffPrincipal;
  frontDeskA = (await signedInStaff(t.db, (await createStaff(t.db, a.org.id, a.centre.id, 'front_desk')).id))
    .principal as StaffPrincipal;
});
afterAll(() => t.close());

describe('tenancy: scope comes from the session', () => {
  it('reads its own patient, and the read is audited', async () => {
    const patient = await callerAs(t.db, adminA).patients.byId({ id: a.patient.id });
    expect(patient.id).toBe(a.patient.id);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.patient.id), eq(auditLog.action, 'patient.read')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: adminA.userId, organizationId: a.org.id, success: true });
  });

  it("another organization's patient is NOT_FOUND, exactly like a patient that does not exist", async () => {
    const caller = callerAs(t.db, adminA);
    const other = await caller.patients.byId({ id: b.patient.id }).catch((e: unknown) => e);
    const missing = await caller.patients.byId({ id: crypto.randomUUID() }).catch((e: unknown) => e);
    expect(other).toMatchObject({ code: 'NOT_FOUND', message: 'Patient was not found.' });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'Patient was not found.' });
  });

  it("another organization's centre day list is NOT_FOUND", async () => {
    await expect(callerAs(t.db, adminA).appointments.day({ centreId: b.centre.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("booking another organization's clinician or patient is NOT_FOUND and writes nothing", async () => {
    const caller = callerAs(t.db, frontDeskA);
    const base = {
      centreId: a.centre.id,
      clinicianId: a.clinician.id,
      patientId: a.patient.id,
      typeId: a.type.id,
      startsAt: new Date('2030-02-01T05:00:00Z'),
    };
    await expect(caller.appointments.create({ ...base, patientId: b.patient.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(caller.appointments.create({ ...base, clinicianId: b.clinician.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(caller.appointments.create({ ...base, typeId: b.type.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("an admin cannot disable another organization's staff member (NOT_FOUND)", async () => {
    await expect(
      callerAs(t.db, adminA).staff.setActive({ userId: b.clinician.id, active: false }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
