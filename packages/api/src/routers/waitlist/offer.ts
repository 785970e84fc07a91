import { formatLocalTime, localDate } from '@carelane/core';
import {
  appointmentTypes,
  clinicianProfiles,
  type DbOrTx,
  organizations,
  patients,
  staffUsers,
  waitlistEntries,
  waitlistOffers,
} from '@carelane/db';
import { enqueueNotification } from '@carelane/integrations';
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Context } from '../../context';
import { isSlotFree } from '../availability/find-slots';

/** How many waiting patients are told about one freed time; the first to book it wins. */
export const OFFERS_PER_SLOT = 3;
const OFFER_HOURS = 12;

export type FreedSlot = { organizationId: string; clinicianId: string; centreId: string; startsAt: Date; zone: string };

/**
 * When an appointment is cancelled or moved away, offer its time to the first matching waiting
 * patients through the outbox, in the same transaction as the change. Only patients who consented
 * to WhatsApp or SMS are messaged; the offer is still shown to the others in My appointments.
 */
export async function offerFreedSlot(tx: DbOrTx, ctx: Pick<Context, 'secret' | 'bookingUrl'>, freed: FreedSlot) {
  if (freed.startsAt.getTime() <= Date.now()) return 0;
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
      patient: {
        id: patients.id,
        phone: patients.phone,
        consentSms: patients.consentSms,
        consentWhatsapp: patients.consentWhatsapp,
      },
      organizationName: organizations.name,
    })
    .from(waitlistEntries)
    .innerJoin(patients, eq(patients.id, waitlistEntries.patientId))
    .innerJoin(organizations, eq(organizations.id, waitlistEntries.organizationId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, waitlistEntries.typeId))
    .where(
      and(
        eq(waitlistEntries.organizationId, freed.organizationId),
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
  for (const { entry, patient, organizationName } of candidates) {
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
    const channel = patient.consentWhatsapp ? 'whatsapp' : patient.consentSms ? 'sms' : null;
    const when = `${localDate(freed.startsAt, freed.zone)} at ${formatLocalTime(freed.startsAt, freed.zone)}`;
    const notificationId =
      channel && patient.phone
        ? await enqueueNotification(
            tx,
            {
              organizationId: freed.organizationId,
              channel,
              template: 'waitlist_offer',
              recipient: patient.phone,
              payload: {
                organizationName,
                when,
                clinicianName: clinician.name,
                link: `${ctx.bookingUrl}/appointments`,
              },
              patientId: patient.id,
            },
            ctx.secret,
          )
        : null;
    await tx.insert(waitlistOffers).values({
      organizationId: freed.organizationId,
      entryId: entry.id,
      centreId: freed.centreId,
      clinicianId: freed.clinicianId,
      startsAt: freed.startsAt,
      expiresAt: new Date(Math.min(freed.startsAt.getTime(), Date.now() + OFFER_HOURS * 3_600_000)),
      notificationId,
    });
    offered++;
  }
  return offered;
}
