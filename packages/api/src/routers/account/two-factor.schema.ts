import { z } from 'zod';

/** An authenticator code (6 digits) or a recovery code; checked by the handler. */
const code = z.string().trim().min(1, 'Enter the code').max(24, 'This code is not right');

export const confirmTwoFactorInput = z.object({ code });
export type ConfirmTwoFactorInput = z.infer<typeof confirmTwoFactorInput>;

export const disableTwoFactorInput = z.object({
  password: z.string().min(1, 'Enter your password').max(200, 'This is not your current password.'),
  code,
});
export type DisableTwoFactorInput = z.infer<typeof disableTwoFactorInput>;

export const regenerateRecoveryCodesInput = z.object({ code });
export type RegenerateRecoveryCodesInput = z.infer<typeof regenerateRecoveryCodesInput>;
