import type { StaffPrincipal } from '@carelane/auth';
import { isoWeekdayOf } from '@carelane/core';
import { appointments, auditLog, centres } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { zodDetails } from '../src/errors';
import { addDailyHours, callerAs, createClinic, offerTypes } from './fixtures';
import { insertVisit, staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let adminA: StaffPrincipal;
let managerA: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Centres A');
  b = await createClinic(t.db, 'Centres B');
  adminA = await staffOf(t.db, a, 'admin');
  managerA = await staffOf(t.db, a, 'manager');
});
afterAll(() => t.close());

const failure = async (run: () => Promise<unknown>) => {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};
const andheri = {
  name: 'Andheri',
  addressLine: '4 SV Road, Andheri West',
  city: 'Mumbai',
  postalCode: '400058',
  phone: '022 2670 5555',
  zone: 'Asia/Kolkata',
  mapUrl: 'https://maps.example.com/andheri',
  openingDays: [6, 1, 2, 3, 4, 5, 1],
};
async function centreRow(id: string) {
  const [row] = await t.db.select().from(centres).where(eq(centres.id, id));
  if (!row) throw new Error('no centre');
  return row;
}

describe('centres.create and update', () => {
  it('adds a centre with its phone normalised and opening days in order, audited', async () => {
    const created = await callerAs(t.db, managerA).centres.create(andheri);
    expect(created).toMatchObject({
      name: 'Andheri',
      phone: '+912226705555',
      zone: 'Asia/Kolkata',
      openingDays: [1, 2, 3, 4, 5, 6],
      active: true,
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'centre.create')));
    expect(entry).toMatchObject({ organizationId: a.org.id, success: true });
    const { centres: seen } = await callerAs(t.db, adminA).centres.details();
    expect(seen.map((c) => c.name)).toEqual(['Andheri', 'Main']);
  });

  it('edits a centre and refuses bad input by field, changing nothing', async () => {
    const [centre] = await t.db
      .select()
      .from(centres)
      .where(and(eq(centres.organizationId, a.org.id), eq(centres.name, 'Andheri')));
    if (!centre) throw new Error('no Andheri');
    const saved = await callerAs(t.db, adminA).centres.update({
      ...andheri,
      centreId: centre.id,
      mapUrl: '',
      phone: '',
      openingDays: [1, 2, 3, 4, 5],
    });
    expect(saved).toMatchObject({ mapUrl: null, phone: null, openingDays: [1, 2, 3, 4, 5] });

    const before = await centreRow(centre.id);
    const cases: Array<[Partial<typeof andheri>, string, RegExp]> = [
      [{ mapUrl: 'http://maps.example.com/x' }, 'mapUrl', /https/],
      [{ mapUrl: 'javascript:alert(1)' }, 'mapUrl', /https/],
      [{ openingDays: [] }, 'openingDays', /at least one/],
      [{ openingDays: [0, 8] }, 'openingDays.0', /Monday to Sunday/],
      [{ zone: 'Mars/Olympus' }, 'zone', /time zone/],
      [{ name: ' ' }, 'name', /centre name/],
      [{ phone: '12345' }, 'phone', /phone number/],
    ];
    for (const [fields, field, message] of cases) {
      const error = await failure(() =>
        callerAs(t.db, adminA).centres.update({ ...andheri, centreId: centre.id, ...fields }),
      );
      expect(error.code, field).toBe('BAD_REQUEST');
      const details = zodDetails(error.cause);
      expect(details[0]?.field, field).toBe(field);
      expect(details[0]?.message).toMatch(message);
    }
    expect(await centreRow(centre.id)).toEqual(before);
  });

  it('refuses a second centre of the same name with CONFLICT', async () => {
    const error = await failure(() => callerAs(t.db, adminA).centres.create({ ...andheri, name: 'Main' }));
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'A centre with this name already exists.' });
  });

  it('is FORBIDDEN to the front desk, who still read the centres they work at', async () => {
    const frontDesk = await staffOf(t.db, a, 'front_desk');
    const caller = callerAs(t.db, frontDesk);
    for (const run of [
      () => caller.centres.create(andheri),
      () => caller.centres.update({ ...andheri, centreId: a.centre.id }),
      () => caller.centres.archive({ centreId: a.centre.id }),
      () => caller.centres.restore({ centreId: a.centre.id }),
    ]) {
      expect((await failure(run)).code).toBe('FORBIDDEN');
    }
    const read = await caller.centres.details();
    expect(read).toMatchObject({ canManage: false, centres: [{ id: a.centre.id }] });
  });

  it('answers NOT_FOUND for another organization’s centre and changes nothing there', async () => {
    const before = await centreRow(b.centre.id);
    const caller = callerAs(t.db, adminA);
    for (const run of [
      () => caller.centres.update({ ...andheri, name: 'Taken', centreId: b.centre.id }),
      () => caller.centres.archive({ centreId: b.centre.id }),
      () => caller.centres.restore({ centreId: b.centre.id }),
    ]) {
      expect((await failure(run)).code).toBe('NOT_FOUND');
    }
    expect(await centreRow(b.centre.id)).toEqual(before);
  });
});

