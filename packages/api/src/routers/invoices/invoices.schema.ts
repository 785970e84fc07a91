import { z } from 'zod';

const money = (what: string) =>
  z
    .number(`Enter the ${what}`)
    .int(`Enter the ${what} in whole paise`)
    .min(0, `The ${what} cannot be negative`)
    .max(100_000_000, `That ${what} is too high`);

const discount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), basisPoints: z.number().int().min(0).max(10_000, 'At most 100 %') }),
  z.object({ kind: z.literal('amount'), amountMinor: money('discount') }),
]);

/**
 * A line from a treatment or a visit (its description and price are taken from it), or free text
 * with a price (a fee, a product).
 */
const line = z
  .object({
    treatmentId: z.uuid('Not a treatment id').optional(),
    appointmentId: z.uuid('Not an appointment id').optional(),
    kind: z.enum(['late_cancellation_fee', 'no_show_fee', 'other']).optional(),
    description: z.string().trim().min(1, 'Describe the line').max(200, 'Keep it under 200 characters').optional(),
    quantity: z.number().int('Whole quantities only').min(1, 'At least 1').max(1000, 'At most 1,000').default(1),
    unitPriceMinor: money('price').optional(),
    discount: discount.optional(),
    taxRateBasisPoints: z.number().int().min(0).max(10_000, 'The tax rate is at most 100 %').optional(),
  })
  .refine((l) => !(l.treatmentId && l.appointmentId), { message: 'A line is for a treatment or a visit, not both' })
  .refine((l) => l.treatmentId || l.appointmentId || (l.description && l.unitPriceMinor !== undefined), {
    path: ['description'],
    message: 'Describe the line and give its price',
  });

export const invoiceCreateInput = z.object({
  patientId: z.uuid('Not a patient id'),
  centreId: z.uuid('Not a centre id').optional(),
  lines: z.array(line).min(1, 'Add at least one line').max(100, 'At most 100 lines'),
  invoiceDiscount: discount.optional(),
  notes: z.string().trim().max(2000, 'Keep the notes under 2,000 characters').optional(),
});
export type InvoiceCreateInput = z.infer<typeof invoiceCreateInput>;

export const invoiceIdInput = z.object({ id: z.uuid('Not an invoice id') });
export type InvoiceIdInput = z.infer<typeof invoiceIdInput>;

export const invoiceVoidInput = z.object({
  id: z.uuid('Not an invoice id'),
  reason: z.string().trim().min(3, 'Say why the invoice is void').max(500, 'Keep it under 500 characters'),
});
export type InvoiceVoidInput = z.infer<typeof invoiceVoidInput>;

export const recordPaymentInput = z.object({
  invoiceId: z.uuid('Not an invoice id'),
  method: z.enum(['cash', 'card', 'upi', 'bank'], 'Choose cash, card, UPI or bank transfer'),
  amountMinor: money('amount').refine((v) => v > 0, 'Enter an amount above zero'),
  reference: z.string().trim().max(100, 'Keep the reference under 100 characters').optional(),
});
export type RecordPaymentInput = z.infer<typeof recordPaymentInput>;

export const refundInput = z.object({
  paymentId: z.uuid('Not a payment id'),
  amountMinor: money('amount').refine((v) => v > 0, 'Enter an amount above zero'),
  reason: z.string().trim().min(3, 'Say why the money is given back').max(500, 'Keep it under 500 characters'),
});
export type RefundInput = z.infer<typeof refundInput>;

export const paymentLinkInput = z.object({
  invoiceId: z.uuid('Not an invoice id'),
  /** Also send it through the outbox on this channel (the patient's consent decides). */
  sendVia: z.enum(['sms', 'whatsapp', 'email'], 'Choose SMS, WhatsApp or email').optional(),
});
export type PaymentLinkInput = z.infer<typeof paymentLinkInput>;

export const patientBillingInput = z.object({ patientId: z.uuid('Not a patient id') });
export type PatientBillingInput = z.infer<typeof patientBillingInput>;
