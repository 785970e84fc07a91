'use client';
import { trpc } from '@carelane/api/react';
import { Alert, Skeleton } from '@carelane/ui';

/** Who offers a type when nobody was chosen: the clinicians of its specialisation, or all (as the server does). */
function defaultOfferers(
  clinicians: Array<{ id: string; specialisations: string[] | null }>,
  specialisation: string,
): string[] {
  const wanted = specialisation.trim();
  return clinicians.filter((c) => !wanted || (c.specialisations ?? []).includes(wanted)).map((c) => c.id);
}

/**
 * "Offered by": the clinicians who can be booked for this type, as a checklist. `chosen` null
 * means nobody was picked yet (a new type): the boxes then show who it will go to by default.
 */
export function OfferedByField({
  chosen,
  specialisation,
  onChange,
  error,
}: {
  chosen: string[] | null;
  specialisation: string;
  onChange: (chosen: string[]) => void;
  error?: string | null;
}) {
  const clinicians = trpc.clinicians.list.useQuery();
  if (clinicians.isPending) return <Skeleton className="h-16" />;
  if (clinicians.isError) return <Alert>Could not load the clinicians. Reload the page to choose who offers it.</Alert>;
  const list = clinicians.data;
  if (list.length === 0) {
    return <p className="text-sm text-slate-600">No clinicians yet. Invite them on the Staff page first.</p>;
  }
  const shown = chosen ?? defaultOfferers(list, specialisation);
  const toggle = (id: string, on: boolean) => onChange(on ? [...shown, id] : shown.filter((x) => x !== id));
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        Only these clinicians can be booked for it.
        {chosen === null ? ' Ticked for you from the specialisation; change as you need.' : ''}
      </p>
      <ul className="grid gap-1 sm:grid-cols-2">
        {list.map((c) => (
          <li key={c.id}>
            <label className="flex min-h-10 items-center gap-2 rounded-md px-2 text-sm text-slate-800 hover:bg-slate-50">
              <input
                type="checkbox"
                checked={shown.includes(c.id)}
                onChange={(e) => toggle(c.id, e.target.checked)}
                className="h-4 w-4 accent-teal-700"
              />
              <span>
                {c.name}
                {c.specialisations?.length ? (
                  <span className="block text-xs text-slate-500">{c.specialisations.join(', ')}</span>
                ) : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {shown.length === 0 ? (
        <p className="text-sm font-medium text-amber-800">Nobody offers it: it cannot be booked until someone does.</p>
      ) : null}
      {error ? <p className="text-sm font-medium text-red-700">{error}</p> : null}
    </div>
  );
}
