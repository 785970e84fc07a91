import { z } from 'zod';

export const dayInput = z.object({
  centreId: z.uuid('Choose a centre').optional(),
  /** Local date at the centre; today when omitted. */
  date: z.iso.date('Use a date like 2026-11-21').optional(),
});
export type DayInput = z.infer<typeof dayInput>;
