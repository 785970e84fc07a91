import { createHash } from 'node:crypto';
import { createRateLimits, type StaffPrincipal, signInStaffWithPassword } from '@carelane/auth';
import { notifications, staffCentres, staffInvitations, staffUsers } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appRouter, createCallerFactory } from '../src';
import { callerAs, createClinic, createStaff, deps, nextPhone, SECRET, signedInStaff } from './fixtures';
import { GOOD_PASSWORD, invitationTokenSentTo, nextEmail } from './staff-fixtures';

const DEAD = 'This invitation link is no longer valid. Ask your clinic administrator for a new one.';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let admin: StaffPrincipal;

/** A caller with no session, as the public invitation page is, from its own IP so limits do not mix. */
function callerAsAnonymous(ip: string) {
  return createCaller({ ...deps(t.db), principal: { kind: 'anonymous' }, requestId: `test-${ip}`, ip });
}
const createCaller = createCallerFactory(appRouter);

async function invite(overrides: Partial<{ email: string; phone: string | null; role: 'clinician' }> = {}) {
  const email = overrides.email ?? nextEmail();
  const phone = overrides.phone === undefined ? nextPhone() : overrides.phone;
  const result = await callerAs(t.db, admin).staff.invite({
    name: 'Kavya Rao',
    email,
    phone,
    role: overrides.role ?? 'clinician',
    centreIds: [clinic.centre.id],
  });
  return { ...result, email, phone, token: await invitationTokenSentTo(t.db, email) };
}

async function deadAnswer(promise: Promise<unknown>) {
  await expect(promise).rejects.toMatchObject({ code: 'NOT_FOUND', message: DEAD });
}

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  const adminRow = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'admin');
  admin = (await signedInStaff(t.db, adminRow.id)).principal as StaffPrincipal;
});
afterAll(async () => {
  await t.close();
});

describe('inviting', () => {
  it('makes a switched-off account without a password, with its centres, and sends a hashed single-use link', async () => {
    const invited = await invite();
    const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, invited.id));
    expect(user).toMatchObject({ active: false, passwordHash: null, role: 'clinician', email: invited.email });
    const centres = await t.db.select().from(staffCentres).where(eq(staffCentres.staffUserId, invited.id));
    expect(centres.map((c) => c.centreId)).toEqual([clinic.centre.id]);
    const [invitation] = await t.db.select().from(staffInvitations).where(eq(staffInvitations.staffUserId, invited.id));
    expect(invitation?.tokenHash).toBe(createHash('sha256').update(invited.token).digest('hex'));
    const days = ((invitation?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    // The raw token is nowhere in the database but sealed in the outbox (and dropped once sent).
    const messages = await t.db.select().from(notifications).where(eq(notifications.staffUserId, invited.id));
    expect(messages.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    for (const m of messages) {
      expect(m.kind).toBe('staff_invitation');
      expect(m.patientId).toBeNull();
      expect(JSON.stringify(m.payload)).not.toContain(invited.token);
      expect(m.sealedPayload ?? '').not.toContain(invited.token);
      expect(m.status).toBe('sent');
    }
    expect(await invitationTokenSentTo(t.db, invited.phone ?? '')).toBe(invited.token);
  });

  it('the invited person cannot sign in before accepting', async () => {
    const invited = await invite();
    const deps = { db: t.db, secret: SECRET, rateLimits: createRateLimits(t.db) };
    await expect(
      signInStaffWithPassword(deps, { identifier: invited.email, password: GOOD_PASSWORD }, { ip: '10.1.0.1' }),
    ).rejects.toThrow();
  });

  it('the link shows whom it is for; accepting sets the password, and the person signs in', async () => {
    const invited = await invite();
    const page = callerAsAnonymous('10.2.0.1');
    expect(await page.invitation.get({ token: invited.token })).toMatchObject({
      organizationName: clinic.org.name,
      name: 'Kavya Rao',
      email: invited.email,
    });
    expect(await page.invitation.accept({ token: invited.token, password: GOOD_PASSWORD })).toEqual({
      email: invited.email,
    });
    const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, invited.id));
    expect(user?.active).toBe(true);
    const deps = { db: t.db, secret: SECRET, rateLimits: createRateLimits(t.db) };
    const sessionId = await signInStaffWithPassword(
      deps,
      { identifier: invited.email, password: GOOD_PASSWORD },
      { ip: '10.2.0.2' },
    );
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const list = await callerAs(t.db, admin).staff.list();
    expect(list.find((s) => s.id === invited.id)?.status).toBe('active');
  });

  it('a weak password is a field error and changes nothing', async () => {
    const invited = await invite();
    const page = callerAsAnonymous('10.3.0.1');
    for (const password of ['short', 'password123', invited.email]) {
      await expect(page.invitation.accept({ token: invited.token, password })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        cause: { issues: [expect.objectContaining({ path: ['password'] })] },
      });
    }
    const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, invited.id));
    expect(user).toMatchObject({ active: false, passwordHash: null });
    const [invitation] = await t.db.select().from(staffInvitations).where(eq(staffInvitations.staffUserId, invited.id));
    expect(invitation?.acceptedAt).toBeNull();
  });
});

