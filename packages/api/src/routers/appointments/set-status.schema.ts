import { z } from 'zod';

export const setStatusInput = z.object({
  id: z.uuid('Not an appointment id'),
  status: z.enum(['confirmed', 'checked_in', 'completed', 'no_show'], { error: 'Choose a status' }),
});
export type SetStatusInput = z.infer<typeof setStatusInput>;
