import { z } from 'zod';

/** Resend or revoke the invitation of one person. */
export const staffInvitationInput = z.object({ userId: z.uuid('Not a staff id') });
export type StaffInvitationInput = z.infer<typeof staffInvitationInput>;
