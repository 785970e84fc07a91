'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Card, ErrorState, Skeleton } from '@carelane/ui';
import { LogoPanel } from './logo-panel';
import { OrganizationForm } from './organization-form';

function Detail({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="text-base text-slate-900">{value}</dd>
    </div>
  );
}

/** The organization's name, zone and logo: admins edit them, everyone else reads them. */
export function OrganizationSection() {
  const settings = trpc.organization.settings.useQuery();
  const org = settings.data;
  return (
    <section aria-labelledby="organization-heading" className="space-y-4">
      <div>
        <h2 id="organization-heading" className="text-lg font-semibold text-slate-900">
          Organization
        </h2>
        <p className="text-sm text-slate-600">Your clinic’s name, time zone and logo.</p>
      </div>
      {settings.error ? (
        <ErrorState message={errorMessage(settings.error)} onRetry={() => void settings.refetch()} />
      ) : !org ? (
        <div role="status" aria-label="Loading organization settings" className="space-y-2">
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </div>
      ) : (
        <Card className="grid gap-6 p-4 sm:p-6 md:grid-cols-2">
          <div className="space-y-4">
            {org.canEdit ? (
              // Not keyed by the values: a save refetches them, and a remount would drop the saved message.
              <OrganizationForm name={org.name} zone={org.zone} />
            ) : (
              <dl className="space-y-3">
                <Detail term="Organization name" value={org.name} />
                <Detail term="Default time zone" value={org.zone} />
              </dl>
            )}
            <dl className="grid grid-cols-2 gap-3 border-t border-slate-100 pt-4">
              <Detail term="Currency" value={org.currency} />
              <Detail term="Country" value={org.country} />
            </dl>
            {org.canEdit ? null : <p className="text-sm text-slate-600">Only an admin can change these.</p>}
          </div>
          <LogoPanel logoFileId={org.logoFileId} organizationName={org.name} canEdit={org.canEdit} />
        </Card>
      )}
    </section>
  );
}
