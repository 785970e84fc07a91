import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffPrincipal } from '@carelane/auth';
import { DEFAULT_QUESTIONNAIRES, FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS } from '@carelane/core';
import { auditLog, files, formRequests, formSubmissions, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { LocalDiskFileStore } from '@carelane/integrations/files';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkFormPass } from '../src/routers/forms/token';
import { callerAs, createClinic, createPatient, SECRET } from './fixtures';
import { answerAll, SIGNATURE } from './form-fixtures';
import { staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let frontDesk: StaffPrincipal;
let clinician: StaffPrincipal;
let adminB: StaffPrincipal;
let filesDir: string;
let store: LocalDiskFileStore;

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'carelane-forms-'));
  store = new LocalDiskFileStore(filesDir);
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Public forms clinic');
  frontDesk = await staffOf(t.db, a, 'front_desk');
  clinician = await staffOf(t.db, a, 'clinician');
  adminB = await staffOf(t.db, await createClinic(t.db, 'Another clinic'), 'admin');
  await t.db.update(patients).set({ birthDate: '1988-02-29' }).where(eq(patients.id, a.patient.id));
});
afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

const visitor = () => callerAs(t.db, { kind: 'anonymous' }, { files: store });
const failure = async (run: () => Promise<unknown>) => {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};
async function newLink() {
  const link = await callerAs(t.db, frontDesk).forms.createLink({ patientId: a.patient.id });
  return { id: link.id, token: link.url.split('/forms/')[1] ?? '' };
}

describe('a form link, as the patient opens it', () => {
  it('shows the clinic, not the patient, and is marked opened', async () => {
    const { id, token } = await newLink();
    const opened = await visitor().forms.open({ token });
    expect(opened).toEqual({ state: 'ready', message: null, clinic: { name: 'Public forms clinic', logoUrl: null } });
    expect(JSON.stringify(opened)).not.toMatch(/Test|Patient|1988/);
    const [row] = await t.db.select().from(formRequests).where(eq(formRequests.id, id));
    expect(row?.openedAt).toBeInstanceOf(Date);
  });

  it('answers the same for a made-up or mistyped token', async () => {
    const { token } = await newLink();
    for (const bad of ['nonsense', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'A'.repeat(22)]) {
      const error = await failure(() => visitor().forms.open({ token: bad }));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe('This link is not valid. Please check it, or ask the clinic for a new one.');
    }
  });

  it('gives the questions and a pass for the right birth date only', async () => {
    const { id, token } = await newLink();
    const wrong = await failure(() => visitor().forms.confirm({ token, birthDate: '1988-03-01' }));
    expect(wrong.code).toBe('BAD_REQUEST');
    expect(wrong.message).toMatch(/4 tries left/);
    const confirmed = await visitor().forms.confirm({ token, birthDate: '1988-02-29' });
    expect(confirmed.questionnaire).toEqual(DEFAULT_QUESTIONNAIRES.general);
    expect(checkFormPass(SECRET, id, confirmed.pass)).toBe(true);
    // A pass is bound to its link.
    const other = await newLink();
    expect(checkFormPass(SECRET, other.id, confirmed.pass)).toBe(false);
    expect(
      checkFormPass(
        SECRET,
        id,
        confirmed.pass.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      ),
    ).toBe(false);
  });

  it(`locks after ${FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS} wrong birth dates, for good, and staff see why`, async () => {
    const { id, token } = await newLink();
    for (let i = 1; i < FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS; i++) {
      expect((await failure(() => visitor().forms.confirm({ token, birthDate: '2000-01-01' }))).code).toBe(
        'BAD_REQUEST',
      );
    }
    const locked = await failure(() => visitor().forms.confirm({ token, birthDate: '2000-01-01' }));
    expect(locked.code).toBe('FORBIDDEN');
    // Even the right date no longer opens it.
    const after = await failure(() => visitor().forms.confirm({ token, birthDate: '1988-02-29' }));
    expect(after.code).toBe('CONFLICT');
    expect(after.message).toMatch(/locked/);
    expect(await visitor().forms.open({ token })).toMatchObject({ state: 'locked' });
    const staffView = await callerAs(t.db, frontDesk).forms.forPatient({ patientId: a.patient.id });
    expect(staffView.links.find((l) => l.id === id)).toMatchObject({
      state: 'locked',
      failedBirthDateAttempts: FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS,
    });
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((e) => e.action);
    expect(actions.filter((x) => x === 'form_request.birth_date_mismatch')).toHaveLength(
      FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS - 1,
    );
    expect(actions).toContain('form_request.lock');
  });

  it('says plainly when a link was revoked or has expired', async () => {
    const revoked = await newLink();
    await callerAs(t.db, frontDesk).forms.revokeLink({ id: revoked.id });
    expect(await visitor().forms.open({ token: revoked.token })).toMatchObject({ state: 'revoked' });
    const expired = await newLink();
    await t.db
      .update(formRequests)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(formRequests.id, expired.id));
    expect(await visitor().forms.open({ token: expired.token })).toMatchObject({
      state: 'expired',
      message: 'This link has expired. Please ask the clinic for a new one.',
    });
  });
});

