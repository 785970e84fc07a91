import { appointmentTypes, clinicianAppointmentTypes, clinicianProfiles, organizations } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq, inArray } from 'drizzle-orm';
import { audit, diff } from '../../audit';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import type { UpdateProfileInput } from './edit.schema';
import { editableClinician, mayManageListing, uniqueSlug } from './edit-rules';

/**
 * Saves a clinician's profile and the types they offer in one transaction, creating the profile
 * (with a profile address from the name) when the clinician has none yet. The fee is in the
 * organization's currency.
 */
export async function updateProfileHandler({ ctx, input }: { ctx: StaffContext; input: UpdateProfileInput }) {
  const { clinicianId, typeIds, listed, directoryOrder, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const clinician = await editableClinician(tx, ctx, clinicianId);
    const before = clinician.profile;
    const listing = {
      listed: listed ?? before?.listed ?? true,
      directoryOrder: directoryOrder ?? before?.directoryOrder ?? 0,
    };
    const listingChanged =
      listing.listed !== (before?.listed ?? true) || listing.directoryOrder !== (before?.directoryOrder ?? 0);
    if (listingChanged && !mayManageListing(ctx)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Only an admin or a manager can list a clinician or change the directory order.',
      });
    }
    const wanted = [...new Set(typeIds)];
    const active = await tx
      .select({ id: appointmentTypes.id })
      .from(appointmentTypes)
      .where(ctx.tenant.where(appointmentTypes, eq(appointmentTypes.active, true)));
    const activeIds = active.map((t) => t.id);
    if (wanted.some((id) => !activeIds.includes(id))) throw notFound('Appointment type');

    const values = { ...fields, ...listing };
    let profile: typeof clinicianProfiles.$inferSelect | undefined;
    if (before) {
      [profile] = await tx
        .update(clinicianProfiles)
        .set({ ...values, updatedAt: new Date() })
        .where(ctx.tenant.where(clinicianProfiles, eq(clinicianProfiles.staffUserId, clinicianId)))
        .returning();
    } else {
      const [org] = await tx
        .select({ currency: organizations.currency })
        .from(organizations)
        .where(ctx.tenant.organization());
      if (!org) throw notFound('Organization');
      [profile] = await tx
        .insert(clinicianProfiles)
        .values(
          ctx.tenant.row({
            staffUserId: clinicianId,
            slug: await uniqueSlug(tx, ctx.tenant, clinician.name),
            currency: org.currency,
            ...values,
          }),
        )
        .returning();
    }
    if (!profile) throw new Error('Profile write returned no row');

    // Archived types keep their offers (old visits point at them); active ones become `wanted`.
    const mine = eq(clinicianAppointmentTypes.clinicianId, clinicianId);
    const was = activeIds.length
      ? await tx
          .select({ typeId: clinicianAppointmentTypes.typeId })
          .from(clinicianAppointmentTypes)
          .where(
            ctx.tenant.where(clinicianAppointmentTypes, mine, inArray(clinicianAppointmentTypes.typeId, activeIds)),
          )
      : [];
    const wasIds = was.map((w) => w.typeId);
    const dropped = wasIds.filter((id) => !wanted.includes(id));
    const added = wanted.filter((id) => !wasIds.includes(id));
    if (dropped.length) {
      await tx
        .delete(clinicianAppointmentTypes)
        .where(ctx.tenant.where(clinicianAppointmentTypes, mine, inArray(clinicianAppointmentTypes.typeId, dropped)));
    }
    if (added.length) {
      await tx
        .insert(clinicianAppointmentTypes)
        .values(added.map((typeId) => ctx.tenant.row({ clinicianId, typeId })))
        .onConflictDoNothing();
    }

    await audit(
      ctx,
      {
        action: before ? 'clinician_profile.update' : 'clinician_profile.create',
        entity: 'clinician_profile',
        entityId: clinicianId,
        changes: {
          ...diff(before ?? {}, values),
          ...(dropped.length || added.length ? { typeIds: { from: wasIds, to: wanted } } : {}),
        },
      },
      tx,
    );
    return { ...profile, typeIds: wanted };
  });
}
