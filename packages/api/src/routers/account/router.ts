import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { changePasswordHandler } from './change-password.handler';
import { changePasswordInput } from './change-password.schema';
import { regenerateRecoveryCodesHandler } from './regenerate-recovery-codes.handler';
import { confirmTwoFactorInput, disableTwoFactorInput, regenerateRecoveryCodesInput } from './two-factor.schema';
import { confirmTwoFactorHandler } from './two-factor-confirm.handler';
import { disableTwoFactorHandler } from './two-factor-disable.handler';
import { startTwoFactorHandler } from './two-factor-start.handler';
import { twoFactorStatusHandler } from './two-factor-status.handler';

/**
 * The signed-in staff member's own sign-in: every role, and also an admin who must still set up
 * the two-factor sign-in their organization requires (that is what these are for).
 */
const own = staffProcedure('profile:read', { beforeTwoFactorSetup: true });

export const accountRouter = {
  changePassword: own.input(changePasswordInput).mutation(changePasswordHandler),
  twoFactor: {
    status: own.query(twoFactorStatusHandler),
    start: own.mutation(startTwoFactorHandler),
    confirm: own.input(confirmTwoFactorInput).mutation(confirmTwoFactorHandler),
    disable: own.input(disableTwoFactorInput).mutation(disableTwoFactorHandler),
    regenerateRecoveryCodes: own.input(regenerateRecoveryCodesInput).mutation(regenerateRecoveryCodesHandler),
  },
} satisfies TRPCRouterRecord;
