import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createImportReportHandler } from '../src/http/import-report';
import { createImportUploadHandler } from '../src/http/import-upload';
import { runNextPatientImport } from '../src/routers/patient-imports/job';
import { callerAs, createClinic, createStaff, deps, sessionCookie, signedInStaff } from './fixtures';

let t: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  dataDir = await mkdtemp(join(tmpdir(), 'carelane-register-'));
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
/** Excel's day count for a date, as a cell saved as a plain number holds it. */
const serial = (date: Date) => Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);

/**
 * A register as a clinic keeps it: a merged title and a date line above the header, Devanagari
 * names and words, dates typed and as date cells, phones in every common form, a city merged
 * down two rows, a few bad rows and a duplicate.
 */
async function registerFile(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('रजिस्टर');
  sheet.addRow(['शांति क्लिनिक — मरीज़ रजिस्टर']);
  sheet.mergeCells('A1:I1');
  sheet.addRow(['Updated 02/11/2024']);
  sheet.addRow(['क्र.', 'Naam', 'Mobile No.', 'D.O.B', 'Ling', 'Email', 'Insurance / TPA', 'City', 'Remarks']);
  const rows: (string | number | Date)[][] = [
    ['1', 'सुनीता देवी', '+91 98765 43210', '07/09/1990', 'महिला', '', 'Star Health', 'Pune', ''],
    ['2', 'Ramesh Kumar', '098765-43211', day(1985, 3, 5), 'पुरुष', 'Ramesh@Example.com', 'n/a', 'Mumbai', ''],
    ['3', 'Asha Rao', 9876543212, '05-03-88', 'F', 'asha at mail', '', '', 'BP'],
    ['4', 'मोहन लाल', '(0)98765 43213', '12 Aug 1975', 'M', '', 'ICICI Lombard', '', ''],
    ['5', 'Priya Nair', '9876543214', '1992-01-31', 'xyz', '', '', '', ''],
    ['6', 'Kavya Iyer', '+91-98765-43215', day(1990, 9, 7), 'FEMALE', '', '', '', ''],
    ['7', 'Anil Joshi', '9876543216', '31/02/1990', 'male', '', '', '', ''],
    ['8', '', '9876543217', '01/01/1980', 'F', '', '', '', ''],
    ['9', 'Vijay Singh', '12345', '01/01/1980', 'M', '', '', '', ''],
    ['10', 'सुनीता देवी', '+919876543210', '07/09/1990', 'स्त्री', '', '', '', ''],
    ['11', 'Farhan Khan', '9876543218', serial(day(1982, 2, 18)), 'अन्य', '', '', '', ''],
    ['12', 'Meera Das', '919876543219', day(2001, 12, 25), 'O', '', '', '', ''],
  ];
  for (const row of rows) sheet.addRow(row);
  // Date cells formatted as the clinic set them; row 12's "mm/dd/yyyy" is shown day first.
  sheet.getCell('D5').numFmt = 'dd-mm-yy';
  sheet.getCell('D9').numFmt = 'd mmm yyyy';
  sheet.getCell('D15').numFmt = 'mm/dd/yyyy';
  sheet.mergeCells('H4:H5');
  const path = join(dataDir, 'register.xlsx');
  await book.xlsx.writeFile(path);
  return path;
}

