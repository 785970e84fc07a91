import { PASSWORD_MAX_LENGTH } from '@carelane/core';
import { z } from 'zod';
import { invitationToken } from './get.schema';

export const acceptInvitationInput = z.object({
  token: invitationToken,
  // The full rule (length, common passwords, the person's own name or email) is checked by the handler.
  password: z.string().min(1, 'Choose a password').max(PASSWORD_MAX_LENGTH, 'This password is too long'),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;
