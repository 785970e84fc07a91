import { z } from 'zod';

export const requestPasswordResetInput = z.object({
  email: z.email('Enter the email address you sign in with').max(320, 'This email address is too long'),
});
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInput>;
