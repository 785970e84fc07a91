import { knownZones } from '@carelane/core';
import { countryChoices, currencyChoices } from '@carelane/db/onboarding';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setupIsOpen } from '@/server/setup';
import { SetupForm } from './setup-form';

export const metadata: Metadata = { title: 'Set up your clinic' };
export const dynamic = 'force-dynamic';

/** The first run: open only while the server has no organization, then gone for good. */
export default async function SetupPage() {
  if (!(await setupIsOpen())) notFound();
  // Some runtimes list India's zone only under its old name; offer the one clinics know.
  const zones = [...new Set([...knownZones(), 'Asia/Kolkata'])].sort();
  return (
    <main className="px-4 py-10">
      <div className="mx-auto w-full max-w-2xl">
        <div className="mb-8 text-center">
          <p className="text-2xl font-bold tracking-tight text-teal-800">Carelane</p>
          <h1 className="mt-2 text-xl font-semibold text-slate-900">Set up your clinic</h1>
          <p className="mt-2 text-sm text-slate-600">
            This server has no clinic yet. Tell us about yours and create your own admin account; you can change
            everything later in Settings.
          </p>
        </div>
        <SetupForm countries={countryChoices()} currencies={currencyChoices()} zones={zones} />
      </div>
    </main>
  );
}
