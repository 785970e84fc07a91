import { passwordProblem } from '@carelane/auth';
import {
  createOrganization,
  lockSetup,
  OnboardingFieldError,
  setupNeeded,
  useSetupCode,
} from '@carelane/db/onboarding';
import { TRPCError } from '@trpc/server';
import { audit } from '../../audit';
import type { Context } from '../../context';
import { fieldError } from '../../field-error';
import type { CompleteSetupInput } from './complete.schema';

/** The same answer whatever a stranger tries once the server has its owner. */
const ALREADY_SET_UP = 'This server is already set up.';

/**
 * The first run: with the one-time code from the server's console, creates the first
 * organization, its centre and its admin in one transaction (the code is used up in it too, so a
 * refused form keeps the code). The page then signs the admin in with the password just chosen.
 */
export async function completeSetupHandler({ ctx, input }: { ctx: Context; input: CompleteSetupInput }) {
  // Counted per IP before anything is looked at, so the code cannot be guessed.
  await ctx.rateLimits.consume([['setupIp', ctx.ip ?? 'unknown']]);
  if (!(await setupNeeded(ctx.db))) throw new TRPCError({ code: 'NOT_FOUND', message: ALREADY_SET_UP });
  const problem = await passwordProblem(input.admin.password, { email: input.admin.email, name: input.admin.name });
  if (problem) throw fieldError('admin.password', problem);

  const created = await ctx.db
    .transaction(async (tx) => {
      await lockSetup(tx);
      if (!(await setupNeeded(tx))) throw new TRPCError({ code: 'NOT_FOUND', message: ALREADY_SET_UP });
      if (!(await useSetupCode(tx, input.code))) {
        throw fieldError(
          'code',
          'This setup code is not right or has expired. Use the latest code on the server’s console',
        );
      }
      const made = await createOrganization(tx, input);
      await audit(
        ctx,
        {
          action: 'setup.complete',
          entity: 'organization',
          entityId: made.organizationId,
          organizationId: made.organizationId,
          changes: {
            slug: { to: made.slug },
            centre: { to: made.centreId },
            admin: { to: made.adminId },
          },
        },
        tx,
      );
      return made;
    })
    .catch((err: unknown) => {
      if (err instanceof OnboardingFieldError) throw fieldError(err.field, err.message);
      throw err;
    });
  return { organizationId: created.organizationId, slug: created.slug, email: created.adminEmail };
}
