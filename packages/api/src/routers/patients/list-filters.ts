import type { PatientSearchTerms } from '@carelane/core';
import { appointments, organizations, patients } from '@carelane/db';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { requireCentre } from '../../scope';
import type { Tenant } from '../../tenancy';
import type { StaffContext } from '../../trpc';
import type { PatientFiltersInput } from './list.schema';
import { livePatients, matchCondition, searchTerms } from './search-core';

/** A visit is a checked-in or completed appointment (as last_visit_at counts them). */
const VISIT = sql`${appointments.status} in ('checked_in', 'completed')`;
/** Booked and still ahead. */
const UPCOMING = sql`${appointments.status} in ('pending', 'confirmed') and ${appointments.startsAt} > now()`;

/** The patient's next booked appointment, for the rows of a page. */
export function nextVisit(tenant: Tenant, patientId: SQL): SQL<Date | null> {
  return sql`(select min(${appointments.startsAt}) from ${appointments}
    where ${tenant.owns(appointments)} and ${appointments.patientId} = ${patientId} and ${UPCOMING})`.mapWith(
    (value: string | Date | null) => (value === null ? null : new Date(value)),
  ) as SQL<Date | null>;
}

function appointmentOf(tenant: Tenant, condition: SQL): SQL {
  return sql`exists (select 1 from ${appointments} where ${tenant.owns(appointments)}
    and ${appointments.patientId} = ${patients.id} and ${condition})`;
}

/** Midnight of a local date in the organization's zone. */
function localMidnight(tenant: Tenant, date: string, plusDays = 0): SQL {
  return sql`((${date}::date + ${plusDays}::int)::timestamp at time zone
    (select ${organizations.defaultZone} from ${organizations} where ${organizations.id} = ${tenant.organizationId}))`;
}

/** The list's filters, each index-backed (migration 0013); they combine with AND. */
export function filterConditions(tenant: Tenant, input: PatientFiltersInput): SQL[] {
  const conditions: SQL[] = [];
  if (input.tags?.length) {
    // The tag index holds only tagged patients (migration 0026); saying so lets the planner use it.
    conditions.push(sql`cardinality(${patients.tags}) > 0 and ${patients.tags} @> ${sql.param(input.tags)}::text[]`);
  }
  if (input.centreId) {
    conditions.push(appointmentOf(tenant, sql`${appointments.centreId} = ${input.centreId} and ${VISIT}`));
  }
  if (input.clinicianId) {
    conditions.push(appointmentOf(tenant, sql`${appointments.clinicianId} = ${input.clinicianId} and ${VISIT}`));
  }
  if (input.lastVisitFrom) {
    conditions.push(sql`${patients.lastVisitAt} >= ${localMidnight(tenant, input.lastVisitFrom)}`);
  }
  if (input.lastVisitTo) {
    conditions.push(sql`${patients.lastVisitAt} < ${localMidnight(tenant, input.lastVisitTo, 1)}`);
  }
  // Age in whole years today: at least n means born on or before today n years ago.
  if (input.ageMin !== undefined) {
    conditions.push(sql`${patients.birthDate} <= (current_date - make_interval(years => ${input.ageMin}::int))::date`);
  }
  if (input.ageMax !== undefined) {
    conditions.push(
      sql`${patients.birthDate} > (current_date - make_interval(years => ${input.ageMax + 1}::int))::date`,
    );
  }
  if (input.sex) conditions.push(eq(patients.sex, input.sex));
  if (input.healthPlan) {
    conditions.push(sql`lower(${patients.healthPlan} ->> 'insurer') = ${input.healthPlan.toLowerCase()}`);
  }
  if (input.hasUpcoming !== undefined) {
    // The latest booked start is ahead exactly when some booked appointment is (migration 0020).
    const ahead = sql`${patients.latestBookedAt} > now()`;
    conditions.push(input.hasUpcoming ? ahead : sql`not coalesce(${ahead}, false)`);
  }
  return conditions;
}

/**
 * The patients a list and its count hold: live (or archived) ones the box and the filters match.
 * A centre filter must name a centre the caller may see (else NOT_FOUND), checked here so no
 * caller can forget it. Returns the search terms too (the list sorts by them).
 */
export async function listScope(
  ctx: StaffContext,
  input: PatientFiltersInput,
): Promise<{ terms: PatientSearchTerms | null; where: SQL }> {
  const { tenant } = ctx;
  if (input.centreId) await requireCentre(ctx.db, ctx.principal, input.centreId);
  const terms = searchTerms(input.q);
  const where = and(
    livePatients(tenant, input.status === 'archived'),
    terms ? matchCondition(tenant, terms) : undefined,
    ...filterConditions(tenant, input),
  ) as SQL;
  return { terms, where };
}
