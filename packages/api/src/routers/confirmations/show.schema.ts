import { z } from 'zod';

export const actionTokenInput = z.object({
  token: z.string('Not a valid link').trim().min(1, 'Not a valid link').max(200, 'Not a valid link'),
});
export type ActionTokenInput = z.infer<typeof actionTokenInput>;
