'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney } from '@carelane/core';
import { Alert, Button, SelectField } from '@carelane/ui';
import { useState } from 'react';
import type { Invoice } from '@/components/invoices/invoice-format';
import { Modal } from '@/components/modal';

type Channel = '' | 'sms' | 'whatsapp' | 'email';
const CHANNEL_LABELS: Record<string, string> = { sms: 'SMS', whatsapp: 'WhatsApp', email: 'email' };

/** A gateway link for the balance, optionally sent to the patient; the URL to copy either way. */
export function LinkDialog({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const create = trpc.invoices.createPaymentLink.useMutation();
  const [channel, setChannel] = useState<Channel>('');
  const [copied, setCopied] = useState(false);
  const link = create.data;

  return (
    <Modal title="Payment link" onClose={onClose}>
      {link ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">
            A link to pay {formatMoney(link.amountMinor, invoice.currency)}
            {link.sentVia ? `, sent by ${CHANNEL_LABELS[link.sentVia] ?? link.sentVia}.` : '.'}
          </p>
          <p className="break-all rounded-md bg-slate-100 px-3 py-2 font-mono text-sm" data-testid="payment-link-url">
            {link.url}
          </p>
          <div aria-live="polite" className="flex flex-wrap items-center gap-2">
            <Button
              onClick={() =>
                void navigator.clipboard.writeText(link.url).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              Copy
            </Button>
            {copied ? <span className="text-sm text-emerald-800">Copied.</span> : null}
            <Button variant="secondary" onClick={onClose}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ invoiceId: invoice.id, ...(channel ? { sendVia: channel } : {}) });
          }}
        >
          <p className="text-sm text-slate-700">
            The patient pays the balance of {formatMoney(invoice.balanceMinor, invoice.currency)} online.
          </p>
          <SelectField
            label="Send it"
            value={channel}
            onChange={(e) => setChannel(e.target.value as Channel)}
            data-autofocus
            options={[
              { value: '', label: 'Don’t send: I’ll copy the link' },
              { value: 'sms', label: 'By SMS' },
              { value: 'whatsapp', label: 'By WhatsApp' },
              { value: 'email', label: 'By email' },
            ]}
          />
          {create.error ? <Alert>{errorMessage(create.error)}</Alert> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={create.isPending}>
              Create link
            </Button>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
