import { z } from 'zod';

const wish = {
  /** A particular clinician, or any clinician of a specialisation. */
  clinicianId: z.uuid('Choose a clinician').optional(),
  specialisation: z.string().trim().min(2).max(80).optional(),
  typeId: z.uuid('Choose an appointment type'),
  fromDate: z.iso.date('Use a date like 2026-12-01'),
  toDate: z.iso.date('Use a date like 2026-12-31'),
};

const refineWish = <
  T extends { clinicianId?: string | undefined; specialisation?: string | undefined; fromDate: string; toDate: string },
>(
  schema: z.ZodType<T>,
) =>
  schema
    .refine((v) => Boolean(v.clinicianId) !== Boolean(v.specialisation), {
      path: ['clinicianId'],
      message: 'Choose a clinician or a specialisation',
    })
    .refine((v) => v.toDate >= v.fromDate, { path: ['toDate'], message: 'The end date must not be before the start' });

export const joinWaitlistInput = refineWish(z.object(wish));
export type JoinWaitlistInput = z.infer<typeof joinWaitlistInput>;

export const addToWaitlistInput = refineWish(
  z.object({
    ...wish,
    patientId: z.uuid('Choose a patient'),
    /** For the front desk only, e.g. "mornings only, call before noon". */
    notes: z.string().trim().max(500, 'Keep notes under 500 characters').optional(),
  }),
);
export type AddToWaitlistInput = z.infer<typeof addToWaitlistInput>;

export const waitlistIdInput = z.object({ id: z.uuid('Not a waitlist entry') });
export type WaitlistIdInput = z.infer<typeof waitlistIdInput>;

export const acceptOfferInput = z.object({ offerId: z.uuid('Not an offer') });
export type AcceptOfferInput = z.infer<typeof acceptOfferInput>;
