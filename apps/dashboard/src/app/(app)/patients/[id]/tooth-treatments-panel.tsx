'use client';
import { Button } from '@carelane/ui';
import { type Treatment, toothTitle } from './treatment-format';
import { TreatmentItem } from './treatment-item';

/** The treatments of the tooth chosen on the chart, and a way to add one to it. */
export function ToothTreatmentsPanel({
  tooth,
  treatments,
  canWrite,
  onAdd,
  onChanged,
  onClose,
}: {
  tooth: number;
  treatments: readonly Treatment[];
  canWrite: boolean;
  onAdd: () => void;
  onChanged: (message: string) => void;
  onClose: () => void;
}) {
  const items = treatments.filter((t) => t.tooth === tooth);
  return (
    <section
      aria-labelledby="tooth-panel-title"
      className="space-y-3 rounded-lg border border-teal-200 bg-teal-50/40 p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="tooth-panel-title" className="text-base font-semibold text-slate-900">
          {toothTitle(tooth)}
        </h3>
        <div className="flex flex-wrap gap-2">
          {canWrite ? <Button onClick={onAdd}>Add treatment on tooth {tooth}</Button> : null}
          <Button variant="ghost" onClick={onClose}>
            Close<span className="sr-only"> tooth {tooth}</span>
          </Button>
        </div>
      </div>
      {items.length ? (
        <ul aria-label={`Treatments on tooth ${tooth}`} className="space-y-2">
          {items.map((t) => (
            <li key={t.id}>
              <TreatmentItem treatment={t} showTooth={false} canWrite={canWrite} onChanged={onChanged} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">No treatments on this tooth yet.</p>
      )}
    </section>
  );
}
