'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney } from '@carelane/core';
import { Alert, Button } from '@carelane/ui';
import { type FormEvent, useState } from 'react';
import { Modal } from '@/components/modal';
import type { Plan } from './plan-format';

/** Records the patient's yes or no to a plan, after a confirmation; a no may carry the reason. */
export function PlanDecisionDialog({
  patientId,
  plan,
  decision,
  onClose,
}: {
  patientId: string;
  plan: Plan;
  decision: 'accept' | 'decline';
  onClose: (message: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const accept = trpc.treatmentPlans.accept.useMutation();
  const decline = trpc.treatmentPlans.decline.useMutation();
  const [reason, setReason] = useState('');
  const error = accept.error ?? decline.error;
  const total = formatMoney(plan.totals.totalMinor, plan.currency);
  const withdraw = decision === 'decline' && plan.status === 'accepted';

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      if (decision === 'accept') await accept.mutateAsync({ id: plan.id });
      else await decline.mutateAsync({ id: plan.id, reason: reason.trim() || undefined });
      await Promise.all([
        utils.treatmentPlans.forPatient.invalidate({ patientId }),
        utils.treatments.forPatient.invalidate({ patientId }),
      ]);
      onClose(decision === 'accept' ? `${plan.name}: accepted.` : `${plan.name}: declined.`);
    } catch {
      // Shown below from the mutation's error.
    }
  }

  const title = decision === 'accept' ? `Accept ${plan.name}` : `${withdraw ? 'Withdraw' : 'Decline'} ${plan.name}`;
  return (
    <Modal title={title} onClose={() => onClose(null)}>
      <form onSubmit={submit} className="space-y-3">
        <p className="text-sm text-slate-800">
          {decision === 'accept'
            ? `Record that the patient accepted ${plan.treatments.length} treatments for ${total}. Work on them can then start, and the plan can no longer be changed.`
            : `Record that the patient ${withdraw ? 'withdrew from' : 'declined'} this plan (${total}). Its treatments stay on record as declined and cannot start unless it is offered again.`}
        </p>
        {decision === 'decline' ? (
          <div className="space-y-1">
            <label htmlFor="decline-reason" className="block text-sm font-medium text-slate-800">
              Reason (optional)
            </label>
            <textarea
              id="decline-reason"
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-autofocus
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-teal-700 focus:outline-none focus:ring-2 focus:ring-teal-700/30"
            />
          </div>
        ) : null}
        {error ? <Alert>{errorMessage(error)}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button
            type="submit"
            busy={accept.isPending || decline.isPending}
            data-autofocus={decision === 'accept' ? '' : undefined}
          >
            {decision === 'accept' ? 'Accept plan' : withdraw ? 'Withdraw plan' : 'Decline plan'}
          </Button>
          <Button variant="secondary" onClick={() => onClose(null)}>
            Cancel
          </Button>
        </div>
      </form>
    </Modal>
  );
}
