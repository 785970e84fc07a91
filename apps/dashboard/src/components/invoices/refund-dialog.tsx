'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney, minorToText, textToMinor } from '@carelane/core';
import { Alert, Button, TextField } from '@carelane/ui';
import { type FormEvent, useState } from 'react';
import { Modal } from '@/components/modal';
import { fieldErrors } from '@/components/server-errors';
import { refreshInvoice } from './invoice-format';

/**
 * Gives back part or all of what a payment still credits, with the reason: from an invoice, or
 * from the patient's payments for money taken without one (a booking's prepayment).
 */
export function RefundDialog({
  patientId,
  invoiceId,
  payment,
  onClose,
}: {
  patientId: string;
  invoiceId: string | null;
  payment: { id: string; creditedMinor: number; currency: string };
  onClose: (message: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const refund = trpc.invoices.refund.useMutation();
  const [amount, setAmount] = useState(minorToText(payment.creditedMinor, payment.currency));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const amountMinor = textToMinor(amount, payment.currency);
    const found: Record<string, string> = {};
    if (amountMinor === null || amountMinor <= 0) found.amountMinor = 'Enter the amount like 500 or 499.50';
    else if (amountMinor > payment.creditedMinor)
      found.amountMinor = `At most ${formatMoney(payment.creditedMinor, payment.currency)}`;
    if (reason.trim().length < 3) found.reason = 'Say why the money is given back';
    setErrors(found);
    if (Object.keys(found).length || amountMinor === null) return;
    try {
      const given = await refund.mutateAsync({ paymentId: payment.id, amountMinor, reason: reason.trim() });
      await refreshInvoice(utils, { id: invoiceId, patientId });
      onClose(
        given.status === 'pending'
          ? `Refund of ${formatMoney(amountMinor, payment.currency)} sent to Razorpay; it shows here once processed.`
          : `Refunded ${formatMoney(amountMinor, payment.currency)}.`,
      );
    } catch (error) {
      const server = fieldErrors(error);
      setErrors(server);
      if (!server.amountMinor && !server.reason) setProblem(errorMessage(error));
    }
  }

  return (
    <Modal title="Refund payment" onClose={() => onClose(null)}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <p className="text-sm text-slate-700">
          This payment still credits {formatMoney(payment.creditedMinor, payment.currency)}.
        </p>
        <TextField
          label={`Amount (${payment.currency})`}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={errors.amountMinor}
          data-autofocus
        />
        <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
        {problem ? <Alert>{problem}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="danger" busy={refund.isPending}>
            Refund
          </Button>
          <Button variant="secondary" onClick={() => onClose(null)}>
            Cancel
          </Button>
        </div>
      </form>
    </Modal>
  );
}
