'use client';
// The apps' typed tRPC client for React. Imports only types from the server side.
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import superjson from 'superjson';
import { createStore } from 'zustand/vanilla';
import { LAST_ACTIVITY_HEADER } from './activity';
import type { AppRouter } from './routers/root';

export const trpc = createTRPCReact<AppRouter>();

/** When the person last used the page: background refreshes send it so they do not count as use. */
const activity = createStore<{ lastActiveAt: number }>(() => ({ lastActiveAt: Date.now() }));

function useActivityTracking() {
  useEffect(() => {
    const mark = () => {
      const now = Date.now();
      if (now - activity.getState().lastActiveAt > 5_000) activity.setState({ lastActiveAt: now });
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, mark, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, mark);
    };
  }, []);
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED';
}

function makeQueryClient() {
  return new QueryClient({
    // A session that ended (idle, signed out elsewhere, account disabled) sends the person to sign-in.
    queryCache: new QueryCache({
      onError: (error) => {
        if (isUnauthorized(error) && !window.location.pathname.startsWith('/sign-in')) {
          window.location.assign(`/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Do not retry what retrying cannot fix.
        retry: (failures, error) =>
          !(
            error instanceof TRPCClientError &&
            ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST'].includes(error.data?.code)
          ) && failures < 2,
      },
    },
  });
}

export function TrpcProvider({ children }: { children: ReactNode }) {
  useActivityTracking();
  const [queryClient] = useState(makeQueryClient);
  const [client] = useState(() =>
    trpc.createClient({
      links: [
        httpBatchLink({
          url: '/api/trpc',
          transformer: superjson,
          headers: () => ({ [LAST_ACTIVITY_HEADER]: String(activity.getState().lastActiveAt) }),
        }),
      ],
    }),
  );
  return (
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}

/** The message to show for a failed call: the server's sentence, or a plain fallback. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return 'Something went wrong. Please try again.';
}
