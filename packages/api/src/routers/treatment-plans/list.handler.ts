import { planTotals } from '@carelane/core';
import { organizations, procedures, staffUsers, treatmentPlans, treatments } from '@carelane/db';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import { loadPatient } from '../patients/load';
import type { PlanListInput } from './treatment-plans.schema';

/** A patient's plans, newest first, each with its treatments (by tooth) and core's totals. */
export async function planListHandler({ ctx, input }: { ctx: StaffContext; input: PlanListInput }) {
  const { tenant } = ctx;
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
      declineReason: treatmentPlans.declineReason,
      createdAt: treatmentPlans.createdAt,
      createdBy: staffUsers.name,
    })
    .from(treatmentPlans)
    .innerJoin(staffUsers, eq(staffUsers.id, treatmentPlans.createdById))
    .where(tenant.where(treatmentPlans, eq(treatmentPlans.patientId, patient.id)))
    .orderBy(desc(treatmentPlans.createdAt));
  const planIds = plans.map((p) => p.id);
  const [items, [org]] = await Promise.all([
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
          .where(tenant.where(treatments, inArray(treatments.planId, planIds)))
          .orderBy(asc(treatments.tooth), asc(treatments.createdAt))
      : [],
    ctx.db.select({ currency: organizations.currency }).from(organizations).where(tenant.organization()),
  ]);
  await audit(ctx, { action: 'treatment_plan.list', entity: 'patient', entityId: patient.id });
  return plans.map((plan) => {
    const own = items.filter((t) => t.planId === plan.id).map(({ planId: _p, ...t }) => t);
    return {
      ...plan,
      declineReason: plan.status === 'declined' ? plan.declineReason : null,
      currency: own[0]?.currency ?? org?.currency ?? 'INR',
      treatments: own,
      totals: planTotals(own),
    };
  });
}
