import { checkPlanTransition, type PlanStatus } from '@carelane/core';
import { treatmentPlans } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import { lockPlan, planTreatmentStatuses, refuse } from './plan-rows';
import type { PlanAcceptInput, PlanDeclineInput } from './treatment-plans.schema';

/**
 * Records the patient's decision. The plan row is locked first, so of two decisions sent at once
 * the second sees the first and gets core's answer to it (e.g. "This plan is already accepted.").
 * A declined plan keeps its treatments: they stay recorded as declined and cannot start (see
 * core's checkTreatmentTransition) until the plan is proposed again or they join a new plan.
 */
async function decide(ctx: StaffContext, id: string, to: PlanStatus, reason?: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await lockPlan(tx, ctx, id);
    refuse(checkPlanTransition(before.status, to, await planTreatmentStatuses(tx, before.id)));
    const [plan] = await tx
      .update(treatmentPlans)
      .set({ status: to, decidedAt: new Date(), declineReason: to === 'declined' ? (reason ?? null) : null })
      .where(eq(treatmentPlans.id, before.id))
      .returning();
    if (!plan) throw new Error('Update returned no row');
    await audit(
      ctx,
      {
        action: `treatment_plan.${to === 'accepted' ? 'accept' : 'decline'}`,
        entity: 'treatment_plan',
        entityId: plan.id,
        changes: { status: { from: before.status, to }, ...(reason ? { reason: { to: reason } } : {}) },
      },
      tx,
    );
    return plan;
  });
}

export const planAcceptHandler = ({ ctx, input }: { ctx: StaffContext; input: PlanAcceptInput }) =>
  decide(ctx, input.id, 'accepted');

export const planDeclineHandler = ({ ctx, input }: { ctx: StaffContext; input: PlanDeclineInput }) =>
  decide(ctx, input.id, 'declined', input.reason || undefined);