describe('a clinic register', () => {
  it('brings every patient with a name and a phone, and says why each other row was skipped', async () => {
    const clinic = await createClinic(t.db, 'Register clinic');
    const staff = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
    const { sessionId, principal } = await signedInStaff(t.db, staff.id);
    const caller = callerAs(t.db, principal, { dataDir });
    const mine = eq(patients.organizationId, clinic.org.id);
    const before = (await t.db.select({ id: patients.id }).from(patients).where(mine)).length;

    const upload = await createImportUploadHandler(() => deps(t.db, { dataDir }))(
      new Request('http://localhost/api/patient-imports?name=register.xlsx', {
        method: 'POST',
        headers: { cookie: await sessionCookie(sessionId) },
        body: await readFile(await registerFile()),
      }),
    );
    const id = ((await upload.json()) as { id?: string }).id ?? '';
    const job = await caller.patientImports.byId({ id });
    expect(job.headerRow).toBe(2);
    expect(job.mapping).toEqual({
      fullName: 1,
      phone: 2,
      birthDate: 3,
      sex: 4,
      email: 5,
      healthPlan: 6,
      city: 7,
      notes: 8,
    });
    const dry = await caller.patientImports.dryRun({ id, mapping: job.mapping });
    expect(dry.counts).toMatchObject({ rows: 12, create: 9, skip: 3, warned: 3 });
    await caller.patientImports.start({ id });
    while (await runNextPatientImport({ db: t.db, dataDir })) {}
    expect(await caller.patientImports.byId({ id })).toMatchObject({
      status: 'completed',
      created: 9,
      skipped: 3,
      warned: 3,
    });

    const found = await t.db
      .select({
        firstName: patients.firstName,
        lastName: patients.lastName,
        phone: patients.phone,
        birthDate: patients.birthDate,
        sex: patients.sex,
        email: patients.email,
        healthPlan: patients.healthPlan,
      })
      .from(patients)
      .where(mine);
    const byPhone = new Map(found.map((p) => [p.phone, p]));
    const expected: [string, string, string, string | null, string | null][] = [
      ['+919876543210', 'सुनीता', 'देवी', '1990-09-07', 'female'],
      ['+919876543211', 'Ramesh', 'Kumar', '1985-03-05', 'male'],
      ['+919876543212', 'Asha', 'Rao', '1988-03-05', 'female'],
      ['+919876543213', 'मोहन', 'लाल', '1975-08-12', 'male'],
      ['+919876543214', 'Priya', 'Nair', '1992-01-31', null],
      ['+919876543215', 'Kavya', 'Iyer', '1990-09-07', 'female'],
      ['+919876543216', 'Anil', 'Joshi', null, 'male'],
      ['+919876543218', 'Farhan', 'Khan', '1982-02-18', 'other'],
      ['+919876543219', 'Meera', 'Das', '2001-12-25', 'other'],
    ];
    expect(found).toHaveLength(before + expected.length);
    for (const [phone, firstName, lastName, birthDate, sex] of expected) {
      expect(byPhone.get(phone), phone).toMatchObject({ firstName, lastName, birthDate, sex });
    }
    expect(byPhone.get('+919876543210')?.healthPlan).toEqual({ insurer: 'Star Health' });
    expect(byPhone.get('+919876543211')).toMatchObject({ email: 'ramesh@example.com', healthPlan: null });
    expect(byPhone.get('+919876543212')?.email).toBeNull();

    const report = await createImportReportHandler(() => deps(t.db))(
      new Request(`http://localhost/api/patient-imports/report?id=${id}`, {
        headers: { cookie: await sessionCookie(sessionId) },
      }),
    );
    const lines = Papa.parse<string[]>((await report.text()).replace(/^\uFEFF/, '').trim()).data;
    expect(lines[0]).toEqual([
      'Row',
      'Result',
      'Reasons',
      'क्र.',
      'Naam',
      'Mobile No.',
      'D.O.B',
      'Ling',
      'Email',
      'Insurance / TPA',
      'City',
      'Remarks',
    ]);
    const reported = lines.slice(1).map((l) => l.slice(0, 3));
    expect(reported).toEqual([
      ['6', 'Imported, fields left blank', 'Email is not an email address (left blank)'],
      ['8', 'Imported, fields left blank', 'Sex is not one of male, female, other (left blank)'],
      ['10', 'Imported, fields left blank', 'Date of birth is not a real date in the past (left blank)'],
      ['11', 'Skipped', 'Name is missing'],
      ['12', 'Skipped', 'Phone is not a valid number'],
      ['13', 'Skipped', 'Same phone as row 4'],
    ]);
    // Cells as the clinic wrote them: a typed date stays as typed, a phone number cell as digits.
    expect(lines[1]?.slice(3)).toEqual(['3', 'Asha Rao', '9876543212', '05-03-88', 'F', 'asha at mail', '', '', 'BP']);
    expect(lines.flat().join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('shows a date cell as the sheet formats it, never as an ISO instant', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Patients');
    sheet.addRow(['Name', 'Mobile', 'DOB']);
    sheet.addRow(['', '9876543200', day(1990, 9, 7)]);
    sheet.addRow(['', '9876543201', day(1990, 9, 7)]);
    sheet.getCell('C2').numFmt = 'dd-mm-yyyy';
    sheet.getCell('C3').numFmt = 'd mmm yyyy';
    const path = join(dataDir, 'dates.xlsx');
    await writeFile(path, Buffer.from(await book.xlsx.writeBuffer()));
    const clinic = await createClinic(t.db, 'Date cells clinic');
    const staff = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
    const { sessionId, principal } = await signedInStaff(t.db, staff.id);
    const caller = callerAs(t.db, principal, { dataDir });
    const upload = await createImportUploadHandler(() => deps(t.db, { dataDir }))(
      new Request('http://localhost/api/patient-imports?name=dates.xlsx', {
        method: 'POST',
        headers: { cookie: await sessionCookie(sessionId) },
        body: await readFile(path),
      }),
    );
    const id = ((await upload.json()) as { id?: string }).id ?? '';
    const dry = await caller.patientImports.dryRun({ id, mapping: { fullName: 0, phone: 1, birthDate: 2 } });
    expect(dry.problems).toEqual([
      { row: 2, reasons: 'Name is missing' },
      { row: 3, reasons: 'Name is missing' },
    ]);
    await caller.patientImports.start({ id });
    while (await runNextPatientImport({ db: t.db, dataDir })) {}
    const report = await createImportReportHandler(() => deps(t.db))(
      new Request(`http://localhost/api/patient-imports/report?id=${id}`, {
        headers: { cookie: await sessionCookie(sessionId) },
      }),
    );
    const lines = Papa.parse<string[]>((await report.text()).replace(/^\uFEFF/, '').trim()).data;
    expect(lines.slice(1).map((l) => l[5])).toEqual(['07-09-1990', '7 Sep 1990']);
  });
});
