import type { StaffPrincipal } from '@carelane/auth';
import { auditLog } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic, createPatient } from './fixtures';
import { insertVisit, staffOf } from './patient-fixtures';

type Clinic = Awaited<ReturnType<typeof createClinic>>;
type Entry = typeof auditLog.$inferInsert;

let t: TestDatabase;
let a: Clinic;
let b: Clinic;
let adminA: StaffPrincipal;
let deskA: StaffPrincipal;
let adminB: StaffPrincipal;

/** An entry written straight to the log, as any writer would. */
async function entry(clinic: Clinic, facts: Partial<Entry>) {
  const [row] = await t.db
    .insert(auditLog)
    .values({ organizationId: clinic.org.id, actorKind: 'system', action: 'test.event', entity: 'test', ...facts })
    .returning();
  if (!row) throw new Error('no entry');
  return row;
}

const failure = async (run: () => Promise<unknown>) => {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

const auditCount = async () => (await t.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Audit A');
  b = await createClinic(t.db, 'Audit B');
  adminA = await staffOf(t.db, a, 'admin');
  deskA = await staffOf(t.db, a, 'front_desk');
  adminB = await staffOf(t.db, b, 'admin');
});
afterAll(() => t.close());

describe('audit procedures', () => {
  it('refuse every role without audit:read', async () => {
    for (const role of ['front_desk', 'manager', 'clinician', 'centre_manager', 'care_coordinator'] as const) {
      const caller = callerAs(t.db, role === 'front_desk' ? deskA : await staffOf(t.db, a, role));
      expect((await failure(() => caller.audit.list({}))).code).toBe('FORBIDDEN');
      expect((await failure(() => caller.audit.filters())).code).toBe('FORBIDDEN');
      expect((await failure(() => caller.audit.patientAccess({ patientId: a.patient.id }))).code).toBe('FORBIDDEN');
    }
  });

  it('answer a bad date, id or cursor with a field error and write nothing', async () => {
    const caller = callerAs(t.db, adminA);
    const before = await auditCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ from: 'yesterday' }, 'from'],
      [{ from: '2026-11-10', to: '2026-11-01' }, 'to'],
      [{ patientId: 'abc' }, 'patientId'],
      [{ actorId: '42' }, 'actorId'],
      [{ action: 'drop table;' }, 'action'],
      [{ cursor: 'not-a-cursor' }, 'cursor'],
    ];
    for (const [input, field] of cases) {
      const error = await failure(() => caller.audit.list(input as never));
      expect(error.code).toBe('BAD_REQUEST');
      expect(JSON.stringify(error.cause)).toContain(field);
    }
    expect((await failure(() => caller.audit.patientAccess({ patientId: 'nope' }))).code).toBe('BAD_REQUEST');
    expect(await auditCount()).toBe(before);
  });

  it('answer NOT_FOUND for another organization’s patient or staff member', async () => {
    const caller = callerAs(t.db, adminB);
    expect((await failure(() => caller.audit.list({ patientId: a.patient.id }))).code).toBe('NOT_FOUND');
    expect((await failure(() => caller.audit.list({ actorId: adminA.userId }))).code).toBe('NOT_FOUND');
    expect((await failure(() => caller.audit.patientAccess({ patientId: a.patient.id }))).code).toBe('NOT_FOUND');
  });
});

