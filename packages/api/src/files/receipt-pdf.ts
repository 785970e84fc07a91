import { formatMoney } from '@carelane/core';
import { PDF_FONT } from './pdf-fonts';
import {
  drawClinicHeader,
  drawFacts,
  drawFooters,
  drawRule,
  INK,
  localDateTime,
  MUTED,
  type PdfClinic,
  startPdf,
} from './pdf-layout';

export type ReceiptPdfInput = {
  clinic: PdfClinic;
  paymentId: string;
  amountMinor: number;
  currency: string;
  method: string;
  reference: string | null;
  receivedAt: Date;
  zone: string;
  patient: { name: string; mrn: string };
  invoiceNumber: number | null;
  /** What the invoice still owed once this payment was in; null when it paid no invoice. */
  balanceAfterMinor: number | null;
  refunds: { amountMinor: number; createdAt: Date; reason: string | null }[];
};

const METHODS: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  upi: 'UPI',
  bank: 'Bank transfer',
  razorpay: 'Online (Razorpay)',
};

/** A receipt for one payment: the amount, how and when it was paid, what it paid, and its refunds. */
export function renderReceiptPdf(input: ReceiptPdfInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const money = (minor: number) => formatMoney(minor, input.currency);
  const { doc, done, width } = startPdf({ Title: 'Receipt', Author: input.clinic.name }, options.compress ?? true);
  drawClinicHeader(doc, input.clinic, 'Payment receipt');
  doc.font(PDF_FONT.bold).fontSize(18).fillColor(INK).text('Receipt', { width });
  doc.font(PDF_FONT.bold).fontSize(24).text(money(input.amountMinor), { width });
  doc.moveDown(0.4);
  const facts: [string, string][] = [
    ['Received', localDateTime(input.receivedAt, input.zone)],
    ['From', `${input.patient.name} (${input.patient.mrn})`],
    ['Method', METHODS[input.method] ?? input.method],
  ];
  if (input.reference) facts.push(['Reference', input.reference]);
  if (input.invoiceNumber !== null) facts.push(['For', `Invoice ${input.invoiceNumber}`]);
  if (input.balanceAfterMinor !== null) facts.push(['Balance after this payment', money(input.balanceAfterMinor)]);
  drawFacts(doc, facts);
  if (input.refunds.length > 0) {
    drawRule(doc);
    doc.font(PDF_FONT.bold).fontSize(11).fillColor(INK).text('Refunded from this payment');
    for (const refund of input.refunds) {
      const why = refund.reason ? ` (${refund.reason})` : '';
      doc
        .font(PDF_FONT.regular)
        .fontSize(10)
        .fillColor(INK)
        .text(`${money(refund.amountMinor)} on ${localDateTime(refund.createdAt, input.zone)}${why}`, { width });
    }
  }
  doc.moveDown(1).font(PDF_FONT.regular).fontSize(9).fillColor(MUTED).text(`Receipt ${input.paymentId}`, { width });
  drawFooters(doc, 'Receipt');
  doc.end();
  return done;
}
