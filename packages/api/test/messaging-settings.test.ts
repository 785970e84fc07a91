import type { StaffPrincipal } from '@carelane/auth';
import { auditLog, organizations } from '@carelane/db';
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
  a = await createClinic(t.db, 'Messaging A');
  b = await createClinic(t.db, 'Messaging B');
  adminA = await staffOf(t.db, a, 'admin');
  adminB = await staffOf(t.db, b, 'admin');
});
afterAll(() => t.close());

const failure = async (run: () => Promise<unknown>) => {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

const valid = {
  reminderOffsetsMinutes: [120, 2880],
  quietHours: { start: '22:00', end: '07:30' },
  channelOrder: ['sms', 'email'] as const,
};

describe('organization messaging settings', () => {
  it('starts with the defaults', async () => {
    expect(await callerAs(t.db, adminA).organization.messagingSettings()).toEqual({
      reminderOffsetsMinutes: [1440, 120],
      quietHours: { start: '21:00', end: '08:00' },
      channelOrder: ['whatsapp', 'sms', 'email'],
    });
  });

  it('saves, largest offset first, audits the changed fields and leaves other organizations alone', async () => {
    const saved = await callerAs(t.db, adminA).organization.updateMessagingSettings({
      ...valid,
      channelOrder: [...valid.channelOrder],
    });
    expect(saved).toEqual({ ...valid, reminderOffsetsMinutes: [2880, 120] });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, a.org.id), eq(auditLog.action, 'organization.update_messaging_settings')));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.changedFields?.sort()).toEqual(['channelOrder', 'quietHours', 'reminderOffsetsMinutes']);
    expect(await callerAs(t.db, adminB).organization.messagingSettings()).toMatchObject({
      reminderOffsetsMinutes: [1440, 120],
    });
  });

  it('turns quiet hours off and allows no reminders', async () => {
    const saved = await callerAs(t.db, adminA).organization.updateMessagingSettings({
      reminderOffsetsMinutes: [],
      quietHours: null,
      channelOrder: ['email'],
    });
    expect(saved).toEqual({ reminderOffsetsMinutes: [], quietHours: null, channelOrder: ['email'] });
    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, a.org.id));
    expect(row).toMatchObject({ quietHoursStart: null, quietHoursEnd: null });
  });

  it.each([
    [{ reminderOffsetsMinutes: [10] }, 'reminderOffsetsMinutes.0'],
    [{ reminderOffsetsMinutes: [20_161] }, 'reminderOffsetsMinutes.0'],
    [{ reminderOffsetsMinutes: [60, 60] }, 'reminderOffsetsMinutes'],
    [{ reminderOffsetsMinutes: [60, 120, 180, 240, 300] }, 'reminderOffsetsMinutes'],
    [{ quietHours: { start: '25:00', end: '07:00' } }, 'quietHours.start'],
    [{ quietHours: { start: '22:00', end: '22:00' } }, 'quietHours.end'],
    [{ channelOrder: [] }, 'channelOrder'],
    [{ channelOrder: ['sms', 'sms'] }, 'channelOrder'],
    [{ channelOrder: ['pigeon'] }, 'channelOrder.0'],
  ])('refuses %j naming %s, and changes nothing', async (change, field) => {
    const before = await callerAs(t.db, adminB).organization.messagingSettings();
    const error = await failure(() =>
      callerAs(t.db, adminB).organization.updateMessagingSettings({
        ...valid,
        channelOrder: [...valid.channelOrder],
        ...change,
      } as never),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(zodDetails(error.cause).map((d) => d.field)).toEqual([field]);
    expect(await callerAs(t.db, adminB).organization.messagingSettings()).toEqual(before);
  });

  it('lets a clinician neither read nor change them', async () => {
    const clinician = await staffOf(t.db, a, 'clinician');
    expect((await failure(() => callerAs(t.db, clinician).organization.messagingSettings())).code).toBe('FORBIDDEN');
  });
});
