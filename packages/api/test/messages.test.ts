import type { StaffPrincipal } from '@carelane/auth';
import { auditLog, notificationAttempts, notifications, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic, createPatient } from './fixtures';
import { insertVisit, staffOf } from './patient-fixtures';

type Clinic = Awaited<ReturnType<typeof createClinic>>;
type Row = typeof notifications.$inferInsert;

let t: TestDatabase;
let a: Clinic;
let b: Clinic;
let desk: StaffPrincipal;
let deskB: StaffPrincipal;
let clinician: StaffPrincipal;

let seq = 0;
/** A message written straight to the outbox (the lead's enqueue helper is not needed to read one). */
async function message(clinic: Clinic, facts: Partial<Row> = {}) {
  const values: Row = {
    organizationId: clinic.org.id,
    channel: 'sms',
    kind: 'form_link',
    idempotencyKey: `test:${seq++}:${Math.random()}`,
    recipient: clinic.patient.phone ?? '+919800000001',
    patientId: clinic.patient.id,
    subject: null,
    body: 'Please fill in your medical history: http://x/forms/abc',
    ...facts,
  };
  const [row] = await t.db.insert(notifications).values(values).returning();
  if (!row) throw new Error('no row');
  return row;
}

const failure = async (run: () => Promise<unknown>) => {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Messages A');
  b = await createClinic(t.db, 'Messages B');
  desk = await staffOf(t.db, a, 'front_desk');
  deskB = await staffOf(t.db, b, 'front_desk');
  clinician = await staffOf(t.db, a, 'clinician');
});
afterAll(() => t.close());

