import { fullName, maskRecipient } from '@carelane/core';
import { notifications, organizations, patients, staffUsers } from '@carelane/db';
import { eq, type SQL, sql } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';

/** The organization's zone, in which the page's dates are read. */
export async function organizationZone(ctx: StaffContext): Promise<string> {
  const [org] = await ctx.db
    .select({ zone: organizations.defaultZone })
    .from(organizations)
    .where(ctx.tenant.organization());
  if (!org) throw notFound('Organization');
  return org.zone;
}

/** Local midnight of a date in the zone, as an instant; `days` later for the end of a range. */
export function localMidnight(date: string, zone: string, days = 0): SQL {
  return sql`((${date}::date + ${days}::int))::timestamp at time zone ${zone}`;
}

/** A message of the session's organization, with its patient and staff recipient when it has one. */
export function messageRowsQuery(ctx: StaffContext) {
  return ctx.db
    .select({
      id: notifications.id,
      createdAt: notifications.createdAt,
      sendAt: notifications.sendAt,
      sentAt: notifications.sentAt,
      kind: notifications.kind,
      channel: notifications.channel,
      status: notifications.status,
      deliveryStatus: notifications.deliveryStatus,
      attempts: notifications.attempts,
      error: notifications.error,
      recipient: notifications.recipient,
      appointmentId: notifications.appointmentId,
      patient: { id: patients.id, firstName: patients.firstName, lastName: patients.lastName, mrn: patients.mrn },
      staffName: staffUsers.name,
      key: sql<string>`${notifications.createdAt}::text`,
    })
    .from(notifications)
    .leftJoin(patients, ctx.tenant.where(patients, eq(patients.id, notifications.patientId)))
    .leftJoin(staffUsers, ctx.tenant.where(staffUsers, eq(staffUsers.id, notifications.staffUserId)))
    .$dynamic();
}

type RawRow = Awaited<ReturnType<ReturnType<typeof messageRowsQuery>['execute']>>[number];

/** What the page shows of a row: the recipient masked, the patient named. */
export function messageRow({ key: _key, patient, staffName, recipient, ...row }: RawRow) {
  return {
    ...row,
    recipient: maskRecipient(recipient),
    patient: patient ? { id: patient.id, name: fullName(patient), mrn: patient.mrn } : null,
    staffName,
  };
}
export type MessageRow = ReturnType<typeof messageRow>;
