import { z } from 'zod';

export const aggregateSlotsInput = z.object({
  typeId: z.uuid('Choose an appointment type'),
  /** Clinicians of this specialisation; the type's own when omitted (everyone when it has none). */
  specialisation: z.string().trim().min(1).max(80).optional(),
  /** Only clinicians with weekly hours at this centre, and only their times there. */
  centreId: z.uuid('Not a centre id').optional(),
  from: z.iso.date('Use a date like 2026-11-21').optional(),
  days: z.number().int().min(1, 'At least 1 day').max(31, 'At most 31 days').default(14),
});
export type AggregateSlotsInput = z.infer<typeof aggregateSlotsInput>;
