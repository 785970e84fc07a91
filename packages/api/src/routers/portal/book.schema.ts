import { z } from 'zod';

export const slotInput = z.object({
  clinicianId: z.uuid('Choose a clinician'),
  typeId: z.uuid('Choose an appointment type'),
  startsAt: z.coerce.date({ error: 'Choose a time' }),
});
export type SlotInput = z.infer<typeof slotInput>;

export const cancelOwnInput = z.object({
  appointmentId: z.uuid('Not an appointment id'),
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters').optional(),
});
export type CancelOwnInput = z.infer<typeof cancelOwnInput>;

export const rescheduleOwnInput = z.object({
  appointmentId: z.uuid('Not an appointment id'),
  startsAt: z.coerce.date({ error: 'Choose a new time' }),
});
export type RescheduleOwnInput = z.infer<typeof rescheduleOwnInput>;

export const payOwnInput = z.object({ appointmentId: z.uuid('Not an appointment id') });
export type PayOwnInput = z.infer<typeof payOwnInput>;
