'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, TextField } from '@carelane/ui';
import { type FormEvent, useState } from 'react';
import { type Invoice, refreshInvoice } from '@/components/invoices/invoice-format';
import { Modal } from '@/components/modal';
import { fieldErrors } from '@/components/server-errors';

/** Voids the invoice for good, with the reason; what it billed can then be billed again. */
export function VoidDialog({ invoice, onClose }: { invoice: Invoice; onClose: (message: string | null) => void }) {
  const utils = trpc.useUtils();
  const voidIt = trpc.invoices.void.useMutation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (reason.trim().length < 3) {
      setError('Say why the invoice is void');
      return;
    }
    setError(null);
    try {
      await voidIt.mutateAsync({ id: invoice.id, reason: reason.trim() });
      await refreshInvoice(utils, invoice);
      onClose('Invoice void.');
    } catch (e) {
      const server = fieldErrors(e);
      if (server.reason) setError(server.reason);
      else setProblem(errorMessage(e));
    }
  }

  return (
    <Modal title="Void invoice" onClose={() => onClose(null)}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <p className="text-sm text-slate-700">
          A void invoice stays on record but is no longer owed, and cannot be undone. Its treatments and visits can be
          billed again.
        </p>
        <TextField
          label="Reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error}
          data-autofocus
        />
        {problem ? <Alert>{problem}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="danger" busy={voidIt.isPending}>
            Void invoice
          </Button>
          <Button variant="secondary" onClick={() => onClose(null)}>
            Keep it
          </Button>
        </div>
      </form>
    </Modal>
  );
}
