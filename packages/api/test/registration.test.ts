import type { Server } from 'node:http';
import {
  createOtpChallenge,
  createRateLimits,
  loadPrincipal,
  SignInError,
  signInPatientWithProof,
} from '@carelane/auth';
import { auditLog, localChannelMessages, otpChallenges, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  callerAs,
  createClinic,
  createPatient,
  deps,
  lastCodeSentTo,
  nextPhone,
  postTrpc,
  SECRET,
  startApiServer,
} from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let otherClinic: Awaited<ReturnType<typeof createClinic>>;
let api: { url: string; server: Server };

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  otherClinic = await createClinic(t.db, 'Other Clinic');
  api = await startApiServer(deps(t.db, { audience: 'patient', siteOrganizationId: clinic.org.id }));
});
afterAll(async () => {
  api.server.close();
  await t.close();
});

const anonymous = { kind: 'anonymous' } as const;
/** A visitor on a clinic's booking site. */
const site = (organizationId = clinic.org.id) =>
  callerAs(t.db, anonymous, { audience: 'patient', siteOrganizationId: organizationId });
const authDeps = () => ({ db: t.db, secret: SECRET, rateLimits: createRateLimits(t.db) });
const signIn = (proof: string) =>
  signInPatientWithProof(authDeps(), { organizationId: clinic.org.id, proof }, { ip: '10.9.0.1' });

const details = {
  firstName: 'Asha',
  lastName: 'Verma',
  email: 'asha@example.com',
  birthDate: '1991-04-12',
  consentSms: true,
  consentWhatsapp: false,
};

/** Asks for a code on the booking site and types it in, as the browser does. */
async function typeCode(phone: string, organizationId = clinic.org.id) {
  await site(organizationId).auth.requestCode({ phone });
  const code = await lastCodeSentTo(t.db, phone);
  return site(organizationId).auth.verifyCode({ phone, code });
}

function patientsWithPhone(phone: string, organizationId = clinic.org.id) {
  return t.db
    .select()
    .from(patients)
    .where(and(eq(patients.organizationId, organizationId), eq(patients.phone, phone)));
}

