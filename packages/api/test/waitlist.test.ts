import type { PatientPrincipal } from '@carelane/auth';
import { addLocalDays, localDate } from '@carelane/core';
import { notifications, waitlistEntries, waitlistOffers } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDailyHours, callerAs, createClinic, createPatient, indiaTime, signedInPatient } from './fixtures';

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
const site = (principal: PatientPrincipal) =>
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
    const messages = await t.db.select().from(notifications).where(eq(notifications.template, 'waitlist_offer'));
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
  });
});
