'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney, type PaymentStatus } from '@carelane/core';
import { Alert, Button, SelectField } from '@carelane/ui';
import { useState } from 'react';

const PAYMENT_LABELS: Record<PaymentStatus, string> = {
  unpaid: 'Not paid',
  partly_paid: 'Part paid',
  paid: 'Paid',
  refunded: 'Refunded',
  waived: 'Waived',
};

type Channel = '' | 'sms' | 'whatsapp' | 'email';

/**
 * What a visit costs and whether it is paid; staff who take payments can send the patient a
 * link for what it still owes (a visit already on an invoice is paid through the invoice).
 */
export function VisitPayment({
  appointmentId,
  feeMinor,
  currency,
  paymentStatus,
  canSendLink,
}: {
  appointmentId: string;
  feeMinor: number;
  currency: string;
  paymentStatus: PaymentStatus;
  canSendLink: boolean;
}) {
  const create = trpc.appointments.createPaymentLink.useMutation();
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<Channel>('');
  const owes = feeMinor > 0 && (paymentStatus === 'unpaid' || paymentStatus === 'partly_paid');
  const link = create.data;
  return (
    <div className="space-y-2 border-t border-slate-200 pt-3 text-sm">
      <p>
        <span className="text-slate-600">Fee </span>
        <span className="font-semibold text-slate-900">{formatMoney(feeMinor, currency)}</span>
        <span className="text-slate-600"> · {PAYMENT_LABELS[paymentStatus]}</span>
      </p>
      {canSendLink && owes && !open ? (
        <Button variant="secondary" className="min-h-0 px-3 py-1.5" onClick={() => setOpen(true)}>
          Payment link
        </Button>
      ) : null}
      {open && link ? (
        <div className="space-y-1" aria-live="polite">
          <p className="text-slate-700">
            A link to pay {formatMoney(link.amountMinor, currency)}
            {link.sentVia
              ? ` was sent by ${link.sentVia === 'whatsapp' ? 'WhatsApp' : link.sentVia.toUpperCase()}`
              : ''}
            :
          </p>
          <p className="break-all rounded-md bg-slate-100 px-3 py-2 font-mono" data-testid="visit-payment-link">
            {link.url}
          </p>
        </div>
      ) : null}
      {open && !link ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ appointmentId, ...(channel ? { sendVia: channel } : {}) });
          }}
        >
          <SelectField
            label="Send the link"
            value={channel}
            onChange={(e) => setChannel(e.target.value as Channel)}
            options={[
              { value: '', label: 'Don’t send: I’ll copy it' },
              { value: 'sms', label: 'By SMS' },
              { value: 'whatsapp', label: 'By WhatsApp' },
              { value: 'email', label: 'By email' },
            ]}
          />
          <Button type="submit" busy={create.isPending}>
            Create link
          </Button>
          <Button variant="ghost" onClick={() => setOpen(false)}>
            Close
          </Button>
        </form>
      ) : null}
      {create.error ? <Alert>{errorMessage(create.error)}</Alert> : null}
    </div>
  );
}
