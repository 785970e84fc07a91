import type { StaffPrincipal } from '@carelane/auth';
import { auditLog, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
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
import { insertVisit, staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let frontDesk: StaffPrincipal;
let adminB: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Clinic A');
  b = await createClinic(t.db, 'Clinic B');
  frontDesk = await staffOf(t.db, a, 'front_desk');
  adminB = await staffOf(t.db, b, 'admin');
});
afterAll(() => t.close());

const auditOf = (entityId: string, action: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe('patients.create', () => {
  it('stores every field, normalises phones to E.164 and assigns the next MRN', async () => {
    const caller = callerAs(t.db, frontDesk);
    const first = await caller.patients.create({
      firstName: ' Arjun ',
      lastName: 'Sharma',
      phone: '098765 43210',
      email: 'Arjun@Example.com',
      birthDate: '1988-02-29',
      sex: 'male',
      bloodGroup: 'B+',
      address: { line1: '12 MG Road', city: 'Bengaluru', postalCode: '560001', line2: '' },
      emergencyContact: { name: 'Priya Sharma', phone: '+91 98450 12345', relationship: 'spouse' },
      healthPlan: { insurer: 'Star Health', plan: 'Family Floater', memberId: 'SH123', validTo: '2027-03-31' },
      tags: ['diabetic', 'vip', 'vip'],
      leadSource: 'Google',
      consentSms: true,
      consentWhatsapp: true,
      notes: 'Prefers mornings',
    });
    expect(first).toMatchObject({
      firstName: 'Arjun',
      phone: '+919876543210',
      email: 'arjun@example.com',
      birthDate: '1988-02-29',
      bloodGroup: 'B+',
      address: { line1: '12 MG Road', city: 'Bengaluru', postalCode: '560001' },
      emergencyContact: { name: 'Priya Sharma', phone: '+919845012345', relationship: 'spouse' },
      healthPlan: { insurer: 'Star Health', validTo: '2027-03-31' },
      tags: ['diabetic', 'vip'],
      consentSms: true,
      consentWhatsapp: true,
      consentEmail: false,
    });
    expect(first).not.toHaveProperty('organizationId');
    expect(first.address).not.toHaveProperty('line2');
    expect(first.mrn).toMatch(/^[A-Z]+-\d{6}$/);
    const second = await caller.patients.create({ firstName: 'Meena' });
    expect(Number(second.mrn.split('-')[1])).toBe(Number(first.mrn.split('-')[1]) + 1);

    const [entry] = await auditOf(first.id, 'patient.create');
    expect(entry?.changedFields).toContain('phone');
    // Field names only: no personal values in the audit log.
    expect(JSON.stringify(entry?.changes)).not.toContain('98765');
  });

  it('refuses a phone already used in the organization, naming the patient, in any format', async () => {
    const caller = callerAs(t.db, frontDesk);
    const owner = await caller.patients.create({ firstName: 'Ravi', lastName: 'Kumar', phone: '+91 91234 56789' });
    await expect(caller.patients.create({ firstName: 'Someone', phone: '09123456789' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Another patient already has this number: Ravi Kumar (${owner.mrn}).`,
    });
    // Another organization may have the same number.
    await expect(
      callerAs(t.db, adminB).patients.create({ firstName: 'Ravi', phone: '9123456789' }),
    ).resolves.toBeTruthy();
  });

  it('names the patient when two saves of the same phone race (the unique index decides)', async () => {
    const caller = callerAs(t.db, frontDesk);
    const results = await Promise.allSettled(
      ['Kavya', 'Kavita', 'Kavin'].map((firstName) => caller.patients.create({ firstName, phone: '9000011111' })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    for (const r of refused) {
      expect(r.reason).toMatchObject({ code: 'CONFLICT' });
      expect((r.reason as Error).message).toMatch(/^Another patient already has this number: Kavi?[a-z]* \(/);
    }
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const caller = callerAs(t.db, frontDesk);
    const count = async () => (await t.db.select().from(patients).where(eq(patients.organizationId, a.org.id))).length;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ firstName: '' }, 'firstName'],
      [{ firstName: 'X', phone: 'call me' }, 'phone'],
      [{ firstName: 'X', phone: '+91 12345' }, 'phone'],
      [{ firstName: 'X', birthDate: '2999-01-01' }, 'birthDate'],
      [{ firstName: 'X', birthDate: '2021-02-30' }, 'birthDate'],
      [{ firstName: 'X', bloodGroup: 'C+' }, 'bloodGroup'],
      [{ firstName: 'X', email: 'not-an-email' }, 'email'],
      [{ firstName: 'X', emergencyContact: { name: 'Y', phone: '123' } }, 'emergencyContact.phone'],
    ];
    for (const [input, field] of cases) {
      const error = await caller.patients.create(input as never).catch((e: unknown) => e);
      expect(error, field).toMatchObject({ code: 'BAD_REQUEST' });
      const issues = (error as { cause?: { issues?: { path: unknown[] }[] } }).cause?.issues ?? [];
      expect(
        issues.map((i) => i.path.join('.')),
        field,
      ).toContain(field);
    }
    expect(await count()).toBe(before);
  });
});

describe('patients.update, archive, restore', () => {
  it('changes only the fields sent and audits their names', async () => {
    const caller = callerAs(t.db, frontDesk);
    const p = await caller.patients.create({ firstName: 'Lata', lastName: 'Rao', email: 'lata@example.com' });
    const updated = await caller.patients.update({ id: p.id, values: { phone: '98111 22334', tags: ['new'] } });
    expect(updated).toMatchObject({
      firstName: 'Lata',
      email: 'lata@example.com',
      phone: '+919811122334',
      tags: ['new'],
    });
    const [entry] = await auditOf(p.id, 'patient.update');
    expect(entry?.changedFields?.sort()).toEqual(['phone', 'tags']);
    expect(JSON.stringify(entry?.changes)).not.toContain('98111');
  });

  it("refuses taking another patient's phone", async () => {
    const caller = callerAs(t.db, frontDesk);
    const owner = await caller.patients.create({ firstName: 'Owner', phone: '9822233344' });
    const other = await caller.patients.create({ firstName: 'Other' });
    await expect(caller.patients.update({ id: other.id, values: { phone: '+919822233344' } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Another patient already has this number: Owner (${owner.mrn}).`,
    });
    // Saving a patient with their own phone is fine.
    await expect(
      caller.patients.update({ id: owner.id, values: { phone: '9822233344', notes: 'x' } }),
    ).resolves.toBeTruthy();
  });

  it('says when the patient holding the number is archived', async () => {
    const caller = callerAs(t.db, frontDesk);
    const old = await caller.patients.create({ firstName: 'Old', lastName: 'Record', phone: '9855500001' });
    await caller.patients.archive({ id: old.id });
    await expect(caller.patients.create({ firstName: 'New', phone: '9855500001' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Another patient already has this number: Old Record (${old.mrn}, archived).`,
    });
  });

  it('archives and restores, audited', async () => {
    const caller = callerAs(t.db, frontDesk);
    const p = await caller.patients.create({ firstName: 'Gone' });
    expect((await caller.patients.archive({ id: p.id })).archivedAt).toBeInstanceOf(Date);
    expect((await caller.patients.restore({ id: p.id })).archivedAt).toBeNull();
    expect(await auditOf(p.id, 'patient.archive')).toHaveLength(1);
    expect(await auditOf(p.id, 'patient.restore')).toHaveLength(1);
  });

  it("another organization's patient is NOT_FOUND for every change", async () => {
    const caller = callerAs(t.db, adminB);
    const id = a.patient.id;
    await expect(caller.patients.update({ id, values: { firstName: 'Hacked' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(caller.patients.archive({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.patients.restore({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.patients.appointments({ patientId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await t.db.select().from(patients).where(eq(patients.id, id));
    expect(row?.firstName).toBe('Test');
  });
});

describe('patients.byId and patients.appointments', () => {
  it('shows counts, the next and last visit, and pages visits newest first without repeats', async () => {
    const caller = callerAs(t.db, frontDesk);
    const p = await caller.patients.create({ firstName: 'Visits', phone: '9833344455' });
    const visits = [];
    for (const [days, status] of [
      [-40, 'completed'],
      [-20, 'completed'],
      [-10, 'no_show'],
      [-3, 'completed'],
      [5, 'confirmed'],
      [12, 'pending'],
    ] as const) {
      visits.push(await insertVisit(t.db, a, p.id, days, status));
    }
    const record = await caller.patients.byId({ id: p.id });
    expect(record.counts).toEqual({ appointments: 6, notes: 0 });
    expect(record.upcomingAppointment?.id).toBe(visits[4]?.id);
    expect(record.lastAppointment?.id).toBe(visits[3]?.id);
    expect(record.lastAppointment?.clinician.id).toBe(a.clinician.id);
    expect(record.contactPhone).toEqual({ phone: '+919833344455', viaPatientId: null });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.patients.appointments>> = await caller.patients.appointments({
        patientId: p.id,
        limit: 4,
        cursor,
      });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(await auditOf(p.id, 'patient.appointments.read')).toHaveLength(2);
  });

  it('refuses a bad page marker naming the field', async () => {
    await expect(
      callerAs(t.db, frontDesk).patients.appointments({ patientId: a.patient.id, cursor: 'nonsense' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('over HTTP', () => {
  it('a phone the server cannot read comes back as a 400 naming the field, like schema errors', async () => {
    const user = await createStaff(t.db, a.org.id, a.centre.id, 'front_desk');
    const { sessionId } = await signedInStaff(t.db, user.id);
    const api = await startApiServer(deps(t.db));
    try {
      const cookie = await sessionCookie(sessionId);
      const bad = await postTrpc(api.url, 'patients.create', { firstName: 'Http', phone: '+91 12345' }, cookie);
      expect(bad.status).toBe(400);
      expect(bad.body.error?.data.details).toEqual([{ field: 'phone', message: 'This is not a valid phone number' }]);
      const taken = await postTrpc(api.url, 'patients.create', { firstName: 'Http', phone: '9844400001' }, cookie);
      expect(taken.status).toBe(200);
      const again = await postTrpc(
        api.url,
        'patients.create',
        { firstName: 'Again', phone: '+91 98444 00001' },
        cookie,
      );
      expect(again.status).toBe(409);
      expect(again.body.error?.message).toMatch(/^Another patient already has this number: Http \([A-Z]+-\d{6}\)\.$/);
    } finally {
      api.server.close();
    }
  });
});

describe('@carelane/api/schemas', () => {
  it('stays client-safe: the form schemas import only zod and @carelane/core', async () => {
    const { readFile } = await import('node:fs/promises');
    const { dirname, resolve } = await import('node:path');
    const seen = new Set<string>();
    const external = new Set<string>();
    const walk = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = await readFile(file, 'utf8');
      for (const [, spec] of source.matchAll(/from '([^']+)'/g)) {
        if (!spec) continue;
        if (spec.startsWith('.')) await walk(resolve(dirname(file), `${spec}.ts`));
        else external.add(spec);
      }
    };
    await walk(resolve(import.meta.dirname, '../src/schemas.ts'));
    expect([...external].sort()).toEqual(['@carelane/core', 'zod']);
  });
});
