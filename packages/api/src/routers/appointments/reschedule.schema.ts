import { z } from 'zod';

export const rescheduleInput = z.object({
  id: z.uuid('Not an appointment id'),
  startsAt: z.coerce.date({ error: 'Choose a new start time' }),
  /** Move to another clinician of the same centre as well (optional). */
  clinicianId: z.uuid('Choose a clinician').optional(),
});
export type RescheduleInput = z.infer<typeof rescheduleInput>;
