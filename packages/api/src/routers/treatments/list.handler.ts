import { procedures, staffUsers, treatments } from '@carelane/db';
import { and, asc, eq } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import { loadPatient } from '../patients/load';
import type { TreatmentListInput } from './treatments.schema';

/** A patient's treatments for the tooth chart and the list: by tooth, then oldest first. */
export async function treatmentListHandler({ ctx, input }: { ctx: StaffContext; input: TreatmentListInput }) {
  const patient = await loadPatient(ctx.db, ctx, input.patientId);
  return ctx.db
    .select({
      id: treatments.id,
      tooth: treatments.tooth,
      description: treatments.description,
      procedureId: treatments.procedureId,
      procedureCode: procedures.code,
      priceMinor: treatments.priceMinor,
      discountMinor: treatments.discountMinor,
      currency: treatments.currency,
      status: treatments.status,
      performedOn: treatments.performedOn,
      notes: treatments.notes,
      planId: treatments.planId,
      appointmentId: treatments.appointmentId,
      createdBy: staffUsers.name,
      createdAt: treatments.createdAt,
    })
    .from(treatments)
    .leftJoin(procedures, eq(procedures.id, treatments.procedureId))
    .innerJoin(staffUsers, eq(staffUsers.id, treatments.createdById))
    .where(and(eq(treatments.organizationId, ctx.principal.organizationId), eq(treatments.patientId, patient.id)))
    .orderBy(asc(treatments.tooth), asc(treatments.createdAt));
}
