import { z } from 'zod';

export const directoryInput = z
  .object({
    specialisation: z.string().trim().max(80).optional(),
    centreId: z.uuid('Not a centre id').optional(),
  })
  .default({});
export type DirectoryInput = z.infer<typeof directoryInput>;
