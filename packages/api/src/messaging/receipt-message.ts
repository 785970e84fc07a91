import { formatMoney } from '@carelane/core';
import { type DbOrTx, invoices, organizations, payments } from '@carelane/db';
import { eq } from 'drizzle-orm';
import type { Tenant } from '../tenancy';
import { notifyPatient } from './notify-patient';

/**
 * Thanks the patient for money received (at the desk or online), in the transaction that records
 * it; once per payment, whatever later events add to it.
 */
export async function paymentReceipt(tx: DbOrTx, tenant: Tenant, paymentId: string) {
  const { organizationId } = tenant;
  const [row] = await tx
    .select({ payment: payments, invoiceNumber: invoices.number, zone: organizations.defaultZone })
    .from(payments)
    .innerJoin(organizations, tenant.organization())
    .leftJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(tenant.where(payments, eq(payments.id, paymentId)));
  if (!row || row.payment.creditedMinor <= 0) return;
  const { payment } = row;
  await notifyPatient(tx, {
    organizationId,
    patientId: payment.patientId,
    kind: 'receipt',
    idempotencyKey: `receipt:${payment.id}`,
    appointmentId: payment.appointmentId ?? undefined,
    payload: {
      amount: formatMoney(payment.creditedMinor, payment.currency),
      paidAt: payment.receivedAt.toISOString(),
      zone: row.zone,
      ...(row.invoiceNumber !== null ? { invoiceNumber: row.invoiceNumber } : {}),
    },
  });
}
