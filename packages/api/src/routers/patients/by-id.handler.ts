import { households, patients } from '@carelane/db';
import { and, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import type { PatientByIdInput } from './by-id.schema';

/** One patient's record. Another organization's patient is NOT_FOUND; every read is audited. */
export async function patientByIdHandler({ ctx, input }: { ctx: StaffContext; input: PatientByIdInput }) {
  const [row] = await ctx.db
    .select({ patient: patients, household: { id: households.id, name: households.name } })
    .from(patients)
    .leftJoin(households, eq(households.id, patients.householdId))
    .where(and(eq(patients.id, input.id), eq(patients.organizationId, ctx.principal.organizationId)));
  if (!row) {
    await audit(ctx, { action: 'patient.read', entity: 'patient', entityId: input.id, success: false });
    throw notFound('Patient');
  }
  await audit(ctx, { action: 'patient.read', entity: 'patient', entityId: row.patient.id });
  const { organizationId: _org, ...patient } = row.patient;
  return { ...patient, household: row.household };
}
