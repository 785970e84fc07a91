import { patients } from '@carelane/db';
import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import type { QuickSearchInput } from './search.schema';

/**
 * A quick patient lookup for booking dialogs: name (any part, trigram-indexed), MRN, or the
 * digits of a phone number. The full registry search comes with the patients work.
 */
export async function quickSearchHandler({ ctx, input }: { ctx: StaffContext; input: QuickSearchInput }) {
  const pattern = `%${input.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const digits = input.q.replace(/\D/g, '');
  const rows = await ctx.db
    .select({
      id: patients.id,
      mrn: patients.mrn,
      firstName: patients.firstName,
      lastName: patients.lastName,
      phone: patients.phone,
      birthDate: patients.birthDate,
    })
    .from(patients)
    .where(
      and(
        eq(patients.organizationId, ctx.principal.organizationId),
        isNull(patients.mergedIntoId),
        isNull(patients.archivedAt),
        or(
          sql`lower(${patients.firstName} || ' ' || ${patients.lastName}) like lower(${pattern})`,
          ilike(patients.mrn, pattern),
          digits.length >= 4 ? ilike(patients.phone, `%${digits}%`) : undefined,
        ),
      ),
    )
    .orderBy(asc(patients.firstName), asc(patients.lastName))
    .limit(10);
  return rows.map((r) => ({ ...r, name: `${r.firstName} ${r.lastName}`.trim() }));
}
