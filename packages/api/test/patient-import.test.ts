import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffPrincipal } from '@carelane/auth';
import { auditLog, patientImportSkips, patientImports, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, count, eq, max } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createImportReportHandler } from '../src/http/import-report';
import { createImportUploadHandler } from '../src/http/import-upload';
import { createPatientExportHandler } from '../src/http/patient-export';
import { expireUnstartedImports } from '../src/routers/patient-imports/cleanup';
import { runNextPatientImport } from '../src/routers/patient-imports/job';
import { importFilePath } from '../src/routers/patient-imports/sheet';
import { callerAs, createClinic, createStaff, deps, sessionCookie, signedInStaff } from './fixtures';
import { FIXTURE } from './fixtures/generate-patient-import';

const CSV = join(import.meta.dirname, 'fixtures/patients-messy.csv');
const XLSX = join(import.meta.dirname, 'fixtures/patients-messy.xlsx');
// Rows with an impossible birth date arrive with it blank; only bad phones and duplicates are skipped.
const IMPORTED = FIXTURE.patients + FIXTURE.badDates;
const SKIPPED = FIXTURE.duplicates + FIXTURE.badPhones;
const MAPPING = { fullName: 1, phone: 2, birthDate: 3, sex: 4, email: 5, addressLine: 6, city: 7, bloodGroup: 8 };

let t: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  dataDir = await mkdtemp(join(tmpdir(), 'carelane-import-'));
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function clinicWithFrontDesk(name: string) {
  const clinic = await createClinic(t.db, name);
  const staff = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
  const { sessionId, principal } = await signedInStaff(t.db, staff.id);
  return { clinic, sessionId, principal: principal as StaffPrincipal, caller: callerAs(t.db, principal, { dataDir }) };
}

async function upload(sessionId: string, file: string, name: string) {
  const handler = createImportUploadHandler(() => deps(t.db, { dataDir }));
  const response = await handler(
    new Request(`http://localhost/api/patient-imports?name=${name}`, {
      method: 'POST',
      headers: { cookie: await sessionCookie(sessionId) },
      body: await readFile(file),
    }),
  );
  return { status: response.status, body: (await response.json()) as { id?: string; message?: string } };
}

async function runWorker(options: { batchSize?: number; beforeCommit?: (batch: number) => void } = {}) {
  while (await runNextPatientImport({ db: t.db, dataDir, batchSize: 100, ...options })) {}
}

const patientCount = async (organizationId: string) =>
  (await t.db.select({ n: count() }).from(patients).where(eq(patients.organizationId, organizationId)))[0]?.n ?? 0;

