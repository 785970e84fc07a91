import type { PatientPrincipal } from '@carelane/auth';
import { localDate, zonedTime } from '@carelane/core';
import { appointments, appointmentTypes, availabilityExceptions, clinicianProfiles } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ScheduleCache } from '../src/scheduling/schedule-cache';
import { addDailyHours, callerAs, createClinic, createPatient, indiaTime, signedInPatient } from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let cache: ScheduleCache;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  await addDailyHours(t.db, clinic);
  cache = await new ScheduleCache(t.db).start();
});
afterAll(async () => {
  await cache.close();
  await t.close();
});

const site = (principal: PatientPrincipal | { kind: 'anonymous' } = { kind: 'anonymous' }) =>
  callerAs(t.db, principal, { audience: 'patient', siteOrganizationId: clinic.org.id, scheduleCache: cache });
const input = () => ({ clinicianId: clinic.clinician.id, typeId: clinic.type.id, days: 5 });
const offered = async () => (await site().availability.slots(input())).days.flatMap((d) => d.starts);

describe('cached slot search', () => {
  it('answers repeated searches from memory', async () => {
    const first = await offered();
    const before = { ...cache.stats };
    expect(await offered()).toEqual(first);
    expect(await offered()).toEqual(first);
    expect(cache.stats.hits - before.hits).toBe(2);
    expect(cache.stats.reads).toBe(before.reads);
  });

  it('drops a booked time as soon as the booking is committed, whoever wrote it', async () => {
    const start = indiaTime(2, 11);
    expect(await offered()).toContain(start.getTime());
    const patient = await createPatient(t.db, clinic.org.id);
    const principal = (await signedInPatient(t.db, patient.id)) as PatientPrincipal;
    await site(principal).portal.book({ clinicianId: clinic.clinician.id, typeId: clinic.type.id, startsAt: start });
    await expect.poll(offered).not.toContain(start.getTime());

    // A row written straight to the table (a script, another app) is heard just the same.
    const later = indiaTime(2, 14);
    expect(await offered()).toContain(later.getTime());
    await t.db.insert(appointments).values({
      organizationId: clinic.org.id,
      centreId: clinic.centre.id,
      clinicianId: clinic.clinician.id,
      patientId: patient.id,
      typeId: clinic.type.id,
      startsAt: later,
      endsAt: new Date(later.getTime() + 30 * 60_000),
      status: 'confirmed',
      source: 'dashboard',
      feeMinor: 0,
      currency: 'INR',
    });
    await expect.poll(offered).not.toContain(later.getTime());
  });

  it('follows time off, centre closures, types and profiles', async () => {
    const date = localDate(indiaTime(3, 12), 'Asia/Kolkata');
    const at = (hh: number) => zonedTime(date, hh, 0, 'Asia/Kolkata');
    expect(await offered()).toContain(at(10).getTime());

    const [timeOff] = await t.db
      .insert(availabilityExceptions)
      .values({
        organizationId: clinic.org.id,
        clinicianId: clinic.clinician.id,
        kind: 'time_off',
        startsAt: at(10),
        endsAt: at(11),
      })
      .returning();
    await expect.poll(offered).not.toContain(at(10).getTime());
    await t.db.delete(availabilityExceptions).where(eq(availabilityExceptions.id, timeOff?.id ?? ''));
    await expect.poll(offered).toContain(at(10).getTime());

    // A closure names the centre, not the clinician: the whole organization's entries go.
    await t.db.insert(availabilityExceptions).values({
      organizationId: clinic.org.id,
      centreId: clinic.centre.id,
      kind: 'closure',
      startsAt: at(12),
      endsAt: at(13),
    });
    await expect.poll(offered).not.toContain(at(12).getTime());

    await t.db
      .update(clinicianProfiles)
      .set({ listed: false })
      .where(eq(clinicianProfiles.staffUserId, clinic.clinician.id));
    await expect
      .poll(() =>
        site()
          .availability.slots(input())
          .then(
            () => 'listed',
            (e: { code: string }) => e.code,
          ),
      )
      .toBe('NOT_FOUND');
    await t.db
      .update(clinicianProfiles)
      .set({ listed: true })
      .where(eq(clinicianProfiles.staffUserId, clinic.clinician.id));
    await t.db.update(appointmentTypes).set({ active: false }).where(eq(appointmentTypes.id, clinic.type.id));
    await expect
      .poll(() =>
        site()
          .availability.slots(input())
          .then(
            () => 'active',
            (e: { code: string }) => e.code,
          ),
      )
      .toBe('NOT_FOUND');
    await t.db.update(appointmentTypes).set({ active: true }).where(eq(appointmentTypes.id, clinic.type.id));
    await expect.poll(offered).toContain(at(10).getTime());
  });

  it('does not keep a read that a change overtook', async () => {
    const key = { organizationId: clinic.org.id, clinicianId: clinic.clinician.id, typeId: clinic.type.id, days: 9 };
    const reading = cache.facts({ ...key, now: new Date() });
    cache.changed(`c:${clinic.clinician.id}`); // heard while the read is in flight
    await reading;
    const reads = cache.stats.reads;
    await cache.facts({ ...key, now: new Date() });
    expect(cache.stats.reads).toBe(reads + 1);
    await cache.facts({ ...key, now: new Date() });
    expect(cache.stats.reads).toBe(reads + 1);
  });
});
