import type { Server } from 'node:http';
import { loadPrincipal, type StaffPrincipal } from '@carelane/auth';
import { appointments, auditLog } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  callerAs,
  createClinic,
  createStaff,
  deps,
  postTrpc,
  sessionCookie,
  signedInStaff,
  startApiServer,
} from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let api: { url: string; server: Server };

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  api = await startApiServer(deps(t.db));
});
afterAll(async () => {
  api.server.close();
  await t.close();
});

describe('roles and permissions', () => {
  it('front desk cannot call an admin-only procedure (FORBIDDEN) and nothing changes', async () => {
    const fd = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
    const { principal } = await signedInStaff(t.db, fd.id);
    await expect(
      callerAs(t.db, principal).staff.setActive({ userId: clinic.clinician.id, active: false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [{ principal: stillIn }] = [await signedInStaff(t.db, clinic.clinician.id)];
    expect(stillIn.kind).toBe('staff');
  });

  it('an admin disabling a user ends that user’s sessions at once', async () => {
    const admin = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'admin');
    const target = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'care_coordinator');
    const { principal } = await signedInStaff(t.db, admin.id);
    const victim = await signedInStaff(t.db, target.id);
    expect((await loadPrincipal(t.db, victim.sessionId)).kind).toBe('staff');
    await callerAs(t.db, principal as StaffPrincipal).staff.setActive({ userId: target.id, active: false });
    expect((await loadPrincipal(t.db, victim.sessionId)).kind).toBe('anonymous');
  });

  it('over HTTP: no session is UNAUTHORIZED (401); a session cookie is honoured', async () => {
    const anonymous = await fetch(`${api.url}/centres.list`);
    expect(anonymous.status).toBe(401);
    const fd = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
    const { sessionId } = await signedInStaff(t.db, fd.id);
    const response = await fetch(`${api.url}/centres.list`, { headers: { cookie: await sessionCookie(sessionId) } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { json: Array<{ id: string }> } } };
    expect(body.result.data.json.map((c) => c.id)).toEqual([clinic.centre.id]);
  });

  it('over HTTP: a forged or foreign cookie is treated as signed out', async () => {
    const response = await fetch(`${api.url}/centres.list`, {
      headers: { cookie: 'carelane.staff.session=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged' },
    });
    expect(response.status).toBe(401);
  });
});

describe('bad input', () => {
  it('is a 400 naming each field, and writes nothing', async () => {
    const fd = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
    const { sessionId } = await signedInStaff(t.db, fd.id);
    const before = await Promise.all([
      t.db.select({ n: count() }).from(appointments),
      t.db.select({ n: count() }).from(auditLog),
    ]);
    const { status, body } = await postTrpc(
      api.url,
      'appointments.create',
      {
        centreId: 'nope',
        clinicianId: clinic.clinician.id,
        patientId: clinic.patient.id,
        typeId: clinic.type.id,
        startsAt: 'soon',
      },
      await sessionCookie(sessionId),
    );
    expect(status).toBe(400);
    expect(body.error?.data.code).toBe('BAD_REQUEST');
    const fields = ((body.error?.data.details ?? []) as Array<{ field: string; message: string }>).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['centreId', 'startsAt']));
    expect(body.error?.message).toMatch(/centreId/);
    expect(JSON.stringify(body)).not.toMatch(/stack|at Object|node_modules/);
    const after = await Promise.all([
      t.db.select({ n: count() }).from(appointments),
      t.db.select({ n: count() }).from(auditLog),
    ]);
    expect(after).toEqual(before);
  });

  it('an overbooking without a reason names overbookReason', async () => {
    const fd = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'centre_manager');
    const { sessionId } = await signedInStaff(t.db, fd.id);
    const { status, body } = await postTrpc(
      api.url,
      'appointments.create',
      {
        centreId: clinic.centre.id,
        clinicianId: clinic.clinician.id,
        patientId: clinic.patient.id,
        typeId: clinic.type.id,
        startsAt: '2030-03-01T04:30:00.000Z',
        overbook: true,
      },
      await sessionCookie(sessionId),
    );
    expect(status).toBe(400);
    expect(body.error?.data.details).toEqual([
      { field: 'overbookReason', message: 'Say why this overbooking is needed' },
    ]);
  });
});
