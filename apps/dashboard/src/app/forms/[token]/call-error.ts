import { TRPCClientError } from '@trpc/client';

type Detail = { field: string; message: string };

/** The tRPC error code and field details a failed call carries (see packages/api/src/trpc.ts). */
export function callError(error: unknown): { code: string | null; message: string; details: Detail[] } {
  if (!(error instanceof TRPCClientError)) {
    return { code: null, message: 'Something went wrong. Please check your connection and try again.', details: [] };
  }
  const data = error.data as { code?: string; details?: Detail[] } | undefined;
  return { code: data?.code ?? null, message: error.message, details: data?.details ?? [] };
}
