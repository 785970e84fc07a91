'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney } from '@carelane/core';
import { Alert, Badge, Button, Card, EmptyState, ErrorState, Skeleton } from '@carelane/ui';
import { useRef, useState } from 'react';
import { TypeFormDialog } from './type-form-dialog';
import { type AppointmentTypeRow, MODE_LABELS } from './type-values';

const TH = 'px-4 py-3 font-semibold';

/** The organization's appointment types; managers add, edit, archive and restore them. */
export function AppointmentTypesSection({ canManage }: { canManage: boolean }) {
  const types = trpc.appointmentTypes.all.useQuery();
  const profile = trpc.me.profile.useQuery();
  const utils = trpc.useUtils();
  const setActive = trpc.appointmentTypes.setActive.useMutation();
  // undefined: closed; null: adding; a row: editing it.
  const [editing, setEditing] = useState<AppointmentTypeRow | null | undefined>(undefined);
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  function open(type: AppointmentTypeRow | null) {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setNotice(null);
    setEditing(type);
  }

  function closed(saved: string | null) {
    setEditing(undefined);
    if (saved) setNotice({ tone: 'success', text: `Saved ${saved}.` });
    // The dialog is gone; give the keyboard back to the button that opened it.
    requestAnimationFrame(() => opener.current?.focus());
  }

  function toggle(type: AppointmentTypeRow) {
    setNotice(null);
    const active = !type.active;
    setActive.mutate(
      { id: type.id, active },
      {
        onSuccess: async () => {
          await Promise.all([utils.appointmentTypes.all.invalidate(), utils.appointmentTypes.list.invalidate()]);
          setNotice({
            tone: 'success',
            text: active
              ? `Restored ${type.name}. It can be booked again.`
              : `Archived ${type.name}. It can no longer be booked; existing appointments keep it.`,
          });
          // The row moves when its status changes; keep the keyboard on its button.
          requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-toggle-type="${type.id}"]`)?.focus());
        },
        onError: (error) => setNotice({ tone: 'error', text: errorMessage(error) }),
      },
    );
  }

  const specialisations = [
    ...new Set((types.data ?? []).map((t) => t.specialisation).filter((s): s is string => Boolean(s))),
  ].sort();

  return (
    <section aria-labelledby="appointment-types-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="appointment-types-heading" className="text-lg font-semibold text-slate-900">
            Appointment types
          </h2>
          <p className="text-sm text-slate-600">What patients and staff can book: length, price and booking rules.</p>
        </div>
        {canManage && types.data && types.data.length > 0 ? <Button onClick={() => open(null)}>Add type</Button> : null}
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {types.error ? (
        <ErrorState message={errorMessage(types.error)} onRetry={() => void types.refetch()} />
      ) : !types.data ? (
        <div className="space-y-2" role="status" aria-label="Loading appointment types">
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : types.data.length === 0 ? (
        <EmptyState
          title="No appointment types yet"
          action={canManage ? <Button onClick={() => open(null)}>Add type</Button> : undefined}
        >
          {canManage
            ? 'Add the first type so that appointments can be booked.'
            : 'An admin or manager adds the types that can be booked.'}
        </EmptyState>
      ) : (
        <Card className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Appointment types, {types.data.filter((t) => t.active).length} active and{' '}
              {types.data.filter((t) => !t.active).length} archived
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className={TH}>
                  Name
                </th>
                <th scope="col" className={`${TH} hidden sm:table-cell`}>
                  Specialisation
                </th>
                <th scope="col" className={TH}>
                  Length
                </th>
                <th scope="col" className={TH}>
                  Price
                </th>
                <th scope="col" className={TH}>
                  Mode
                </th>
                <th scope="col" className={TH}>
                  Online booking
                </th>
                <th scope="col" className={TH}>
                  Status
                </th>
                {canManage ? (
                  <th scope="col" className={TH}>
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {types.data.map((t) => (
                <tr key={t.id} className={t.active ? undefined : 'bg-slate-50 text-slate-600'}>
                  <th scope="row" className="px-4 py-3 font-medium">
                    <span className="flex items-center gap-2">
                      <span
                        aria-hidden="true"
                        className="h-3.5 w-3.5 shrink-0 rounded-full ring-1 ring-slate-900/10"
                        style={{ backgroundColor: t.colour }}
                      />
                      <span className={t.active ? 'text-slate-900' : undefined}>{t.name}</span>
                    </span>
                    {t.specialisation ? (
                      <span className="mt-0.5 block pl-5.5 text-xs font-normal text-slate-600 sm:hidden">
                        {t.specialisation}
                      </span>
                    ) : null}
                  </th>
                  <td className="hidden px-4 py-3 sm:table-cell">{t.specialisation ?? '—'}</td>
                  <td className="px-4 py-3 whitespace-nowrap tabular-nums">{t.durationMinutes} min</td>
                  <td className="px-4 py-3 whitespace-nowrap tabular-nums">{formatMoney(t.priceMinor, t.currency)}</td>
                  <td className="px-4 py-3 whitespace-nowrap">{MODE_LABELS[t.mode]}</td>
                  <td className="px-4 py-3">{t.onlineBookable ? 'Yes' : 'No'}</td>
                  <td className="px-4 py-3">
                    {t.active ? <Badge tone="success">Active</Badge> : <Badge>Archived</Badge>}
                  </td>
                  {canManage ? (
                    <td className="px-4 py-2">
                      <div className="flex justify-end gap-2">
                        <Button variant="secondary" onClick={() => open(t)}>
                          Edit<span className="sr-only"> {t.name}</span>
                        </Button>
                        <Button
                          variant="ghost"
                          data-toggle-type={t.id}
                          busy={setActive.isPending && setActive.variables?.id === t.id}
                          onClick={() => toggle(t)}
                        >
                          {t.active ? 'Archive' : 'Restore'}
                          <span className="sr-only"> {t.name}</span>
                        </Button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {editing !== undefined && profile.data ? (
        <TypeFormDialog
          type={editing}
          currency={editing?.currency ?? profile.data.organization.currency}
          specialisations={specialisations}
          onClose={closed}
        />
      ) : null}
    </section>
  );
}
