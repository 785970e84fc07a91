import { fullName } from '@carelane/core';
import { patients } from '@carelane/db';
import { and, desc } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import type { QuickSearchInput } from './search.schema';
import { livePatients, matchCondition, nameKey, relevance, searchTerms } from './search-core';

/**
 * The patient picker of booking dialogs and the waitlist: the registry's search box (fuzzy
 * name, phone in any format or its last digits, email, MRN), best matches first.
 */
export async function quickSearchHandler({ ctx, input }: { ctx: StaffContext; input: QuickSearchInput }) {
  const terms = searchTerms(input.q);
  if (!terms) return [];
  const score = relevance(terms);
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
    .where(and(livePatients(ctx.tenant, false), matchCondition(ctx.tenant, terms)))
    .orderBy(desc(score), nameKey, patients.id)
    .limit(10);
  return rows.map((r) => ({ ...r, name: fullName(r) }));
}
