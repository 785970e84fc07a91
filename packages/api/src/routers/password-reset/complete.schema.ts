import { PASSWORD_MAX_LENGTH } from '@carelane/core';
import { z } from 'zod';

export const completePasswordResetInput = z.object({
  // Any text: a malformed token gets the same answer as an unknown one.
  token: z.string().max(200, 'This reset link is not valid.'),
  // The full rule (length, common passwords, the person's own name or email) is checked by the handler.
  password: z.string().min(1, 'Choose a password').max(PASSWORD_MAX_LENGTH, 'This password is too long'),
});
export type CompletePasswordResetInput = z.infer<typeof completePasswordResetInput>;