describe('patient import', () => {
  it('imports the good rows of a messy CSV, reports the bad ones, and changes nothing the second time', async () => {
    const { clinic, sessionId, caller } = await clinicWithFrontDesk('Import CSV');
    const before = await patientCount(clinic.org.id);

    const uploaded = await upload(sessionId, CSV, 'patients-messy.csv');
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.id ?? '';
    const job = await caller.patientImports.byId({ id });
    expect(job.headerRow).toBe(3);
    expect(job.mapping).toEqual(MAPPING);

    const dry = await caller.patientImports.dryRun({ id, mapping: job.mapping });
    expect(dry.counts).toEqual({
      rows: 500,
      blank: FIXTURE.blank,
      create: IMPORTED,
      update: 0,
      unchanged: 0,
      skip: SKIPPED,
      warned: FIXTURE.badDates,
    });
    expect(dry.problems.some((p) => p.reasons.startsWith('Same phone as row'))).toBe(true);
    expect(dry.problems.some((p) => p.reasons.includes('Phone is not a valid number'))).toBe(true);
    // An impossible birth date is left blank; the patient still arrives.
    expect(dry.problems.some((p) => p.reasons.includes('Date of birth'))).toBe(false);
    expect(dry.warnings).toHaveLength(FIXTURE.badDates);
    expect(dry.warnings[0]?.reasons).toBe('Date of birth is not a real date in the past (left blank)');
    expect(await patientCount(clinic.org.id)).toBe(before);

    await caller.patientImports.start({ id });
    await runWorker();
    const done = await caller.patientImports.byId({ id });
    expect(done).toMatchObject({
      status: 'completed',
      processedRows: 500,
      created: IMPORTED,
      updated: 0,
      skipped: SKIPPED,
      warned: FIXTURE.badDates,
    });
    expect(await patientCount(clinic.org.id)).toBe(before + IMPORTED);
    const [first] = await t.db
      .select()
      .from(patients)
      .where(and(eq(patients.organizationId, clinic.org.id), eq(patients.phone, '+919845000000')));
    expect(first).toMatchObject({ firstName: 'Lakshmi', lastName: 'Nair', birthDate: '2008-06-03', bloodGroup: 'A-' });
    expect(first?.mrn).toMatch(/^[A-Z]+-\d{6}$/);
    // Every mapped column arrives, typed (the batch is unpacked from JSON by the database).
    expect(first?.sex).toMatch(/^(female|male|other|unknown)$/);
    expect(first?.email).toMatch(/@/);
    expect(typeof first?.address?.city).toBe('string');
    expect(first).toMatchObject({ tags: [], leadSource: 'import', organizationId: clinic.org.id });
    // The new names are searchable at once (the name-word trigger ran for the batch).
    const found = await caller.patients.list({ q: 'Lakshmi Nair' });
    expect(found.items.map((p) => p.id)).toContain(first?.id);
    // The uploaded file (patients' details) is gone once the import has ended; the report needs none of it.
    expect(existsSync(importFilePath(dataDir, id, 'csv'))).toBe(false);

    const report = await createImportReportHandler(() => deps(t.db))(
      new Request(`http://localhost/api/patient-imports/report?id=${id}`, {
        headers: { cookie: await sessionCookie(sessionId) },
      }),
    );
    const lines = (await report.text()).trim().split(/\r\n/);
    expect(lines[0]).toContain('Row,Result,Reasons,S.No,Patient Name');
    expect(lines).toHaveLength(1 + SKIPPED + FIXTURE.badDates);
    expect(lines.filter((l) => l.includes(',Imported, fields left blank,'))).toHaveLength(0);
    expect(lines.filter((l) => l.includes(',"Imported, fields left blank",'))).toHaveLength(FIXTURE.badDates);

    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'patient_import'), eq(auditLog.entityId, id)));
    expect(actions.map((a) => a.action).sort()).toEqual([
      'patient_import.complete',
      'patient_import.dry_run',
      'patient_import.report',
      'patient_import.start',
      'patient_import.upload',
    ]);

    // The same file again: everyone is matched on phone, nothing is written.
    const lastChange = async () =>
      (
        await t.db
          .select({ at: max(patients.updatedAt) })
          .from(patients)
          .where(eq(patients.organizationId, clinic.org.id))
      )[0]?.at;
    const changedAt = await lastChange();
    const again = (await upload(sessionId, CSV, 'patients-messy.csv')).body.id ?? '';
    const dryAgain = await caller.patientImports.dryRun({ id: again, mapping: MAPPING });
    expect(dryAgain.counts).toMatchObject({ create: 0, update: 0, unchanged: IMPORTED });
    await caller.patientImports.start({ id: again });
    await runWorker();
    expect(await caller.patientImports.byId({ id: again })).toMatchObject({
      status: 'completed',
      created: 0,
      updated: 0,
      unchanged: IMPORTED,
    });
    expect(await patientCount(clinic.org.id)).toBe(before + IMPORTED);
    expect(await lastChange()).toEqual(changedAt);
  });

  it('reads the XLSX fixture (Hindi headers, date cells, a title above) the same way', async () => {
    const { sessionId, caller } = await clinicWithFrontDesk('Import XLSX');
    const id = (await upload(sessionId, XLSX, 'patients-messy.xlsx')).body.id ?? '';
    const job = await caller.patientImports.byId({ id });
    expect(job.headerRow).toBe(2);
    expect(job.mapping).toEqual(MAPPING);
    const dry = await caller.patientImports.dryRun({ id, mapping: job.mapping });
    expect(dry.counts).toMatchObject({ rows: 500, blank: FIXTURE.blank, create: IMPORTED, skip: SKIPPED });
  });

  it('leaves only complete batches when one fails, and resumes after them', async () => {
    const { clinic, sessionId, caller } = await clinicWithFrontDesk('Import crash');
    const before = await patientCount(clinic.org.id);
    const id = (await upload(sessionId, CSV, 'patients-messy.csv')).body.id ?? '';
    await caller.patientImports.dryRun({ id, mapping: MAPPING });
    await caller.patientImports.start({ id });

    const failing = await runNextPatientImport({
      db: t.db,
      dataDir,
      batchSize: 100,
      beforeCommit: (batch) => {
        if (batch === 2) throw new Error('simulated crash');
      },
    });
    expect(failing).toBe(true);
    const [stopped] = await t.db.select().from(patientImports).where(eq(patientImports.id, id));
    expect(stopped).toMatchObject({ status: 'running', processedRows: 200, lockedUntil: null });
    const createdSoFar = (stopped?.createdCount ?? 0) as number;
    expect(await patientCount(clinic.org.id)).toBe(before + createdSoFar);
    const [skipsSoFar] = await t.db
      .select({ n: count() })
      .from(patientImportSkips)
      .where(eq(patientImportSkips.importId, id));
    expect(skipsSoFar?.n).toBe((stopped?.skippedCount ?? 0) + (stopped?.warnedCount ?? 0));

    await runWorker();
    expect(await caller.patientImports.byId({ id })).toMatchObject({
      status: 'completed',
      processedRows: 500,
      created: IMPORTED,
      skipped: SKIPPED,
    });
    expect(await patientCount(clinic.org.id)).toBe(before + IMPORTED);
  });

  it('hides an import from another organization and refuses roles that may not import', async () => {
    const mine = await clinicWithFrontDesk('Import owner');
    const other = await clinicWithFrontDesk('Import stranger');
    const id = (await upload(mine.sessionId, CSV, 'patients-messy.csv')).body.id ?? '';
    await expect(other.caller.patientImports.byId({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.caller.patientImports.dryRun({ id, mapping: MAPPING })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(other.caller.patientImports.start({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await other.caller.patientImports.list()).map((j) => j.id)).not.toContain(id);
    const report = await createImportReportHandler(() => deps(t.db))(
      new Request(`http://localhost/api/patient-imports/report?id=${id}`, {
        headers: { cookie: await sessionCookie(other.sessionId) },
      }),
    );
    expect(report.status).toBe(404);

    const clinician = await createStaff(t.db, mine.clinic.org.id, mine.clinic.centre.id, 'clinician');
    const signed = await signedInStaff(t.db, clinician.id);
    await expect(callerAs(t.db, signed.principal, { dataDir }).patientImports.byId({ id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await upload(signed.sessionId, CSV, 'patients-messy.csv')).status).toBe(403);
  });

  it('refuses a mapping without a phone or an unknown file type, changing nothing', async () => {
    const { sessionId, caller } = await clinicWithFrontDesk('Import bad input');
    expect((await upload(sessionId, CSV, 'patients.pdf')).status).toBe(400);
    const id = (await upload(sessionId, CSV, 'patients-messy.csv')).body.id ?? '';
    await expect(caller.patientImports.dryRun({ id, mapping: { fullName: 1 } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller.patientImports.start({ id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await caller.patientImports.byId({ id })).status).toBe('uploaded');
  });

  it('exports the filtered list as CSV or XLSX, audited, within the organization', async () => {
    const { clinic, sessionId } = await clinicWithFrontDesk('Export');
    const other = await clinicWithFrontDesk('Export stranger');
    await t.db.insert(patients).values([
      {
        organizationId: clinic.org.id,
        mrn: 'EX-1',
        firstName: 'Zoya',
        lastName: 'Export',
        phone: '+919811100001',
        sex: 'female',
        tags: ['vip'],
      },
      {
        organizationId: clinic.org.id,
        mrn: 'EX-2',
        firstName: 'Zubin',
        lastName: 'Export',
        phone: '+919811100002',
        sex: 'male',
      },
    ]);
    const exportAs = async (session: string, query: string) =>
      createPatientExportHandler(() => deps(t.db))(
        new Request(`http://localhost/api/patients/export?${query}`, {
          headers: { cookie: await sessionCookie(session) },
        }),
      );
    const csv = await exportAs(sessionId, 'format=csv&q=export&sex=female');
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split(/\r\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Zoya');

    const xlsx = await exportAs(sessionId, 'format=xlsx&tags=vip');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(2).value).toBe('Zoya');

    expect((await (await exportAs(other.sessionId, 'format=csv&q=export')).text()).trim().split(/\r\n/)).toHaveLength(
      1,
    );
    expect((await exportAs(other.sessionId, `format=csv&centreId=${clinic.centre.id}`)).status).toBe(404);
    expect((await exportAs(sessionId, 'format=pdf')).status).toBe(400);
    expect((await exportAs(sessionId, 'format=csv&ageMin=-3')).status).toBe(400);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, clinic.org.id), eq(auditLog.action, 'patient.export')));
    expect(entry?.changes).toMatchObject({ format: { to: 'csv' } });
  });
  it('drops an upload nobody started within a week, with its file', async () => {
    const { sessionId, caller } = await clinicWithFrontDesk('Forgetful clinic');
    const stale = (await upload(sessionId, CSV, 'patients-messy.csv')).body.id ?? '';
    const fresh = (await upload(sessionId, CSV, 'patients-messy.csv')).body.id ?? '';
    await t.db
      .update(patientImports)
      .set({ createdAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(patientImports.id, stale));
    expect(existsSync(importFilePath(dataDir, stale, 'csv'))).toBe(true);
    expect(await expireUnstartedImports({ db: t.db, dataDir })).toBeGreaterThanOrEqual(1);
    expect(await caller.patientImports.byId({ id: stale })).toMatchObject({ status: 'failed' });
    expect((await caller.patientImports.byId({ id: stale })).error).toMatch(/Upload it again/);
    expect(existsSync(importFilePath(dataDir, stale, 'csv'))).toBe(false);
    expect(await caller.patientImports.byId({ id: fresh })).toMatchObject({ status: 'uploaded' });
    expect(existsSync(importFilePath(dataDir, fresh, 'csv'))).toBe(true);
  });
});
