'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatPhone, ONLINE_BOOKING_LABELS } from '@carelane/core';
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

/** The organization's details and logo: admins edit them, everyone else reads them. */
export function OrganizationSection() {
  const settings = trpc.organization.settings.useQuery();
  const org = settings.data;
  return (
    <section aria-labelledby="organization-heading" className="space-y-4">
      <div>
        <h2 id="organization-heading" className="text-lg font-semibold text-slate-900">
          Organization
        </h2>
        <p className="text-sm text-slate-600">
          Your clinic’s identity, address, invoice details, booking site and sign-in security.
        </p>
      </div>
      {settings.error ? (
        <ErrorState message={errorMessage(settings.error)} onRetry={() => void settings.refetch()} />
      ) : !org ? (
        <div role="status" aria-label="Loading organization settings" className="space-y-2">
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </div>
      ) : (
        <Card className="grid gap-6 p-4 sm:p-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div className="min-w-0 space-y-4">
            {org.canEdit ? (
              // Not keyed by the values: a save refetches them, and a remount would drop the saved message.
              <OrganizationForm org={org} />
            ) : (
              <>
                <dl className="grid gap-3 sm:grid-cols-2">
                  <Detail term="Organization name" value={org.name} />
                  <Detail term="Default time zone" value={org.zone} />
                  <Detail term="Currency" value={org.currency} />
                  <Detail term="Country" value={org.country} />
                  <Detail
                    term="Address"
                    value={[org.addressLine, org.city, org.postalCode].filter(Boolean).join(', ') || 'Not set'}
                  />
                  <Detail term="Phone" value={org.phone ? formatPhone(org.phone) : 'Not set'} />
                  <Detail term="Email" value={org.email ?? 'Not set'} />
                  <Detail term={org.country === 'IN' ? 'GSTIN' : 'Tax registration'} value={org.taxId ?? 'Not set'} />
                  <Detail term="Booking-site address" value={org.slug} />
                  <Detail term="Who may book online" value={ONLINE_BOOKING_LABELS[org.onlineBooking]} />
                </dl>
                <p className="text-sm text-slate-600">Only an admin can change these.</p>
              </>
            )}
          </div>
          <LogoPanel logoFileId={org.logoFileId} organizationName={org.name} canEdit={org.canEdit} />
        </Card>
      )}
    </section>
  );
}
