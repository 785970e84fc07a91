import type { PlanCheck } from '@carelane/core';
import { type DbOrTx, treatmentPlans, treatments } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq, inArray } from 'drizzle-orm';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';

export type PlanRow = typeof treatmentPlans.$inferSelect;

/** A plan of the caller's organization, locked for the transaction so decisions on it queue up; else NOT_FOUND. */
export async function lockPlan(tx: DbOrTx, ctx: StaffContext, id: string): Promise<PlanRow> {
  const [row] = await tx
    .select()
    .from(treatmentPlans)
    .where(ctx.tenant.where(treatmentPlans, eq(treatmentPlans.id, id)))
    .for('update');
  if (!row) throw notFound('Treatment plan');
  return row;
}

/** Core's refusal as the API's error: a named field for bad input, otherwise the sentence as a conflict. */
export function refuse(check: PlanCheck): void {
  if (check.ok) return;
  if (check.code === 'BAD_REQUEST' && check.field) throw fieldError(check.field, check.message);
  throw new TRPCError({ code: check.code, message: check.message });
}

/** The plan's treatments (statuses only), for core's decisions. */
export function planTreatmentStatuses(tx: DbOrTx, planId: string) {
  return tx.select({ status: treatments.status }).from(treatments).where(eq(treatments.planId, planId));
}

/**
 * Puts treatments into a plan: each must be this patient's, still planned, and in no other open
 * plan (proposed or accepted). A treatment of a declined plan may be offered again in a new one.
 * The rows are locked so two plans cannot take the same treatment at once.
 * Returns, per treatment moved, the declined plan it left (for the audit).
 */
export async function claimTreatments(
  tx: DbOrTx,
  ctx: StaffContext,
  plan: Pick<PlanRow, 'id' | 'patientId'>,
  ids: readonly string[],
  field: string,
): Promise<Record<string, string | null>> {
  if (ids.length === 0) return {};
  const rows = await tx
    .select({
      id: treatments.id,
      patientId: treatments.patientId,
      description: treatments.description,
      status: treatments.status,
      planId: treatments.planId,
      planName: treatmentPlans.name,
      planStatus: treatmentPlans.status,
    })
    .from(treatments)
    .leftJoin(treatmentPlans, eq(treatmentPlans.id, treatments.planId))
    .where(ctx.tenant.where(treatments, inArray(treatments.id, [...ids])))
    .for('update', { of: treatments });
  if (rows.length !== ids.length) throw notFound('Treatment');
  const from: Record<string, string | null> = {};
  for (const row of rows) {
    if (row.patientId !== plan.patientId) throw fieldError(field, 'That treatment belongs to another patient.');
    if (row.status !== 'planned')
      throw fieldError(field, `${row.description} has already started; only planned treatments go into a plan.`);
    if (row.planId && row.planId !== plan.id && row.planStatus !== 'declined')
      throw fieldError(
        field,
        // The other plan may be too new to show its name when two plans raced for the treatment.
        `${row.description} is already in ${row.planName ? `the plan "${row.planName}"` : 'another plan'}.`,
      );
    if (row.planId !== plan.id) from[row.id] = row.planId;
  }
  const moving = Object.keys(from);
  if (moving.length) await tx.update(treatments).set({ planId: plan.id }).where(inArray(treatments.id, moving));
  return from;
}

/** Takes treatments out of a proposed plan; each must be in it. */
export async function releaseTreatments(tx: DbOrTx, planId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx
    .select({ id: treatments.id })
    .from(treatments)
    .where(and(inArray(treatments.id, [...ids]), eq(treatments.planId, planId)))
    .for('update');
  if (rows.length !== ids.length) throw fieldError('removeTreatmentIds', 'That treatment is not in this plan.');
  await tx
    .update(treatments)
    .set({ planId: null })
    .where(inArray(treatments.id, [...ids]));
}
