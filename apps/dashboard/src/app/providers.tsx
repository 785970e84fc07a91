'use client';
import { TrpcProvider } from '@carelane/api/react';
import { SessionProvider } from 'next-auth/react';
import type { ReactNode } from 'react';

export function Providers({ children }: { children: ReactNode }) {
  return (
    // Refetching the session keeps an active user's cookie fresh; the server enforces idle time.
    <SessionProvider refetchOnWindowFocus refetchInterval={5 * 60}>
      <TrpcProvider>{children}</TrpcProvider>
    </SessionProvider>
  );
}
