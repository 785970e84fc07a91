'use client';
import { ErrorState } from '@carelane/ui';

/** Shown when the payments could not be read; the page never says why in detail. */
export default function PaymentsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Payments</h1>
      <ErrorState message="Please try again in a moment." onRetry={reset} />
    </div>
  );
}
