import { z } from 'zod';

export const createAppointmentInput = z
  .object({
    centreId: z.uuid('Choose a centre'),
    clinicianId: z.uuid('Choose a clinician'),
    patientId: z.uuid('Choose a patient'),
    typeId: z.uuid('Choose an appointment type'),
    startsAt: z.coerce.date({ error: 'Choose a start time' }),
    notes: z.string().trim().max(2000, 'Notes are limited to 2,000 characters').optional(),
    /** Staff may deliberately double-book, with a reason; it is audited and shown as such. */
    overbook: z.boolean().default(false),
    overbookReason: z.string().trim().min(3, 'Say why this overbooking is needed').max(500).optional(),
  })
  .refine((v) => !v.overbook || v.overbookReason, {
    path: ['overbookReason'],
    message: 'Say why this overbooking is needed',
  });
export type CreateAppointmentInput = z.infer<typeof createAppointmentInput>;
