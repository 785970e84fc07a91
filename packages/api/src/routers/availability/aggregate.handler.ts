import { aggregateSlots, type ClinicianSlots, localDate } from '@carelane/core';
import { availabilityRules, centres, clinicianAppointmentTypes, clinicianProfiles, staffUsers } from '@carelane/db';
import { and, arrayContains, asc, eq } from 'drizzle-orm';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import { slotsFromFacts } from '../../scheduling/find-slots';
import { readScheduleFacts } from '../../scheduling/schedule-cache';
import { bookableType } from '../appointment-types/bookable-type';
import { publicTenant } from '../clinicians/public-organization';
import type { AggregateSlotsInput } from './aggregate.schema';

/**
 * Free times of one appointment type across every listed clinician of a specialisation (and
 * centre): each start once, with the clinicians free then, first-listed first. Lets a patient
 * book "the first dental check-up anyone has" without visiting each clinician's page.
 */
export async function aggregateSlotsHandler({ ctx, input }: { ctx: Context; input: AggregateSlotsInput }) {
  const tenant = publicTenant(ctx);
  const { organizationId } = tenant;
  const p = ctx.principal;
  const audience = p.kind === 'staff' ? ('staff' as const) : ('patient' as const);
  const type = await bookableType(ctx.db, tenant, input.typeId, audience);
  const specialisation = input.specialisation ?? type.specialisation;
  let centreZone: string | null = null;
  if (input.centreId) {
    const [centre] = await ctx.db
      .select({ zone: centres.zone })
      .from(centres)
      .where(tenant.where(centres, eq(centres.id, input.centreId), eq(centres.active, true)));
    if (!centre) throw notFound('Centre');
    centreZone = centre.zone;
  }

  const clinicians = await ctx.db
    .selectDistinct({
      id: staffUsers.id,
      name: staffUsers.name,
      slug: clinicianProfiles.slug,
      title: clinicianProfiles.title,
      photoUrl: clinicianProfiles.photoUrl,
      directoryOrder: clinicianProfiles.directoryOrder,
    })
    .from(clinicianProfiles)
    .innerJoin(staffUsers, eq(staffUsers.id, clinicianProfiles.staffUserId))
    .innerJoin(availabilityRules, eq(availabilityRules.clinicianId, staffUsers.id))
    // Only clinicians who offer this type.
    .innerJoin(
      clinicianAppointmentTypes,
      and(
        tenant.owns(clinicianAppointmentTypes),
        eq(clinicianAppointmentTypes.clinicianId, staffUsers.id),
        eq(clinicianAppointmentTypes.typeId, type.id),
      ),
    )
    .where(
      tenant.where(
        clinicianProfiles,
        eq(staffUsers.active, true),
        audience === 'patient' ? eq(clinicianProfiles.listed, true) : undefined,
        specialisation ? arrayContains(clinicianProfiles.specialisations, [specialisation]) : undefined,
        input.centreId ? eq(availabilityRules.centreId, input.centreId) : undefined,
      ),
    )
    .orderBy(asc(clinicianProfiles.directoryOrder), asc(staffUsers.name), asc(staffUsers.id));

  const now = new Date();
  const perClinician = await Promise.all(
    clinicians.map(async (clinician): Promise<ClinicianSlots & { zone: string }> => {
      const request = {
        organizationId,
        clinicianId: clinician.id,
        typeId: type.id,
        from: input.from,
        days: input.days,
        now,
        audience,
        patientId: p.kind === 'patient' ? p.patientId : undefined,
      };
      const result = slotsFromFacts(await readScheduleFacts(ctx, request), request);
      // A clinician working at several centres: keep only the times at the chosen one.
      const days = input.centreId
        ? result.days
            .map((day) => ({
              date: day.date,
              slots: day.slots.filter((s) => result.centreFor(s.start) === input.centreId),
            }))
            .filter((day) => day.slots.length > 0)
        : result.days;
      return { clinicianId: clinician.id, days, zone: result.zone };
    }),
  );
  const zone = centreZone ?? perClinician[0]?.zone ?? 'UTC';
  // Slots come grouped by each clinician's own zone; regroup any that differ from the answer's.
  const inZone = perClinician.map(({ clinicianId, days, zone: own }) => {
    if (own === zone) return { clinicianId, days };
    const byDate = new Map<string, Array<{ start: number; end: number }>>();
    for (const slot of days.flatMap((d) => d.slots)) {
      const date = localDate(new Date(slot.start), zone);
      byDate.set(date, [...(byDate.get(date) ?? []), slot]);
    }
    return { clinicianId, days: [...byDate].map(([date, slots]) => ({ date, slots })) };
  });

  return {
    zone,
    specialisation,
    type: {
      id: type.id,
      name: type.name,
      durationMinutes: type.durationMinutes,
      mode: type.mode,
      priceMinor: type.priceMinor,
      currency: type.currency,
    },
    clinicians,
    days: aggregateSlots(inZone).map((day) => ({
      date: day.date,
      slots: day.slots.map((s) => ({ start: s.start, clinicianIds: s.clinicianIds })),
    })),
  };
}
