import { can } from '@carelane/auth';
import { organizations } from '@carelane/db';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';

/** The caller's own organization as the settings page shows it (read again after an update). */
export async function loadOrganizationSettings(ctx: StaffContext) {
  // The tenant's own row: organizations has no organization_id column to scope by.
  const [org] = await ctx.db
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      zone: organizations.defaultZone,
      currency: organizations.currency,
      country: organizations.country,
      branding: organizations.branding,
    })
    .from(organizations)
    .where(ctx.tenant.organization());
  if (!org) throw notFound('Your organization');
  const { branding, ...details } = org;
  const logoFileId = branding.logoFileId ?? null;
  return { ...details, logoFileId, hasLogo: logoFileId !== null, canEdit: can(ctx.principal.role, 'settings:manage') };
}

export type OrganizationSettings = Awaited<ReturnType<typeof loadOrganizationSettings>>;
