import { TREATMENT_STATUSES } from '@carelane/db';
import { z } from 'zod';

const tooth = z
  .number('Choose a tooth')
  .int('Choose a tooth')
  .min(1, 'Teeth are numbered 1 to 32')
  .max(32, 'Teeth are numbered 1 to 32');
const money = (what: string) =>
  z
    .number()
    .int(`Enter the ${what} in whole paise`)
    .min(0, `The ${what} cannot be negative`)
    .max(100_000_000, `That ${what} is too high`);

export const treatmentListInput = z.object({ patientId: z.uuid('Not a patient id') });
export type TreatmentListInput = z.infer<typeof treatmentListInput>;

/** A treatment from the price list (price and name taken from it unless given) or described freely. */
export const treatmentCreateInput = z
  .object({
    patientId: z.uuid('Not a patient id'),
    procedureId: z.uuid('Not a procedure id').nullish(),
    description: z.string().trim().min(2, 'Describe the treatment').max(200, 'Keep it under 200 characters').nullish(),
    tooth: tooth.nullish(),
    priceMinor: money('price').nullish(),
    discountMinor: money('discount').default(0),
    status: z.enum(TREATMENT_STATUSES, 'Choose planned, in progress or done').default('planned'),
    performedOn: z.iso.date('Enter the date as a date').nullish(),
    appointmentId: z.uuid('Not an appointment id').nullish(),
    /** A proposed plan of the same patient to add it to. */
    planId: z.uuid('Not a plan id').nullish(),
    notes: z.string().trim().max(2000, 'Keep the notes under 2,000 characters').nullish(),
  })
  .refine((v) => v.procedureId || v.description, {
    path: ['description'],
    message: 'Choose a procedure or describe the treatment',
  })
  .refine((v) => v.procedureId || v.priceMinor != null, { path: ['priceMinor'], message: 'Enter the price' });
export type TreatmentCreateInput = z.infer<typeof treatmentCreateInput>;

export const treatmentUpdateInput = z.object({
  id: z.uuid('Not a treatment id'),
  tooth: tooth.nullish(),
  priceMinor: money('price').optional(),
  discountMinor: money('discount').optional(),
  status: z.enum(TREATMENT_STATUSES, 'Choose planned, in progress or done').optional(),
  performedOn: z.iso.date('Enter the date as a date').nullish(),
  notes: z.string().trim().max(2000, 'Keep the notes under 2,000 characters').nullish(),
});
export type TreatmentUpdateInput = z.infer<typeof treatmentUpdateInput>;

export const treatmentRemoveInput = z.object({ id: z.uuid('Not a treatment id') });
export type TreatmentRemoveInput = z.infer<typeof treatmentRemoveInput>;
