'use client';
import Link from 'next/link';
import { signOut } from 'next-auth/react';

export function SiteHeader({ patientName }: { patientName: string | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link
          href="/"
          className="text-lg font-bold text-teal-800 focus-visible:outline-2 focus-visible:outline-teal-700"
        >
          Carelane
        </Link>
        <nav aria-label="Account" className="flex flex-wrap items-center gap-1 text-sm">
          <Link
            href="/"
            className="whitespace-nowrap rounded-md px-2.5 py-2 font-medium text-slate-700 hover:bg-slate-100"
          >
            Find a clinician
          </Link>
          <Link
            href="/appointments"
            className="whitespace-nowrap rounded-md px-2.5 py-2 font-medium text-slate-700 hover:bg-slate-100"
          >
            My appointments
          </Link>
          {patientName ? (
            <>
              <Link
                href="/payments"
                className="whitespace-nowrap rounded-md px-2.5 py-2 font-medium text-slate-700 hover:bg-slate-100"
              >
                Payments
              </Link>
              <span className="hidden px-2 text-slate-600 sm:inline">Hi, {patientName.split(' ')[0]}</span>
              <button
                type="button"
                onClick={() => void signOut({ callbackUrl: '/' })}
                className="whitespace-nowrap rounded-md border border-slate-300 px-2.5 py-2 font-medium text-slate-800 hover:bg-slate-50"
              >
                Sign out
              </button>
            </>
          ) : (
            <Link
              href="/sign-in"
              className="rounded-md bg-teal-700 px-3 py-2 font-semibold text-white hover:bg-teal-800"
            >
              Sign in
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