describe('messages.list', () => {
  it('lists only the organization’s messages, filtered, newest first, paged by keyset', async () => {
    const clinic = await createClinic(t.db, 'Messages list');
    const staff = await staffOf(t.db, clinic, 'front_desk');
    const other = await createPatient(t.db, clinic.org.id);
    const base = Date.parse('2026-11-10T06:00:00Z');
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    // Same createdAt for two rows: the id breaks the tie, so paging neither skips nor repeats.
    const rows = [
      await message(clinic, { createdAt: at(0), channel: 'sms', status: 'sent', deliveryStatus: 'delivered' }),
      await message(clinic, { createdAt: at(1), channel: 'email', recipient: 'asha@example.com', status: 'failed' }),
      await message(clinic, { createdAt: at(1), channel: 'whatsapp', status: 'sent', deliveryStatus: 'read' }),
      await message(clinic, { createdAt: at(2), channel: 'sms', kind: 'reminder', status: 'pending' }),
      await message(clinic, { createdAt: at(3), channel: 'sms', status: 'sent', patientId: other.id }),
    ];
    // A staff sign-in code has no organization and another clinic's row is another tenant's.
    await message(clinic, { organizationId: null, kind: 'otp_sign_in', patientId: null, createdAt: at(4) });
    await message(b, { createdAt: at(4) });

    const caller = callerAs(t.db, staff);
    const all = await caller.messages.list({});
    expect(all.rows.map((r) => r.id)).toEqual(
      [...rows]
        .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (y.id > x.id ? 1 : -1))
        .map((r) => r.id),
    );

    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.messages.list({ limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual(all.rows.map((r) => r.id));

    const ids = async (input: Parameters<typeof caller.messages.list>[0]) =>
      (await caller.messages.list(input)).rows.map((r) => r.id).sort();
    expect(await ids({ channel: 'sms' })).toEqual([rows[0]?.id, rows[3]?.id, rows[4]?.id].sort());
    expect(await ids({ kind: 'reminder' })).toEqual([rows[3]?.id]);
    expect(await ids({ status: 'delivered' })).toEqual([rows[0]?.id, rows[2]?.id].sort());
    expect(await ids({ status: 'sent' })).toEqual([rows[0]?.id, rows[2]?.id, rows[4]?.id].sort());
    expect(await ids({ status: 'failed' })).toEqual([rows[1]?.id]);
    expect(await ids({ patientId: other.id })).toEqual([rows[4]?.id]);
    // Local dates in Asia/Kolkata: 06:00Z on the 10th is 11:30 on the 10th there.
    expect(await ids({ from: '2026-11-10', to: '2026-11-10' })).toHaveLength(5);
    expect(await ids({ from: '2026-11-11' })).toEqual([]);
    expect(await ids({ to: '2026-11-09' })).toEqual([]);
  });

  it('masks recipients and names the patient', async () => {
    const clinic = await createClinic(t.db, 'Messages mask');
    const staff = await staffOf(t.db, clinic, 'front_desk');
    await message(clinic, { recipient: '+919812345678' });
    await message(clinic, { recipient: 'zubaida@example.com', channel: 'email' });
    const { rows } = await callerAs(t.db, staff).messages.list({});
    expect(rows.map((r) => r.recipient).sort()).toEqual(['z***@example.com', '•••• 5678']);
    expect(rows[0]?.patient).toEqual({ id: clinic.patient.id, name: 'Test Patient', mrn: clinic.patient.mrn });
    expect(JSON.stringify(rows)).not.toContain('9812345678');
  });

  it('refuses bad input naming the field, and roles without messages:read', async () => {
    const bad = await failure(() => callerAs(t.db, desk).messages.list({ from: '2026-11-10', to: '2026-11-01' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toMatch(/last date/);
    expect((await failure(() => callerAs(t.db, clinician).messages.list({}))).code).toBe('FORBIDDEN');
  });
});

describe('messages.byId', () => {
  it('gives the text, the attempts in order, the fallback masked, and audits a patient’s message', async () => {
    const row = await message(a, {
      subject: 'Your form',
      status: 'failed',
      attempts: 2,
      error: 'Provider refused the number',
      fallback: [{ channel: 'email', recipient: 'test@example.com' }],
    });
    await t.db.insert(notificationAttempts).values([
      { notificationId: row.id, attempt: 2, channel: 'sms', provider: 'twilio', outcome: 'gave_up', error: 'timeout' },
      { notificationId: row.id, attempt: 1, channel: 'sms', provider: 'twilio', outcome: 'failed', error: '503' },
    ]);
    const got = await callerAs(t.db, desk).messages.byId({ id: row.id });
    expect(got).toMatchObject({
      subject: 'Your form',
      body: row.body,
      attempts: 2,
      error: 'Provider refused the number',
    });
    expect(got.attemptLog.map((x) => [x.attempt, x.outcome, x.error])).toEqual([
      [1, 'failed', '503'],
      [2, 'gave_up', 'timeout'],
    ]);
    expect(got.fallback).toEqual([{ channel: 'email', recipient: 't***@example.com' }]);
    expect(got.resendBlocked).toBeNull();
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'message.read'), eq(auditLog.entityId, row.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actorId).toBe(desk.userId);
  });

  it('hides the body of a sign-in code and says it cannot be resent', async () => {
    const row = await message(a, { kind: 'otp_sign_in', body: 'Your code is 123456' });
    const got = await callerAs(t.db, desk).messages.byId({ id: row.id });
    expect(got.body).toBeNull();
    expect(got.resendBlocked).toBe('Sign-in codes are never resent; the patient can ask for a new one.');
  });

  it('answers NOT_FOUND for another organization’s message and for a staff sign-in code', async () => {
    const theirs = await message(b);
    const staffCode = await message(a, { organizationId: null, kind: 'otp_sign_in', patientId: null });
    for (const id of [theirs.id, staffCode.id]) {
      expect((await failure(() => callerAs(t.db, desk).messages.byId({ id }))).code).toBe('NOT_FOUND');
      expect((await failure(() => callerAs(t.db, desk).messages.resend({ id }))).code).toBe('NOT_FOUND');
    }
    expect((await callerAs(t.db, deskB).messages.byId({ id: theirs.id })).id).toBe(theirs.id);
  });
});

describe('messages.resend', () => {
  it('writes a new pending row copying the original, linked both ways, and audits it', async () => {
    const visit = await insertVisit(t.db, a, a.patient.id, 3, 'confirmed');
    const original = await message(a, {
      kind: 'reminder',
      appointmentId: visit.id,
      language: 'hi',
      payload: { previousDate: '2026-11-01' },
      status: 'sent',
      attempts: 1,
      sentAt: new Date(),
    });
    const before = Date.now();
    const copy = await callerAs(t.db, desk).messages.resend({ id: original.id });
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, copy.id));
    expect(row).toMatchObject({
      organizationId: a.org.id,
      channel: 'sms',
      kind: 'reminder',
      language: 'hi',
      recipient: original.recipient,
      payload: { previousDate: '2026-11-01' },
      patientId: a.patient.id,
      appointmentId: visit.id,
      status: 'pending',
      attempts: 0,
      resentFromId: original.id,
      createdById: desk.userId,
      sentAt: null,
    });
    expect(row?.idempotencyKey).toMatch(new RegExp(`^resend:${original.id}:[0-9a-f-]{36}$`));
    expect(row?.sendAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const again = await callerAs(t.db, desk).messages.byId({ id: original.id });
    expect(again.resends.map((r) => r.id)).toEqual([copy.id]);
    expect((await callerAs(t.db, desk).messages.byId({ id: copy.id })).resentFromId).toBe(original.id);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'message.resend'), eq(auditLog.entityId, copy.id)));
    expect(audits).toHaveLength(1);
  });

  it('refuses a sign-in code, withdrawn consent and a cancelled or past visit, writing nothing', async () => {
    const patient = await createPatient(t.db, a.org.id);
    const cancelled = await insertVisit(t.db, a, patient.id, 2, 'cancelled');
    const past = await insertVisit(t.db, a, patient.id, -2, 'completed');
    const otp = await message(a, { kind: 'otp_sign_in', patientId: patient.id });
    const sms = await message(a, { patientId: patient.id });
    const reminderCancelled = await message(a, {
      kind: 'reminder',
      patientId: patient.id,
      appointmentId: cancelled.id,
    });
    const reminderPast = await message(a, {
      kind: 'booking_confirmation',
      patientId: patient.id,
      appointmentId: past.id,
    });
    await t.db.update(patients).set({ consentSms: false }).where(eq(patients.id, patient.id));
    const cases: [string, RegExp][] = [
      [otp.id, /^Sign-in codes are never resent; the patient can ask for a new one\.$/],
      [sms.id, /has not agreed to SMS messages/],
    ];
    for (const [id, sentence] of cases) {
      const error = await failure(() => callerAs(t.db, desk).messages.resend({ id }));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(sentence);
    }
    await t.db.update(patients).set({ consentSms: true }).where(eq(patients.id, patient.id));
    expect((await failure(() => callerAs(t.db, desk).messages.resend({ id: reminderCancelled.id }))).message).toMatch(
      /cancelled/,
    );
    expect((await failure(() => callerAs(t.db, desk).messages.resend({ id: reminderPast.id }))).message).toMatch(
      /already taken place/,
    );
    const copies = await t.db.select().from(notifications).where(eq(notifications.patientId, patient.id));
    expect(copies).toHaveLength(4);
  });

  it('is refused to a role without messages:send', async () => {
    const row = await message(a);
    expect((await failure(() => callerAs(t.db, clinician).messages.resend({ id: row.id }))).code).toBe('FORBIDDEN');
  });
});

