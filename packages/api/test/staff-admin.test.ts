import type { Server } from 'node:http';
import type { StaffPrincipal } from '@carelane/auth';
import { localDate } from '@carelane/core';
import { appointments, clinicianProfiles, staffCentres, staffUsers } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  callerAs,
  createClinic,
  createStaff,
  deps,
  indiaTime,
  nextPhone,
  offerTypes,
  sessionCookie,
  signedInStaff,
  startApiServer,
} from './fixtures';
import { nextEmail } from './staff-fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let other: Awaited<ReturnType<typeof createClinic>>;
let api: { url: string; server: Server };

async function signIn(userId: string) {
  const { principal, sessionId } = await signedInStaff(t.db, userId);
  return { principal: principal as StaffPrincipal, sessionId };
}

async function newAdmin(of = clinic) {
  const row = await createStaff(t.db, of.org.id, of.centre.id, 'admin');
  return { row, ...(await signIn(row.id)) };
}

/** A GET of a query over HTTP with a session cookie, as the browser's next request. */
async function get(path: string, sessionId: string) {
  const response = await fetch(`${api.url}/${path}`, { headers: { cookie: await sessionCookie(sessionId) } });
  return response.status;
}

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  other = await createClinic(t.db, 'Other Clinic');
  api = await startApiServer(deps(t.db));
});
afterAll(async () => {
  api.server.close();
  await t.close();
});

