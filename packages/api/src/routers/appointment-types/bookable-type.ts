import { appointmentTypes, type DbOrTx } from '@carelane/db';
import { and, eq } from 'drizzle-orm';
import { notFound } from '../../errors';

/**
 * An active appointment type of the organization that this audience may book: NOT_FOUND when it
 * is missing, archived, another organization's, or (for patients) not bookable online.
 */
export async function bookableType(db: DbOrTx, organizationId: string, typeId: string, audience: 'staff' | 'patient') {
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(
      and(
        eq(appointmentTypes.id, typeId),
        eq(appointmentTypes.organizationId, organizationId),
        eq(appointmentTypes.active, true),
      ),
    );
  if (!type || (audience === 'patient' && !type.onlineBookable)) throw notFound('Appointment type');
  return type;
}
