import { z } from 'zod';

export const rescheduleInput = z
  .object({
    id: z.uuid('Not an appointment id'),
    startsAt: z.coerce.date({ error: 'Choose a new start time' }),
    /** Move to another clinician of the same centre as well (optional). */
    clinicianId: z.uuid('Choose a clinician').optional(),
    /** Moving it outside working time, or onto another visit, only deliberately, with a reason. */
    overbook: z.boolean().default(false),
    overbookReason: z.string().trim().min(3, 'Say why this overbooking is needed').max(500).optional(),
  })
  .refine((v) => !v.overbook || v.overbookReason, {
    path: ['overbookReason'],
    message: 'Say why this overbooking is needed',
  });
export type RescheduleInput = z.infer<typeof rescheduleInput>;
