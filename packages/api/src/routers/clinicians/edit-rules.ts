import { can } from '@carelane/auth';
import { clinicianProfiles, type DbOrTx, staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq, like, or } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { Tenant } from '../../tenancy';
import type { StaffContext } from '../../trpc';

/**
 * Who may edit a clinician's profile: admins and managers anyone's, a clinician their own. Whether
 * a clinician is listed on the booking site, and where, is the clinic's decision: admins and
 * managers only (`appointment_types:manage` holders, who also decide who offers what).
 */
export function mayManageListing(ctx: StaffContext) {
  return can(ctx.principal.role, 'appointment_types:manage');
}

/** The clinician (a staff member with the clinician role) and their profile, if they have one yet. */
export async function editableClinician(db: DbOrTx, ctx: StaffContext, clinicianId: string) {
  const [row] = await db
    .select({ id: staffUsers.id, name: staffUsers.name, active: staffUsers.active, profile: clinicianProfiles })
    .from(staffUsers)
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.staffUserId, staffUsers.id))
    .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, clinicianId), eq(staffUsers.role, 'clinician')));
  if (!row) throw notFound('Clinician');
  if (ctx.principal.role === 'clinician' && ctx.principal.userId !== clinicianId) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You can edit only your own profile.' });
  }
  return row;
}

/** "Dr. Meera Krishnan" -> "meera-krishnan". */
export function slugOf(name: string) {
  const slug = name
    .replace(/^(dr|mr|mrs|ms)\.?\s+/i, '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return slug || 'clinician';
}

/** A profile address not yet used in the organization: the name's slug, then -2, -3, ... */
export async function uniqueSlug(db: DbOrTx, tenant: Tenant, name: string) {
  const base = slugOf(name);
  const taken = await db
    .select({ slug: clinicianProfiles.slug })
    .from(clinicianProfiles)
    .where(
      tenant.where(clinicianProfiles, or(eq(clinicianProfiles.slug, base), like(clinicianProfiles.slug, `${base}-%`))),
    );
  const used = new Set(taken.map((t) => t.slug));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