describe('messages.stats', () => {
  it('counts per channel, per kind and per local day, exactly', async () => {
    const clinic = await createClinic(t.db, 'Messages stats');
    const staff = await staffOf(t.db, clinic, 'manager');
    // 20:00Z on the 9th is 01:30 on the 10th in Asia/Kolkata.
    const day10 = new Date('2026-11-09T20:00:00Z');
    const day11 = new Date('2026-11-11T05:00:00Z');
    await message(clinic, {
      createdAt: day10,
      channel: 'sms',
      kind: 'reminder',
      status: 'sent',
      deliveryStatus: 'delivered',
    });
    await message(clinic, { createdAt: day10, channel: 'sms', kind: 'reminder', status: 'failed' });
    await message(clinic, { createdAt: day10, channel: 'email', kind: 'form_link', status: 'sent' });
    await message(clinic, {
      createdAt: day11,
      channel: 'whatsapp',
      kind: 'reminder',
      status: 'sent',
      deliveryStatus: 'read',
    });
    await message(clinic, { createdAt: day11, channel: 'whatsapp', kind: 'form_link', status: 'pending' });
    await message(clinic, { createdAt: day11, channel: 'sms', kind: 'form_link', status: 'sending' });
    // Outside the range (the 12th there), and another clinic's.
    await message(clinic, { createdAt: new Date('2026-11-11T19:00:00Z'), status: 'sent' });
    await message(b, { createdAt: day11, status: 'sent' });

    const stats = await callerAs(t.db, staff).messages.stats({ from: '2026-11-10', to: '2026-11-11' });
    const counts = (total: number, sent: number, delivered: number, failed: number, pending: number) => ({
      total,
      sent,
      delivered,
      failed,
      pending,
    });
    expect(stats.totals).toEqual(counts(6, 3, 2, 1, 2));
    expect(stats.byChannel).toEqual([
      { channel: 'sms', ...counts(3, 1, 1, 1, 1) },
      { channel: 'whatsapp', ...counts(2, 1, 1, 0, 1) },
      { channel: 'email', ...counts(1, 1, 0, 0, 0) },
    ]);
    expect(stats.byKind).toEqual([
      { kind: 'reminder', ...counts(3, 2, 2, 1, 0) },
      { kind: 'form_link', ...counts(3, 1, 0, 0, 2) },
    ]);
    expect(stats.byDay).toEqual([
      { date: '2026-11-10', ...counts(3, 2, 1, 1, 0) },
      { date: '2026-11-11', ...counts(3, 1, 1, 0, 2) },
    ]);
  });
});
