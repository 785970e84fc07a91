import { addMinor, assertMinor } from '../money';

export const TREATMENT_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type TreatmentStatus = (typeof TREATMENT_STATUSES)[number];

export const TREATMENT_STATUS_LABELS: Record<TreatmentStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
};

export const PLAN_STATUSES = ['proposed', 'accepted', 'declined'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export type PlanTreatment = { priceMinor: number; discountMinor: number; status: TreatmentStatus };

export type PlanTotals = {
  priceMinor: number;
  discountMinor: number;
  /** price - discount over every treatment. */
  totalMinor: number;
  /** The total split by treatment status. */
  byStatus: Record<TreatmentStatus, number>;
};

export type PlanCheck = { ok: true } | { ok: false; code: 'BAD_REQUEST' | 'CONFLICT'; field?: string; message: string };

/** A treatment's own check: whole amounts, and a discount no larger than the price. */
export function checkTreatmentPrice(priceMinor: number, discountMinor: number): PlanCheck {
  if (!Number.isSafeInteger(priceMinor) || priceMinor < 0) {
    return {
      ok: false,
      code: 'BAD_REQUEST',
      field: 'priceMinor',
      message: 'The price must be a whole, non-negative amount.',
    };
  }
  if (!Number.isSafeInteger(discountMinor) || discountMinor < 0) {
    return {
      ok: false,
      code: 'BAD_REQUEST',
      field: 'discountMinor',
      message: 'The discount must be a whole, non-negative amount.',
    };
  }
  if (discountMinor > priceMinor) {
    return {
      ok: false,
      code: 'BAD_REQUEST',
      field: 'discountMinor',
      message: 'The discount cannot be more than the price.',
    };
  }
  return { ok: true };
}

export function planTotals(treatments: readonly PlanTreatment[]): PlanTotals {
  const byStatus: Record<TreatmentStatus, number> = { planned: 0, in_progress: 0, done: 0 };
  for (const t of treatments) {
    assertMinor(t.priceMinor, 'priceMinor');
    assertMinor(t.discountMinor, 'discountMinor');
    if (t.discountMinor < 0 || t.discountMinor > t.priceMinor || t.priceMinor < 0) {
      throw new RangeError('A treatment discount must be between 0 and its price');
    }
    byStatus[t.status] = addMinor(byStatus[t.status], t.priceMinor - t.discountMinor);
  }
  const priceMinor = addMinor(...treatments.map((t) => t.priceMinor));
  const discountMinor = addMinor(...treatments.map((t) => t.discountMinor));
  return { priceMinor, discountMinor, totalMinor: priceMinor - discountMinor, byStatus };
}

/**
 * Plan decisions: a proposed plan is accepted or declined by the patient; a declined plan can be
 * proposed again; an accepted plan can still be declined (withdrawn) until work on it starts, since
 * after that the patient has had treatment they agreed to. An empty plan cannot be accepted.
 */
export function checkPlanTransition(
  from: PlanStatus,
  to: PlanStatus,
  treatments: readonly Pick<PlanTreatment, 'status'>[],
): PlanCheck {
  const started = treatments.some((t) => t.status !== 'planned');
  if (from === to) return { ok: false, code: 'CONFLICT', message: `This plan is already ${to}.` };
  if (to === 'accepted') {
    if (from !== 'proposed')
      return { ok: false, code: 'CONFLICT', message: 'Only a proposed plan can be accepted; propose it again first.' };
    if (treatments.length === 0)
      return { ok: false, code: 'CONFLICT', message: 'Add a treatment to the plan before it is accepted.' };
    return { ok: true };
  }
  if (to === 'declined') {
    if (started)
      return {
        ok: false,
        code: 'CONFLICT',
        message: 'Treatment on this plan has started, so it can no longer be declined.',
      };
    return { ok: true };
  }
  // to === 'proposed': re-offering a declined plan; an accepted one goes back only if nothing started.
  if (from === 'accepted' && started) {
    return {
      ok: false,
      code: 'CONFLICT',
      message: 'Treatment on this plan has started, so it cannot go back to proposed.',
    };
  }
  return { ok: true };
}

/** Treatments of a plan change (added, repriced, removed) only while it is proposed: not what was agreed or declined. */
export function checkPlanEditable(status: PlanStatus): PlanCheck {
  if (status === 'proposed') return { ok: true };
  return {
    ok: false,
    code: 'CONFLICT',
    message: `This plan was ${status}; propose it again before changing its treatments.`,
  };
}

const TREATMENT_MOVES: Record<TreatmentStatus, readonly TreatmentStatus[]> = {
  planned: ['in_progress', 'done'],
  in_progress: ['done', 'planned'],
  done: [],
};

/** A treatment moves forward (or back from in progress to planned); work on a plan starts only once it is accepted. */
export function checkTreatmentTransition(
  from: TreatmentStatus,
  to: TreatmentStatus,
  plan: PlanStatus | null,
): PlanCheck {
  if (!TREATMENT_MOVES[from].includes(to)) {
    return {
      ok: false,
      code: 'CONFLICT',
      message: `A treatment that is ${TREATMENT_STATUS_LABELS[from].toLowerCase()} cannot become ${TREATMENT_STATUS_LABELS[to].toLowerCase()}.`,
    };
  }
  if (to !== 'planned' && plan !== null && plan !== 'accepted') {
    return {
      ok: false,
      code: 'CONFLICT',
      message: 'The patient has not accepted this plan yet, so its treatment cannot start.',
    };
  }
  return { ok: true };
}

/**
 * Whether a treatment may go on an invoice: work under way or done, or planned work the patient
 * accepted in a plan (billed in advance). A proposed or declined plan's work is not billed.
 */
export function treatmentBillingRefusal(treatment: {
  status: TreatmentStatus;
  planStatus: 'proposed' | 'accepted' | 'declined' | null;
}): string | null {
  if (treatment.status !== 'planned' || treatment.planStatus === 'accepted') return null;
  if (treatment.planStatus === 'declined') return 'The patient declined the plan this treatment is in.';
  return 'Only work under way or done, or planned work in an accepted plan, can be billed.';
}
