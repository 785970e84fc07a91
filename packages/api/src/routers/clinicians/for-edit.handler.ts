import { appointmentTypes, clinicianAppointmentTypes, clinicianProfiles, organizations } from '@carelane/db';
import { asc, eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import type { ClinicianIdInput } from './edit.schema';
import { editableClinician, mayManageListing } from './edit-rules';

/** A clinician's profile as the profile page edits it, with every active type and whether they offer it. */
export async function forEditHandler({ ctx, input }: { ctx: StaffContext; input: ClinicianIdInput }) {
  const clinician = await editableClinician(ctx.db, ctx, input.clinicianId);
  const [org] = await ctx.db
    .select({ currency: organizations.currency })
    .from(organizations)
    .where(ctx.tenant.organization());
  if (!org) throw notFound('Organization');
  const [types, offered, known] = await Promise.all([
    ctx.db
      .select({
        id: appointmentTypes.id,
        name: appointmentTypes.name,
        specialisation: appointmentTypes.specialisation,
        durationMinutes: appointmentTypes.durationMinutes,
        mode: appointmentTypes.mode,
      })
      .from(appointmentTypes)
      .where(ctx.tenant.where(appointmentTypes, eq(appointmentTypes.active, true)))
      .orderBy(asc(appointmentTypes.name)),
    ctx.db
      .select({ typeId: clinicianAppointmentTypes.typeId })
      .from(clinicianAppointmentTypes)
      .where(ctx.tenant.where(clinicianAppointmentTypes, eq(clinicianAppointmentTypes.clinicianId, clinician.id))),
    // What colleagues already use, offered as suggestions so the directory's filters stay tidy.
    ctx.db
      .select({ specialisations: clinicianProfiles.specialisations, languages: clinicianProfiles.languages })
      .from(clinicianProfiles)
      .where(ctx.tenant.owns(clinicianProfiles)),
  ]);
  const offeredIds = new Set(offered.map((o) => o.typeId));
  const p = clinician.profile;
  const sorted = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return {
    clinician: { id: clinician.id, name: clinician.name, active: clinician.active },
    hasProfile: Boolean(p),
    profile: {
      slug: p?.slug ?? null,
      title: p?.title ?? null,
      specialisations: p?.specialisations ?? [],
      qualifications: p?.qualifications ?? [],
      languages: p?.languages ?? [],
      bio: p?.bio ?? null,
      feeMinor: p?.feeMinor ?? 0,
      modes: p?.modes ?? ['in_person'],
      listed: p?.listed ?? true,
      directoryOrder: p?.directoryOrder ?? 0,
      photoUrl: p?.photoUrl ?? null,
    },
    currency: p?.currency ?? org.currency,
    types: types.map((t) => ({ ...t, offered: offeredIds.has(t.id) })),
    canManageListing: mayManageListing(ctx),
    suggestions: {
      specialisations: sorted([
        ...known.flatMap((k) => k.specialisations),
        ...types.flatMap((t) => (t.specialisation ? [t.specialisation] : [])),
      ]),
      languages: sorted(known.flatMap((k) => k.languages)),
    },
  };
}
