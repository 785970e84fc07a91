import { z } from 'zod';

export const patientAppointmentsInput = z.object({
  patientId: z.uuid('Not a patient id'),
  /** The nextCursor of the previous page. */
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type PatientAppointmentsInput = z.infer<typeof patientAppointmentsInput>;
