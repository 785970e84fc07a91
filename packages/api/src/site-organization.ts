import { type Database, organizations } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { unscoped } from './tenancy';

/** Why a booking site cannot serve yet: it is waiting for its organization, or is told one that is not there. */
export class SiteNotReadyError extends Error {
  constructor(
    readonly reason: 'no-organization' | 'several-organizations' | 'unknown-slug',
    message: string,
  ) {
    super(message);
    this.name = 'SiteNotReadyError';
  }
}

/**
 * The organization a booking site serves: the one named by `slug` (BOOKING_ORGANIZATION), or
 * without it the only organization there is.
 */
export async function findSiteOrganization(db: Database, slug: string | undefined): Promise<string> {
  // Before any tenant is known: the site's own configuration decides which one it is.
  const query = unscoped(db, 'a booking site finds the organization it serves')
    .select({ id: organizations.id })
    .from(organizations);
  if (slug) {
    const [org] = await query.where(eq(organizations.slug, slug));
    if (!org) throw new SiteNotReadyError('unknown-slug', `No organization with slug "${slug}" (BOOKING_ORGANIZATION)`);
    return org.id;
  }
  const found = await query.limit(2);
  const [only] = found;
  if (!only)
    throw new SiteNotReadyError('no-organization', 'No organization exists yet: the first-run setup is not done');
  if (found.length > 1) {
    throw new SiteNotReadyError(
      'several-organizations',
      'Several organizations exist: set BOOKING_ORGANIZATION to the slug of the one this booking site serves',
    );
  }
  return only.id;
}
