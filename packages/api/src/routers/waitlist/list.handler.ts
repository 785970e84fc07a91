import { fullName } from '@carelane/core';
import {
  appointmentTypes,
  centres,
  clinicianProfiles,
  patients,
  staffUsers,
  waitlistEntries,
  waitlistOffers,
} from '@carelane/db';
import { arrayContains, asc, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { StaffContext } from '../../trpc';
import type { ListWaitlistInput, OfferState } from './list.schema';

export function offerState(offer: { status: 'open' | 'accepted' | 'lost'; expiresAt: Date }, now: Date): OfferState {
  if (offer.status === 'open') return offer.expiresAt <= now ? 'expired' : 'offered';
  return offer.status;
}

/**
 * The organization's waitlist for the front desk: who waits for what, since when, and the freed
 * times offered to them; plus the clinicians and specialisations to filter and add by.
 */
export async function listWaitlistHandler({ ctx, input }: { ctx: StaffContext; input: ListWaitlistInput }) {
  const wantedProfile = alias(clinicianProfiles, 'wanted_profile');
  const filters: SQL[] = [eq(waitlistEntries.status, input.status), isNull(patients.mergedIntoId)];
  if (input.clinicianId) filters.push(eq(waitlistEntries.clinicianId, input.clinicianId));
  if (input.specialisation) {
    const bySpecialisation = or(
      eq(waitlistEntries.specialisation, input.specialisation),
      arrayContains(wantedProfile.specialisations, [input.specialisation]),
    );
    if (bySpecialisation) filters.push(bySpecialisation);
  }
  const rows = await ctx.db
    .select({
      entry: waitlistEntries,
      type: { id: appointmentTypes.id, name: appointmentTypes.name, durationMinutes: appointmentTypes.durationMinutes },
      clinicianName: staffUsers.name,
      patient: {
        id: patients.id,
        firstName: patients.firstName,
        lastName: patients.lastName,
        mrn: patients.mrn,
        phone: patients.phone,
      },
    })
    .from(waitlistEntries)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, waitlistEntries.typeId))
    .innerJoin(patients, eq(patients.id, waitlistEntries.patientId))
    .leftJoin(staffUsers, eq(staffUsers.id, waitlistEntries.clinicianId))
    .leftJoin(wantedProfile, eq(wantedProfile.staffUserId, waitlistEntries.clinicianId))
    .where(ctx.tenant.where(waitlistEntries, ...filters))
    // The line is first come, first served; finished entries read newest first.
    .orderBy(input.status === 'waiting' ? asc(waitlistEntries.createdAt) : desc(waitlistEntries.createdAt))
    .limit(500);

  const offers = rows.length
    ? await ctx.db
        .select({
          id: waitlistOffers.id,
          entryId: waitlistOffers.entryId,
          startsAt: waitlistOffers.startsAt,
          expiresAt: waitlistOffers.expiresAt,
          status: waitlistOffers.status,
          clinicianName: staffUsers.name,
          centreName: centres.name,
          zone: centres.zone,
        })
        .from(waitlistOffers)
        .innerJoin(staffUsers, eq(staffUsers.id, waitlistOffers.clinicianId))
        .innerJoin(centres, eq(centres.id, waitlistOffers.centreId))
        .where(
          ctx.tenant.where(
            waitlistOffers,
            inArray(
              waitlistOffers.entryId,
              rows.map((r) => r.entry.id),
            ),
          ),
        )
        .orderBy(desc(waitlistOffers.createdAt))
    : [];

  const clinicians = await ctx.db
    .select({ id: staffUsers.id, name: staffUsers.name, specialisations: clinicianProfiles.specialisations })
    .from(staffUsers)
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.staffUserId, staffUsers.id))
    .where(ctx.tenant.where(staffUsers, eq(staffUsers.role, 'clinician'), eq(staffUsers.active, true)))
    .orderBy(asc(staffUsers.name));

  const now = new Date();
  return {
    entries: rows.map(({ entry, type, clinicianName, patient }) => ({
      id: entry.id,
      status: entry.status,
      createdAt: entry.createdAt,
      fromDate: entry.fromDate,
      toDate: entry.toDate,
      notes: entry.notes,
      specialisation: entry.specialisation,
      clinician: entry.clinicianId && clinicianName ? { id: entry.clinicianId, name: clinicianName } : null,
      type,
      patient: {
        id: patient.id,
        name: fullName(patient),
        mrn: patient.mrn,
        phone: patient.phone,
      },
      offers: offers
        .filter((o) => o.entryId === entry.id)
        .map(({ entryId: _entryId, status, ...o }) => ({ ...o, state: offerState({ status, ...o }, now) })),
    })),
    filters: {
      clinicians: clinicians.map((c) => ({ id: c.id, name: c.name, specialisations: c.specialisations ?? [] })),
      specialisations: [...new Set(clinicians.flatMap((c) => c.specialisations ?? []))].sort(),
    },
  };
}
