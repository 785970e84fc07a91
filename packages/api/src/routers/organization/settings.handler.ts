import { can } from '@carelane/auth';
import { organizations } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';

/** The caller's own organization as the settings page shows it; no input, so no other one can be named. */
export async function settingsHandler({ ctx }: { ctx: StaffContext }) {
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
    .where(eq(organizations.id, ctx.principal.organizationId));
  if (!org) throw notFound('Your organization');
  const { branding, ...details } = org;
  const logoFileId = branding.logoFileId ?? null;
  return { ...details, logoFileId, hasLogo: logoFileId !== null, canEdit: can(ctx.principal.role, 'settings:manage') };
}

export type OrganizationSettings = Awaited<ReturnType<typeof settingsHandler>>;
