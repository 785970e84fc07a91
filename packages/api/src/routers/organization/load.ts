import { can } from '@carelane/auth';
import { organizations, staffUsers } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';

/** The caller's own organization as the settings page shows it (read again after an update). */
export async function loadOrganizationSettings(ctx: StaffContext) {
  // The tenant's own row: organizations has no organization_id column to scope by.
  const [[org], [me]] = await Promise.all([
    ctx.db
      .select({
        id: organizations.id,
        name: organizations.name,
        slug: organizations.slug,
        zone: organizations.defaultZone,
        currency: organizations.currency,
        country: organizations.country,
        branding: organizations.branding,
        addressLine: organizations.addressLine,
        city: organizations.city,
        postalCode: organizations.postalCode,
        phone: organizations.phone,
        email: organizations.email,
        taxId: organizations.taxId,
        onlineBooking: organizations.onlineBooking,
        requireAdminTwoFactor: organizations.requireAdminTwoFactor,
      })
      .from(organizations)
      .where(ctx.tenant.organization()),
    ctx.db
      .select({ twoFactorEnabledAt: staffUsers.twoFactorEnabledAt })
      .from(staffUsers)
      .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, ctx.principal.userId))),
  ]);
  if (!org) throw notFound('Your organization');
  const { branding, ...details } = org;
  const logoFileId = branding.logoFileId ?? null;
  return {
    ...details,
    logoFileId,
    hasLogo: logoFileId !== null,
    canEdit: can(ctx.principal.role, 'settings:manage'),
    /** Whether the person reading has two-factor sign-in on: an admin needs it to require it of all admins. */
    callerHasTwoFactor: Boolean(me?.twoFactorEnabledAt),
  };
}

export type OrganizationSettings = Awaited<ReturnType<typeof loadOrganizationSettings>>;
