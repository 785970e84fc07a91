import type { PatientPrincipal, StaffPrincipal } from '@carelane/auth';
import { addLocalDays, localDate } from '@carelane/core';
import {
  appointments,
  auditLog,
  clinicianProfiles,
  notifications,
  pgErrorInfo,
  waitlistEntries,
  waitlistOffers,
} from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addDailyHours,
  callerAs,
  createClinic,
  createPatient,
  createStaff,
  indiaTime,
  offerTypes,
  signedInPatient,
  signedInStaff,
} from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  await addDailyHours(t.db, clinic);
});
afterAll(() => t.close());

async function newPatient() {
  const patient = await createPatient(t.db, clinic.org.id);
  return { patient, principal: (await signedInPatient(t.db, patient.id)) as PatientPrincipal };
}
const site = (principal: PatientPrincipal | { kind: 'anonymous' }) =>
  callerAs(t.db, principal, { audience: 'patient', siteOrganizationId: clinic.org.id });
const today = () => localDate(new Date(), 'Asia/Kolkata');

describe('waitlist', () => {
  it('a freed slot is offered to the first three in line, and the first to accept gets it', async () => {
    const holder = await newPatient();
    const start = indiaTime(4, 10);
    const booked = await site(holder.principal).portal.book({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      startsAt: start,
    });

    const line = [await newPatient(), await newPatient(), await newPatient(), await newPatient()];
    for (const p of line) {
      await site(p.principal).waitlist.join({
        clinicianId: clinic.clinician.id,
        typeId: clinic.type.id,
        // Only day 4, so the later tests' freed times are not offered to this line.
        fromDate: addLocalDays(today(), 4),
        toDate: addLocalDays(today(), 4),
      });
    }
    await site(holder.principal).portal.cancel({ appointmentId: booked.id });

    const offers = await t.db.select().from(waitlistOffers);
    expect(offers).toHaveLength(3);
    const messages = await t.db.select().from(notifications).where(eq(notifications.kind, 'waitlist_offer'));
    expect(messages.map((m) => m.recipient).sort()).toEqual(
      line
        .slice(0, 3)
        .map((p) => p.patient.phone)
        .sort(),
    );
    expect(messages[0]?.payload).toMatchObject({ link: 'http://localhost:3001/appointments' });

    const [first, second, third, fourth] = line;
    if (!first || !second || !third || !fourth) throw new Error('line');
    const mine = await site(second.principal).waitlist.mine();
    expect(mine.offers).toHaveLength(1);
    const secondOffer = mine.offers[0];
    if (!secondOffer) throw new Error('no offer');
    await expect(site(second.principal).waitlist.acceptOffer({ offerId: secondOffer.id })).resolves.toMatchObject({
      status: 'confirmed',
    });
    const firstOffer = (await site(first.principal).waitlist.mine()).offers[0];
    expect(firstOffer).toBeUndefined();
    const [lostOffer] = await t.db
      .select()
      .from(waitlistOffers)
      .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
      .where(eq(waitlistEntries.patientId, first.patient.id));
    await expect(
      site(first.principal).waitlist.acceptOffer({ offerId: lostOffer?.waitlist_offers.id ?? '' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await site(fourth.principal).waitlist.mine()).offers).toHaveLength(0);
    const entries = await t.db.select().from(waitlistEntries);
    expect(entries.find((e) => e.patientId === second.patient.id)?.status).toBe('booked');
    expect(entries.find((e) => e.patientId === first.patient.id)?.status).toBe('waiting');
  });

  it('two patients accepting at once: exactly one books', async () => {
    const holder = await newPatient();
    const start = indiaTime(5, 11);
    const booked = await site(holder.principal).portal.book({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      startsAt: start,
    });
    const a = await newPatient();
    const b = await newPatient();
    for (const p of [a, b]) {
      await site(p.principal).waitlist.join({
        specialisation: 'General practice',
        typeId: clinic.type.id,
        fromDate: addLocalDays(today(), 5),
        toDate: addLocalDays(today(), 5),
      });
    }
    await site(holder.principal).portal.cancel({ appointmentId: booked.id });
    const offerA = (await site(a.principal).waitlist.mine()).offers[0];
    const offerB = (await site(b.principal).waitlist.mine()).offers[0];
    if (!offerA || !offerB) throw new Error('expected offers for both');
    const results = await Promise.allSettled([
      site(a.principal).waitlist.acceptOffer({ offerId: offerA.id }),
      site(b.principal).waitlist.acceptOffer({ offerId: offerB.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected');
    expect(loser?.status === 'rejected' && loser.reason).toMatchObject({ code: 'CONFLICT' });
  });

  it("a patient cannot take another patient's offer, and leaving the waitlist stops offers", async () => {
    const holder = await newPatient();
    const start = indiaTime(6, 12);
    const booked = await site(holder.principal).portal.book({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      startsAt: start,
    });
    const waiting = await newPatient();
    const nosy = await newPatient();
    const entry = await site(waiting.principal).waitlist.join({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      fromDate: addLocalDays(today(), 6),
      toDate: addLocalDays(today(), 6),
    });
    const leaver = await newPatient();
    const left = await site(leaver.principal).waitlist.join({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      fromDate: addLocalDays(today(), 6),
      toDate: addLocalDays(today(), 6),
    });
    await site(leaver.principal).waitlist.leave({ id: left.id });
    await site(holder.principal).portal.cancel({ appointmentId: booked.id });
    const offer = (await site(waiting.principal).waitlist.mine()).offers[0];
    if (!offer) throw new Error('expected an offer');
    expect(offer.entryId).toBe(entry.id);
    await expect(site(nosy.principal).waitlist.acceptOffer({ offerId: offer.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await site(leaver.principal).waitlist.mine()).offers).toHaveLength(0);

    // Leaving after the offer was made voids it: the time stays free for others.
    await site(waiting.principal).waitlist.leave({ id: entry.id });
    await expect(site(waiting.principal).waitlist.acceptOffer({ offerId: offer.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('no longer on this waitlist'),
    });
    const stillFree = await site({ kind: 'anonymous' }).availability.slots({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      from: addLocalDays(today(), 6),
      days: 1,
    });
    expect(stillFree.days.flatMap((d) => d.starts)).toContain(start.getTime());
  });

  it('accepting an offer books and settles the wish in one transaction: a failure in between books nothing', async () => {
    const holder = await newPatient();
    const start = indiaTime(8, 14);
    const booked = await site(holder.principal).portal.book({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      startsAt: start,
    });
    const waiting = await newPatient();
    const entry = await site(waiting.principal).waitlist.join({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      fromDate: addLocalDays(today(), 8),
      toDate: addLocalDays(today(), 8),
    });
    await site(holder.principal).portal.cancel({ appointmentId: booked.id });
    const offer = (await site(waiting.principal).waitlist.mine()).offers[0];
    if (!offer) throw new Error('expected an offer');

    // Marking this entry booked fails, after the appointment is inserted (as a dropped connection would).
    await t.db.execute(
      sql.raw(
        `create function fail_settling() returns trigger language plpgsql as $$ begin raise exception 'settling failed'; end $$`,
      ),
    );
    await t.db.execute(
      sql.raw(
        `create trigger fail_settling before update on waitlist_entries for each row
         when (new.id = '${entry.id}' and new.status = 'booked') execute function fail_settling()`,
      ),
    );
    try {
      await expect(site(waiting.principal).waitlist.acceptOffer({ offerId: offer.id })).rejects.toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
      });
    } finally {
      await t.db.execute(sql.raw('drop trigger fail_settling on waitlist_entries'));
      await t.db.execute(sql.raw('drop function fail_settling()'));
    }
    expect(await t.db.select().from(appointments).where(eq(appointments.patientId, waiting.patient.id))).toEqual([]);
    const [still] = await t.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, entry.id));
    expect(still?.status).toBe('waiting');
    const [open] = await t.db.select().from(waitlistOffers).where(eq(waitlistOffers.id, offer.id));
    expect(open?.status).toBe('open');

    // Nothing was half done: the same offer can still be taken.
    await expect(site(waiting.principal).waitlist.acceptOffer({ offerId: offer.id })).resolves.toMatchObject({
      startsAt: start,
      status: 'confirmed',
    });
    const [settled] = await t.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, entry.id));
    expect(settled?.status).toBe('booked');
  });
  it('the same freed time is offered to a patient once, however often it is freed again', async () => {
    const holder = await newPatient();
    const start = indiaTime(9, 15);
    const book = () =>
      site(holder.principal).portal.book({ clinicianId: clinic.clinician.id, typeId: clinic.type.id, startsAt: start });
    const waiting = await newPatient();
    const entry = await site(waiting.principal).waitlist.join({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      fromDate: addLocalDays(today(), 9),
      toDate: addLocalDays(today(), 9),
    });
    await site(holder.principal).portal.cancel({ appointmentId: (await book()).id });
    // Booked again and cancelled again: the time is freed a second time.
    const later = await newPatient();
    await site(later.principal).waitlist.join({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      fromDate: addLocalDays(today(), 9),
      toDate: addLocalDays(today(), 9),
    });
    await site(holder.principal).portal.cancel({ appointmentId: (await book()).id });

    const offersTo = (entryId: string) => t.db.select().from(waitlistOffers).where(eq(waitlistOffers.entryId, entryId));
    expect(await offersTo(entry.id)).toHaveLength(1);
    const messages = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'waitlist_offer'), eq(notifications.patientId, waiting.patient.id)));
    expect(messages).toHaveLength(1);
    expect((await offersTo(entry.id))[0]?.notificationId).toBe(messages[0]?.id);
    // Whoever joined in between is still told about the time.
    expect((await site(later.principal).waitlist.mine()).offers).toHaveLength(1);

    // The database refuses a second offer of the same time on the same wish.
    const [first] = await offersTo(entry.id);
    if (!first) throw new Error('expected an offer');
    const { id: _id, createdAt: _createdAt, ...again } = first;
    const refused = await t.db
      .insert(waitlistOffers)
      .values(again)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(pgErrorInfo(refused)?.code).toBe('23505');
  });
});

