import { FORM_LINK_DEFAULT_DAYS, NOTIFICATION_CHANNELS } from '@carelane/core';
import { z } from 'zod';

export const createFormLinkInput = z.object({
  patientId: z.uuid('Not a patient id'),
  /** How long the link works; a week unless staff choose otherwise. */
  validDays: z
    .number()
    .int('Use whole days')
    .min(1, 'At least 1 day')
    .max(30, 'At most 30 days')
    .default(FORM_LINK_DEFAULT_DAYS),
  /** Also send the link through the outbox on this channel (the patient's consent decides); otherwise staff copy it. */
  sendVia: z.enum(NOTIFICATION_CHANNELS, 'Choose SMS, WhatsApp or email').optional(),
});
export type CreateFormLinkInput = z.infer<typeof createFormLinkInput>;

export const patientFormsInput = z.object({ patientId: z.uuid('Not a patient id') });
export type PatientFormsInput = z.infer<typeof patientFormsInput>;

export const revokeFormLinkInput = z.object({ id: z.uuid('Not a form link id') });
export type RevokeFormLinkInput = z.infer<typeof revokeFormLinkInput>;
