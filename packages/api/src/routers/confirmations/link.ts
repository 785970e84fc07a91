import { appointments, centres, patients, staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import type { Context } from '../../context';
import { type AppointmentAction, verifyAction } from '../../messaging/confirm-link';
import { unscoped } from '../../tenancy';

export const LINK_NOT_VALID = 'This link is not valid.';
export const LINK_EXPIRED = 'This link has expired. Please contact the clinic if you need to change your visit.';

/** Only the booking site serves these links, and only for its own organization. */
async function limit(ctx: Context) {
  await ctx.rateLimits.consume([['actionLinkIp', ctx.ip ?? 'unknown']]);
}

/**
 * The visit a reminder link names, with what the page shows. Another organization's visit reads
 * exactly like a forged link.
 */
export async function openActionLink(
  ctx: Context,
  token: string,
  now: Date,
): Promise<
  | { state: 'expired' }
  | { state: 'open'; action: AppointmentAction; visit: NonNullable<Awaited<ReturnType<typeof loadVisit>>> }
> {
  await limit(ctx);
  const verified = verifyAction(token, ctx.secret, now);
  if (!verified.ok && verified.reason === 'expired') return { state: 'expired' };
  if (!verified.ok) throw new TRPCError({ code: 'NOT_FOUND', message: LINK_NOT_VALID });
  const visit = await loadVisit(ctx, verified.appointmentId);
  if (!visit || (ctx.siteOrganizationId && visit.organizationId !== ctx.siteOrganizationId)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: LINK_NOT_VALID });
  }
  return { state: 'open', action: verified.action, visit };
}

async function loadVisit(ctx: Context, appointmentId: string) {
  const [row] = await unscoped(ctx.db, 'a signed link names the visit; the caller checks its organization')
    .select({
      id: appointments.id,
      organizationId: appointments.organizationId,
      patientId: appointments.patientId,
      startsAt: appointments.startsAt,
      status: appointments.status,
      patientConfirmedAt: appointments.patientConfirmedAt,
      clinicianName: staffUsers.name,
      centreName: centres.name,
      addressLine: centres.addressLine,
      city: centres.city,
      postalCode: centres.postalCode,
      zone: centres.zone,
      patientFirstName: patients.firstName,
    })
    .from(appointments)
    .innerJoin(centres, eq(centres.id, appointments.centreId))
    .innerJoin(staffUsers, eq(staffUsers.id, appointments.clinicianId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(eq(appointments.id, appointmentId));
  return row;
}
