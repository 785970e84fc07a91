import { z } from 'zod';

export const appointmentPaymentLinkInput = z.object({
  appointmentId: z.uuid('Not an appointment id'),
  /** Also send it through the outbox on this channel (the patient's consent decides). */
  sendVia: z.enum(['sms', 'whatsapp', 'email'], 'Choose SMS, WhatsApp or email').optional(),
});
export type AppointmentPaymentLinkInput = z.infer<typeof appointmentPaymentLinkInput>;
