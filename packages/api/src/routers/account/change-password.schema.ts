import { PASSWORD_MAX_LENGTH } from '@carelane/core';
import { z } from 'zod';

export const changePasswordInput = z.object({
  currentPassword: z
    .string()
    .min(1, 'Enter your current password')
    .max(PASSWORD_MAX_LENGTH, 'This is not your current password.'),
  // The full rule (length, common passwords, the person's own name or email) is checked by the handler.
  newPassword: z.string().min(1, 'Choose a new password').max(PASSWORD_MAX_LENGTH, 'This password is too long'),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