describe('audit.list', () => {
  it('filters by person, patient, action, kind of record and local dates, alone and combined', async () => {
    const clinic = await createClinic(t.db, 'Audit filters');
    const admin = await staffOf(t.db, clinic, 'admin');
    const desk = await staffOf(t.db, clinic, 'front_desk');
    const other = await createPatient(t.db, clinic.org.id);
    const visit = await insertVisit(t.db, clinic, clinic.patient.id, 2);
    // 18:00Z is 23:30 in India on the 9th; 19:00Z is 00:30 on the 10th.
    const late9th = new Date('2026-11-09T18:00:00Z');
    const early10th = new Date('2026-11-09T19:00:00Z');
    const staff = (p: StaffPrincipal) => ({ actorKind: 'staff', actorId: p.userId });
    const read = await entry(clinic, {
      ...staff(admin),
      action: 'patient.read',
      entity: 'patient',
      entityId: clinic.patient.id,
      at: early10th,
    });
    const booked = await entry(clinic, {
      ...staff(desk),
      action: 'appointment.create',
      entity: 'appointment',
      entityId: visit.id,
      at: early10th,
    });
    const otherRead = await entry(clinic, {
      ...staff(desk),
      action: 'patient.read',
      entity: 'patient',
      entityId: other.id,
      at: late9th,
    });
    const signIn = await entry(clinic, { ...staff(desk), action: 'auth.sign_in', entity: 'auth_session', at: late9th });
    // Another clinic's entry about this clinic's patient id never shows.
    await entry(b, { action: 'patient.read', entity: 'patient', entityId: clinic.patient.id, at: early10th });

    const caller = callerAs(t.db, admin);
    const ids = async (input: Parameters<typeof caller.audit.list>[0]) =>
      (await caller.audit.list(input)).entries.map((e) => e.id).sort();
    const sorted = (...rows: { id: number }[]) => rows.map((r) => r.id).sort();

    // Sign-ins of the fixtures' staff are today's; November holds only the entries above.
    const nov = { from: '2026-11-01', to: '2026-11-30' };
    expect(await ids(nov)).toEqual(sorted(read, booked, otherRead, signIn));
    expect(await ids({ ...nov, actorId: desk.userId })).toEqual(sorted(booked, otherRead, signIn));
    expect(await ids({ patientId: clinic.patient.id })).toEqual(sorted(read, booked));
    expect(await ids({ action: 'patient.read' })).toEqual(sorted(read, otherRead));
    expect(await ids({ ...nov, entity: 'auth_session' })).toEqual(sorted(signIn));
    expect(await ids({ from: '2026-11-10', to: '2026-11-10' })).toEqual(sorted(read, booked));
    expect(await ids({ from: '2026-11-01', to: '2026-11-09' })).toEqual(sorted(otherRead, signIn));
    expect(await ids({ actorId: desk.userId, action: 'patient.read', to: '2026-11-09' })).toEqual(sorted(otherRead));
    expect(await ids({ actorId: desk.userId, patientId: clinic.patient.id })).toEqual(sorted(booked));
    expect(await ids({ actorId: admin.userId, patientId: other.id })).toEqual([]);

    const [shown] = (await caller.audit.list({ action: 'appointment.create' })).entries;
    expect(shown?.who).toMatchObject({ kind: 'staff', name: desk.name, role: 'front_desk' });
    expect(shown?.what).toBe('Booked appointment');
    expect(shown?.record).toMatchObject({ kind: 'Appointment', href: `/patients/${clinic.patient.id}` });
    expect(shown?.record.label).toContain('Test Patient');

    const filters = await caller.audit.filters();
    expect(filters.people.map((p) => p.id)).toEqual(expect.arrayContaining([admin.userId, desk.userId]));
    expect(filters.actions).toEqual(
      expect.arrayContaining([
        { value: 'patient.read', label: 'Opened patient record' },
        { value: 'auth.sign_in', label: 'Signed in' },
      ]),
    );
  });

  it('pages by (time, id) with no gap or repeat while new entries arrive', async () => {
    const clinic = await createClinic(t.db, 'Audit paging');
    const admin = await staffOf(t.db, clinic, 'admin');
    const base = Date.parse('2026-11-10T06:00:00Z');
    // Pairs share a time, so only the id tells them apart.
    for (let i = 0; i < 9; i++) await entry(clinic, { at: new Date(base + Math.floor(i / 2) * 1000) });
    // Everything on the clinic's log before paging starts (the admin's sign-in too).
    const existing = await t.db.select().from(auditLog).where(eq(auditLog.organizationId, clinic.org.id));
    const caller = callerAs(t.db, admin);
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await caller.audit.list({ limit: 2, cursor });
      seen.push(...page.entries.map((e) => e.id));
      // Newer entries arrive between pages, by a writer and by the admin opening a record.
      await entry(clinic, { at: new Date() });
      await caller.patients.byId({ id: clinic.patient.id });
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual([...existing].sort((x, y) => y.at.getTime() - x.at.getTime() || y.id - x.id).map((e) => e.id));
  });

  it('never shows another organization’s entries, nor repeats an id of another clinic someone tried', async () => {
    const before = await callerAs(t.db, adminB).audit.list({ limit: 100 });
    // B's admin tries A's patient: refused, and the failed read is on B's log.
    await expect(callerAs(t.db, adminB).patients.byId({ id: a.patient.id })).rejects.toThrow();
    await callerAs(t.db, adminA).patients.byId({ id: a.patient.id });
    const after = await callerAs(t.db, adminB).audit.list({ limit: 100 });
    const text = JSON.stringify(after);
    expect(text).not.toContain(a.patient.id);
    expect(text).not.toContain(adminA.userId);
    expect(after.entries.length).toBe(before.entries.length + 1);
    expect(after.entries[0]).toMatchObject({
      action: 'patient.read',
      success: false,
      record: { entityId: null, label: 'Patient (not found)' },
    });
  });
});

describe('audit.patientAccess', () => {
  it('lists who opened or downloaded the record, latest first, and no changes', async () => {
    const clinic = await createClinic(t.db, 'Audit access');
    const admin = await staffOf(t.db, clinic, 'admin');
    const clinician = await staffOf(t.db, clinic, 'clinician');
    const visit = await insertVisit(t.db, clinic, clinic.patient.id, 1);
    await callerAs(t.db, clinician).patients.byId({ id: clinic.patient.id });
    await entry(clinic, {
      actorKind: 'staff',
      actorId: admin.userId,
      action: 'patient.update',
      entity: 'patient',
      entityId: clinic.patient.id,
    });
    await entry(clinic, {
      actorKind: 'patient',
      actorId: clinic.patient.id,
      action: 'patient.appointments.read',
      entity: 'patient',
      entityId: clinic.patient.id,
    });
    await entry(clinic, {
      actorKind: 'staff',
      actorId: admin.userId,
      action: 'appointment.create',
      entity: 'appointment',
      entityId: visit.id,
    });
    await callerAs(t.db, admin).patients.byId({ id: clinic.patient.id });
    // Another patient's reads are not this record's.
    const other = await createPatient(t.db, clinic.org.id);
    await callerAs(t.db, admin).patients.byId({ id: other.id });

    const access = await callerAs(t.db, admin).audit.patientAccess({ patientId: clinic.patient.id });
    expect(access.entries.map((e) => [e.who.name, e.what])).toEqual([
      [admin.name, 'Opened patient record'],
      [`Patient Test Patient`, 'Viewed patient’s appointments'],
      [clinician.name, 'Opened patient record'],
    ]);
    expect(access.entries[0]?.who.role).toBe('admin');
    expect(access.nextCursor).toBeNull();
  });
});
