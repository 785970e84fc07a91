import { Loading, Skeleton } from '@carelane/ui';

export default function PaymentsLoading() {
  return (
    <Loading label="Loading your payments…" className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Payments</h1>
        <Skeleton className="h-5 w-56" />
      </div>
      {['To pay', 'Payments'].map((title) => (
        <section key={title} className="space-y-3">
          <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
          <Skeleton className="h-24 w-full" />
        </section>
      ))}
    </Loading>
  );
}