describe('the last active admin', () => {
  it('cannot be demoted or deactivated; with another admin they can', async () => {
    const solo = await createClinic(t.db, 'Solo Clinic');
    const first = await newAdmin(solo);
    const asFirst = callerAs(t.db, first.principal);
    const update = { userId: first.row.id, name: first.row.name, phone: first.row.phone, centreIds: [solo.centre.id] };
    await expect(asFirst.staff.update({ ...update, role: 'manager' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: "This is the clinic's last active admin. Make someone else an admin first.",
    });
    const second = await newAdmin(solo);
    await callerAs(t.db, second.principal).staff.setActive({ userId: first.row.id, active: false });
    // The deactivated admin does not count: the second is now the last.
    const asSecond = callerAs(t.db, second.principal);
    await expect(
      asSecond.staff.update({
        ...update,
        userId: second.row.id,
        name: second.row.name,
        phone: second.row.phone,
        role: 'front_desk',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await asSecond.staff.setActive({ userId: first.row.id, active: true });
    await asSecond.staff.update({ ...update, role: 'manager' });
    const [row] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, first.row.id));
    expect(row?.role).toBe('manager');
  });

  it('two admins demoting each other at once: one change goes through, the other is refused', async () => {
    const pair = await createClinic(t.db, 'Pair Clinic');
    const a = await newAdmin(pair);
    const b = await newAdmin(pair);
    const demote = (who: typeof a, target: typeof a) =>
      callerAs(t.db, who.principal).staff.update({
        userId: target.row.id,
        name: target.row.name,
        phone: target.row.phone,
        role: 'manager',
        centreIds: [pair.centre.id],
      });
    const results = await Promise.allSettled([demote(a, b), demote(b, a)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [admins] = await t.db
      .select({ n: count() })
      .from(staffUsers)
      .where(eq(staffUsers.organizationId, pair.org.id));
    expect(admins?.n).toBe(3);
    const roles = await t.db
      .select({ role: staffUsers.role })
      .from(staffUsers)
      .where(eq(staffUsers.organizationId, pair.org.id));
    expect(roles.filter((r) => r.role === 'admin')).toHaveLength(1);
  });
});

describe('sessions follow the account', () => {
  it('a role change applies on the next request, without signing in again', async () => {
    const admin = await newAdmin();
    const person = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
    const { sessionId } = await signIn(person.id);
    expect(await get('staff.list', sessionId)).toBe(403);
    await callerAs(t.db, admin.principal).staff.update({
      userId: person.id,
      name: person.name,
      phone: person.phone,
      role: 'manager',
      centreIds: [clinic.centre.id],
    });
    expect(await get('staff.list', sessionId)).toBe(200);
  });

  it("a deactivated person's open session is refused on the next call", async () => {
    const admin = await newAdmin();
    const person = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'care_coordinator');
    const { sessionId } = await signIn(person.id);
    expect(await get('centres.list', sessionId)).toBe(200);
    await callerAs(t.db, admin.principal).staff.setActive({ userId: person.id, active: false });
    expect(await get('centres.list', sessionId)).toBe(401);
    // Reactivating does not bring the ended session back: they sign in again.
    await callerAs(t.db, admin.principal).staff.setActive({ userId: person.id, active: true });
    expect(await get('centres.list', sessionId)).toBe(401);
  });

  it('nobody deactivates themselves', async () => {
    const admin = await newAdmin();
    await expect(
      callerAs(t.db, admin.principal).staff.setActive({ userId: admin.row.id, active: false }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('deactivating a clinician', () => {
  it('lists their visits still to come, to be moved', async () => {
    const admin = await newAdmin();
    const clinician = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'clinician');
    const visit = (days: number, status: 'confirmed' | 'cancelled') => ({
      organizationId: clinic.org.id,
      centreId: clinic.centre.id,
      clinicianId: clinician.id,
      patientId: clinic.patient.id,
      typeId: clinic.type.id,
      startsAt: indiaTime(days, 10),
      endsAt: indiaTime(days, 10, 30),
      status,
      source: 'dashboard' as const,
      feeMinor: 50_000,
      currency: 'INR',
    });
    await t.db
      .insert(appointments)
      .values([visit(-2, 'confirmed'), visit(3, 'confirmed'), visit(4, 'cancelled'), visit(5, 'confirmed')]);
    const result = await callerAs(t.db, admin.principal).staff.setActive({ userId: clinician.id, active: false });
    expect(result.futureVisits).toHaveLength(2);
    expect(result.futureVisits[0]).toMatchObject({
      patient: { id: clinic.patient.id, name: 'Test Patient' },
      centre: { id: clinic.centre.id, name: 'Main' },
      timeLabel: expect.stringMatching(/10:00/i),
    });
    expect(result.futureVisits[0]?.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps them on the calendar only on days with visits still to move, and takes no new visits', async () => {
    const admin = await newAdmin();
    const clinician = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'clinician');
    await t.db.insert(clinicianProfiles).values({
      staffUserId: clinician.id,
      organizationId: clinic.org.id,
      slug: `leaving-${clinician.id}`,
      feeMinor: 50_000,
      currency: 'INR',
    });
    await offerTypes(t.db, clinic.org.id, [clinician.id], [clinic.type.id]);
    await t.db.insert(appointments).values({
      organizationId: clinic.org.id,
      centreId: clinic.centre.id,
      clinicianId: clinician.id,
      patientId: clinic.patient.id,
      typeId: clinic.type.id,
      startsAt: indiaTime(3, 10),
      endsAt: indiaTime(3, 10, 30),
      status: 'confirmed',
      source: 'dashboard',
      feeMinor: 50_000,
      currency: 'INR',
    });
    await callerAs(t.db, admin.principal).staff.setActive({ userId: clinician.id, active: false });
    const calendar = callerAs(t.db, admin.principal).calendar;
    const day = (days: number) => localDate(indiaTime(days, 10), 'Asia/Kolkata');
    const withVisit = await calendar.view({ centreId: clinic.centre.id, view: 'day', date: day(3) });
    const column = withVisit.columns.find((c) => c.clinicianId === clinician.id);
    expect(column?.active).toBe(false);
    expect(column?.appointments).toHaveLength(1);
    const without = await calendar.view({ centreId: clinic.centre.id, view: 'day', date: day(6) });
    expect(without.columns.some((c) => c.clinicianId === clinician.id)).toBe(false);
    await expect(
      callerAs(t.db, admin.principal).appointments.create({
        centreId: clinic.centre.id,
        clinicianId: clinician.id,
        patientId: clinic.patient.id,
        typeId: clinic.type.id,
        startsAt: indiaTime(6, 11),
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/deactivated/) });
  });
});

describe('who may', () => {
  it('roles without staff:manage are FORBIDDEN every change; staff:read roles see the list', async () => {
    const manager = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'manager');
    const asManager = callerAs(t.db, (await signIn(manager.id)).principal);
    const target = clinic.clinician.id;
    const forbidden = { code: 'FORBIDDEN' };
    await expect(
      asManager.staff.invite({ name: 'X', email: nextEmail(), role: 'front_desk', centreIds: [clinic.centre.id] }),
    ).rejects.toMatchObject(forbidden);
    await expect(
      asManager.staff.update({ userId: target, name: 'X', role: 'clinician', centreIds: [clinic.centre.id] }),
    ).rejects.toMatchObject(forbidden);
    await expect(asManager.staff.setActive({ userId: target, active: false })).rejects.toMatchObject(forbidden);
    await expect(asManager.staff.resendInvitation({ userId: target })).rejects.toMatchObject(forbidden);
    await expect(asManager.staff.revokeInvitation({ userId: target })).rejects.toMatchObject(forbidden);
    expect((await asManager.staff.list()).length).toBeGreaterThan(1);
    const frontDesk = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
    await expect(callerAs(t.db, (await signIn(frontDesk.id)).principal).staff.list()).rejects.toMatchObject(forbidden);
  });

  it("another organization's staff and centres are NOT_FOUND, and nothing changes", async () => {
    const admin = await newAdmin();
    const as = callerAs(t.db, admin.principal);
    const theirs = other.clinician.id;
    const notFound = { code: 'NOT_FOUND' };
    const before = await t.db.select().from(staffUsers).where(eq(staffUsers.id, theirs));
    await expect(
      as.staff.update({ userId: theirs, name: 'X', role: 'clinician', centreIds: [] }),
    ).rejects.toMatchObject(notFound);
    await expect(as.staff.setActive({ userId: theirs, active: false })).rejects.toMatchObject(notFound);
    await expect(as.staff.resendInvitation({ userId: theirs })).rejects.toMatchObject(notFound);
    await expect(as.staff.revokeInvitation({ userId: theirs })).rejects.toMatchObject(notFound);
    const email = nextEmail();
    await expect(
      as.staff.invite({ name: 'X', email, role: 'front_desk', centreIds: [other.centre.id] }),
    ).rejects.toMatchObject(notFound);
    await expect(
      as.staff.update({
        userId: clinic.clinician.id,
        name: 'X',
        role: 'clinician',
        centreIds: [clinic.centre.id, other.centre.id],
      }),
    ).rejects.toMatchObject(notFound);
    expect(await t.db.select().from(staffUsers).where(eq(staffUsers.id, theirs))).toEqual(before);
    expect(await t.db.select().from(staffUsers).where(eq(staffUsers.email, email))).toEqual([]);
    expect((await as.staff.list()).some((s) => s.id === theirs)).toBe(false);
  });
});

describe('bad input', () => {
  const fieldOf = (field: string) => ({
    code: 'BAD_REQUEST',
    cause: { issues: [expect.objectContaining({ path: [field] })] },
  });

  it('gets a field error and changes nothing', async () => {
    const admin = await newAdmin();
    const as = callerAs(t.db, admin.principal);
    const [{ n: staffBefore } = { n: 0 }] = await t.db.select({ n: count() }).from(staffUsers);
    const good = { name: 'Asha Menon', email: nextEmail(), role: 'front_desk' as const, centreIds: [clinic.centre.id] };
    await expect(as.staff.invite({ ...good, name: '  ' })).rejects.toMatchObject(fieldOf('name'));
    await expect(as.staff.invite({ ...good, email: 'not-an-email' })).rejects.toMatchObject(fieldOf('email'));
    await expect(as.staff.invite({ ...good, phone: '12' })).rejects.toMatchObject(fieldOf('phone'));
    await expect(as.staff.invite({ ...good, phone: '+91 12345' })).rejects.toMatchObject(fieldOf('phone'));
    await expect(as.staff.invite({ ...good, centreIds: [] })).rejects.toMatchObject(fieldOf('centreIds'));
    // @ts-expect-error: not a role
    await expect(as.staff.invite({ ...good, role: 'owner' })).rejects.toMatchObject(fieldOf('role'));
    await expect(as.staff.invite({ ...good, email: clinic.clinician.email.toUpperCase() })).rejects.toMatchObject(
      fieldOf('email'),
    );
    await expect(as.staff.invite({ ...good, phone: clinic.clinician.phone })).rejects.toMatchObject(fieldOf('phone'));
    // Someone of another organization already signs in with it: still taken.
    await expect(as.staff.invite({ ...good, email: other.clinician.email })).rejects.toMatchObject(fieldOf('email'));
    const [{ n: staffAfter } = { n: 0 }] = await t.db.select({ n: count() }).from(staffUsers);
    expect(staffAfter).toBe(staffBefore);

    const person = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
    const update = { userId: person.id, name: person.name, phone: person.phone, role: 'front_desk' as const };
    await expect(as.staff.update({ ...update, centreIds: [] })).rejects.toMatchObject(fieldOf('centreIds'));
    await expect(as.staff.update({ ...update, phone: 'abc', centreIds: [clinic.centre.id] })).rejects.toMatchObject(
      fieldOf('phone'),
    );
    await expect(
      as.staff.update({ ...update, phone: clinic.clinician.phone, centreIds: [clinic.centre.id] }),
    ).rejects.toMatchObject(fieldOf('phone'));
    const [unchanged] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, person.id));
    expect(unchanged).toEqual(person);
    const centres = await t.db.select().from(staffCentres).where(eq(staffCentres.staffUserId, person.id));
    expect(centres).toHaveLength(1);
  });

  it('an edit keeps the number in E.164 and audits only what changed', async () => {
    const admin = await newAdmin();
    const person = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
    const phone = nextPhone();
    const result = await callerAs(t.db, admin.principal).staff.update({
      userId: person.id,
      name: 'Renamed Person',
      phone: `0${phone.slice(3)}`,
      role: 'care_coordinator',
      centreIds: [clinic.centre.id],
    });
    expect(result.changed).toBe(true);
    const [row] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, person.id));
    expect(row).toMatchObject({ name: 'Renamed Person', phone, role: 'care_coordinator' });
  });
});
