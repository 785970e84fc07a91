'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Button, EmptyState, ErrorState, Skeleton, StatusBadge } from '@carelane/ui';

/** A visit's time on its centre's clock (the viewer's computer may be set to another zone). */
const when = (startsAt: Date | string, zone: string) =>
  new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(
    new Date(startsAt),
  );

/** The patient's visits, newest first, a page at a time. */
export function AppointmentsTab({ patientId }: { patientId: string }) {
  const list = trpc.patients.appointments.useInfiniteQuery(
    { patientId, limit: 20 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  if (list.error) return <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Skeleton className="h-40" />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (!items.length) return <EmptyState title="No appointments yet">Book one from the calendar.</EmptyState>;
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {items.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
            <div className="min-w-0">
              <p className="font-semibold text-slate-900">{when(a.startsAt, a.centre.zone)}</p>
              <p className="text-slate-600">
                {[a.type.name, a.clinician.name, a.centre.name].filter(Boolean).join(' · ')}
              </p>
            </div>
            <StatusBadge status={a.status} />
          </li>
        ))}
      </ul>
      {list.hasNextPage ? (
        <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Show older appointments
        </Button>
      ) : null}
    </div>
  );
}
