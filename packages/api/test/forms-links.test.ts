import { createHash } from 'node:crypto';
import type { StaffPrincipal } from '@carelane/auth';
import { DEFAULT_QUESTIONNAIRES } from '@carelane/core';
import {
  auditLog,
  formRequests,
  localChannelMessages,
  notifications,
  patients,
  questionnaireVersions,
} from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic } from './fixtures';
import { staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let manager: StaffPrincipal;
let frontDesk: StaffPrincipal;
let frontDeskB: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Forms A');
  b = await createClinic(t.db, 'Forms B');
  manager = await staffOf(t.db, a, 'manager');
  frontDesk = await staffOf(t.db, a, 'front_desk');
  frontDeskB = await staffOf(t.db, b, 'front_desk');
  // A form asks for the date of birth first, so links need one on record.
  await t.db
    .update(patients)
    .set({ birthDate: '1990-04-12' })
    .where(inArray(patients.id, [a.patient.id, b.patient.id]));
});
afterAll(() => t.close());

const failure = async (run: () => Promise<unknown>) => {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

const questions = DEFAULT_QUESTIONNAIRES.dental.questions;

describe('forms.questionnaire and forms.publish', () => {
  it('starts from the default, publishes versions in turn and refuses to publish over a newer one', async () => {
    const fresh = await callerAs(t.db, manager).forms.questionnaire();
    expect(fresh).toMatchObject({ version: null, questionnaire: DEFAULT_QUESTIONNAIRES.general });
    const first = await callerAs(t.db, manager).forms.publish({ baseVersion: null, questions });
    expect(first.version).toBe(1);
    const second = await callerAs(t.db, manager).forms.publish({ baseVersion: 1, questions: questions.slice(0, 3) });
    expect(second.version).toBe(2);
    // Someone edited version 1 while version 2 was published.
    const stale = await failure(() => callerAs(t.db, manager).forms.publish({ baseVersion: 1, questions }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/version 2/);
    expect((await callerAs(t.db, frontDesk).forms.questionnaire()).version).toBe(2);
    // Version 1 is still there as published.
    const [v1] = await t.db
      .select()
      .from(questionnaireVersions)
      .where(and(eq(questionnaireVersions.organizationId, a.org.id), eq(questionnaireVersions.version, 1)));
    expect(v1?.questions).toEqual({ questions });
    // Another organization has its own (none yet).
    expect((await callerAs(t.db, frontDeskB).forms.questionnaire()).version).toBeNull();
  });

  it('names the question a definition cannot be saved for, and only managers publish', async () => {
    const [first, second] = questions;
    if (!first || !second) throw new Error('fixture');
    const broken = [{ ...first, showWhen: { questionId: second.id, equals: 'yes' } }, second];
    const error = await failure(() => callerAs(t.db, manager).forms.publish({ baseVersion: 2, questions: broken }));
    expect(error.code).toBe('BAD_REQUEST');
    // The field is the question's place in the list and what is wrong with it.
    expect(String((error.cause as Error).message)).toMatch(/"questions",\s*"0",\s*"showWhen"/);
    const denied = await failure(() => callerAs(t.db, frontDesk).forms.publish({ baseVersion: 2, questions }));
    expect(denied.code).toBe('FORBIDDEN');
  });
});

describe('form links', () => {
  it('are made with a token only the link holds, for the current version, and audited without it', async () => {
    const link = await callerAs(t.db, frontDesk).forms.createLink({ patientId: a.patient.id });
    const token = link.url.split('/forms/')[1] ?? '';
    expect(link.url.startsWith('http://localhost:3000/forms/')).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(link.version).toBe(2);
    const days = (link.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    const [row] = await t.db.select().from(formRequests).where(eq(formRequests.id, link.id));
    expect(row?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, link.id));
    expect(entries.map((e) => e.action)).toEqual(['form_request.create']);
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it("publishes the default first when nothing is published, and never reaches another organization's patient", async () => {
    const link = await callerAs(t.db, frontDeskB).forms.createLink({ patientId: b.patient.id, validDays: 2 });
    expect(link.version).toBe(1);
    expect((await callerAs(t.db, frontDeskB).forms.questionnaire()).version).toBe(1);
    const error = await failure(() => callerAs(t.db, frontDeskB).forms.createLink({ patientId: a.patient.id }));
    expect(error.code).toBe('NOT_FOUND');
    const bad = await failure(() =>
      callerAs(t.db, frontDesk).forms.createLink({ patientId: a.patient.id, validDays: 90 }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
  });

  it('are listed with their state, and revoked once', async () => {
    const caller = callerAs(t.db, frontDesk);
    const link = await caller.forms.createLink({ patientId: a.patient.id });
    await t.db
      .update(formRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(formRequests.patientId, a.patient.id), eq(formRequests.id, link.id)));
    const fresh = await caller.forms.createLink({ patientId: a.patient.id });
    const listed = await caller.forms.forPatient({ patientId: a.patient.id });
    expect(listed.links.find((l) => l.id === link.id)?.state).toBe('expired');
    expect(listed.links.find((l) => l.id === fresh.id)?.state).toBe('sent');
    expect(await caller.forms.revokeLink({ id: fresh.id })).toEqual({ id: fresh.id, state: 'revoked' });
    expect(
      (await caller.forms.forPatient({ patientId: a.patient.id })).links.find((l) => l.id === fresh.id)?.state,
    ).toBe('revoked');
    const again = await failure(() => caller.forms.revokeLink({ id: fresh.id }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/already revoked/);
    const other = await failure(() => callerAs(t.db, frontDeskB).forms.revokeLink({ id: link.id }));
    expect(other.code).toBe('NOT_FOUND');
    const otherList = await failure(() => callerAs(t.db, frontDeskB).forms.forPatient({ patientId: a.patient.id }));
    expect(otherList.code).toBe('NOT_FOUND');
  });
});

describe('forms.createLink with sendVia', () => {
  it('sends the link on a channel the patient agreed to, sealed in the outbox, and records the channel', async () => {
    await t.db
      .update(patients)
      .set({ consentSms: true, consentEmail: false, phone: '+919812300077', email: 'asha@example.com' })
      .where(eq(patients.id, a.patient.id));
    const link = await callerAs(t.db, frontDesk).forms.createLink({ patientId: a.patient.id, sendVia: 'sms' });
    expect(link.sentVia).toBe('sms');
    const [queued] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.patientId, a.patient.id), eq(notifications.kind, 'form_link')));
    expect(queued).toMatchObject({ channel: 'sms', recipient: '+919812300077', status: 'sent' });
    // The link is a credential: delivered, then wiped; never in the payload in clear text.
    expect(JSON.stringify(queued?.payload)).not.toContain(link.url);
    expect(queued?.sealedPayload).toBeNull();
    const [delivered] = await t.db
      .select()
      .from(localChannelMessages)
      .where(eq(localChannelMessages.notificationId, queued?.id ?? ''));
    expect(delivered?.body).toContain(link.url);
    const listed = await callerAs(t.db, frontDesk).forms.forPatient({ patientId: a.patient.id });
    expect(listed.links.find((l) => l.id === link.id)?.sentVia).toEqual(['sms']);
  });

  it('refuses a channel without consent or address, naming why, and creates nothing', async () => {
    const before = await t.db.select().from(formRequests).where(eq(formRequests.patientId, a.patient.id));
    const email = await failure(() =>
      callerAs(t.db, frontDesk).forms.createLink({ patientId: a.patient.id, sendVia: 'email' }),
    );
    expect(email.code).toBe('BAD_REQUEST');
    expect(email.message).toMatch(/has not agreed to email messages/);
    await t.db.update(patients).set({ consentWhatsapp: true, phone: null }).where(eq(patients.id, a.patient.id));
    const whatsapp = await failure(() =>
      callerAs(t.db, frontDesk).forms.createLink({ patientId: a.patient.id, sendVia: 'whatsapp' }),
    );
    expect(whatsapp.message).toMatch(/no phone number/);
    const after = await t.db.select().from(formRequests).where(eq(formRequests.patientId, a.patient.id));
    expect(after).toHaveLength(before.length);
  });
});
