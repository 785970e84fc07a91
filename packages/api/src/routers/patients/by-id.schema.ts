import { z } from 'zod';

export const patientByIdInput = z.object({ id: z.uuid('Not a patient id') });
export type PatientByIdInput = z.infer<typeof patientByIdInput>;
