import type { AuthDeps } from '@carelane/auth';
import { TRPCError } from '@trpc/server';
import type { Context } from '../../context';

/** What the sign-in functions of @carelane/auth need from the request context. */
export function authDeps(ctx: Context): AuthDeps {
  return { db: ctx.db, secret: ctx.secret, rateLimits: ctx.rateLimits };
}

/** The organization whose booking site this is: patients sign in and register only there. */
export function bookingSiteOrganization(ctx: Context): string {
  if (ctx.audience !== 'patient' || !ctx.siteOrganizationId) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Patients sign in on the booking site.' });
  }
  return ctx.siteOrganizationId;
}
