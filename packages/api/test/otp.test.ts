import { verifyOtp } from '@carelane/auth';
import { localChannelMessages, notifications, otpChallenges } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic, createPatient, createStaff, lastCodeSentTo, SECRET } from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
});
afterAll(() => t.close());

// How a code is checked, expires and locks is tested in packages/auth/test/otp.test.ts; here, the
// auth.requestCode procedure: delivery, throttling and input.
const anonymous = { kind: 'anonymous' } as const;
const patientSite = () => callerAs(t.db, anonymous, { audience: 'patient', siteOrganizationId: clinic.org.id });

describe('sign-in codes', () => {
  it('are delivered through the outbox, stored only as a hash, and the sealed copy is wiped', async () => {
    const patient = await createPatient(t.db, clinic.org.id);
    const answer = await patientSite().auth.requestCode({ phone: patient.phone ?? '' });
    expect(answer.sentTo).toMatch(/^•••• \d{4}$/);
    const code = await lastCodeSentTo(t.db, patient.phone ?? '');
    const [challenge] = await t.db
      .select()
      .from(otpChallenges)
      .where(eq(otpChallenges.phone, patient.phone ?? ''));
    expect(challenge?.codeHash).not.toContain(code);
    const [outbox] = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipient, patient.phone ?? ''));
    expect(outbox).toMatchObject({ status: 'sent', sealedPayload: null, kind: 'otp_sign_in' });
    expect(JSON.stringify(outbox?.payload)).not.toContain(code);
  });

  it('are throttled: a second request within 30 seconds is TOO_MANY_REQUESTS', async () => {
    const patient = await createPatient(t.db, clinic.org.id);
    const phone = patient.phone ?? '';
    await patientSite().auth.requestCode({ phone });
    await expect(patientSite().auth.requestCode({ phone })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/wait \d+ seconds/),
    });
    const sent = await t.db.select().from(localChannelMessages).where(eq(localChannelMessages.recipient, phone));
    expect(sent).toHaveLength(1);
  });

  it('a malformed phone number is BAD_REQUEST', async () => {
    await expect(patientSite().auth.requestCode({ phone: '12345678' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('staff can sign in with a code sent to their phone', async () => {
    const user = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
    const phone = user.phone ?? '';
    await callerAs(t.db, anonymous).auth.requestCode({ phone });
    const code = await lastCodeSentTo(t.db, phone);
    expect(await verifyOtp(t.db, { purpose: 'staff_sign_in', phone, code, secret: SECRET })).toMatchObject({
      ok: true,
    });
  });
});
