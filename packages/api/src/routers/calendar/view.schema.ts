import { z } from 'zod';

export const calendarViewInput = z
  .object({
    view: z.enum(['day', 'week']).default('day'),
    centreId: z.uuid('Choose a centre').optional(),
    /** Local date at the centre; today when omitted. The week view starts on that week's Monday. */
    date: z.iso.date('Use a date like 2026-11-21').optional(),
    /** The week view shows one clinician. */
    clinicianId: z.uuid('Choose a clinician').optional(),
  })
  .refine((v) => v.view === 'day' || v.clinicianId, {
    path: ['clinicianId'],
    message: 'Choose a clinician for the week',
  });
export type CalendarViewInput = z.infer<typeof calendarViewInput>;
