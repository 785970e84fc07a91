import { type FormRequestState, fullName } from '@carelane/core';
import { formRequests, formSubmissions, patients, questionnaireVersions, staffUsers } from '@carelane/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import { matchCondition, searchTerms } from '../patients/search-core';
import { formLinkColumns } from './link-columns';
import {
  decodeOverviewCursor,
  encodeOverviewCursor,
  FORM_REQUEST_STATES,
  type FormsOverviewInput,
} from './overview.schema';
import { formStateSql } from './state-sql';

/**
 * Every form link of the organization, newest first, with where each stands and how many are in
 * each state (the dashboard's tabs). Patients belong to the organization, not to a centre (as in
 * patients.list), so everyone with patients:read sees every link of it. A list, like patients.list:
 * no single record is read, so no audit entry; opening a submission is audited where it happens.
 */
export async function formsOverviewHandler({ ctx, input }: { ctx: StaffContext; input: FormsOverviewInput }) {
  const now = new Date();
  const state = formStateSql(now);
  const terms = searchTerms(input.q);
  // The box matches patients (name, record number, phone, email) exactly as the registry search does.
  const search = terms ? matchCondition(ctx.tenant, terms) : undefined;
  const scope = ctx.tenant.where(formRequests, search);
  const states = input.state === undefined ? null : Array.isArray(input.state) ? input.state : [input.state];
  const cursor = input.cursor ? decodeOverviewCursor(input.cursor) : null;

  const rowsQuery = ctx.db
    .select({
      ...formLinkColumns,
      patient: { id: patients.id, firstName: patients.firstName, lastName: patients.lastName, mrn: patients.mrn },
      state,
      submissionId: formSubmissions.id,
      key: sql<string>`${formRequests.createdAt}::text`,
    })
    .from(formRequests)
    .innerJoin(patients, and(eq(patients.id, formRequests.patientId), ctx.tenant.owns(patients)))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, formRequests.questionnaireVersionId))
    .innerJoin(staffUsers, eq(staffUsers.id, formRequests.createdById))
    .leftJoin(formSubmissions, ctx.tenant.where(formSubmissions, eq(formSubmissions.requestId, formRequests.id)))
    .where(
      and(
        scope,
        states ? inArray(state, states) : undefined,
        cursor
          ? sql`(${formRequests.createdAt}, ${formRequests.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(sql`${formRequests.createdAt} desc`, sql`${formRequests.id} desc`)
    .limit(input.limit + 1);

  const countsQuery = ctx.db
    .select({ state, count: sql<number>`count(*)::int` })
    .from(formRequests)
    .innerJoin(patients, and(eq(patients.id, formRequests.patientId), ctx.tenant.owns(patients)))
    .where(scope)
    .groupBy(sql`1`);

  const [rows, countRows] = await Promise.all([rowsQuery, countsQuery]);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const counts = Object.fromEntries(FORM_REQUEST_STATES.map((s) => [s, 0])) as Record<FormRequestState, number>;
  for (const row of countRows) counts[row.state] = row.count;

  return {
    items: items.map(({ key: _key, patient, ...item }) => ({
      ...item,
      patient: { id: patient.id, name: fullName(patient), mrn: patient.mrn },
    })),
    nextCursor: rows.length > input.limit && last ? encodeOverviewCursor({ createdAt: last.key, id: last.id }) : null,
    counts,
  };
}
export type FormsOverviewOutput = Awaited<ReturnType<typeof formsOverviewHandler>>;