describe('centres.archive and restore', () => {
  it('refuses while visits are to come, counting them; archives once they are gone, and restores', async () => {
    const clinic = await createClinic(t.db, 'Archive clinic');
    const admin = await staffOf(t.db, clinic, 'admin');
    const caller = callerAs(t.db, admin);
    const second = await caller.centres.create({ ...andheri, openingDays: [1, 2, 3, 4, 5, 6, 7] });
    // Three visits to come (one cancelled, not counted), one in the past.
    const visits = [
      await insertVisit(t.db, clinic, clinic.patient.id, 3, 'confirmed'),
      await insertVisit(t.db, clinic, clinic.patient.id, 5, 'pending'),
      await insertVisit(t.db, clinic, clinic.patient.id, 9, 'cancelled'),
      await insertVisit(t.db, clinic, clinic.patient.id, -2, 'completed'),
    ];
    const first = visits[0]?.startsAt ?? new Date();
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'Asia/Kolkata' }).format(
      first,
    );
    const refused = await failure(() => caller.centres.archive({ centreId: clinic.centre.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      `Main has 2 upcoming visits from ${day}. Move or cancel them first (Calendar → Main).`,
    );
    expect((await centreRow(clinic.centre.id)).active).toBe(true);

    await t.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.centreId, clinic.centre.id));
    // The last open centre stays open.
    await caller.centres.archive({ centreId: second.id });
    const lastOne = await failure(() => caller.centres.archive({ centreId: clinic.centre.id }));
    expect(lastOne).toMatchObject({
      code: 'CONFLICT',
      message: 'Main is your only open centre. Add another centre before archiving it.',
    });
    await caller.centres.restore({ centreId: second.id });

    const archived = await caller.centres.archive({ centreId: clinic.centre.id });
    expect(archived.active).toBe(false);
    // Gone from pickers and the booking site, kept on the centres page for those who manage them.
    expect((await caller.centres.list()).map((c) => c.name)).toEqual(['Andheri']);
    const site = callerAs(t.db, { kind: 'anonymous' }, { audience: 'patient', siteOrganizationId: clinic.org.id });
    const directory = await site.clinicians.directory({});
    expect(directory.filters.centres.map((c) => c.name)).not.toContain('Main');
    expect((await caller.centres.details()).centres.map((c) => [c.name, c.active])).toEqual([
      ['Andheri', true],
      ['Main', false],
    ]);

    const restored = await caller.centres.restore({ centreId: clinic.centre.id });
    expect(restored.active).toBe(true);
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, clinic.centre.id), eq(auditLog.success, true)));
    expect(actions.map((e) => e.action)).toEqual(expect.arrayContaining(['centre.archive', 'centre.restore']));
  });
});

describe('opening days and free times', () => {
  it('offers no free times on a weekday the centre is closed', async () => {
    const clinic = await createClinic(t.db, 'Weekday clinic');
    await addDailyHours(t.db, clinic);
    await offerTypes(t.db, clinic.org.id, [clinic.clinician.id], [clinic.type.id]);
    const site = callerAs(t.db, { kind: 'anonymous' }, { audience: 'patient', siteOrganizationId: clinic.org.id });
    const search = () => site.availability.slots({ clinicianId: clinic.clinician.id, typeId: clinic.type.id, days: 8 });
    const open = await search();
    const weekdaysWithSlots = (days: typeof open.days) =>
      new Set(days.filter((d) => d.starts.length > 0).map((d) => isoWeekdayOf(d.date)));
    expect(weekdaysWithSlots(open.days).size).toBeGreaterThanOrEqual(6);

    const admin = await staffOf(t.db, clinic, 'admin');
    await callerAs(t.db, admin).centres.update({
      ...andheri,
      name: 'Main',
      centreId: clinic.centre.id,
      openingDays: [1, 2, 3, 4, 5, 6],
    });
    const closedSunday = await search();
    const withSlots = weekdaysWithSlots(closedSunday.days);
    expect(withSlots.has(7)).toBe(false);
    expect(withSlots.size).toBeGreaterThanOrEqual(5);
  });
});
