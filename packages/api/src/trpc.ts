import type { PatientPrincipal, Permission, StaffPrincipal } from '@carelane/auth';
import { can } from '@carelane/auth';
import { initTRPC, TRPCError } from '@trpc/server';
import { audit } from './audit';
import type { Context } from './context';
import { conflictRecord, conflictVisits, toTrpcError, zodDetails, zodSummary } from './errors';
import { transformer } from './plain-json';
import { type Tenant, tenantOf } from './tenancy';

const t = initTRPC.context<Context>().create({
  transformer,
  // One error body everywhere: { code, message, details: [{ field, message }], existing }, no
  // stack; `existing` is the record a CONFLICT is about (id, name, MRN), else null; `bookedVisits`
  // the visits time off would cover, else null.
  errorFormatter({ shape, error }) {
    const details = error.code === 'BAD_REQUEST' ? zodDetails(error.cause) : [];
    return {
      message: details.length > 0 ? zodSummary(details) : shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        details,
        existing: conflictRecord(error),
        /** The booked visits a change would cover (time off over them), for a confirmation. */
        bookedVisits: conflictVisits(error),
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps failures in one place and audits failed mutations (attempts are part of the record). */
const errorBoundary = t.middleware(async ({ ctx, next, type, path }) => {
  const result = await next();
  if (result.ok) return result;
  const error = toTrpcError(result.error, ctx.requestId);
  // Bad input changes nothing and is not an attempt on a record, so it is not audited.
  if (type === 'mutation' && error.code !== 'UNAUTHORIZED' && error.code !== 'BAD_REQUEST') {
    await audit(ctx, { action: path, entity: path.split('.')[0] ?? path, success: false }).catch(() => {});
  }
  return { ...result, error };
});

export const publicProcedure = t.procedure.use(errorBoundary);

export const patientProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.principal.kind !== 'patient') throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
  const principal = ctx.principal as PatientPrincipal;
  return next({ ctx: { ...ctx, principal, tenant: tenantOf(principal.organizationId) } });
});

/** What an admin hears until they set up the two-factor sign-in their organization requires. */
export const TWO_FACTOR_SETUP_MESSAGE = 'Set up two-factor sign-in to continue.';

/**
 * A procedure for signed-in staff whose role has `permission`. `beforeTwoFactorSetup`: it also
 * answers an admin who must still set up two-factor sign-in (their own account and profile);
 * every other procedure refuses them until they do.
 */
export function staffProcedure(permission: Permission, options: { beforeTwoFactorSetup?: boolean } = {}) {
  return publicProcedure.use(({ ctx, next }) => {
    const principal = ctx.principal;
    if (principal.kind !== 'staff') throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
    if (!can(principal.role, permission)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role does not allow this.' });
    }
    if (principal.twoFactorSetupRequired && !options.beforeTwoFactorSetup) {
      throw new TRPCError({ code: 'FORBIDDEN', message: TWO_FACTOR_SETUP_MESSAGE });
    }
    return next({
      ctx: { ...ctx, principal: principal as StaffPrincipal, tenant: tenantOf(principal.organizationId) },
    });
  });
}

/** A signed-in staff member's context: `tenant` scopes every query to their organization. */
export type StaffContext = Context & { principal: StaffPrincipal; tenant: Tenant };
/** A signed-in patient's context: `tenant` is the organization the patient belongs to. */
export type PatientContext = Context & { principal: PatientPrincipal; tenant: Tenant };
