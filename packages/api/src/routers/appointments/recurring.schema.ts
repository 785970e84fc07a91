import { z } from 'zod';

export const recurringInput = z
  .object({
    centreId: z.uuid('Choose a centre'),
    clinicianId: z.uuid('Choose a clinician'),
    patientId: z.uuid('Choose a patient'),
    typeId: z.uuid('Choose an appointment type'),
    /** The first occurrence; later ones keep its local wall-clock time. */
    startsAt: z.coerce.date({ error: 'Choose a start time' }),
    notes: z.string().trim().max(2000, 'Notes are limited to 2,000 characters').optional(),
    everyWeeks: z.number().int().min(1, 'At least every week').max(12, 'At most every 12 weeks'),
    count: z.number().int().min(2, 'At least 2 occurrences').max(52, 'At most 52 occurrences').optional(),
    until: z.iso.date('Use a date like 2027-03-31').optional(),
    /** `check` books nothing and reports each occurrence; `book` books the free ones and skips clashes. */
    action: z.enum(['check', 'book']).default('check'),
  })
  .refine((v) => Boolean(v.count) !== Boolean(v.until), {
    path: ['count'],
    message: 'Give either how many times or an end date',
  });
export type RecurringInput = z.infer<typeof recurringInput>;