describe('patient self-registration', () => {
  it('an unknown number gets a code, registers, and is signed in', async () => {
    const phone = nextPhone();
    const typed = phone.replace('+91', '0');
    const answer = await site().auth.requestCode({ phone: typed });
    expect(answer.sentTo).toBe(`•••• ${phone.slice(-4)}`);
    const code = await lastCodeSentTo(t.db, phone);
    const verified = await site().auth.verifyCode({ phone: typed, code });
    expect(verified.registered).toBe(false);

    const { patientId } = await site().auth.register({
      proof: verified.proof,
      ...details,
      firstName: '  Asha ',
      email: ' Asha@Example.com ',
      consentEmail: true,
      language: 'hi',
    });
    const [patient] = await patientsWithPhone(phone);
    expect(patient).toMatchObject({
      id: patientId,
      phone,
      firstName: 'Asha',
      lastName: 'Verma',
      email: 'asha@example.com',
      birthDate: '1991-04-12',
      leadSource: 'Booking site',
      consentSms: true,
      consentWhatsapp: false,
      consentEmail: true,
      language: 'hi',
      mrn: expect.stringMatching(/^[A-Z]{1,3}-\d{6}$/),
    });

    const principal = await loadPrincipal(t.db, await signIn(verified.proof));
    expect(principal).toMatchObject({ kind: 'patient', patientId, organizationId: clinic.org.id, name: 'Asha Verma' });

    // Audited, naming the fields without copying the name or the number.
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, patientId));
    const registered = entries.find((e) => e.action === 'auth.register');
    expect(registered).toMatchObject({ success: true, entity: 'patient', organizationId: clinic.org.id });
    expect(registered?.changedFields).toEqual(expect.arrayContaining(['phone', 'firstName', 'consentSms']));
    expect(JSON.stringify(entries)).not.toMatch(/Asha|Verma|asha@/);
    expect(JSON.stringify(entries)).not.toContain(phone.slice(3));
    const [signedIn] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, patientId), eq(auditLog.action, 'auth.sign_in')));
    expect(signedIn?.success).toBe(true);
  });

  it('numbers new patients after the clinic’s last record number, one number each at once', async () => {
    const first = await typeCode(nextPhone());
    await site().auth.register({ proof: first.proof, ...details });
    const [{ mrn } = { mrn: '' }] = await t.db
      .select({ mrn: patients.mrn })
      .from(patients)
      .where(and(eq(patients.organizationId, clinic.org.id), sql`${patients.mrn} ~ '^[A-Z]+-[0-9]+$'`));
    const prefix = mrn.split('-')[0];
    await createPatientWithMrn(`${prefix}-000041`);
    const proofs = await Promise.all([1, 2, 3, 4].map(() => typeCode(nextPhone())));
    const created = await Promise.all(proofs.map((p) => site().auth.register({ proof: p.proof, ...details })));
    const mrns = await t.db
      .select({ mrn: patients.mrn })
      .from(patients)
      .where(
        sql`${patients.id} in (${sql.join(
          created.map((c) => sql`${c.patientId}`),
          sql`, `,
        )})`,
      );
    expect(mrns.map((r) => r.mrn).sort()).toEqual([42, 43, 44, 45].map((n) => `${prefix}-0000${n}`));
  });

  it('answers a code request the same for a known and an unknown number, under the same limits', async () => {
    const known = (await createPatient(t.db, clinic.org.id)).phone ?? '';
    // Same last four digits, so even the masked number in the answer is alike.
    const unknown = `+9197${known.slice(5)}`;
    expect(await patientsWithPhone(unknown)).toHaveLength(0);
    const [knownAnswer, unknownAnswer] = [
      await postTrpc(api.url, 'auth.requestCode', { phone: known }),
      await postTrpc(api.url, 'auth.requestCode', { phone: unknown }),
    ];
    expect(knownAnswer.status).toBe(200);
    expect(unknownAnswer).toEqual(knownAnswer);
    for (const phone of [known, unknown]) {
      const sent = await t.db.select().from(localChannelMessages).where(eq(localChannelMessages.recipient, phone));
      expect(sent).toHaveLength(1);
      await expect(site().auth.requestCode({ phone })).rejects.toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        message: expect.stringMatching(/wait \d+ seconds/),
      });
    }
  });

  it('refuses to register without a verified code, and creates nothing', async () => {
    const phone = nextPhone();
    await site().auth.requestCode({ phone });
    const [challenge] = await t.db.select().from(otpChallenges).where(eq(otpChallenges.phone, phone));
    const forged = [`${challenge?.id}.${'A'.repeat(43)}`, `${crypto.randomUUID()}.x`, 'not-a-proof'];
    for (const proof of forged) {
      await expect(site().auth.register({ proof, ...details })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    await expect(site().auth.verifyCode({ phone, code: '000000' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/code/),
    });
    expect(await patientsWithPhone(phone)).toHaveLength(0);
  });

  it('refuses a proof older than ten minutes', async () => {
    const phone = nextPhone();
    const { proof } = await typeCode(phone);
    await t.db
      .update(otpChallenges)
      .set({ consumedAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(otpChallenges.phone, phone));
    await expect(site().auth.register({ proof, ...details })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(signIn(proof)).rejects.toBeInstanceOf(SignInError);
    expect(await patientsWithPhone(phone)).toHaveLength(0);
  });

  it('a proof works once, and only for its own number and clinic', async () => {
    const phoneA = nextPhone();
    const phoneB = nextPhone();
    const a = await typeCode(phoneA);
    const b = await typeCode(phoneB);
    const spliced = `${a.proof.split('.')[0]}.${b.proof.split('.')[1]}`;
    await expect(site().auth.register({ proof: spliced, ...details })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(site(otherClinic.org.id).auth.register({ proof: a.proof, ...details })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });

    await site().auth.register({ proof: a.proof, ...details });
    await expect(site().auth.register({ proof: a.proof, ...details })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already registered/),
    });
    await signIn(a.proof);
    await expect(signIn(a.proof)).rejects.toBeInstanceOf(SignInError);
    await expect(site().auth.register({ proof: a.proof, ...details })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await patientsWithPhone(phoneA)).toHaveLength(1);
    expect(await patientsWithPhone(phoneB)).toHaveLength(0);
    expect(await patientsWithPhone(phoneA, otherClinic.org.id)).toHaveLength(0);
  });

  it('a known number signs in as its patient, and no second record is made', async () => {
    const patient = await createPatient(t.db, clinic.org.id);
    const phone = patient.phone ?? '';
    const verified = await typeCode(phone);
    expect(verified.registered).toBe(true);
    await expect(site().auth.register({ proof: verified.proof, ...details })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const principal = await loadPrincipal(t.db, await signIn(verified.proof));
    expect(principal).toMatchObject({ kind: 'patient', patientId: patient.id });
    expect(await patientsWithPhone(phone)).toHaveLength(1);
  });

  it('a new number cannot sign in before it registers, and keeps its proof for registering', async () => {
    const phone = nextPhone();
    const { proof } = await typeCode(phone);
    await expect(signIn(proof)).rejects.toThrow(/Tell us who you are/);
    await site().auth.register({ proof, ...details });
    expect((await loadPrincipal(t.db, await signIn(proof))).kind).toBe('patient');
  });

  it('two registrations of one number at once make one patient and one CONFLICT', async () => {
    const phone = nextPhone();
    const first = await typeCode(phone);
    // A second code for the same number, past the resend limit, as a second device would get.
    const { code } = await createOtpChallenge(t.db, {
      purpose: 'patient_sign_in',
      phone,
      organizationId: clinic.org.id,
      secret: SECRET,
    });
    const second = await site().auth.verifyCode({ phone, code });
    const failedBefore = await failedRegistrations();
    const results = await Promise.allSettled([
      site().auth.register({ proof: first.proof, ...details }),
      site().auth.register({ proof: second.proof, ...details, firstName: 'Other' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [refused] = results.filter((r) => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already registered/) });
    expect(await patientsWithPhone(phone)).toHaveLength(1);
    expect(await failedRegistrations()).toBe(failedBefore + 1);
  });

  it('bad input is a 400 naming each field, creates nothing, and leaves the proof usable', async () => {
    const phone = nextPhone();
    const { proof } = await typeCode(phone);
    const response = await postTrpc(api.url, 'auth.register', {
      proof,
      firstName: ' ',
      lastName: '',
      email: 'not-an-email',
      birthDate: '2999-01-01',
      consentSms: true,
      consentWhatsapp: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.data.details).toEqual(
      expect.arrayContaining([
        { field: 'firstName', message: 'Enter your first name' },
        { field: 'lastName', message: 'Enter your last name' },
        { field: 'email', message: expect.stringMatching(/email/) },
        { field: 'birthDate', message: 'Your date of birth cannot be in the future' },
      ]),
    );
    expect(await patientsWithPhone(phone)).toHaveLength(0);
    // Email consent without an address to send to is not kept.
    const { patientId } = await site().auth.register({
      proof,
      ...details,
      email: '',
      birthDate: '',
      consentEmail: true,
    });
    const [patient] = await patientsWithPhone(phone);
    expect(patient).toMatchObject({ id: patientId, email: null, birthDate: null, consentEmail: false, language: 'en' });
  });

  it('exists only on the booking site', async () => {
    await expect(
      callerAs(t.db, anonymous).auth.verifyCode({ phone: nextPhone(), code: '123456' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerAs(t.db, anonymous).auth.register({ proof: 'x.y', ...details })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

async function createPatientWithMrn(mrn: string) {
  await t.db
    .insert(patients)
    .values({ organizationId: clinic.org.id, mrn, firstName: 'Earlier', lastName: 'Patient', phone: nextPhone() });
}

async function failedRegistrations() {
  const rows = await t.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'auth.register'), eq(auditLog.success, false)));
  return rows.length;
}
