'use client';
import { trpc } from '@carelane/api/react';
import { EmptyState, StatusBadge } from '@carelane/ui';
import { PagedList } from '@/components/paged-list';

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
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <PagedList
      list={list}
      isEmpty={items.length === 0}
      loadingLabel="Loading appointments…"
      moreLabel="Show older appointments"
      empty={<EmptyState title="No appointments yet">Book one from the calendar.</EmptyState>}
    >
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
    </PagedList>
  );
}