async function confirmedLink() {
  const link = await newLink();
  const { pass } = await visitor().forms.confirm({ token: link.token, birthDate: '1988-02-29' });
  return { ...link, pass };
}

describe('sending the form', () => {
  it('keeps the answers as shown and the signature, once', async () => {
    const { id, token, pass } = await confirmedLink();
    // Naming another patient changes nothing: the link decides whose record it is.
    const otherPatient = { patientId: (await createPatient(t.db, a.org.id)).id };
    const sent = await visitor().forms.submit({
      token,
      pass,
      answers: answerAll(),
      signature: SIGNATURE,
      ...otherPatient,
    } as Parameters<ReturnType<typeof visitor>['forms']['submit']>[0]);
    expect(sent.state).toBe('submitted');
    const [submission] = await t.db.select().from(formSubmissions).where(eq(formSubmissions.requestId, id));
    expect(submission).toMatchObject({ patientId: a.patient.id, version: 1, confirmedBirthDate: '1988-02-29' });
    const shown = submission?.answers as Array<{ id: string; label: string; answerText: string }>;
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.every((item) => typeof item.label === 'string' && item.label.length > 0)).toBe(true);
    const [signature] = await t.db
      .select()
      .from(files)
      .where(eq(files.id, submission?.signatureFileId ?? ''));
    expect(signature).toMatchObject({ purpose: 'signature', contentType: 'image/png' });
    expect(await store.get(signature?.storageKey ?? '')).not.toBeNull();
    // Used: the link now only thanks, and a second send changes nothing.
    expect(await visitor().forms.open({ token })).toMatchObject({ state: 'submitted' });
    const again = await failure(() =>
      visitor().forms.submit({ token, pass, answers: answerAll(), signature: SIGNATURE }),
    );
    expect(again.code).toBe('CONFLICT');
    expect(await t.db.select().from(formSubmissions).where(eq(formSubmissions.requestId, id))).toHaveLength(1);
    const staffView = await callerAs(t.db, frontDesk).forms.forPatient({ patientId: a.patient.id });
    expect(staffView.submissions.map((s) => s.id)).toContain(submission?.id);
    // The answers are for clinicians and admins (audited), not the front desk or another clinic.
    const read = await callerAs(t.db, clinician, { files: store }).forms.submission({ id: submission?.id ?? '' });
    expect(read.signature).toBe(SIGNATURE);
    expect(read.answers).toEqual(shown);
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, submission?.id ?? ''));
    expect(reads.map((r) => r.action)).toEqual(['form_submission.create', 'form_submission.read']);
    expect(
      (await failure(() => callerAs(t.db, frontDesk, { files: store }).forms.submission({ id: submission?.id ?? '' })))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(() => callerAs(t.db, adminB, { files: store }).forms.submission({ id: submission?.id ?? '' })))
        .code,
    ).toBe('NOT_FOUND');
  });

  it('names a missing required answer and keeps nothing', async () => {
    const { id, token, pass } = await confirmedLink();
    const required = DEFAULT_QUESTIONNAIRES.general.questions.find((q) => q.required && !q.showWhen);
    if (!required) throw new Error('fixture');
    const { [required.id]: _left, ...rest } = answerAll();
    const error = await failure(() => visitor().forms.submit({ token, pass, answers: rest, signature: SIGNATURE }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(required.label);
    expect(String((error.cause as Error).message)).toContain(required.id);
    expect(await t.db.select().from(formSubmissions).where(eq(formSubmissions.requestId, id))).toHaveLength(0);
  });

  it('refuses a script dressed as a PNG, and a pass of another link or none', async () => {
    const { id, token, pass } = await confirmedLink();
    const disguised = `data:image/png;base64,${Buffer.from('<script>alert(1)</script>').toString('base64')}`;
    const before = (await t.db.select().from(files)).length;
    const error = await failure(() =>
      visitor().forms.submit({ token, pass, answers: answerAll(), signature: disguised }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('The signature must be a PNG or JPEG image');
    expect((await t.db.select().from(files)).length).toBe(before);
    const other = await confirmedLink();
    for (const wrong of [other.pass, 'nonsense', `${Date.now() - 1}.${pass.split('.')[1]}`]) {
      const denied = await failure(() =>
        visitor().forms.submit({ token, pass: wrong, answers: answerAll(), signature: SIGNATURE }),
      );
      expect(denied.code).toBe('FORBIDDEN');
    }
    expect(await t.db.select().from(formSubmissions).where(eq(formSubmissions.requestId, id))).toHaveLength(0);
  });
});
