'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney } from '@carelane/core';
import { Alert, Button } from '@carelane/ui';

type CheckoutForm = { action: string; fields: Record<string, string> };

/**
 * Sends the browser to Razorpay's hosted Checkout the way Razorpay documents it: a form posted
 * to its address. The gateway posts the result back to our callback, which checks it.
 */
export function openCheckout(form: CheckoutForm) {
  const element = document.createElement('form');
  element.method = 'post';
  element.action = form.action;
  for (const [name, value] of Object.entries(form.fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    element.append(input);
  }
  document.body.append(element);
  element.submit();
}

/** Opens Checkout for what a pending visit still owes in advance. */
export function usePayVisit() {
  return trpc.portal.pay.useMutation({ onSuccess: openCheckout });
}

/** "Pay ₹500 now" for one pending visit, with the reason shown when it cannot be paid. */
export function PayVisitButton({
  appointmentId,
  amountMinor,
  currency,
}: {
  appointmentId: string;
  amountMinor: number;
  currency: string;
}) {
  const pay = usePayVisit();
  return (
    <div className="space-y-2">
      <Button
        className="min-h-0 px-3 py-1.5"
        busy={pay.isPending || pay.isSuccess}
        onClick={() => pay.mutate({ appointmentId })}
      >
        Pay {formatMoney(amountMinor, currency)} now
      </Button>
      {pay.error ? <Alert>{errorMessage(pay.error)}</Alert> : null}
    </div>
  );
}
