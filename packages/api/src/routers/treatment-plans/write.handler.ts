import { checkPlanEditable } from '@carelane/core';
import { treatmentPlans } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import { loadPatient, requireLive } from '../patients/load';
import { claimTreatments, lockPlan, refuse, releaseTreatments } from './plan-rows';
import type { PlanCreateInput, PlanUpdateInput } from './treatment-plans.schema';

/** Proposes a plan grouping the patient's planned treatments. */
export async function planCreateHandler({ ctx, input }: { ctx: StaffContext; input: PlanCreateInput }) {
  return ctx.db.transaction(async (tx) => {
    const patient = await loadPatient(tx, ctx, input.patientId);
    await requireLive(tx, patient);
    const [plan] = await tx
      .insert(treatmentPlans)
      .values(ctx.tenant.row({ patientId: patient.id, name: input.name, createdById: ctx.principal.userId }))
      .returning();
    if (!plan) throw new Error('Insert returned no row');
    const from = await claimTreatments(tx, ctx, plan, input.treatmentIds, 'treatmentIds');
    await audit(
      ctx,
      {
        action: 'treatment_plan.create',
        entity: 'treatment_plan',
        entityId: plan.id,
        changes: {
          patientId: { to: patient.id },
          name: { to: plan.name },
          treatmentIds: { to: input.treatmentIds, ...leftDeclined(from) },
        },
      },
      tx,
    );
    return plan;
  });
}

/** Renames a proposed plan or changes its treatments; what was accepted or declined stays as it was. */
export async function planUpdateHandler({ ctx, input }: { ctx: StaffContext; input: PlanUpdateInput }) {
  return ctx.db.transaction(async (tx) => {
    const before = await lockPlan(tx, ctx, input.id);
    refuse(checkPlanEditable(before.status));
    await releaseTreatments(tx, before.id, input.removeTreatmentIds);
    const from = await claimTreatments(tx, ctx, before, input.addTreatmentIds, 'addTreatmentIds');
    const renamed = input.name !== undefined && input.name !== before.name;
    const [plan] = await tx
      .update(treatmentPlans)
      .set({ name: input.name ?? before.name })
      .where(eq(treatmentPlans.id, before.id))
      .returning();
    if (!plan) throw new Error('Update returned no row');
    await audit(
      ctx,
      {
        action: 'treatment_plan.update',
        entity: 'treatment_plan',
        entityId: plan.id,
        changes: {
          ...(renamed ? { name: { from: before.name, to: plan.name } } : {}),
          ...(input.addTreatmentIds.length
            ? { addTreatmentIds: { to: input.addTreatmentIds, ...leftDeclined(from) } }
            : {}),
          ...(input.removeTreatmentIds.length ? { removeTreatmentIds: { to: input.removeTreatmentIds } } : {}),
        },
      },
      tx,
    );
    return plan;
  });
}

/** Treatments taken over from a declined plan, for the audit: the declined plan's record changes too. */
function leftDeclined(from: Record<string, string | null>) {
  const moved = Object.fromEntries(Object.entries(from).filter(([, plan]) => plan !== null));
  return Object.keys(moved).length ? { from: moved } : {};
}
