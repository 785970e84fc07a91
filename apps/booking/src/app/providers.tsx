'use client';
import { TrpcProvider } from '@carelane/api/react';
import { SessionProvider } from 'next-auth/react';
import type { ReactNode } from 'react';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <TrpcProvider>{children}</TrpcProvider>
    </SessionProvider>
  );
}
