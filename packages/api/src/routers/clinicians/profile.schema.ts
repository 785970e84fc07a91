import { z } from 'zod';

export const profileInput = z.object({
  slug: z
    .string()
    .trim()
    .min(1, 'Choose a clinician')
    .max(120)
    .regex(/^[a-z0-9-]+$/, 'Not a clinician address'),
});
export type ProfileInput = z.infer<typeof profileInput>;
