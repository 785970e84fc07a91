'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { minorToText, textToMinor } from '@carelane/core';
import { Alert, Button, SelectField, TextField } from '@carelane/ui';
import { type FormEvent, useState } from 'react';
import { type Invoice, refreshInvoice } from '@/components/invoices/invoice-format';
import { Modal } from '@/components/modal';
import { fieldErrors } from '@/components/server-errors';

const METHODS = [
  { value: 'cash', label: 'Cash' },
  { value: 'card', label: 'Card' },
  { value: 'upi', label: 'UPI' },
  { value: 'bank', label: 'Bank transfer' },
] as const;
type Method = (typeof METHODS)[number]['value'];

/** Money taken at the desk: the balance by default; less for a part payment. */
export function PaymentDialog({ invoice, onClose }: { invoice: Invoice; onClose: (message: string | null) => void }) {
  const utils = trpc.useUtils();
  const record = trpc.invoices.recordPayment.useMutation();
  const [method, setMethod] = useState<Method>('cash');
  const [amount, setAmount] = useState(minorToText(invoice.balanceMinor, invoice.currency));
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const amountMinor = textToMinor(amount, invoice.currency);
    if (amountMinor === null || amountMinor <= 0) {
      setErrors({ amountMinor: 'Enter the amount like 500 or 499.50' });
      return;
    }
    setErrors({});
    try {
      await record.mutateAsync({
        invoiceId: invoice.id,
        method,
        amountMinor,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      });
      await refreshInvoice(utils, invoice);
      onClose('Payment recorded.');
    } catch (error) {
      const found = fieldErrors(error);
      setErrors(found);
      if (!found.amountMinor && !found.reference) setProblem(found.method ?? errorMessage(error));
    }
  }

  return (
    <Modal title="Record payment" onClose={() => onClose(null)}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <SelectField
          label="Method"
          value={method}
          onChange={(e) => setMethod(e.target.value as Method)}
          options={[...METHODS]}
        />
        <TextField
          label={`Amount (${invoice.currency})`}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={errors.amountMinor}
          data-autofocus
        />
        <TextField
          label="Reference (optional)"
          hint="Card slip, UPI or bank transaction number"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          error={errors.reference}
        />
        {problem ? <Alert>{problem}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={record.isPending}>
            Record payment
          </Button>
          <Button variant="secondary" onClick={() => onClose(null)}>
            Cancel
          </Button>
        </div>
      </form>
    </Modal>
  );
}
