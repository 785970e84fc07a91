import { seesAllCentres } from '@carelane/auth';
import { normalisePhone, type StaffRole } from '@carelane/core';
import { type DbOrTx, organizations, staffUsers } from '@carelane/db';
import { and, eq, ne, type SQL, sql } from 'drizzle-orm';
import { fieldError } from '../field-error';
import { type Tenant, unscoped } from '../tenancy';
import { requireCentres } from './centres';

type Details = { email?: string; phone?: string | null | undefined; role: StaffRole; centreIds: readonly string[] };

/**
 * Checks what an admin typed for a staff member before anything is written: the centres are this
 * organization's (NOT_FOUND otherwise), the phone reads as a number of the organization's country,
 * the email and phone are no other account's (they sign in with them, across every organization),
 * and someone who does not see every centre works at one at least. Returns the phone in E.164.
 */
export async function checkStaffDetails(
  tx: DbOrTx,
  tenant: Tenant,
  details: Details,
  userId?: string,
): Promise<{ phone: string | null }> {
  await requireCentres(tx, tenant, details.centreIds);
  const [org] = await tx.select({ country: organizations.country }).from(organizations).where(tenant.organization());
  const phone = details.phone ? normalisePhone(details.phone, org?.country ?? 'IN') : null;
  if (details.phone && !phone) throw fieldError('phone', 'Enter a valid mobile number, like +91 98765 43210');
  const others = (condition: SQL) =>
    unscoped(tx, 'sign-in emails and phones are unique across organizations')
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(condition, userId ? ne(staffUsers.id, userId) : undefined))
      .limit(1);
  if (details.email && (await others(sql`lower(${staffUsers.email}) = ${details.email.toLowerCase()}`)).length > 0) {
    throw fieldError('email', 'This email address already has a Carelane account. Use another one.');
  }
  if (phone && (await others(eq(staffUsers.phone, phone))).length > 0) {
    throw fieldError('phone', 'This phone number already has a Carelane account. Use another one.');
  }
  if (!seesAllCentres(details.role) && details.centreIds.length === 0) {
    throw fieldError('centreIds', 'Choose at least one centre this person works at.');
  }
  return { phone };
}
