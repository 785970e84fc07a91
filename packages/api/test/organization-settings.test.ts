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
  a = await createClinic(t.db, 'Settings A');
  b = await createClinic(t.db, 'Settings B');
  adminA = await staffOf(t.db, a, 'admin');
  adminB = await staffOf(t.db, b, 'admin');
});
afterAll(() => t.close());

const failure = async (run: () => Promise<unknown>) => {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

async function orgRow(id: string) {
  const [row] = await t.db.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw new Error('no organization');
  return row;
}

describe('organization.settings', () => {
  it('shows any staff member their own organization, with the logo id from branding', async () => {
    await t.db
      .update(organizations)
      .set({ branding: { logoFileId: '7d0f3c1e-58a4-4b53-9a1e-0c6a0b1d2e3f' } })
      .where(eq(organizations.id, a.org.id));
    const frontDesk = await staffOf(t.db, a, 'front_desk');
    const seen = await callerAs(t.db, frontDesk).organization.settings();
    expect(seen).toMatchObject({
      id: a.org.id,
      name: 'Settings A',
      zone: 'Asia/Kolkata',
      currency: 'INR',
      country: 'IN',
      logoFileId: '7d0f3c1e-58a4-4b53-9a1e-0c6a0b1d2e3f',
      hasLogo: true,
      canEdit: false,
    });
    const theirs = await callerAs(t.db, adminB).organization.settings();
    expect(theirs).toMatchObject({ id: b.org.id, name: 'Settings B', logoFileId: null, hasLogo: false, canEdit: true });
  });
});

describe('organization.update', () => {
  it('renames and moves the zone, and audits the change with a diff', async () => {
    const saved = await callerAs(t.db, adminA).organization.update({
      name: '  Settings A Renamed ',
      zone: 'europe/london',
    });
    expect(saved).toMatchObject({ name: 'Settings A Renamed', zone: 'Europe/London' });
    expect(await orgRow(a.org.id)).toMatchObject({ name: 'Settings A Renamed', defaultZone: 'Europe/London' });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, a.org.id), eq(auditLog.action, 'organization.update')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: adminA.userId,
      entity: 'organization',
      entityId: a.org.id,
      success: true,
      changes: {
        name: { from: 'Settings A', to: 'Settings A Renamed' },
        zone: { from: 'Asia/Kolkata', to: 'Europe/London' },
      },
    });
    // Back again, so the zone alias clinics use stays valid as typed.
    await callerAs(t.db, adminA).organization.update({ name: 'Settings A', zone: 'Asia/Kolkata' });
    expect(await orgRow(a.org.id)).toMatchObject({ name: 'Settings A', defaultZone: 'Asia/Kolkata' });
  });

  it('is FORBIDDEN to every role but admin, and changes nothing', async () => {
    for (const role of ['manager', 'centre_manager', 'clinician', 'care_coordinator', 'front_desk'] as const) {
      const staff = await staffOf(t.db, a, role);
      const error = await failure(() => callerAs(t.db, staff).organization.update({ name: 'Taken over', zone: 'UTC' }));
      expect(error.code, role).toBe('FORBIDDEN');
    }
    // The attempts are on record as failures.
    const attempts = await t.db
      .select({ success: auditLog.success })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, a.org.id), eq(auditLog.action, 'organization.update')));
    expect(attempts.filter((e) => !e.success)).toHaveLength(5);
    expect(await orgRow(a.org.id)).toMatchObject({ name: 'Settings A', defaultZone: 'Asia/Kolkata' });
  });

  it('names the field on bad input and changes nothing', async () => {
    const before = await orgRow(a.org.id);
    const badZone = await failure(() =>
      callerAs(t.db, adminA).organization.update({ name: 'Settings A', zone: 'Mars/Olympus' }),
    );
    expect(badZone.code).toBe('BAD_REQUEST');
    expect(zodDetails(badZone.cause)).toEqual([
      { field: 'zone', message: 'Choose a time zone from the list, like Asia/Kolkata' },
    ]);
    const offset = await failure(() =>
      callerAs(t.db, adminA).organization.update({ name: 'Settings A', zone: '+05:30' }),
    );
    expect(zodDetails(offset.cause).map((d) => d.field)).toEqual(['zone']);
    const blank = await failure(() => callerAs(t.db, adminA).organization.update({ name: ' ', zone: 'UTC' }));
    expect(zodDetails(blank.cause)).toEqual([{ field: 'name', message: 'Enter the organization name' }]);
    const after = await orgRow(a.org.id);
    expect(after).toMatchObject({ name: before.name, defaultZone: before.defaultZone, updatedAt: before.updatedAt });
  });

  it('only ever changes the caller’s own organization, whatever else is sent', async () => {
    // An organization id in the input is not part of the schema: it is dropped, never used.
    const sneaky = { name: 'B Renamed', zone: 'UTC', id: a.org.id, organizationId: a.org.id };
    const saved = await callerAs(t.db, adminB).organization.update(sneaky);
    expect(saved.id).toBe(b.org.id);
    expect(await orgRow(b.org.id)).toMatchObject({ name: 'B Renamed', defaultZone: 'UTC' });
    expect(await orgRow(a.org.id)).toMatchObject({ name: 'Settings A', defaultZone: 'Asia/Kolkata' });
    expect((await callerAs(t.db, adminA).organization.settings()).name).toBe('Settings A');
    const changes = await t.db
      .select({ organizationId: auditLog.organizationId, entityId: auditLog.entityId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'organization.update'), eq(auditLog.success, true)));
    expect(changes.filter((e) => e.entityId === b.org.id)).toEqual([{ organizationId: b.org.id, entityId: b.org.id }]);
    expect(changes.every((e) => e.entityId === e.organizationId)).toBe(true);
  });
});
