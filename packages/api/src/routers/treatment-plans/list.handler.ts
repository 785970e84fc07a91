import { planTotals } from '@carelane/core';
import { auditLog, organizations, procedures, staffUsers, treatmentPlans, treatments } from '@carelane/db';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import { loadPatient } from '../patients/load';
import type { PlanListInput } from './treatment-plans.schema';

/** A patient's plans, newest first, each with its treatments (by tooth) and core's totals. */
export async function planListHandler({ ctx, input }: { ctx: StaffContext; input: PlanListInput }) {
  const organizationId = ctx.principal.organizationId;
  const patient = await loadPatient(ctx.db, ctx, input.patientId).catch(async (error: unknown) => {
    await audit(ctx, { action: 'treatment_plan.list', entity: 'patient', entityId: input.patientId, success: false });
    throw error;
  });
  const plans = await ctx.db
    .select({
      id: treatmentPlans.id,
      name: treatmentPlans.name,
      status: treatmentPlans.status,
      decidedAt: treatmentPlans.decidedAt,
      createdAt: treatmentPlans.createdAt,
      createdBy: staffUsers.name,
    })
    .from(treatmentPlans)
    .innerJoin(staffUsers, eq(staffUsers.id, treatmentPlans.createdById))
    .where(and(eq(treatmentPlans.organizationId, organizationId), eq(treatmentPlans.patientId, patient.id)))
    .orderBy(desc(treatmentPlans.createdAt));
  const planIds = plans.map((p) => p.id);
  const [items, decisions, [org]] = await Promise.all([
    planIds.length
      ? ctx.db
          .select({
            id: treatments.id,
            planId: treatments.planId,
            tooth: treatments.tooth,
            description: treatments.description,
            procedureCode: procedures.code,
            priceMinor: treatments.priceMinor,
            discountMinor: treatments.discountMinor,
            currency: treatments.currency,
            status: treatments.status,
          })
          .from(treatments)
          .leftJoin(procedures, eq(procedures.id, treatments.procedureId))
          .where(and(eq(treatments.organizationId, organizationId), inArray(treatments.planId, planIds)))
          .orderBy(asc(treatments.tooth), asc(treatments.createdAt))
      : [],
    planIds.length
      ? ctx.db
          .select({ planId: auditLog.entityId, changes: auditLog.changes })
          .from(auditLog)
          .where(
            and(
              eq(auditLog.organizationId, organizationId),
              eq(auditLog.entity, 'treatment_plan'),
              eq(auditLog.action, 'treatment_plan.decline'),
              inArray(auditLog.entityId, planIds),
            ),
          )
          .orderBy(asc(auditLog.id))
      : [],
    ctx.db.select({ currency: organizations.currency }).from(organizations).where(eq(organizations.id, organizationId)),
  ]);
  // The reason given with the latest decline (later entries overwrite earlier ones).
  const reasons = new Map<string, string>();
  for (const d of decisions) {
    const reason = d.changes?.reason?.to;
    if (d.planId && typeof reason === 'string') reasons.set(d.planId, reason);
  }
  await audit(ctx, { action: 'treatment_plan.list', entity: 'patient', entityId: patient.id });
  return plans.map((plan) => {
    const own = items.filter((t) => t.planId === plan.id).map(({ planId: _p, ...t }) => t);
    return {
      ...plan,
      declineReason: plan.status === 'declined' ? (reasons.get(plan.id) ?? null) : null,
      currency: own[0]?.currency ?? org?.currency ?? 'INR',
      treatments: own,
      totals: planTotals(own),
    };
  });
}
