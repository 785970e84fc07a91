import { fullName, localDate, localDayBounds } from '@carelane/core';
import { appointments, appointmentTypes, clinicianProfiles, patients, staffCentres, staffUsers } from '@carelane/db';
import { asc, eq, gte, lt } from 'drizzle-orm';
import { notFound } from '../../errors';
import { offHoursNotes } from '../../scheduling/working-time';
import { requireCentre, visibleCentres } from '../../scope';
import type { StaffContext } from '../../trpc';
import type { DayInput } from './day.schema';

/** A centre's appointments on one local day, grouped by clinician (the Today page). */
export async function dayHandler({ ctx, input }: { ctx: StaffContext; input: DayInput }) {
  const centreId =
    input.centreId ?? ctx.principal.defaultCentreId ?? (await visibleCentres(ctx.db, ctx.principal))[0]?.id;
  if (!centreId) throw notFound('Centre');
  const centre = await requireCentre(ctx.db, ctx.principal, centreId);
  const date = input.date ?? localDate(new Date(), centre.zone);
  const { start, end } = localDayBounds(date, centre.zone);

  const clinicians = await ctx.db
    .select({ id: staffUsers.id, name: staffUsers.name, specialisations: clinicianProfiles.specialisations })
    .from(staffUsers)
    .innerJoin(staffCentres, eq(staffCentres.staffUserId, staffUsers.id))
    .innerJoin(clinicianProfiles, eq(clinicianProfiles.staffUserId, staffUsers.id))
    .where(
      ctx.tenant.where(
        staffUsers,
        eq(staffCentres.centreId, centre.id),
        eq(staffUsers.role, 'clinician'),
        eq(staffUsers.active, true),
      ),
    )
    .orderBy(asc(staffUsers.name));

  const rows = await ctx.db
    .select({
      id: appointments.id,
      clinicianId: appointments.clinicianId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      mode: appointments.mode,
      overbooked: appointments.overbooked,
      paymentStatus: appointments.paymentStatus,
      patient: { id: patients.id, firstName: patients.firstName, lastName: patients.lastName, mrn: patients.mrn },
      type: { id: appointmentTypes.id, name: appointmentTypes.name, colour: appointmentTypes.colour },
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .where(
      ctx.tenant.where(
        appointments,
        eq(appointments.centreId, centre.id),
        gte(appointments.startsAt, start),
        lt(appointments.startsAt, end),
      ),
    )
    .orderBy(asc(appointments.startsAt));

  // Visits to come outside working time (time off added over them, ...), judged on every read.
  const offHours = await offHoursNotes(ctx.db, ctx.tenant, centre.id, rows, new Date());
  return {
    centre,
    date,
    clinicians: clinicians.map((c) => ({
      ...c,
      appointments: rows
        .filter((a) => a.clinicianId === c.id)
        .map(({ patient, ...a }) => ({
          ...a,
          offHours: offHours.get(a.id) ?? null,
          patient: { id: patient.id, mrn: patient.mrn, name: fullName(patient) },
        })),
    })),
  };
}
