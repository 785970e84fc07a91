import { EmptyState } from '@carelane/ui';

/** What a page says to a role that may not use it (reached by a link or a typed address). */
export function NotAllowed({ title }: { title: string }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      <EmptyState title="Not available for your role">
        Your role does not include this page. An admin of your clinic can change what your role may use.
      </EmptyState>
    </div>
  );
}
