import { localDate } from '@carelane/core';
import {
  appointmentTypes,
  clinicianProfiles,
  type DbOrTx,
  patients,
  staffUsers,
  waitlistEntries,
  waitlistOffers,
} from '@carelane/db';
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Context } from '../context';
import { notifyPatient } from '../messaging/notify-patient';
import { tenantOf } from '../tenancy';
import { isSlotFree } from './find-slots';

/** How many waiting patients are told about one freed time; the first to book it wins. */
export const OFFERS_PER_SLOT = 3;
const OFFER_HOURS = 12;

export type FreedSlot = { organizationId: string; clinicianId: string; centreId: string; startsAt: Date; zone: string };

/**
 * When an appointment is cancelled or moved away, offer its time to the first matching waiting
 * patients through the outbox, in the same transaction as the change, on the first channel each
 * agreed to; the offer is also shown in My appointments.
 */
export async function offerFreedSlot(tx: DbOrTx, ctx: Pick<Context, 'secret' | 'bookingUrl'>, freed: FreedSlot) {
  if (freed.startsAt.getTime() <= Date.now()) return 0;
  const tenant = tenantOf(freed.organizationId);
  const date = localDate(freed.startsAt, freed.zone);
  const [clinician] = await tx
    .select({ name: staffUsers.name, specialisations: clinicianProfiles.specialisations })
    .from(staffUsers)
    .innerJoin(clinicianProfiles, eq(clinicianProfiles.staffUserId, staffUsers.id))
    .where(eq(staffUsers.id, freed.clinicianId));
  if (!clinician) return 0;
  const candidates = await tx
    .select({
      entry: waitlistEntries,
      patient: { id: patients.id },
    })
    .from(waitlistEntries)
    .innerJoin(patients, eq(patients.id, waitlistEntries.patientId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, waitlistEntries.typeId))
    .where(
      tenant.where(
        waitlistEntries,
        eq(waitlistEntries.status, 'waiting'),
        lte(waitlistEntries.fromDate, date),
        gte(waitlistEntries.toDate, date),
        isNull(patients.mergedIntoId),
        or(
          eq(waitlistEntries.clinicianId, freed.clinicianId),
          // A wish for a specialisation matches when this clinician has it among theirs.
          and(isNull(waitlistEntries.clinicianId), inArray(waitlistEntries.specialisation, clinician.specialisations)),
        ),
      ),
    )
    .orderBy(asc(waitlistEntries.createdAt))
    .limit(20);

  let offered = 0;
  for (const { entry, patient } of candidates) {
    if (offered >= OFFERS_PER_SLOT) break;
    // The freed start must suit this wish's type (length, buffers, notice) as the booking site would.
    const check = await isSlotFree(tx, {
      organizationId: freed.organizationId,
      clinicianId: freed.clinicianId,
      typeId: entry.typeId,
      startsAt: freed.startsAt,
      now: new Date(),
      audience: 'patient',
      patientId: patient.id,
    }).catch(() => null);
    if (!check?.free) continue;
    // Claimed before the message is written: a wish already offered this time (freed before, or by
    // a racing cancellation, which waits here until the other commits) gets no second offer or message,
    // and leaves its place to the next in line.
    const [claimed] = await tx
      .insert(waitlistOffers)
      .values(
        tenant.row({
          entryId: entry.id,
          centreId: freed.centreId,
          clinicianId: freed.clinicianId,
          startsAt: freed.startsAt,
          expiresAt: new Date(Math.min(freed.startsAt.getTime(), Date.now() + OFFER_HOURS * 3_600_000)),
        }),
      )
      .onConflictDoNothing({ target: [waitlistOffers.entryId, waitlistOffers.clinicianId, waitlistOffers.startsAt] })
      .returning({ id: waitlistOffers.id });
    if (!claimed) continue;
    const queued = await notifyPatient(tx, {
      organizationId: freed.organizationId,
      patientId: patient.id,
      kind: 'waitlist_offer',
      idempotencyKey: `waitlist_offer:${claimed.id}`,
      payload: {
        slotStartsAt: freed.startsAt.toISOString(),
        zone: freed.zone,
        clinicianName: clinician.name,
        link: `${ctx.bookingUrl}/appointments`,
      },
    });
    if (queued.id) {
      await tx
        .update(waitlistOffers)
        .set({ notificationId: queued.id })
        .where(tenant.where(waitlistOffers, eq(waitlistOffers.id, claimed.id)));
    }
    offered++;
  }
  return offered;
}