describe('waitlist for the front desk', () => {
  async function frontDeskOf(c: Awaited<ReturnType<typeof createClinic>>) {
    const user = await createStaff(t.db, c.org.id, c.centre.id, 'front_desk');
    return callerAs(t.db, (await signedInStaff(t.db, user.id)).principal as StaffPrincipal);
  }
  // Days 20 and later, so the freed times of the tests above are never offered to these wishes.
  const wish = (days: number) => ({ fromDate: addLocalDays(today(), days), toDate: addLocalDays(today(), days + 7) });

  it('adds a patient with notes, lists who waits for what with their offers, and removes them', async () => {
    const desk = await frontDeskOf(clinic);
    const { patient, principal } = await newPatient();
    const entry = await desk.waitlist.add({
      patientId: patient.id,
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      ...wish(20),
      notes: '  Mornings only  ',
    });
    expect(entry.notes).toBe('Mornings only');

    // One offer in each state; an open offer past its expiry reads as expired.
    const offer = (startsAt: Date, expiresAt: Date, status: 'open' | 'accepted' | 'lost') => ({
      organizationId: clinic.org.id,
      entryId: entry.id,
      centreId: clinic.centre.id,
      clinicianId: clinic.clinician.id,
      startsAt,
      expiresAt,
      status,
    });
    const hourAgo = new Date(Date.now() - 3_600_000);
    const inAnHour = new Date(Date.now() + 3_600_000);
    await t.db
      .insert(waitlistOffers)
      .values([
        offer(indiaTime(21, 9), inAnHour, 'open'),
        offer(indiaTime(21, 10), hourAgo, 'open'),
        offer(indiaTime(21, 11), hourAgo, 'lost'),
        offer(indiaTime(21, 12), hourAgo, 'accepted'),
      ]);

    const { entries, filters } = await desk.waitlist.list();
    const listed = entries.find((e) => e.id === entry.id);
    expect(listed).toMatchObject({
      status: 'waiting',
      notes: 'Mornings only',
      clinician: { id: clinic.clinician.id, name: clinic.clinician.name },
      specialisation: null,
      type: { id: clinic.type.id, name: 'Consultation', durationMinutes: 30 },
      patient: { id: patient.id, name: 'Test Patient', mrn: patient.mrn, phone: patient.phone },
      ...wish(20),
    });
    expect(listed?.offers.map((o) => o.state).sort()).toEqual(['accepted', 'expired', 'lost', 'offered']);
    expect(listed?.offers[0]).toMatchObject({ clinicianName: clinic.clinician.name, centreName: 'Main' });
    expect(filters.clinicians).toContainEqual({
      id: clinic.clinician.id,
      name: clinic.clinician.name,
      specialisations: ['General practice'],
    });
    expect(filters.specialisations).toContain('General practice');

    // The patient sees their wish, never the front desk's notes.
    const mine = await site(principal).waitlist.mine();
    expect(mine.entries.find((e) => e.id === entry.id)).not.toHaveProperty('notes');

    await desk.waitlist.remove({ id: entry.id });
    expect((await desk.waitlist.list()).entries.some((e) => e.id === entry.id)).toBe(false);
    const removed = await desk.waitlist.list({ status: 'cancelled' });
    expect(removed.entries.find((e) => e.id === entry.id)?.status).toBe('cancelled');
    await expect(desk.waitlist.remove({ id: entry.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const actions = await t.db
      .select({ action: auditLog.action, success: auditLog.success })
      .from(auditLog)
      .where(eq(auditLog.entityId, entry.id));
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'waitlist.add', success: true },
        { action: 'waitlist.remove', success: true },
      ]),
    );
  });

  it('filters by clinician, by specialisation (named or through the clinician) and by status', async () => {
    const desk = await frontDeskOf(clinic);
    const dentist = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'clinician');
    await t.db.insert(clinicianProfiles).values({
      staffUserId: dentist.id,
      organizationId: clinic.org.id,
      slug: `dentist-${dentist.id}`,
      specialisations: ['Dentistry'],
      languages: ['English'],
      feeMinor: 60_000,
      currency: 'INR',
    });
    await offerTypes(t.db, clinic.org.id, [dentist.id], [clinic.type.id]);
    const add = async (want: { clinicianId: string } | { specialisation: string }) =>
      desk.waitlist.add({
        patientId: (await createPatient(t.db, clinic.org.id)).id,
        typeId: clinic.type.id,
        ...want,
        ...wish(30),
      });
    const withDentist = await add({ clinicianId: dentist.id });
    const anyDentist = await add({ specialisation: 'Dentistry' });
    const withGp = await add({ clinicianId: clinic.clinician.id });
    const ids = (list: { entries: Array<{ id: string }> }) =>
      list.entries.map((e) => e.id).filter((id) => [withDentist.id, anyDentist.id, withGp.id].includes(id));

    expect(ids(await desk.waitlist.list({ clinicianId: dentist.id }))).toEqual([withDentist.id]);
    expect(ids(await desk.waitlist.list({ specialisation: 'Dentistry' }))).toEqual([withDentist.id, anyDentist.id]);
    expect(ids(await desk.waitlist.list({ specialisation: 'General practice' }))).toEqual([withGp.id]);
    expect(ids(await desk.waitlist.list())).toEqual([withDentist.id, anyDentist.id, withGp.id]);

    await t.db.update(waitlistEntries).set({ status: 'booked' }).where(eq(waitlistEntries.id, withGp.id));
    expect(ids(await desk.waitlist.list({ status: 'booked' }))).toEqual([withGp.id]);
    expect(ids(await desk.waitlist.list())).toEqual([withDentist.id, anyDentist.id]);
    expect((await desk.waitlist.list()).filters.specialisations).toEqual(['Dentistry', 'General practice']);
  });

  it('asks for a clinician or a specialisation, and checks the dates', async () => {
    const desk = await frontDeskOf(clinic);
    const patientId = (await createPatient(t.db, clinic.org.id)).id;
    await expect(desk.waitlist.add({ patientId, typeId: clinic.type.id, ...wish(20) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      desk.waitlist.add({
        patientId,
        clinicianId: clinic.clinician.id,
        typeId: clinic.type.id,
        fromDate: addLocalDays(today(), 25),
        toDate: addLocalDays(today(), 20),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const [entry] = await t.db.select().from(waitlistEntries).where(eq(waitlistEntries.patientId, patientId));
    expect(entry).toBeUndefined();
  });

  it("another clinic's staff neither see nor change this clinic's waitlist", async () => {
    const desk = await frontDeskOf(clinic);
    const patient = await createPatient(t.db, clinic.org.id);
    const entry = await desk.waitlist.add({
      patientId: patient.id,
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      ...wish(40),
    });
    const other = await createClinic(t.db, 'Other Clinic');
    const outsider = await frontDeskOf(other);

    const seen = await outsider.waitlist.list();
    expect(seen.entries).toEqual([]);
    expect(seen.filters.clinicians.map((c) => c.id)).toEqual([other.clinician.id]);
    expect((await outsider.waitlist.list({ clinicianId: clinic.clinician.id })).entries).toEqual([]);
    await expect(outsider.waitlist.remove({ id: entry.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Our patient, clinician or type, each with the rest of their own.
    const theirs = { patientId: other.patient.id, clinicianId: other.clinician.id, typeId: other.type.id };
    for (const ours of [{ patientId: patient.id }, { clinicianId: clinic.clinician.id }, { typeId: clinic.type.id }]) {
      await expect(outsider.waitlist.add({ ...theirs, ...ours, ...wish(40) })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }

    const [still] = await t.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, entry.id));
    expect(still?.status).toBe('waiting');
    expect(await t.db.select().from(waitlistEntries).where(eq(waitlistEntries.organizationId, other.org.id))).toEqual(
      [],
    );
    const failed = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, other.org.id), eq(auditLog.success, false)));
    expect(failed.map((f) => f.action)).toEqual(expect.arrayContaining(['waitlist.remove', 'waitlist.add']));
  });
});

describe('waitlist offers by specialisation', () => {
  it("a wish for any clinician of a specialisation matches any of a clinician's specialisations", async () => {
    // Runs last: gives the clinic's clinician a second specialisation.
    await t.db
      .update(clinicianProfiles)
      .set({ specialisations: ['General practice', 'Diabetes care'] })
      .where(eq(clinicianProfiles.staffUserId, clinic.clinician.id));
    const holder = await newPatient();
    const booked = await site(holder.principal).portal.book({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      startsAt: indiaTime(7, 13),
    });
    const waiting = await newPatient();
    await site(waiting.principal).waitlist.join({
      specialisation: 'Diabetes care',
      typeId: clinic.type.id,
      fromDate: addLocalDays(today(), 7),
      toDate: addLocalDays(today(), 7),
    });
    await site(holder.principal).portal.cancel({ appointmentId: booked.id });
    expect((await site(waiting.principal).waitlist.mine()).offers).toHaveLength(1);
  });
});
