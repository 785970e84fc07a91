import { initials } from '@carelane/core';
import {
  appointmentTypes,
  centres,
  clinicianAppointmentTypes,
  clinicianProfiles,
  organizations,
  staffCentres,
  staffUsers,
} from '@carelane/db';
import { and, asc, eq, exists, inArray, sql } from 'drizzle-orm';
import type { Context } from '../../context';
import type { DirectoryInput } from './directory.schema';
import { publicTenant } from './public-organization';

/** The public clinician directory with the filters it can be narrowed by. */
export async function directoryHandler({ ctx, input }: { ctx: Context; input: DirectoryInput }) {
  const tenant = publicTenant(ctx);
  const [organization] = await ctx.db
    .select({ name: organizations.name, currency: organizations.currency })
    .from(organizations)
    .where(tenant.organization());
  const profiles = await ctx.db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      slug: clinicianProfiles.slug,
      title: clinicianProfiles.title,
      specialisations: clinicianProfiles.specialisations,
      qualifications: clinicianProfiles.qualifications,
      languages: clinicianProfiles.languages,
      feeMinor: clinicianProfiles.feeMinor,
      currency: clinicianProfiles.currency,
      photoUrl: clinicianProfiles.photoUrl,
      bio: clinicianProfiles.bio,
      modes: clinicianProfiles.modes,
    })
    .from(clinicianProfiles)
    .innerJoin(staffUsers, eq(staffUsers.id, clinicianProfiles.staffUserId))
    .where(tenant.where(clinicianProfiles, eq(clinicianProfiles.listed, true), eq(staffUsers.active, true)))
    .orderBy(asc(clinicianProfiles.directoryOrder), asc(staffUsers.name));
  const workplaces = profiles.length
    ? await ctx.db
        .select({ staffUserId: staffCentres.staffUserId, id: centres.id, name: centres.name, city: centres.city })
        .from(staffCentres)
        .innerJoin(centres, eq(centres.id, staffCentres.centreId))
        .where(
          and(
            inArray(
              staffCentres.staffUserId,
              profiles.map((p) => p.id),
            ),
            eq(centres.active, true),
          ),
        )
        .orderBy(asc(centres.name))
    : [];
  const all = profiles.map((p) => ({
    ...p,
    initials: initials(p.name),
    centres: workplaces.filter((w) => w.staffUserId === p.id).map(({ staffUserId: _s, ...c }) => c),
  }));
  const clinicians = all.filter(
    (c) =>
      (!input.specialisation || c.specialisations.includes(input.specialisation)) &&
      (!input.centreId || c.centres.some((centre) => centre.id === input.centreId)),
  );
  // What can be booked online, for "the first free time with anyone" by type.
  const types = await ctx.db
    .select({
      id: appointmentTypes.id,
      name: appointmentTypes.name,
      specialisation: appointmentTypes.specialisation,
      durationMinutes: appointmentTypes.durationMinutes,
      mode: appointmentTypes.mode,
      priceMinor: appointmentTypes.priceMinor,
      currency: appointmentTypes.currency,
    })
    .from(appointmentTypes)
    .where(
      tenant.where(
        appointmentTypes,
        eq(appointmentTypes.active, true),
        eq(appointmentTypes.onlineBookable, true),
        // Offered by someone listed here; a type nobody offers has no free times to show.
        profiles.length
          ? exists(
              ctx.db
                .select({ one: sql`1` })
                .from(clinicianAppointmentTypes)
                .where(
                  tenant.where(
                    clinicianAppointmentTypes,
                    eq(clinicianAppointmentTypes.typeId, appointmentTypes.id),
                    inArray(
                      clinicianAppointmentTypes.clinicianId,
                      profiles.map((p) => p.id),
                    ),
                  ),
                ),
            )
          : sql`false`,
      ),
    )
    .orderBy(asc(appointmentTypes.name));
  const centreFacets = new Map(all.flatMap((c) => c.centres).map((c) => [c.id, c]));
  return {
    organization: organization ?? null,
    clinicians,
    types,
    filters: {
      specialisations: [...new Set(all.flatMap((c) => c.specialisations))].sort(),
      centres: [...centreFacets.values()].sort((a, b) => a.name.localeCompare(b.name)),
    },
  };
}
