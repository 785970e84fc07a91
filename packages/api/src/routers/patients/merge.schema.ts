import { z } from 'zod';

export const mergePatientsInput = z
  .object({
    survivorId: z.uuid('Not a patient id'),
    duplicateId: z.uuid('Not a patient id'),
  })
  .refine((v) => v.survivorId !== v.duplicateId, {
    path: ['duplicateId'],
    message: 'A record cannot be merged into itself',
  });
export type MergePatientsInput = z.infer<typeof mergePatientsInput>;
