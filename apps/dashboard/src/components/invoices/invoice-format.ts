import type { RouterOutputs } from '@carelane/api/client';

export type Invoice = RouterOutputs['invoices']['byId'];
export type Payment = Invoice['payments'][number];

/** Invalidates what shows this invoice: its page and its patient's Payments tab. */
export async function refreshInvoice(
  utils: {
    invoices: {
      byId: { invalidate: (input: { id: string }) => Promise<void> };
      forPatient: { invalidate: (input: { patientId: string }) => Promise<void> };
      statement: { invalidate: (input: { patientId: string }) => Promise<void> };
      billable: { invalidate: (input: { patientId: string }) => Promise<void> };
    };
  },
  invoice: { id: string | null; patientId: string },
) {
  await Promise.all([
    invoice.id ? utils.invoices.byId.invalidate({ id: invoice.id }) : null,
    utils.invoices.forPatient.invalidate({ patientId: invoice.patientId }),
    utils.invoices.statement.invalidate({ patientId: invoice.patientId }),
    utils.invoices.billable.invalidate({ patientId: invoice.patientId }),
  ]);
}
