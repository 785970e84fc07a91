import { can } from '@carelane/auth';
import { appointments, patients, staffCentres, staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import { visitBooked } from '../../messaging/appointment-messages';
import { withClashMessage } from '../../scheduling/clash';
import { requireCentre } from '../../scope';
import type { StaffContext } from '../../trpc';
import { bookableType } from '../appointment-types/bookable-type';
import type { CreateAppointmentInput } from './create.schema';

/**
 * What a staff booking needs, each scoped to the organization (and the centre to the staff
 * member's centres): anything else is NOT_FOUND. Overbooking needs the permission.
 */
export async function prepareStaffBooking(
  ctx: StaffContext,
  input: Pick<CreateAppointmentInput, 'centreId' | 'typeId' | 'clinicianId' | 'patientId' | 'overbook'>,
) {
  const orgId = ctx.principal.organizationId;
  if (input.overbook && !can(ctx.principal.role, 'appointments:overbook')) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role cannot overbook. Ask a centre manager.' });
  }
  const centre = await requireCentre(ctx.db, ctx.principal, input.centreId);
  const type = await bookableType(ctx.db, orgId, input.typeId, 'staff');
  const [clinician] = await ctx.db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .innerJoin(staffCentres, and(eq(staffCentres.staffUserId, staffUsers.id), eq(staffCentres.centreId, centre.id)))
    .where(
      and(eq(staffUsers.id, input.clinicianId), eq(staffUsers.organizationId, orgId), eq(staffUsers.role, 'clinician')),
    );
  if (!clinician) throw notFound('Clinician');
  const [patient] = await ctx.db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.id, input.patientId), eq(patients.organizationId, orgId), isNull(patients.mergedIntoId)));
  if (!patient) throw notFound('Patient');
  return { orgId, centre, type, clinician, patient };
}

type StaffBooking = Awaited<ReturnType<typeof prepareStaffBooking>>;

/** Online visits get their meeting room when booked (a Jitsi room by default). */
export function meetingFor(ctx: StaffContext, booking: StaffBooking, startsAt: Date) {
  return booking.type.mode === 'online' ? ctx.videoLinks.createMeeting({ appointmentId: 'new', startsAt }) : null;
}

/** The appointments row of a staff booking: confirmed at once, fee and mode from the type. */
export function staffAppointmentRow(
  ctx: StaffContext,
  booking: StaffBooking,
  at: { startsAt: Date; endsAt: Date; notes?: string | undefined; videoUrl: string | null },
) {
  return {
    organizationId: booking.orgId,
    centreId: booking.centre.id,
    clinicianId: booking.clinician.id,
    patientId: booking.patient.id,
    typeId: booking.type.id,
    startsAt: at.startsAt,
    endsAt: at.endsAt,
    bufferBeforeMinutes: booking.type.bufferBeforeMinutes,
    bufferAfterMinutes: booking.type.bufferAfterMinutes,
    status: 'confirmed' as const,
    confirmedAt: new Date(),
    source: 'dashboard' as const,
    mode: booking.type.mode,
    feeMinor: booking.type.priceMinor,
    currency: booking.type.currency,
    notes: at.notes ?? null,
    videoUrl: at.videoUrl,
    createdById: ctx.principal.userId,
  };
}

/**
 * Books an appointment for a patient (staff). The exclusion constraint decides overlaps; a
 * refusal becomes CONFLICT naming the clashing time. Staff may book outside working hours.
 */
export async function createAppointmentHandler({ ctx, input }: { ctx: StaffContext; input: CreateAppointmentInput }) {
  const booking = await prepareStaffBooking(ctx, input);
  const { centre, type, clinician } = booking;
  const endsAt = new Date(input.startsAt.getTime() + type.durationMinutes * 60_000);
  const slot = {
    clinicianId: clinician.id,
    clinicianName: clinician.name,
    startsAt: input.startsAt,
    endsAt,
    bufferBeforeMinutes: type.bufferBeforeMinutes,
    bufferAfterMinutes: type.bufferAfterMinutes,
    zone: centre.zone,
  };
  const videoUrl = await meetingFor(ctx, booking, input.startsAt);
  return withClashMessage(ctx.db, slot, () =>
    ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(appointments)
        .values({
          ...staffAppointmentRow(ctx, booking, { startsAt: input.startsAt, endsAt, notes: input.notes, videoUrl }),
          overbooked: input.overbook,
          overbookReason: input.overbook ? (input.overbookReason ?? null) : null,
        })
        .returning();
      if (!row) throw new Error('Insert returned no row');
      await audit(
        ctx,
        {
          action: input.overbook ? 'appointment.overbook' : 'appointment.create',
          entity: 'appointment',
          entityId: row.id,
          changes: {
            startsAt: { to: row.startsAt },
            clinicianId: { to: row.clinicianId },
            patientId: { to: row.patientId },
            ...(input.overbook ? { overbookReason: { to: row.overbookReason } } : {}),
          },
        },
        tx,
      );
      await visitBooked(tx, row.id, { byPatient: false });
      return row;
    }),
  );
}
