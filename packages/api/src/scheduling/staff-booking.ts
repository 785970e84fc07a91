import { can } from '@carelane/auth';
import { patients, staffCentres, staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq, isNull } from 'drizzle-orm';
import { notFound } from '../errors';
import { bookableType } from '../routers/appointment-types/bookable-type';
import { requireCentre } from '../scope';
import type { StaffContext } from '../trpc';
import type { SlotBooking } from './book-slot';
import { requireOffered } from './offered-types';

export type StaffBookingInput = {
  centreId: string;
  typeId: string;
  clinicianId: string;
  patientId: string;
  overbook: boolean;
};

/**
 * What a staff booking needs, each scoped to the organization (and the centre to the staff
 * member's centres): anything else is NOT_FOUND. Overbooking needs the permission.
 */
export async function prepareStaffBooking(ctx: StaffContext, input: StaffBookingInput) {
  if (input.overbook && !can(ctx.principal.role, 'appointments:overbook')) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role cannot overbook. Ask a centre manager.' });
  }
  const centre = await requireCentre(ctx.db, ctx.principal, input.centreId);
  const type = await bookableType(ctx.db, ctx.tenant, input.typeId, 'staff');
  const [clinician] = await ctx.db
    .select({ id: staffUsers.id, name: staffUsers.name, active: staffUsers.active })
    .from(staffUsers)
    .innerJoin(staffCentres, and(eq(staffCentres.staffUserId, staffUsers.id), eq(staffCentres.centreId, centre.id)))
    .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, input.clinicianId), eq(staffUsers.role, 'clinician')));
  if (!clinician) throw notFound('Clinician');
  if (!clinician.active) {
    throw new TRPCError({ code: 'CONFLICT', message: `${clinician.name} is deactivated and takes no new visits.` });
  }
  await requireOffered(ctx.db, ctx.tenant, clinician, type);
  const [patient] = await ctx.db
    .select({ id: patients.id })
    .from(patients)
    .where(ctx.tenant.where(patients, eq(patients.id, input.patientId), isNull(patients.mergedIntoId)));
  if (!patient) throw notFound('Patient');
  return { centre, type, clinician, patient };
}

export type StaffBooking = Awaited<ReturnType<typeof prepareStaffBooking>>;

/** A staff booking at `startsAt`, for bookSlot: confirmed at once, fee and mode from the type. */
export function staffSlot(
  ctx: StaffContext,
  booking: StaffBooking,
  startsAt: Date,
  extra: SlotBooking['extra'] = {},
): SlotBooking {
  return {
    centreId: booking.centre.id,
    clinician: booking.clinician,
    patientId: booking.patient.id,
    type: booking.type,
    startsAt,
    zone: booking.centre.zone,
    source: 'dashboard',
    extra: { createdById: ctx.principal.userId, ...extra },
  };
}
