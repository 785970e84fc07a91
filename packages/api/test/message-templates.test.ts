import type { StaffPrincipal } from '@carelane/auth';
import { defaultTemplate, MESSAGE_KINDS } from '@carelane/core';
import { auditLog, messageTemplates } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { zodDetails } from '../src/errors';
import { callerAs, createClinic } from './fixtures';
import { staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let adminA: StaffPrincipal;
let adminB: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Templates A');
  b = await createClinic(t.db, 'Templates B');
  adminA = await staffOf(t.db, a, 'admin');
  adminB = await staffOf(t.db, b, 'admin');
});
afterAll(() => t.close());

const failure = async (run: () => Promise<unknown>) => {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

const hiWhatsappReminder = { kind: 'reminder', channel: 'whatsapp', language: 'hi' } as const;

async function rowsOf(organizationId: string) {
  return t.db.select().from(messageTemplates).where(eq(messageTemplates.organizationId, organizationId));
}

describe('messageTemplates', () => {
  it('lists every kind x channel x language with the defaults where nothing is saved', async () => {
    const list = await callerAs(t.db, adminA).messageTemplates.list();
    expect(list).toHaveLength(MESSAGE_KINDS.length * 3 * 2);
    const entry = list.find((e) => e.kind === 'reminder' && e.channel === 'email' && e.language === 'en');
    expect(entry).toMatchObject({
      ...defaultTemplate('reminder', 'email', 'en'),
      custom: false,
      matchesDefault: true,
      updatedBy: null,
    });
  });

  it('saves a valid template, shows it as customised with who saved it, and audits the change', async () => {
    const body = 'नमस्ते {{patientName}}, {{date}} {{time}} को आपकी विज़िट है। {{confirmLink}}';
    await callerAs(t.db, adminA).messageTemplates.save({ ...hiWhatsappReminder, body });
    const entry = (await callerAs(t.db, adminA).messageTemplates.list()).find(
      (e) => e.kind === 'reminder' && e.channel === 'whatsapp' && e.language === 'hi',
    );
    expect(entry).toMatchObject({ body, subject: null, custom: true, matchesDefault: false });
    expect(entry?.updatedBy).toBeTruthy();
    expect(entry?.updatedAt).toBeInstanceOf(Date);
    const [entryRow] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, a.org.id), eq(auditLog.action, 'message_template.update')));
    expect(entryRow?.changedFields).toEqual(['template', 'body']);
    // Saving again updates the one row.
    await callerAs(t.db, adminA).messageTemplates.save({ ...hiWhatsappReminder, body: `${body} धन्यवाद` });
    expect(await rowsOf(a.org.id)).toHaveLength(1);
  });

  it('refuses a reminder without {{date}}, naming the body, and changes nothing', async () => {
    const before = await rowsOf(a.org.id);
    const error = await failure(() =>
      callerAs(t.db, adminA).messageTemplates.save({ ...hiWhatsappReminder, body: '{{time}} को आपकी विज़िट है।' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(zodDetails(error.cause)).toEqual([{ field: 'body', message: 'A reminder must contain {{date}}.' }]);
    expect(await rowsOf(a.org.id)).toEqual(before);
  });

  it('refuses an unknown variable and an email without a subject, each naming its field', async () => {
    const unknown = await failure(() =>
      callerAs(t.db, adminA).messageTemplates.save({
        kind: 'reminder',
        channel: 'sms',
        language: 'en',
        body: 'Hi {{patient}}, see you {{date}} at {{time}}',
      }),
    );
    expect(zodDetails(unknown.cause)).toEqual([
      { field: 'body', message: expect.stringContaining('{{patient}} is not a variable of a reminder') },
    ]);
    const noSubject = await failure(() =>
      callerAs(t.db, adminA).messageTemplates.save({
        kind: 'reminder',
        channel: 'email',
        language: 'en',
        subject: ' ',
        body: 'See you {{date}} at {{time}}',
      }),
    );
    expect(zodDetails(noSubject.cause)).toEqual([{ field: 'subject', message: 'Write a subject for the email.' }]);
  });

  it('refuses an SMS longer than the segment limit, as checkTemplate reports it', async () => {
    const error = await failure(() =>
      callerAs(t.db, adminA).messageTemplates.save({
        kind: 'reminder',
        channel: 'sms',
        language: 'hi',
        body: `{{date}} {{time}} ${'विज़िट '.repeat(40)}`,
      }),
    );
    expect(zodDetails(error.cause)[0]).toMatchObject({ field: 'body', message: expect.stringContaining('segments') });
  });

  it('keeps organizations apart: another organization neither sees nor resets the saved wording', async () => {
    const theirs = (await callerAs(t.db, adminB).messageTemplates.list()).find(
      (e) => e.kind === 'reminder' && e.channel === 'whatsapp' && e.language === 'hi',
    );
    expect(theirs).toMatchObject({ custom: false, ...defaultTemplate('reminder', 'whatsapp', 'hi') });
    await callerAs(t.db, adminB).messageTemplates.reset(hiWhatsappReminder);
    expect(await rowsOf(a.org.id)).toHaveLength(1);
  });

  it('resets to the default and audits it', async () => {
    await callerAs(t.db, adminA).messageTemplates.reset(hiWhatsappReminder);
    expect(await rowsOf(a.org.id)).toHaveLength(0);
    const entry = (await callerAs(t.db, adminA).messageTemplates.list()).find(
      (e) => e.kind === 'reminder' && e.channel === 'whatsapp' && e.language === 'hi',
    );
    expect(entry).toMatchObject({ custom: false, matchesDefault: true });
    const resets = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, a.org.id), eq(auditLog.action, 'message_template.reset')));
    expect(resets).toHaveLength(1);
  });

  it('lets front desk read but not save', async () => {
    const frontDesk = await staffOf(t.db, a, 'front_desk');
    expect(await callerAs(t.db, frontDesk).messageTemplates.list()).toHaveLength(MESSAGE_KINDS.length * 3 * 2);
    const error = await failure(() =>
      callerAs(t.db, frontDesk).messageTemplates.save({ ...hiWhatsappReminder, body: '{{date}} {{time}}' }),
    );
    expect(error.code).toBe('FORBIDDEN');
  });
});
