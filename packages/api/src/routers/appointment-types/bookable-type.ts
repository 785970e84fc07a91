import { appointmentTypes, type DbOrTx } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { Tenant } from '../../tenancy';

/**
 * An active appointment type of the organization that this audience may book: NOT_FOUND when it
 * is missing, archived, another organization's, or (for patients) not bookable online.
 */
export async function bookableType(db: DbOrTx, tenant: Tenant, typeId: string, audience: 'staff' | 'patient') {
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(tenant.where(appointmentTypes, eq(appointmentTypes.id, typeId), eq(appointmentTypes.active, true)));
  if (!type || (audience === 'patient' && !type.onlineBookable)) throw notFound('Appointment type');
  return type;
}
