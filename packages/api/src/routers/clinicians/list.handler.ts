import { clinicianProfiles, staffUsers } from '@carelane/db';
import { asc, eq } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';

/** The organization's active clinicians, for "Offered by" and booking choices. */
export function listCliniciansHandler({ ctx }: { ctx: StaffContext }) {
  return ctx.db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      specialisations: clinicianProfiles.specialisations,
      listed: clinicianProfiles.listed,
    })
    .from(staffUsers)
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.staffUserId, staffUsers.id))
    .where(ctx.tenant.where(staffUsers, eq(staffUsers.role, 'clinician'), eq(staffUsers.active, true)))
    .orderBy(asc(staffUsers.name));
}
