import { files, organizations } from '@carelane/db';
import { and, eq, sql } from 'drizzle-orm';
import type { ApiDeps } from '../deps';
import type { Tenant } from '../tenancy';

/** The organization's logo file row, if it has one. */
export async function organizationLogo(deps: ApiDeps, tenant: Tenant) {
  const [row] = await deps.db
    .select({ id: files.id, storageKey: files.storageKey, contentType: files.contentType })
    .from(organizations)
    .innerJoin(
      files,
      and(
        tenant.owns(files),
        eq(files.purpose, 'logo'),
        sql`${files.id}::text = ${organizations.branding} ->> 'logoFileId'`,
      ),
    )
    .where(tenant.organization());
  return row ?? null;
}
