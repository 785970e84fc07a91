import { initials, prepaymentMinor } from '@carelane/core';
import {
  appointmentTypes,
  centres,
  clinicianAppointmentTypes,
  clinicianProfiles,
  staffCentres,
  staffUsers,
} from '@carelane/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import type { ProfileInput } from './profile.schema';
import { publicTenant } from './public-organization';

/** A clinician's public page: profile, centres, and the appointment types patients can book. */
export async function profileHandler({ ctx, input }: { ctx: Context; input: ProfileInput }) {
  const tenant = publicTenant(ctx);
  const [row] = await ctx.db
    .select({ user: { id: staffUsers.id, name: staffUsers.name }, profile: clinicianProfiles })
    .from(clinicianProfiles)
    .innerJoin(staffUsers, eq(staffUsers.id, clinicianProfiles.staffUserId))
    .where(
      tenant.where(
        clinicianProfiles,
        eq(clinicianProfiles.slug, input.slug),
        eq(clinicianProfiles.listed, true),
        eq(staffUsers.active, true),
      ),
    );
  if (!row) throw notFound('Clinician');
  const { profile } = row;
  const workplaces = await ctx.db
    .select({
      id: centres.id,
      name: centres.name,
      city: centres.city,
      addressLine: centres.addressLine,
      zone: centres.zone,
    })
    .from(staffCentres)
    .innerJoin(centres, eq(centres.id, staffCentres.centreId))
    .where(and(eq(staffCentres.staffUserId, row.user.id), eq(centres.active, true)))
    .orderBy(asc(centres.name));
  const types = await ctx.db
    .select({
      id: appointmentTypes.id,
      name: appointmentTypes.name,
      durationMinutes: appointmentTypes.durationMinutes,
      priceMinor: appointmentTypes.priceMinor,
      currency: appointmentTypes.currency,
      colour: appointmentTypes.colour,
      mode: appointmentTypes.mode,
      requiresPrepayment: appointmentTypes.requiresPrepayment,
      depositMinor: appointmentTypes.depositMinor,
      lateCancellationHours: appointmentTypes.lateCancellationHours,
      lateCancellationPolicy: appointmentTypes.lateCancellationPolicy,
    })
    .from(appointmentTypes)
    // Only the types this clinician offers.
    .innerJoin(
      clinicianAppointmentTypes,
      and(
        tenant.owns(clinicianAppointmentTypes),
        eq(clinicianAppointmentTypes.typeId, appointmentTypes.id),
        eq(clinicianAppointmentTypes.clinicianId, row.user.id),
      ),
    )
    .where(
      tenant.where(
        appointmentTypes,
        eq(appointmentTypes.active, true),
        eq(appointmentTypes.onlineBookable, true),
        inArray(appointmentTypes.mode, profile.modes),
      ),
    )
    .orderBy(asc(appointmentTypes.durationMinutes), asc(appointmentTypes.name));
  return {
    id: row.user.id,
    name: row.user.name,
    initials: initials(row.user.name),
    slug: profile.slug,
    title: profile.title,
    specialisations: profile.specialisations,
    qualifications: profile.qualifications,
    languages: profile.languages,
    feeMinor: profile.feeMinor,
    currency: profile.currency,
    photoUrl: profile.photoUrl,
    bio: profile.bio,
    modes: profile.modes,
    centres: workplaces,
    // What a booking takes online; nothing when this server has no payment gateway (paid at the clinic).
    types: types.map((type) => ({
      ...type,
      prepaymentMinor: ctx.payments ? prepaymentMinor(type, type.priceMinor) : 0,
    })),
  };
}
