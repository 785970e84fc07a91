import type { StaffPrincipal } from '@carelane/auth';
import { appointments, createDb, type DbClient } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addAllDayHours,
  callerAs,
  createClinic,
  createPatient,
  createStaff,
  offerTypes,
  signedInStaff,
} from './fixtures';

// Racing writers to one clinician's schedule queue on a lock (scheduling/clash.ts) instead of
// waiting on each other's uncommitted rows. To prove no writer ever waits that way, deadlock
// detection is pushed out of reach here: a writer that did would hang this file until it times out.
let t: TestDatabase;
let racing: DbClient;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let desk: StaffPrincipal;
let otherClinicianId: string;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  await t.db.execute(sql.raw(`alter database "${t.name}" set deadlock_timeout = '10min'`));
  racing = createDb(t.url, { max: 10 });
  clinic = await createClinic(t.db);
  const fd = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
  desk = (await signedInStaff(t.db, fd.id)).principal as StaffPrincipal;
  otherClinicianId = (await createStaff(t.db, clinic.org.id, clinic.centre.id, 'clinician')).id;
  await addAllDayHours(t.db, clinic, [clinic.clinician.id, otherClinicianId]);
  await offerTypes(t.db, clinic.org.id, [otherClinicianId], [clinic.type.id]);
});
afterAll(async () => {
  await racing.close();
  await t.close();
});

// 09:00 India time on a fixed future day, plus minutes.
const at = (minutes: number) => new Date(Date.UTC(2030, 2, 12, 3, 30 + minutes));
const desk$ = () => callerAs(racing.db, desk);

function settled(results: PromiseSettledResult<unknown>[]) {
  const refused = results.filter((r) => r.status === 'rejected');
  const unexpected = refused.filter((r) => !(r.reason instanceof TRPCError && r.reason.code === 'CONFLICT'));
  return { ok: results.length - refused.length, conflicts: refused.length - unexpected.length, unexpected };
}

async function overlaps(clinicianId: string) {
  const rows = await t.db
    .select({ startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .where(and(eq(appointments.clinicianId, clinicianId), ne(appointments.status, 'cancelled')))
    .orderBy(appointments.startsAt);
  return rows.filter((row, i) => i > 0 && (rows[i - 1]?.endsAt ?? row.startsAt) > row.startsAt).length;
}

describe('racing writers to one schedule', () => {
  it('60 bookings at 5-minute steps (30-minute visits) all answer: the free ones booked, the rest CONFLICT', async () => {
    const patients = await Promise.all(Array.from({ length: 60 }, () => createPatient(t.db, clinic.org.id)));
    const results = await Promise.allSettled(
      patients.map((patient, i) =>
        desk$().appointments.create({
          centreId: clinic.centre.id,
          clinicianId: clinic.clinician.id,
          patientId: patient.id,
          typeId: clinic.type.id,
          startsAt: at(i * 5),
        }),
      ),
    );
    const { ok, conflicts, unexpected } = settled(results);
    expect(unexpected).toEqual([]);
    expect(ok).toBeGreaterThanOrEqual(1);
    expect(ok + conflicts).toBe(60);
    const [stored] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointments)
      .where(eq(appointments.clinicianId, clinic.clinician.id));
    expect(stored?.n).toBe(ok);
    expect(await overlaps(clinic.clinician.id)).toBe(0);
  });

  it('moves in both directions between two clinicians at once all answer, and neither schedule overlaps', async () => {
    const day = 24 * 60;
    const book = async (clinicianId: string, minutes: number) =>
      desk$().appointments.create({
        centreId: clinic.centre.id,
        clinicianId,
        patientId: (await createPatient(t.db, clinic.org.id)).id,
        typeId: clinic.type.id,
        startsAt: at(day + minutes),
      });
    // Ten visits each, an hour apart; each moves to the other clinician's time of the next one.
    const mine = await Promise.all(Array.from({ length: 10 }, (_, i) => book(clinic.clinician.id, i * 60)));
    const theirs = await Promise.all(Array.from({ length: 10 }, (_, i) => book(otherClinicianId, i * 60)));
    const results = await Promise.allSettled([
      ...mine.map((a, i) =>
        desk$().appointments.reschedule({
          id: a.id,
          clinicianId: otherClinicianId,
          startsAt: at(day + ((i + 1) % 10) * 60),
        }),
      ),
      ...theirs.map((a, i) =>
        desk$().appointments.reschedule({
          id: a.id,
          clinicianId: clinic.clinician.id,
          startsAt: at(day + ((i + 1) % 10) * 60),
        }),
      ),
    ]);
    const { ok, conflicts, unexpected } = settled(results);
    expect(unexpected).toEqual([]);
    expect(ok + conflicts).toBe(20);
    expect(await overlaps(clinic.clinician.id)).toBe(0);
    expect(await overlaps(otherClinicianId)).toBe(0);
  });
});
