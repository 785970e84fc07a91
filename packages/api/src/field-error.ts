import { TRPCError } from '@trpc/server';
import { ZodRealError } from 'zod';

/**
 * BAD_REQUEST for a field the server checks itself (a phone read in the organization's
 * country, a visit of another patient), in the same { field, message } shape as schema errors.
 */
export function fieldError(field: string, message: string): TRPCError {
  // ZodRealError is the Error subclass zod's own parse throws, so tRPC keeps it as the cause.
  const cause = new ZodRealError([{ code: 'custom', path: field.split('.'), message, input: undefined }]);
  return new TRPCError({ code: 'BAD_REQUEST', message, cause });
}

/** BAD_REQUEST naming several fields at once (a questionnaire's problems). */
export function fieldErrors(problems: Array<{ field: string; message: string }>): TRPCError {
  const cause = new ZodRealError(
    problems.map((p) => ({ code: 'custom' as const, path: p.field.split('.'), message: p.message, input: undefined })),
  );
  return new TRPCError({ code: 'BAD_REQUEST', message: problems[0]?.message ?? 'Please check the form', cause });
}
