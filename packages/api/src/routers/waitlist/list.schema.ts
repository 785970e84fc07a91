import { z } from 'zod';

export const WAITLIST_STATUSES = ['waiting', 'booked', 'cancelled'] as const;

/** Filters for the staff waitlist; without any, everyone still waiting, first in line first. */
export const listWaitlistInput = z
  .object({
    clinicianId: z.uuid('Not a clinician').optional(),
    /** Entries for this specialisation, asked for by name or through one of its clinicians. */
    specialisation: z.string().trim().min(1).max(80).optional(),
    status: z.enum(WAITLIST_STATUSES).default('waiting'),
  })
  .default({ status: 'waiting' });
export type ListWaitlistInput = z.infer<typeof listWaitlistInput>;

/** An offer as the front desk sees it: an open offer past its expiry is "expired". */
export type OfferState = 'offered' | 'expired' | 'accepted' | 'lost';
