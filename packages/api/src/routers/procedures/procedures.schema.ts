import { z } from 'zod';

export const procedureListInput = z
  .object({ includeInactive: z.boolean().default(false) })
  .default({ includeInactive: false });
export type ProcedureListInput = z.infer<typeof procedureListInput>;

/** A price-list entry as staff edit it; the currency is the organization's. */
export const procedureSaveInput = z.object({
  id: z.uuid('Not a procedure id').optional(),
  name: z.string().trim().min(2, 'Name the procedure').max(120, 'Keep the name under 120 characters'),
  code: z.string().trim().max(20, 'Keep the code under 20 characters').nullish(),
  priceMinor: z
    .number()
    .int('Enter the price in whole paise')
    .min(0, 'The price cannot be negative')
    .max(100_000_000, 'That price is too high'),
  taxRateBasisPoints: z
    .number()
    .int()
    .min(0, 'The tax rate cannot be negative')
    .max(10_000, 'The tax rate is at most 100 %')
    .default(0),
  perTooth: z.boolean().default(true),
  active: z.boolean().default(true),
});
export type ProcedureSaveInput = z.infer<typeof procedureSaveInput>;
