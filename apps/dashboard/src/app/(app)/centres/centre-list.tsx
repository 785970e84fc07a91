'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Card, EmptyState, ErrorState, Skeleton } from '@carelane/ui';

export function CentreList() {
  const centres = trpc.centres.list.useQuery();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Centres</h1>
      {centres.error ? (
        <ErrorState message={errorMessage(centres.error)} onRetry={() => void centres.refetch()} />
      ) : !centres.data ? (
        <Skeleton className="h-40" />
      ) : centres.data.length === 0 ? (
        <EmptyState title="No centres yet" />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {centres.data.map((c) => (
            <li key={c.id}>
              <Card className="p-4">
                <h2 className="font-semibold text-slate-900">{c.name}</h2>
                <p className="text-sm text-slate-700">{c.addressLine}</p>
                <p className="text-sm text-slate-600">
                  {c.city} · {c.zone}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
