import { seesAllCentres } from '@carelane/auth';
import { normalisePhone } from '@carelane/core';
import { appointments, centres, type DbOrTx, organizations, staffCentres } from '@carelane/db';
import { asc, count, desc, eq, gt, min, ne } from 'drizzle-orm';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import type { Tenant } from '../../tenancy';
import type { StaffContext } from '../../trpc';

/** What the centres page shows of a centre and the dialog edits. */
export const centreColumns = {
  id: centres.id,
  name: centres.name,
  addressLine: centres.addressLine,
  city: centres.city,
  postalCode: centres.postalCode,
  phone: centres.phone,
  zone: centres.zone,
  mapUrl: centres.mapUrl,
  openingDays: centres.openingDays,
  active: centres.active,
};

export type CentreDetails = {
  id: string;
  name: string;
  addressLine: string;
  city: string;
  postalCode: string | null;
  phone: string | null;
  zone: string;
  mapUrl: string | null;
  openingDays: number[];
  active: boolean;
};

/**
 * The centres a staff member may see with every detail: admins and managers all of them,
 * archived ones included; anyone else the open centres they work at.
 */
export async function centreDetails(ctx: StaffContext): Promise<CentreDetails[]> {
  if (seesAllCentres(ctx.principal.role)) {
    return ctx.db
      .select(centreColumns)
      .from(centres)
      .where(ctx.tenant.owns(centres))
      .orderBy(desc(centres.active), asc(centres.name));
  }
  return ctx.db
    .select(centreColumns)
    .from(centres)
    .innerJoin(staffCentres, eq(staffCentres.centreId, centres.id))
    .where(ctx.tenant.where(centres, eq(staffCentres.staffUserId, ctx.principal.userId), eq(centres.active, true)))
    .orderBy(asc(centres.name));
}

/** One centre of the tenant, locked for a change; NOT_FOUND for any other. */
export async function lockCentre(tx: DbOrTx, tenant: Tenant, centreId: string): Promise<CentreDetails> {
  const [centre] = await tx
    .select(centreColumns)
    .from(centres)
    .where(tenant.where(centres, eq(centres.id, centreId)))
    .for('update');
  if (!centre) throw notFound('Centre');
  return centre;
}

/** A centre's phone in E.164, read in the organization's country; a field error when it is not a number. */
export async function centrePhone(tx: DbOrTx, tenant: Tenant, phone: string | null): Promise<string | null> {
  if (phone === null) return null;
  const [org] = await tx.select({ country: organizations.country }).from(organizations).where(tenant.organization());
  const normalised = normalisePhone(phone, org?.country ?? 'IN');
  if (!normalised) throw fieldError('phone', 'Enter a phone number like 98765 43210');
  return normalised;
}

/** How many visits not cancelled are still to come at a centre, and when the first is. */
export async function upcomingVisits(tx: DbOrTx, tenant: Tenant, centreId: string, now: Date) {
  const [row] = await tx
    .select({ count: count(), first: min(appointments.startsAt) })
    .from(appointments)
    .where(
      tenant.where(
        appointments,
        eq(appointments.centreId, centreId),
        ne(appointments.status, 'cancelled'),
        gt(appointments.startsAt, now),
      ),
    );
  return { count: row?.count ?? 0, first: row?.first ?? null };
}

/** How many other centres of the tenant are open. */
export async function otherOpenCentres(tx: DbOrTx, tenant: Tenant, centreId: string): Promise<number> {
  const [row] = await tx
    .select({ count: count() })
    .from(centres)
    .where(tenant.where(centres, ne(centres.id, centreId), eq(centres.active, true)));
  return row?.count ?? 0;
}
