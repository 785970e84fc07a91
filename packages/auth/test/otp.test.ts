import { notifications, otpChallenges, staffUsers, unseal } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOtpChallenge, generateOtp, verifyOtp } from '../src/otp';
import { RateLimitedError } from '../src/rate-limit';
import { requestSignInCode, SignInError, verifyPatientCode } from '../src/sign-in';
import { authDeps, createOrganization, createPatient, createStaff, nextPhone, SECRET } from './fixtures';

let t: TestDatabase;
let org: Awaited<ReturnType<typeof createOrganization>>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  org = await createOrganization(t.db);
});
afterAll(() => t.close());

/** A patient sign-in code for `phone`, as requestSignInCode creates it. */
const patientCode = (phone: string, organizationId = org.id) =>
  createOtpChallenge(t.db, { purpose: 'patient_sign_in', phone, organizationId, secret: SECRET });
const check = (phone: string, code: string, extra: { organizationId?: string; now?: Date } = {}) =>
  verifyOtp(t.db, { purpose: 'patient_sign_in', phone, code, secret: SECRET, ...extra });

describe('sign-in codes', () => {
  it('are six digits, and differ from one code to the next', () => {
    const codes = Array.from({ length: 200 }, generateOtp);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });

  it('are stored only as a hash', async () => {
    const phone = nextPhone();
    const { challengeId, code } = await patientCode(phone);
    const [challenge] = await t.db.select().from(otpChallenges).where(eq(otpChallenges.id, challengeId));
    expect(challenge?.codeHash).not.toContain(code);
  });

  it('work once: a second use of the same code is refused', async () => {
    const patient = await createPatient(t.db, org.id);
    const phone = patient.phone ?? '';
    const { code } = await patientCode(phone);
    const input = { organizationId: org.id, phone, code };
    const first = await verifyPatientCode(authDeps(t.db), input, { ip: '10.0.0.1' });
    expect(first).toMatchObject({ registered: true, proof: expect.any(String) });
    await expect(verifyPatientCode(authDeps(t.db), input, { ip: '10.0.0.1' })).rejects.toBeInstanceOf(SignInError);
  });

  it('expire after 10 minutes', async () => {
    const phone = nextPhone();
    const { code } = await patientCode(phone);
    const later = new Date(Date.now() + 10 * 60_000 + 1000);
    expect(await check(phone, code, { now: later })).toEqual({ ok: false, reason: 'no_code' });
    expect(await check(phone, code)).toMatchObject({ ok: true });
  });

  it('lock after 5 wrong tries, even for the right code', async () => {
    const phone = nextPhone();
    const { code } = await patientCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const reasons = [];
    for (let i = 0; i < 5; i++) reasons.push((await check(phone, wrong)) as { reason: string });
    expect(reasons.map((r) => r.reason)).toEqual(['wrong_code', 'wrong_code', 'wrong_code', 'wrong_code', 'locked']);
    expect(await check(phone, code)).toMatchObject({ ok: false });
  });

  it('only the newest code of a phone works', async () => {
    const phone = nextPhone();
    const older = await patientCode(phone);
    const newer = await patientCode(phone);
    // Astronomically unlikely, but two equal codes would make the older one pass.
    if (older.code !== newer.code) expect(await check(phone, older.code)).toMatchObject({ ok: false });
    expect(await check(phone, newer.code)).toMatchObject({ ok: true });
  });

  it('of one clinic do not work at another', async () => {
    const other = await createOrganization(t.db, 'Other Clinic');
    const phone = nextPhone();
    const { code } = await patientCode(phone);
    expect(await check(phone, code, { organizationId: other.id })).toEqual({ ok: false, reason: 'no_code' });
    expect(await check(phone, code, { organizationId: org.id })).toMatchObject({ ok: true });
  });
});

describe('requesting a sign-in code', () => {
  const request = (purpose: 'patient_sign_in' | 'staff_sign_in', phone: string, ip: string) =>
    requestSignInCode(
      authDeps(t.db),
      { purpose, phone, organizationId: purpose === 'patient_sign_in' ? org.id : undefined },
      { ip },
    );
  const outboxRow = async (id: string | null) => {
    if (!id) throw new Error('no message was written');
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, id));
    return row;
  };

  it('writes a patient code to the outbox for any number, the code sealed, never in clear', async () => {
    const phone = nextPhone();
    const answer = await request('patient_sign_in', phone.replace('+91', '0'), '10.4.0.1');
    expect(answer.phone).toBe(phone);
    const row = await outboxRow(answer.notificationId);
    expect(row).toMatchObject({
      organizationId: org.id,
      kind: 'otp_sign_in',
      channel: 'sms',
      recipient: phone,
      patientId: null,
      payload: { organizationName: org.name },
    });
    const { code } = unseal<{ code: string }>(row?.sealedPayload ?? '', SECRET);
    expect(JSON.stringify(row?.payload)).not.toContain(code);
    expect(await check(phone, code, { organizationId: org.id })).toMatchObject({ ok: true });
  });

  it('sends a patient who agreed to WhatsApp their code there', async () => {
    const patient = await createPatient(t.db, org.id, { consentWhatsapp: true });
    const answer = await request('patient_sign_in', patient.phone ?? '', '10.4.0.2');
    expect(await outboxRow(answer.notificationId)).toMatchObject({ channel: 'whatsapp', patientId: patient.id });
  });

  it('sends staff codes only to active staff, with the same answer otherwise', async () => {
    const active = await createStaff(t.db, org.id, 'front_desk');
    const disabled = await createStaff(t.db, org.id, 'clinician');
    await t.db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, disabled.id));
    const unknown = nextPhone();
    for (const phone of [unknown, disabled.phone ?? '']) {
      expect(await request('staff_sign_in', phone, '10.4.0.3')).toEqual({ phone, notificationId: null });
      expect(await t.db.select().from(otpChallenges).where(eq(otpChallenges.phone, phone))).toHaveLength(0);
    }
    const sent = await request('staff_sign_in', active.phone ?? '', '10.4.0.3');
    expect(await outboxRow(sent.notificationId)).toMatchObject({ channel: 'sms', organizationId: org.id });
  });

  it('refuses a second code within 30 seconds, and a malformed number', async () => {
    const phone = nextPhone();
    await request('patient_sign_in', phone, '10.4.0.4');
    const again = request('patient_sign_in', phone, '10.4.0.4');
    await expect(again).rejects.toBeInstanceOf(RateLimitedError);
    await expect(request('patient_sign_in', phone, '10.4.0.4')).rejects.toThrow(/wait \d+ seconds/);
    await expect(request('patient_sign_in', '12345678', '10.4.0.4')).rejects.toBeInstanceOf(SignInError);
  });
});
