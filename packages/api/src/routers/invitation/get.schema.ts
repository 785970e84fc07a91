import { z } from 'zod';

/** Any text: a malformed token gets the same answer as an unknown one. */
export const invitationToken = z.string().max(200, 'This invitation link is not valid.');

export const getInvitationInput = z.object({ token: invitationToken });
export type GetInvitationInput = z.infer<typeof getInvitationInput>;
