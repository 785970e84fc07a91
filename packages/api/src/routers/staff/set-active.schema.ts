import { z } from 'zod';

export const setActiveInput = z.object({
  userId: z.uuid('Not a staff id'),
  active: z.boolean(),
});
export type SetActiveInput = z.infer<typeof setActiveInput>;
