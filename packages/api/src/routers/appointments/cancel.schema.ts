import { z } from 'zod';

export const cancelInput = z.object({
  id: z.uuid('Not an appointment id'),
  reason: z
    .string()
    .trim()
    .min(3, 'Say why the appointment is cancelled')
    .max(500, 'Keep the reason under 500 characters'),
});
export type CancelInput = z.infer<typeof cancelInput>;