describe('one answer for every link that does not work', () => {
  it('used, unknown, malformed, expired and revoked links all say the same', async () => {
    const page = callerAsAnonymous('10.4.0.1');
    const used = await invite();
    await page.invitation.accept({ token: used.token, password: GOOD_PASSWORD });
    await deadAnswer(page.invitation.get({ token: used.token }));
    await deadAnswer(page.invitation.accept({ token: used.token, password: GOOD_PASSWORD }));
    await deadAnswer(page.invitation.get({ token: 'AAAAAAAAAAAAAAAAAAAAAA' }));
    await deadAnswer(page.invitation.get({ token: 'not a token' }));

    const expired = await invite();
    await t.db
      .update(staffInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(staffInvitations.staffUserId, expired.id));
    await deadAnswer(page.invitation.get({ token: expired.token }));
    await deadAnswer(page.invitation.accept({ token: expired.token, password: GOOD_PASSWORD }));
    const list = await callerAs(t.db, admin).staff.list();
    expect(list.find((s) => s.id === expired.id)?.status).toBe('invitation_expired');

    const revoked = await invite();
    await callerAs(t.db, admin).staff.revokeInvitation({ userId: revoked.id });
    await deadAnswer(page.invitation.get({ token: revoked.token }));
    const after = await callerAs(t.db, admin).staff.list();
    expect(after.find((s) => s.id === revoked.id)?.status).toBe('deactivated');
  });

  it('two acceptances at once: one wins, the other gets the dead-link answer', async () => {
    const invited = await invite();
    const results = await Promise.allSettled([
      callerAsAnonymous('10.5.0.1').invitation.accept({ token: invited.token, password: GOOD_PASSWORD }),
      callerAsAnonymous('10.5.0.2').invitation.accept({ token: invited.token, password: `${GOOD_PASSWORD}!` }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ code: 'NOT_FOUND', message: DEAD });
  });

  it('resending makes a new link and the old one stops working', async () => {
    const invited = await invite({ phone: null });
    await callerAs(t.db, admin).staff.resendInvitation({ userId: invited.id });
    const fresh = await invitationTokenSentTo(t.db, invited.email);
    expect(fresh).not.toBe(invited.token);
    const page = callerAsAnonymous('10.6.0.1');
    await deadAnswer(page.invitation.get({ token: invited.token }));
    expect(await page.invitation.get({ token: fresh })).toMatchObject({ email: invited.email });
    // A revoked invitation can be sent again: the person is invited anew.
    await callerAs(t.db, admin).staff.revokeInvitation({ userId: invited.id });
    await callerAs(t.db, admin).staff.resendInvitation({ userId: invited.id });
    const third = await invitationTokenSentTo(t.db, invited.email);
    await page.invitation.accept({ token: third, password: GOOD_PASSWORD });
    await expect(callerAs(t.db, admin).staff.resendInvitation({ userId: invited.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(callerAs(t.db, admin).staff.revokeInvitation({ userId: invited.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('someone who never accepted cannot simply be switched on', async () => {
    const invited = await invite();
    await expect(callerAs(t.db, admin).staff.setActive({ userId: invited.id, active: true })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('the public procedures are rate limited per IP', async () => {
    const caller = callerAsAnonymous('10.9.0.1');
    let refused: unknown = null;
    for (let i = 0; i < 70 && !refused; i++) {
      await caller.invitation.get({ token: 'BBBBBBBBBBBBBBBBBBBBBB' }).catch((e: { code: string }) => {
        if (e.code !== 'NOT_FOUND') refused = e;
      });
    }
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});
