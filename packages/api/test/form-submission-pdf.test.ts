import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_QUESTIONNAIRES } from '@carelane/core';
import { auditLog, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { LocalDiskFileStore } from '@carelane/integrations/files';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { renderSubmissionPdf } from '../src/files/submission-pdf';
import { createSubmissionPdfHandler } from '../src/http/submission-pdf';
import { callerAs, createClinic, createStaff, deps, sessionCookie, signedInStaff } from './fixtures';
import { answerAll, SIGNATURE } from './form-fixtures';
import { staffOf } from './patient-fixtures';
import { pdfPages } from './pdf-text';

let t: TestDatabase;
let dir: string;
let store: LocalDiskFileStore;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  dir = await mkdtemp(join(tmpdir(), 'carelane-pdf-'));
  store = new LocalDiskFileStore(dir);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

async function cookieFor(clinic: Awaited<ReturnType<typeof createClinic>>, role: 'admin' | 'front_desk') {
  const staff = await createStaff(t.db, clinic.org.id, clinic.centre.id, role);
  return sessionCookie((await signedInStaff(t.db, staff.id)).sessionId);
}

/** A submission sent through the public procedures, as a patient would. */
async function submission(clinic: Awaited<ReturnType<typeof createClinic>>) {
  await t.db.update(patients).set({ birthDate: '1979-08-15' }).where(eq(patients.id, clinic.patient.id));
  const manager = await staffOf(t.db, clinic, 'manager');
  const link = await callerAs(t.db, manager).forms.createLink({ patientId: clinic.patient.id });
  const token = link.url.split('/forms/')[1] ?? '';
  const visitor = callerAs(t.db, { kind: 'anonymous' }, { files: store });
  const { pass } = await visitor.forms.confirm({ token, birthDate: '1979-08-15' });
  await visitor.forms.submit({ token, pass, answers: answerAll(), signature: SIGNATURE });
  const listed = await callerAs(t.db, manager).forms.forPatient({ patientId: clinic.patient.id });
  return listed.submissions[0]?.id ?? '';
}

const get = (id: string, cookie: string) =>
  createSubmissionPdfHandler(async () => deps(t.db, { files: store }))(
    new Request(`http://localhost/api/form-submissions/${id}/pdf`, { headers: { cookie } }),
    { params: Promise.resolve({ id }) },
  );

describe('a submission as PDF', () => {
  it('downloads for a clinician or admin, audited; refused to the front desk and unknown to other clinics', async () => {
    const clinic = await createClinic(t.db, 'PDF clinic');
    const other = await createClinic(t.db, 'Other PDF clinic');
    const id = await submission(clinic);
    const response = await get(id, await cookieFor(clinic, 'admin'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="medical-history-.+\.pdf"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'form_submission.read')));
    expect(reads).toHaveLength(1);

    expect((await get(id, await cookieFor(clinic, 'front_desk'))).status).toBe(403);
    expect((await get(id, await cookieFor(other, 'admin'))).status).toBe(404);
    expect((await get('not-an-id', await cookieFor(clinic, 'admin'))).status).toBe(404);
    expect((await get(id, '')).status).toBe(401);
  });

  it('holds every question as shown with its answer, the patient and the signature', async () => {
    const answers = DEFAULT_QUESTIONNAIRES.general.questions.map((q) => ({
      id: q.id,
      type: q.type,
      label: q.label,
      value: null,
      answerText: q.type === 'textarea' ? 'Penicillin, since childhood' : '',
    }));
    const pdf = await renderSubmissionPdf(
      {
        id: '00000000-0000-4000-8000-000000000000',
        clinic: { name: 'Sunrise Dental', logo: null },
        patient: { name: 'Arjun Sharma', mrn: 'SH-000001' },
        confirmedBirthDate: '1979-08-15',
        version: 3,
        submittedAt: new Date('2026-11-21T04:35:00Z'),
        zone: 'Asia/Kolkata',
        answers,
        signature: Buffer.from(SIGNATURE.split(',')[1] ?? '', 'base64'),
      },
      { compress: false },
    );
    const text = (await pdfPages(pdf)).join('\n').replace(/\s+/g, ' ');
    for (const expected of ['Arjun Sharma (SH-000001)', '21 November 2026 at 10:05', 'Not answered', 'Penicillin']) {
      expect(text, expected).toContain(expected);
    }
    for (const q of DEFAULT_QUESTIONNAIRES.general.questions) expect(text, q.label).toContain(q.label.slice(0, 30));
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });
});
