'use client';
import { trpc } from '@carelane/api/react';
import { Card } from '@carelane/ui';
import Link from 'next/link';
import { AppointmentTypesSection } from './appointment-types-section';
import { OrganizationSection } from './organization-section';
import { PriceListSection } from './price-list-section';

/** Organization settings: appointment types, the price list, the medical-history form, the clinic's details and logo. */
export function SettingsView() {
  const profile = trpc.me.profile.useQuery();
  const canManage = profile.data?.permissions.includes('appointment_types:manage') ?? false;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Settings</h1>
      <AppointmentTypesSection canManage={canManage} />
      <PriceListSection
        canManage={profile.data?.permissions.includes('price_list:manage') ?? false}
        currency={profile.data?.organization.currency}
      />
      <section aria-labelledby="questionnaire-heading" className="space-y-4">
        <h2 id="questionnaire-heading" className="text-lg font-semibold text-slate-900">
          Medical-history form
        </h2>
        <Card className="flex flex-wrap items-center justify-between gap-3 p-4 text-sm text-slate-700">
          <p>The questions patients answer before a visit, with a preview of what they see.</p>
          <Link
            href="/settings/questionnaire"
            className="rounded-md border border-slate-300 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
          >
            {profile.data?.permissions.includes('questionnaire:manage') ? 'Edit the questions' : 'See the questions'}
          </Link>
        </Card>
      </section>
      <section aria-labelledby="messages-heading" className="space-y-4">
        <h2 id="messages-heading" className="text-lg font-semibold text-slate-900">
          Messages
        </h2>
        <Card className="flex flex-wrap items-center justify-between gap-3 p-4 text-sm text-slate-700">
          <p>When reminders go, quiet hours, the order of channels, and the wording of each message.</p>
          <Link
            href="/settings/messages"
            className="rounded-md border border-slate-300 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
          >
            {profile.data?.permissions.includes('messaging:manage') ? 'Edit messages' : 'See messages'}
          </Link>
        </Card>
      </section>
      <OrganizationSection />
    </div>
  );
}
