import { prepaymentDueMinor, UNPAID_BOOKING_HOLD_MINUTES } from '@carelane/core';
import {
  appointments,
  appointmentTypes,
  centres,
  clinicianProfiles,
  organizations,
  patients,
  payments,
  staffUsers,
} from '@carelane/db';
import { desc, eq, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import type { PatientContext } from '../../trpc';

/** The signed-in patient's own visits, upcoming first, then past. Only their own. */
export async function myAppointmentsHandler({ ctx }: { ctx: PatientContext }) {
  const { patientId } = ctx.principal;
  const rows = await ctx.db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      mode: appointments.mode,
      videoUrl: appointments.videoUrl,
      feeMinor: appointments.feeMinor,
      currency: appointments.currency,
      paymentStatus: appointments.paymentStatus,
      lateCancellation: appointments.lateCancellation,
      createdAt: appointments.createdAt,
      creditedMinor: sql<number>`(select coalesce(sum(${payments.creditedMinor}), 0)::int from ${payments} where ${payments.appointmentId} = ${appointments.id})`,
      clinician: { id: staffUsers.id, name: staffUsers.name, slug: clinicianProfiles.slug },
      centre: {
        id: centres.id,
        name: centres.name,
        city: centres.city,
        addressLine: centres.addressLine,
        zone: centres.zone,
      },
      type: {
        id: appointmentTypes.id,
        name: appointmentTypes.name,
        colour: appointmentTypes.colour,
        lateCancellationHours: appointmentTypes.lateCancellationHours,
        lateCancellationPolicy: appointmentTypes.lateCancellationPolicy,
        requiresPrepayment: appointmentTypes.requiresPrepayment,
        depositMinor: appointmentTypes.depositMinor,
      },
    })
    .from(appointments)
    .innerJoin(staffUsers, eq(staffUsers.id, appointments.clinicianId))
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.staffUserId, appointments.clinicianId))
    .innerJoin(centres, eq(centres.id, appointments.centreId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .where(ctx.tenant.where(appointments, eq(appointments.patientId, patientId)))
    .orderBy(desc(appointments.startsAt))
    .limit(200);
  const [me] = await ctx.db
    .select({ firstName: patients.firstName, organizationName: organizations.name })
    .from(patients)
    .innerJoin(organizations, ctx.tenant.organization())
    .where(ctx.tenant.where(patients, eq(patients.id, patientId)));
  await audit(ctx, { action: 'patient.appointments.read', entity: 'patient', entityId: patientId });
  const now = Date.now();
  const isUpcoming = (a: (typeof rows)[number]) =>
    a.endsAt.getTime() > now && a.status !== 'cancelled' && a.status !== 'completed' && a.status !== 'no_show';
  const canChange = (a: (typeof rows)[number]) =>
    (a.status === 'pending' || a.status === 'confirmed') &&
    !(
      a.type.lateCancellationPolicy === 'refuse' &&
      a.startsAt.getTime() - now < a.type.lateCancellationHours * 3_600_000
    );
  // A pending visit of a prepaid type waits for its payment until the hold runs out.
  const payment = (a: (typeof rows)[number]) => {
    const dueMinor = a.status === 'pending' ? prepaymentDueMinor(a.type, a.feeMinor, a.creditedMinor) : 0;
    return {
      payDueMinor: dueMinor,
      payBy: dueMinor > 0 ? new Date(a.createdAt.getTime() + UNPAID_BOOKING_HOLD_MINUTES * 60_000) : null,
    };
  };
  return {
    patient: { firstName: me?.firstName ?? '', organizationName: me?.organizationName ?? '' },
    upcoming: rows
      .filter(isUpcoming)
      .reverse()
      .map((a) => ({ ...a, canChange: canChange(a), ...payment(a) })),
    past: rows.filter((a) => !isUpcoming(a)),
  };
}
