import { z } from 'zod';

export const slotsInput = z.object({
  clinicianId: z.uuid('Choose a clinician'),
  typeId: z.uuid('Choose an appointment type'),
  from: z.iso.date('Use a date like 2026-11-21').optional(),
  days: z.number().int().min(1, 'At least 1 day').max(31, 'At most 31 days').default(14),
});
export type SlotsInput = z.infer<typeof slotsInput>;
