'use client';
import { Loading } from '@carelane/ui';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect } from 'react';

/**
 * For an admin whose organization requires two-factor sign-in and who has not set it up: every
 * page but /account sends them there (the API refuses everything else until then anyway).
 */
export function TwoFactorGate({ required, children }: { required: boolean; children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const away = required && pathname !== '/account';
  useEffect(() => {
    if (away) router.replace('/account');
  }, [away, router]);
  if (!away) return children;
  return (
    <Loading label="Taking you to set up two-factor sign-in">
      <p className="text-base text-slate-700">Set up two-factor sign-in to continue…</p>
    </Loading>
  );
}
