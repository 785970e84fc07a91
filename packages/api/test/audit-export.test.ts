import { auditLog, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAuditExportHandler, safeCell } from '../src/http/audit-export';
import { actionLabel } from '../src/routers/audit/actions';
import { callerAs, createClinic, createStaff, deps, sessionCookie, signedInStaff } from './fixtures';

type Clinic = Awaited<ReturnType<typeof createClinic>>;

let t: TestDatabase;
let a: Clinic;
let b: Clinic;

async function signedIn(clinic: Clinic, role: 'admin' | 'front_desk' | 'manager') {
  const user = await createStaff(t.db, clinic.org.id, clinic.centre.id, role);
  const { sessionId, principal } = await signedInStaff(t.db, user.id);
  return { user, principal, cookie: await sessionCookie(sessionId) };
}

async function exportCsv(cookie: string, query = '') {
  return createAuditExportHandler(() => deps(t.db))(
    new Request(`http://localhost/api/audit/export?${query}`, { headers: { cookie } }),
  );
}

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Export A');
  b = await createClinic(t.db, 'Export B');
});
afterAll(() => t.close());

describe('CSV cells', () => {
  it('start formulas with an apostrophe and leave other text alone', () => {
    expect(safeCell('=HYPERLINK("http://evil","x")')).toBe('\'=HYPERLINK("http://evil","x")');
    expect(safeCell('+919800000001')).toBe("'+919800000001");
    expect(safeCell('-2+3')).toBe("'-2+3");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('\t=1')).toBe("'\t=1");
    expect(safeCell('Asha Rao')).toBe('Asha Rao');
    expect(safeCell('a=b')).toBe('a=b');
    expect(safeCell('')).toBe('');
  });

  it('names an action no label was written for from its own words', () => {
    expect(actionLabel('patient.read')).toBe('Opened patient record');
    expect(actionLabel('staff.invite_sent')).toBe('Staff: invite sent');
    expect(actionLabel('patients.byId')).toBe('Patients: by id');
  });
});

describe('GET /api/audit/export', () => {
  it('streams the filtered log as CSV with formulas escaped, and is itself audited', async () => {
    const admin = await signedIn(a, 'admin');
    // A patient whose name is a formula, opened by the admin.
    await t.db.update(patients).set({ firstName: '=cmd|calc', lastName: '-Rao' }).where(eq(patients.id, a.patient.id));
    await callerAs(t.db, admin.principal).patients.byId({ id: a.patient.id });

    const response = await exportCsv(admin.cookie, `patientId=${a.patient.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="audit-log-\d{4}-\d\d-\d\d\.csv"/,
    );
    const text = (await response.text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = Papa.parse<string[]>(text.trim()).data;
    expect(header?.[0]).toBe('When (Asia/Kolkata)');
    expect(header).toContain('Changes');
    expect(rows.length).toBeGreaterThan(0);
    const opened = rows.find((r) => r[4] === 'patient.read');
    expect(opened?.[1]).toBe(admin.user.name);
    expect(opened?.[3]).toBe('Opened patient record');
    expect(opened?.[7]).toBe(`'=cmd|calc -Rao (MRN ${a.patient.mrn})`);
    expect(opened?.[8]).toBe(a.patient.id);
    expect(opened?.[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // No cell anywhere starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const [logged] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'audit.export'), eq(auditLog.actorId, admin.user.id)));
    expect(logged?.organizationId).toBe(a.org.id);
    expect(logged?.changes).toEqual({ filters: { to: { patientId: a.patient.id } } });
  });

  it('never includes another organization’s entries', async () => {
    const adminB = await signedIn(b, 'admin');
    const adminA = await signedIn(a, 'admin');
    await callerAs(t.db, adminA.principal).patients.byId({ id: a.patient.id });
    const text = await (await exportCsv(adminB.cookie)).text();
    expect(text).not.toContain(a.patient.id);
    expect(text).not.toContain(adminA.user.name);
    expect(text).toContain(adminB.user.name);
  });

  it('refuses a role without audit:read, bad filters and another clinic’s patient, writing nothing', async () => {
    const desk = await signedIn(a, 'front_desk');
    const manager = await signedIn(a, 'manager');
    const admin = await signedIn(a, 'admin');
    const exports = async () => (await t.db.select().from(auditLog).where(eq(auditLog.action, 'audit.export'))).length;
    const before = await exports();

    expect((await exportCsv(desk.cookie)).status).toBe(403);
    expect((await exportCsv(manager.cookie)).status).toBe(403);
    expect((await exportCsv('')).status).toBe(401);

    const badDate = await exportCsv(admin.cookie, 'from=10/11/2026');
    expect(badDate.status).toBe(400);
    expect(await badDate.json()).toMatchObject({ details: [{ field: 'from' }] });
    const backwards = await exportCsv(admin.cookie, 'from=2026-11-10&to=2026-11-01');
    expect(await backwards.json()).toMatchObject({ details: [{ field: 'to' }] });
    const badId = await exportCsv(admin.cookie, 'actorId=42');
    expect(await badId.json()).toMatchObject({ details: [{ field: 'actorId' }] });

    const foreign = await exportCsv(admin.cookie, `patientId=${b.patient.id}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ details: [{ field: 'patientId' }] });
    expect(await exports()).toBe(before);
  });
});
