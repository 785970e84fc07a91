import { staffUsers } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SESSION_POLICY } from '../src/policy';
import { createPatientSession, createStaffSession, loadPrincipal, revokeSession } from '../src/sessions';
import { createOrganization, createPatient, createStaff } from './fixtures';

let t: TestDatabase;
let org: Awaited<ReturnType<typeof createOrganization>>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  org = await createOrganization(t.db);
});
afterAll(() => t.close());

const minutes = (n: number) => n * 60_000;

describe('staff sessions', () => {
  it('survive activity and die after 30 idle minutes', async () => {
    const user = await createStaff(t.db, org.id, 'front_desk');
    const start = new Date('2030-01-01T08:00:00Z');
    const id = await createStaffSession(t.db, user.id, {}, start);
    // Active every 20 minutes for two hours: still signed in.
    for (let m = 20; m <= 120; m += 20) {
      expect((await loadPrincipal(t.db, id, new Date(start.getTime() + minutes(m)))).kind).toBe('staff');
    }
    expect((await loadPrincipal(t.db, id, new Date(start.getTime() + minutes(120 + 31)))).kind).toBe('anonymous');
    // Once expired it stays dead.
    expect((await loadPrincipal(t.db, id, new Date(start.getTime() + minutes(152)))).kind).toBe('anonymous');
  });

  it('are not kept alive by a page refreshing itself while nobody uses it', async () => {
    const user = await createStaff(t.db, org.id, 'front_desk');
    const start = new Date('2030-01-03T08:00:00Z');
    const id = await createStaffSession(t.db, user.id, {}, start);
    const lastTouched = new Date(start.getTime() + minutes(5));
    // Polls every 5 minutes report that the person last touched the page at minute 5.
    for (let m = 5; m <= 35; m += 5) {
      expect((await loadPrincipal(t.db, id, new Date(start.getTime() + minutes(m)), lastTouched)).kind).toBe('staff');
    }
    expect((await loadPrincipal(t.db, id, new Date(start.getTime() + minutes(36)), lastTouched)).kind).toBe(
      'anonymous',
    );
  });

  it('ignore a reported activity time in the future', async () => {
    const user = await createStaff(t.db, org.id, 'front_desk');
    const start = new Date('2030-01-04T08:00:00Z');
    const id = await createStaffSession(t.db, user.id, {}, start);
    const farFuture = new Date('2031-01-01T00:00:00Z');
    expect((await loadPrincipal(t.db, id, new Date(start.getTime() + minutes(2)), farFuture)).kind).toBe('staff');
    expect((await loadPrincipal(t.db, id, new Date(start.getTime() + minutes(33)))).kind).toBe('anonymous');
  });

  it('end after 12 hours however active', async () => {
    const user = await createStaff(t.db, org.id, 'front_desk');
    const start = new Date('2030-01-02T08:00:00Z');
    const id = await createStaffSession(t.db, user.id, {}, start);
    let m = 0;
    while (m < SESSION_POLICY.staff.absoluteMs / 60_000 - 10) {
      m += 10;
      expect((await loadPrincipal(t.db, id, new Date(start.getTime() + minutes(m)))).kind).toBe('staff');
    }
    expect((await loadPrincipal(t.db, id, new Date(start.getTime() + minutes(12 * 60 + 1)))).kind).toBe('anonymous');
  });

  it('sign-out revokes the session at once', async () => {
    const user = await createStaff(t.db, org.id, 'front_desk');
    const id = await createStaffSession(t.db, user.id, {});
    await revokeSession(t.db, id);
    expect((await loadPrincipal(t.db, id)).kind).toBe('anonymous');
  });

  it('a new session version (sign out everywhere) ends older sessions', async () => {
    const user = await createStaff(t.db, org.id, 'clinician');
    const id = await createStaffSession(t.db, user.id, {});
    await t.db
      .update(staffUsers)
      .set({ sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
      .where(eq(staffUsers.id, user.id));
    expect((await loadPrincipal(t.db, id)).kind).toBe('anonymous');
  });

  it('a garbage session id is anonymous', async () => {
    expect((await loadPrincipal(t.db, 'not-a-uuid')).kind).toBe('anonymous');
    expect((await loadPrincipal(t.db, crypto.randomUUID())).kind).toBe('anonymous');
  });

  it('patient sessions carry the patient and their organization', async () => {
    const patient = await createPatient(t.db, org.id);
    const id = await createPatientSession(t.db, patient.id, {});
    expect(await loadPrincipal(t.db, id)).toMatchObject({
      kind: 'patient',
      patientId: patient.id,
      organizationId: org.id,
    });
  });
});
