import type { StaffPrincipal } from '@carelane/auth';
import { DEFAULT_QUESTIONNAIRES, FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS } from '@carelane/core';
import { auditLog, formRequests, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkFormPass } from '../src/routers/forms/token';
import { callerAs, createClinic, SECRET } from './fixtures';
import { staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let frontDesk: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Public forms clinic');
  frontDesk = await staffOf(t.db, a, 'front_desk');
  await t.db.update(patients).set({ birthDate: '1988-02-29' }).where(eq(patients.id, a.patient.id));
});
afterAll(() => t.close());

const visitor = () => callerAs(t.db, { kind: 'anonymous' });
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
    expect(opened).toEqual({ state: 'ready', message: null, clinic: { name: 'Public forms clinic' } });
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
