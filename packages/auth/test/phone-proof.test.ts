import { patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOtpChallenge } from '../src/otp';
import { checkPhoneProof, issuePhoneProof } from '../src/phone-proof';
import { loadPrincipal } from '../src/sessions';
import { SignInError, signInPatientWithProof, verifyPatientCode } from '../src/sign-in';
import { authDeps, createOrganization, createPatient, nextPhone, SECRET } from './fixtures';

let t: TestDatabase;
let org: Awaited<ReturnType<typeof createOrganization>>;
let otherOrg: Awaited<ReturnType<typeof createOrganization>>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  org = await createOrganization(t.db);
  otherOrg = await createOrganization(t.db, 'Other Clinic');
});
afterAll(() => t.close());

/** A patient types the code sent to `phone`: the answer holds the proof the browser keeps. */
async function typeCode(phone: string) {
  const { code } = await createOtpChallenge(t.db, {
    purpose: 'patient_sign_in',
    phone,
    organizationId: org.id,
    secret: SECRET,
  });
  return verifyPatientCode(authDeps(t.db), { organizationId: org.id, phone, code }, { ip: '10.5.0.1' });
}
const check = (proof: string, input: { organizationId?: string; secret?: string; now?: Date } = {}) =>
  checkPhoneProof(t.db, { proof, organizationId: org.id, secret: SECRET, ...input });
const signIn = (proof: string) =>
  signInPatientWithProof(authDeps(t.db), { organizationId: org.id, proof }, { ip: '10.5.0.2' });

describe('phone proofs', () => {
  it('stand for the phone whose code was typed, at its clinic, for ten minutes', async () => {
    const phone = nextPhone();
    const { proof, registered } = await typeCode(phone);
    expect(registered).toBe(false);
    expect(await check(proof)).toMatchObject({ phone });
    expect(await check(proof, { now: new Date(Date.now() + 9 * 60_000) })).toMatchObject({ phone });
    expect(await check(proof, { now: new Date(Date.now() + 11 * 60_000) })).toBeNull();
    expect(await check(proof, { organizationId: otherOrg.id })).toBeNull();
    expect(await check(proof, { secret: `${SECRET}-other` })).toBeNull();
  });

  it('are refused when forged, spliced or malformed', async () => {
    const a = await typeCode(nextPhone());
    const b = await typeCode(nextPhone());
    const [aId = '', aSignature = ''] = a.proof.split('.');
    const forged = [
      `${aId}.${'A'.repeat(aSignature.length)}`,
      `${aId}.${b.proof.split('.')[1]}`,
      `${crypto.randomUUID()}.${aSignature}`,
      aId,
      'not-a-proof',
      '',
    ];
    for (const proof of forged) expect(await check(proof), proof).toBeNull();
  });

  it('need a code that was verified, not just sent', async () => {
    const phone = nextPhone();
    const { challengeId } = await createOtpChallenge(t.db, {
      purpose: 'patient_sign_in',
      phone,
      organizationId: org.id,
      secret: SECRET,
    });
    const proof = issuePhoneProof(SECRET, { id: challengeId, phone, organizationId: org.id });
    expect(await check(proof)).toBeNull();
  });
});

describe('patient sign-in with a proof', () => {
  it('signs the patient with that phone in, once', async () => {
    const patient = await createPatient(t.db, org.id);
    const { proof, registered } = await typeCode(patient.phone ?? '');
    expect(registered).toBe(true);
    const principal = await loadPrincipal(t.db, await signIn(proof));
    expect(principal).toMatchObject({ kind: 'patient', patientId: patient.id, organizationId: org.id });
    expect(await check(proof)).toBeNull();
    await expect(signIn(proof)).rejects.toBeInstanceOf(SignInError);
  });

  it('keeps the proof of a new number, which registers first', async () => {
    const phone = nextPhone();
    const { proof } = await typeCode(phone);
    await expect(signIn(proof)).rejects.toThrow(/Tell us who you are/);
    expect(await check(proof)).toMatchObject({ phone });
  });

  it('does not sign in as an archived record', async () => {
    const patient = await createPatient(t.db, org.id);
    await t.db.update(patients).set({ archivedAt: new Date() }).where(eq(patients.id, patient.id));
    const { proof, registered } = await typeCode(patient.phone ?? '');
    expect(registered).toBe(false);
    await expect(signIn(proof)).rejects.toBeInstanceOf(SignInError);
  });
});
