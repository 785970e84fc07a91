import type { RouterOutputs } from '@carelane/api/client';
import type { PlanStatus } from '@carelane/core';
import type { Treatment } from './treatment-format';

export type Plan = RouterOutputs['treatmentPlans']['forPatient'][number];

export const PLAN_STATUS: Record<PlanStatus, { label: string; chip: string }> = {
  proposed: { label: 'Proposed', chip: 'border-amber-700 bg-amber-50 text-amber-900' },
  accepted: { label: 'Accepted', chip: 'border-emerald-800 bg-emerald-100 text-emerald-900' },
  declined: { label: 'Declined', chip: 'border-slate-500 bg-slate-100 text-slate-800' },
};

/**
 * Treatments that can go into a plan: planned ones in no open plan (a declined plan's may be
 * offered again), plus those already in the plan being edited.
 */
export function plannable(treatments: readonly Treatment[], plans: readonly Plan[], editing: string | null) {
  const open = new Set(plans.filter((p) => p.status !== 'declined' && p.id !== editing).map((p) => p.id));
  return treatments.filter(
    (t) => (t.status === 'planned' && !(t.planId && open.has(t.planId))) || (editing && t.planId === editing),
  );
}
