'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney, planTotals } from '@carelane/core';
import { Alert, Button, TextField } from '@carelane/ui';
import { type FormEvent, useState } from 'react';
import { Modal } from '@/components/modal';
import type { Plan } from './plan-format';
import type { Treatment } from './treatment-format';
import { toothTitle } from './treatment-format';

/** A new plan, or a proposed one's name and treatments: planned treatments ticked, with the total as they are ticked. */
export function PlanDialog({
  patientId,
  plan,
  choices,
  currency,
  onClose,
}: {
  patientId: string;
  plan: Plan | null;
  choices: readonly Treatment[];
  currency: string;
  onClose: (message: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const create = trpc.treatmentPlans.create.useMutation();
  const update = trpc.treatmentPlans.update.useMutation();
  const before = new Set(plan?.treatments.map((t) => t.id) ?? []);
  const [name, setName] = useState(plan?.name ?? '');
  const [picked, setPicked] = useState<ReadonlySet<string>>(before);
  const [nameError, setNameError] = useState<string | undefined>();
  const chosen = choices.filter((t) => picked.has(t.id));
  const totals = planTotals(chosen);
  const error = create.error ?? update.error;

  function toggle(id: string, on: boolean) {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim().length < 2) {
      setNameError('Name the plan, like "Upper fillings"');
      return;
    }
    setNameError(undefined);
    const ids = [...picked];
    try {
      if (plan) {
        await update.mutateAsync({
          id: plan.id,
          name: name.trim(),
          addTreatmentIds: ids.filter((id) => !before.has(id)),
          removeTreatmentIds: [...before].filter((id) => !picked.has(id)),
        });
      } else {
        await create.mutateAsync({ patientId, name: name.trim(), treatmentIds: ids });
      }
      await Promise.all([
        utils.treatmentPlans.forPatient.invalidate({ patientId }),
        utils.treatments.forPatient.invalidate({ patientId }),
      ]);
      onClose(plan ? `Saved the plan ${name.trim()}.` : `Proposed the plan ${name.trim()}.`);
    } catch {
      // Shown below from the mutation's error.
    }
  }

  return (
    <Modal title={plan ? `Change ${plan.name}` : 'New plan'} onClose={() => onClose(null)}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <TextField
          label="Plan name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
          data-autofocus
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Planned treatments</legend>
          {choices.length === 0 ? (
            <p className="text-sm text-slate-600">
              No planned treatments are free to add. Add planned work on the tooth chart first.
            </p>
          ) : (
            <ul className="max-h-72 space-y-1 overflow-y-auto">
              {choices.map((t) => (
                <li key={t.id}>
                  <label className="flex items-start gap-3 rounded-md p-1.5 hover:bg-slate-50">
                    <input
                      type="checkbox"
                      checked={picked.has(t.id)}
                      onChange={(e) => toggle(t.id, e.target.checked)}
                      className="mt-0.5 h-5 w-5 shrink-0 accent-teal-700"
                    />
                    <span className="min-w-0 flex-1 text-sm">
                      <span className="block font-medium text-slate-900">{t.description}</span>
                      <span className="block text-slate-600">{t.tooth ? toothTitle(t.tooth) : 'General'}</span>
                    </span>
                    <span className="text-sm tabular-nums text-slate-900">
                      {formatMoney(t.priceMinor - t.discountMinor, t.currency)}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <p aria-live="polite" className="rounded-md bg-slate-100 px-3 py-2 text-sm">
          {chosen.length} chosen · Total{' '}
          <span className="font-semibold tabular-nums">{formatMoney(totals.totalMinor, currency)}</span>
          {totals.discountMinor ? ` after ${formatMoney(totals.discountMinor, currency)} discount` : ''}
        </p>
        {error ? <Alert>{errorMessage(error)}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={create.isPending || update.isPending}>
            {plan ? 'Save plan' : 'Propose plan'}
          </Button>
          <Button variant="secondary" onClick={() => onClose(null)}>
            Cancel
          </Button>
        </div>
      </form>
    </Modal>
  );
}
