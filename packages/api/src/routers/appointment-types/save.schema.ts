import { z } from 'zod';

const feeMinor = (name: string) =>
  z
    .number({ error: `Enter the ${name} fee in whole paise` })
    .int('Whole paise')
    .min(0, `The ${name} fee cannot be negative`)
    .max(100_000_000, `That ${name} fee is too high`)
    .default(0);

/** An appointment type as staff edit it. Money is minor units; the currency is the organization's. */
export const appointmentTypeFields = z
  .object({
    name: z.string().trim().min(2, 'Give the type a name').max(80, 'Keep the name under 80 characters'),
    specialisation: z.string().trim().max(80).nullable().default(null),
    durationMinutes: z
      .number({ error: 'Enter the length in minutes' })
      .int('Whole minutes')
      .min(5, 'At least 5 minutes')
      .max(480, 'At most 8 hours')
      .refine((v) => v % 5 === 0, 'Use steps of 5 minutes'),
    priceMinor: z
      .number()
      .int('Whole paise')
      .min(0, 'The price cannot be negative')
      .max(100_000_000, 'That price is too high'),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #2563eb'),
    bufferBeforeMinutes: z.number().int().min(0, 'No negative buffers').max(120, 'At most 2 hours').default(0),
    bufferAfterMinutes: z.number().int().min(0, 'No negative buffers').max(120, 'At most 2 hours').default(0),
    mode: z.enum(['in_person', 'online']).default('in_person'),
    onlineBookable: z.boolean().default(true),
    requiresPrepayment: z.boolean().default(false),
    depositMinor: z.number().int().min(0, 'The deposit cannot be negative').default(0),
    minimumNoticeMinutes: z.number().int().min(0).max(43_200, 'At most 30 days').default(120),
    bookingHorizonDays: z.number().int().min(1, 'At least 1 day').max(730, 'At most 2 years').default(60),
    slotIntervalMinutes: z.number().int().min(5, 'At least 5 minutes').max(240, 'At most 4 hours').default(15),
    lateCancellationHours: z.number().int().min(0).max(336, 'At most 2 weeks').default(24),
    lateCancellationPolicy: z.enum(['flag', 'refuse']).default('flag'),
    // Offered as invoice lines (core billing/fee-line.ts); 0 means no fee.
    lateCancellationFeeMinor: feeMinor('late-cancellation'),
    noShowFeeMinor: feeMinor('no-show'),
  })
  .refine((v) => v.depositMinor <= v.priceMinor, {
    path: ['depositMinor'],
    message: 'The deposit cannot exceed the price',
  });

/** The clinicians who offer the type; only they can be booked for it. */
const offeredBy = z.array(z.uuid('Not a clinician id')).max(1000).optional();

/** `offeredBy` left out or empty: the clinicians of its specialisation (all when it has none). */
export const createTypeInput = appointmentTypeFields.safeExtend({ offeredBy });
export type CreateTypeInput = z.infer<typeof createTypeInput>;

/** `offeredBy` left out: who offers it stays as it is. */
export const updateTypeInput = z.object({
  id: z.uuid('Not an appointment type id'),
  values: appointmentTypeFields,
  offeredBy,
});
export type UpdateTypeInput = z.infer<typeof updateTypeInput>;

export const archiveTypeInput = z.object({ id: z.uuid('Not an appointment type id'), active: z.boolean() });
export type ArchiveTypeInput = z.infer<typeof archiveTypeInput>;
