import { isFormToken } from '@carelane/core';
import { type Database, formRequests, organizations } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { tenantOf, unscoped } from '../../tenancy';
import { formTokenHash } from './token';

/** The link a token names, with its clinic as the public page shows it; null for any unknown token. */
export async function findFormLink(db: Database, token: string) {
  if (!isFormToken(token)) return null;
  const [link] = await unscoped(db, 'a form link is found by its token hash, before its organization is known')
    .select()
    .from(formRequests)
    .where(eq(formRequests.tokenHash, formTokenHash(token)));
  if (!link) return null;
  const [clinic] = await db
    .select({ name: organizations.name, branding: organizations.branding })
    .from(organizations)
    .where(tenantOf(link.organizationId).organization());
  if (!clinic) return null;
  // The logo is fetched through the link itself, so the page needs no other credential.
  const logoUrl = clinic.branding.logoFileId ? `/api/forms/${encodeURIComponent(token)}/logo` : null;
  return { link, clinic: { name: clinic.name, logoUrl } };
}
