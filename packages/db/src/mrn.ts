import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { organizations, patients } from './schema';

/** "sunrise-health" -> "SH": the letters before an organization's record numbers, as the demo seed has them. */
function mrnPrefix(slug: string): string {
  const initials = slug
    .split(/[^a-z0-9]+/i)
    .filter(Boolean)
    .map((word) => word[0])
    .join('')
    .toUpperCase()
    .slice(0, 3);
  return initials || 'P';
}

/**
 * The next medical record number of an organization: SH-000301 after SH-000300. Call it inside
 * the transaction that inserts the patient: it holds a per-organization lock until that
 * transaction ends, so patients created at the same time never draw the same number.
 */
export async function nextPatientMrn(tx: DbOrTx, organizationId: string): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`patient-mrn:${organizationId}`}, 0))`);
  const [org] = await tx
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw new Error('nextPatientMrn: unknown organization');
  const prefix = mrnPrefix(org.slug);
  // Matches the partial index of migration 0016 exactly, so the maximum is one index probe.
  const [row] = await tx
    .select({ last: sql<string | null>`max(substring(${patients.mrn} from '[0-9]+$')::bigint)` })
    .from(patients)
    .where(
      and(
        eq(patients.organizationId, organizationId),
        sql`split_part(${patients.mrn}, '-', 1) = ${prefix}`,
        sql`${patients.mrn} ~ '^[A-Z0-9]{1,6}-[0-9]{1,15}$'`,
      ),
    );
  return `${prefix}-${String(Number(row?.last ?? 0) + 1).padStart(6, '0')}`;
}
