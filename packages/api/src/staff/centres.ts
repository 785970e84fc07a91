import { centres, type DbOrTx, staffCentres } from '@carelane/db';
import { eq, inArray } from 'drizzle-orm';
import { notFound } from '../errors';
import type { Tenant } from '../tenancy';

/** Checks that every centre is the tenant's (NOT_FOUND otherwise, as for any other tenant's id). */
export async function requireCentres(tx: DbOrTx, tenant: Tenant, centreIds: readonly string[]): Promise<void> {
  if (centreIds.length === 0) return;
  const found = await tx
    .select({ id: centres.id })
    .from(centres)
    .where(tenant.where(centres, inArray(centres.id, [...centreIds])));
  if (found.length !== new Set(centreIds).size) throw notFound('Centre');
}

/** Sets the centres a staff member works at to exactly `centreIds` (already checked). */
export async function replaceCentres(tx: DbOrTx, tenant: Tenant, userId: string, centreIds: readonly string[]) {
  await tx.delete(staffCentres).where(tenant.where(staffCentres, eq(staffCentres.staffUserId, userId)));
  const unique = [...new Set(centreIds)];
  if (unique.length > 0) {
    await tx.insert(staffCentres).values(unique.map((centreId) => tenant.row({ staffUserId: userId, centreId })));
  }
}
