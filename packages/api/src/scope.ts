import { type StaffPrincipal, seesAllCentres } from '@carelane/auth';
import { centres, type DbOrTx, staffCentres } from '@carelane/db';
import { asc, eq } from 'drizzle-orm';
import { notFound } from './errors';
import { tenantOf } from './tenancy';

/** Centres a staff member may see: all of the organization for admins and managers, else their own. */
export async function visibleCentres(db: DbOrTx, principal: StaffPrincipal) {
  const tenant = tenantOf(principal.organizationId);
  const columns = {
    id: centres.id,
    name: centres.name,
    city: centres.city,
    zone: centres.zone,
    addressLine: centres.addressLine,
  };
  if (seesAllCentres(principal.role)) {
    return db
      .select(columns)
      .from(centres)
      .where(tenant.where(centres, eq(centres.active, true)))
      .orderBy(asc(centres.name));
  }
  return db
    .select(columns)
    .from(centres)
    .innerJoin(staffCentres, eq(staffCentres.centreId, centres.id))
    .where(tenant.where(centres, eq(staffCentres.staffUserId, principal.userId), eq(centres.active, true)))
    .orderBy(asc(centres.name));
}

/** A centre the principal may see, or NOT_FOUND (never FORBIDDEN: existence must not leak). */
export async function requireCentre(db: DbOrTx, principal: StaffPrincipal, centreId: string) {
  const centre = (await visibleCentres(db, principal)).find((c) => c.id === centreId);
  if (!centre) throw notFound('Centre');
  return centre;
}
